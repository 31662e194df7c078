"""Every combination of the headline options renders a service that installs, lints,
type-checks, migrates, starts and passes its own tests against the real services."""

from __future__ import annotations

import hashlib
import json
import secrets
import urllib.request
import uuid
from contextlib import ExitStack
from typing import Any

import pytest

from extensions.filters import project_modules
from tools.project_modules import module_names

from .checks import Reused, check_rendered
from .generated_client import check_generated_client
from .mypy_caches import MypyCaches
from .options import (
    IDENTITY,
    UNHEAVY_QUESTIONS,
    bulk_services,
    choices,
    combination_id,
    combinations,
    copier_answers,
    covered_axes,
    default_names,
    headline_axes,
    heavy_services,
    pairs,
    refusals,
    representative_services,
    service_of,
    soaked_combination,
    unmet_pairs,
)
from .project import Project, get, interpreter, python_for_tasks, timed
from .service_runs import ServiceRuns, files_digest

# Requests Schemathesis generates per operation for a service that is not representative.
SMOKE_FUZZ_EXAMPLES = 3
# How long the soak of one rich service runs (its README's figure is for a minute).
SOAK_SECONDS = 60


@pytest.mark.parametrize("answers", combinations(), ids=combination_id)
def test_combination(
    answers: dict[str, Any],
    copie: Any,
    record_property: Any,
    mypy_cache: MypyCaches,
    service_runs: ServiceRuns,
) -> None:
    timings: dict[str, float] = {}
    name = combination_id(answers)
    record_property("combination", name)
    record_property("steps", timings)

    # The post-copy task locks the dependencies for the chosen Python.
    with timed(timings, "render"), python_for_tasks(answers["python_version"]):
        result = copie.copy(extra_answers=copier_answers(answers))
    assert result.exit_code == 0, result.exception
    project = Project(result.project_dir, interpreter(answers["python_version"]), timings)
    assert project.text_problems() == []
    if answers[IDENTITY] != "default":
        # The user's own names reach every file: no default name is left behind anywhere.
        assert project.mentions(default_names()) == []

    # A deployment twin (same service files, other deployment files) reuses its service's run.
    # Every service is fuzzed with every check; representative services send every boundary
    # case and the project's default number of generated requests per operation (others, a
    # few after the same examples), and theirs alone run the image check. Heavy services run
    # every fault test and the slow tests (the service, a Celery worker or Prometheus in
    # processes of their own); the others run the smoke part of the fault group.
    reused = check_service(
        project,
        result.answers,
        name=name,
        mypy_cache=mypy_cache,
        runs=service_runs,
        representative=service_of(answers) in representative_services(),
        # Servers stopped, frozen and restarted, and the slow tests: between them, heavy
        # services hold every pair of the values those tests depend on (every server kind,
        # metrics or tracing with each broker and database).
        heavy=service_of(answers) in heavy_services(),
        # Exports of 100,000 items, once per database.
        bulk=service_of(answers) in bulk_services(),
    )
    if name == soaked_combination():
        # A minute of load while the servers are killed and frozen, on one rich service.
        record_property("soak", project.soak(SOAK_SECONDS))
    if reused.image:
        record_property("image_run", reused.image)
    record_property("image_ran", reused.image_ran)
    if reused.service:
        record_property("service_run", reused.service)
    else:
        # Every module the project can import is one the package-name validator refuses.
        unlisted = module_names(project.path, result.answers["package_name"]) - project_modules()
        assert unlisted == set(), "run `uv run python -m tools.project_modules` to list them"
    # The hooks' configuration: validated once a run for each version of the file.
    hooks = "pre-commit-" + files_digest(project.path, (".pre-commit-config.yaml",))
    if not service_runs.passed_as(hooks):
        project.sync()
        project.run("pre-commit", project.tool("pre-commit"), "validate-config")
        service_runs.record_pass(hooks, name)


def test_every_covered_value_meets_every_other_value() -> None:
    """Questions outside the headline are tested pairwise: no pair of values is left out."""
    assert unmet_pairs(combinations()) == set()


def test_representative_services_hold_every_pair_of_service_values() -> None:
    """The heavy checks run on a few services, yet every pair of values two services'
    questions can take together meets them in one of those services."""
    services = {service_of(answers) for answers in combinations()}
    representative = representative_services()
    assert representative < services
    held = set().union(*(pairs(dict(service)) for service in services))
    assert held == set().union(*(pairs(dict(service)) for service in representative))


