"""Request bodies over the limit are refused while they arrive, in the error shape."""

from collections.abc import AsyncIterator

import pytest
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient

CHUNK = b" " * 65_536
JSON = {"Content-Type": "application/json"}


class Upload:
    """A body sent in chunks, as a client streams it, that counts the bytes taken from it."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.taken = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        while self.taken < self.size:
            self.taken += len(CHUNK)
            yield CHUNK


@pytest.fixture
def limit(app: FastAPI) -> int:
    limit: int = app.state.settings.request_body_max_bytes
    return limit


@pytest.fixture
async def stranger(app: FastAPI) -> AsyncIterator[AsyncClient]:
    """A client without any credentials: the limit comes before authentication."""
    transport = ASGITransport(app=app, raise_app_exceptions=False)
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        yield client


def assert_too_large(response_json: dict[str, dict[str, str]], limit: int) -> None:
    error = response_json["error"]
    assert error["code"] == "content_too_large"
    assert error["message"] == f"The request body is larger than {limit} bytes."
    assert error["request_id"]


async def test_a_streamed_body_is_cut_off_at_the_limit(stranger: AsyncClient, limit: int) -> None:
    upload = Upload(size=64 * limit)

    response = await stranger.post("/api/v1/items", content=upload, headers=JSON)

    assert response.status_code == 413
    assert "content-length" not in response.request.headers
    assert_too_large(response.json(), limit)
    assert upload.taken <= limit + len(CHUNK)


async def test_a_declared_length_over_the_limit_is_refused_unread(
    stranger: AsyncClient, limit: int
) -> None:
    upload = Upload(size=limit + 1)
    headers = JSON | {"Content-Length": str(limit + 1)}

    response = await stranger.post("/api/v1/items", content=upload, headers=headers)

    assert response.status_code == 413
    assert_too_large(response.json(), limit)
    assert upload.taken == 0


async def test_a_lying_content_length_does_not_lift_the_limit(
    stranger: AsyncClient, limit: int
) -> None:
    upload = Upload(size=8 * limit)
    headers = JSON | {"Content-Length": "2"}

    response = await stranger.post("/api/v1/items", content=upload, headers=headers)

    assert response.status_code == 413
    assert upload.taken <= limit + len(CHUNK)


async def test_a_body_at_the_limit_is_read(client: AsyncClient, limit: int) -> None:
    body = b'{"name": "' + b"n" * (limit - 40) + b'", "price_cents": 1}'
    body += b" " * (limit - len(body))

    response = await client.post("/api/v1/items", content=body, headers=JSON)

    # Read and validated: the name is too long for an item, not the body for the service.
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


async def test_the_limit_is_documented_where_a_body_is_read(client: AsyncClient) -> None:
    paths = (await client.get("/openapi.json")).json()["paths"]
    operations = [operation for path in paths.values() for operation in path.values()]

    assert any("requestBody" in operation for operation in operations)
    for operation in operations:
        assert ("413" in operation["responses"]) == ("requestBody" in operation)
