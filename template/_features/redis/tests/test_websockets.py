{# part: server-fixtures #}



@pytest.fixture(scope="module")
def second_server(server_settings: Settings) -> Iterator[str]:
    with serve(server_settings) as address:
        yield address
{# part: tests #}



async def test_events_reach_sockets_of_other_servers(
    server: str, second_server: str, credentials: dict[str, str]
) -> None:
    """Made through one server, heard on another: each has a hub of its own, so the event
    can only travel through Redis, as between processes and machines."""
    async with (
        subscribed(second_server, credentials) as socket,
        http(server, credentials) as client,
    ):
        item = await create_item(client, "Vase")

        assert await next_event(socket) == event("created", item)
