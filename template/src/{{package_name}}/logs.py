"""JSON logs on stdout, each line carrying the id of the request that wrote it."""

import logging
import sys
from contextvars import ContextVar

from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter

# Set by the request middleware; every log record written while a request is
# handled picks it up, including records from libraries.
request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)


class RequestIdFilter(logging.Filter):
    """Copies the current request id onto each record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        return True


def configure_logging(level: str) -> None:
    """Send every logger, the server's included, through one JSON handler."""
    handler = logging.StreamHandler(sys.stdout)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(
        JsonFormatter(
            "{levelname}{name}{message}{request_id}",
            style="{",
            timestamp="time",
            rename_fields={"levelname": "level", "name": "logger"},
            # Uvicorn attaches an ANSI-coloured copy of each message; keep the plain one.
            reserved_attrs=[*RESERVED_ATTRS, "color_message"],
        )
    )
    logging.basicConfig(level=level, handlers=[handler], force=True)
    # Uvicorn installs its own plain-text handlers; hand its records to ours.
    # Its access log is replaced by the request middleware's richer line.
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).handlers.clear()
        logging.getLogger(name).propagate = True
    logging.getLogger("uvicorn.access").disabled = True
