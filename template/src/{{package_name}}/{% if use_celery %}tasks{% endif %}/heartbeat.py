"""A periodic task: beat sends it every minute and a worker records when it ran.

Monitoring that finds the record older than a few minutes knows that beat or every
worker has stopped.
"""

from datetime import UTC, datetime

from celery import Task, shared_task

from .celery_app import HEARTBEAT, results_store

# How long a record lasts: long enough to see when the last one was written.
RECORD_SECONDS = 24 * 60 * 60


def heartbeat_key(queue: str) -> str:
    return f"{queue}:last-heartbeat"


@shared_task(name=HEARTBEAT, bind=True, ignore_result=True)
def heartbeat(self: Task[[], str]) -> str:
    """Record the time; returns it."""
    now = datetime.now(UTC).isoformat()
    queue = self.app.conf.task_default_queue
    results_store(self.app).set(heartbeat_key(queue), now, ex=RECORD_SECONDS)
    return now
