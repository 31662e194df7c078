"""Conditional requests (RFC 9110, section 13): an entity tag for each version of a resource,
and If-Match, with which a client changes only the version it has read."""

import re
from dataclasses import dataclass
from http import HTTPStatus
from typing import Annotated, Any, Self

from fastapi import Header

from .errors import AppError, ErrorResponse, phrase

_STRONG_TAG = re.compile(r'"([0-9]{1,18})"')


def entity_tag(version: int) -> str:
    return f'"{version}"'


class PreconditionFailedError(AppError):
    status_code = HTTPStatus.PRECONDITION_FAILED
    code = "precondition_failed"


@dataclass(frozen=True)
class IfMatch:
    """The versions an If-Match header accepts: any current one for `*`."""

    versions: frozenset[int]
    any_version: bool = False

    @classmethod
    def parse(cls, header: str | None) -> Self | None:
        """None without the header. Weak tags (W/"3") never match: If-Match compares
        strongly, and this service only gives out strong ones."""
        if header is None:
            return None
        if header.strip() == "*":
            return cls(frozenset(), any_version=True)
        tags = (_STRONG_TAG.fullmatch(tag.strip()) for tag in header.split(","))
        return cls(frozenset(int(tag.group(1)) for tag in tags if tag))

    def check(self, version: int) -> None:
        """412 unless the resource is still at a version the client named."""
        if not (self.any_version or version in self.versions):
            msg = (
                f"The resource is at version {version}, not the one named in If-Match;"
                " read it again and reapply the change."
            )
            raise PreconditionFailedError(msg)


IfMatchHeader = Annotated[
    str | None,
    Header(
        alias="If-Match",
        description="The ETag of the version read: the change applies only if it is current.",
    ),
]
ETAG_HEADER_DOC = {
    "ETag": {"description": "This version, to send back in If-Match.", "schema": {"type": "string"}}
}
PRECONDITION_RESPONSES: dict[int | str, dict[str, Any]] = {
    412: {"model": ErrorResponse, "description": phrase(412)},
}
