{# part: imports #}

from .db.session import open_database
{# part: resources #}

    app.state.database = await resources.enter_async_context(open_database(app.state.settings))
    checks["database"] = app.state.database.ping
{# part: outbox-import #}
from .tasks.sql_outbox import SqlOutbox
{# part: outbox #}
SqlOutbox(app.state.database)
