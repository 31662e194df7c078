"""Shared fixtures and the matrix summary printed at the end of a run."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from .options import combinations
from .releases import copy_working_tree
from .summary import MatrixSummary

GIT_IDENTITY = ["-c", "user.name=Template Tests", "-c", "user.email=tests@example.com"]


def snapshot_template() -> Path:
    """Commit the working tree (uncommitted edits included) to a throwaway repository.

    Copier renders committed template code; rendering from this snapshot tests
    exactly what is on disk without copier's dirty-template warning.
    """
    snapshot = Path(tempfile.mkdtemp(prefix="template-snapshot-"))
    copy_working_tree(snapshot)
    for command in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "snapshot"]):
        subprocess.run(["git", *GIT_IDENTITY, *command], cwd=snapshot, check=True)
    return snapshot


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    # pytest-copie's `copie` fixture renders from `--template`: point it at the snapshot.
    config.option.template = str(snapshot_template())
    if not hasattr(config, "workerinput"):  # the xdist controller, or a run without xdist
        config.pluginmanager.register(MatrixSummary(combinations()), "matrix-summary")


@pytest.fixture(scope="session")
def mypy_cache(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One mypy cache per test process, shared by its rendered projects.

    Installed packages are identical across rendered projects, so they are analysed
    once; mypy still re-checks every module whose source differs.
    """
    return str(tmp_path_factory.mktemp("mypy-cache"))


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(config.option.template, ignore_errors=True)


def shard() -> tuple[int, int] | None:
    """MATRIX_SHARD="INDEX/COUNT" (from 1): this job's share of a matrix split across jobs."""
    value = os.environ.get("MATRIX_SHARD")
    if not value:
        return None
    index, _, count = value.partition("/")
    if not (index.isdigit() and count.isdigit() and 1 <= int(index) <= int(count)):
        raise pytest.UsageError(f'MATRIX_SHARD must look like "2/8", not {value!r}')
    return int(index), int(count)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """With MATRIX_SHARD, keep every COUNT-th combination; the other tests run in shard 1."""
    split = shard()
    if split is None:
        return
    index, count = split
    kept, dropped = [], []
    combination = 0
    for item in items:
        if item.originalname == "test_combination":
            mine = combination % count == index - 1
            combination += 1
        else:
            mine = index == 1
        (kept if mine else dropped).append(item)
    config.hook.pytest_deselected(items=dropped)
    items[:] = kept