def test_heavy_services_hold_every_pair_the_heavy_tests_depend_on() -> None:
    """The slow and fault tests run on fewer services still: the names and the Python version
    aside, every pair of service values meets them in one of those services."""

    def heavy_pairs(service: tuple[tuple[str, Any], ...]) -> set[frozenset[tuple[str, Any]]]:
        return pairs({name: value for name, value in service if name not in UNHEAVY_QUESTIONS})

    services = {service_of(answers) for answers in combinations()}
    heavy = heavy_services()
    assert heavy < services
    assert bulk_services() <= heavy
    held = set().union(*(heavy_pairs(service) for service in services))
    assert held == set().union(*(heavy_pairs(service) for service in heavy))


@pytest.mark.parametrize(("answers", "message"), refusals(), ids=lambda v: str(v)[:48])
def test_refused_combination(
    answers: dict[str, Any], message: str, copie: Any, record_property: Any
) -> None:
    record_property("refusal", combination_id(answers))
    offered = {name: choices(name) for name in headline_axes() + covered_axes()}
    assert all(value in offered.get(name, []) for name, value in answers.items()), (
        "a refusal must name values the questions of the matrix offer"
    )

    result = copie.copy(extra_answers=answers)

    assert result.exit_code != 0
    assert message in str(result.exception)


def check_service(
    project: Project,
    answers: dict[str, Any],
    *,
    name: str,
    mypy_cache: MypyCaches,
    runs: ServiceRuns,
    representative: bool,
    heavy: bool,
    bulk: bool,
) -> Reused:
    """The checks of a rendered service, its start and a generated client's visit included:
    a representative service's fuzzing goes deep and its image is checked, the others get a
    smoke fuzz."""
    return check_rendered(
        project,
        answers,
        name=name,
        mypy_cache=mypy_cache,
        runs=runs,
        serve=lambda env: check_serving(project, answers, env),
        fuzz_examples=None if representative else SMOKE_FUZZ_EXAMPLES,
        image=representative,
        heavy=heavy,
        bulk=bulk,
    )


def check_serving(project: Project, answers: dict[str, Any], env: dict[str, str]) -> None:
    """The service's own entry point starts and answers its probes, docs and API, and a
    client generated from its OpenAPI document signs in and manages items."""
    # Production refuses the development placeholder of a JWT secret.
    production = {"ENVIRONMENT": "production", "JWT_SECRET": secrets.token_urlsafe(48)}
    # The service keeps the digests of its API keys.
    api_key = secrets.token_urlsafe(32)
    production["API_KEYS"] = json.dumps({"client": hashlib.sha256(api_key.encode()).hexdigest()})
    # What the client's visit leaves in the shared Redis and broker (rate-limit counts, cached
    # items, a queued task) is the combination's own, and removed afterwards.
    run = f"matrix-{uuid.uuid4().hex[:12]}"
    production |= {"REDIS_PREFIX": f"{run}:", "CELERY_QUEUE": run}
    # Attachments go beside the project, not into it, or into a bucket of the run's own.
    production["UPLOAD_DIRECTORY"] = str(project.path.parent / f"{project.path.name}-uploads")
    try:
        with ExitStack() as stack:
            if answers.get("uploads") == "s3":
                production |= bucket_settings(stack.enter_context(project.s3_server()))
            serve_and_use(project, answers, env | production, api_key)
    finally:
        clean_up = CLEAN_UP.format(package=answers["package_name"])
        project.run("serve", project.tool("python"), "-c", clean_up, env=env | production)


# Removes the served service's keys and queue, found through the project's own settings.
CLEAN_UP = """
from {package}.settings import Settings
settings = Settings()
if hasattr(settings, "redis_prefix"):
    from redis import Redis
    with Redis.from_url(settings.redis_url) as redis:
        keys = list(redis.scan_iter(match=settings.redis_prefix + "*"))
        if keys:
            redis.delete(*keys)
if hasattr(settings, "celery_queue"):
    from kombu import Connection
    with Connection(settings.celery_broker_url) as broker:
        broker.default_channel.queue_delete(settings.celery_queue)
"""


def bucket_settings(endpoint: str) -> dict[str, str]:
    """Settings of a new bucket on the S3 server at `endpoint` (moto creates one unsigned)."""
    bucket = "attachments"
    urllib.request.urlopen(urllib.request.Request(f"{endpoint}/{bucket}", method="PUT")).close()
    return {
        "S3_ENDPOINT_URL": endpoint,
        "S3_BUCKET": bucket,
        "S3_ACCESS_KEY_ID": "matrix",
        "S3_SECRET_ACCESS_KEY": secrets.token_urlsafe(24),
    }


def serve_and_use(
    project: Project, answers: dict[str, Any], env: dict[str, str], api_key: str
) -> None:
    with project.serving(answers["project_slug"], env) as base_url:
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
        with project.step("client"):
            client_folder = project.path.parent / "generated-client"
            check_generated_client(base_url, client_folder, answers, api_key)
