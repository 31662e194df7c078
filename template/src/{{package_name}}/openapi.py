"""The OpenAPI document: how operations are named, and the edits that make it say exactly
what the service does where FastAPI cannot tell."""

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute

# Changes an OpenAPI document in place.
SchemaEdit = Callable[[dict[str, Any]], None]
# A path item also holds keys such as "parameters"; these are its operations.
HTTP_METHODS = frozenset({"GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"})


def location_header(created: str) -> dict[str, Any]:
    """The `Location` header of a 201, as a response's `headers` documents it."""
    return {
        "Location": {
            "description": f"The path of the new {created}.",
            "schema": {"type": "string", "format": "uri-reference"},
        }
    }


def operation_id(route: APIRoute) -> str:
    """`items-list` for `list_items` under the `items` tag: stable, and without the path
    and method that FastAPI's default (`list_items_api_v1_items_get`) repeats."""
    tag = str(route.tags[0]) if route.tags else "service"
    words = [word for word in route.name.split("_") if word not in {tag, tag.removesuffix("s")}]
    return "-".join([tag, *(words or [route.name])])


def edit_openapi(app: FastAPI, *edits: SchemaEdit) -> None:
    """Apply `edits` to the document FastAPI generates, once: it keeps the result."""
    generate = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = generate()
        for edit in edits:
            edit(schema)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def operations(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """Every operation of the document, with its method."""
    return [
        (method, operation)
        for path_item in schema["paths"].values()
        for method, operation in methods_of(path_item).items()
    ]


def methods_of(path_item: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The operations of one path, by method in capitals."""
    return {key.upper(): value for key, value in path_item.items() if key.upper() in HTTP_METHODS}
