"""The baseline: the items list served by Starlette + asyncpg alone.

No validation layer, no ORM, no middleware: the same work as the rendered service's
`GET /api/v1/items` (decode the bearer token, look its user up and compare its token
generation, count and list that user's items) and the same JSON shape, so that the
benchmark shows what the template's layers cost on top of the bare framework and driver.

Served by uvicorn from the rendered project's environment (which has PyJWT); DATABASE_URL
is a plain `postgresql://` URL, DATABASE_POOL_SIZE the number of connections and JWT_SECRET
the service's signing secret.
"""

import os
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any

import asyncpg  # type: ignore[import-untyped]
import jwt
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

USER_SQL = "SELECT id, email, role, created_at, token_generation FROM users WHERE id = $1"
LIST_SQL = (
    "SELECT id, name, description, price_cents, created_at, updated_at, owner_id, version"
    " FROM items WHERE owner_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3"
)
COUNT_SQL = "SELECT count(*) FROM items WHERE owner_id = $1"


def _item(record: Mapping[str, Any]) -> dict[str, Any]:
    item = dict(record)
    item["created_at"] = item["created_at"].isoformat()
    item["updated_at"] = item["updated_at"].isoformat()
    return item


async def list_items(request: Request) -> JSONResponse:
    token = request.headers.get("authorization", "").removeprefix("Bearer ")
    try:
        claims = jwt.decode(token, os.environ["JWT_SECRET"], algorithms=["HS256"])
    except jwt.InvalidTokenError:
        return JSONResponse({"error": "unauthorized"}, status_code=401)
    limit = int(request.query_params.get("limit", 20))
    offset = int(request.query_params.get("offset", 0))
    pool = request.app.state.pool
    async with pool.acquire() as connection:
        user = await connection.fetchrow(USER_SQL, int(claims["sub"]))
        # A token from before its user last signed out carries an older generation.
        if user is None or user["token_generation"] != claims.get("gen", 0):
            return JSONResponse({"error": "unauthorized"}, status_code=401)
        total = await connection.fetchval(COUNT_SQL, user["id"])
        records = await connection.fetch(LIST_SQL, user["id"], limit, offset)
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
