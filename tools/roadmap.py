"""The roadmap map: each FastAPI roadmap topic, and the rendered files and lines that show it.

    uv run python tools/roadmap.py            # the map as a Markdown table, then the coverage

Template files mark a line with `{# roadmap: <topic> #}` at its start. To find where the
marked lines land, a copy of the template turns each marker into a visible token, the variants
of roadmap.yml are rendered from it, and the tokens are read back (and dropped) from the output.
"""

from __future__ import annotations

import re
import shutil
import sys
import tempfile
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import copier
import yaml

ROOT = Path(__file__).resolve().parent.parent
MARKER = re.compile(r"\{#\s*roadmap:\s*([\w-]+)\s*#\}")
TOKEN = re.compile(r"@@roadmap:([\w-]+)@@")
# The share of each roadmap's topics that rendered lines must show.
COVERAGE_TARGET = 0.85


def roadmap() -> dict[str, Any]:
    listed: dict[str, Any] = yaml.safe_load((ROOT / "roadmap.yml").read_text())
    return listed


@dataclass
class Place:
    """One marked line: where it lands, and in which variants."""

    path: str
    line: int
    variants: list[str] = field(default_factory=list)


def markers() -> dict[str, list[str]]:
    """Each template file with markers, and the topics they name (unknown ones included)."""
    found = {}
    for file in sorted((ROOT / "template").rglob("*")):
        if file.is_file() and (topics := MARKER.findall(file.read_text())):
            found[str(file.relative_to(ROOT))] = topics
    return found


def marked_copy(destination: Path) -> Path:
    """The template, with each marker turned into a token that survives rendering."""
    destination.mkdir()
    for name in ("copier.yml", "extensions", "template"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, destination / name, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(source, destination / name)
    for file in (destination / "template").rglob("*.jinja"):
        text = file.read_text()
        if MARKER.search(text):
            file.write_text(MARKER.sub(lambda match: f"@@roadmap:{match[1]}@@", text))
    return destination


def locate() -> dict[str, list[Place]]:
    """Every topic's places across the variants, in topic order."""
    places: dict[str, dict[tuple[str, int], Place]] = {}
    with tempfile.TemporaryDirectory(prefix="roadmap-") as scratch:
        template = marked_copy(Path(scratch, "template"))
        for variant, answers in roadmap()["variants"].items():
            project = Path(scratch, variant)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                copier.run_copy(
                    str(template),
                    project,
                    data=answers,
                    defaults=True,
                    unsafe=True,
                    quiet=True,
                    skip_tasks=True,
                )
            for file in sorted(project.rglob("*")):
                if not file.is_file():
                    continue
                for number, line in enumerate(file.read_text().splitlines(), start=1):
                    for topic in TOKEN.findall(line):
                        key = (str(file.relative_to(project)), number)
                        place = places.setdefault(topic, {}).setdefault(key, Place(*key))
                        place.variants.append(variant)
    return {topic: list(places.get(topic, {}).values()) for topic in roadmap()["topics"]}


def titles() -> dict[str, str]:
    """Every topic's title, shown or not."""
    listed = roadmap()
    return {key: topic["title"] for key, topic in (listed["topics"] | listed["not_shown"]).items()}


@dataclass
class Coverage:
    """How many of one roadmap's topics rendered lines show."""

    roadmap: str
    shown: list[str]
    not_shown: list[str]

    @property
    def share(self) -> float:
        return len(self.shown) / (len(self.shown) + len(self.not_shown))


def coverage(located: dict[str, list[Place]]) -> list[Coverage]:
    """Per roadmap: its topics that point to rendered lines, and the rest."""
    listed = roadmap()
    named = listed["topics"] | listed["not_shown"]
    result = []
    for name in listed["roadmaps"]:
        mine = [key for key, topic in named.items() if name in topic["roadmaps"]]
        shown = [key for key in mine if located.get(key)]
        result.append(Coverage(name, shown, [key for key in mine if key not in shown]))
    return result


def table(located: dict[str, list[Place]]) -> str:
    named = titles()
    every = list(roadmap()["variants"])
    rows = ["| topic | file and line | variants |", "| --- | --- | --- |"]
    for topic, places in located.items():
        for number, place in enumerate(places):
            shown = "all" if place.variants == every else ", ".join(place.variants)
            # The first row of a topic carries its title, and an anchor the gallery links to.
            title = f'<a id="{topic}"></a>{named[topic]}' if number == 0 else ""
            rows.append(f"| {title} | `{place.path}:{place.line}` | {shown} |")
    return "\n".join(rows) + "\n"


def not_shown_table() -> str:
    rows = ["| topic | roadmaps | why not | explained in |", "| --- | --- | --- | --- |"]
    for key, topic in roadmap()["not_shown"].items():
        rows.append(
            f'| <a id="{key}"></a>{topic["title"]} | {", ".join(topic["roadmaps"])} |'
            f" {topic['reason']} | <{topic['docs']}> |"
        )
    return "\n".join(rows) + "\n"


def coverage_table(located: dict[str, list[Place]]) -> str:
    rows = [
        "| roadmap | topics | shown | not shown | share shown |",
        "| --- | --- | --- | --- | --- |",
    ]
    for figures in coverage(located):
        total = len(figures.shown) + len(figures.not_shown)
        rows.append(
            f"| {figures.roadmap} | {total} | {len(figures.shown)} | {len(figures.not_shown)} |"
            f" {figures.share:.1%} |"
        )
    return "\n".join(rows) + "\n"


def main() -> int:
    located = locate()
    print(table(located))
    print(coverage_table(located), end="")
    nowhere = [topic for topic, places in located.items() if not places]
    if nowhere:
        print(f"topics that point nowhere: {', '.join(nowhere)}", file=sys.stderr)
    short = [f.roadmap for f in coverage(located) if f.share < COVERAGE_TARGET]
    if short:
        print(f"roadmaps below {COVERAGE_TARGET:.0%} shown: {', '.join(short)}", file=sys.stderr)
    return int(bool(nowhere or short))


if __name__ == "__main__":
    sys.exit(main())
