{# part: classes #}



class CelerySettings(BaseSettings):
    """Celery: the broker carries tasks to the workers; results wait in Redis (REDIS_URL)."""

    celery_broker_url: str = "{{ celery_broker_url }}"
    # This service's queue; services that share a broker each need their own.
    celery_queue: str = Field(default="{{ package_name }}", pattern=r"^[A-Za-z0-9._-]+$")
    # How long sending a task may wait on the broker; a task it cannot take waits in the
    # outbox, which is relayed every TASK_RELAY_SECONDS.
    celery_broker_timeout_seconds: float = Field(default=5, gt=0)
    task_relay_seconds: float = Field(default=5, gt=0)
{# part: bases #}
CelerySettings,
