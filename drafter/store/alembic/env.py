"""Alembic environment: runs drafter's revisions on the connection drafter.store.migrations
passes in `config.attributes["connection"]` (inside drafter's own write transaction)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from drafter.store.schema import metadata

connection: Connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, transactional_ddl=True)
with context.begin_transaction():
    context.run_migrations()
