{# part: best-effort #}
 Events are best-effort: the
soak counts those missed, and lets them be.
{# part: contextlib-imports #}
, suppress
{# part: imports #}

from websockets.asyncio.client import connect
from websockets.exceptions import InvalidHandshake, WebSocketException
{# part: tally-fields #}

    # The items whose creation an event announced.
    announced: set[int] = field(default_factory=set)
{# part: report-rows #}

            ("events missed (best-effort)", len(set(self.items) - self.announced)),
{# part: event-watcher #}



async def watch_events(tally: Tally, address: str, headers: dict[str, str] | None = None) -> None:
    """Note each item an event announces, connecting again whenever the socket is lost."""
    while True:
        with suppress(OSError, InvalidHandshake, WebSocketException):
            socket_url = f"ws://{address}/api/v1/items/events"
            async with connect(socket_url, additional_headers=headers) as socket:
                async for message in socket:
                    event = json.loads(message)
                    if event["type"] == "item.created":
                        tally.announced.add(event["item_id"])
        await asyncio.sleep(0.2)
{# part: client-setup #}

        address = url.removeprefix("http://")
        watcher = asyncio.create_task(watch_events(tally, address{{ fragments("soak.py", "watcher-arguments") }}))
        await asyncio.sleep(0.5)  # connected before the first item
{# part: cleanup #}

        watcher.cancel()
