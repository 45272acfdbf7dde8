"""Alembic environment: runs on the connection the server hands over (``intake.db.migrate``).

To write a new migration: ``alembic -x url=sqlite:////tmp/x.db`` is not needed; call
``alembic.command.revision(intake.db.alembic_config(), autogenerate=True, message=...)`` with
``config.attributes["connection"]`` set to a connection on a database at head.
"""

from __future__ import annotations

from alembic import context

from intake.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through intake.db.migrate(), which passes a connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
