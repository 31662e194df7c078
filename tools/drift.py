"""Report how far a rendered project has drifted from the template and its team's standard.

    uv run python tools/drift.py PROJECT [--team examples/team.yml]

Two questions, answered from the project's `.copier-answers.yml`:
- is the project on the template's newest release? (`copier check-update` asks the
  template the project came from);
- does each answer the team pins still hold?
The exit status is 0 when nothing drifted and 1 when something did, so CI can run it
over every service.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ANSWERS_FILE = ".copier-answers.yml"


def template_drift(project: Path) -> str | None:
    """A sentence when a newer template release exists, else None."""
    copier = shutil.which("copier") or str(Path(sys.executable).with_name("copier"))
    checked = subprocess.run(
        [copier, "check-update", "--output-format", "json", str(project)],
        capture_output=True,
        text=True,
        check=True,
    )
    status = json.loads(checked.stdout)
    if not status["update_available"]:
        return None
    return (
        f"template {status['current_version']}, newest release {status['latest_version']}:"
        " run `copier update` (CHANGELOG.md says what it brings)"
    )


def answer_drift(answers: dict[str, Any], team: dict[str, Any]) -> list[str]:
    """One line per answer the team pins that the project answers differently."""
    return [
        f"{name}: {shown(answers[name]) if name in answers else 'not answered'},"
        f" the team's standard is {shown(wanted)}"
        for name, wanted in team.items()
        if answers.get(name) != wanted
    ]


def shown(value: Any) -> str:
    """An answer as the answers file spells it."""
    return json.dumps(value)


def report(project: Path, team_file: Path | None) -> list[str]:
    answers = yaml.safe_load((project / ANSWERS_FILE).read_text())
    drift = []
    if behind := template_drift(project):
        drift.append(behind)
    if team_file is not None:
        team = yaml.safe_load(team_file.read_text()) or {}
        drift += answer_drift(answers, team)
    return drift


def main(arguments: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", type=Path, help="a project rendered from this template")
    parser.add_argument("--team", type=Path, help="the team's answers file (see examples/)")
    options = parser.parse_args(arguments)
    drift = report(options.project, options.team)
    name = options.project.resolve().name
    if not drift:
        standard = f" and {options.team.name}" if options.team else ""
        print(f"{name}: matches the newest template release{standard}")
        return 0
    print(f"{name}: {len(drift)} difference{'s' * (len(drift) != 1)}")
    for line in drift:
        print(f"  {line}")
    if options.team:
        print(f"  to adopt the standard: copier update --trust --data-file {options.team}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
