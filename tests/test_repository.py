"""The template repository's own code (extensions, tests, benchmarks, tools) is linted and
formatted, its distributed matrix workflow is valid and runs every combination exactly once, and
the template's control flow (tests/template_shape.py) stays within its ceilings."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .options import ROOT, combination_id, combinations
from .template_shape import figures

OWN_CODE = ["extensions", "tests", "benchmarks", "tools"]


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=" ".join)
def test_ruff(command: list[str]) -> None:
    ruff = Path(sys.executable).parent / "ruff"
    assert ruff.is_file(), "ruff is a dev dependency of the template repository"

    result = subprocess.run(
        [ruff, *command, *OWN_CODE], cwd=ROOT, capture_output=True, text=True, check=False
    )

    assert result.returncode == 0, result.stdout + result.stderr


WORKFLOW = ROOT / ".github" / "workflows" / "matrix.yml"


def test_matrix_workflow_passes_actionlint() -> None:
    actionlint = Path(sys.executable).parent / "actionlint"
    result = subprocess.run(
        [actionlint, "-no-color", str(WORKFLOW.relative_to(ROOT))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr


def collected_combinations(shard: str) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-n0", "tests/test_matrix.py"],
        cwd=ROOT,
        env={**os.environ, "MATRIX_SHARD": shard},
        capture_output=True,
        text=True,
        check=True,
    )
    prefix = "tests/test_matrix.py::test_combination["
    lines = result.stdout.splitlines()
    return [line.removeprefix(prefix)[:-1] for line in lines if line.startswith(prefix)]


def test_shards_of_the_workflow_run_every_combination_once() -> None:
    shards = yaml.safe_load(WORKFLOW.read_text())["jobs"]["shard"]["strategy"]["matrix"]["shard"]

    runs = [name for shard in shards for name in collected_combinations(f"{shard}/{len(shards)}")]

    assert sorted(runs) == sorted(combination_id(answers) for answers in combinations())


# Where the template's shape is headed: little control flow overall, little of it in the files
# every variant renders, and each feature kept to its own files.
TARGETS: dict[str, float] = {
    "tags per 100 lines": 4,
    "shared tags": 100,
    "auth: files to visit": 25,
    "auth: outside": 5,
    "database: outside": 3,
    "celery: outside": 3,
    "cache: outside": 3,
}
# What the template holds today. The ceilings only ever go down: lower each one to the new figure
# as the redesign lands, never raise it, until every ceiling has reached its target.
CEILINGS: dict[str, float] = {
    "tags per 100 lines": 1.15,
    "shared tags": 29,
    "auth: files to visit": 25,
    "auth: outside": 0,
    "database: outside": 0,
    "celery: outside": 0,
    "cache: outside": 0,
}


def test_template_shape_stays_within_its_ceilings(record_property: pytest.RecordProperty) -> None:
    measured = figures()
    rows = [("figure", "value", "ceiling", "target")] + [
        (name, f"{measured[name]:.4g}", f"{CEILINGS[name]:g}", f"{TARGETS[name]:g}")
        for name in TARGETS
    ]
    table = "\n".join(f"{a:22} {b:>7} {c:>8} {d:>7}" for a, b, c, d in rows)
    # The run's summary prints it (tests/summary.py).
    record_property("template_shape", table)

    above = [name for name in TARGETS if measured[name] > CEILINGS[name]]

    assert CEILINGS.keys() == TARGETS.keys()
    assert not above, f"above their ceilings: {', '.join(above)}\n{table}"
