"""The documentation site: a strict build, then every page in headless chromium with nothing
but loopback in reach: no console message, no broken internal link."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from .browser import browse, chromium, screenshot
from .options import ROOT

LINK = re.compile(r'(?:href|src)="([^"]+)"')
EXTERNAL = ("http://", "https://", "mailto:", "data:", "javascript:", "#")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """The test reports what matters; the request log would only be noise."""


@contextmanager
def serving(site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def broken_links(site: Path) -> list[str]:
    """Links and sources inside the site that point at no file of it."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        for link in LINK.findall(page.read_text()):
            if link.startswith(EXTERNAL):
                continue
            path = unquote(urlsplit(link).path)
            # 404.html links from the site's root, as it is served from any path.
            target = (
                site / path.lstrip("/") if path.startswith("/") else page.parent / path
            ).resolve()
            if target.is_dir():
                target /= "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(site)} -> {link}")
    return broken


def test_site_builds_strictly_and_every_page_loads_cleanly(
    tmp_path: Path, record_property: Any
) -> None:
    chromium()
    site = tmp_path / "site"
    built = subprocess.run(
        [
            str(Path(sys.executable).with_name("mkdocs")),
            "build",
            "--strict",
            "--site-dir",
            str(site),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=os.environ | {"NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert built.returncode == 0, built.stderr
    pages = sorted(site.rglob("*.html"))
    expected = {"index.html", "options.html", "updating.html", "gallery/index.html", "roadmap.html"}
    expected |= {f"features/{name}.html" for name in ("database", "auth", "deployment")}
    assert expected <= {str(page.relative_to(site)) for page in pages}

    with serving(site) as base_url:
        console = {
            str(page.relative_to(site)): browse(f"{base_url}/{page.relative_to(site)}").console
            for page in pages
        }
        shot = screenshot(f"{base_url}/gallery/index.html", "gallery", size="1280,1100")

    assert broken_links(site) == []
    assert {page: messages for page, messages in console.items() if messages} == {}
    assert shot.stat().st_size > 10_000
    record_property("screenshot", str(shot))
