"""Shared fixtures and the matrix summary printed at the end of a run."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from _pytest.mark.expression import Expression  # the parser behind -k

from .mypy_caches import MypyCaches
from .options import (
    choices,
    combination_id,
    combinations,
    covered_axes,
    headline_axes,
    heavy_services,
    representative_services,
    service_of,
    soaked_combination,
)
from .releases import copy_working_tree
from .service_runs import ServiceRuns
from .summary import MatrixSummary

GIT_IDENTITY = ["-c", "user.name=Template Tests", "-c", "user.email=tests@example.com"]

# Each rendered project's tools (alembic, the server, pytest, celery) import the same packages
# again and again in new processes. Where the environment forbids writing bytecode (container
# images often set PYTHONDONTWRITEBYTECODE), every one of those imports compiles its modules
# from source again: about 6 s instead of 2.5 s for a rich service. Bytecode is written in
# the throwaway virtual environments only, so the suite lets Python write it.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)

# Every render locks its dependencies (`uv lock`, a copier task) against the live index. A
# release published while the suite runs would make two renders of the same service differ
# in uv.lock alone. Every lock of one run resolves as of the moment the run started (xdist
# workers inherit the controller's value).
os.environ.setdefault("UV_EXCLUDE_NEWER", datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))


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


# The snapshot this process made, removed when the run ends (and nothing else is).
SNAPSHOT = pytest.StashKey[Path]()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--answers",
        metavar="NAME=VALUE,...",
        help="run only the combinations holding these answers, e.g. database=sqlite,auth=jwt",
    )


def selected_answers(config: pytest.Config) -> dict[str, str] | None:
    """--answers as {question: value}, refused with a sentence when it names no option."""
    text = config.getoption("answers")
    if text is None:
        return None
    questions = headline_axes() + covered_axes()
    wanted = {}
    for pair in filter(None, (part.strip() for part in text.split(","))):
        name, _, value = pair.partition("=")
        offered = [str(choice).lower() for choice in choices(name)] if name in questions else []
        if value.lower() not in offered:
            raise pytest.UsageError(
                f"--answers {pair!r}: give NAME=VALUE with a question of the matrix"
                f" ({', '.join(questions)}) and one of its values, e.g. database=sqlite"
            )
        wanted[name] = value.lower()
    return wanted


def check_keyword_expression(config: pytest.Config) -> None:
    """Refuse a bad -k before xdist starts: each worker would fail to collect, and the run
    would end in an INTERNALERROR instead of the reason."""
    expression = config.option.keyword.strip()
    if not expression:
        return
    try:
        Expression.compile(expression)
    except SyntaxError as error:
        raise pytest.UsageError(
            f"-k {expression!r} is not an expression of words ({error.msg} at column"
            f" {error.offset}): match words of the test ids, e.g. -k 'sqlite and jwt', or"
            " choose combinations by their answers with --answers database=sqlite,auth=jwt"
        ) from None


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """`-n auto`: a worker more than the machine has cores. A combination's checks spend a good
    part of their time waiting (on servers, on processes starting, on the timeouts the fault
    tests measure): with a worker per core, a third of the CPU sat idle."""
    return (os.cpu_count() or 1) + 1


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    check_keyword_expression(config)
    selected_answers(config)
    # pytest-copie's `copie` fixture renders from `--template`: point it at the snapshot.
    config.stash[SNAPSHOT] = snapshot_template()
    config.option.template = str(config.stash[SNAPSHOT])
    if not hasattr(config, "workerinput"):  # the xdist controller, or a run without xdist
        config.pluginmanager.register(MatrixSummary(combinations()), "matrix-summary")


@pytest.fixture(scope="session")
def mypy_cache(tmp_path_factory: pytest.TempPathFactory) -> MypyCaches:
    """mypy caches shared by this test process's rendered projects, each started from a warm
    copy another worker made where there is one (tests/mypy_caches.py)."""
    return MypyCaches(
        own=tmp_path_factory.mktemp("mypy-cache"),
        shared=shared_directory(tmp_path_factory, "mypy-warm"),
    )


@pytest.fixture(scope="session")
def service_runs(tmp_path_factory: pytest.TempPathFactory) -> ServiceRuns:
    """Passing service runs of this session, in a directory every xdist worker shares."""
    return ServiceRuns(shared_directory(tmp_path_factory, "service-runs"))


def shared_directory(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    """A directory of this test session that all of its xdist workers see."""
    run = os.environ.get("PYTEST_XDIST_TESTRUNUID")
    base = tmp_path_factory.getbasetemp()
    return base.parent / f"{name}-{run}" if run else base / name


def pytest_unconfigure(config: pytest.Config) -> None:
    if SNAPSHOT in config.stash:
        shutil.rmtree(config.stash[SNAPSHOT], ignore_errors=True)


def shard() -> tuple[int, int] | None:
    """MATRIX_SHARD="INDEX/COUNT" (from 1): this job's share of a matrix split across jobs."""
    value = os.environ.get("MATRIX_SHARD")
    if not value:
        return None
    index, _, count = value.partition("/")
    if not (index.isdigit() and count.isdigit() and 1 <= int(index) <= int(count)):
        raise pytest.UsageError(f'MATRIX_SHARD must look like "2/8", not {value!r}')
    return int(index), int(count)


def holds(item: pytest.Item, wanted: dict[str, str]) -> bool:
    """Whether a test is a combination whose answers include every wanted one."""
    callspec = getattr(item, "callspec", None)
    answers = callspec.params.get("answers") if callspec else None
    if getattr(item, "originalname", None) != "test_combination" or not answers:
        return False
    return all(str(answers.get(name)).lower() == value for name, value in wanted.items())


def start_rank(item: pytest.Item, firsts: set[str]) -> int:
    """When a test starts: the longest first, so that no worker is left with a long one at the
    end while the others idle. The soak, then the first combination of each heavy service (its
    slow and fault tests), the update paths, the first of each representative service (its
    deep fuzzing and image), then the rest in the order collected. A service's other
    combinations stay where they are, far from the first: they reuse its run."""
    if getattr(item, "originalname", None) != "test_combination":
        return 2 if item.path.name == "test_updates.py" else 4
    answers = item.callspec.params["answers"]
    if item.name not in firsts:
        return 4
    if combination_id(answers) == soaked_combination():
        return 0
    service = service_of(answers)
    return 1 if service in heavy_services() else 3 if service in representative_services() else 4


def first_of_each_service(items: list[pytest.Item]) -> set[str]:
    """The names of the first collected combination of each service."""
    firsts: dict[object, str] = {}
    for item in items:
        if getattr(item, "originalname", None) == "test_combination":
            firsts.setdefault(service_of(item.callspec.params["answers"]), item.name)
    return set(firsts.values())


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Start the longest tests first. With --answers, keep only the combinations that hold
    them. With MATRIX_SHARD, keep every COUNT-th combination; the other tests run in shard 1."""
    firsts = first_of_each_service(items)
    items.sort(key=lambda item: start_rank(item, firsts))
    wanted = selected_answers(config)
    if wanted is not None:
        config.hook.pytest_deselected(items=[item for item in items if not holds(item, wanted)])
        items[:] = [item for item in items if holds(item, wanted)]
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
