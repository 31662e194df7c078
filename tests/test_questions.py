"""The questions: derived defaults, and bad answers refused with a sentence saying what to do."""

from __future__ import annotations

import tomllib
from typing import Any

import pytest

from .options import choices
from .project import python_for_tasks
from .service_runs import service_digest


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"project_name": ""}, 'Give the project a name, for example "Orders API".'),
        ({"project_name": "x" * 61}, "Keep the project name to 60 characters or fewer."),
        ({"project_name": "9 lives"}, "Start the project name with a letter"),
        ({"project_slug": "Orders API"}, 'for example "orders-api"'),
        ({"project_slug": "orders--api"}, "dash-separated words"),
        ({"package_name": "orders-api"}, 'for example "orders_api"'),
        ({"package_name": "class"}, '"class" would shadow a Python keyword'),
        ({"package_name": "json"}, 'pick another name, for example "json_service"'),
        ({"package_name": "fastapi"}, "would shadow a Python keyword or a module"),
        ({"package_name": "celery"}, 'pick another name, for example "celery_service"'),
        ({"package_name": "redis"}, '"redis" would shadow'),
        ({"package_name": "asyncpg"}, '"asyncpg" would shadow'),
        ({"package_name": "test"}, '"test" would shadow'),
        ({"package_name": "migrations"}, '"migrations" would shadow'),
        ({"package_name": "src"}, '"src" would shadow'),
        ({"description": ""}, "Say in one sentence what the service does"),
        ({"description": "   "}, "Say in one sentence what the service does"),
        ({"project_name": 'The "best" API'}, "leave out double quotes and backslashes"),
        ({"project_name": "Back\\slash"}, "leave out double quotes and backslashes"),
        ({"author_name": 'Ann "A" Lee'}, "Leave double quotes and backslashes out of the author"),
        ({"description": "two\nlines"}, "Keep the description to one line."),
        ({"description": 'A "quoted" word'}, "Leave double quotes and backslashes out"),
        ({"author_email": "not-an-address"}, 'Give an email address such as "team@example.com".'),
        ({"database": "oracle"}, "'oracle' is not in ['sqlite', 'postgresql', 'mysql', 'none']"),
        ({"python_version": "3.9"}, "'3.9' is not in ['3.11', '3.12', '3.13']"),
        ({"auth": "basic"}, "'basic' is not in ['jwt', 'api_key', 'none']"),
        ({"ci": "jenkins"}, "'jenkins' is not in ['github', 'gitlab', 'none']"),
    ],
    ids=lambda value: str(value)[:40],
)
def test_bad_answer_is_refused(
    copie: Any, record_property: Any, answers: dict[str, str], message: str
) -> None:
    record_property("refusal", repr(answers))

    result = copie.copy(extra_answers=answers)

    assert result.exit_code != 0
    assert message in str(result.exception)
    assert not any(result.project_dir.iterdir()) if result.project_dir else True


def test_names_are_derived_from_the_project_name(copie: Any) -> None:
    result = copie.copy(extra_answers={"project_name": "Órdenes API!"})

    assert result.exit_code == 0, result.exception
    assert result.answers["project_slug"] == "ordenes-api"
    assert result.answers["package_name"] == "ordenes_api"
    assert (result.project_dir / "src" / "ordenes_api" / "app.py").is_file()


@pytest.mark.parametrize("python_version", choices("python_version"))
def test_python_version_sets_every_target(copie: Any, python_version: str) -> None:
    with python_for_tasks(python_version):
        result = copie.copy(extra_answers={"python_version": python_version})

    pyproject = tomllib.loads((result.project_dir / "pyproject.toml").read_text())
    assert pyproject["project"]["requires-python"] == f">={python_version}"
    assert pyproject["tool"]["ruff"]["target-version"] == f"py{python_version.replace('.', '')}"
    assert pyproject["tool"]["mypy"]["python_version"] == python_version
    dockerfile = (result.project_dir / "Dockerfile").read_text()
    assert dockerfile.count(f"FROM python:{python_version}-slim-bookworm AS") == 2
    workflow = (result.project_dir / ".github" / "workflows" / "ci.yml").read_text()
    assert f'python-version: "{python_version}"' in workflow


@pytest.mark.parametrize("database", choices("database"))
def test_dependencies_follow_the_database(copie: Any, database: str) -> None:
    result = copie.copy(extra_answers={"database": database})

    pyproject = tomllib.loads((result.project_dir / "pyproject.toml").read_text())
    names = {
        requirement.split("[")[0].split(">")[0]
        for requirement in pyproject["project"]["dependencies"]
    }
    drivers = {
        "sqlite": {"aiosqlite"},
        "postgresql": {"asyncpg"},
        "mysql": {"asyncmy"},
        "none": set(),
    }
    assert names & {"aiosqlite", "asyncpg", "asyncmy"} == drivers[database]
    assert ({"sqlalchemy", "alembic"} <= names) == (database != "none")
    assert (result.project_dir / "alembic.ini").exists() == (database != "none")


def test_deployment_answers_leave_the_service_alone(copie: Any) -> None:
    """Docker, Kubernetes and CI add files around the service and change none of its own."""
    service = {"database": "postgresql", "celery": "redis"}
    variants = [
        {"docker": False, "ci": "none"},
        {"docker": True, "ci": "github"},
        {"docker": True, "kubernetes": True, "ci": "gitlab"},
    ]
    digests = set()
    for variant in variants:
        result = copie.copy(extra_answers=service | variant)
        assert result.exit_code == 0, result.exception
        digests.add(service_digest(result.project_dir))

    assert len(digests) == 1
