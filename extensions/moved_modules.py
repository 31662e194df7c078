"""Before an update to 0.6.0 or later from an earlier release: the modules 0.6.0 moved.

Copier runs this as a migration (`_migrations` in copier.yml), in the project. The update removes
each old file; a team that changed one carries the change to the module named here
(docs/updating.md, "Conflicts"). One line of `api.py` is moved here, before the update: the
import of the users' router, which the update would otherwise meet beside a team's own routers
(before 0.5.0, teams mounted theirs in `api.py`).
"""

from __future__ import annotations

import sys
from pathlib import Path

# Where the content of each module went, in 0.6.0, relative to src/<package>/.
MOVED = {
    "users/models.py": "auth/models.py",
    "users/schemas.py": "auth/schemas.py",
    "users/repository.py": "auth/repository.py",
    "users/service.py": "auth/service.py",
    "users/create_admin.py": "auth/create_admin.py",
    "auth/scopes.py": "auth/schemas.py",
    "events/publisher.py": "items/events.py",
    "tasks/owners.py": "tasks/celery_app.py",
}
# The same for the tests, relative to the project.
MOVED_TESTS = {"tests/credential_watch.py": "tests/fixtures/credentials.py"}


def moves(project: Path) -> list[str]:
    """A line per moved module the project has: its path, and where its content went."""
    found = list(MOVED_TESTS.items())
    # The project's package: the folder of src/ that holds an __init__.py.
    for package in sorted((project / "src").glob("*/__init__.py")):
        source = f"src/{package.parent.name}"
        found += [(f"{source}/{old}", f"{source}/{new}") for old, new in MOVED.items()]
    return [f"  {old} -> {new}" for old, new in found if (project / old).is_file()]


def main() -> None:
    lines = moves(Path.cwd())
    if lines:
        print(
            "0.6.0 moves these modules, and the update removes the old files; carry any change",
            "of yours to the new place (docs/updating.md):",
            *lines,
            sep="\n",
            file=sys.stderr,
        )


if __name__ == "__main__":
    main()
