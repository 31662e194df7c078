"""The one byte range a download answers with 206 Partial Content (RFC 9110, section 14).

One range, as S3 serves: a request for several gets the whole file, which the RFC allows.
"""

import re
from http import HTTPStatus

from ..errors import AppError

_RANGE = re.compile(r"bytes=(\d*)-(\d*)")


class RangeNotSatisfiableError(AppError):
    status_code = HTTPStatus.REQUESTED_RANGE_NOT_SATISFIABLE
    code = "range_not_satisfiable"

    def __init__(self, size: int) -> None:
        super().__init__(
            f"The file has {size} bytes: ask for a range that starts before its end.",
            headers={"Content-Range": f"bytes */{size}"},
        )


def byte_range(header: str | None, size: int) -> tuple[int, int] | None:
    """The range asked for as (first byte, last byte + 1), or None for the whole file (no
    Range header, one this does not read, or several ranges)."""
    match = _RANGE.fullmatch((header or "").replace(" ", ""))
    if match is None or match.group(1) == match.group(2) == "":
        return None
    first, last = match.groups()
    if first == "":  # the last N bytes
        start, end = max(size - int(last), 0), size
    else:
        start = int(first)
        end = size if last == "" else min(int(last) + 1, size)
        if last != "" and int(last) < start:
            return None  # invalid: ignored, as the RFC says
    if start >= size or start >= end:
        raise RangeNotSatisfiableError(size)
    return start, end
