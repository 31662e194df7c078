"""A step of a project's checks that hangs is stopped with everything it started, and fails its
test with what it printed, instead of holding a worker until the whole run is cut off."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from . import project as project_module
from .project import Project


def test_a_hung_step_is_killed_with_its_children_and_fails_with_its_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(project_module, "STEP_SECONDS", 1)
    child_pid = tmp_path / "child.pid"
    # A command that starts a child of its own, as `uv run pytest` does, then never ends.
    script = (
        "import subprocess, sys, time\n"
        "child = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])\n"
        f"open({str(child_pid)!r}, 'w').write(str(child.pid))\n"
        "print('started its child', flush=True)\n"
        "time.sleep(60)\n"
    )

    with pytest.raises(pytest.fail.Exception) as failure:
        Project(tmp_path, sys.version.split()[0]).run("tests", sys.executable, "-c", script)

    assert "still ran after 1 s" in str(failure.value)
    assert "started its child" in str(failure.value)
    # The child went with it: gone, or dead and waiting for init to reap it. A signal takes
    # effect when the process is next scheduled, which on a loaded machine can take a moment.
    child = int(child_pid.read_text())
    deadline = time.monotonic() + 10
    while running(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not running(child)


def running(pid: int) -> bool:
    """Whether process `pid` still runs (Linux's /proc: a zombie has ended)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"
