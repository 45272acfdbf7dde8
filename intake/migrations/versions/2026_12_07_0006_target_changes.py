"""Daily targets from the kiosks too (issue 22): every change kept, the current one marked.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 15:00:00

``daily_target_change`` keeps every change the server took (a kiosk's by its id, the command
line's under a new one), numbered from the ward's ``roster_clock`` like the rest; ``daily_target``
keeps the current figure and says which change set it, and from which kiosk.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add ``daily_target_change`` and the change and station of each ``daily_target``."""
    op.create_table(
        "daily_target_change",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("ward", sa.String(length=100), nullable=False),
        sa.Column("group_name", sa.String(length=100), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("target", sa.Integer(), nullable=False),
        sa.Column("set_by", sa.String(length=100), nullable=False),
        sa.Column("set_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("station_id", sa.String(length=40), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("arrival", sa.BigInteger(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_daily_target_change")),
        sa.UniqueConstraint("ward", "arrival", name="uq_daily_target_change_ward_arrival"),
    )
    op.create_index(
        "ix_daily_target_change_ward_group_day",
        "daily_target_change",
        ["ward", "group_name", "day"],
        unique=False,
    )
    with op.batch_alter_table("daily_target") as batch_op:
        batch_op.add_column(sa.Column("change_id", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("station_id", sa.String(length=40), nullable=True))


def downgrade() -> None:
    """Drop them again (the history goes; the current figures stay)."""
    with op.batch_alter_table("daily_target") as batch_op:
        batch_op.drop_column("station_id")
        batch_op.drop_column("change_id")
    op.drop_index("ix_daily_target_change_ward_group_day", table_name="daily_target_change")
    op.drop_table("daily_target_change")
