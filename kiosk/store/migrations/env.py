"""Alembic environment: runs on the connection :mod:`kiosk.store.migrate` passes in, in batch mode.

There is no alembic.ini and no URL: the kiosk opens the (encrypted) database itself and hands its
connection over in ``config.attributes["connection"]``.  New revisions are written with
``kiosk.store.migrate.new_revision(message, rev_id)`` so file names keep the date prefix.
"""

from __future__ import annotations

from alembic import context

from kiosk.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable by running alembic by hand
    raise RuntimeError("run migrations through kiosk.store.migrate, which passes a connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    transactional_ddl=True,  # SQLite DDL is transactional: a migration applies whole or not at all
)
with context.begin_transaction():
    context.run_migrations()
