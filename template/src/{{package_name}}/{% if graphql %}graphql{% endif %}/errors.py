"""GraphQL errors carry what the REST error shape tells, in their `extensions`: a stable
`code`, the `request_id`, and the `details` of invalid input. An unexpected failure is logged
with its traceback and reaches the client only as "internal_error"."""

import logging
from collections.abc import Iterator
from typing import Any

from graphql import GraphQLError
from pydantic import ValidationError
from strawberry.extensions import SchemaExtension

from ..errors import AppError
from ..logs import request_id_var

logger = logging.getLogger(__name__)


def _described(error: GraphQLError) -> tuple[str, str, list[dict[str, Any]]]:
    """The message, code and details the client is told of `error`."""
    cause = error.original_error
    if cause is None:
        # The document itself: its syntax, a field that does not exist, a limit passed.
        return error.message, "invalid_query", []
    if isinstance(cause, AppError):
        return cause.message, cause.code, [detail.model_dump() for detail in cause.details]
    if isinstance(cause, ValidationError):
        details = [
            {"loc": list(problem["loc"]), "message": problem["msg"], "type": problem["type"]}
            for problem in cause.errors()
        ]
        return "The request is invalid.", "validation_error", details
    logger.error("A GraphQL field failed", exc_info=cause)
    return "An unexpected error occurred.", "internal_error", []


def shaped(error: GraphQLError) -> GraphQLError:
    if error.extensions and "code" in error.extensions:
        return error  # shaped already: shaping is done once, where the error is first seen
    message, code, details = _described(error)
    extensions: dict[str, Any] = {"code": code, "request_id": request_id_var.get()}
    if details:
        extensions["details"] = details
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        extensions=extensions,
    )


class ErrorShape(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is not None and result.errors:
            result.errors = [shaped(error) for error in result.errors]
