"""Every way of answering copier besides its prompt: `--data`, `--data-file`, the defaults of
copier's settings file, and `copier update --data`. A refused answer stops copier before it
writes anything, and the user reads the sentence that says what to choose instead first,
with no traceback."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from .options import questions, refusals
from .prompts import COPIER
from .updates import git, render

# How a person gives copier a set of answers without its prompt.
PATHS = ["--data", "--data-file", "settings-file defaults"]


def answered(path: str, answers: dict[str, Any], scratch: Path) -> tuple[list[str], dict[str, str]]:
    """The command-line arguments and environment that give `answers` along `path`."""
    if path == "--data":
        return [f"--data={name}={str(value).lower()}" for name, value in answers.items()], {}
    file = scratch / "answers.yml"
    if path == "--data-file":
        file.write_text(yaml.safe_dump(answers))
        return ["--data-file", str(file)], {}
    file.write_text(yaml.safe_dump({"defaults": answers}))
    return [], {"COPIER_SETTINGS_PATH": str(file)}


def run_copier(*arguments: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    """Run copier's command line; it must fail, and what it printed is returned."""
    result = subprocess.run(
        [COPIER, *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=os.environ | (env or {}),
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    return result.stdout + result.stderr


# What copier itself says before it asks anything (an update names the template's version).
COPIER_NOTICES = re.compile(r"^(Keeping|Updating to) template version .*\n", re.MULTILINE)


def assert_refused_with(output: str, message: str) -> None:
    """The sentence comes first, then which question it answers, and nothing else."""
    said = COPIER_NOTICES.sub("", output)
    assert "Traceback" not in said
    assert said.startswith(message), said
    assert len(said.splitlines()) == 2, said


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize(("refused", "message"), refusals(), ids=lambda v: str(v)[:48])
def test_a_refusal_holds_on_every_answer_path(
    pytestconfig: pytest.Config, tmp_path: Path, path: str, refused: dict[str, Any], message: str
) -> None:
    arguments, env = answered(path, refused, tmp_path)
    project = tmp_path / "project"

    output = run_copier(
        "copy",
        "--trust",
        "--defaults",
        "--vcs-ref=HEAD",
        *arguments,
        pytestconfig.option.template,
        str(project),
        env=env,
    )

    assert_refused_with(output, message)
    assert not project.exists()


# Updates asking for a refused answer: each combination refusal, reached from a project that
# has the rest of it, and the switches that would strand data.
UPDATES = [
    *(
        (
            {name: value for name, value in refused.items() if name != last},
            {last: refused[last]},
            message,
        )
        for refused, message in refusals()
        for last in [max(refused, key=list(questions()).index)]
    ),
    ({}, {"database": "none"}, "This project keeps its items in sqlite, under Alembic"),
    ({}, {"auth": "api_key"}, "This project's databases hold accounts, refresh tokens"),
]


@pytest.mark.parametrize(("start", "data", "message"), UPDATES, ids=lambda v: str(v)[:40])
def test_an_update_refuses_with_the_sentence_and_changes_nothing(
    pytestconfig: pytest.Config,
    tmp_path: Path,
    start: dict[str, Any],
    data: dict[str, Any],
    message: str,
) -> None:
    project = tmp_path / "project"
    render(pytestconfig.option.template, "HEAD", start, project, lock=False)
    arguments, _ = answered("--data", data, tmp_path)

    output = run_copier(
        "update",
        "--trust",
        "--defaults",
        "--skip-tasks",
        "--vcs-ref=HEAD",
        *arguments,
        cwd=project,
    )

    assert_refused_with(output, message)
    assert git(project, "status", "--porcelain") == ""
