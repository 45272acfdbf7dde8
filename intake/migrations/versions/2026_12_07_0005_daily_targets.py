"""Daily targets per residential group (issue 22): set with ``kiosk-intake target set``.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 12:00:00

``arrival`` is taken from the ward's ``roster_clock`` in the storing transaction, as for visit
outcomes, so targets need no sequence of their own either.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the ``daily_target`` table."""
    op.create_table(
        "daily_target",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ward", sa.String(length=100), nullable=False),
        sa.Column("group_name", sa.String(length=100), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("target", sa.Integer(), nullable=False),
        sa.Column("set_by", sa.String(length=100), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("arrival", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_daily_target")),
        sa.UniqueConstraint("ward", "group_name", "day", name="uq_daily_target_ward_group_day"),
    )
    op.create_index(
        "ix_daily_target_ward_arrival", "daily_target", ["ward", "arrival"], unique=False
    )


def downgrade() -> None:
    """Drop it again."""
    op.drop_index("ix_daily_target_ward_arrival", table_name="daily_target")
    op.drop_table("daily_target")
