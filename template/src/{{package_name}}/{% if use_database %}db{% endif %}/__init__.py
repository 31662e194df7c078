"""SQLAlchemy 2 async: the declarative base, column types and the per-request session."""
