"""Throughput of the rendered PostgreSQL service against a bare Starlette + asyncpg baseline.

Renders the template (database=postgresql, auth=jwt) into a temporary directory, installs it
with uv, migrates a fresh database, serves it with uvicorn (one worker, loopback only) and loads
it with wrk, signed in as one user who owns the 50 seeded items. The items list is also served
by `raw_app.py`, the same token check, user lookup and queries without the template's layers;
the run fails when the service reaches less than TARGET_RATIO of the baseline's rate, or when a
request fails (an error status, or no answer within wrk's timeout). The same service with
`metrics=true`, and with `tracing=true` (sampled at its default rate, sending to a receiver in
this process), serves the list too, each in alternating rounds with the plain one, over
FEATURE_PAIRS pairs of new processes: the run fails when a feature costs more than
FEATURE_COST_TARGET of the plain list's rate. With `graphql=true`,
the same page as a GraphQL query is loaded beside the REST list of the same process: the run fails
below GRAPHQL_TARGET_RATIO of the list's rate. A last run signs in
over and over while liveness is loaded beside it, to show that password hashing does not hold up
other requests.

    uv run python benchmarks/run.py [--duration 10] [--connections 32]

Needs uv, wrk and a PostgreSQL server (BENCH_DATABASE_URL, trust auth). This interpreter only
needs copier; everything else runs in the rendered project's environment.
"""

import argparse
import json
import os
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import copier

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
# Any database on the server, as an async SQLAlchemy URL; the benchmark makes its own beside it.
SERVER_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)
HOST = "127.0.0.1"
# The founders' target for the signed-in list, with every check of a hostile client in place.
TARGET_RATIO = 0.55
# What an observability feature may cost the signed-in list: its share of the requests per second.
FEATURE_COST_TARGET = 0.10
# A feature costs a few percent, and a 10 s round on this two-core machine reads up to 5% off
# the next one of the same server: each feature takes this many rounds beside the plain list,
# after a warm-up as long as a round.
FEATURE_ROUNDS = 6
# Two processes of one service read up to 6% apart on this machine, however long they are
# loaded (how memory happens to be laid out): the rounds are spread over this many pairs of new
# processes, a plain one and one with the feature, so that no one process's luck is the figure.
FEATURE_PAIRS = 3
# The features whose cost is measured, each in a service of its own beside the plain one.
MEASURED_FEATURES = ("metrics", "tracing")
# How long wrk waits for an answer before it counts a socket error: longer than a sign-in
# takes with SIGN_IN_CONNECTIONS of them queued behind Argon2 (wrk's default is 2 s).
WRK_TIMEOUT = "30s"
# The service's sign-in and registration limits would turn the load into 429s: the run
# measures the work behind them, so they are raised out of its way.
UNLIMITED = "1000000/minute"
SEED_ITEMS = 50
LIST_PATH = f"/api/v1/items?limit={SEED_ITEMS}"
# The same page through GraphQL (graphql=true), with every field the REST list sends.
GRAPHQL_ITEMS = (
    f"{{ items(limit: {SEED_ITEMS}) {{ total limit offset"
    " items { id name description priceCents createdAt updatedAt version ownerId } } }"
)
# The founders' target for it: at least this share of the REST list's rate on the same service.
GRAPHQL_TARGET_RATIO = 0.5
STARTUP_TIMEOUT_SECONDS = 30.0
# Both apps keep this many connections open, more than the load's concurrency needs at
# once. SQLAlchemy closes overflow connections as they come back while asyncpg's pool
# keeps its own, so any other setting would measure reconnects rather than the layers.
POOL_SIZE = "20"
# The account the load runs as; sign-in runs post this form.
EMAIL = "bench@example.com"
PASSWORD = "benchmark password"  # a throwaway account in a throwaway database
SIGN_IN_FORM = urllib.parse.urlencode({"username": EMAIL, "password": PASSWORD})
# Sign-ins and liveness probes loaded at once: few connections, as each sign-in hashes.
SIGN_IN_CONNECTIONS = 8

