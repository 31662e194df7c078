"""Every combination of the headline options renders a service that installs, lints,
type-checks, migrates, starts and passes its own tests against the real services."""

from __future__ import annotations

import json
import os
import secrets
from typing import Any

import pytest

from extensions.filters import project_modules
from tools.project_modules import module_names

from .databases import SERVER_URLS, database_env, require_server
from .deployment import check_deployment
from .options import (
    IDENTITY,
    choices,
    combination_id,
    combinations,
    copier_answers,
    default_names,
    headline_axes,
    refusals,
    unmet_pairs,
)
from .project import Project, get, interpreter, python_for_tasks, timed
from .service_runs import ServiceRuns, service_digest, sharing_enabled


@pytest.fixture(scope="session")
def service_runs(tmp_path_factory: pytest.TempPathFactory) -> ServiceRuns:
    """Passing service runs of this session, in a directory every xdist worker shares."""
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    base = tmp_path_factory.getbasetemp()
    return ServiceRuns(base.parent / f"service-runs-{run}" if run else base / "service-runs")


@pytest.mark.parametrize("answers", combinations(), ids=combination_id)
def test_combination(
    answers: dict[str, Any],
    copie: Any,
    record_property: Any,
    mypy_cache: str,
    service_runs: ServiceRuns,
) -> None:
    timings: dict[str, float] = {}
    record_property("combination", combination_id(answers))
    record_property("steps", timings)
    database = answers["database"]
    if database in SERVER_URLS:
        require_server(database)

    # The post-copy task locks the dependencies for the chosen Python.
    with timed(timings, "render"), python_for_tasks(answers["python_version"]):
        result = copie.copy(extra_answers=copier_answers(answers))
    assert result.exit_code == 0, result.exception
    project = Project(result.project_dir, interpreter(answers["python_version"]), timings)
    assert project.text_problems() == []
    if answers[IDENTITY] != "default":
        # The user's own names reach every file: no default name is left behind anywhere.
        assert project.mentions(default_names()) == []

    # A passing run of byte-identical service files (a deployment twin's) stands for the
    # steps that read only those files: lint, types, dependencies, migrations, server, tests.
    digest = service_digest(project.path)
    twin = service_runs.passed_as(digest) if sharing_enabled() else None
    if twin:
        record_property("service_run", twin)
        project.run("uv sync", "uv", "sync", "--locked")  # the deployment checks use it
    else:
        project.check_code(mypy_cache)
        # Every module the project can import is one the package-name validator refuses.
        unlisted = module_names(project.path, result.answers["package_name"]) - project_modules()
        assert unlisted == set(), "run `uv run python -m tools.project_modules` to list them"
    project.run("pre-commit", project.tool("pre-commit"), "validate-config")

    with database_env(project, database) as env:
        images = (service_runs, combination_id(answers)) if sharing_enabled() else None
        image_twin = check_deployment(project, result.answers, env, images)
        if image_twin:
            record_property("image_run", image_twin)
        if twin:
            return
        project.migrate(database, env)
        with project.step("serve"):
            check_serving(project, result.answers, env)
        project.run_tests(env)
    service_runs.record_pass(digest, combination_id(answers))


def test_every_covered_value_meets_every_other_value() -> None:
    """Questions outside the headline are tested pairwise: no pair of values is left out."""
    assert unmet_pairs(combinations()) == set()


@pytest.mark.parametrize(("answers", "message"), refusals(), ids=lambda v: str(v)[:48])
def test_refused_combination(
    answers: dict[str, Any], message: str, copie: Any, record_property: Any
) -> None:
    record_property("refusal", combination_id(answers))
    offered = {name: choices(name) for name in headline_axes()}
    assert all(value in offered.get(name, []) for name, value in answers.items()), (
        "a refusal must name values the headline questions offer"
    )

    result = copie.copy(extra_answers=answers)

    assert result.exit_code != 0
    assert message in str(result.exception)


def check_serving(project: Project, answers: dict[str, Any], env: dict[str, str]) -> None:
    """The service's own entry point starts and answers its probes, docs and API."""
    # Production refuses the development placeholder of a JWT secret.
    production = {"ENVIRONMENT": "production", "JWT_SECRET": secrets.token_urlsafe(48)}
    with project.serving(answers["project_slug"], env | production) as base_url:
        status, body = get(f"{base_url}/health/ready")
        assert status == 200, body
        status, body = get(f"{base_url}/api/v1/items")
        if answers["auth"] == "jwt":
            assert status == 401, body  # items belong to signed-in users
        else:
            assert status == 200, body
            assert json.loads(body)["total"] == 0
        status, body = get(f"{base_url}/docs")
        assert status == 200
        assert "swagger-ui" in body
        status, body = get(f"{base_url}/openapi.json")
        assert "/api/v1/items" in json.loads(body)["paths"]
