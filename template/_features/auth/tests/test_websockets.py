{# part: log-capture-import #}

from credential_watch import captured_logs
{# part: tests #}



@pytest.mark.parametrize(
    "headers",
    [{}, {{ fragments("tests/test_websockets.py", "invalid-credentials") }}],
    ids=["none", "invalid"],
)
async def test_a_socket_without_valid_credentials_is_closed(
    server: str, headers: dict[str, str]
) -> None:
    async with connect(f"ws://{server}/api/v1/items/events", additional_headers=headers) as socket:
        with pytest.raises(ConnectionClosed) as closed:
            await receive(socket)

    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 1008  # policy violation


async def test_a_credential_in_the_socket_url_stays_out_of_the_log(
    server: str, credentials: dict[str, str]
) -> None:
{{- fragments("tests/test_websockets.py", "credential-in-the-url") }}
    # As a browser connects: it cannot set headers on a WebSocket.
    with captured_logs() as logs:
        async with subscribed(server, {}, query=f"{parameter}={secret}"):
            pass

    assert f"/api/v1/items/events?{parameter}=[redacted]" in logs.getvalue()
    assert secret not in logs.getvalue()
