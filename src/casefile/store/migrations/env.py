"""Alembic environment: runs migrations on the connection the registry hands over."""

from __future__ import annotations

from alembic import context

from casefile.store.schema import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - casefile always passes its own connection
    raise RuntimeError("casefile migrations run through casefile.store.migrate()")
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
