"""Request bodies: a size cap enforced while they stream in, and the errors only bodies cause.

The cap is checked before any route code runs, so a client cannot make the service hold
a large body in memory, not even one it is about to refuse as unauthenticated.

FastAPI's own `max_body_size` answers in plain text, outside the app's middleware; this
one raises to the reader of the body, so the 413 comes in the error shape, with its
request id.
"""

from typing import Any

from fastapi import Request, params
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import ErrorResponse, phrase
from .openapi import operations


class BodyTooLarge(HTTPException):
    """An HTTPException, as FastAPI passes those on untouched from its body parsing."""

    def __init__(self, max_bytes: int) -> None:
        super().__init__(413, f"The request body is larger than {max_bytes} bytes.")


# The OpenAPI extension in which an operation states a limit of its own.
MAX_BODY_BYTES = "x-max-body-bytes"


def body_limit(max_bytes: int | str) -> dict[str, Any]:
    """`openapi_extra` for a route whose bodies may be larger (or must be smaller) than
    REQUEST_BODY_MAX_BYTES, an upload say: `@router.post(..., openapi_extra=body_limit(N))`,
    or the name of the setting that holds the limit. The middleware enforces it, and the
    operation documents it."""
    return {MAX_BODY_BYTES: max_bytes}


def limit_for(scope: Scope, default: int) -> int:
    """The limit of the route the request reached, else `default`."""
    extra = getattr(scope.get("route"), "openapi_extra", None) or {}
    limit = extra.get(MAX_BODY_BYTES, default)
    if isinstance(limit, str):  # a setting's name: each deployment chooses
        limit = getattr(scope["app"].state.settings, limit)
    return int(limit)


class BodyLimitMiddleware:
    """Refuses a body over the limit with a 413, before more of it is read.

    Counted as the chunks arrive, so it holds with or without `Content-Length`, and when
    that header lies. A declared length over the limit is refused before the first chunk.
    The limit is `max_bytes`, or the route's own (`body_limit`): the body is first read
    once the request has been routed. Routes that never read their body are not affected.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length", b"")
        received = 0
        limit: int | None = None

        async def receive_within_limit() -> Message:
            nonlocal received, limit
            if limit is None:
                limit = limit_for(scope, self.max_bytes)
                if declared.isdigit() and int(declared) > limit:
                    raise BodyTooLarge(limit)
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # Raised to whoever is reading the body: FastAPI's error handlers
                    # answer it in the error shape.
                    raise BodyTooLarge(limit)
            return message

        await self.app(scope, receive_within_limit, send)


FORM_TYPES = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})


class UnsupportedMediaType(HTTPException):
    def __init__(self, expected: str) -> None:
        super().__init__(415, f"Send the request body as {expected}.")


async def require_declared_media_type(request: Request) -> None:
    """A router dependency: 415 for a body in a media type its operation does not take.

    Without it, JSON sent as text/plain would be a 422, as if it were malformed.
    """
    route = request.scope.get("route")
    has_body = request.headers.get("content-length", "0") != "0" or (
        "transfer-encoding" in request.headers
    )
    if not (isinstance(route, APIRoute) and route.body_field is not None and has_body):
        return
    media_type = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    takes_form = isinstance(route.body_field.field_info, params.Form)
    if takes_form:
        accepted = media_type in FORM_TYPES
    else:
        accepted = media_type == "application/json" or media_type.endswith("+json")
    if not accepted:
        expected = "application/x-www-form-urlencoded" if takes_form else "application/json"
        raise UnsupportedMediaType(expected)


def body_error(status: int) -> dict[str, Any]:
    schema = {"$ref": f"#/components/schemas/{ErrorResponse.__name__}"}
    return {"description": phrase(status), "content": {"application/json": {"schema": schema}}}


# The answers a request body can earn before any route code runs: 400 for a body that is
# not even text (invalid UTF-8), 413 for one too large, 415 for another media type.
BODY_ERRORS = {str(status): body_error(status) for status in (400, 413, 415)}


def document_body_errors(schema: dict[str, Any]) -> None:
    """Add the body errors to exactly the operations that take a body."""
    for _, operation in operations(schema):
        if "requestBody" in operation:
            operation["responses"] = BODY_ERRORS | operation["responses"]
