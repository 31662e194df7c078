"""Liveness and readiness probes, outside /api/v1 so that load balancers find them easily."""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel

from .errors import ErrorDetail, ErrorResponse, NotReadyError

# A readiness check raises when its dependency cannot serve requests.
ReadinessCheck = Callable[[], Awaitable[None]]

CHECK_TIMEOUT_SECONDS = 2.0

router = APIRouter(prefix="/health", tags=["health"])


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    checks: dict[str, Literal["ok"]] = {}


@router.get("/live")
async def liveness() -> Health:
    """The process is up and serving; restart it if this stops answering."""
    return Health()


@router.get("/ready", responses={503: {"model": ErrorResponse, "description": "Not ready"}})
async def readiness(request: Request) -> Health:
    """Every backing service answers; send traffic only while this succeeds."""
    checks: dict[str, ReadinessCheck] = request.app.state.readiness_checks
    failures: list[ErrorDetail] = []
    for name, check in checks.items():
        try:
            async with asyncio.timeout(CHECK_TIMEOUT_SECONDS):
                await check()
        except Exception as error:  # noqa: BLE001 - any failure means "not ready"
            message = str(error) or type(error).__name__
            failures.append(ErrorDetail(loc=["checks", name], message=message, type="unavailable"))
    if failures:
        msg = "A backing service is unavailable."
        raise NotReadyError(msg, failures)
    return Health(checks=dict.fromkeys(checks, "ok"))
