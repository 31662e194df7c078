"""HTTP method semantics the router leaves out: HEAD wherever GET is, and a 405 that names
every method its path takes (each method of a path is a route of its own)."""

import re
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .openapi import methods_of


class HeadMiddleware:
    """Answers HEAD as GET would, headers and all, without the body (RFC 9110, 9.3.2)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)


def path_pattern(template: str) -> re.Pattern[str]:
    """`/items/{item_id}` as a regular expression: each parameter is one path segment."""
    return re.compile("[^/]+".join(re.escape(part) for part in re.split(r"\{[^/}]+\}", template)))


def allowed_methods(paths: dict[str, dict[str, Any]], path: str) -> str | None:
    """The `Allow` header of a 405 for `path`: the methods the OpenAPI `paths` document on
    it, with HEAD wherever GET is; None for a path they do not hold."""
    # A path without parameters first: `/items/export` is not `/items/{item_id}`.
    template = path if path in paths else None
    template = template or next((t for t in paths if path_pattern(t).fullmatch(path)), None)
    if template is None:
        return None
    methods = set(methods_of(paths[template]))
    return ", ".join(sorted(methods | ({"HEAD"} if "GET" in methods else set())))
