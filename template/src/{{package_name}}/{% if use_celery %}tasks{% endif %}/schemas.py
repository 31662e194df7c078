"""What the task-status endpoint reports."""

from typing import Any, Literal, Self
from uuid import UUID

from celery.result import AsyncResult
from pydantic import BaseModel, Field, JsonValue

TaskState = Literal["PENDING", "STARTED", "RETRY", "FAILURE", "SUCCESS", "REVOKED"]


class TaskStatus(BaseModel):
    id: UUID
    state: TaskState = Field(
        description="PENDING while queued (and for ids Celery does not know), then STARTED,"
        " and SUCCESS or FAILURE; RETRY between attempts."
    )
    result: JsonValue = Field(default=None, description="What the task returned, on SUCCESS.")
    error: str | None = Field(default=None, description="Why it failed, on FAILURE or RETRY.")

    @classmethod
    def of(cls, result: AsyncResult[Any]) -> Self:
        state = result.state
        # The return value on SUCCESS; on FAILURE and RETRY, the exception.
        outcome: Any = result.result
        if state == "SUCCESS":
            return cls(id=result.id, state=state, result=outcome)
        if state in {"FAILURE", "RETRY"}:
            return cls(id=result.id, state=state, error=f"{type(outcome).__name__}: {outcome}")
        return cls(id=result.id, state=state)
