"""The API docs come from the service itself: /docs and /redoc work without a CDN."""

import re

import pytest
from httpx import AsyncClient

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
