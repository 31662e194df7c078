"""What a file is, judged from its bytes, and the names it travels under."""

import unicodedata
from urllib.parse import quote

import puremagic

# Enough of a file's start for the signatures of the types offered.
SNIFF_BYTES = 4096
# What a stored name may hold at most, in characters.
MAX_FILENAME = 255


def sniff(head: bytes) -> str | None:
    """The media type the file's first bytes show, or None when they show none known."""
    if not head:
        return None
    try:
        return puremagic.from_string(head, mime=True) or None
    except puremagic.PureError:
        return None


def clean_filename(name: str | None) -> str:
    """The client's file name as metadata: its last path part, in NFC, without control
    characters or quotes, at most MAX_FILENAME characters; "file" when nothing is left."""
    last = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    kept = "".join(
        char
        for char in unicodedata.normalize("NFC", last)
        if unicodedata.category(char)[0] != "C" and char not in '"'
    )
    return kept.strip(" .")[:MAX_FILENAME] or "file"


def content_disposition(filename: str) -> str:
    """`attachment` with the name twice: in ASCII for old clients, and in UTF-8 (RFC 6266)."""
    ascii_name = filename.encode("ascii", "replace").decode().replace("?", "_")
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename, safe='')}"
