"""The template's options, read from copier.yml: the one place they are listed."""

from __future__ import annotations

import itertools
from functools import cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]


@cache
def copier_config() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "copier.yml").read_text())


def questions() -> dict[str, dict[str, Any]]:
    """Every question, by name, in the order copier asks them."""
    return {name: spec for name, spec in copier_config().items() if not name.startswith("_")}


def choices(question: str) -> list[Any]:
    """The values a question accepts, whether copier.yml lists them or maps labels to them."""
    spec = questions()[question]
    if spec.get("type") == "bool":
        return [False, True]
    listed = spec["choices"]
    return list(listed.values()) if isinstance(listed, dict) else list(listed)


def headline_axes() -> list[str]:
    return list(copier_config()["_matrix"]["headline"])


def answer_sets() -> list[dict[str, Any]]:
    """Every answer set of the headline axes, other questions at their defaults."""
    axes = headline_axes()
    return [
        dict(zip(axes, values, strict=True))
        for values in itertools.product(*(choices(axis) for axis in axes))
    ]


def refusals() -> list[tuple[dict[str, Any], str]]:
    """The answers copier must refuse, whatever the other answers, with (part of) its message."""
    return [(entry["answers"], entry["message"]) for entry in copier_config()["_matrix"]["refused"]]


def is_refused(answers: dict[str, Any]) -> bool:
    """Whether an answer set holds every answer of one of the refusals."""
    return any(refused.items() <= answers.items() for refused, _ in refusals())


def covered_axes() -> list[str]:
    """Questions whose values must each meet every value of every other question (pairwise)."""
    return list(copier_config()["_matrix"].get("covered", []))


def wanted_pairs() -> set[frozenset[tuple[str, Any]]]:
    """Every pair of (question, value) that involves a covered question."""
    axes = headline_axes() + covered_axes()
    return {
        frozenset({(first, a), (second, b)})
        for first in covered_axes()
        for second in axes
        if second != first
        for a in choices(first)
        for b in choices(second)
    }


def pairs(answers: dict[str, Any]) -> set[frozenset[tuple[str, Any]]]:
    return {frozenset(pair) for pair in itertools.combinations(answers.items(), 2)}


def combinations() -> list[dict[str, Any]]:
    """The answer sets that render a service.

    Every headline answer set that copier accepts, each given values of the covered
    questions greedily: the values that meet the most pairs not met yet, taking turns
    between values when that is a tie.
    """
    headline = [answers for answers in answer_sets() if not is_refused(answers)]
    covered = covered_axes()
    candidates = list(itertools.product(*(choices(axis) for axis in covered)))
    unmet = wanted_pairs()
    chosen = []
    for turn, answers in enumerate(headline):
        rotated = candidates[turn % len(candidates) :] + candidates[: turn % len(candidates)]
        options = [answers | dict(zip(covered, values, strict=True)) for values in rotated]
        best = max(
            (option for option in options if not is_refused(option)),
            key=lambda option: len(pairs(option) & unmet),
        )
        unmet -= pairs(best)
        chosen.append(best)
    return chosen


def unmet_pairs(answer_sets: list[dict[str, Any]]) -> set[frozenset[tuple[str, Any]]]:
    """The pairs involving a covered question that none of the answer sets holds."""
    met: set[frozenset[tuple[str, Any]]] = set().union(*(pairs(answers) for answers in answer_sets))
    return wanted_pairs() - met


def combination_id(answers: dict[str, Any]) -> str:
    return "-".join(f"{name}={value}" for name, value in answers.items())
