"""Copier's command line in a pseudo-terminal, answered key by key as a person answers it."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pexpect
import pyte

from .options import choices, questions

COPIER = str(Path(sys.executable).with_name("copier"))
KEYS = {"down": "\x1b[B", "clear line": "\x15", "enter": "\r", "interrupt": "\x03"}
# Wide enough that no choice and no sentence wraps.
COLUMNS, LINES = 500, 60


class Terminal:
    """What copier writes, drawn as a terminal draws it (prompts redraw only what changed)."""

    def __init__(self) -> None:
        self.screen = pyte.Screen(COLUMNS, LINES)
        self.stream = pyte.Stream(self.screen)

    def write(self, text: str) -> None:
        self.stream.feed(text.replace("\n", "\r\n"))

    def flush(self) -> None:
        pass

    def display(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display).strip()


def help_opening(question: str) -> str:
    """The start of a question's help, which the prompt shows before any templated part."""
    return str(questions()[question]["help"]).split("{")[0][:40]


def label_of(question: str, value: Any) -> str:
    """The label copier shows for one of a question's choices."""
    listed = questions()[question]["choices"]
    for label, entry in listed.items() if isinstance(listed, dict) else []:
        if (entry["value"] if isinstance(entry, dict) else entry) == value:
            return str(label)
    return str(value)


class Prompts:
    """One run of `copier ARGUMENTS...`, its screen kept for the assertions."""

    def __init__(self, *arguments: str, cwd: Path | None = None) -> None:
        self.terminal = Terminal()
        self.child = pexpect.spawn(
            COPIER,
            list(arguments),
            cwd=str(cwd) if cwd else None,
            encoding="utf-8",
            timeout=60,
            dimensions=(LINES, COLUMNS),
            env=os.environ | {"TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1", "NO_COLOR": "1"},
        )
        self.child.logfile_read = self.terminal

    def wait_for(self, question: str) -> None:
        """Wait until copier asks `question`."""
        self.child.expect_exact(help_opening(question))

    def settle(self) -> str:
        """The screen, once copier has stopped drawing."""
        try:
            while True:
                self.child.expect(r".+", timeout=0.5)
        except (pexpect.TIMEOUT, pexpect.EOF):
            pass
        return self.terminal.display()

    def type(self, text: str) -> None:
        """Replace the suggested text with `text`, and press Enter."""
        self.child.send(KEYS["clear line"] + text + KEYS["enter"])

    def press(self, key: str, times: int = 1) -> None:
        self.child.send(KEYS.get(key, key) * times)

    def choose(self, question: str, value: Any) -> None:
        """Pick a value of a single-choice question: arrows from the default, then Enter."""
        values = choices(question)
        default = questions()[question].get("default")
        start = values.index(default) if default in values else 0
        self.press("down", (values.index(value) - start) % len(values))
        self.press("enter")

    def answer(self, question: str, value: Any) -> None:
        """Answer `question` with `value`, whatever kind of prompt it is."""
        spec = questions()[question]
        if "choices" in spec:
            self.choose(question, value)
        elif spec.get("type") == "bool":
            self.press("y" if value else "n")
        else:
            self.type(str(value))

    def accept_default(self) -> None:
        self.press("enter")

    def interrupt(self) -> str:
        """Stop copier as Ctrl-C does; what it printed last."""
        self.press("interrupt")
        self.child.expect(pexpect.EOF)
        return self.terminal.display()

    def finish(self) -> int:
        self.child.expect(pexpect.EOF, timeout=300)
        self.child.close()
        return int(self.child.exitstatus or 0)
