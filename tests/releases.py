"""The template's releases, read from releases.yml, and a clone that carries them as tags."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import yaml

from .options import ROOT


def releases() -> list[dict[str, Any]]:
    """Each release's version and commit, oldest first."""
    listed: list[dict[str, Any]] = yaml.safe_load((ROOT / "releases.yml").read_text())
    return listed


def version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


def tagged_clone(destination: Path) -> Path:
    """A clone of this repository with a tag for every release, as copier expects them."""
    subprocess.run(
        ["git", "clone", "--quiet", "--no-local", str(ROOT), str(destination)], check=True
    )
    for release in releases():
        subprocess.run(
            ["git", "tag", release["version"], release["commit"]], cwd=destination, check=True
        )
    return destination
