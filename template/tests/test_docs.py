"""The API docs come from the service itself: /docs and /redoc work without a CDN, and the
root leads to them."""

import re

import pytest
from fastapi import FastAPI
from httpx import ASGITransport, AsyncClient

ASSET = re.compile(r'(?:src|href)="([^"]+\.(?:js|css|png))"')


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
async def test_docs_page_loads_every_asset_from_the_service(client: AsyncClient, page: str) -> None:
    response = await client.get(page)

    assert response.status_code == 200
    assert "https://" not in response.text
    assets = ASSET.findall(response.text)
    assert assets
    for asset in assets:
        assert asset.startswith("/"), asset
        served = await client.get(asset)
        assert served.status_code == 200, asset
        assert len(served.content) > 1000, asset


async def test_the_root_redirects_to_the_docs(client: AsyncClient) -> None:
    response = await client.get("/")

    assert response.status_code == 307
    assert response.headers["location"] == "/docs"
    assert (await client.get(response.headers["location"])).status_code == 200


async def test_the_redirect_keeps_the_prefix_a_proxy_mounts_the_service_under(app: FastAPI) -> None:
    transport = ASGITransport(app=app, root_path="/orders")
    async with AsyncClient(transport=transport, base_url="http://test") as client:
        response = await client.get("/")

    assert response.headers["location"] == "/orders/docs"
