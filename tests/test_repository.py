"""The template repository's own code (extensions, tests, benchmarks) is linted and formatted."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from .options import ROOT

OWN_CODE = ["extensions", "tests", "benchmarks"]


@pytest.mark.parametrize("command", [["check"], ["format", "--check"]], ids=" ".join)
def test_ruff(command: list[str]) -> None:
    ruff = shutil.which("ruff")
    assert ruff, "ruff is a dev dependency of the template repository"

    result = subprocess.run(
        [ruff, *command, *OWN_CODE], cwd=ROOT, capture_output=True, text=True, check=False
    )

    assert result.returncode == 0, result.stdout + result.stderr
