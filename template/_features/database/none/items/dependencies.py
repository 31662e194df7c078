{# part: imports #}

from .memory_repository import get_item_repository
