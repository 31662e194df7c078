{# part: private-database-import #}

from private_postgresql import PrivatePostgreSQL as PrivateDatabase
{# part: tests #}



async def test_a_database_shutting_down_gives_503(
    client: AsyncClient, database: PrivateDatabase
) -> None:
    """PostgreSQL refuses new sessions while it waits for open ones to end, with an error
    of its own (SQLSTATE 57P03) rather than a refused connection."""
    admin = create_async_engine(database.server_url)
    async with admin.connect() as session:
        await session.execute(text("SELECT 1"))
        await asyncio.to_thread(database.shut_down_when_idle)
        # The service's pool is empty yet: this request needs a new session.
        assert_unavailable(await client.get(ITEMS))
    await admin.dispose()
