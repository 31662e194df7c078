"""Jinja filters used by copier.yml's defaults and validators."""

from __future__ import annotations

import keyword
import re
import sys
import unicodedata
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2.ext import Extension

if TYPE_CHECKING:
    from jinja2 import Environment

# Every top-level module a rendered project can import, for any answers (the modules of every
# distribution it may install, and its own top-level folders). Written by
# tools/project_modules.py; the matrix fails a combination that imports one not listed.
PROJECT_MODULES = Path(__file__).with_name("project_modules.txt")
# Endings tried, in turn, to suggest a package name that shadows nothing.
SUGGESTED_ENDINGS = ("_service", "_api", "_app")
# The rendered projects' line length (ruff's `line-length`).
LINE_LENGTH = 100


def slugify(value: str) -> str:
    """Lowercase ASCII words joined by single dashes: "Órdenes  API!" -> "ordenes-api"."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text.lower()))


@cache
def project_modules() -> frozenset[str]:
    lines = PROJECT_MODULES.read_text().splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def is_reserved_module(name: str) -> bool:
    """True when `name` cannot be a package name: a keyword or a module it would shadow.

    Every answer set counts, not only this one: a package named after a module that only
    another answer brings (`redis`, `celery`) would break when an update switches it on.
    """
    return (
        keyword.iskeyword(name)
        or keyword.issoftkeyword(name)
        or name in sys.stdlib_module_names
        or name in project_modules()
    )


def free_package_name(name: str) -> str:
    """A package name like `name` that is itself accepted, to suggest instead of it."""
    endings = [*SUGGESTED_ENDINGS, *(f"_service{number}" for number in range(2, 100))]
    return next(name + ending for ending in endings if not is_reserved_module(name + ending))


def python_assignment(values: list[str], name: str) -> str:
    """`name = [...]` as ruff formats it: on one line if it fits in 100 columns, else a line
    per value."""
    line = f"{name} = [{', '.join(repr(value) for value in values)}]".replace("'", '"')
    if len(line) <= LINE_LENGTH:
        return line
    items = "".join(f'    "{value}",\n' for value in values)
    return f"{name} = [\n{items}]"


def sorted_imports(block: str) -> str:
    """The import statements of `block` in the order ruff's isort keeps one section in.

    For a block of one section's statements, some of them from features' fragments: the
    `import module` ones, then the `from module import name` ones, each sorted by module, as
    their plain text sorts them. A statement may go on over several lines, as a parenthesised
    list of names does.
    """
    statements: list[str] = []
    for line in filter(str.strip, block.splitlines()):
        if line.startswith(("from ", "import ")):
            statements.append(line)
        else:
            statements[-1] += "\n" + line
    return "\n".join(
        sorted(statements, key=lambda statement: (statement.startswith("from "), statement))
    )


def listed_names(listed: str) -> list[str]:
    """The names that features list, each followed by a comma ("Self, SecretStr,"), in order."""
    return [name.strip() for name in listed.split(",") if name.strip()]


def import_names(listed: str, *names: str, module: str = "") -> str:
    """The names of one `from module import ...` statement, as ruff's isort orders them.

    `listed` holds names that features add, each followed by a comma ("Self, SecretStr,");
    `names` are the ones the line always imports. Constants come first, then classes, then
    functions, each group in alphabetical order. Given the `module`, names that would not fit
    on the statement's line are put in parentheses, a line each, as ruff formats them.
    """
    found = {*names, *listed_names(listed)}

    def kind(name: str) -> int:
        if name.isupper():
            return 0
        return 1 if name[0].isupper() else 2

    ordered = sorted(found, key=lambda name: (kind(name), name))
    one_line = ", ".join(ordered)
    if not module or len(f"from {module} import {one_line}") <= LINE_LENGTH:
        return one_line
    return "(\n" + "".join(f"    {name},\n" for name in ordered) + ")"


def class_bases(listed: str, last: str, name: str) -> str:
    """The bases of class `name` as ruff formats them after `class <name>(`: those that
    features list ("A, B,") and then `last`, on the class's line if they fit, else a line each."""
    bases = [*listed_names(listed), last]
    one_line = ", ".join(bases)
    if len(f"class {name}({one_line}):") <= LINE_LENGTH:
        return one_line
    return "\n" + "".join(f"    {base},\n" for base in bases)


def call_arguments(listed: str, *first: str, line: str) -> str:
    """The arguments of a call as ruff formats them: `first`, then those that features list
    ("a, b,"). `line` is the statement with `{}` where they go ("    edit_openapi({})"): on
    that line if they fit, else on a line of their own, else a line each."""
    arguments = [*first, *listed_names(listed)]
    one_line = ", ".join(arguments)
    if len(line.format(one_line)) <= LINE_LENGTH:
        return one_line
    outer = " " * (len(line) - len(line.lstrip()))
    inner = outer + "    "
    if len(inner + one_line) <= LINE_LENGTH:
        return f"\n{inner}{one_line}\n{outer}"
    return "\n" + "".join(f"{inner}{argument},\n" for argument in arguments) + outer


def keyword_list(listed: str, keyword: str) -> str:
    """`, keyword=[a, b]` for the names that features list ("a, b,"); nothing when none does."""
    names = listed_names(listed)
    return f", {keyword}=[{', '.join(names)}]" if names else ""


class NameFilters(Extension):
    """Registers the filters above with copier's Jinja environment."""

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.filters["slugify"] = slugify
        environment.filters["is_reserved_module"] = is_reserved_module
        environment.filters["free_package_name"] = free_package_name
        environment.filters["python_assignment"] = python_assignment
        environment.filters["sorted_imports"] = sorted_imports
        environment.filters["import_names"] = import_names
        environment.filters["class_bases"] = class_bases
        environment.filters["keyword_list"] = keyword_list
        environment.filters["call_arguments"] = call_arguments
