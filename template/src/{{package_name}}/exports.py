"""Streaming exports: a response body written batch by batch, as NDJSON or CSV.

Nothing holds the whole export. Each batch of rows the store sends becomes one chunk of the
response while the next batch is read, so the server's memory stays flat however many rows
there are, and a client sees the first rows at once.
"""

import csv
import io
import logging
from collections.abc import AsyncIterator, Iterable, Sequence
from typing import Any, Literal

from fastapi.responses import StreamingResponse
from pydantic import BaseModel
from starlette.types import Send

from .errors import ErrorResponse, NotAcceptableError, phrase

ExportFormat = Literal["ndjson", "csv"]

# Rows read from the store and sent as one chunk: few round trips, and little memory.
BATCH_ROWS = 1000

NDJSON = "application/x-ndjson"
CSV = "text/csv"
MEDIA_TYPES: dict[ExportFormat, str] = {"ndjson": NDJSON, "csv": CSV}
# The media ranges of an Accept header that each format answers.
_ACCEPTED: dict[str, ExportFormat] = {
    NDJSON: "ndjson",
    "application/jsonl": "ndjson",
    "application/*": "ndjson",
    "*/*": "ndjson",
    CSV: "csv",
    "text/*": "csv",
}
# A cell starting with one of these is a formula to a spreadsheet, which would run it: a
# name such as `=HYPERLINK(...)` must stay text (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Batches = AsyncIterator[Sequence[BaseModel]]

logger = logging.getLogger(__name__)


class ExportInterruptedError(Exception):
    """The store failed while an export was being sent, after its status and first rows."""


class ExportResponse(StreamingResponse):
    """A streamed export that the store's failure midway cuts short.

    Its status and first rows are on their way by then, so no error response is possible. It
    ends without the last chunk of its chunked body, and the server closes the connection:
    the client's HTTP library reports a body cut short, rather than taking what arrived for a
    whole export.
    """

    async def stream_response(self, send: Send) -> None:
        start = {"type": "http.response.start", "status": self.status_code}
        await send(start | {"headers": self.raw_headers})
        try:
            async for chunk in self.body_iterator:
                body = chunk.encode(self.charset) if isinstance(chunk, str) else chunk
                await send({"type": "http.response.body", "body": body, "more_body": True})
        except ExportInterruptedError as interruption:
            logger.warning("The export was cut short: %s", interruption)
            return
        await send({"type": "http.response.body", "body": b"", "more_body": False})


# What an export answers, as documented in OpenAPI.
EXPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The rows, sent as they are read.",
        "content": {
            NDJSON: {"schema": {"type": "string", "description": "A JSON object per line."}},
            CSV: {"schema": {"type": "string", "description": "A header, then a line per row."}},
        },
        "headers": {
            "Content-Disposition": {
                "description": "The file name to save the export under.",
                "schema": {"type": "string"},
            }
        },
    },
    406: {"model": ErrorResponse, "description": phrase(406)},
}


def export_response(
    batches: Batches, chosen: ExportFormat, fields: Iterable[str], name: str
) -> ExportResponse:
    """The streamed response of an export named `name`, with the `fields` of each row."""
    if chosen == "csv":
        body: AsyncIterator[str | bytes] = csv_lines(batches, list(fields))
    else:
        body = ndjson_lines(batches)
    disposition = f'attachment; filename="{name}.{chosen}"'
    return ExportResponse(
        body, media_type=MEDIA_TYPES[chosen], headers={"Content-Disposition": disposition}
    )


def negotiate(accept: str | None) -> ExportFormat:
    """The format the client's Accept header prefers (NDJSON when it takes anything).

    406 when it takes neither format, in the usual error shape.
    """
    preferences = []
    for position, part in enumerate((accept or "*/*").split(",")):
        media_range, *parameters = (piece.strip().lower() for piece in part.split(";"))
        quality = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip() == "q":
                quality = _quality(value)
        if quality > 0:  # q=0 says "not this one"
            preferences.append((-quality, position, media_range))
    for *_, media_range in sorted(preferences):
        if media_range in _ACCEPTED:
            return _ACCEPTED[media_range]
    msg = f"The export is sent as {NDJSON} or {CSV}: accept one of them, or pass `format`."
    raise NotAcceptableError(msg)


def _quality(value: str) -> float:
    try:
        return float(value)
    except ValueError:
        return 0.0


async def ndjson_lines(batches: Batches) -> AsyncIterator[bytes]:
    """One JSON object per line, a chunk per batch."""
    async for batch in batches:
        yield b"".join(row.model_dump_json().encode() + b"\n" for row in batch)


async def csv_lines(batches: Batches, fields: Sequence[str]) -> AsyncIterator[str]:
    """A header line of `fields`, then a line per row, a chunk per batch."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(fields)
    async for batch in batches:
        for row in batch:
            values = row.model_dump(mode="json")  # as the JSON shows them: dates in ISO 8601
            writer.writerow([_cell(values[field]) for field in fields])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():  # the header alone, for an export that matched nothing
        yield buffer.getvalue()


def _cell(value: object) -> object:
    """A value as a spreadsheet should read it: text that looks like a formula is quoted."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value
