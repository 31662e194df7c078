"""Which hosts the service answers for, and the headers every response carries."""

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import error_response

# A JSON API needs no sniffing, no framing and no referrer sent on.
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
]


def host_name(host: str) -> str:
    """A Host header without its port: `API.example.com:8000` -> `api.example.com`."""
    if host.startswith("["):  # an IPv6 address, such as [::1]:8000
        return host.partition("]")[0] + "]"
    return host.partition(":")[0].lower()


def host_is_allowed(host: str, allowed: list[str]) -> bool:
    """Whether a Host header names one of `allowed`: names such as `api.example.com`, or
    `*.example.com` for any of its subdomains."""
    name = host_name(host)
    return any(
        name == pattern or (pattern.startswith("*.") and name.endswith(pattern[1:]))
        for pattern in allowed
    )


class SecurityMiddleware:
    """Refuses requests for hosts outside `allowed_hosts` (400), and adds SECURITY_HEADERS.

    The Host check stops a forged Host header from reaching links the service builds
    (such as `Location`) and DNS-rebinding pages from reaching a service on a laptop.
    """

    def __init__(self, app: ASGIApp, allowed_hosts: list[str]) -> None:
        self.app = app
        self.allowed_hosts = None if "*" in allowed_hosts else [h.lower() for h in allowed_hosts]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", ()), *SECURITY_HEADERS]
            await send(message)

        if self.allowed_hosts is not None:
            host = dict(scope["headers"]).get(b"host", b"").decode("latin-1")
            if not host_is_allowed(host, self.allowed_hosts):
                if scope["type"] == "websocket":
                    await send({"type": "websocket.close", "code": 1008})
                    return
                response = error_response(
                    400, "invalid_host", "This service does not answer for that host name."
                )
                await response(scope, receive, send_with_headers)
                return
        await self.app(scope, receive, send_with_headers)
