"""The roadmap map: each FastAPI roadmap topic, and the rendered files and lines that show it.

    uv run python tools/roadmap.py            # the map as a Markdown table

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


def table(located: dict[str, list[Place]]) -> str:
    titles = roadmap()["topics"]
    every = list(roadmap()["variants"])
    rows = ["| topic | file and line | variants |", "| --- | --- | --- |"]
    for topic, places in located.items():
        for number, place in enumerate(places):
            shown = "all" if place.variants == every else ", ".join(place.variants)
            # The first row of a topic carries its title, and an anchor the gallery links to.
            title = f'<a id="{topic}"></a>{titles[topic]}' if number == 0 else ""
            rows.append(f"| {title} | `{place.path}:{place.line}` | {shown} |")
    return "\n".join(rows) + "\n"


def main() -> int:
    located = locate()
    print(table(located), end="")
    nowhere = [topic for topic, places in located.items() if not places]
    if nowhere:
        print(f"topics that point nowhere: {', '.join(nowhere)}", file=sys.stderr)
    return int(bool(nowhere))


if __name__ == "__main__":
    sys.exit(main())
