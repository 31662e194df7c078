"""Where the Python versions the template supports live on this machine."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def find_python(version: str) -> str | None:
    """What UV_PYTHON (or uv's --python) should say for a version: the version when uv finds
    one itself, else an interpreter that pyenv installed (which uv does not look for)."""
    found = subprocess.run(
        ["uv", "python", "find", "--system", version],
        capture_output=True,
        text=True,
        env=os.environ | {"UV_PYTHON_DOWNLOADS": "never"},
        check=False,
    )
    if found.returncode == 0:
        return version
    pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates = sorted(pyenv_root.glob(f"versions/{version}.*/bin/python{version}"))
    return str(candidates[0]) if candidates else None
