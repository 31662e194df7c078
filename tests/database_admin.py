"""Create or drop a database on a server: `python database_admin.py create|drop SERVER_URL NAME`.

Runs with a rendered project's interpreter, which has SQLAlchemy and the server's driver, so
the template's own environment (and the benchmark's) needs neither. SERVER_URL is an async
SQLAlchemy URL of any database on the server, such as postgresql+asyncpg://postgres@host/postgres.
"""

import asyncio
import sys

from sqlalchemy import make_url, text
from sqlalchemy.ext.asyncio import create_async_engine


async def main(action: str, server_url: str, name: str) -> None:
    engine = create_async_engine(server_url, isolation_level="AUTOCOMMIT")
    # On PostgreSQL, FORCE ends connections a crashed server may have left behind.
    force = " WITH (FORCE)" if make_url(server_url).get_backend_name() == "postgresql" else ""
    statement = (
        f"CREATE DATABASE {name}"
        if action == "create"
        else f"DROP DATABASE IF EXISTS {name}{force}"
    )
    try:
        async with engine.connect() as connection:
            await connection.execute(text(statement))
    finally:
        await engine.dispose()


if __name__ == "__main__":
    action, server_url, name = sys.argv[1:]
    if action not in {"create", "drop"} or not name.isidentifier():
        sys.exit("usage: database_admin.py create|drop SERVER_URL NAME")
    asyncio.run(main(action, server_url, name))
