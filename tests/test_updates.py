"""`copier update` as a feature: from every release to the working tree, and features
switched on and off in a project its team has already changed."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from extensions.moved_modules import MOVED, moves

from .checks import check_rendered
from .mypy_caches import MypyCaches
from .project import Project, interpreter, python_for_tasks
from .prompts import COPIER
from .releases import releases, version_key
from .service_runs import ServiceRuns
from .updates import (
    answers_of,
    commit_all,
    conflicts,
    current_template,
    fresh_shell_env,
    git,
    keep_both_sides,
    make_user_changes,
    missing_user_lines,
    quick_start_command,
    render,
    update,
)

PACKAGE = "my_api"
PYTHON = "3.11"
VERSIONS = [release["version"] for release in releases()]
NEWEST = version_key(VERSIONS[-1])
# The rich answer set: every server-backed feature at once.
RICH = {
    "database": "postgresql",
    "auth": "jwt",
    "celery": "redis",
    "websockets": True,
    "docker": True,
    "kubernetes": True,
}
STARTS = {"default": {}, "rich": RICH}


@pytest.fixture(scope="session")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return current_template(tmp_path_factory.mktemp("updates") / "template")


@pytest.mark.parametrize("start", STARTS)
@pytest.mark.parametrize("version", VERSIONS)
def test_update_from_release(
    template: Path,
    tmp_path: Path,
    version: str,
    start: str,
    check_project: Callable[[Path, dict[str, Any]], None],
    record_property: Any,
    capfd: pytest.CaptureFixture[str],
) -> None:
    """Render a release, change it as a team would, update it: the team's lines stay,
    no file is lost, the modules that moved are named with their new place, and the result
    passes every check."""
    record_property("update_path", f"{version} -> working tree, {start} answers")
    answers = STARTS[start]
    project = tmp_path / "project"
    with python_for_tasks(PYTHON):
        render(template, version, answers, project)
    make_user_changes(project, PACKAGE)
    before = answers_of(project)
    files_before = tracked_files(project)
    # The releases after this one that moved modules, up to the newest: their migrations run.
    crossed = [r for r in MOVED if version_key(version) < version_key(r) <= NEWEST]
    moved = [line for release in crossed for line in moves(project, release)]
    capfd.readouterr()

    with python_for_tasks(PYTHON):
        update(project, answers)

    # Each migration names each module of the project that its release moved.
    told = capfd.readouterr().err
    assert [line for line in moved if line not in told] == []
    if start == "rich" and version in ("0.4.0", "0.5.0"):
        assert moved, "a project with accounts, sockets and tasks had modules that 0.6.0 moved"

    after = answers_of(project)
    assert {name: after[name] for name in answers} == answers
    if start == "default":
        # Questions the release did not ask keep the project as it was.
        assert after["auth"] == before.get("auth", "none")
        assert after["docker"] == before.get("docker", False)
        assert after["ci"] == before.get("ci", "none")
    # The team mounted its router in api.py, the only place before domains.py; an update
    # that also switches on a feature with routers mounts them on the same lines.
    mounted_in_api = f"src/{PACKAGE}/domains.py" not in files_before
    expected = (
        {f"src/{PACKAGE}/api.py"} if mounted_in_api and routers_added(before, after) else set()
    )
    assert set(conflicts(project)) == expected
    for name in expected:
        keep_both_sides(project / name)
    assert missing_user_lines(project, PACKAGE) == []
    assert files_before - tracked_files(project) == set(), "the update lost a file"
    commit_all(project, f"Update from {version}")
    check_project(project, after)


def test_update_from_the_readme_quick_start(tmp_path: Path) -> None:
    """The README's own command, in a fresh clone: the project records the template's absolute
    path and release, and `copier update` finds the template again."""
    template = current_template(tmp_path / "template", tagged=False)
    command = quick_start_command()
    env = fresh_shell_env(interpreter(PYTHON))

    subprocess.run(["bash", "-c", command], cwd=template, env=env, check=True)

    project = tmp_path / "my-api"
    answers = answers_of(project)
    assert answers["_src_path"] == str(template)
    newest = VERSIONS[-1]
    assert re.fullmatch(rf"{re.escape(newest)}-\d+-g[0-9a-f]+", answers["_commit"])
    git(project, "init", "-q", "-b", "main")
    commit_all(project, "Render from the quick start")
    # The template moves on, and the project follows it.
    readme = template / "template" / "README.md.jinja"
    readme.write_text(readme.read_text() + "\nA line the template added later.\n")
    commit_all(template, "A later template change")
    subprocess.run(
        [COPIER, "update", "--trust", "--defaults", "--vcs-ref=HEAD"],
        cwd=project,
        env=env,
        check=True,
    )
    assert "A line the template added later." in (project / "README.md").read_text()
    assert answers_of(project)["_commit"] != answers["_commit"]

    # The same copy command on a release's checkout records that release.
    git(template, "checkout", "-q", newest)
    copy = command.rsplit(" && ", 1)[1].replace("../my-api", "../from-release")
    subprocess.run(["bash", "-c", copy], cwd=template, env=env, check=True)
    assert answers_of(tmp_path / "from-release")["_commit"] == newest


def tracked_files(project: Path) -> set[str]:
    """The project's files, untracked ones included (an update adds files unstaged)."""
    listed = git(project, "ls-files", "--cached", "--others", "--exclude-standard")
    return set(listed.splitlines())


