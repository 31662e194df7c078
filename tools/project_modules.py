"""Write extensions/project_modules.txt: every top-level module a rendered project can import.

    uv run python -m tools.project_modules

Renders the answer sets that, between them, install every distribution the template can depend on
(each database driver, JWT, Celery with either broker, Redis, WebSockets, metrics, tracing, Sentry,
attachments in a directory or a bucket), installs each with uv, and lists the top-level modules
of every installed distribution, runtime and development alike, of the standard library, and the
project's own top-level folders. The package-name validator refuses these names; the matrix fails
a combination whose environment holds a module missing here.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path

import copier
import yaml

from tools.pythons import find_python

TEMPLATE = Path(__file__).resolve().parent.parent
OUTPUT = TEMPLATE / "extensions" / "project_modules.txt"
# The names copier.yml lets a package take; others need not be listed.
PACKAGE_NAME = re.compile(r"[a-z][a-z0-9_]*")
PYTHON_VERSIONS = yaml.safe_load((TEMPLATE / "copier.yml").read_text())["python_version"]["choices"]
# Between them, these install every distribution any answer set asks for, and hold every
# top-level folder.
RICHEST = [
    {
        "database": "sqlite",
        "auth": "jwt",
        "celery": "rabbitmq",
        "cache": True,
        "websockets": True,
        "sse": True,
        "uploads": "s3",
        "graphql": True,
    },
    {
        "database": "postgresql",
        "auth": "jwt",
        "celery": "redis",
        "websockets": True,
        "metrics": True,
        "tracing": True,
        "sentry": True,
        "uploads": "local",
        "kubernetes": True,
    },
    {"database": "mysql", "auth": "api_key", "celery": "redis", "cache": True, "graphql": True},
    # Without Celery, whose bounds hold python-dateutil back, Strawberry's newer one needs tzdata.
    {"database": "postgresql", "auth": "none", "graphql": True},
]
# Run by a project's interpreter: the importable top-level names of each installed
# distribution, read from its RECORD (top_level.txt is optional and often missing).
LIST_INSTALLED = """
import importlib.metadata, json
names = set()
for distribution in importlib.metadata.distributions():
    for file in distribution.files or []:
        top = file.parts[0]
        if top == ".." or top.endswith((".dist-info", ".data", ".pth")) or top == "__pycache__":
            continue
        names.add(top.split(".")[0] if len(file.parts) == 1 else top)
print(json.dumps(sorted(names)))
"""
# Run by each supported Python: its standard library's folder, which also holds `test` and
# others that sys.stdlib_module_names omits, and which differs from version to version.
LIST_STDLIB = """
import json, pathlib, sys, sysconfig
stdlib = pathlib.Path(sysconfig.get_path("stdlib"))
found = [*stdlib.iterdir(), *stdlib.glob("lib-dynload/*")]
print(json.dumps(sorted({*sys.builtin_module_names, *(path.name.split(".")[0] for path in found)})))
"""


def standard_library(python: str) -> set[str]:
    """The standard library's modules, as one Python (a path, or a version uv finds) has it."""
    command = ["uv", "run", "--no-project", "--python", python, "python", "-c", LIST_STDLIB]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return set(json.loads(output))


def installed_modules(project: Path) -> set[str]:
    """The top-level modules of every distribution in a project's virtual environment."""
    python = project / ".venv" / "bin" / "python"
    command = [str(python), "-c", LIST_INSTALLED]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return set(json.loads(output))


def own_folders(project: Path) -> set[str]:
    """The project's top-level folders, which Python could import by name (src, tests, ...)."""
    return {path.name for path in project.iterdir() if path.is_dir()}


def package_names(names: set[str]) -> set[str]:
    """The names among `names` that copier.yml would let a package take."""
    return {name for name in names if PACKAGE_NAME.fullmatch(name)}


def module_names(project: Path, package: str) -> set[str]:
    """The names a package could take that this project already uses for something else."""
    return package_names(installed_modules(project) | own_folders(project)) - {package}


def main() -> None:
    names: set[str] = set()
    with tempfile.TemporaryDirectory() as scratch:
        for number, answers in enumerate(RICHEST):
            project = Path(scratch) / f"project-{number}"
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # uncommitted template edits are wanted here
                copier.run_copy(
                    str(TEMPLATE),
                    project,
                    data=answers,
                    vcs_ref="HEAD",
                    defaults=True,
                    unsafe=True,
                    quiet=True,
                )
            subprocess.run(["uv", "sync", "--quiet", "--locked"], cwd=project, check=True)
            names |= module_names(project, "my_api")
    for version in PYTHON_VERSIONS:
        python = find_python(version)
        if python is None:
            sys.exit(f"Python {version} is needed to list its standard library")
        names |= package_names(standard_library(python))
    header = "# Written by tools/project_modules.py: the modules a rendered project can import."
    OUTPUT.write_text("\n".join([header, *sorted(names)]) + "\n")
    print(f"{len(names)} modules written to {OUTPUT.relative_to(TEMPLATE)}", file=sys.stderr)


if __name__ == "__main__":
    main()
