{# part: imports #}

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
{# part: server-fields #}

    database: PrivateDatabase
{# part: running-servers #}

            database=stack.enter_context(PrivateDatabase.running()),
{# part: server-settings #}

        "database_url": servers.database.url("service"),
{# part: create-database #}



async def create_database(server: PrivateDatabase) -> None:
    admin = create_async_engine(server.server_url, isolation_level="AUTOCOMMIT")
    async with admin.connect() as connection:
        await connection.execute(text("CREATE DATABASE service"))
    await admin.dispose()
{# part: new-database #}

        asyncio.run(create_database(servers.database))
