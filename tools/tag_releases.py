# /// script
# requires-python = ">=3.11"
# dependencies = ["pyyaml>=6"]
# ///
"""Give this clone a git tag for every release in releases.yml that it lacks.

    uv run tools/tag_releases.py

Copier tells releases apart by git tag, and tags do not always travel with a clone. With them,
a project rendered from a release records that release (`_commit: 0.5.0`) and one rendered
from a later commit records how far past it it is (`0.5.0-14-gc8e4d35`), and `copier update`
can list the releases. Tags already there are left alone; so are releases whose commit this
clone does not hold (a shallow clone).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def git(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *arguments], cwd=ROOT, capture_output=True, text=True)


def main() -> None:
    tags = set(git("tag", "--list").stdout.split())
    for release in yaml.safe_load((ROOT / "releases.yml").read_text()):
        version, commit = release["version"], release["commit"]
        if version in tags:
            continue
        if git("cat-file", "-e", f"{commit}^{{commit}}").returncode != 0:
            print(f"{version}: commit {commit[:12]} is not in this clone; not tagged")
            continue
        git("tag", version, commit).check_returncode()
        print(f"{version}: tagged {commit[:12]}")


if __name__ == "__main__":
    main()
