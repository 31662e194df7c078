"""Request context: a request id on every request, response and log line."""

import logging
import re
import time
from uuid import uuid4

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .logs import request_id_var

REQUEST_ID_HEADER = "X-Request-ID"
# Ids from clients are echoed into logs and headers, so only plain tokens are kept.
_VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")

logger = logging.getLogger(__name__)


class RequestContextMiddleware:
    """Takes the request id from `X-Request-ID` (or makes one), returns it, logs the request.

    A plain ASGI middleware rather than `BaseHTTPMiddleware`: it adds no extra
    task or body buffering to the hot path.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        incoming = dict(scope["headers"]).get(REQUEST_ID_HEADER.lower().encode(), b"")
        request_id = incoming.decode("latin-1")
        if not _VALID_REQUEST_ID.fullmatch(request_id):
            request_id = uuid4().hex
        # Not reset afterwards: the server runs each request in its own task, and
        # the error handler outside this middleware still needs the id.
        request_id_var.set(request_id)

        status = 500
        started = time.perf_counter()

        async def send_with_request_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message).append(REQUEST_ID_HEADER, request_id)
            await send(message)

        try:
            await self.app(scope, receive, send_with_request_id)
        finally:
            logger.info(
                "request",
                extra={
                    "method": scope["method"],
                    "path": scope["path"],
                    "status": status,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                },
            )
