"""The docs site's study pages, generated from `roadmap.yml` and the marked renders of the
template (tools/roadmap.py): the learning paths, step by step, and the interview questions with
the lines that answer them."""

from __future__ import annotations

import tomllib
from typing import Any

from compare import spelled
from roadmap import ROOT, Place, roadmap, titles

# Where each step's command renders its variant: ../learn-<variant>.
DESTINATION = "learn"

LEARNING_INTRO = """# Learning paths

The roadmaps' own orders of study, through real code: the week-by-week timeline of the
comprehensive roadmap, then the four paths of the knowledge map. Each step renders a variant of
the template, points to the lines that show its topics in that variant, and compares the variant
with the one before, so you read only what the step adds. The page is generated from
`roadmap.yml` and the template when the site is built; line numbers are those of the variant's
render.

Run the commands from a clone of this repository (`uv run tools/tag_releases.py` once first, as in
the README's quick start).
"""

INTERVIEW_INTRO = """# Interview questions

The knowledge map's interview questions and its ten must-know topics, each with the lines of a
rendered project that answer it (the [roadmap map](roadmap.md) says which variants hold them).
Generated from `roadmap.yml` and the template when the site is built.
"""


def copier_command(answers: dict[str, Any], destination: str) -> str:
    """The copy-paste command that renders `answers`, with the copier this repository pins."""
    pins = {}
    for requirement in tomllib.loads((ROOT / "pyproject.toml").read_text())["dependency-groups"][
        "dev"
    ]:
        name, _, version = requirement.partition("==")
        pins[name] = version
    data = "".join(f" --data {name}={spelled(value)}" for name, value in answers.items())
    return (
        f"uvx --with copier-template-extensions=={pins['copier-template-extensions']}"
        f" copier@{pins['copier']} copy --trust --defaults --vcs-ref HEAD"
        f'{data} "$PWD" ../{destination}'
    )


def compare_command(before: dict[str, Any], after: dict[str, Any]) -> str:
    def answer_set(answers: dict[str, Any]) -> str:
        return ",".join(f"{name}={spelled(value)}" for name, value in answers.items())

    return f'uv run python tools/compare.py "{answer_set(before)}" "{answer_set(after)}"'


def reading(topics: list[str], located: dict[str, list[Place]], variant: str) -> list[str]:
    """A bullet per topic: its lines in `variant`, or why no code shows it."""
    named = titles()
    not_shown = roadmap()["not_shown"]
    lines = []
    for topic in topics:
        if topic in not_shown:
            why = not_shown[topic]
            lines.append(
                f"- [{named[topic]}](roadmap.md#{topic}): not shown in code."
                f" {why['reason']} [Read about it]({why['docs']})."
            )
            continue
        places = [place for place in located[topic] if variant in place.variants]
        if not places:
            msg = f"the topic {topic!r} shows nowhere in the variant {variant!r}"
            raise ValueError(msg)
        where = ", ".join(f"`{place.path}:{place.line}`" for place in places)
        lines.append(f"- [{named[topic]}](roadmap.md#{topic}): {where}")
    return lines


def learning_path_page(located: dict[str, list[Place]]) -> str:
    listed = roadmap()
    variants: dict[str, dict[str, Any]] = listed["variants"]
    lines = [LEARNING_INTRO]
    for path in listed["paths"]:
        lines += [
            f"## {path['title']}",
            "",
            f"{path['about']} (From the {path['roadmap']} roadmap.)",
            "",
        ]
        before: str | None = None
        for number, step in enumerate(path["steps"], start=1):
            variant = step["variant"]
            lines += [f"### {number}. {step['title']}", ""]
            if variant != before:
                lines += [
                    f"Render the `{variant}` variant:",
                    "",
                    "```bash",
                    copier_command(variants[variant], f"{DESTINATION}-{variant}"),
                    "```",
                    "",
                ]
            else:
                lines += [f"The same `{variant}` variant as the step before.", ""]
            lines += ["Read:", "", *reading(step["topics"], located, variant), ""]
            if before is not None and variant != before:
                lines += [
                    f"What the step adds to `{before}`:",
                    "",
                    "```bash",
                    compare_command(variants[before], variants[variant]),
                    "```",
                    "",
                ]
            before = variant
    return "\n".join(lines)


def interview_page(located: dict[str, list[Place]]) -> str:
    listed = roadmap()["interview"]
    lines = [INTERVIEW_INTRO, "## Questions", ""]
    for number, entry in enumerate(listed["questions"], start=1):
        lines += [
            f"### {number}. {entry['question']}",
            "",
            *everywhere(entry["topics"], located),
            "",
        ]
    lines += ["## Must-know topics", ""]
    for entry in listed["must_know"]:
        lines += [f"### {entry['topic']}", "", *everywhere(entry["topics"], located), ""]
    return "\n".join(lines)


def everywhere(topics: list[str], located: dict[str, list[Place]]) -> list[str]:
    """A bullet per topic with its lines in any variant."""
    named = titles()
    lines = []
    for topic in topics:
        places = located.get(topic)
        if not places:
            msg = f"the interview topic {topic!r} points to no rendered line"
            raise ValueError(msg)
        where = ", ".join(
            f"`{place.path}:{place.line}` ({', '.join(place.variants)})" for place in places
        )
        lines.append(f"- [{named[topic]}](roadmap.md#{topic}): {where}")
    return lines
