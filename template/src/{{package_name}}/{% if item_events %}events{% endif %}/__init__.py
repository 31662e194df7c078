"""Item changes streamed to clients, over a WebSocket or as Server-Sent Events."""
