"""MkDocs hooks that write the site's generated pages from the real template at build time:
the options reference from copier.yml, the gallery of what each feature adds, and the roadmap
map."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Any

import yaml

# MkDocs loads this file with its own directory on the path.
from compare import Comparison, describe, render, spelled
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from roadmap import COVERAGE_TARGET, coverage_table, locate, not_shown_table, table, titles
from study_pages import interview_page, learning_path_page

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = {".py": "python", ".toml": "toml", ".yml": "yaml", ".yaml": "yaml", ".md": "markdown"}


ROADMAP_INTRO = (
    """# The roadmap map

Where each topic of the five FastAPI roadmaps the template teaches shows in a rendered project,
and in which variants (`roadmap.yml` lists the roadmaps, their topics merged across them, and the
variants). It is generated when the site is built, from markers in the template
(`{# roadmap: <topic> #}` at the start of a line), so it follows the code; the tests fail when a
topic points nowhere, a marker names an unknown topic, or a roadmap has less than
"""
    + f"{COVERAGE_TARGET:.0%} of its topics shown.\n\n"
)

NOT_SHOWN_INTRO = """
## Topics not shown in code

Named by the roadmaps, and left out of the generated service on purpose: why, and where to read
about them.

"""

COVERAGE_INTRO = """
## Coverage per roadmap

"""


def copier_config() -> dict[str, Any]:
    config: dict[str, Any] = yaml.safe_load((ROOT / "copier.yml").read_text())
    return config


def questions(config: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {name: spec for name, spec in config.items() if not name.startswith("_")}


def options_page(config: dict[str, Any], defaults: dict[str, Any]) -> str:
    """Every question with its help, choices and default, then the refused combinations."""
    lines = [
        "# Options",
        "",
        "Generated from `copier.yml` when the site is built. A default shown is what a new",
        "project gets when the other answers keep their defaults.",
        "",
    ]
    for name, spec in questions(config).items():
        lines += [f"## `{name}`", "", spec["help"].strip(), ""]
        choices = spec.get("choices")
        if isinstance(choices, dict):
            # A choice with a validator of its own is {value, validator}: the prompt shows
            # it unavailable, with the validator's sentence, when the other answers rule it out.
            lines += [
                f"- `{spelled(value['value'] if isinstance(value, dict) else value)}`: {label}"
                for label, value in choices.items()
            ] + [""]
        elif isinstance(choices, list):
            lines += [f"- `{value}`" for value in choices] + [""]
        lines += [f"Type `{spec.get('type', 'str')}`; default `{spelled(defaults[name])}`.", ""]
    lines += [
        "## Combinations copier refuses",
        "",
        "| answers | why |",
        "| --- | --- |",
    ]
    for refusal in config["_matrix"]["refused"]:
        lines.append(f"| {describe(refusal['answers'])} | {refusal['message']} |")
    return "\n".join(lines) + "\n"


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class Renders:
    """Each answer set rendered once per build: several gallery entries share the defaults."""

    def __init__(self, scratch: Path) -> None:
        self.scratch = scratch
        self.projects: dict[str, tuple[Path, dict[str, str]]] = {}

    def files(self, answers: dict[str, Any]) -> dict[str, str]:
        return self.project(answers)[1]

    def answers(self, answers: dict[str, Any]) -> dict[str, Any]:
        """The answers copier recorded, the defaults filled in."""
        directory = self.project(answers)[0]
        recorded: dict[str, Any] = yaml.safe_load((directory / ".copier-answers.yml").read_text())
        return recorded

    def project(self, answers: dict[str, Any]) -> tuple[Path, dict[str, str]]:
        key = describe(answers)
        if key not in self.projects:
            directory = self.scratch / str(len(self.projects))
            self.projects[key] = (directory, render(answers, directory))
        return self.projects[key]


def gallery_pages(config: dict[str, Any], renders: Renders) -> dict[str, str]:
    """gallery/index.md and one page per feature, each a real diff of two renders."""
    index = [
        "# Gallery",
        "",
        "What each feature adds to a project, rendered from this template when the site was built:",
        "a project without the feature (a) against one with it (b), the other answers at their",
        "defaults. `tools/compare.py` shows the same for any two answer sets.",
        "",
        "| feature | a | b | files added | files changed | roadmap topics |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    pages = {}
    for entry in config["_gallery"]:
        comparison = Comparison(renders.files(entry["a"]), renders.files(entry["b"]))
        name = f"gallery/{slug(entry['feature'])}.md"
        pages[name] = feature_page(entry, comparison)
        index.append(
            f"| [{entry['feature']}]({Path(name).name}) | {describe(entry['a'])} |"
            f" {describe(entry['b'])} | {len(comparison.added)} | {len(comparison.changed)} |"
            f" {topic_links(entry['topics'], '../roadmap.md')} |"
        )
    pages["gallery/index.md"] = "\n".join(index) + "\n"
    return pages


def topic_links(topics: list[str], roadmap_page: str) -> str:
    """Topic titles, each linked to its rows in the roadmap map."""
    named = titles()
    return ", ".join(f"[{named[topic]}]({roadmap_page}#{topic})" for topic in topics)


def feature_page(entry: dict[str, Any], comparison: Comparison) -> str:
    lines = [
        f"# {entry['feature']}",
        "",
        f"a: {describe(entry['a'])}; b: {describe(entry['b'])}.",
        f"Roadmap topics: {topic_links(entry['topics'], '../roadmap.md')}.",
        "",
    ]
    if comparison.removed:
        lines += ["## Files only in a", ""] + [f"- `{name}`" for name in comparison.removed] + [""]
    lines += ["## Files the feature adds", ""]
    for name in comparison.added:
        language = LANGUAGES.get(Path(name).suffix, "text")
        lines += [f'??? note "`{name}`"', "", f"    ```{language}"]
        lines += [f"    {line}".rstrip() for line in comparison.right[name].splitlines()]
        lines += ["    ```", ""]
    lines += ["## Files the feature changes", ""]
    for name in comparison.changed:
        lines += [f"### `{name}`", "", "```diff"]
        lines += [line.rstrip("\n") for line in comparison.diff(name)]
        lines += ["```", ""]
    return "\n".join(lines) + "\n"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages to the site (they are never written into docs/)."""
    copier = copier_config()
    with tempfile.TemporaryDirectory(prefix="docs-site-") as scratch:
        renders = Renders(Path(scratch))
        pages = {"options.md": options_page(copier, renders.answers({}))}
        pages |= gallery_pages(copier, renders)
    located = locate()
    pages["roadmap.md"] = (
        ROADMAP_INTRO
        + table(located)
        + NOT_SHOWN_INTRO
        + not_shown_table()
        + COVERAGE_INTRO
        + coverage_table(located)
    )
    pages["learning-path.md"] = learning_path_page(located)
    pages["interview.md"] = interview_page(located)
    for name, content in pages.items():
        files.append(File.generated(config, name, content=content))
    return files
