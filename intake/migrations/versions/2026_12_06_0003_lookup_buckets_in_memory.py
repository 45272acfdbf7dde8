"""The lookup rate limit moved into the server process's memory: its table goes.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 10:00:00

Taking a token was a write, and on SQLite a lookup then waited for the write lock behind upload
batches (``intake/ratelimit.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Drop ``rate_bucket``."""
    op.drop_table("rate_bucket")


def downgrade() -> None:
    """Bring ``rate_bucket`` back, empty (stations get a full bucket on their next lookup)."""
    op.create_table(
        "rate_bucket",
        sa.Column("station_id", sa.String(length=40), nullable=False),
        sa.Column("tokens", sa.Float(), nullable=False),
        sa.Column("updated", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"], ["station.id"], name=op.f("fk_rate_bucket_station_id_station")
        ),
        sa.PrimaryKeyConstraint("station_id", name=op.f("pk_rate_bucket")),
    )
