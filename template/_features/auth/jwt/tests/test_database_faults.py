{# part: socket-imports #}

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed
{# part: socket-tests #}



async def test_a_socket_opened_while_the_database_is_down_is_told_to_try_again(
    client: AsyncClient, database: PrivateDatabase
) -> None:
    """Its sign-in needs the database: the socket is closed with 1013, as a request gets 503."""
    await asyncio.to_thread(database.stop)
    url = f"ws://{client.base_url.host}:{client.base_url.port}/api/v1/items/events"
    headers = {"Authorization": client.headers["Authorization"]}
    async with connect(url, additional_headers=headers) as socket:
        with pytest.raises(ConnectionClosed) as closed:
            await socket.recv()
    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 1013
