"""The template's options, read from copier.yml: the one place they are listed."""

from __future__ import annotations

import functools
import itertools
import operator
import random
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from extensions.filters import slugify

ROOT = Path(__file__).resolve().parents[1]


@cache
def copier_config() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "copier.yml").read_text())


def questions() -> dict[str, dict[str, Any]]:
    """Every question, by name, in the order copier asks them."""
    return {name: spec for name, spec in copier_config().items() if not name.startswith("_")}


def choices(question: str) -> list[Any]:
    """The values a question accepts, whether copier.yml lists them or maps labels to them
    (a label may map to a value with a validator of its own); `identity` is the matrix's
    own question, its values the name sets under `_matrix.identities`."""
    if question == IDENTITY:
        return list(identities())
    spec = questions()[question]
    if spec.get("type") == "bool":
        return [False, True]
    listed = spec["choices"]
    values = listed.values() if isinstance(listed, dict) else listed
    return [value["value"] if isinstance(value, dict) else value for value in values]


# The matrix's question for the names a user gives: a key of `_matrix.identities`.
IDENTITY = "identity"


def identities() -> dict[str, dict[str, str]]:
    """Each set of identity answers by name; "default" leaves copier's defaults."""
    return dict(copier_config()["_matrix"]["identities"])


def default_names() -> list[str]:
    """The project, distribution and package names a render takes when none are given."""
    name = questions()["project_name"]["default"]
    slug = slugify(name)
    return [name, slug, slug.replace("-", "_")]


def copier_answers(answers: dict[str, Any]) -> dict[str, Any]:
    """A matrix answer set as copier takes it: its identity spelled out as the name answers."""
    names = identities()[answers[IDENTITY]] if IDENTITY in answers else {}
    return {name: value for name, value in answers.items() if name != IDENTITY} | names


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
    """Every pair of (question, value) that involves a covered question, but those copier
    refuses."""
    axes = headline_axes() + covered_axes()
    wanted = {
        frozenset({(first, a), (second, b)})
        for first in covered_axes()
        for second in axes
        if second != first
        for a in choices(first)
        for b in choices(second)
    }
    return {pair for pair in wanted if not is_refused(dict(pair))}


def pairs(answers: dict[str, Any]) -> set[frozenset[tuple[str, Any]]]:
    return {frozenset(pair) for pair in itertools.combinations(answers.items(), 2)}


# The searches below score hundreds of thousands of answer sets by the pairs they hold. Each
# (question, value) of the matrix has a number, and a set of pairs is an int with a bit per
# pair: union, intersection and counting are then single operations on ints.


@cache
def _numbers() -> dict[tuple[str, Any], int]:
    """Each (question, value) the matrix can hold, numbered."""
    offered = [
        (name, value) for name in headline_axes() + covered_axes() for value in choices(name)
    ]
    return {answer: number for number, answer in enumerate(offered)}


def _pair_bit(first: tuple[str, Any], second: tuple[str, Any]) -> int:
    numbers = _numbers()
    low, high = sorted((numbers[first], numbers[second]))
    return 1 << (low * len(numbers) + high)


def pair_mask(answers: dict[str, Any]) -> int:
    """The pairs of `answers`, a bit each (see `pairs`)."""
    return _mask_of(itertools.combinations(answers.items(), 2))


def _mask_of(pair_set: Iterable[Iterable[tuple[str, Any]]]) -> int:
    """A bit for each pair of two (question, value)s."""
    mask = 0
    for pair in pair_set:
        mask |= _pair_bit(*pair)
    return mask


def deployment_axes() -> list[str]:
    """Questions that add deployment files around an unchanged service."""
    return list(copier_config()["_matrix"].get("deployment", []))


def _product(axes: list[str]) -> list[dict[str, Any]]:
    return [
        dict(zip(axes, values, strict=True))
        for values in itertools.product(*(choices(axis) for axis in axes))
    ]


