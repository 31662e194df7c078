"""One error shape for every failure: domain errors, HTTP errors, validation errors, crashes.

{"error": {"code": "not_found", "message": "...", "request_id": "...", "details": []}}
"""

from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from .logs import request_id_var
from .middleware import REQUEST_ID_HEADER


class ErrorDetail(BaseModel):
    """One problem with the request, such as an invalid field."""

    loc: list[str | int]
    message: str
    type: str


class Error(BaseModel):
    code: str
    message: str
    request_id: str | None
    details: list[ErrorDetail] = []


class ErrorResponse(BaseModel):
    """The body of every 4xx and 5xx response."""

    error: Error


class AppError(Exception):
    """A failure the service layer reports; handlers turn it into the error shape."""

    status_code = HTTPStatus.BAD_REQUEST
    code = "bad_request"

    def __init__(self, message: str, details: list[ErrorDetail] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []


class NotFoundError(AppError):
    status_code = HTTPStatus.NOT_FOUND
    code = "not_found"


class ConflictError(AppError):
    status_code = HTTPStatus.CONFLICT
    code = "conflict"


class NotReadyError(AppError):
    status_code = HTTPStatus.SERVICE_UNAVAILABLE
    code = "not_ready"


# Documented on every API route so that the OpenAPI schema matches what is sent.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": HTTPStatus(status).phrase}
    for status in (404, 409, 422)
}


def error_response(
    status: int,
    code: str,
    message: str,
    details: list[ErrorDetail] | None = None,
    headers: Mapping[str, str] | None = None,
) -> JSONResponse:
    error = Error(
        code=code, message=message, request_id=request_id_var.get(), details=details or []
    )
    body = ErrorResponse(error=error).model_dump(mode="json")
    return JSONResponse(body, status_code=status, headers=headers)


def _status_code(status: int) -> str:
    """404 -> "not_found": a stable, machine-readable code for plain HTTP errors."""
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:  # a status outside the standard list
        return "http_error"
    return phrase.lower().replace(" ", "_").replace("-", "_")


def install_error_handlers(app: FastAPI) -> None:
    """Route every kind of failure to the one error shape."""

    @app.exception_handler(AppError)
    async def handle_app_error(_: Request, exc: AppError) -> JSONResponse:
        return error_response(exc.status_code, exc.code, exc.message, exc.details)

    @app.exception_handler(HTTPException)
    async def handle_http_error(_: Request, exc: HTTPException) -> JSONResponse:
        code = _status_code(exc.status_code)
        return error_response(exc.status_code, code, str(exc.detail), headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def handle_validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        details = [
            ErrorDetail(loc=list(error["loc"]), message=error["msg"], type=error["type"])
            for error in exc.errors()
        ]
        return error_response(422, "validation_error", "The request is invalid.", details)

    @app.exception_handler(Exception)
    async def handle_unexpected_error(_: Request, __: Exception) -> JSONResponse:
        # The server logs the traceback with the request id; the client gets only the id.
        # This handler runs outside the request middleware, so it sets the header itself.
        request_id = request_id_var.get()
        return error_response(
            500,
            "internal_error",
            "An unexpected error occurred.",
            headers={REQUEST_ID_HEADER: request_id} if request_id else None,
        )
