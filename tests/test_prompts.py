"""Copier's interactive prompt, driven through a pseudo-terminal: the refusals are shown on
the choices they refuse, with their sentence, and bad names are answered with what to type."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from .options import questions, refusals
from .prompts import Prompts, label_of
from .updates import git, render

# For each name question, in the order copier asks them: a bad answer for each of its checks,
# with the sentence the prompt shows, then an answer it accepts (None: the name it suggests).
NAMES: dict[str, tuple[list[tuple[str, str]], str | None]] = {
    "project_name": (
        [
            ("9 lives", "Start the project name with a letter"),
            ("", 'Give the project a name, for example "Orders API".'),
            ("x" * 61, "Keep the project name to 60 characters or fewer."),
            ('The "best" API', "leave out double quotes and backslashes"),
        ],
        "Órdenes API",
    ),
    "project_slug": (
        [
            ("Orders API", 'for example "orders-api"'),
            ("orders--api", "dash-separated words"),
        ],
        "orders-service",
    ),
    "package_name": (
        [
            ("orders-api", 'for example "orders_api"'),
            ("class", '"class" would shadow a Python keyword'),
            ("celery", '"celery" would shadow a Python keyword or a module the service imports'),
        ],
        None,
    ),
    "description": (
        [
            ("", "Say in one sentence what the service does"),
            ('A "quoted" word', "Leave double quotes and backslashes out of the description."),
        ],
        "Takes and tracks orders.",
    ),
    "author_name": (
        [
            ("", 'Give a name for the package metadata, for example "API Team".'),
            ("Back\\slash", "Leave double quotes and backslashes out of the author name."),
        ],
        "Équipe Commandes",
    ),
    "author_email": (
        [("not-an-address", 'Give an email address such as "team@example.com".')],
        "orders@example.org",
    ),
}


def answers_file(project: Path) -> dict[str, Any]:
    answers: dict[str, Any] = yaml.safe_load((project / ".copier-answers.yml").read_text())
    return answers


def answer_until(prompts: Prompts, stop_at: str | None, answers: dict[str, Any]) -> None:
    """Answer each question in turn, as `answers` says or with its default, until `stop_at`."""
    for question in questions():
        prompts.wait_for(question)
        if question == stop_at:
            return
        if question in answers:
            prompts.answer(question, answers[question])
        else:
            prompts.accept_default()


@pytest.mark.parametrize(("refused", "message"), refusals(), ids=lambda v: str(v)[:48])
def test_a_refused_choice_is_shown_unavailable_with_its_sentence(
    pytestconfig: pytest.Config, tmp_path: Path, refused: dict[str, Any], message: str
) -> None:
    order = list(questions())
    last = max(refused, key=order.index)  # the question whose choice the others rule out
    project = tmp_path / "project"
    prompts = Prompts("copy", "--trust", "--skip-tasks", pytestconfig.option.template, str(project))

    answer_until(prompts, last, {name: refused[name] for name in refused if name != last})
    screen = prompts.settle()

    # questionary marks a disabled choice with "-" and gives its reason in parentheses.
    label = re.escape(label_of(last, refused[last]))
    assert re.search(rf"^\s*- {label} \({re.escape(message)}", screen, re.MULTILINE), screen
    # The pointer skips it: Enter, then the defaults, render a project that does not hold it.
    prompts.accept_default()
    for question in order[order.index(last) + 1 :]:
        prompts.wait_for(question)
        prompts.accept_default()
    assert prompts.finish() == 0
    rendered = answers_file(project)
    assert rendered[last] != refused[last]
    assert all(rendered[name] == refused[name] for name in refused if name != last)


def test_bad_names_are_answered_with_what_to_type(
    pytestconfig: pytest.Config, tmp_path: Path
) -> None:
    project = tmp_path / "project"
    prompts = Prompts("copy", "--trust", "--skip-tasks", pytestconfig.option.template, str(project))
    chosen = {}
    for question, (bad_answers, accepted) in NAMES.items():
        prompts.wait_for(question)
        for text, sentence in bad_answers:
            prompts.type(text)
            assert sentence in prompts.settle(), (question, text)
        # The name the last refusal suggests instead is itself accepted.
        chosen[question] = accepted or re.findall(r'for example "(\w+)"', prompts.settle())[-1]
        prompts.type(chosen[question])
    for question in list(questions())[len(NAMES) :]:
        prompts.wait_for(question)
        prompts.accept_default()

    assert prompts.finish() == 0
    assert chosen["package_name"] == "celery_service"
    assert {name: answers_file(project)[name] for name in NAMES} == chosen
    assert (project / "src" / "celery_service" / "app.py").is_file()


def test_an_update_prompt_offers_no_switch_that_strands_data(
    pytestconfig: pytest.Config, tmp_path: Path
) -> None:
    """`copier update` asks again: a project on SQLite with accounts cannot drop either."""
    project = tmp_path / "project"
    render(pytestconfig.option.template, "HEAD", {}, project, lock=False)
    prompts = Prompts("update", "--trust", "--skip-tasks", "--vcs-ref=HEAD", cwd=project)

    answer_until(prompts, "database", {})
    database = prompts.settle()
    prompts.accept_default()
    prompts.wait_for("auth")
    auth = prompts.settle()
    prompts.interrupt()

    none = re.escape(label_of("database", "none"))
    assert re.search(rf"^\s*- {none} \(This project keeps its items in sqlite", database, re.M)
    for value in ("api_key", "none"):
        label = re.escape(label_of("auth", value))
        assert re.search(rf"^\s*- {label} \(This project's databases hold accounts", auth, re.M)
    assert git(project, "status", "--porcelain") == ""
