{# part: imports #}

from .rate_limits import open_rate_limiter
{# part: resources #}
{%- if cache %}
    app.state.rate_limiter = open_rate_limiter(
        app.state.redis, app.state.redis_breaker, app.state.settings
    )
{%- else %}
    app.state.rate_limiter = open_rate_limiter()
{%- endif %}
