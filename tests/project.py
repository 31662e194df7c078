"""A rendered project under test: runs its tools, times each step, serves it on loopback."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import tomllib
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from plumbum import local

from tools.pythons import find_python

from .mypy_caches import MypyCaches

# Leftovers of template syntax that must never reach a rendered file.
# (Python's own "}}" in nested dict literals is fine; "{{ name" is not, unless it is a
# GitHub Actions expression, "${{ github.sha }}".)
JINJA_RESIDUE = re.compile(r"(?<!\$)\{\{-?\s*[\w(]|\{%|%\}|\{#|#\}")

# What each line of the commands block of a project's AGENTS.md is for, by how it starts; the
# one other line a project may hold, `uv run <its script>`, serves it.
COMMAND_ROLES = {
    ("uv", "sync"): "sync",
    ("uv", "run", "ruff", "check"): "lint",
    ("uv", "run", "ruff", "format"): "format",
    ("uv", "run", "mypy"): "types",
    ("uv", "run", "deptry"): "dependencies",
    ("uv", "run", "alembic"): "migrate",
    ("uv", "run", "pytest"): "test",
}


@contextmanager
def timed(timings: dict[str, float], step: str) -> Iterator[None]:
    """Add the time a block takes to `timings[step]`, even when it fails."""
    started = time.perf_counter()
    try:
        yield
    finally:
        timings[step] = timings.get(step, 0.0) + time.perf_counter() - started


def interpreter(version: str) -> str:
    """What UV_PYTHON should say for a Python version; the test fails (under CI) or skips
    when there is none."""
    found = find_python(version)
    if found:
        return found
    message = f"Python {version} is needed (install it, for example with pyenv)"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


# How long one step of a project's checks may run before it is taken for hung.
STEP_SECONDS = 900
# Holds a `uv` that runs `uv lock` from uv's cache when it can (see the script).
LOCK_FROM_CACHE = Path(__file__).parent / "lock_from_cache"


def python_for_tasks(version: str) -> contextlib.AbstractContextManager[object]:
    """The environment copier's post-copy task (`uv lock`) needs for a Python version.

    Copier runs tasks in plumbum's copy of the environment, so that is where it goes. That
    copy may predate the run's UV_EXCLUDE_NEWER (conftest.py), when nothing forks after it.
    """
    env = {
        "UV_PYTHON": interpreter(version),
        "UV_PYTHON_DOWNLOADS": "never",
        "UV_EXCLUDE_NEWER": os.environ["UV_EXCLUDE_NEWER"],
    }
    uv = shutil.which("uv")  # the real one: the script is only ever on plumbum's PATH
    if uv:
        env |= {"PATH": f"{LOCK_FROM_CACHE}{os.pathsep}{os.environ['PATH']}", "REAL_UV": uv}
    return local.env(**env)


@dataclass
class Project:
    path: Path
    python_version: str
    timings: dict[str, float] = field(default_factory=dict)
    running_steps: set[str] = field(default_factory=set)
    synced: bool = False

    @property
    def env(self) -> dict[str, str]:
        env = {key: value for key, value in os.environ.items() if key != "VIRTUAL_ENV"}
        return env | {
            "UV_PYTHON": self.python_version,
            "UV_PYTHON_DOWNLOADS": "never",
            "UV_NO_PROGRESS": "1",
        }

    def step(self, name: str) -> contextlib.AbstractContextManager[None]:
        """Time a block as step `name`; commands run inside a step of the same name are
        part of its time, not counted again."""
        if name in self.running_steps:
            return contextlib.nullcontext()
        return self._timed_step(name)

    @contextmanager
    def _timed_step(self, name: str) -> Iterator[None]:
        self.running_steps.add(name)
        try:
            with timed(self.timings, name):
                yield
        finally:
            self.running_steps.discard(name)

    def run(
        self, step: str, *command: str, env: dict[str, str] | None = None, cwd: Path | None = None
    ) -> str:
        """Run a command in the project; a failure fails the test with the command's output.

        A command still running after STEP_SECONDS is killed with every process it started (a
        project's pytest runs under `uv run`), and fails the test with what it printed so far.
        """
        # Files, not pipes: a server the command left behind cannot keep the output from us.
        with (
            self.step(step),
            tempfile.TemporaryFile("w+") as out,
            tempfile.TemporaryFile("w+") as err,
        ):
            process = subprocess.Popen(
                command,
                cwd=cwd or self.path,
                env=self.env | (env or {}),
                stdout=out,
                stderr=err,
                text=True,
                start_new_session=True,
            )
            try:
                process.wait(timeout=STEP_SECONDS)
                problem = "failed"
            except BaseException as stopped:
                # Its own session does not hear a Ctrl-C: on a time-out or an interrupted run
                # alike, it goes with what it started.
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                if not isinstance(stopped, subprocess.TimeoutExpired):
                    raise
                problem = f"still ran after {STEP_SECONDS} s"
            out.seek(0)
            err.seek(0)
            stdout, stderr = out.read(), err.read()
        if process.returncode != 0:
            pytest.fail(
                f"step {step!r} {problem}: {' '.join(command)}\n{stdout}\n{stderr}", pytrace=False
            )
        return stdout

    def commands(self) -> dict[str, list[str]]:
        """The commands of the project's AGENTS.md, by role (COMMAND_ROLES, and `serve`): the
        checks run them as written, so that every one of them is known to work."""
        text = (self.path / "AGENTS.md").read_text()
        block = text.partition("## Commands")[2].partition("```bash\n")[2].partition("```")[0]
        found: dict[str, list[str]] = {}
        for line in block.splitlines():
            command = shlex.split(line, comments=True)
            role = next(
                (
                    role
                    for start, role in COMMAND_ROLES.items()
                    if tuple(command[: len(start)]) == start
                ),
                "serve" if command[:2] == ["uv", "run"] and len(command) == 3 else None,
            )
            assert role is not None, f"AGENTS.md: the checks do not know what {line!r} is for"
            assert role not in found, f"AGENTS.md: a second command to {role}: {line!r}"
            found[role] = command
        return found

    def sync(self) -> None:
        """Install the project from its lock file, with the command of AGENTS.md, once."""
        if not self.synced:
            self.run("uv sync", *self.commands()["sync"])
            self.synced = True

    def check_code(self, mypy_cache: MypyCaches) -> None:
        """Install from the lock file, then lint, type-check and check the declared dependencies,
        with the commands of AGENTS.md."""
        commands = self.commands()
        self.sync()
        self.run("ruff", *commands["lint"])
        self.run("ruff", *commands["format"])
        with mypy_cache.for_options(self.mypy_options_digest()) as cache:
            self.run("mypy", *commands["types"], env={"MYPY_CACHE_DIR": str(cache)})
        self.run("deptry", *commands["dependencies"])

    def mypy_options_digest(self) -> str:
        """A name for the project's mypy options. A project whose options differ (a feature adds
        one) would make mypy check every module again, installed packages too, and the next
        project check them all once more: each set of options keeps a cache of its own."""
        options = tomllib.loads((self.path / "pyproject.toml").read_text())["tool"]["mypy"]
        options.pop("files", None)  # which folders to check; the modules' options stay the same
        return hashlib.sha256(json.dumps(options, sort_keys=True).encode()).hexdigest()[:12]

    def soak(self, seconds: int) -> str:
        """The project's soak (tests/soak.py), which fails the test if a request went
        unanswered or promised work was lost; its figures."""
        self.sync()  # a project whose checks a twin's run stood for has no environment yet
        return self.run("soak", self.tool("python"), "tests/soak.py", "--seconds", str(seconds))

    def migrate(self, database: str, env: dict[str, str]) -> None:
        """Apply the migrations with the command of AGENTS.md, which names one exactly where
        there is a database, and check that they match the models."""
        migrate = self.commands().get("migrate")
        assert (migrate is not None) == (database != "none"), "AGENTS.md: migrate, with a database"
        if migrate:
            self.run("alembic", *migrate, env=env)
            self.run("alembic", self.tool("alembic"), "check", env=env)

    def run_tests(
        self, env: dict[str, str], *, fuzz: bool = True, heavy: bool = True, bulk: bool = True
    ) -> None:
        """The project's own test suite; without `fuzz`, all of it but the Schemathesis fuzzing;
        without `heavy`, none of its slow or bulk tests and only the smoke part of its fault
        group; without `bulk`, none of its bulk tests."""
        skipped = [] if fuzz else ["--ignore", "tests/test_fuzz.py"]
        if not heavy:
            skipped += ["-m", "not slow and not bulk and (not faults or smoke)"]
        elif not bulk:
            skipped += ["-m", "not bulk"]
        # The command of AGENTS.md, as written; the selection goes through the environment.
        # A test still running well into the step's time has every thread's stack printed, so
        # that a hang names its test and line.
        hung = f"faulthandler_timeout={STEP_SECONDS * 2 // 3}"
        options = shlex.join(["-q", "-p", "no:cacheprovider", "-o", hung, *skipped])
        self.run("pytest", *self.commands()["test"], env=env | {"PYTEST_ADDOPTS": options})

    def tool(self, name: str) -> str:
        """A command installed in the project's virtual environment."""
        return str(self.path / ".venv" / "bin" / name)

    def text_problems(self) -> list[str]:
        """Template residue and untidy text in the rendered files."""
        problems = []
        for file in sorted(self.path.rglob("*")):
            if not file.is_file() or ".git" in file.parts:
                continue
            text = file.read_text()
            name = file.relative_to(self.path)
            if JINJA_RESIDUE.search(text):
                problems.append(f"{name}: template syntax left in the output")
            if text.startswith("\n"):
                problems.append(f"{name}: starts with a blank line")
            if not text.endswith("\n") or text.endswith("\n\n"):
                problems.append(f"{name}: should end with exactly one newline")
            if re.search(r"[ \t]+$", text, re.MULTILINE):
                problems.append(f"{name}: trailing whitespace")
            # Python (and Alembic's Python template) separates definitions with two blank lines.
            blank_run = "\n\n\n\n" if file.suffix in {".py", ".mako"} else "\n\n\n"
            if blank_run in text:
                problems.append(f"{name}: a run of blank lines")
        return problems

    def mentions(self, words: list[str]) -> list[str]:
        """The files whose path or text holds one of `words`, in any letter case."""
        pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
        found = []
        for file in sorted(self.path.rglob("*")):
            name = file.relative_to(self.path).as_posix()
            if ".venv" in file.parts or ".git" in file.parts or not file.is_file():
                continue
            if pattern.search(name) or pattern.search(file.read_text(errors="replace")):
                found.append(name)
        return found

    @contextmanager
    def serving(self, script: str, env: dict[str, str]) -> Iterator[str]:
        """Start the service's own entry point, with the command of AGENTS.md, on a free
        loopback port; yield its base URL."""
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        command = self.commands()["serve"]
        assert command == ["uv", "run", script], f"AGENTS.md serves with {shlex.join(command)}"
        with running(
            command,
            cwd=self.path,
            env=self.env | env | {"HOST": "127.0.0.1", "PORT": str(port)},
            log=self.path / "server.log",
            ready_url=f"{base_url}/health/live",
        ):
            yield base_url

    @contextmanager
    def s3_server(self) -> Iterator[str]:
        """moto's S3 server, from the project's own environment, on a free loopback port; yield
        its address."""
        port = free_port()
        endpoint = f"http://127.0.0.1:{port}"
        with running(
            [self.tool("moto_server"), "-H", "127.0.0.1", "-p", str(port)],
            cwd=self.path.parent,
            env=self.env,
            log=self.path.parent / f"{self.path.name}-s3.log",
            ready_url=f"{endpoint}/",
        ):
            yield endpoint


@contextmanager
def running(
    command: list[str], *, cwd: Path, env: dict[str, str], log: Path, ready_url: str
) -> Iterator[None]:
    """Run a server until the block ends, once `ready_url` answers; its output goes to `log`."""
    with log.open("w") as output:
        server = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        wait_until_answering(ready_url, server, log)
        yield
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:  # never leave a server behind
            server.kill()
            server.wait()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_answering(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"the server exited with {server.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"the server did not answer {url} within 30 s:\n{log.read_text()}")


def get(url: str) -> tuple[int, str]:
    """GET a URL on loopback; returns the status and body, error statuses included."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()
