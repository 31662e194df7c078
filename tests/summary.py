"""Collects what each combination and refusal test reported and prints the matrix summary."""

from __future__ import annotations

from typing import Any

import pytest


class MatrixSummary:
    """A pytest plugin living on the controller; xdist workers send it their test reports."""

    def __init__(self, combinations: int) -> None:
        self.combinations = combinations
        self.steps: dict[str, dict[str, float]] = {}
        self.outcomes: dict[str, str] = {}
        self.refusals: dict[str, str] = {}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        properties: dict[str, Any] = dict(report.user_properties)
        if report.when != "call" and not report.failed:
            return
        if "combination" in properties:
            name = properties["combination"]
            self.steps[name] = properties.get("steps", {})
            self.outcomes[name] = report.outcome
        elif "refusal" in properties:
            self.refusals[properties["refusal"]] = report.outcome

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if not self.outcomes and not self.refusals:
            return
        write = terminalreporter.write_line
        terminalreporter.section("combination matrix")
        if self.steps:
            names = list(dict.fromkeys(step for steps in self.steps.values() for step in steps))
            width = max(len(name) for name in self.steps)
            write(f"{'combination':<{width}}  {'outcome':<7}" + "".join(f"  {n:>9}" for n in names) + f"  {'total':>7}")
            for combination, steps in sorted(self.steps.items()):
                cells = "".join(
                    f"  {steps[n]:>9.1f}" if n in steps else f"  {'-':>9}" for n in names
                )
                total = sum(steps.values())
                write(f"{combination:<{width}}  {self.outcomes[combination]:<7}{cells}  {total:>7.1f}")
            totals = [sum(steps.values()) for steps in self.steps.values()]
            write(f"seconds per combination: mean {sum(totals) / len(totals):.1f}, max {max(totals):.1f}")
        passed = sum(outcome == "passed" for outcome in self.outcomes.values())
        refused = sum(outcome == "passed" for outcome in self.refusals.values())
        write(
            f"combinations: {self.combinations} exist, {len(self.outcomes)} ran, {passed} passed; "
            f"refusals: {len(self.refusals)} tested, {refused} refused as expected"
        )
