"""The Jinja filters and the derived context, tested as plain functions."""

from __future__ import annotations

import re

import pytest

from extensions.context import derive
from extensions.filters import (
    class_bases,
    free_package_name,
    import_names,
    is_reserved_module,
    keyword_list,
    project_modules,
    slugify,
)
from extensions.fragments import parts_of
from extensions.refusals import refusal_report


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("My API", "my-api"),
        ("  Orders   API v2! ", "orders-api-v2"),
        ("x.y_z", "x-y-z"),
        ("Órdenes API", "ordenes-api"),
        ("Crème brûlée", "creme-brulee"),
    ],
)
def test_slugify(name: str, slug: str) -> None:
    assert slugify(name) == slug


@pytest.mark.parametrize(
    ("name", "reserved"),
    [
        ("class", True),  # a keyword
        ("match", True),  # a soft keyword
        ("json", True),  # the standard library
        ("test", True),  # the standard library's own tests, which stdlib_module_names omits
        ("fastapi", True),  # every service imports it
        ("celery", True),  # only with celery; an update could switch it on
        ("redis", True),
        ("asyncpg", True),
        ("argon2", True),  # installed by pwdlib[argon2], never named in pyproject.toml
        ("tests", True),  # the project's own folders
        ("migrations", True),
        ("src", True),
        ("orders", False),
        ("orders_api", False),
    ],
)
def test_is_reserved_module(name: str, reserved: bool) -> None:
    assert is_reserved_module(name) is reserved


def test_every_suggested_package_name_is_accepted() -> None:
    """Whatever name is refused, the name suggested instead is itself accepted."""
    refused = sorted(project_modules() | {"class", "match", "json", "os", "test"})
    suggestions = {name: free_package_name(name) for name in refused}

    assert [name for name, free in suggestions.items() if is_reserved_module(free)] == []
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", free) for free in suggestions.values())


def test_import_names_orders_constants_classes_then_functions() -> None:
    listed = "model_validator, SecretStr,AfterValidator, "
    assert import_names(listed, "Field") == "AfterValidator, Field, SecretStr, model_validator"
    assert import_names("", "Literal") == "Literal"
    assert (
        import_names("ROLE_SCOPES, Role, stored_email, Role,") == "ROLE_SCOPES, Role, stored_email"
    )


def test_class_bases_fit_the_line_or_take_a_line_each() -> None:
    assert class_bases("", "BaseSettings", "Settings") == "BaseSettings"
    assert class_bases("DatabaseSettings, JwtSettings,", "ServiceSettings", "Settings") == (
        "DatabaseSettings, JwtSettings, ServiceSettings"
    )
    many = "DatabaseSettings, JwtSettings, RedisSettings, CacheSettings, CelerySettings,"
    wrapped = class_bases(many, "ServiceSettings", "Settings")
    assert wrapped.splitlines() == [
        "",
        *(f"    {base}," for base in [*many.rstrip(",").split(", "), "ServiceSettings"]),
    ]


def test_keyword_list_is_nothing_without_names() -> None:
    assert keyword_list("", "subscribers") == ""
    assert keyword_list("events, announcer,", "subscribers") == ", subscribers=[events, announcer]"


def test_a_refusal_is_reported_as_its_sentence() -> None:
    error = ValueError("Invalid choice for 'auth': JWT sign-in keeps users in a database.")

    assert refusal_report(error) == (
        "JWT sign-in keeps users in a database.\n"
        "(copier refused the answer to 'auth'; nothing was written)"
    )
    assert refusal_report(ValueError("Unknown revision")) is None
    assert refusal_report(KeyError("Invalid choice for 'auth': x")) is None


def test_derive_without_database_needs_no_driver() -> None:
    derived = derive({"database": "none", "package_name": "shop"})

    assert derived["use_database"] is False
    assert not any("sqlalchemy" in requirement for requirement in derived["dependencies"])


def test_derive_with_postgresql() -> None:
    derived = derive({"database": "postgresql", "package_name": "shop"})

    assert derived["database_url"] == "postgresql+asyncpg://postgres@127.0.0.1:5432/shop"
    assert "asyncpg>=0.30" in derived["dependencies"]
    assert derived["dependencies"] == sorted(derived["dependencies"])


def test_a_features_parts_are_read_by_file_and_place() -> None:
    source = "A note.\n{# into README.md: about #}\n\n- a line\n{# into env.example #}\nA=1\n"

    assert parts_of(source) == {("README.md", "about"): "\n- a line", ("env.example", ""): "A=1"}


def test_a_part_named_twice_is_refused() -> None:
    source = "{# into tests/a.py: tests #}\none\n{# into tests/a.py: tests #}\ntwo\n"

    with pytest.raises(ValueError, match="appears twice"):
        parts_of(source)
