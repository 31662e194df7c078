"""Item changes streamed to clients over a WebSocket."""
