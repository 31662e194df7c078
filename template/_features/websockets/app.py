{# part: imports #}

from .events.broker import open_event_broker
from .events.router import router as events_router
{# part: resources #}
{%- if use_redis %}
    app.state.events = await resources.enter_async_context(
        open_event_broker(app.state.redis, app.state.redis_breaker, app.state.settings)
    )
{%- else %}
    app.state.events = await resources.enter_async_context(open_event_broker())
{%- endif %}
{# part: routers #}

    # Beside api_router: sockets authenticate themselves, before they are accepted.
    app.include_router(events_router)
