"""Before an update across a release that moved modules: the ones the project has.

Copier runs this as a migration (`_migrations` in copier.yml), in the project, with the release
as its argument. The update removes each old file; a team that changed one carries the change to
the module named here (docs/updating.md, "Conflicts").
"""

from __future__ import annotations

import sys
from pathlib import Path

# Per release, where the content of each module went: paths in the package (relative to
# src/<package>/), then paths in the project.
MOVED: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "0.6.0": (
        {
            "users/models.py": "auth/models.py",
            "users/schemas.py": "auth/schemas.py",
            "users/repository.py": "auth/repository.py",
            "users/service.py": "auth/service.py",
            "users/create_admin.py": "auth/create_admin.py",
            "auth/scopes.py": "auth/schemas.py",
            "events/publisher.py": "items/events.py",
            "tasks/owners.py": "tasks/celery_app.py",
        },
        {"tests/credential_watch.py": "tests/fixtures/credentials.py"},
    ),
    "0.7.0": (
        {},
        {
            "tests/fixtures/api_keys.py": "tests/fixtures/credentials.py",
            "tests/fixtures/accounts.py": "tests/fixtures/credentials.py",
        },
    ),
}


def moves(project: Path, release: str) -> list[str]:
    """A line per module of the project that `release` moved: its path, and where it went."""
    in_package, in_project = MOVED[release]
    found = list(in_project.items())
    # The project's package: the folder of src/ that holds an __init__.py.
    for package in sorted((project / "src").glob("*/__init__.py")):
        source = f"src/{package.parent.name}"
        found += [(f"{source}/{old}", f"{source}/{new}") for old, new in in_package.items()]
    return [f"  {old} -> {new}" for old, new in found if (project / old).is_file()]


def main(release: str) -> None:
    lines = moves(Path.cwd(), release)
    if lines:
        print(
            f"{release} moves these modules, and the update removes the old files; carry any",
            "change of yours to the new place (docs/updating.md):",
            *lines,
            sep="\n",
            file=sys.stderr,
        )


if __name__ == "__main__":
    main(sys.argv[1])
