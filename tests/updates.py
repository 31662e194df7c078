"""Projects that live through template updates: rendered at a release, changed by their
team, then brought up to date with `copier update`."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from textwrap import dedent
from typing import Any

import copier
import yaml

from .options import ROOT
from .releases import copy_working_tree, tagged_clone

GIT_IDENTITY = ["-c", "user.name=Service Team", "-c", "user.email=team@example.com"]
CONFLICT_MARKER = re.compile(r"^(<{7}|>{7}) ", re.MULTILINE)


def git(project: Path, *arguments: str) -> str:
    return subprocess.run(
        ["git", *GIT_IDENTITY, *arguments],
        cwd=project,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def current_template(destination: Path, *, tagged: bool = True) -> Path:
    """A clone with every release tagged (or none, as a fresh clone may come), and the
    working tree (uncommitted edits included) committed on top as the version updates go to."""
    if tagged:
        clone = tagged_clone(destination)
    else:
        git(destination.parent, "clone", "--quiet", "--no-local", str(ROOT), str(destination))
        clone = destination
    git(clone, "rm", "-q", "-r", ".")
    copy_working_tree(clone)
    git(clone, "add", "-A")
    git(clone, "commit", "-q", "--allow-empty", "-m", "the working tree")
    return clone


def quick_start_command() -> str:
    """The README's command that renders a project: the first of its quick start."""
    readme = (ROOT / "README.md").read_text()
    block = readme.split("## Quick start", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    return next(line for line in block.splitlines() if line and not line.startswith("#"))


def fresh_shell_env(python: str) -> dict[str, str]:
    """The environment of a new terminal: no virtual environment of the template's own on
    the path (its python has no pip), and uv told which Python the post-copy lock is for."""
    own = str(Path(sys.executable).parent)
    path = [entry for entry in os.environ["PATH"].split(os.pathsep) if entry != own]
    env = {name: value for name, value in os.environ.items() if name != "VIRTUAL_ENV"}
    return env | {
        "PATH": os.pathsep.join(path),
        "UV_PYTHON": python,
        "UV_PYTHON_DOWNLOADS": "never",
    }


def answers_of(project: Path) -> dict[str, Any]:
    answers: dict[str, Any] = yaml.safe_load((project / ".copier-answers.yml").read_text())
    return answers


def render(
    template: Path | str,
    version: str,
    answers: dict[str, Any],
    project: Path,
    *,
    lock: bool = True,
) -> None:
    """Render a release into a new repository, committed as its first commit (`lock=False`
    leaves out the post-copy `uv lock`, for tests that never install the project)."""
    copier.run_copy(
        str(template),
        project,
        data=answers,
        vcs_ref=version,
        defaults=True,
        unsafe=True,
        quiet=True,
        skip_tasks=not lock,
    )
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", f"Render {version}")


def update(project: Path, data: dict[str, Any] | None = None) -> None:
    """`copier update --defaults` to the template's newest commit; its message goes to stderr."""
    copier.run_update(
        project,
        data=data or {},
        vcs_ref="HEAD",
        defaults=True,
        overwrite=True,
        unsafe=True,
        conflict="inline",
    )


def conflicts(project: Path) -> list[str]:
    """Files an update left with conflict markers or rejected hunks."""
    found = []
    for file in sorted(project.rglob("*")):
        if not file.is_file() or ".git" in file.parts or ".venv" in file.parts:
            continue
        if file.suffix == ".rej" or CONFLICT_MARKER.search(file.read_text(errors="replace")):
            found.append(str(file.relative_to(project)))
    return found


def keep_both_sides(file: Path) -> None:
    """Resolve each conflict by keeping the team's lines, then the template's: right where
    both added lines to one list (routers, imports), as a person would resolve it."""
    resolved = re.sub(
        r"^<{7} before updating\n(.*?)^={7}\n(.*?)^>{7} after updating\n",
        r"\1\2",
        file.read_text(),
        flags=re.MULTILINE | re.DOTALL,
    )
    file.write_text(resolved)


def commit_all(project: Path, message: str) -> None:
    git(project, "add", "-A")
    git(project, "commit", "-q", "--allow-empty", "-m", message)


# What a team adds after the first render: a domain of its own, mounted next to items, with a
# setting and a test; and a change to the items domain.
NOTES_INIT = '"""Notes for the service\'s users: a domain the team added after rendering."""\n'
NOTES_ROUTER = dedent(
    '''\
    """Where users find help."""

    from fastapi import APIRouter, Request
    from pydantic import BaseModel

    from ..settings import Settings

    router = APIRouter(prefix="/notes", tags=["notes"])


    class SupportContact(BaseModel):
        email: str


    @router.get("/support")
    async def support_contact(request: Request) -> SupportContact:
        settings: Settings = request.app.state.settings
        return SupportContact(email=settings.support_email)
    '''
)
NOTES_TEST = dedent(
    '''\
    """The team's own domain survives template updates."""

    from httpx import AsyncClient


    async def test_support_contact_comes_from_the_settings(client: AsyncClient) -> None:
        response = await client.get("/api/v1/notes/support")

        assert response.status_code == 200
        assert response.json() == {"email": "support@example.com"}
    '''
)
ITEM_EXISTS = (
    "    async def item_exists(self, item_id: int) -> bool:\n"
    "        return await self.items.get(item_id) is not None\n"
    "\n"
)

NOTES_IMPORT = "from .notes.router import router as notes_router\n"

# Each user change: the file, and a line that must be there after every update.
USER_LINES = {
    "src/{package}/notes/router.py": "return SupportContact(email=settings.support_email)",
    "src/{package}/settings.py": 'support_email: str = "support@example.com"',
    "src/{package}/items/service.py": "async def item_exists(self, item_id: int) -> bool:",
    "src/{package}/items/schemas.py": 'examples=["Teapot"]',
    ".env.example": "SUPPORT_EMAIL=support@example.com",
    "tests/test_notes.py": "async def test_support_contact_comes_from_the_settings(",
}


def make_user_changes(project: Path, package: str) -> None:
    """Change the project as its team would, and commit."""
    source = project / "src" / package
    (source / "notes").mkdir()
    (source / "notes" / "__init__.py").write_text(NOTES_INIT)
    (source / "notes" / "router.py").write_text(NOTES_ROUTER)
    (project / "tests" / "test_notes.py").write_text(NOTES_TEST)
    mount_notes(source)
    edit(
        source / "settings.py",
        (
            "    workers: int = Field(default=1, ge=1)\n",
            '    support_email: str = "support@example.com"\n',
        ),
    )
    edit(
        project / ".env.example",
        (
            "WORKERS=1\n",
            "# Where users write for help.\nSUPPORT_EMAIL=support@example.com\n",
        ),
    )
    service = source / "items" / "service.py"
    service.write_text(
        service.read_text().replace(
            "    async def create_item(", ITEM_EXISTS + "    async def create_item(", 1
        )
    )
    schemas = source / "items" / "schemas.py"
    schemas.write_text(schemas.read_text().replace('examples=["Cup"]', 'examples=["Teapot"]', 1))
    commit_all(project, "Add notes, a support address, and item_exists")


def mount_notes(source: Path) -> None:
    """Mount the notes router where the release asks: domains.py, or api.py before it."""
    domains = source / "domains.py"
    if domains.is_file():
        edit(domains, ("from fastapi import APIRouter\n", "\n" + NOTES_IMPORT))
        append(domains, "router.include_router(notes_router)\n")
    else:
        edit(
            source / "api.py", ("from .items.router import router as items_router\n", NOTES_IMPORT)
        )
        append(source / "api.py", "api_router.include_router(notes_router)\n")


def edit(file: Path, after: tuple[str, str]) -> None:
    """Insert a line after another."""
    anchor, line = after
    text = file.read_text()
    assert anchor in text, f"{file.name} no longer has {anchor!r}"
    file.write_text(text.replace(anchor, anchor + line, 1))


def append(file: Path, line: str) -> None:
    file.write_text(file.read_text() + line)


def missing_user_lines(project: Path, package: str) -> list[str]:
    missing = []
    for name, line in USER_LINES.items():
        path = project / name.format(package=package)
        if not path.is_file() or line not in path.read_text():
            missing.append(f"{name.format(package=package)}: {line}")
    mounts = [project / "src" / package / name for name in ("domains.py", "api.py")]
    if not any(
        "include_router(notes_router)" in mount.read_text() for mount in mounts if mount.is_file()
    ):
        missing.append("the notes router is no longer mounted")
    return missing
