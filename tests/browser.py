"""Debian's chromium, headless, as the test suite's browser: the DOM after the page's scripts
ran, the console messages they logged, and screenshots for the CI log."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from .options import ROOT

# Screenshots land here, named in the test output, so a CI log can point at them.
SCREENSHOTS = ROOT / "build" / "screenshots"
CONSOLE = re.compile(r":CONSOLE:\d+\] (.*)")
FLAGS = [
    "--headless",
    "--no-sandbox",  # CI runs as root
    "--disable-gpu",
    # Anything but loopback goes to a closed port: a page that needs a CDN fails to load.
    "--proxy-server=127.0.0.1:9",
    "--enable-logging=stderr",
    "--v=0",
    # Time for the page's scripts (Swagger UI fetches and renders the schema) to finish.
    "--virtual-time-budget=15000",
]


def chromium() -> str:
    """The browser's path; the suite fails under CI without it and skips elsewhere."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    message = "chromium is needed for the browser tests (apt-get install chromium)"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@dataclass
class Page:
    dom: str
    console: list[str]


def browse(url: str) -> Page:
    """Load a page and let its scripts run; its DOM then, and what it logged."""
    loaded = subprocess.run(
        [chromium(), *FLAGS, "--dump-dom", url],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return Page(loaded.stdout, CONSOLE.findall(loaded.stderr))


def screenshot(url: str, name: str, size: str = "1280,1600") -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    subprocess.run(
        [chromium(), *FLAGS, f"--window-size={size}", f"--screenshot={path}", url],
        capture_output=True,
        timeout=120,
        check=True,
    )
    return path
