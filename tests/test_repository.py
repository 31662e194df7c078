"""The template repository's own code (extensions, tests, benchmarks, tools) is linted and
formatted, and its distributed matrix workflow is valid and runs every combination exactly once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .options import ROOT, combination_id, combinations

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
