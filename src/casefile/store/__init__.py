"""The registry: cases kept current as reports arrive, with versions, review and an audit log.

`Registry` (registry.py) is the API; the CLI and the web app call it. Storage is
SQLAlchemy over a SQLite file by default or PostgreSQL by URL; the schema is
managed by Alembic migrations shipped in `store/migrations/`.
"""

from casefile.store.registry import AddResult, Registry

__all__ = ["AddResult", "Registry"]
