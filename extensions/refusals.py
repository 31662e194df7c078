"""A refused answer reaches the user as its sentence, not as a traceback.

Copier checks answers given as data (`--data`, `--data-file`, settings-file defaults, and
`copier update`) by raising a ValueError that its command line does not catch, so Python
prints some forty lines of traceback with the sentence on the last one. Loading this
extension installs an exception hook (Python's own way to change how an uncaught error is
shown) that prints the sentence first, names the question, and leaves the exit status 1;
every other error keeps Python's report. In a prompt, copier shows the same sentences
itself: under a text answer, or beside a choice it disables.
"""

from __future__ import annotations

import re
import sys
from types import TracebackType
from typing import TYPE_CHECKING

from jinja2.ext import Extension

if TYPE_CHECKING:
    from jinja2 import Environment

# How copier words a failed question validator, and a refused (or unknown) choice.
REFUSAL = re.compile(
    r"^(?:Validation error for question|Invalid choice for) '(?P<question>\w+)': (?P<sentence>.+)",
    re.DOTALL,
)


def refusal_report(error: BaseException) -> str | None:
    """What to print for a refused answer, or None when `error` is not one."""
    found = REFUSAL.match(str(error)) if isinstance(error, ValueError) else None
    if found is None:
        return None
    question = found["question"]
    return f"{found['sentence']}\n(copier refused the answer to {question!r}; nothing was written)"


class RefusalMessages(Extension):
    """Installs the exception hook once per process, around whichever hook was there."""

    def __init__(self, environment: Environment) -> None:
        super().__init__(environment)
        if getattr(sys.excepthook, "shows_refusals", False):
            return
        previous = sys.excepthook

        def show_refusal(
            kind: type[BaseException], error: BaseException, trace: TracebackType | None
        ) -> None:
            report = refusal_report(error)
            if report is None:
                previous(kind, error, trace)
            else:
                print(report, file=sys.stderr)

        show_refusal.shows_refusals = True  # type: ignore[attr-defined]
        sys.excepthook = show_refusal
