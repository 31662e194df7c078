"""`{{ fragments("README.md", "endpoints") }}`: what each feature adds to a shared file.

A feature keeps its part of each shared file in template/_features/<feature>/, a file named
after the shared file. The shared file calls `fragments` with that name, which renders the file
of every feature the answers switch on (the `features` folders, in their order) with the same
answers, and joins them; a folder without the file adds nothing.

A shared file that takes text in several places names the part it wants. The feature's file
then holds its parts one after another, each under a line `{# part: <name> #}`; a part's text
runs to the line break before the next part (or the end of the file), so a part that adds lines
starts each with its line break and ends without one, as the body of a `{%- if %}` block does.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from jinja2 import TemplateNotFound, pass_context
from jinja2.ext import Extension

if TYPE_CHECKING:
    from jinja2 import Environment, Template
    from jinja2.runtime import Context

FEATURES = "template/_features"
PART = re.compile(r"^\{# part: ([\w-]+) #\}\n", re.MULTILINE)


class FeatureFragments(Extension):
    """Registers `fragments` as a global of copier's Jinja environment."""

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.globals["fragments"] = fragments


def parts_of(source: str) -> dict[str, str]:
    """The parts of a fragment file by name; a file without part lines is one part, ""."""
    source = source.removesuffix("\n")
    pieces = PART.split(source)
    if len(pieces) == 1:
        return {"": source}
    # pieces: text before the first part line, then name and text in turn.
    return {
        name: text.removesuffix("\n") for name, text in zip(pieces[1::2], pieces[2::2], strict=True)
    }


@cache
def _compiled(environment: Environment, path: str, source: str) -> dict[str, Template]:
    return {name: environment.from_string(text) for name, text in parts_of(source).items()}


@pass_context
def fragments(context: Context, name: str, part: str = "") -> str:
    """Part `part` of the fragment `name` of each feature switched on, rendered and joined."""
    environment = context.environment
    rendered = []
    for feature in context["features"]:
        path = f"{FEATURES}/{feature}/{name}"
        try:
            source, _, _ = environment.loader.get_source(environment, path)  # type: ignore[union-attr]
        except TemplateNotFound:
            continue
        template = _compiled(environment, path, source).get(part)
        if template is not None:
            rendered.append(template.render(context.get_all()))
    return "".join(rendered)
