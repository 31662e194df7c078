"""The items export: every item the list would show, streamed as NDJSON or CSV."""

import csv
import io
import json
from typing import Any

import pytest
from httpx import AsyncClient

ITEMS = "/api/v1/items"
EXPORT = f"{ITEMS}/export"
# The rows of the memory tests (test_export_*.py): a table far larger than any batch.
MANY_ROWS = 100_000
# How much an export of MANY_ROWS rows may grow the memory the service holds at its peak. The
# export is about 20 MB of text, and its rows as Python objects several times that: either
# held whole would go past this.
EXPORT_MEMORY_BOUND = 24 * 2**20


async def create(client: AsyncClient, name: str, price_cents: int = 100) -> dict[str, Any]:
    response = await client.post(ITEMS, json={"name": name, "price_cents": price_cents})
    assert response.status_code == 201, response.text
    item: dict[str, Any] = response.json()
    return item


def ndjson(body: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in body.splitlines()]


async def test_the_export_is_what_the_list_shows_as_ndjson(client: AsyncClient) -> None:
    for name, price in [("Red cup", 300), ("Blue cup", 100), ("Red plate", 200), ("Fork", 50)]:
        await create(client, name, price)
    filters = {"q": "cup", "sort": "price_cents"}

    exported = await client.get(EXPORT, params=filters)
    listed = await client.get(ITEMS, params=filters)

    assert exported.status_code == 200
    assert exported.headers["content-type"] == "application/x-ndjson"
    assert exported.headers["content-disposition"] == 'attachment; filename="items.ndjson"'
    assert ndjson(exported.text) == listed.json()["items"]
    assert [item["name"] for item in ndjson(exported.text)] == ["Blue cup", "Red cup"]


@pytest.mark.parametrize(
    ("accept", "params"),
    [
        ("text/csv", {}),
        ("text/*", {}),
        ("application/x-ndjson;q=0.5, text/csv", {}),
        ("application/x-ndjson", {"format": "csv"}),
    ],
)
async def test_csv_by_the_accept_header_or_the_format(
    client: AsyncClient, accept: str, params: dict[str, str]
) -> None:
    cup = await create(client, "Cup", 250)

    exported = await client.get(EXPORT, params=params, headers={"Accept": accept})

    assert exported.status_code == 200
    assert exported.headers["content-type"] == "text/csv; charset=utf-8"
    assert exported.headers["content-disposition"] == 'attachment; filename="items.csv"'
    [row] = list(csv.DictReader(io.StringIO(exported.text)))
    assert row == {field: "" if value is None else str(value) for field, value in cup.items()}


async def test_a_cell_a_spreadsheet_would_run_as_a_formula_stays_text(
    client: AsyncClient,
) -> None:
    names = ['=HYPERLINK("http://example.com")', "+1", "-2", "@SUM(A1)", "Plain"]
    for name in names:
        await create(client, name)

    exported = await client.get(EXPORT, params={"format": "csv", "sort": "name"})

    cells = sorted(row["name"] for row in csv.DictReader(io.StringIO(exported.text)))
    assert cells == sorted(["'" + name for name in names[:-1]] + ["Plain"])


async def test_an_export_that_matches_nothing_is_empty(client: AsyncClient) -> None:
    cup = await create(client, "Cup")

    as_ndjson = await client.get(EXPORT, params={"q": "saucer"})
    as_csv = await client.get(EXPORT, params={"q": "saucer", "format": "csv"})

    assert (as_ndjson.status_code, as_ndjson.text) == (200, "")
    # The header line alone.
    assert as_csv.text.splitlines() == [",".join(cup)]


async def test_an_export_in_a_format_the_client_refuses_is_406(client: AsyncClient) -> None:
    refused = await client.get(EXPORT, headers={"Accept": "application/xml, text/csv;q=0"})

    assert refused.status_code == 406
    error = refused.json()["error"]
    assert error["code"] == "not_acceptable"
    assert "text/csv" in error["message"]


@pytest.mark.parametrize(
    "params",
    [{"format": "xml"}, {"limit": 10}, {"sort": "version"}, {"q": "nul\u0000byte"}],
)
async def test_an_invalid_export_query_is_rejected(
    client: AsyncClient, params: dict[str, Any]
) -> None:
    response = await client.get(EXPORT, params=params)

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
