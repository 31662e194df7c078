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
    listed = questions()[question]["choices"]
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


def combinations() -> list[dict[str, Any]]:
    """The answer sets that render a service: all of them but the refused ones."""
    return [answers for answers in answer_sets() if not is_refused(answers)]


def combination_id(answers: dict[str, Any]) -> str:
    return "-".join(f"{name}={value}" for name, value in answers.items())
