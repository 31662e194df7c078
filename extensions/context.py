"""Values derived from the answers, so that files in template/ stay free of logic.

Everything the template needs to know about "what does this answer set imply"
is computed here once: which driver and URL a database uses, and which packages
the service depends on.
"""

from __future__ import annotations

import re
from typing import Any

from copier_template_extensions import ContextHook

# Per database answer: the driver SQLAlchemy loads, the requirement that
# installs it, and the default URL for local development.
DATABASES: dict[str, dict[str, Any]] = {
    "sqlite": {
        "name": "SQLite",
        "driver": "aiosqlite",
        "requirement": "aiosqlite>=0.21",
        "url": "sqlite+aiosqlite:///./{package}.db",
        # In a container the file lives on a volume mounted at /app/data.
        "container_url": "sqlite+aiosqlite:////app/data/{package}.db",
    },
    "postgresql": {
        "name": "PostgreSQL",
        "driver": "asyncpg",
        "requirement": "asyncpg>=0.30",
        "url": "postgresql+asyncpg://postgres@127.0.0.1:5432/{package}",
        "service": "postgres",
        "test_server_url": "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres",
        # Sessions left open (by a test that failed midway) must not keep it from going.
        "drop_options": " WITH (FORCE)",
        "server": "PostgreSQL",
        # The driver's arguments for its connect and statement timeouts.
        "timeouts": ("timeout", "command_timeout"),
        "container_url": "postgresql+asyncpg://{package}:${{DATABASE_PASSWORD}}@postgres:5432/{package}",
    },
    "mysql": {
        "name": "MySQL/MariaDB",
        "driver": "asyncmy",
        "requirement": "asyncmy>=0.2.10",
        "url": "mysql+asyncmy://root@127.0.0.1:3306/{package}",
        "service": "mysql",
        "test_server_url": "mysql+asyncmy://root@127.0.0.1:3306/mysql",
        "drop_options": "",
        "server": "MariaDB",
        "timeouts": ("connect_timeout", "read_timeout"),
        "container_url": "mysql+asyncmy://{package}:${{DATABASE_PASSWORD}}@mysql:3306/{package}",
    },
}