def routers_added(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """Whether an update switched on a feature that mounts routers under /api/v1."""
    return (before.get("auth") != "jwt" and after["auth"] == "jwt") or (
        before.get("celery", "none") == "none" and after["celery"] != "none"
    )


# Each feature switched on in a project rendered from the working tree and changed by its
# team, then back off where that makes sense: the answers the project starts from, the data
# of each update in turn, and what the message after the first update must tell the team.
SWITCHES: dict[str, tuple[dict[str, Any], list[dict[str, Any]], str]] = {
    "database-none-to-postgresql": (
        {"database": "none"},
        [{"database": "postgresql"}],
        "The service now keeps items in postgresql",
    ),
    "database-sqlite-to-postgresql": (
        {},
        [{"database": "postgresql"}],
        "The database changed from sqlite to postgresql",
    ),
    "auth-jwt": ({"auth": "none"}, [{"auth": "jwt"}], "auth.create_admin"),
    "auth-api-key": ({"auth": "none"}, [{"auth": "api_key"}, {"auth": "none"}], "auth.api_keys"),
    "websockets": ({}, [{"websockets": True}, {"websockets": False}], ""),
    # Beside the socket: the events package stays for it when the stream goes.
    "sse": ({"websockets": True}, [{"sse": True}, {"sse": False}], ""),
    "celery": ({}, [{"celery": "redis"}, {"celery": "none"}], "start a worker and beat"),
    "cache": ({}, [{"cache": True}, {"cache": False}], ""),
    # Attachments cannot be switched off (their table and files would be stranded), only moved.
    "uploads": ({}, [{"uploads": "local"}, {"uploads": "s3"}], "Attachments are new"),
    "graphql": ({"auth": "jwt"}, [{"graphql": True}, {"graphql": False}], ""),
    # The observability features, switched on and off together: each adds files, settings and
    # compose services of its own, which an update must add and take away again.
    "observability": (
        {"docker": True},
        [
            {"metrics": True, "tracing": True, "sentry": True},
            {"metrics": False, "tracing": False, "sentry": False},
        ],
        "",
    ),
    "docker": ({"docker": False}, [{"docker": True}, {"docker": False}], ""),
    "kubernetes": ({"database": "postgresql"}, [{"kubernetes": True}, {"kubernetes": False}], ""),
    "ci": ({"ci": "none"}, [{"ci": "github"}, {"ci": "gitlab"}, {"ci": "none"}], ""),
}


@pytest.mark.parametrize("switch", SWITCHES)
def test_feature_switch(
    template: Path,
    tmp_path: Path,
    switch: str,
    check_project: Callable[[Path, dict[str, Any]], None],
    record_property: Any,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`copier update --data NAME=VALUE` switches a feature cleanly, keeps the team's
    lines, and the project passes every check after each switch."""
    start, steps, advice = SWITCHES[switch]
    record_property("update_path", f"switch {switch}: " + " then ".join(map(str, steps)))
    project = tmp_path / "project"
    with python_for_tasks(PYTHON):
        render(template, "HEAD", start, project)
    make_user_changes(project, PACKAGE)
    started = git(project, "rev-parse", "HEAD").strip()

    for number, data in enumerate(steps):
        before = answers_of(project)
        capsys.readouterr()
        with python_for_tasks(PYTHON):
            update(project, data)

        message = capsys.readouterr().err
        after = answers_of(project)
        assert {name: after[name] for name in data} == data
        unchanged = {name for name in before if name not in data and name != "_commit"}
        assert {name: after[name] for name in unchanged} == {
            name: before[name] for name in unchanged
        }
        assert conflicts(project) == []
        assert missing_user_lines(project, PACKAGE) == []
        if number == 0:
            assert advice in message
        commit_all(project, f"Switch {data}")
        if without_commit(after) == without_commit(answers_of_commit(project, started)):
            # Switched back off: the project is what it was, to the byte. (uv.lock may keep a
            # resolution fork the feature's packages brought; `uv sync --locked` checks it.)
            changed = git(project, "diff", "--name-only", started, "HEAD", "--", ".", ":!uv.lock")
            assert changed == ""
        check_project(project, after)


def without_commit(answers: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in answers.items() if name != "_commit"}


def answers_of_commit(project: Path, commit: str) -> dict[str, Any]:
    answers: dict[str, Any] = yaml.safe_load(git(project, "show", f"{commit}:.copier-answers.yml"))
    return answers


# Switches an update refuses, because the data in the project's databases would be stranded.
REFUSED: dict[str, tuple[dict[str, Any], dict[str, Any], str]] = {
    "database-off": (
        {"auth": "none"},
        {"database": "none"},
        "This project keeps its items in sqlite, under Alembic migrations",
    ),
    "jwt-off": ({}, {"auth": "api_key"}, "This project's databases hold accounts"),
    "uploads-off": ({"uploads": "local"}, {"uploads": "none"}, "This project keeps attachments"),
}


@pytest.mark.parametrize("switch", REFUSED)
def test_switch_that_would_strand_data_is_refused(
    template: Path, tmp_path: Path, switch: str, record_property: Any
) -> None:
    start, data, refusal = REFUSED[switch]
    record_property("update_path", f"switch {switch}: {data} refused")
    project = tmp_path / "project"
    with python_for_tasks(PYTHON):
        render(template, "HEAD", start, project)
    before = answers_of(project)

    with python_for_tasks(PYTHON), pytest.raises(ValueError, match=refusal):
        update(project, data)

    assert answers_of(project) == before
    assert git(project, "status", "--porcelain") == "", "a refused update changed files"


@pytest.fixture
def check_project(
    mypy_cache: MypyCaches,
    service_runs: ServiceRuns,
    record_property: Any,
    request: pytest.FixtureRequest,
) -> Callable[[Path, dict[str, Any]], None]:
    """What the matrix checks for a fresh render, on an updated project. A path whose project
    ends byte-identical to one already checked (from another release, or switched back off)
    reuses that run; the summary counts them."""
    checked: list[str | None] = []  # per check, the run it reused (None: it ran)
    record_property("update_checks", checked)

    def check(path: Path, answers: dict[str, Any]) -> None:
        project = Project(path, interpreter(PYTHON))
        # The project's own hook against conflict markers (pre-commit clones nothing for it).
        hooks = {"PRE_COMMIT_HOME": str(path.parent / "pre-commit-home")}
        name = f"{request.node.nodeid} check {len(checked) + 1}"
        # The update is under test here; the matrix fuzzes the code it brings and builds its
        # Dockerfile.
        reused = check_rendered(
            project,
            answers,
            name=name,
            mypy_cache=mypy_cache,
            runs=service_runs,
            fuzz=False,
            image=False,
            heavy=False,
        )
        checked.append(reused.service)
        project.sync()
        project.run(
            "pre-commit",
            project.tool("pre-commit"),
            "run",
            "conflict-markers",
            "--all-files",
            env=hooks,
        )

    return check
