{# part: classes #}



class RedisSettings(BaseSettings):
    """The Redis server, and how long to wait for it."""

    redis_url: str = "redis://127.0.0.1:6379/0"
    # How long one Redis command (or connecting) may take: Redis answers in a millisecond.
    redis_timeout_seconds: float = Field(default=0.5, gt=0)
{{- fragments("settings.py", "redis") }}
{# part: bases #}
RedisSettings,
