"""mypy caches for the rendered projects: one per test process, started from a warm copy.

Installed packages are identical across rendered projects, so mypy analyses them once per set
of mypy options (the Python version among them) and reuses that from its cache; it still
re-checks every module whose source differs. The first check under a set of options is the
slow one (14 to 40 s against 3 to 6 s), and each xdist worker would pay it for every set.

A worker's cache is its own: mypy keeps it in SQLite, and two mypy runs writing one database at
once can fail on its lock. So the first check under some options, in any worker, runs alone:
it holds a lock for those options until it has passed and published a copy of its cache. A
worker that needs the same options meanwhile waits for that copy and starts from it, rather
than doing the same cold work beside it on the same cores.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass
class MypyCaches:
    own: Path  # this worker's caches, a folder per set of options
    shared: Path  # the warm copies every worker may start from, likewise

    @contextmanager
    def for_options(self, options: str) -> Iterator[Path]:
        """This worker's cache for a set of options, for one mypy run inside the block: started
        from a warm copy if there is one; if there is none yet, this run makes it, and other
        workers wait for it. A run that fails publishes nothing."""
        cache = self.own / options
        if cache.exists():
            yield cache
            return
        self.shared.mkdir(parents=True, exist_ok=True)
        warm = self.shared / options
        with (self.shared / f"{options}.lock").open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
            if warm.exists():
                shutil.copytree(warm, cache)
                fcntl.flock(lock, fcntl.LOCK_UN)
                yield cache
                return
            yield cache
            partial = self.shared / f"{options}.{os.getpid()}.tmp"
            shutil.copytree(cache, partial)
            partial.rename(warm)  # atomic: readers see all of it or nothing
