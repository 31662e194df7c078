{# part: imports #}

from .sql_repository import get_item_repository
