"""Create or drop a database on a server, in this process, with a pure-Python driver.

`python tests/database_admin.py create|drop SERVER_URL NAME` does the same from a shell (the
benchmark uses it). SERVER_URL is the SQLAlchemy URL of any database on the server, in the
rendered projects' own syntax (postgresql+asyncpg://postgres@host/postgres,
mysql+asyncmy://root@host/mysql); only its scheme, address and credentials are read.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote, urlsplit

import pg8000.dbapi
import pymysql


def connect(server_url: str) -> Any:
    """An autocommitting DB-API connection to the server SERVER_URL names."""
    url = urlsplit(server_url)
    user, password = unquote(url.username or ""), unquote(url.password or "")
    host = url.hostname or "127.0.0.1"
    if url.scheme.startswith("postgresql"):
        connection = pg8000.dbapi.connect(
            user=user or "postgres", password=password or None, host=host, port=url.port or 5432
        )
        connection.autocommit = True
        return connection
    if url.scheme.startswith("mysql"):
        return pymysql.connect(
            user=user or "root",
            password=password,
            host=host,
            port=url.port or 3306,
            autocommit=True,
        )
    raise ValueError(f"not a PostgreSQL or MySQL URL: {url.scheme}://...")


def run(server_url: str, statement: str) -> None:
    connection = connect(server_url)
    try:
        cursor = connection.cursor()
        cursor.execute(statement)
    finally:
        connection.close()


def create_database(server_url: str, name: str) -> None:
    run(server_url, f"CREATE DATABASE {checked(name)}")


def drop_database(server_url: str, name: str) -> None:
    # On PostgreSQL, FORCE ends connections a crashed test run may have left behind.
    force = " WITH (FORCE)" if urlsplit(server_url).scheme.startswith("postgresql") else ""
    run(server_url, f"DROP DATABASE IF EXISTS {checked(name)}{force}")


def checked(name: str) -> str:
    """Names go into the statement as they are, so only plain identifiers are taken."""
    if not name.isidentifier():
        raise ValueError(f"not a plain database name: {name!r}")
    return name


ACTIONS: dict[str, Callable[[str, str], None]] = {"create": create_database, "drop": drop_database}

if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ACTIONS:
        sys.exit("usage: database_admin.py create|drop SERVER_URL NAME")
    ACTIONS[sys.argv[1]](sys.argv[2], sys.argv[3])