def _most_pairs(options: list[dict[str, Any]], unmet: int, turn: int) -> dict[str, Any]:
    """The option that meets the most `unmet` pairs; ties go round the options by turn."""
    rotated = options[turn % len(options) :] + options[: turn % len(options)]
    return max(rotated, key=lambda option: (pair_mask(option) & unmet).bit_count())


def combinations() -> list[dict[str, Any]]:
    """The answer sets that render a service.

    Every headline answer set that copier accepts, with values of the covered questions
    chosen greedily, to meet the most pairs not met yet. The service's covered values
    (cache, python_version) are chosen once per service answer set, so its deployment
    variants (no docker, docker, kubernetes) render the same service around different
    deployment files; each variant then gets its own deployment values (ci).
    Ordered by deployment variant, so twins of one service run far apart in a run.
    """
    return [dict(answers) for answers in _combinations()]


@cache
def _combinations() -> tuple[dict[str, Any], ...]:
    deployment = deployment_axes()
    headline, covered = headline_axes(), covered_axes()
    service_axes = [axis for axis in headline if axis not in deployment]
    variant_axes = [axis for axis in headline if axis in deployment]
    service_covered = _product([axis for axis in covered if axis not in deployment])
    service_covered_masks = [pair_mask(values) for values in service_covered]
    service_answers = list(dict.fromkeys(a for values in service_covered for a in values.items()))
    variant_covered = _product([axis for axis in covered if axis in deployment])
    unmet = _mask_of(wanted_pairs())
    chosen = []
    for turn, service in enumerate(_product(service_axes)):
        variants = [
            service | variant
            for variant in _product(variant_axes)
            if not is_refused(service | variant)
        ]
        if not variants:
            continue
        # The service's own covered values, for the pairs they meet across its variants; none
        # that copier refuses with one of them.
        allowed = [
            number
            for number, values in enumerate(service_covered)
            if not any(is_refused(variant | values) for variant in variants)
        ]
        # A variant's pairs with the values: those of each of its answers with each value.
        crosses = [
            {
                answer: _mask_of((mine, answer) for mine in variant.items())
                for answer in service_answers
            }
            for variant in variants
        ]
        variant_masks = [pair_mask(variant) for variant in variants]
        held = {
            number: _unmet_held(
                service_covered[number],
                service_covered_masks[number],
                variant_masks,
                crosses,
                unmet,
            )
            for number in allowed
        }
        rotation = turn % len(allowed)
        extra = service_covered[max(allowed[rotation:] + allowed[:rotation], key=held.__getitem__)]
        for number, variant in enumerate(variants):
            options = [
                variant | extra | values
                for values in variant_covered
                if not is_refused(variant | extra | values)
            ]
            best = _most_pairs(options, unmet, turn + number)
            unmet &= ~pair_mask(best)
            chosen.append(best)
    order = {tuple(variant.values()): rank for rank, variant in enumerate(_product(variant_axes))}
    return tuple(sorted(chosen, key=lambda answers: order[tuple(answers[a] for a in variant_axes)]))


def _unmet_held(
    values: dict[str, Any],
    values_mask: int,
    variant_masks: list[int],
    crosses: list[dict[tuple[str, Any], int]],
    unmet: int,
) -> int:
    """How many `unmet` pairs the variants hold with `values` added, counted per variant: each
    variant's own pairs, those of the values, and those of each of its answers with each value
    (`crosses`, per variant and value)."""
    held = 0
    for variant_mask, cross in zip(variant_masks, crosses, strict=True):
        mask = variant_mask | values_mask
        for answer in values.items():
            mask |= cross[answer]
        held += (mask & unmet).bit_count()
    return held


