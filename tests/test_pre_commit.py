"""The rendered project's pre-commit hooks pass on a fresh project, offline, and refuse
a file that still holds conflict markers, as an unresolved `copier update` leaves them."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from .conftest import GIT_IDENTITY
from .options import questions
from .project import Project, interpreter, python_for_tasks

CONFLICT = """
<<<<<<< before updating
Run it with `uv run service`.
=======
Run it with `uv run api`.
>>>>>>> after updating
"""


def test_pre_commit_passes_and_refuses_conflict_markers(copie: Any, tmp_path: Path) -> None:
    python_version = questions()["python_version"]["default"]
    with python_for_tasks(python_version):
        result = copie.copy()
    assert result.exit_code == 0, result.exception
    project = Project(result.project_dir, interpreter(python_version))
    project.run("uv sync", "uv", "sync", "--locked")
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "rendered"]):
        project.run("git", "git", *GIT_IDENTITY, *command)
    # Local hooks only: pre-commit clones nothing, so its home stays empty.
    env = {"PRE_COMMIT_HOME": str(tmp_path / "pre-commit")}
    pre_commit = project.tool("pre-commit")

    project.run("pre-commit", pre_commit, "run", "--all-files", env=env)

    readme = project.path / "README.md"
    readme.write_text(readme.read_text() + CONFLICT)
    project.run("git", "git", "add", "README.md")
    refused = subprocess.run(
        [pre_commit, "run", "--files", "README.md"],
        cwd=project.path,
        env=project.env | env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert refused.returncode == 1, refused.stdout + refused.stderr
    assert "- hook id: conflict-markers" in refused.stdout
    markers = {"<<<<<<< before updating", "=======", ">>>>>>> after updating"}
    lines = enumerate(readme.read_text().splitlines(), start=1)
    reported = [f"README.md:{number}:{line}" for number, line in lines if line in markers]
    assert len(reported) == len(markers)
    assert all(report in refused.stdout for report in reported), refused.stdout
