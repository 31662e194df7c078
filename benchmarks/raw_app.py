"""The baseline: the items list served by Starlette + asyncpg alone.

No validation layer, no ORM, no middleware: the same two queries on the same table and the
same JSON shape as the rendered service's `GET /api/v1/items`, so that the benchmark shows
what the template's layers cost on top of the bare framework and driver.

Served by uvicorn from the rendered project's environment; DATABASE_URL is a plain
`postgresql://` URL and DATABASE_POOL_SIZE the number of connections.
"""

import os
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any

import asyncpg  # type: ignore[import-untyped]
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

LIST_SQL = (
    "SELECT id, name, description, price_cents, created_at, updated_at FROM items"
    " ORDER BY created_at DESC, id DESC LIMIT $1 OFFSET $2"
)
COUNT_SQL = "SELECT count(*) FROM items"


def _item(record: Mapping[str, Any]) -> dict[str, Any]:
    item = dict(record)
    item["created_at"] = item["created_at"].isoformat()
    item["updated_at"] = item["updated_at"].isoformat()
    return item


async def list_items(request: Request) -> JSONResponse:
    limit = int(request.query_params.get("limit", 20))
    offset = int(request.query_params.get("offset", 0))
    pool = request.app.state.pool
    async with pool.acquire() as connection:
        total = await connection.fetchval(COUNT_SQL)
        records = await connection.fetch(LIST_SQL, limit, offset)
    items = [_item(record) for record in records]
    return JSONResponse({"items": items, "total": total, "limit": limit, "offset": offset})


@asynccontextmanager
async def lifespan(app: Starlette) -> AsyncIterator[None]:
    # The same number of connections as the service's pool, all kept open.
    size = int(os.environ["DATABASE_POOL_SIZE"])
    pool = asyncpg.create_pool(os.environ["DATABASE_URL"], min_size=size, max_size=size)
    async with pool:
        app.state.pool = pool
        yield


app = Starlette(routes=[Route("/api/v1/items", list_items)], lifespan=lifespan)