def service_of(answers: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    """The answers that shape the service itself: all but the deployment questions."""
    return tuple((name, value) for name, value in answers.items() if name not in deployment_axes())


# Seeded tries of the greedy cover below, the same in every process; the smallest wins.
COVER_TRIES = 300


@cache
def representative_services() -> frozenset[tuple[tuple[str, Any], ...]]:
    """The services that run the heavy checks: the full depth of their Schemathesis
    fuzzing (others generate fewer requests) and, in their docker variant, the image check.

    As few services as found that between them hold every pair of service values that any
    service holds (each database with each auth mode, each broker with the cache, and so on);
    every other service runs the rest of its checks.
    """
    return _covering_services(())


# Questions that the slow and fault tests do not depend on: every service runs all its other
# tests under its own names, Python version and attachments' store (no fault test fails the store).
UNHEAVY_QUESTIONS = (IDENTITY, "python_version", "uploads")


@cache
def heavy_services() -> frozenset[tuple[tuple[str, Any], ...]]:
    """The services that run the slow tests (the service, a worker or Prometheus in processes
    of their own) and the whole fault group: as few as hold every pair of the values those
    tests depend on, all service values but the names, the Python version and the
    attachments' store."""
    return _covering_services(UNHEAVY_QUESTIONS)


def _covering_services(ignored: tuple[str, ...]) -> frozenset[tuple[tuple[str, Any], ...]]:
    """As few services as found that hold every pair of service values any service holds,
    leaving the `ignored` questions out of the pairs."""
    services = list(dict.fromkeys(service_of(answers) for answers in combinations()))
    held = [
        pair_mask({name: value for name, value in service if name not in ignored})
        for service in services
    ]
    tries = (_greedy_cover(held, random.Random(seed)) for seed in range(COVER_TRIES))
    return frozenset(services[index] for index in min(tries, key=len))


def _greedy_cover(held: list[int], rng: random.Random) -> list[int]:
    """Indexes of pair sets (`pair_mask`s) whose union is the union of all `held`: the set
    holding the most not yet held each time (ties drawn by `rng`), then without any set the
    others make redundant."""
    wanted = functools.reduce(operator.or_, held)
    unmet, chosen = wanted, []
    while unmet:
        scores = [(pairs_held & unmet).bit_count() for pairs_held in held]
        best = max(scores)
        chosen.append(rng.choice([i for i, score in enumerate(scores) if score == best]))
        unmet &= ~held[chosen[-1]]
    for index in list(chosen):
        rest = functools.reduce(
            operator.or_, (held[other] for other in chosen if other != index), 0
        )
        if rest & wanted == wanted:
            chosen.remove(index)
    return chosen


@cache
def bulk_services() -> frozenset[tuple[tuple[str, Any], ...]]:
    """The heavy services that run the bulk tests (100,000 items exported): one per database,
    since their figures depend on the store alone."""
    by_database: dict[str, tuple[tuple[str, Any], ...]] = {}
    for service in sorted(heavy_services()):
        by_database.setdefault(dict(service)["database"], service)
    return frozenset(by_database.values())


def soaked_service() -> tuple[tuple[str, Any], ...]:
    """The representative service the soak runs on (tests/soak.py in the project): the one
    with the most servers to fail, then the most features that use them."""

    def weight(service: tuple[tuple[str, Any], ...]) -> tuple[int, int]:
        answers = dict(service)
        servers = (answers["database"] in ("postgresql", "mysql")) + (answers["celery"] != "none")
        features = answers.get("cache", False) + answers["websockets"] + (answers["auth"] == "jwt")
        return servers, features

    return max(sorted(representative_services()), key=weight)


@cache
def soaked_combination() -> str:
    """The one combination whose project runs the soak: the first of the soaked service."""
    soaked = soaked_service()
    return next(
        combination_id(answers) for answers in combinations() if service_of(answers) == soaked
    )


def unmet_pairs(answer_sets: list[dict[str, Any]]) -> set[frozenset[tuple[str, Any]]]:
    """The pairs involving a covered question that none of the answer sets holds."""
    met: set[frozenset[tuple[str, Any]]] = set().union(*(pairs(answers) for answers in answer_sets))
    return wanted_pairs() - met


def combination_id(answers: dict[str, Any]) -> str:
    return "-".join(f"{name}={value}" for name, value in answers.items())
