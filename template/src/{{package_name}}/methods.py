"""HTTP method semantics the router leaves out: HEAD wherever GET is, and a 405 that names
every method its path takes (each method of a path is a route of its own)."""

import re
from typing import Any

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .openapi import methods_of


class HeadMiddleware:
    """Answers HEAD as GET would, headers and all, without the body (RFC 9110, 9.3.2).

    Once the headers are out, the app hears that the client has gone, as it has for all it
    will receive: a streamed body (an export, an event stream) stops instead of running on.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return
        answered = anyio.Event()

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if answered.is_set():
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
                answered.set()
            await send(message)

        async def receive_until_answered() -> Message:
            received: list[Message] = []
            if not answered.is_set():
                async with anyio.create_task_group() as group:

                    async def receive_one() -> None:
                        received.append(await receive())
                        group.cancel_scope.cancel()

                    group.start_soon(receive_one)
                    await answered.wait()
                    group.cancel_scope.cancel()
            return received[0] if received else {"type": "http.disconnect"}

        await self.app({**scope, "method": "GET"}, receive_until_answered, send_headers_only)


def path_pattern(template: str) -> re.Pattern[str]:
    """`/items/{item_id}` as a regular expression: each parameter is one path segment."""
    return re.compile("[^/]+".join(re.escape(part) for part in re.split(r"\{[^/}]+\}", template)))


def allowed_methods(paths: dict[str, dict[str, Any]], path: str) -> str | None:
    """The `Allow` header of a 405 for `path`: the methods the OpenAPI `paths` document on
    it, with HEAD wherever GET is; None for a path they do not hold."""
    matching = [template for template in paths if path_pattern(template).fullmatch(path)]
    if not matching:
        return None
    # The one with the fewest parameters: `/items/export` is not `/items/{item_id}`.
    template = min(matching, key=lambda template: template.count("{"))
    methods = set(methods_of(paths[template]))
    return ", ".join(sorted(methods | ({"HEAD"} if "GET" in methods else set())))
