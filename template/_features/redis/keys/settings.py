{# part: redis #}

    # Starts every key (and channel) this service keeps in Redis; services sharing one differ.
    redis_prefix: str = "{{ package_name }}:"
    # After Redis fails, it is left alone this long (a circuit breaker), then tried again.
    redis_retry_seconds: float = Field(default=5, gt=0)
