"""Values derived from the answers, so that files in template/ stay free of logic.

Everything the template needs to know about "what does this answer set imply"
is computed here once: which services the stack talks to, which driver and URL
a database uses, which packages the service depends on.
"""

from __future__ import annotations

from typing import Any

from copier_template_extensions import ContextHook

# Per database answer: the SQLAlchemy driver package, the default URL for local
# development, and the server a test run needs (None for embedded engines).
DATABASES: dict[str, dict[str, Any]] = {
    "sqlite": {
        "driver": "aiosqlite",
        "url": "sqlite+aiosqlite:///./{package}.db",
        "service": None,
    },
    "postgresql": {
        "driver": "asyncpg",
        "url": "postgresql+asyncpg://postgres@127.0.0.1:5432/{package}",
        "service": "postgresql",
    },
    "mysql": {
        "driver": "asyncmy",
        "url": "mysql+asyncmy://root@127.0.0.1:3306/{package}",
        "service": "mysql",
    },
}

# Runtime dependencies as (requirement, answer predicate) pairs, kept in one
# list so that pyproject.toml renders exactly what the answers need.
RUNTIME_DEPENDENCIES: list[tuple[str, Any]] = [
    ("fastapi>=0.165", lambda a: True),
    ("pydantic>=2.12", lambda a: True),
    ("pydantic-settings>=2.11", lambda a: True),
    ("python-json-logger>=4.0", lambda a: True),
    ("starlette>=1.0", lambda a: True),
    ("uvicorn[standard]>=0.38", lambda a: True),
    ("sqlalchemy[asyncio]>=2.0.44", lambda a: a["database"] != "none"),
    ("alembic>=1.17", lambda a: a["database"] != "none"),
    ("aiosqlite>=0.21", lambda a: a["database"] == "sqlite"),
    ("asyncpg>=0.30", lambda a: a["database"] == "postgresql"),
    ("asyncmy>=0.2.10", lambda a: a["database"] == "mysql"),
]


def derive(answers: dict[str, Any]) -> dict[str, Any]:
    """Compute the derived flags for one answer set."""
    database = DATABASES.get(answers["database"], {})
    return {
        "use_database": bool(database),
        "database_driver": database.get("driver"),
        "database_url": database.get("url", "").format(package=answers["package_name"]),
        "services": [database["service"]] if database.get("service") else [],
        "dependencies": sorted(
            requirement for requirement, wanted in RUNTIME_DEPENDENCIES if wanted(answers)
        ),
    }


class DerivedContext(ContextHook):
    """Adds the derived values to copier's rendering context."""

    def hook(self, context: dict[str, Any]) -> None:
        if "database" in context and "package_name" in context:
            context.update(derive(context))
