"""The checks every rendered project passes, whether fresh (the matrix) or updated (the update
paths): code, deployment files, the image, migrations, the server and the project's own tests.

A run that passed on byte-identical files stands for a later one (see service_runs.py), so a
project reuses what it can and says which run it reused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .databases import SERVER_URLS, database_env, require_server
from .deployment import check_deployment, run_image_outside_container
from .project import Project
from .service_runs import ServiceRuns, image_digest, service_digest


@dataclass
class Reused:
    """The runs this project's checks reused, by the name they passed under."""

    service: str | None = None
    image: str | None = None
    image_ran: bool = False  # the image check ran for this project


def check_rendered(
    project: Project,
    answers: dict[str, Any],
    *,
    name: str,
    mypy_cache: str,
    runs: ServiceRuns,
    serve: Callable[[dict[str, str]], None] | None = None,
    heavy: bool = True,
) -> Reused:
    """Run every check the answers call for, under `name`; `runs` holds this session's
    passes. `serve` checks the running service, given its environment. Without `heavy`, the
    two heaviest checks are left out: the project's Schemathesis fuzzing, and the image
    check (the Dockerfile's install and start)."""
    database = answers["database"]
    if database in SERVER_URLS:
        require_server(database)
    service = service_digest(project.path) + ("-heavy" if heavy else "")
    reused = Reused(service=runs.passed_as(service))
    if reused.service:
        project.run("uv sync", "uv", "sync", "--locked")  # the deployment checks use it
    else:
        project.check_code(mypy_cache)
    check_deployment(project, answers)

    image = image_digest(project.path) if answers["docker"] and heavy else None
    if image:
        reused.image = runs.passed_as(image)
    run_image = image is not None and reused.image is None
    if reused.service and not run_image:
        return reused  # nothing left to run needs a database
    with database_env(project, database) as env:
        if run_image:
            with project.step("image"):
                run_image_outside_container(project, answers, env)
            reused.image_ran = True
            runs.record_pass(image, name)
        if reused.service:
            return reused
        project.migrate(database, env)
        if serve:
            with project.step("serve"):
                serve(env)
        project.run_tests(env, fuzz=heavy)
    runs.record_pass(service, name)
    return reused