# Runtime requirements of every service, and of every service with a database.
BASE_REQUIREMENTS = [
    # Structured concurrency, as Starlette's own: HEAD ends a streamed body (methods.py).
    "anyio>=4.9",
    "fastapi>=0.165",
    # Swagger UI and ReDoc, served by the service instead of a CDN.
    "fastapi-offline>=1.7",
    "pydantic>=2.12",
    "pydantic-settings>=2.11",
    "python-json-logger>=4.0",
    "starlette>=1.0",
    "uvicorn[standard]>=0.38",
]
# The tools every project develops with, and what some features add (their stubs, or clients
# their tests connect with).
DEV_REQUIREMENTS = [
    "deptry>=0.23",
    "httpx>=0.28",
    "mypy>=1.18",
    "pre-commit>=4.7",
    "pytest>=8.4",
    "pytest-asyncio>=1.2",
    "ruff>=0.14",
    "schemathesis>=4.32",
]
CELERY_DEV_REQUIREMENTS = ["celery-types>=0.23"]
WEBSOCKETS_DEV_REQUIREMENTS = ["websockets>=15"]
SSE_DEV_REQUIREMENTS = ["httpx-sse>=0.4"]
DATABASE_REQUIREMENTS = ["alembic>=1.17", "sqlalchemy[asyncio]>=2.0.44"]
# Per auth answer: what it adds (JWT: token signing, password hashing, the login form).
AUTH_REQUIREMENTS: dict[str, list[str]] = {
    "jwt": ["pwdlib[argon2]>=0.3", "pyjwt>=2.10", "python-multipart>=0.0.20"],
}
# Celery with either broker (kombu carries the messages); results are kept in Redis.
CELERY_REQUIREMENTS = ["celery>=5.5", "kombu>=5.5"]
REDIS_REQUIREMENTS = ["redis>=5.2"]
# Rate limits: the write limit of the cache (counted in Redis), and the sign-in limits of JWT.
RATE_LIMIT_REQUIREMENTS = ["limits>=5.2"]
METRICS_REQUIREMENTS = ["prometheus-client>=0.23"]
# Traces: the SDK and its OTLP/HTTP exporter (FastAPI traces requests itself, through the API,
# and tracing.py the SQL statements), and the instrumentation of Redis and Celery.
TRACING_REQUIREMENTS = [
    "opentelemetry-api>=1.45",
    "opentelemetry-exporter-otlp-proto-http>=1.45",
    "opentelemetry-sdk>=1.45",
]
TRACED_LIBRARIES = {
    "redis": "opentelemetry-instrumentation-redis>=0.66b0",
    "celery": "opentelemetry-instrumentation-celery>=0.66b0",
}
# The tracing tests decode what the exporter sends with OpenTelemetry's protobuf classes.
TRACING_DEV_REQUIREMENTS = ["opentelemetry-proto>=1.45"]
# Below 3: sentry-sdk 3.0 reworked `init` and dropped `before_send_transaction`,
# which tags traced requests with their request id here.
SENTRY_REQUIREMENTS = ["sentry-sdk>=2.76,<3"]
# Attachments: one client for a directory and for S3-compatible buckets, the file types told by
# their first bytes, and the multipart parser of FastAPI's UploadFile.
UPLOAD_REQUIREMENTS = ["obstore>=0.8", "puremagic>=1.28", "python-multipart>=0.0.20"]
# The S3 tests run moto's S3 server on loopback.
S3_DEV_REQUIREMENTS = ["moto[server]>=5.1"]
# GraphQL: Strawberry, the GraphQL core it builds on, and the HTTP errors it raises, which the
# service puts in its error shape; the tests generate documents from the schema.
GRAPHQL_REQUIREMENTS = ["cross-web>=0.6", "graphql-core>=3.2", "strawberry-graphql>=0.341"]
GRAPHQL_DEV_REQUIREMENTS = ["hypothesis-graphql>=0.13"]
# Per broker answer: the broker's default URL for local development.
CELERY_BROKERS = {
    "redis": "redis://127.0.0.1:6379/1",
    "rabbitmq": "amqp://guest:guest@127.0.0.1:5672//",
}
# Per broker answer: how long a send may wait on the broker, and, for RabbitMQ, that it
# confirms each message, so that a task is struck out of the outbox only once the broker has it.
BROKER_TRANSPORT_OPTIONS = {
    "redis": '{"socket_timeout": settings.celery_broker_timeout_seconds}',
    "rabbitmq": '{"confirm_publish": True}',
}
# The machine's binaries the fault tests start each server from.
SERVER_BINARIES = {
    "PostgreSQL": "PostgreSQL's `initdb` and `postgres`",
    "MariaDB": "`mariadb-install-db` and `mariadbd`",
    "Redis": "`redis-server`",
    "RabbitMQ": "`rabbitmq-server`",
}
# The same, between containers: hosts are compose services (and Kubernetes Services).
CONTAINER_BROKERS = {
    "redis": "redis://redis:6379/1",
    "rabbitmq": "amqp://{package}:${{RABBITMQ_PASSWORD}}@rabbitmq:5672//",
}


def distribution_name(requirement: str) -> str:
    """The name a requirement installs ("pytest-asyncio" for "pytest-asyncio>=1.2")."""
    return re.split(r"[<>=\[ ]", requirement, maxsplit=1)[0]


