{# part: imports #}

from .items.memory_repository import InMemoryItemStore
{# part: resources #}

    app.state.item_store = InMemoryItemStore()
{# part: outbox-import #}
from .tasks.memory_outbox import MemoryOutbox
{# part: outbox #}
MemoryOutbox()
