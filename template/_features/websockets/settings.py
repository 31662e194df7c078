{# part: classes #}



class WebSocketSettings(BaseSettings):
    """The item events socket."""

    # A client is pinged after this many seconds of quiet.
    websocket_ping_seconds: float = Field(default=20, gt=0)
{# part: bases #}
WebSocketSettings,
