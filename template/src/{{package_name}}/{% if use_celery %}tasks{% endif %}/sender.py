"""Sending tasks from the API, once the response has gone out.

By then the request's transaction has committed, so a worker never picks up a task
about data that was rolled back. `BackgroundTasks` fits such light, in-process follow-ups;
the work itself, which may be slow, retried or spread over machines, belongs in Celery.
"""

import logging
from typing import Annotated
from uuid import uuid4

from celery import Celery
from fastapi import BackgroundTasks, Depends, Request
from kombu.exceptions import OperationalError
from pydantic import JsonValue

logger = logging.getLogger(__name__)

# The response header that names the task a request queued, as documented in OpenAPI.
TASK_ID_HEADER = "X-Task-ID"
TASK_ID_HEADER_DOC = {
    TASK_ID_HEADER: {
        "description": "The id of the task this request queued.",
        "schema": {"type": "string", "format": "uuid"},
    }
}


class TaskSender:
    def __init__(self, celery: Celery, background: BackgroundTasks) -> None:
        self.celery = celery
        self.background = background

    def send_after_response(self, name: str, *args: JsonValue) -> str:
        """Queue the task `name` after the response; returns its id for the status endpoint."""
        task_id = str(uuid4())
        # A plain function: Starlette runs it in its threadpool, as publishing blocks.
        self.background.add_task(self._send, name, args, task_id)
        return task_id

    def _send(self, name: str, args: tuple[JsonValue, ...], task_id: str) -> None:
        try:
            self.celery.send_task(name, args=args, task_id=task_id)
        except OperationalError:
            # The client already has its answer; the task stays PENDING and the log says why.
            logger.exception("Could not queue task %s (%s)", name, task_id)


async def get_task_sender(request: Request, background: BackgroundTasks) -> TaskSender:
    return TaskSender(request.app.state.celery, background)


TaskSenderDep = Annotated[TaskSender, Depends(get_task_sender)]
