"""The Jinja filters and the derived context, tested as plain functions."""

from __future__ import annotations

import pytest

from extensions.context import derive
from extensions.filters import is_reserved_module, slugify


@pytest.mark.parametrize(
    ("name", "slug"),
    [("My API", "my-api"), ("  Orders   API v2! ", "orders-api-v2"), ("x.y_z", "x-y-z")],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


@pytest.mark.parametrize(
    ("name", "reserved"),
    [("class", True), ("json", True), ("fastapi", True), ("tests", True), ("orders_api", False)],
)
def test_is_reserved_module(name: str, reserved: bool) -> None:
    assert is_reserved_module(name) is reserved


def test_derive_without_database_needs_no_driver() -> None:
    derived = derive({"database": "none", "package_name": "shop"})

    assert derived["use_database"] is False
    assert not any("sqlalchemy" in requirement for requirement in derived["dependencies"])


def test_derive_with_postgresql() -> None:
    derived = derive({"database": "postgresql", "package_name": "shop"})

    assert derived["database_url"] == "postgresql+asyncpg://postgres@127.0.0.1:5432/shop"
    assert "asyncpg>=0.30" in derived["dependencies"]
    assert derived["dependencies"] == sorted(derived["dependencies"])
