"""mypy caches for the rendered projects: one per test process, started from a warm copy.

Installed packages are identical across rendered projects, so mypy analyses them once per set
of mypy options (the Python version among them) and reuses that from its cache; it still
re-checks every module whose source differs. The first check under a set of options is the
slow one (about 40 s against 3 to 6 s), and each xdist worker would pay it for every set.

A worker's cache is its own: mypy keeps it in SQLite, and two mypy runs writing one database at
once can fail on its lock. So a worker whose first check under some options has passed
publishes a copy of its cache; another worker's first check under the same options starts
from that copy instead of from nothing.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path


@dataclass
class MypyCaches:
    own: Path  # this worker's caches, a folder per set of options
    shared: Path  # the warm copies every worker may start from, likewise

    def for_options(self, options: str) -> Path:
        """This worker's cache for a set of options, started from a warm copy if there is one."""
        cache = self.own / options
        warm = self.shared / options
        if not cache.exists() and warm.exists():
            shutil.copytree(warm, cache)
        return cache

    def publish(self, options: str) -> None:
        """Offer this worker's cache for a set of options to the others, once per set."""
        warm = self.shared / options
        if warm.exists():
            return
        self.shared.mkdir(parents=True, exist_ok=True)
        partial = self.shared / f"{options}.{os.getpid()}.tmp"
        shutil.copytree(self.own / options, partial)
        try:
            partial.rename(warm)  # atomic: readers see all of it or nothing
        except OSError:  # another worker published first
            shutil.rmtree(partial, ignore_errors=True)
