"""Team standards: one answers file (or copier's settings file) starts every service the
same, and the drift report names the services that no longer match."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from .options import ROOT
from .releases import releases, tagged_clone

TEAM_FILE = ROOT / "examples" / "team.yml"
TEAM = yaml.safe_load(TEAM_FILE.read_text())
COPIER = str(Path(sys.executable).with_name("copier"))
DRIFT = str(ROOT / "tools" / "drift.py")
VERSIONS = [release["version"] for release in releases()]
NAMES = {"project_name", "project_slug", "package_name"}


def copy(
    template: str, destination: Path, *arguments: str, env: dict[str, str] | None = None
) -> dict[str, Any]:
    """`copier copy` as a team runs it (the lock task is left to the project); the answers."""
    subprocess.run(
        [
            COPIER,
            "copy",
            "--trust",
            "--defaults",
            "--skip-tasks",
            "--quiet",
            *arguments,
            template,
            str(destination),
        ],
        check=True,
        env=os.environ | (env or {}),
    )
    answers: dict[str, Any] = yaml.safe_load((destination / ".copier-answers.yml").read_text())
    return answers


def test_team_answers_file_starts_every_service_the_same(
    pytestconfig: pytest.Config, tmp_path: Path
) -> None:
    template = pytestconfig.option.template  # the working tree, committed to a snapshot
    services = {
        name: copy(
            template,
            tmp_path / name,
            "--vcs-ref",
            "HEAD",
            "--data-file",
            str(TEAM_FILE),
            "--data",
            f"project_name={name}",
        )
        for name in ("Orders API", "Billing API")
    }

    orders, billing = services.values()
    assert {name: orders[name] for name in TEAM} == TEAM
    assert {name: value for name, value in orders.items() if name not in NAMES} == {
        name: value for name, value in billing.items() if name not in NAMES
    }
    assert (tmp_path / "Billing API" / "k8s").is_dir()  # the standard's Kubernetes manifests
    assert (tmp_path / "Billing API" / ".gitlab-ci.yml").is_file()


def test_settings_file_defaults_pin_a_team_choice(
    pytestconfig: pytest.Config, tmp_path: Path
) -> None:
    """Copier's own settings file: defaults for every project a person renders."""
    settings = tmp_path / "copier-settings.yml"
    settings.write_text(
        yaml.safe_dump({"defaults": {"author_name": "Platform Team", "database": "postgresql"}})
    )

    answers = copy(
        pytestconfig.option.template,
        tmp_path / "service",
        "--vcs-ref",
        "HEAD",
        env={"COPIER_SETTINGS_PATH": str(settings)},
    )

    assert answers["author_name"] == "Platform Team"
    assert answers["database"] == "postgresql"


@pytest.fixture(scope="module")
def released_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tagged_clone(tmp_path_factory.mktemp("team") / "template")


def drift(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, DRIFT, str(project), "--team", str(TEAM_FILE)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_drift_report_is_quiet_for_a_service_on_the_standard(
    released_template: Path, tmp_path: Path
) -> None:
    project = tmp_path / "orders-api"
    copy(str(released_template), project, "--vcs-ref", VERSIONS[-1], "--data-file", str(TEAM_FILE))

    report = drift(project)

    assert report.returncode == 0, report.stdout + report.stderr
    assert report.stdout == "orders-api: matches the newest template release and team.yml\n"


def test_drift_report_names_an_older_release_and_answers_off_the_standard(
    released_template: Path, tmp_path: Path
) -> None:
    project = tmp_path / "orders-api"
    team_but_no_cache = ["--data-file", str(TEAM_FILE), "--data", "cache=false"]
    copy(str(released_template), project, "--vcs-ref", VERSIONS[-1], *team_but_no_cache)
    older = tmp_path / "billing-api"
    copy(str(released_template), older, "--vcs-ref", VERSIONS[-2], "--data-file", str(TEAM_FILE))

    off_standard, behind = drift(project), drift(older)

    assert off_standard.returncode == 1
    assert "  cache: false, the team's standard is true\n" in off_standard.stdout
    assert "template" not in off_standard.stdout.splitlines()[1]
    assert behind.returncode == 1
    assert (
        f"  template {VERSIONS[-2]}, newest release {VERSIONS[-1]}: run `copier update`"
        in behind.stdout
    )
    # The release before the newest did not ask these yet.
    new_questions = [
        name
        for name in TEAM
        if name not in yaml.safe_load((older / ".copier-answers.yml").read_text())
    ]
    for name in new_questions:
        assert f"  {name}: not answered," in behind.stdout
