"""Jinja filters used by copier.yml's defaults and validators."""

from __future__ import annotations

import keyword
import re
import sys
from typing import TYPE_CHECKING

from jinja2.ext import Extension

if TYPE_CHECKING:
    from jinja2 import Environment

# Top-level modules every rendered service imports; a package with one of these
# names would shadow the real module.
SERVICE_IMPORTS = frozenset(
    {
        "alembic",
        "app",
        "fastapi",
        "httpx",
        "jwt",
        "multipart",
        "pwdlib",
        "pydantic",
        "pydantic_settings",
        "pytest",
        "pythonjsonlogger",
        "sqlalchemy",
        "starlette",
        "tests",
        "uvicorn",
    }
)


def slugify(value: str) -> str:
    """Lowercase words joined by single dashes: "My  API!" -> "my-api"."""
    return "-".join(re.findall(r"[a-z0-9]+", value.lower()))


def is_reserved_module(name: str) -> bool:
    """True when `name` cannot be a package name: a keyword or a module it would shadow."""
    return keyword.iskeyword(name) or name in sys.stdlib_module_names or name in SERVICE_IMPORTS


class NameFilters(Extension):
    """Registers the filters above with copier's Jinja environment."""

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.filters["slugify"] = slugify
        environment.filters["is_reserved_module"] = is_reserved_module
