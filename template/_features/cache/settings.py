{# part: classes #}



class CacheSettings(BaseSettings):
    """The item cache in Redis, and the limit on writes counted there."""

    # How long an item read stays in Redis; writes remove it at once.
    cache_seconds: int = Field(default=60, ge=1)
    # Requests per client address, such as "120/minute" or "1000/hour".
    rate_limit_writes: RateLimit = "120/minute"
    # When Redis cannot count: true serves without limits, false refuses with 503.
    rate_limits_fail_open: bool = True
{# part: bases #}
CacheSettings,
