"""Database servers for the matrix: where they are, and a fresh database per combination."""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

import pytest

from .database_admin import create_database, drop_database
from .project import Project

# Server URLs in the rendered projects' own syntax; the defaults are this machine's services.
SERVER_URLS = {
    "postgresql": os.environ.get(
        "TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
    ),
    "mysql": os.environ.get("TEST_MYSQL_URL", "mysql+asyncmy://root@127.0.0.1:3306/mysql"),
}


def require_server(database: str) -> None:
    """Fail under CI, skip elsewhere, when the server a combination needs is down."""
    address = urlsplit(SERVER_URLS[database])
    try:
        socket.create_connection((address.hostname, address.port), timeout=3).close()
    except OSError as error:
        message = (
            f"{database} is needed at {address.hostname}:{address.port} ({error}); "
            f"start it or set TEST_{database.upper()}_URL"
        )
        if os.environ.get("CI"):
            pytest.fail(message, pytrace=False)
        pytest.skip(message)


@contextmanager
def database_env(project: Project, database: str) -> Iterator[dict[str, str]]:
    """A uniquely named database for one combination, dropped afterwards.

    Yields the environment that points the project and its tests at it.
    """
    if database == "none":
        yield {}
        return
    if database == "sqlite":
        yield {"DATABASE_URL": f"sqlite+aiosqlite:///{project.path / 'matrix.db'}"}
        return
    server_url = SERVER_URLS[database]
    name = f"matrix_{uuid.uuid4().hex[:16]}"
    with project.step("database"):
        create_database(server_url, name)
    try:
        url = server_url.rsplit("/", 1)[0] + f"/{name}"
        yield {"DATABASE_URL": url, "TEST_DATABASE_URL": server_url}
    finally:
        with project.step("database"):
            drop_database(server_url, name)
