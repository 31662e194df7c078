"""Create or drop the benchmark's database: `python pg_admin.py create|drop ADMIN_URL NAME`.

Run with the rendered project's interpreter, which has asyncpg, so that the benchmark's own
interpreter needs nothing beyond the standard library and copier.
"""

import asyncio
import sys

import asyncpg  # type: ignore[import-untyped]


async def main(action: str, admin_url: str, name: str) -> None:
    connection = await asyncpg.connect(admin_url)
    try:
        if action == "create":
            await connection.execute(f'CREATE DATABASE "{name}"')
        else:
            # FORCE ends connections a crashed server may have left behind.
            await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await connection.close()


if __name__ == "__main__":
    action, admin_url, name = sys.argv[1:]
    if action not in {"create", "drop"} or not name.isidentifier():
        sys.exit("usage: pg_admin.py create|drop ADMIN_URL NAME")
    asyncio.run(main(action, admin_url, name))
