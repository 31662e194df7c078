"""Releases: listed with their commits, described in the changelog, and renderable by tag."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import copier
import pytest
import yaml

from .options import ROOT
from .releases import releases, tagged_clone, version_key

VERSIONS = [release["version"] for release in releases()]


def test_versions_are_semantic_and_ascending() -> None:
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", version) for version in VERSIONS)
    keys = [version_key(version) for version in VERSIONS]
    assert keys == sorted(set(keys))


def test_every_release_has_a_changelog_entry_newest_first() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text()

    headings = re.findall(r"^## \[(\d+\.\d+\.\d+)\]$", changelog, flags=re.MULTILINE)

    assert headings == VERSIONS[::-1]


@pytest.mark.parametrize("release", releases(), ids=lambda release: release["version"])
def test_release_commit_is_in_the_history(release: dict[str, str]) -> None:
    ancestor = subprocess.run(
        ["git", "merge-base", "--is-ancestor", release["commit"], "HEAD"], cwd=ROOT, check=False
    )

    assert ancestor.returncode == 0, f"{release['commit']} is not an ancestor of HEAD"


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tagged_clone(tmp_path_factory.mktemp("releases") / "template")


@pytest.mark.parametrize("version", VERSIONS)
def test_each_release_renders_from_its_tag(clone: Path, tmp_path: Path, version: str) -> None:
    destination = tmp_path / "project"

    copier.run_copy(
        str(clone),
        destination,
        vcs_ref=version,
        defaults=True,
        unsafe=True,
        quiet=True,
    )

    answers = yaml.safe_load((destination / ".copier-answers.yml").read_text())
    assert answers["_commit"] == version
    assert (destination / "src" / "my_api" / "app.py").is_file()
    # From 0.4.0 on, copier locks the dependencies after copying.
    assert (destination / "uv.lock").is_file() == (version_key(version) >= (0, 4, 0))
