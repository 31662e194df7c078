"""Render two answer sets of the template and show what differs between the projects.

    uv run python tools/compare.py auth=none auth=jwt
    uv run python tools/compare.py "" celery=redis --html celery.html

Each answer set is a comma-separated list of NAME=VALUE (an empty string means the defaults).
The output lists the files only one project has, then a unified diff of the files both have,
coloured on a terminal; `--html` also writes a side-by-side page. The exit status is 0 when
the projects are the same, 1 when they differ and 2 when copier refuses an answer.
"""

from __future__ import annotations

import argparse
import difflib
import html
import json
import sys
import tempfile
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import copier
import yaml

TEMPLATE = Path(__file__).resolve().parent.parent
COLOURS = {"+": "\033[32m", "-": "\033[31m", "@": "\033[36m"}
RESET = "\033[0m"


def parse_answers(text: str) -> dict[str, Any]:
    """ "database=postgresql,websockets=true" as copier's --data would read it."""
    answers: dict[str, Any] = {}
    for pair in filter(None, (part.strip() for part in text.split(","))):
        name, sign, value = pair.partition("=")
        if not sign:
            raise argparse.ArgumentTypeError(f"{pair!r} is not NAME=VALUE")
        answers[name.strip()] = yaml.safe_load(value)
    return answers


def render(answers: dict[str, Any], destination: Path) -> dict[str, str]:
    """The project for these answers, as {relative path: text}, without the answers file."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # rendering uncommitted template edits is the point
        copier.run_copy(
            str(TEMPLATE),
            destination,
            data=answers,
            vcs_ref="HEAD",  # with uncommitted edits, which copier includes
            defaults=True,
            unsafe=True,
            quiet=True,
            skip_tasks=True,  # uv.lock would differ in every package version line
        )
    return {
        str(path.relative_to(destination)): path.read_text()
        for path in sorted(destination.rglob("*"))
        if path.is_file() and path.name != ".copier-answers.yml"
    }


@dataclass
class Comparison:
    left: dict[str, str]
    right: dict[str, str]

    @property
    def removed(self) -> list[str]:
        return sorted(self.left.keys() - self.right.keys())

    @property
    def added(self) -> list[str]:
        return sorted(self.right.keys() - self.left.keys())

    @property
    def changed(self) -> list[str]:
        both = self.left.keys() & self.right.keys()
        return sorted(name for name in both if self.left[name] != self.right[name])

    def unified(self) -> Iterator[str]:
        for name in self.changed:
            yield from self.diff(name)

    def diff(self, name: str) -> Iterator[str]:
        """The unified diff of one file both projects have."""
        return difflib.unified_diff(
            self.left[name].splitlines(keepends=True),
            self.right[name].splitlines(keepends=True),
            fromfile=f"a/{name}",
            tofile=f"b/{name}",
        )

    def html_page(self, title: str) -> str:
        differ = difflib.HtmlDiff(wrapcolumn=100)
        sections = [
            f"<h2>{html.escape(name)}</h2>"
            + differ.make_table(
                self.left[name].splitlines(), self.right[name].splitlines(), "a", "b", context=True
            )
            for name in self.changed
        ]
        listed = "".join(
            f"<li>{sign} {html.escape(name)}</li>"
            for sign, names in (("+", self.added), ("-", self.removed))
            for name in names
        )
        style = (
            "table.diff{font-family:monospace;border:1px solid #ccc}"
            ".diff_add{background:#cfc}.diff_chg{background:#ffc}.diff_sub{background:#fcc}"
        )
        return (
            f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<style>{style}</style></head><body><h1>{html.escape(title)}</h1>"
            f"<ul>{listed}</ul>{''.join(sections)}</body></html>\n"
        )


def coloured(line: str, colour: bool) -> str:
    if not colour or line.startswith(("+++", "---")) or line[:1] not in COLOURS:
        return line
    return f"{COLOURS[line[0]]}{line.rstrip(chr(10))}{RESET}\n"


def main(arguments: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "left", type=parse_answers, help='answers of the first project, e.g. "auth=none"'
    )
    parser.add_argument("right", type=parse_answers, help='answers of the second, e.g. "auth=jwt"')
    parser.add_argument("--html", type=Path, help="also write a side-by-side page here")
    parser.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    options = parser.parse_args(arguments)
    with tempfile.TemporaryDirectory(prefix="compare-") as scratch:
        try:
            comparison = Comparison(
                render(options.left, Path(scratch, "a")), render(options.right, Path(scratch, "b"))
            )
        except ValueError as refusal:
            print(f"copier refused an answer: {refusal}", file=sys.stderr)
            return 2
    colour = options.color == "always" or (options.color == "auto" and sys.stdout.isatty())
    for name in comparison.removed:
        print(coloured(f"- only in a: {name}\n", colour), end="")
    for name in comparison.added:
        print(coloured(f"+ only in b: {name}\n", colour), end="")
    for line in comparison.unified():
        print(coloured(line if line.endswith("\n") else line + "\n", colour), end="")
    if options.html:
        title = f"a: {describe(options.left)}  vs  b: {describe(options.right)}"
        options.html.write_text(comparison.html_page(title))
    differ = bool(comparison.added or comparison.removed or comparison.changed)
    summary = (
        f"{len(comparison.added)} added, {len(comparison.removed)} removed, "
        f"{len(comparison.changed)} changed"
        if differ
        else "the two projects are the same"
    )
    print(summary, file=sys.stderr)
    return int(differ)


def spelled(value: Any) -> str:
    """An answer as --data takes it: true, 3.11, redis."""
    return value if isinstance(value, str) else json.dumps(value)


def describe(answers: dict[str, Any]) -> str:
    """Answers as --data spells them: "websockets=true, celery=redis"."""
    return (
        ", ".join(f"{name}={spelled(value)}" for name, value in answers.items()) or "the defaults"
    )


if __name__ == "__main__":
    sys.exit(main())
