{# part: imports #}

from .tasks.celery_app import broker_check, create_celery
from .tasks.outbox import open_task_relay
{{ fragments("app.py", "outbox-import") }}
{# part: resources #}

    # Connects lazily, on the first task sent.
    app.state.celery = create_celery(app.state.settings)
    checks["broker"] = broker_check(app.state.celery)
    app.state.task_relay = await resources.enter_async_context(
        open_task_relay(app.state.celery, {{ fragments("app.py", "outbox") }}, app.state.settings)
    )