def spoken_list(words: list[str]) -> str:
    """Words as a sentence lists them: "a, b and c"."""
    if len(words) < 2:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def feature_folders(
    answers: dict[str, Any],
    *,
    use_redis: bool,
    redis_keys: bool,
    rate_limits: bool,
    outages: bool,
    item_changes: bool,
    item_events: bool,
    after_commit: bool,
    composes_settings: bool,
) -> list[str]:
    """The folders of template/_features/ this answer set takes its fragments from.

    A feature keeps there what it adds to files every variant shares (its README sections,
    for one); a shared file includes each folder's fragment in this order, and a folder
    without that fragment adds nothing. The capabilities several answers bring (Redis, rate
    limits, outages, item changes, composed settings) come as derive() works them out.
    """
    # While copier asks its questions, the later answers are not there yet.
    database, auth = answers["database"], answers.get("auth", "none")
    celery = answers.get("celery", "none")
    ci = answers.get("ci", "none")
    use_celery = celery != "none"
    metrics = bool(answers.get("metrics"))
    tracing = bool(answers.get("tracing"))
    sentry = bool(answers.get("sentry"))
    uploads = answers.get("uploads", "none")
    flags = {
        f"database/{database}": True,
        "database": database != "none",
        # Files on the service's machine (the SQLite database, attachments in a directory): the
        # soak keeps them in a folder of its own.
        "local_files": database == "sqlite" or uploads == "local",
        # A database server (rather than a file): its timeouts, and tests on a server of their own.
        "database/server": database in ("postgresql", "mysql"),
        "auth": auth != "none",
        # auth/none too: what a service without authentication writes where each mode writes its
        # own (it is never on with `auth`, so it sits where it would just before it).
        f"auth/{auth}": True,
        "redis": use_redis,
        # Keys of the service's own in Redis (cache entries, rate-limit counts, event channels).
        "redis/keys": redis_keys,
        "rate_limits": rate_limits,
        # Limits without the cache's Redis (JWT's sign-in limits): counted in each process's memory.
        "rate_limits/memory": rate_limits and not answers.get("cache"),
        "cache": bool(answers.get("cache")),
        # A request can find a backing server down: the 503 it is answered with.
        "outages": outages,
        # Features that follow item changes (task announcements, item events) subscribe to them.
        "item_changes": item_changes,
        "celery": use_celery,
        f"celery/{celery}": use_celery,
        # The broker that carries item events to this process's clients, and keeps the last ones.
        "item_events": item_events,
        # Work a request leaves for after its commit (events, files), or undoes if it fails.
        "after_commit": after_commit,
        "websockets": bool(answers.get("websockets")),
        "sse": bool(answers.get("sse")),
        # EventSource sends no headers: a stream ticket, bought with the usual credentials.
        "sse/tickets": bool(answers.get("sse")) and auth != "none",
        "metrics": metrics,
        # The database pool's connections, as metrics.
        "metrics/database": metrics and database != "none",
        # The worker's task metrics.
        "metrics/celery": metrics and use_celery,
        "tracing": tracing,
        # A span for each SQL statement, each Redis command, each task sent and run.
        "tracing/database": tracing and database != "none",
        "tracing/redis": tracing and use_redis,
        "tracing/celery": tracing and use_celery,
        "sentry": sentry,
        # The worker reports the tasks that fail.
        "sentry/celery": sentry and use_celery,
        # Files attached to items, in a directory or an S3-compatible bucket.
        "uploads": uploads != "none",
        f"uploads/{uploads}": uploads != "none",
        # GraphQL at /graphql, on the item service; with accounts, each item's owner.
        "graphql": bool(answers.get("graphql")),
        "graphql/owners": bool(answers.get("graphql")) and auth == "jwt",
        # Each POST counts against the write limit, as a REST write does.
        "graphql/rate_limits": bool(answers.get("graphql")) and bool(answers.get("cache")),
        # A key where REST asks for one: by method, as for /api/v1.
        "graphql/api_keys": bool(answers.get("graphql")) and auth == "api_key",
        # Subscriptions to item events, over a WebSocket beside the event socket; or, without
        # WebSockets, no socket at /graphql.
        "graphql/subscriptions": bool(answers.get("graphql")) and bool(answers.get("websockets")),
        "graphql/http_only": bool(answers.get("graphql")) and not answers.get("websockets"),
        # Settings composes the service's own settings class with those of the features above.
        "composed_settings": composes_settings,
        "docker": bool(answers.get("docker")),
        "kubernetes": bool(answers.get("kubernetes")),
        # Prometheus and Grafana in compose, and the pods' scrape annotations.
        "metrics/docker": metrics and bool(answers.get("docker")),
        "metrics/kubernetes": metrics and bool(answers.get("kubernetes")),
        # A trace viewer (Jaeger) in compose, which the service can export to.
        "tracing/docker": tracing and bool(answers.get("docker")),
        # Where the pods send their spans.
        "tracing/kubernetes": tracing and bool(answers.get("kubernetes")),
        # The uploads' volume (or bucket) in compose, and the volume the pods share.
        f"uploads/{uploads}/docker": uploads != "none" and bool(answers.get("docker")),
        "uploads/local/kubernetes": uploads == "local" and bool(answers.get("kubernetes")),
        f"ci/{ci}": ci != "none",
    }
    return [folder for folder, wanted in flags.items() if wanted]