# Appended to every wrk script: the summary as one machine-readable line, with exact
# percentiles instead of the rounded ones wrk prints.
WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests": %d, "duration_us": %d, "non_2xx": %d, "socket_errors": %d,'
    .. ' "p50_us": %.1f, "p99_us": %.1f}\\n',
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
"""

WRK_SIGN_IN = f"""
wrk.method = "POST"
wrk.body = "{SIGN_IN_FORM}"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
"""

# Item creation: every request gets a name unique across threads and runs, so that the
# unique-name constraint never turns the load into 409s.
# A JSON string is a Lua string literal too (the query has no characters they escape apart).
WRK_GRAPHQL = f"""
wrk.method = "POST"
wrk.body = {json.dumps(json.dumps({"query": GRAPHQL_ITEMS}))}
wrk.headers["Content-Type"] = "application/json"
"""

WRK_CREATE = """
wrk.headers["Content-Type"] = "application/json"
local threads = 0
local created = 0
setup = function(thread)
  threads = threads + 1
  thread:set("thread_id", threads)  -- a global in that thread's own Lua state
end
request = function()
  created = created + 1
  local body = string.format('{"name": "%s-%d-%d", "price_cents": %d}',
    "RUN_PREFIX", thread_id, created, created % 100000)
  return wrk.format("POST", nil, nil, body)  -- nil: the headers in wrk.headers, -H included
end
"""


@dataclass(frozen=True)
class Load:
    connections: int
    duration: int
    warmup: int
    rounds: int


@dataclass(frozen=True)
class Result:
    name: str
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    non_2xx: int
    socket_errors: int
    # CPU time the server used meanwhile; None where it cannot be read or is shared by two loads.
    cpu_seconds: float | None = None


@dataclass(frozen=True)
class Server:
    url: str
    process_group: int

    def cpu_seconds(self) -> float | None:
        """CPU time used so far by the server's processes (uv and its child), from Linux's /proc.

        Both servers keep one core busy, so their CPU time per request is the cost of a request
        with the other core's work (PostgreSQL, wrk) left out.
        """
        proc = Path("/proc")
        if not proc.is_dir():
            return None
        ticks = 0
        for stat in proc.glob("[0-9]*/stat"):
            try:
                # The fields after the command name: state, ppid, pgrp, ... utime (12th), stime.
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # the process ended meanwhile
            if int(fields[2]) == self.process_group:
                ticks += int(fields[11]) + int(fields[12])
        return ticks / os.sysconf("SC_CLK_TCK")


def parse_args() -> Load:
    parser = argparse.ArgumentParser(description="Benchmark the service against a raw baseline.")
    parser.add_argument("--connections", type=int, default=32, help="open connections (32)")
    parser.add_argument("--duration", type=int, default=10, help="seconds per endpoint (10)")
    parser.add_argument("--warmup", type=int, default=2, help="warm-up seconds (2)")
    parser.add_argument(
        "--rounds", type=int, default=3, help="alternations of the list and its baseline (3)"
    )
    args = parser.parse_args()
    return Load(args.connections, args.duration, args.warmup, args.rounds)


def child_env(**extra: str) -> dict[str, str]:
    """The environment for uv and the servers, free of this interpreter's own venv."""
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH"}}
    env.update(UV_PYTHON="3.11", UV_PYTHON_DOWNLOADS="never", **extra)
    return env


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> None:
    subprocess.run(args, cwd=cwd, env=env or child_env(), check=True)


def render_service(destination: Path, **features: Any) -> None:
    copier.run_copy(
        src_path=str(REPO_ROOT),
        dst_path=destination,
        data={"database": "postgresql", "auth": "jwt", **features},
        defaults=True,
        unsafe=True,
        vcs_ref="HEAD",
        quiet=True,
    )
    # Only the runtime dependencies: the service is measured as it would be deployed.
    run(["uv", "sync", "--no-dev", "--quiet"], cwd=destination)


class SpanSink(ThreadingHTTPServer):
    """Takes the traced service's OTLP/HTTP exports and drops them, as a collector that keeps
    up would: the benchmark measures sending spans, not a collector."""

    def __init__(self) -> None:
        class Accept(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *_: object) -> None:
                pass

        super().__init__((HOST, 0), Accept)

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.server_address[1]}"


@contextmanager
def span_sink() -> Iterator[SpanSink]:
    sink = SpanSink()
    thread = threading.Thread(target=sink.serve_forever, daemon=True)
    thread.start()
    try:
        yield sink
    finally:
        sink.shutdown()
        sink.server_close()


def database_url(name: str, scheme: str) -> str:
    parts = urlsplit(SERVER_URL)
    return urlunsplit((scheme, parts.netloc, f"/{name}", "", ""))


