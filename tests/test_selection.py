"""Running part of the suite: one combination or a subset, by answers or by words of the ids,
under xdist as the README runs it, and a selection pytest cannot read refused with the reason."""

from __future__ import annotations

import os
import subprocess
import sys

from .options import ROOT, combination_id, combinations


def pytest_run(*arguments: str) -> subprocess.CompletedProcess[str]:
    """This repository's own suite, started as `uv run pytest ...` starts it."""
    env = {name: value for name, value in os.environ.items() if not name.startswith("PYTEST_")}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_answers_select_exactly_the_combinations_that_hold_them() -> None:
    wanted = {"database": "sqlite", "auth": "jwt", "identity": "custom"}
    expected = {
        f"tests/test_matrix.py::test_combination[{combination_id(answers)}]"
        for answers in combinations()
        if all(str(answers[name]) == value for name, value in wanted.items())
    }

    selection = ",".join(f"{name}={value}" for name, value in wanted.items())
    run = pytest_run("--collect-only", "-q", "--answers", selection)

    assert run.returncode == 0, run.stdout + run.stderr
    collected = {line for line in run.stdout.splitlines() if line.startswith("tests/")}
    assert collected == expected
    assert len(expected) > 1


def test_answers_naming_no_option_are_refused_with_the_questions() -> None:
    run = pytest_run("--collect-only", "--answers", "database=oracle")

    assert run.returncode == 4  # pytest's usage error
    assert "--answers 'database=oracle': give NAME=VALUE with a question" in run.stderr


def test_a_keyword_expression_pytest_cannot_read_is_refused_before_xdist_starts() -> None:
    """Under xdist, each worker used to fail on its own and the run ended in INTERNALERROR."""
    run = pytest_run("-n", "2", "-k", "database=sqlite-auth=jwt", "tests/test_extensions.py")

    assert run.returncode == 4
    assert "INTERNALERROR" not in run.stdout + run.stderr
    assert "choose combinations by their answers with --answers" in run.stderr