def derive(answers: dict[str, Any]) -> dict[str, Any]:
    """Compute the derived values for one answer set."""
    database = DATABASES.get(answers["database"])
    broker_url = CELERY_BROKERS.get(answers.get("celery", "none"))
    use_celery = broker_url is not None
    websockets = bool(answers.get("websockets", False))
    sse = bool(answers.get("sse", False))
    # Item events reach clients over a WebSocket, Server-Sent Events or both, from one broker.
    item_events = websockets or sse
    uploads = answers.get("uploads", "none")
    has_uploads = uploads != "none"
    # A request leaves work for after its commit (events to publish, files to remove), or to
    # undo should it fail (a file it stored).
    after_commit = item_events or has_uploads
    cache = bool(answers.get("cache", False))
    # Redis is in the stack: it keeps task results and cached items, carries events between
    # processes, and counts requests for the rate limits.
    use_redis = use_celery or cache
    redis_roles = [
        *(["task results"] if use_celery else []),
        *(["cached items", "rate-limit counts"] if cache else []),
        *(["the stream of item events"] if item_events and use_redis else []),
    ]
    # The servers the service needs beside it, as compose services.
    backing_services = [
        *([database["service"]] if database and "service" in database else []),
        *(["redis"] if use_redis else []),
        *(["rabbitmq"] if answers.get("celery") == "rabbitmq" else []),
    ]
    # Passwords compose gives the servers it starts (read from .env, never written down).
    compose_passwords = [
        *(["DATABASE_PASSWORD"] if database and "service" in database else []),
        *(["RABBITMQ_PASSWORD"] if answers.get("celery") == "rabbitmq" else []),
    ]
    # Settings that hold credentials: outside .env they live in a secret store.
    secret_settings = [
        *(["DATABASE_URL"] if database else []),
        *(["CELERY_BROKER_URL"] if use_celery else []),
        *({"jwt": ["JWT_SECRET"], "api_key": ["API_KEYS"]}.get(answers.get("auth", "none"), [])),
        *(["SENTRY_DSN"] if answers.get("sentry") else []),
        *(["S3_SECRET_ACCESS_KEY"] if uploads == "s3" else []),
    ]
    fault_servers = [
        *([database["server"]] if database and "server" in database else []),
        *(["Redis"] if use_redis else []),
        *(["RabbitMQ"] if answers.get("celery") == "rabbitmq" else []),
    ]
    # What GET /health/ready checks, by name.
    checks = ["database"] * bool(database) + ["redis"] * use_redis + ["broker"] * use_celery

    requirements = list(BASE_REQUIREMENTS)
    if database:
        requirements += [*DATABASE_REQUIREMENTS, database["requirement"]]
    requirements += AUTH_REQUIREMENTS.get(answers.get("auth", "none"), [])
    if use_celery:
        requirements += CELERY_REQUIREMENTS
    if use_redis:
        requirements += REDIS_REQUIREMENTS
    signs_in = answers.get("auth", "none") != "none"
    # Rate limits guard writes (with the cache) and signing in (with JWT).
    rate_limits = cache or answers.get("auth") == "jwt"
    # A request can find a backing server down, and is answered 503.
    outages = database is not None or use_redis
    # The API keeps keys of its own in Redis (cached items, limits, the events stream).
    redis_keys = cache or (use_redis and item_events)
    if rate_limits:
        requirements += RATE_LIMIT_REQUIREMENTS
    metrics = bool(answers.get("metrics", False))
    if metrics:
        requirements += METRICS_REQUIREMENTS
    tracing = bool(answers.get("tracing", False))
    if tracing:
        requirements += TRACING_REQUIREMENTS
        requirements += [
            TRACED_LIBRARIES[library]
            for library, used in (
                ("redis", use_redis),
                ("celery", use_celery),
            )
            if used
        ]
    sentry = bool(answers.get("sentry", False))
    if sentry:
        requirements += SENTRY_REQUIREMENTS
    if has_uploads:
        requirements += UPLOAD_REQUIREMENTS
    graphql = bool(answers.get("graphql", False))
    if graphql:
        requirements += GRAPHQL_REQUIREMENTS
    # Subscribers follow item changes through items/changes.py (attachments go with their item).
    item_changes = use_celery or item_events or has_uploads
    # Features with a settings class of their own: Settings composes them with the service's.
    composes_settings = (
        database is not None
        or signs_in
        or use_redis
        or item_events
        or use_celery
        or metrics
        or tracing
        or sentry
        or has_uploads
        or graphql
    )
    return {
        "use_database": database is not None,
        "database_driver": database["driver"] if database else None,
        "database_timeouts": database.get("timeouts") if database else None,
        "database_url": database["url"].format(package=answers["package_name"])
        if database
        else None,
        "container_database_url": database["container_url"].format(package=answers["package_name"])
        if database
        else None,
        "use_celery": use_celery,
        "celery_broker_url": broker_url,
        "broker_transport_options": BROKER_TRANSPORT_OPTIONS.get(answers.get("celery", "none")),
        "container_broker_url": CONTAINER_BROKERS[answers["celery"]].format(
            package=answers["package_name"]
        )
        if use_celery
        else None,
        "backing_services": backing_services,
        "secret_settings": secret_settings,
        "compose_passwords": compose_passwords,
        "use_redis": use_redis,
        # What Redis is for, in words; and whether the API keeps keys of its own there.
        "redis_roles": spoken_list(redis_roles),
        "redis_keys": redis_keys,
        "rate_limits": rate_limits,
        # What the item service reads and writes through: the cache in front of the store, or
        # the store itself.
        "item_repository_dependency": "get_cached_item_repository"
        if cache
        else "get_item_repository",
        # The lifespan opens resources (and closes them at shutdown) beside the item store, or
        # sends at shutdown what a feature still holds (spans, error reports).
        "opens_resources": database is not None
        or use_redis
        or item_events
        or tracing
        or sentry
        or has_uploads,
        # With features that have settings of their own, the service's own settings are one
        # class among those that Settings composes.
        "service_settings_class": "ServiceSettings" if composes_settings else "Settings",
        "item_changes": item_changes,
        "item_events": item_events,
        "after_commit": after_commit,
        # The event stream opens with a ticket bought with the usual credentials.
        "stream_tickets": sse and signs_in,
        # GraphQL reads items' owners (accounts) a page at a time.
        "graphql_owners": graphql and answers.get("auth") == "jwt",
        # GraphQL subscriptions: a socket of their own, fed by the event hub.
        "graphql_subscriptions": graphql and websockets,
        "outages": outages,
        # What tracing follows beyond the requests, in words.
        "traced_calls": spoken_list(
            [
                *(["SQL statements"] if database else []),
                *(["Redis commands"] if use_redis else []),
                *(["Celery tasks"] if use_celery else []),
            ]
        ),
        # The servers the fault tests and the soak start private instances of, to fail them,
        # and the binaries they start them from, in words.
        "fault_servers": spoken_list(fault_servers),
        "fault_server_binaries": spoken_list([SERVER_BINARIES[name] for name in fault_servers]),
        # What the soak counts as work lost, in words.
        "soak_losses": spoken_list(
            [
                "acknowledged items not found",
                *(["their tasks not on the broker"] if use_celery else []),
                *(["the item events missed (best-effort, so only counted)"] if websockets else []),
            ]
        ),
        "readiness_checks": dict.fromkeys(checks, "ok"),
        "dependencies": sorted(set(requirements)),
        "dev_dependencies": sorted(
            CELERY_DEV_REQUIREMENTS * use_celery
            + DEV_REQUIREMENTS
            + WEBSOCKETS_DEV_REQUIREMENTS * websockets
            + SSE_DEV_REQUIREMENTS * sse
            + TRACING_DEV_REQUIREMENTS * tracing
            + S3_DEV_REQUIREMENTS * (uploads == "s3")
            + GRAPHQL_DEV_REQUIREMENTS * graphql,
            key=distribution_name,
        ),
        "features": feature_folders(
            answers,
            use_redis=use_redis,
            redis_keys=redis_keys,
            rate_limits=rate_limits,
            outages=outages,
            item_changes=item_changes,
            item_events=item_events,
            after_commit=after_commit,
            composes_settings=composes_settings,
        ),
        # The client errors every API route documents (those of bodies are added where one is).
        "documented_client_errors": [
            *([401] if signs_in else []),
            *([403] if answers.get("auth") == "jwt" else []),
            404,
            409,
            422,
        ],
        # The modules of tests/fixtures/ that conftest.py loads: each feature's fixtures.
        "test_plugins": [
            f"fixtures.{module}"
            for module, wanted in {
                "memory": database is None,
                "sqlite": answers["database"] == "sqlite",
                "database_server": database is not None and "server" in database,
                "database": database is not None,
                "open_api": answers.get("auth", "none") == "none",
                "credentials": signs_in,
                "redis_keys": redis_keys,
                "cache": cache,
                "celery": use_celery,
                "faults": bool(fault_servers),
                "tracing": tracing,
                "uploads": has_uploads,
            }.items()
            if wanted
        ],
        # What ruff lets the tests do that the service may not, and why, in words.
        "test_lint_ignores": ["S101", "PLR2004", *(["S105", "S106"] if signs_in else [])],
        "test_lint_reasons": "assert on literal values"
        + (" and use throwaway credentials" if signs_in else ""),
        "typed_folders": ["src", "tests", *(["migrations"] if database else [])],
        # Dependencies that other packages load, which deptry cannot see imported, and why.
        "unimported_dependencies": [
            *([database["driver"]] if database else []),
            *(["python-multipart"] if answers.get("auth") == "jwt" or has_uploads else []),
        ],
        "unimported_reasons": [
            "SQLAlchemy loads the driver named in the database URL",
            *(
                ["FastAPI parses form bodies with python-multipart"]
                if answers.get("auth") == "jwt" or has_uploads
                else []
            ),
        ],
        # How the README names each database and broker.
        "database_name": database["name"] if database else None,
        "test_database_server_url": database.get("test_server_url") if database else None,
        "drop_database_options": database.get("drop_options") if database else None,
        "broker_name": "RabbitMQ" if answers.get("celery") == "rabbitmq" else "Redis",
        # Where the rate limits count: shared in Redis with the cache, else in each process.
        "rate_limit_store": "Redis" if cache else "each process's memory",
    }


class DerivedContext(ContextHook):
    """Adds the derived values to copier's rendering context."""

    def hook(self, context: dict[str, Any]) -> None:
        if "database" in context and "package_name" in context:
            context.update(derive(context))
