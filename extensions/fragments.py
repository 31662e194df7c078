"""`{{ fragments("README.md", "endpoints") }}`: what each feature adds to a shared file.

A feature keeps what it adds to the files every variant shares in one file of its own,
template/_features/<feature>.jinja (`auth/jwt.jinja` for the `auth/jwt` folder of
`feature_folders()`). The file holds parts one after another, each under a line naming the
shared file and the place in it, `{# into README.md: endpoints #}` (or `{# into env.example #}`
for a file that takes one part). A shared file calls `fragments` with the same two names, which
renders that part of every feature switched on by the answers, in their order, with the same
answers, and joins them; a feature without the part adds nothing.

A part's text runs to the line break before the next part line (or the end of the file), so a
part that adds lines starts each with its line break and ends without one, as the body of a
`{%- if %}` block does; a part that adds words inside a line is just the words.
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
PART = re.compile(r"^\{# into ([\w./-]+)(?:: ([\w-]+))? #\}\n", re.MULTILINE)


class FeatureFragments(Extension):
    """Registers `fragments` as a global of copier's Jinja environment."""

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        environment.globals["fragments"] = fragments


def parts_of(source: str) -> dict[tuple[str, str], str]:
    """The parts of a feature's file by (shared file, place); text before the first is a note."""
    pieces = PART.split(source.removesuffix("\n"))
    # pieces: the note, then shared file, place (None for the whole file) and text in turn.
    parts: dict[tuple[str, str], str] = {}
    for name, part, text in zip(pieces[1::3], pieces[2::3], pieces[3::3], strict=True):
        key = (name, part or "")
        if key in parts:
            # A second part of the same name would silently replace the first.
            msg = f"{key} appears twice: write it as one part"
            raise ValueError(msg)
        parts[key] = text.removesuffix("\n")
    return parts


# A render asks for a few hundred parts of a few dozen feature files: each file is read and
# split once per render (its environment), and each part compiled the first time it is asked for.
@cache
def _parts(environment: Environment, feature: str) -> dict[tuple[str, str], str]:
    try:
        source, _, _ = environment.loader.get_source(  # type: ignore[union-attr]
            environment, f"{FEATURES}/{feature}.jinja"
        )
    except TemplateNotFound:
        return {}
    return parts_of(source)


@cache
def _compiled(environment: Environment, feature: str, key: tuple[str, str]) -> Template | None:
    text = _parts(environment, feature).get(key)
    return None if text is None else environment.from_string(text)


@pass_context
def fragments(context: Context, name: str, part: str = "") -> str:
    """Part `part` of shared file `name` from each feature switched on, rendered and joined."""
    rendered = []
    for feature in context["features"]:
        template = _compiled(context.environment, feature, (name, part))
        if template is not None:
            rendered.append(template.render(context.get_all()))
    return "".join(rendered)
