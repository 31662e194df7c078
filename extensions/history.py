"""What an existing project answered before this run of copier.

An update must not switch on a feature nobody asked for, and must refuse a switch that
would strand data. Both need the answers the project had before: the committed answers
file (copier updates only clean repositories, so HEAD holds the answers of the last
render until the update is committed), or the file itself outside git.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import yaml
from copier_template_extensions import ContextHook
from jinja2 import Environment


def previous_answers(destination: Path, answers_file: Path) -> dict[str, Any]:
    """The project's answers before this run; empty for a new project."""
    path = destination / answers_file
    if not path.is_file():
        return {}
    committed = subprocess.run(
        ["git", "-C", str(destination), "show", f"HEAD:./{answers_file.as_posix()}"],
        capture_output=True,
        text=True,
        check=False,
    )
    text = committed.stdout if committed.returncode == 0 else path.read_text()
    answers = yaml.safe_load(text) or {}
    return {key: value for key, value in answers.items() if not key.startswith("_")}


class ProjectHistory(ContextHook):
    """Adds `previous` (the earlier answers) and `existing_project` to the context.

    The hook runs for every file, path and answer rendered; copier gives each run a Jinja
    environment, and so a hook, of its own. The answers are read once per run: an update
    would otherwise ask git for them thousands of times (three seconds of a ten-second update).
    """

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        self.read: dict[Path, dict[str, Any]] = {}

    def hook(self, context: dict[str, Any]) -> None:
        conf = context["_copier_conf"]
        # Keyed by the destination alone: copier renders the answers file's name anew each
        # time it is asked for, which for every context would cost a third of a render.
        destination = Path(conf["dst_path"])
        if destination not in self.read:
            self.read[destination] = previous_answers(destination, Path(conf["answers_file"]))
        context["previous"] = self.read[destination]
        context["existing_project"] = bool(self.read[destination])
