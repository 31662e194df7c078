"""The template's releases, read from releases.yml, a clone that carries them as tags, and a
copy of the working tree to render as the version after them."""

from __future__ import annotations

import shutil
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
        # Forced: the clone carries the tags of this checkout, which the README's quick start
        # (tools/tag_releases.py) may have made already; releases.yml has the last word.
        subprocess.run(
            ["git", "tag", "--force", release["version"], release["commit"]],
            cwd=destination,
            check=True,
            capture_output=True,
        )
    return destination


def copy_working_tree(destination: Path) -> None:
    """Copy the files git tracks or would track, uncommitted edits included."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (destination / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / name)