@contextmanager
def benchmark_database(project: Path) -> Iterator[str]:
    """A uniquely named database, dropped at the end whatever happens."""
    name = f"bench_{uuid.uuid4().hex[:12]}"
    # The template's environment has the drivers the script uses; the project's runtime does not.
    admin = ["uv", "run", "--no-sync", "python", str(REPO_ROOT / "tests" / "database_admin.py")]
    run([*admin, "create", SERVER_URL, name], cwd=REPO_ROOT)
    try:
        yield name
    finally:
        # Not check=True: a failed drop must not hide the error that ended the run.
        drop = [*admin, "drop", SERVER_URL, name]
        dropped = subprocess.run(drop, cwd=REPO_ROOT, env=child_env(), check=False)
        if dropped.returncode:
            print(f"Could not drop the database {name}; drop it by hand.", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until_up(server: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"Server exited with {server.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except urllib.error.HTTPError:
            return  # an error status is still an answer
        except OSError:
            time.sleep(0.1)
    sys.exit(f"No answer from {url} after {STARTUP_TIMEOUT_SECONDS:.0f}s:\n{log.read_text()}")


@contextmanager
def serve(
    command: list[str], cwd: Path, env: dict[str, str], probe: str, log: Path
) -> Iterator[Server]:
    """Start a server on its own port; yield it; stop it (and its children) after."""
    port = free_port()
    env = {**env, "PORT": str(port)}
    command = [arg.replace("{port}", str(port)) for arg in command]
    with log.open("wb") as output:
        # Its own process group, so that uv's child (the server itself) is stopped too.
        server = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    base_url = f"http://{HOST}:{port}"
    try:
        wait_until_up(server, base_url + probe, log)
        yield Server(base_url, process_group=server.pid)
    finally:
        stop(server)


def stop(server: subprocess.Popen[bytes]) -> None:
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()


def request_json(
    url: str, body: dict[str, Any] | None = None, headers: dict[str, str] | None = None
) -> dict[str, Any]:
    data = json.dumps(body).encode() if body is not None else None
    headers = (headers or {}) | ({"Content-Type": "application/json"} if data else {})
    with urllib.request.urlopen(urllib.request.Request(url, data, headers), timeout=10) as reply:
        answer: dict[str, Any] = json.load(reply)
        return answer


def sign_up(base_url: str) -> dict[str, str]:
    """Register the benchmark's account and sign in; the headers that authenticate as it."""
    request_json(f"{base_url}/api/v1/users", {"email": EMAIL, "password": PASSWORD})
    sign_in = urllib.request.Request(f"{base_url}/api/v1/auth/token", SIGN_IN_FORM.encode())
    with urllib.request.urlopen(sign_in, timeout=10) as reply:
        token = json.load(reply)["access_token"]
    return {"Authorization": f"Bearer {token}"}


def seed_items(base_url: str, headers: dict[str, str]) -> None:
    for number in range(1, SEED_ITEMS + 1):
        item = {"name": f"Seed item {number:02d}", "price_cents": number * 100}
        request_json(f"{base_url}/api/v1/items", item, headers)


def check_same_page(service_url: str, raw_url: str, headers: dict[str, str]) -> None:
    """Both apps must answer the list with the same rows, or the comparison means nothing."""
    service = request_json(service_url + LIST_PATH, headers=headers)
    raw = request_json(raw_url + LIST_PATH, headers=headers)
    service_ids = [item["id"] for item in service["items"]]
    raw_ids = [item["id"] for item in raw["items"]]
    if len(service_ids) != SEED_ITEMS or service_ids != raw_ids or service["total"] != raw["total"]:
        sys.exit(f"The service and the baseline disagree:\n{service}\n{raw}")


def wrk(
    url: str,
    seconds: int,
    connections: int,
    workdir: Path,
    *,
    headers: dict[str, str] | None = None,
    script: str = "",
) -> subprocess.Popen[str]:
    """Start loading one endpoint for `seconds` with wrk (one thread: the server has one core)."""
    path = workdir / f"wrk-{uuid.uuid4().hex[:8]}.lua"
    # A fresh prefix per run: a counter restarting at 1 must not repeat earlier names.
    path.write_text(script.replace("RUN_PREFIX", path.stem) + WRK_REPORT)
    command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--timeout", WRK_TIMEOUT]
    command += ["-s", str(path)]
    for name, value in (headers or {}).items():
        command += ["-H", f"{name}: {value}"]
    return subprocess.Popen([*command, url], stdout=subprocess.PIPE, text=True)


def finish(run: subprocess.Popen[str], seconds: int) -> str:
    output, _ = run.communicate(timeout=seconds + 60)
    if run.returncode:
        sys.exit(f"wrk failed with {run.returncode}:\n{output}")
    return output


def measure_once(
    name: str, server: Server, path: str, seconds: int, load: Load, workdir: Path, **options: Any
) -> Result:
    before = server.cpu_seconds()
    run = wrk(server.url + path, seconds, load.connections, workdir, **options)
    result = parse_wrk(name, finish(run, seconds))
    after = server.cpu_seconds()
    if before is None or after is None:
        return result
    return replace(result, cpu_seconds=after - before)


def load_endpoint(
    name: str, server: Server, path: str, load: Load, workdir: Path, **options: Any
) -> Result:
    """Warm up, then measure one endpoint."""
    if load.warmup:
        measure_once(name, server, path, load.warmup, load, workdir, **options)
    return measure_once(name, server, path, load.duration, load, workdir, **options)


def compare(
    names: tuple[str, str],
    servers: tuple[Server, Server],
    path: str,
    load: Load,
    workdir: Path,
    **options: Any,
) -> tuple[Result, Result]:
    """Measure one path on two servers in alternating rounds, so that a machine getting
    slower or faster during the run weighs on both alike."""
    first, second = alternate(
        [(name, server, path, options) for name, server in zip(names, servers, strict=True)],
        load,
        workdir,
    )
    return first, second


def alternate(
    loads: list[tuple[str, Server, str, dict[str, Any]]], load: Load, workdir: Path
) -> list[Result]:
    """Measure each (name, server, path, wrk options) in turn, round after round."""
    for name, server, path, options in loads:
        if load.warmup:
            measure_once(name, server, path, load.warmup, load, workdir, **options)
    rounds: list[list[Result]] = [[] for _ in loads]
    for _ in range(load.rounds):
        for (name, server, path, options), results in zip(loads, rounds, strict=True):
            results.append(
                measure_once(name, server, path, load.duration, load, workdir, **options)
            )
    return [merge(results) for results in rounds]


def feature_cost(
    feature: str,
    command: list[str],
    variants: tuple[tuple[Path, dict[str, str]], tuple[Path, dict[str, str]]],
    load: Load,
    workdir: Path,
    **options: Any,
) -> tuple[Result, Result]:
    """The list served plain and with `feature` ((project, environment) of each), over
    FEATURE_PAIRS pairs of new processes, each pair measured in alternating rounds after the
    same warm-up; the rounds of every pair are added up."""
    names = (f"GET {LIST_PATH}, plain", f"GET {LIST_PATH}, {feature}")
    pair_load = replace(load, warmup=load.duration, rounds=FEATURE_ROUNDS // FEATURE_PAIRS)
    pairs = []
    for number in range(1, FEATURE_PAIRS + 1):
        with ExitStack() as stack:
            servers = tuple(
                stack.enter_context(
                    serve(command, project, env, "/health/live", workdir / f"{name}-{number}.log")
                )
                for (project, env), name in zip(variants, ("plain", feature), strict=True)
            )
            plain, featured = compare(names, servers, LIST_PATH, pair_load, workdir, **options)
        print(f"{feature}, pair {number} of {FEATURE_PAIRS}: {1 - featured.rps / plain.rps:.1%}")
        pairs.append((plain, featured))
    return merge([plain for plain, _ in pairs]), merge([featured for _, featured in pairs])


def check_graphql_page(service_url: str, headers: dict[str, str]) -> None:
    """The GraphQL query must answer the page the REST list answers."""
    rest = request_json(service_url + LIST_PATH, headers=headers)
    request = urllib.request.Request(
        service_url + "/graphql",
        data=json.dumps({"query": GRAPHQL_ITEMS}).encode(),
        headers={**headers, "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        page = json.load(response)["data"]["items"]
    if [item["id"] for item in page["items"]] != [item["id"] for item in rest["items"]]:
        sys.exit(f"GraphQL and REST disagree:\n{page}\n{rest}")


def sign_ins_beside_liveness(server: Server, load: Load, workdir: Path) -> tuple[Result, Result]:
    """Sign in over and over while liveness is probed; both measured over the same time."""
    seconds = load.duration
    sign_in = wrk(
        f"{server.url}/api/v1/auth/token", seconds, SIGN_IN_CONNECTIONS, workdir, script=WRK_SIGN_IN
    )
    live = wrk(f"{server.url}/health/live", seconds, SIGN_IN_CONNECTIONS, workdir)
    return (
        parse_wrk("POST /api/v1/auth/token (sign-in)", finish(sign_in, seconds)),
        parse_wrk("GET /health/live during sign-ins", finish(live, seconds)),
    )


def merge(rounds: list[Result]) -> Result:
    """One row for several rounds: total rate, median p50, worst p99."""
    requests = sum(r.requests for r in rounds)
    seconds = sum(r.requests / r.rps for r in rounds)
    cpu = [r.cpu_seconds for r in rounds if r.cpu_seconds is not None]
    return Result(
        name=rounds[0].name,
        rps=requests / seconds,
        p50_ms=statistics.median(r.p50_ms for r in rounds),
        p99_ms=max(r.p99_ms for r in rounds),
        requests=requests,
        non_2xx=sum(r.non_2xx for r in rounds),
        socket_errors=sum(r.socket_errors for r in rounds),
        cpu_seconds=sum(cpu) if len(cpu) == len(rounds) else None,
    )


def parse_wrk(name: str, output: str) -> Result:
    line = next(line for line in output.splitlines() if line.startswith("BENCH_RESULT "))
    summary = json.loads(line.removeprefix("BENCH_RESULT "))
    return Result(
        name=name,
        rps=summary["requests"] / (summary["duration_us"] / 1e6),
        p50_ms=summary["p50_us"] / 1000,
        p99_ms=summary["p99_us"] / 1000,
        requests=summary["requests"],
        non_2xx=summary["non_2xx"],
        socket_errors=summary["socket_errors"],
    )


def print_table(results: list[Result]) -> None:
    columns = ("req/s", "p50 ms", "p99 ms", "CPU ms/req", "requests", "non-2xx", "sock err")
    header = f"{'endpoint':<36}" + "".join(f"{column:>11}" for column in columns)
    print(header)
    print("-" * len(header))
    for r in results:
        # "-" where the CPU time is unknown, or shared by two loads at once.
        cpu = "-" if r.cpu_seconds is None else f"{r.cpu_seconds * 1000 / r.requests:.3f}"
        print(
            f"{r.name:<36}{r.rps:>11.1f}{r.p50_ms:>11.2f}{r.p99_ms:>11.2f}{cpu:>11}"
            f"{r.requests:>11}{r.non_2xx:>11}{r.socket_errors:>11}"
        )


def measure(workdir: Path, load: Load) -> tuple[list[Result], dict[str, tuple[Result, Result]]]:
    """The table's rows, and for each measured feature the plain list and the list with it."""
    project = workdir / "service"
    print(f"Rendering the postgresql variant of {REPO_ROOT} into {project}", flush=True)
    render_service(project)
    # The same service with each observability feature, on the same database, for its cost.
    for feature in MEASURED_FEATURES:
        render_service(workdir / f"service-{feature}", **{feature: True})
    render_service(workdir / "service-graphql", graphql=True)
    with ExitStack() as stack:
        name = stack.enter_context(benchmark_database(project))
        jwt_secret = secrets.token_urlsafe(48)
        service_env = child_env(
            DATABASE_URL=database_url(name, "postgresql+asyncpg"),
            ENVIRONMENT="production",
            LOG_LEVEL="WARNING",
            HOST=HOST,
            WORKERS="1",
            DATABASE_POOL_SIZE=POOL_SIZE,
            DATABASE_MAX_OVERFLOW="0",
            JWT_SECRET=jwt_secret,
            RATE_LIMIT_SIGN_IN=UNLIMITED,
            RATE_LIMIT_SIGN_IN_FAILURES=UNLIMITED,
            RATE_LIMIT_REGISTRATION=UNLIMITED,
        )
        run(["uv", "run", "--no-sync", "alembic", "upgrade", "head"], project, service_env)
        # The service's own entry point: uvicorn with uvloop and httptools (uvicorn[standard]).
        service_cmd = ["uv", "run", "--no-sync", "my-api"]
        service = stack.enter_context(
            serve(service_cmd, project, service_env, "/health/live", workdir / "service.log")
        )
        # The baseline gets the same server options, from the same environment.
        raw_cmd = [
            "uv", "run", "--no-sync", "uvicorn", "raw_app:app", "--app-dir", str(BENCH_DIR),
            "--host", HOST, "--port", "{port}", "--workers", "1", "--loop", "uvloop",
            "--http", "httptools", "--no-access-log", "--log-level", "warning",
        ]  # fmt: skip
        raw_env = child_env(
            DATABASE_URL=database_url(name, "postgresql"),
            DATABASE_POOL_SIZE=POOL_SIZE,
            JWT_SECRET=jwt_secret,
        )
        raw = stack.enter_context(serve(raw_cmd, project, raw_env, LIST_PATH, workdir / "raw.log"))
        signed_in = sign_up(service.url)
        seed_items(service.url, signed_in)
        check_same_page(service.url, raw.url, signed_in)
        print(
            f"Loading each endpoint for {load.warmup}s + {load.duration}s; the items list and"
            f" the baseline {load.rounds} times each, in turn",
            flush=True,
        )
        live = load_endpoint("GET /health/live", service, "/health/live", load, workdir)
        items, baseline = compare(
            (f"GET {LIST_PATH}", f"raw GET {LIST_PATH}"),
            (service, raw),
            LIST_PATH,
            load,
            workdir,
            headers=signed_in,
        )
        sink = stack.enter_context(span_sink())
        feature_env = {"tracing": {"OTEL_EXPORTER_OTLP_ENDPOINT": sink.url}}
        costs = {}
        for feature in MEASURED_FEATURES:
            variants = (
                (project, service_env),
                (workdir / f"service-{feature}", service_env | feature_env.get(feature, {})),
            )
            costs[feature] = feature_cost(
                feature, service_cmd, variants, load, workdir, headers=signed_in
            )
        # REST and GraphQL on one service: the list, then the same page as a GraphQL query.
        both = stack.enter_context(
            serve(
                service_cmd,
                workdir / "service-graphql",
                service_env,
                "/health/live",
                workdir / "graphql.log",
            )
        )
        check_graphql_page(both.url, signed_in)
        rest, graphql = alternate(
            [
                (f"GET {LIST_PATH}, with GraphQL", both, LIST_PATH, {"headers": signed_in}),
                (
                    f"POST /graphql, {SEED_ITEMS} items",
                    both,
                    "/graphql",
                    {"headers": signed_in, "script": WRK_GRAPHQL},
                ),
            ],
            replace(load, rounds=FEATURE_ROUNDS),
            workdir,
        )
        costs["graphql"] = (rest, graphql)
        # After the list, because it grows the table the list counts.
        create = load_endpoint(
            "POST /api/v1/items",
            service,
            "/api/v1/items",
            load,
            workdir,
            headers=signed_in,
            script=WRK_CREATE,
        )
        sign_in, live_during_sign_ins = sign_ins_beside_liveness(service, load, workdir)
        paired = [result for pair in costs.values() for result in pair]
        return [live, items, baseline, *paired, create, sign_in, live_during_sign_ins], costs


def main() -> int:
    load = parse_args()
    # A cancelled CI job sends SIGTERM: exit through the finally blocks that stop the servers.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    with tempfile.TemporaryDirectory(prefix="bench-") as workdir:
        results, costs = measure(Path(workdir), load)
    print_table(results)
    ratio = results[1].rps / results[2].rps
    met = ratio >= TARGET_RATIO
    verdict = "met" if met else "MISSED"
    print(f"\nitems list / raw baseline: {ratio:.2f} (target >= {TARGET_RATIO:.2f}): {verdict}")
    rest, graphql = costs.pop("graphql")
    graphql_ratio = graphql.rps / rest.rps
    graphql_met = graphql_ratio >= GRAPHQL_TARGET_RATIO
    print(
        f"GraphQL items query / REST list: {graphql_ratio:.2f}"
        f" (target >= {GRAPHQL_TARGET_RATIO:.2f}): {'met' if graphql_met else 'MISSED'}"
    )
    fits = graphql_met
    for feature, (plain, featured) in costs.items():
        cost = 1 - featured.rps / plain.rps
        fits = fits and cost <= FEATURE_COST_TARGET
        verdict = "met" if cost <= FEATURE_COST_TARGET else "MISSED"
        print(
            f"{feature} cost the items list: {cost:.1%} (target <= {FEATURE_COST_TARGET:.0%}):"
            f" {verdict}"
        )
    failed = [r.name for r in results if r.non_2xx or r.socket_errors]
    if failed:
        print(f"Requests failed during: {', '.join(failed)}")
    return 0 if met and fits and not failed else 1


if __name__ == "__main__":
    sys.exit(main())
