{# part: meanwhile #}
 Reads go to the database meanwhile, and the write limit fails open or
closed as RATE_LIMITS_FAIL_OPEN says.
{# part: stdlib-imports #}

import time
{# part: frozen-redis-tests #}



async def test_a_frozen_redis_costs_one_timeout_not_one_per_request(
    client: AsyncClient, redis: PrivateRedis
) -> None:
    item = (await client.post(ITEMS, json={"name": "Lamp", "price_cents": 4500})).json()
    path = f"{ITEMS}/{item['id']}"
    assert (await client.get(path)).json() == item  # now cached

    redis.freeze()
    try:
        durations = []
        for number in range(20):
            started = time.monotonic()
            read = await client.get(path)
            written = await client.post(ITEMS, json={"name": f"Cup {number}", "price_cents": 1})
            durations.append(time.monotonic() - started)
            assert read.json() == item
            assert written.status_code == 201
    finally:
        redis.thaw()

    # The first call waits out the timeout; the breaker spares every later one.
    assert durations[0] < 2 * TIMEOUT_SECONDS + 1
    assert max(durations[1:]) < TIMEOUT_SECONDS
{# part: killed-redis-tests #}



@pytest.mark.parametrize(("fail_open", "status"), [(True, 201), (False, 503)])
async def test_the_write_limit_fails_open_or_closed_as_set(
    settings: Settings,
    served_client: ServedClient,
    redis: PrivateRedis,
    fail_open: bool,  # noqa: FBT001
    status: int,
) -> None:
    limited = settings.model_copy(update={"rate_limits_fail_open": fail_open})
    async with served_client(limited) as client:
        redis.kill()
        written = await client.post(ITEMS, json={"name": "Lamp", "price_cents": 4500})
        listed = await client.get(ITEMS)

    assert written.status_code == status
    if status == 503:
        assert written.json()["error"]["code"] == "service_unavailable"
        assert written.headers["Retry-After"] == "5"
    # Reads count against no limit: they are served either way.
    assert listed.status_code == 200
