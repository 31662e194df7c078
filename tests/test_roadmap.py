"""The roadmap map is generated from markers in the template: every topic points somewhere,
every marker names a known topic, and each roadmap has most of its topics shown in code."""

from __future__ import annotations

import importlib
import sys
from typing import Any

import pytest
import yaml

from tools.roadmap import COVERAGE_TARGET, Place, coverage, coverage_table, locate, markers, roadmap

from .options import ROOT

# The docs site's page modules import their siblings by name, as MkDocs loads its hooks.
sys.path.insert(0, str(ROOT / "tools"))
study_pages = importlib.import_module("study_pages")


@pytest.fixture(scope="module")
def located() -> dict[str, list[Place]]:
    """Rendering the marked variants takes a while: once for the module."""
    return locate()


def test_every_marker_names_a_known_topic() -> None:
    known = set(roadmap()["topics"])

    unknown = {name: sorted(set(topics) - known) for name, topics in markers().items()}

    assert {name: topics for name, topics in unknown.items() if topics} == {}


def test_markers_sit_in_templates_only() -> None:
    """A marker in a file copier copies verbatim would reach the rendered project."""
    assert [name for name in markers() if not name.endswith(".jinja")] == []


def test_every_topic_points_to_rendered_lines(located: dict[str, list[Place]]) -> None:
    assert [topic for topic, places in located.items() if not places] == []
    assert list(located) == list(roadmap()["topics"])
    variants = set(roadmap()["variants"])
    assert all(set(place.variants) <= variants for places in located.values() for place in places)


def test_gallery_topics_are_roadmap_topics() -> None:
    gallery = yaml.safe_load((ROOT / "copier.yml").read_text())["_gallery"]
    known = set(roadmap()["topics"]) | set(roadmap()["not_shown"])

    assert [topic for entry in gallery for topic in entry["topics"] if topic not in known] == []


def test_topics_name_their_roadmaps_and_not_shown_ones_say_why() -> None:
    listed = roadmap()
    named: dict[str, Any] = listed["topics"] | listed["not_shown"]

    assert set(listed["topics"]).isdisjoint(listed["not_shown"])
    assert [key for key, topic in named.items() if not topic["roadmaps"]] == []
    assert [
        key for key, topic in named.items() if set(topic["roadmaps"]) - set(listed["roadmaps"])
    ] == []
    for key, topic in listed["not_shown"].items():
        assert topic["reason"].endswith("."), key
        assert topic["docs"].startswith("https://"), key


def test_not_shown_topics_have_no_markers() -> None:
    """A topic the code shows belongs among the shown ones."""
    marked = {topic for topics in markers().values() for topic in topics}

    assert marked & set(roadmap()["not_shown"]) == set()


def test_each_roadmap_has_most_of_its_topics_shown(
    located: dict[str, list[Place]], record_property: Any
) -> None:
    figures = coverage(located)
    # Printed with the run's summary (tests/summary.py).
    record_property("roadmap_coverage", coverage_table(located))

    assert [f.roadmap for f in figures] == list(roadmap()["roadmaps"])
    assert {f.roadmap: f"{f.share:.1%}" for f in figures if f.share < COVERAGE_TARGET} == {}


def test_each_learning_step_points_to_lines_of_the_variant_it_renders(
    located: dict[str, list[Place]],
) -> None:
    listed = roadmap()
    steps = [step for path in listed["paths"] for step in path["steps"]]
    known = set(listed["topics"]) | set(listed["not_shown"])
    assert [step["title"] for step in steps if not set(step["topics"]) <= known] == []
    assert {step["variant"] for step in steps} <= set(listed["variants"])
    # Every row of the comprehensive roadmap's timeline is a step.
    weeks = [step["title"].partition(":")[0] for step in listed["paths"][0]["steps"]]
    assert weeks == [
        "Weeks 1-2",
        "Week 3",
        "Week 4",
        "Week 5",
        "Week 6",
        "Week 7",
        "Week 8",
        "Week 9 and on",
    ]

    # The page refuses a shown topic with no line in the step's variant.
    page = study_pages.learning_path_page(located)

    assert page.count("\n### ") == len(steps)
    step = listed["paths"][0]["steps"][2]
    variant = listed["variants"][step["variant"]]
    assert study_pages.copier_command(variant, f"learn-{step['variant']}") in page
    for place in located[step["topics"][0]]:
        if step["variant"] in place.variants:
            assert f"`{place.path}:{place.line}`" in page
    hidden = {topic: located[topic] for topic in located}
    hidden[step["topics"][0]] = []
    with pytest.raises(ValueError, match="shows nowhere"):
        study_pages.learning_path_page(hidden)


def test_every_interview_question_leads_to_rendered_lines(located: dict[str, list[Place]]) -> None:
    interview = roadmap()["interview"]
    page = study_pages.interview_page(located)

    assert len(interview["questions"]) == 7
    assert len(interview["must_know"]) == 10
    for entry in interview["questions"]:
        assert entry["question"] in page
        assert all(located[topic] for topic in entry["topics"])
