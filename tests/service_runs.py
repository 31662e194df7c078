"""Runs of a service's own checks, shared by combinations that render the very same service.

Deployment answers (docker, kubernetes, ci) add files around a service and leave its code
alone. Combinations that differ only in them render byte-identical service files, so the
service's lint, type and dependency checks, migrations, server start and test suite would run
on the same input again. A run
that passed is recorded under a digest of those files; a combination with the same digest
reuses it, and says so in the summary. Any difference in those files, even one byte, means
a run of its own. Set MATRIX_SHARE_SERVICE_RUNS=0 to run every combination in full.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Everything the service's checks read: its code, tests, migrations, settings and lock, and
# the commands they run.
SERVICE_FILES = (
    "AGENTS.md",
    "src",
    "tests",
    "migrations",
    "alembic.ini",
    "pyproject.toml",
    "uv.lock",
    ".env.example",
)
SKIPPED_PARTS = {"__pycache__", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".hypothesis"}


def sharing_enabled() -> bool:
    return os.environ.get("MATRIX_SHARE_SERVICE_RUNS", "1") != "0"


def service_digest(project: Path) -> str:
    """A digest of the names and contents of every file the service's checks read."""
    return files_digest(project, SERVICE_FILES)


def image_digest(project: Path) -> str:
    """The same for the image check: the service's files, the Dockerfile and what it leaves
    out. The rest of the build context is copied but not read, except README.md, which the
    build reads as the package's description only (it differs with the deployment answers)."""
    return files_digest(project, (*SERVICE_FILES, "Dockerfile", ".dockerignore"))


def files_digest(project: Path, tops: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for top in tops:
        root = project / top
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for file in files:
            if not file.is_file() or SKIPPED_PARTS & set(file.parts):
                continue
            digest.update(file.relative_to(project).as_posix().encode() + b"\0")
            digest.update(file.read_bytes() + b"\0")
    return digest.hexdigest()


class ServiceRuns:
    """Passing runs of this test session, one small file per digest, shared by its workers."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        directory.mkdir(parents=True, exist_ok=True)

    def passed_as(self, digest: str) -> str | None:
        """The combination whose run of this service passed, if one did (and sharing is on)."""
        if not sharing_enabled():
            return None
        record = self.directory / digest
        return record.read_text() if record.exists() else None

    @contextmanager
    def claimed(self, digest: str) -> Iterator[None]:
        """Held while a worker checks the service of `digest`: a twin on another worker waits
        for that run and reuses it, rather than running the same checks beside it."""
        with (self.directory / f"{digest}.lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def record_pass(self, digest: str, combination: str) -> None:
        partial = self.directory / f"{digest}.{os.getpid()}.tmp"
        partial.write_text(combination)
        partial.replace(self.directory / digest)  # atomic: readers see all of it or nothing
