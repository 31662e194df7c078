"""The roadmap map is generated from markers in the template: every topic points somewhere,
and every marker names a known topic."""

from __future__ import annotations

import yaml

from tools.roadmap import locate, markers, roadmap

from .options import ROOT


def test_every_marker_names_a_known_topic() -> None:
    known = set(roadmap()["topics"])

    unknown = {name: sorted(set(topics) - known) for name, topics in markers().items()}

    assert {name: topics for name, topics in unknown.items() if topics} == {}


def test_markers_sit_in_templates_only() -> None:
    """A marker in a file copier copies verbatim would reach the rendered project."""
    assert [name for name in markers() if not name.endswith(".jinja")] == []


def test_every_topic_points_to_rendered_lines() -> None:
    located = locate()

    assert [topic for topic, places in located.items() if not places] == []
    assert list(located) == list(roadmap()["topics"])
    variants = set(roadmap()["variants"])
    assert all(set(place.variants) <= variants for places in located.values() for place in places)


def test_gallery_topics_are_roadmap_topics() -> None:
    gallery = yaml.safe_load((ROOT / "copier.yml").read_text())["_gallery"]
    known = set(roadmap()["topics"])

    assert [topic for entry in gallery for topic in entry["topics"] if topic not in known] == []
