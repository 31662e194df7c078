{# part: imports #}

from .redis_client import {% if redis_keys %}RedisBreaker, {% endif %}open_redis, redis_check
{# part: resources #}

    app.state.redis = await resources.enter_async_context(open_redis(app.state.settings))
    checks["redis"] = redis_check(app.state.redis)
{%- if redis_keys %}
    app.state.redis_breaker = RedisBreaker(app.state.settings.redis_retry_seconds)
{%- endif %}
