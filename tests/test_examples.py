"""The practice projects of the comprehensive roadmap (a todo app, a blog with JWT, a shop on an
async database, a real-time app), as answer files under examples/: each renders with copier's
--data-file, and passes the checks of a matrix combination, its AGENTS.md commands included."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from .mypy_caches import MypyCaches
from .options import ROOT, questions
from .project import Project, interpreter, python_for_tasks, timed
from .service_runs import ServiceRuns
from .summary import EXAMPLE_PREFIX
from .test_matrix import check_service

# examples/team.yml is a team's standard, not a project: tests/test_team.py renders it.
EXAMPLES = sorted(path for path in (ROOT / "examples").glob("*.yml") if path.stem != "team")


def test_every_practice_project_of_the_roadmap_has_an_example() -> None:
    assert [path.stem for path in EXAMPLES] == ["blog", "chat", "shop", "todo"]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.stem)
def test_example(
    example: Path,
    copie: Any,
    record_property: Any,
    mypy_cache: MypyCaches,
    service_runs: ServiceRuns,
) -> None:
    answers: dict[str, Any] = yaml.safe_load(example.read_text())
    python_version = answers.get("python_version", questions()["python_version"]["default"])
    timings: dict[str, float] = {}
    name = EXAMPLE_PREFIX + example.stem
    record_property("combination", name)
    record_property("steps", timings)

    with timed(timings, "render"), python_for_tasks(python_version):
        result = copie.copy(extra_answers=answers)
    assert result.exit_code == 0, result.exception
    assert result.answers["project_name"] == answers["project_name"]
    project = Project(result.project_dir, interpreter(python_version), timings)
    assert project.text_problems() == []

    # As the matrix checks a service that is not among its representative or heavy ones.
    check_service(
        project,
        result.answers,
        name=name,
        mypy_cache=mypy_cache,
        runs=service_runs,
        representative=False,
        heavy=False,
        bulk=False,
    )
