{# part: imports #}

from .cache import get_cached_item_repository
