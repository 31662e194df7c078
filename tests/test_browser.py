"""The rendered service's own /docs in a real browser, with nothing but loopback in reach."""

from __future__ import annotations

import json
import re
from typing import Any

from .browser import browse, chromium, screenshot
from .options import questions
from .project import Project, get, interpreter, python_for_tasks

OPERATION = re.compile(r'class="opblock-summary-path" data-path="([^"]+)"')


def test_swagger_ui_lists_every_operation_offline(copie: Any, record_property: Any) -> None:
    chromium()
    python_version = questions()["python_version"]["default"]
    with python_for_tasks(python_version):
        result = copie.copy(extra_answers={"database": "none"})
    assert result.exit_code == 0, result.exception
    project = Project(result.project_dir, interpreter(python_version))
    project.run("uv sync", "uv", "sync", "--locked")

    with project.serving(result.answers["project_slug"], {}) as base_url:
        status, schema = get(f"{base_url}/openapi.json")
        page = browse(f"{base_url}/docs")
        shot = screenshot(f"{base_url}/docs", "swagger-ui")

    assert status == 200
    assert set(OPERATION.findall(page.dom)) == set(json.loads(schema)["paths"])
    assert page.console == []
    assert shot.stat().st_size > 10_000
    record_property("screenshot", str(shot))
