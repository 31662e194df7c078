{# part: stdlib-imports #}

from pathlib import Path
{# part: conftest-import #}

from conftest import HeadersFor
{# part: httpx-names #}
, TransportError
{# part: test-imports #}

from service_process import ServiceProcess, free_port
from sqlalchemy import select
{# part: package-imports #}

from {{ package_name }}.db.session import Database
from {{ package_name }}.items.models import Item
{# part: task-imports #}

from {{ package_name }}.tasks.models import OutboxTask
{# part: tests #}



async def test_a_service_killed_mid_write_leaves_every_item_with_its_task(
    app: FastAPI, settings: Settings, headers_for: HeadersFor, tmp_path: Path
) -> None:
    """SIGKILL while items are being created: an item and its task commit together, so
    each item written has exactly one task in the outbox, and no task lacks its item."""
    # A broker that is not there: every task stays in the outbox, to be counted.
    unsendable = settings.model_copy(
        update={"celery_broker_url": f"redis://127.0.0.1:{free_port()}/0"}
    )
    headers = await headers_for(app)
    acknowledged: list[int] = []
    under_way = asyncio.Event()

    async def create(client: AsyncClient, number: int) -> None:
        try:
            created = await client.post(ITEMS, json={"name": f"Lamp {number}", "price_cents": 1})
        except TransportError:
            return  # cut off by the kill
        acknowledged.append(created.json()["id"])
        if len(acknowledged) == 10:
            under_way.set()

    with ServiceProcess.running(unsendable, tmp_path / "service.log") as service:
        async with AsyncClient(base_url=service.url, headers=headers) as client:
            writes = [asyncio.create_task(create(client, number)) for number in range(200)]
            await asyncio.wait_for(under_way.wait(), DELIVERY_SECONDS)
            service.process.kill()
            await asyncio.gather(*writes)

    database: Database = app.state.database
    async with database.engine.connect() as connection:
        items = list((await connection.scalars(select(Item.id))).all())
        tasks = list((await connection.scalars(select(OutboxTask.args))).all())
    assert len(acknowledged) < 200, "the kill came after every write"
    assert set(acknowledged) <= set(items)
    assert sorted(args[0]["id"] for args in tasks) == sorted(items)
