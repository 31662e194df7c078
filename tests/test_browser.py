"""The rendered service in a real browser, with nothing but loopback in reach: its own /docs,
and its item events read by a page's EventSource."""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from .browser import browse, chromium, screenshot
from .options import questions
from .project import Project, get, interpreter, python_for_tasks

OPERATION = re.compile(r'class="opblock-summary-path" data-path="([^"]+)"')

# A page of another origin (as a front end is): it buys a stream ticket with an API key, opens
# the item event stream with EventSource, creates an item, and writes down the event it hears.
EVENT_PAGE = """<!doctype html>
<html><body><pre id="heard"></pre><script>
const api = "{api}";
const headers = {{"X-API-Key": "{key}", "Content-Type": "application/json"}};
const write = (line) => {{ document.getElementById("heard").textContent += line + "\\n"; }};
(async () => {{
  const bought = await fetch(`${{api}}/api/v1/items/events/tickets`, {{method: "POST", headers}});
  const {{ ticket }} = await bought.json();
  const events = new EventSource(`${{api}}/api/v1/items/events?ticket=${{ticket}}`);
  events.addEventListener("item.created", (event) => {{
    write(`heard ${{JSON.parse(event.data).item.name}} as event ${{event.lastEventId}}`);
    events.close();
  }});
  events.onerror = () => write("stream failed");
  events.onopen = () => fetch(`${{api}}/api/v1/items`, {{
    method: "POST", headers, body: JSON.stringify({{name: "Seen in a browser", price_cents: 100}}),
  }});
}})();
</script></body></html>
"""


@dataclass
class Served:
    url: str  # the service
    page: str  # the page that reads its events


@pytest.fixture(scope="module")
def served(copie_session: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """A service without a database, API keys and Server-Sent Events, and a page of another
    origin that its CORS settings let in."""
    chromium()
    python_version = questions()["python_version"]["default"]
    with python_for_tasks(python_version):
        result = copie_session.copy(extra_answers={"database": "none", "sse": True})
    assert result.exit_code == 0, result.exception
    project = Project(result.project_dir, interpreter(python_version))
    project.run("uv sync", "uv", "sync", "--locked")

    pages = tmp_path_factory.mktemp("pages")
    handler = partial(SimpleHTTPRequestHandler, directory=str(pages))
    with ThreadingHTTPServer(("127.0.0.1", 0), handler) as page_server:
        threading.Thread(target=page_server.serve_forever, daemon=True).start()
        origin = f"http://127.0.0.1:{page_server.server_address[1]}"
        key = secrets.token_urlsafe(32)
        env = {
            "API_KEYS": json.dumps({"browser": hashlib.sha256(key.encode()).hexdigest()}),
            "CORS_ORIGINS": json.dumps([origin]),
        }
        with project.serving(result.answers["project_slug"], env) as url:
            (pages / "events.html").write_text(EVENT_PAGE.format(api=url, key=key))
            yield Served(url, f"{origin}/events.html")
        page_server.shutdown()


def test_swagger_ui_lists_every_operation_offline(served: Served, record_property: Any) -> None:
    status, schema = get(f"{served.url}/openapi.json")
    page = browse(f"{served.url}/docs")
    shot = screenshot(f"{served.url}/docs", "swagger-ui")

    assert status == 200
    assert set(OPERATION.findall(page.dom)) == set(json.loads(schema)["paths"])
    assert page.console == []
    assert shot.stat().st_size > 10_000
    record_property("screenshot", str(shot))


def test_a_page_of_another_origin_hears_item_events_through_event_source(served: Served) -> None:
    assert served.page.split("/")[2] != served.url.split("/")[2]  # CORS lets it in

    page = browse(served.page)
    heard = re.search(r'<pre id="heard">(.*?)</pre>', page.dom, re.DOTALL)

    assert heard is not None, page.dom
    assert re.fullmatch(r"heard Seen in a browser as event \d+-\d+\n", heard.group(1)), page.dom
    assert page.console == []
