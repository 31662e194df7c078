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
from .mypy_caches import MypyCaches
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
    mypy_cache: MypyCaches,
    runs: ServiceRuns,
    serve: Callable[[dict[str, str]], None] | None = None,
    fuzz: bool = True,
    fuzz_examples: int | None = None,
    image: bool = True,
    heavy: bool = True,
    bulk: bool = True,
) -> Reused:
    """Run every check the answers call for, under `name`; `runs` holds this session's
    passes. `serve` checks the running service, given its environment. Without `fuzz`, the
    project's tests leave out its Schemathesis fuzzing; `fuzz_examples` makes it a smoke fuzz:
    that many generated requests per operation, after the examples, without the boundary cases
    (the project's default depth, boundary cases included, otherwise). Without `image`,
    the image check (the Dockerfile's install and start) is left out. Without `heavy`, the
    project's slow tests (service, worker and Prometheus processes) are left out, and its fault
    tests run their smoke part only; without `heavy` or `bulk`, its bulk tests (100,000 items
    exported) are left out."""
    database = answers["database"]
    if database in SERVER_URLS:
        require_server(database)
    digest = service_digest(project.path)
    # A twin on another worker waits for this run, to reuse it rather than run beside it.
    with runs.claimed(digest):
        # A run that did more (fuzzed; the heavy tests, then the bulk ones) stands for one
        # that does less of the same files, never the other way round; the run is recorded
        # under its own key, last.
        depths = ["", "-unbulked", "-light"]
        depth = 2 if not heavy else 0 if bulk else 1
        keys = [
            digest + ("" if fuzzed else "-unfuzzed") + level
            for fuzzed in dict.fromkeys((True, fuzz))
            for level in depths[: depth + 1]
        ]
        reused = Reused(service=next(filter(None, map(runs.passed_as, keys)), None))
        if not reused.service:
            project.check_code(mypy_cache)
        check_deployment(project, answers)

        image_key = image_digest(project.path) if answers["docker"] and image else None
        if image_key:
            reused.image = runs.passed_as(image_key)
        run_image = image_key is not None and reused.image is None
        if reused.service and not run_image:
            return reused  # nothing left to run needs a database
        with database_env(project, database) as env:
            if run_image:
                with project.step("image"):
                    run_image_outside_container(project, answers, env)
                reused.image_ran = True
                runs.record_pass(image_key, name)
            if reused.service:
                return reused
            project.migrate(database, env)
            if serve:
                with project.step("serve"):
                    serve(env)
            # A smoke fuzz: a few generated requests per operation, without the boundary cases.
            examples = (
                {"FUZZ_EXAMPLES": str(fuzz_examples), "FUZZ_COVERAGE": "0"} if fuzz_examples else {}
            )
            project.run_tests(env | examples, fuzz=fuzz, heavy=heavy, bulk=bulk)
        runs.record_pass(keys[-1], name)
        return reused
