"""Collects what each combination, refusal and update test reported, and prints the summary."""

from __future__ import annotations

from typing import Any

import pytest

from .options import covered_axes, unmet_pairs, wanted_pairs

# How tests/test_examples.py names its runs.
EXAMPLE_PREFIX = "example="


class MatrixSummary:
    """A pytest plugin living on the controller; xdist workers send it their test reports."""

    def __init__(self, combinations: list[dict[str, Any]]) -> None:
        self.combinations = len(combinations)
        self.unmet = unmet_pairs(combinations)
        self.wanted = len(wanted_pairs())
        self.steps: dict[str, dict[str, float]] = {}
        self.outcomes: dict[str, str] = {}
        self.refusals: dict[str, str] = {}
        # Combinations whose service checks reused a passing run of identical service files.
        self.reused: dict[str, str] = {}
        # Docker variants whose image check reused a passing run of the same inputs.
        self.reused_images: dict[str, str] = {}
        self.image_runs = 0
        # Update paths (tests/test_updates.py) by description, with their outcome, and per
        # check of the updated project, the run it reused (None: it ran in full).
        self.updates: dict[str, str] = {}
        self.update_checks: dict[str, list[str | None]] = {}
        # Screenshots the browser tests saved, for the CI log.
        self.screenshots: list[str] = []
        # The soak's figures, by the combination it ran in.
        self.soaks: dict[str, str] = {}
        # The template's shape figures (tests/test_repository.py), as a table.
        self.shape: str | None = None
        # The share of each roadmap's topics shown in code (tests/test_roadmap.py), as a table.
        self.roadmap_coverage: str | None = None

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        properties: dict[str, Any] = dict(report.user_properties)
        if report.when != "call" and not report.failed:
            return
        if "combination" in properties:
            name = properties["combination"]
            self.outcomes[name] = report.outcome
            if not report.skipped:
                self.steps[name] = properties.get("steps", {})
            if "service_run" in properties:
                self.reused[name] = properties["service_run"]
            if "image_run" in properties:
                self.reused_images[name] = properties["image_run"]
            self.image_runs += bool(properties.get("image_ran"))
        elif "refusal" in properties:
            self.refusals[properties["refusal"]] = report.outcome
        elif "update_path" in properties:
            self.updates[properties["update_path"]] = report.outcome
            self.update_checks[properties["update_path"]] = properties.get("update_checks", [])
        if "soak" in properties:
            self.soaks[properties["combination"]] = properties["soak"]
        if "screenshot" in properties:
            self.screenshots.append(properties["screenshot"])
        if "template_shape" in properties:
            self.shape = properties["template_shape"]
        if "roadmap_coverage" in properties:
            self.roadmap_coverage = properties["roadmap_coverage"]

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        for path in sorted(self.screenshots):
            terminalreporter.write_line(f"screenshot saved: {path}")
        if self.updates:
            terminalreporter.section("update paths")
            for path, outcome in sorted(self.updates.items()):
                terminalreporter.write_line(f"{outcome:<8} {path}")
            passed = list(self.updates.values()).count("passed")
            checks = [reused for path in self.update_checks.values() for reused in path]
            reused = len(checks) - checks.count(None)
            terminalreporter.write_line(
                f"update paths: {len(self.updates)} tested, {passed} passed; their {len(checks)}"
                f" checks of the updated project: {reused} reused a passing run of"
                " byte-identical service files"
            )
        if self.shape:
            terminalreporter.section("template shape (ceilings go down to the targets)")
            terminalreporter.write_line(self.shape)
        if self.roadmap_coverage:
            terminalreporter.section("roadmap topics shown in code, per roadmap")
            terminalreporter.write_line(self.roadmap_coverage.rstrip())
        for name, figures in self.soaks.items():
            terminalreporter.section(f"soak of {name}")
            terminalreporter.write_line(figures.rstrip())
        if not self.outcomes and not self.refusals:
            return
        terminalreporter.section("combination matrix")
        for line in self.table():
            terminalreporter.write_line(line)
        # The examples (tests/test_examples.py) are in the table, and counted apart.
        examples = {
            name: outcome
            for name, outcome in self.outcomes.items()
            if name.startswith(EXAMPLE_PREFIX)
        }
        outcomes = [outcome for name, outcome in self.outcomes.items() if name not in examples]
        passed, skipped = outcomes.count("passed"), outcomes.count("skipped")
        refused = sum(outcome == "passed" for outcome in self.refusals.values())
        terminalreporter.write_line(
            f"combinations: {self.combinations} exist, {len(outcomes) - skipped} ran, "
            f"{passed} passed, {skipped} skipped; "
            f"refusals: {len(self.refusals)} tested, {refused} refused as expected"
        )
        if examples:
            terminalreporter.write_line(
                f"examples: {len(examples)} ran, {list(examples.values()).count('passed')} passed"
            )
        if self.steps:
            ran = len(self.steps) - len(self.reused)
            terminalreporter.write_line(
                "service checks (lint, types, migrations, server, generated client, own tests"
                f" with their Schemathesis fuzzing): {ran} ran in full, {len(self.reused)} reused"
                " a passing run of byte-identical service files;"
                f" image checks: {self.image_runs} ran (docker variants of representative"
                f" services), {len(self.reused_images)} reused a passing run of the same"
                " Dockerfile and service files"
            )
        if covered_axes():
            terminalreporter.write_line(
                f"covered pairwise: {', '.join(covered_axes())}; of the {self.wanted} pairs of"
                f" their values with the values of every other question, {len(self.unmet)} unmet"
            )

    def table(self) -> list[str]:
        """Seconds per step for each combination that ran, and the mean and maximum total."""
        if not self.steps:
            return []
        steps = list(dict.fromkeys(step for timings in self.steps.values() for step in timings))
        width = max(len(name) for name in self.steps)
        header = [f"{'combination':<{width}}", "outcome", *steps, "total"]
        lines = ["  ".join(f"{cell:>9}" if i > 1 else cell for i, cell in enumerate(header))]
        totals = []
        for name, timings in sorted(self.steps.items()):
            totals.append(sum(timings.values()))
            cells = [f"{timings[step]:.1f}" if step in timings else "-" for step in steps]
            row = [f"{name:<{width}}", f"{self.outcomes[name]:<7}", *cells, f"{totals[-1]:.1f}"]
            lines.append("  ".join(f"{cell:>9}" if i > 1 else cell for i, cell in enumerate(row)))
        mean = sum(totals) / len(totals)
        lines.append(f"seconds per combination: mean {mean:.1f}, max {max(totals):.1f}")
        return lines
