"""How much of the template is Jinja control flow, and how far each feature spreads.

A control tag is a `{% ... %}` tag (Jinja comments `{# ... #}` are not). The figures:

- tags per 100 lines, over every file under template/;
- shared tags: the tags of the files that every variant renders, the ones whose path (relative
  to template/) has no condition in it;
- for a feature family (the answer names one feature reads), its own files, the ones whose path
  condition names the family or that hold its fragments (`_features/<family>.jinja` and those
  under `_features/<family>/`), and the files that branch on it (an `if` or `elif` tag naming
  it): a contributor changing the feature visits all of them, and those that branch on it
  without being its own are where it leaks out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .options import ROOT

TEMPLATE = ROOT / "template"
# Per-feature fragments that shared files include; copier does not render this folder itself.
FEATURES = "_features"

FAMILIES: dict[str, frozenset[str]] = {
    "auth": frozenset({"auth"}),
    "database": frozenset(
        {
            "database",
            "use_database",
            "database_driver",
            "database_timeouts",
            "database_url",
            "container_database_url",
        }
    ),
    "celery": frozenset(
        {
            "celery",
            "use_celery",
            "celery_broker_url",
            "container_broker_url",
            "broker_transport_options",
        }
    ),
    "cache": frozenset({"cache"}),
}

_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)
_TAG = re.compile(r"\{%-?\s*(\w+)(.*?)-?%\}", re.DOTALL)
_IDENTIFIER = re.compile(r"\b([a-z_][a-z0-9_]*)\b")
_STRING = re.compile(r"\"[^\"]*\"|'[^']*'")
# Jinja's own words, and the variables every variant has: naming them is no branch on a feature.
_NOT_FEATURES = frozenset(
    {
        *("if", "elif", "else", "endif", "for", "endfor", "in", "not", "and", "or", "is"),
        *("true", "false", "none", "set", "endset", "raw", "endraw", "include", "with"),
        *("context", "macro", "endmacro", "loop", "defined"),
        *("package_name", "project_slug", "project_name", "_copier_conf"),
    }
)


def control_tags(text: str) -> list[tuple[str, str]]:
    """Each control tag of `text`, as its keyword and the rest of it."""
    return _TAG.findall(_COMMENT.sub("", text))


def named_answers(expressions: list[str]) -> set[str]:
    """The answer names the expressions read, before any filter and outside string literals."""
    names: set[str] = set()
    for expression in expressions:
        unfiltered = _STRING.sub("", expression.split("|")[0])
        names.update(n for n in _IDENTIFIER.findall(unfiltered) if n not in _NOT_FEATURES)
    return names


@dataclass(frozen=True)
class TemplateFile:
    path: str  # relative to template/
    lines: int
    tags: int
    path_names: frozenset[str]  # the answers its path's conditions name
    branches_on: frozenset[str]  # the answers its `if` and `elif` tags name

    @property
    def fragment_of(self) -> str | None:
        """The feature family whose fragments this file holds, if any: `_features/auth.jinja`
        and `_features/auth/jwt.jinja` belong to `auth`."""
        parts = Path(self.path).parts
        return parts[1].removesuffix(".jinja") if parts[0] == FEATURES else None

    @property
    def every_variant_renders(self) -> bool:
        return not self.path_names and self.fragment_of is None


def template_files(root: Path = TEMPLATE) -> list[TemplateFile]:
    files = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        relative = path.relative_to(root).as_posix()
        text = path.read_text(errors="replace")
        tags = control_tags(text)
        files.append(
            TemplateFile(
                path=relative,
                lines=max(1, text.count("\n")),
                tags=len(tags),
                path_names=frozenset(named_answers([rest for _, rest in control_tags(relative)])),
                branches_on=frozenset(
                    named_answers([rest for kind, rest in tags if kind in ("if", "elif")])
                ),
            )
        )
    return files


def tags_per_100_lines(files: list[TemplateFile]) -> float:
    return 100 * sum(f.tags for f in files) / max(1, sum(f.lines for f in files))


def shared_tags(files: list[TemplateFile]) -> int:
    return sum(f.tags for f in files if f.every_variant_renders)


@dataclass(frozen=True)
class Spread:
    own: frozenset[str]
    branching: frozenset[str]

    @property
    def files_to_visit(self) -> int:
        return len(self.own | self.branching)

    @property
    def outside(self) -> int:
        return len(self.branching - self.own)


def spread(files: list[TemplateFile], family: str) -> Spread:
    names = FAMILIES[family]
    return Spread(
        own=frozenset(f.path for f in files if f.path_names & names or f.fragment_of == family),
        branching=frozenset(f.path for f in files if f.branches_on & names),
    )


def figures(root: Path = TEMPLATE) -> dict[str, float]:
    """Every figure by name, as the repository test reports and bounds them."""
    files = template_files(root)
    measured: dict[str, float] = {
        "tags per 100 lines": tags_per_100_lines(files),
        "shared tags": shared_tags(files),
    }
    for family in FAMILIES:
        where = spread(files, family)
        measured[f"{family}: files to visit"] = where.files_to_visit
        measured[f"{family}: outside"] = where.outside
    return measured
