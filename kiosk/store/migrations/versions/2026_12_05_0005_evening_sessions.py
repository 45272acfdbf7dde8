"""Evening sessions that close and reconcile, and the daily counts kept before the purge.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05 17:00:00

``evening_session`` gains ``groups`` (JSON list of the residential groups covered), ``on_duty``
(JSON list of operator ids), ``automatic`` (opened by the day's first capture, not an officer)
and ``reconciled_at`` (when the server last confirmed it holds what the session sent).
``daily_count``: per day, residential group and measure, the count the day's report needs,
written before the purge erases the personal data it is counted from.

SQLite's own ``ADD COLUMN``, as in 0003 and 0004: a batch copy would write the table's
constraints in a different order at every run.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("groups", "on_duty", "automatic", "reconciled_at")


def upgrade() -> None:
    """Add the session's columns and the ``daily_count`` table."""
    op.execute("ALTER TABLE evening_session ADD COLUMN groups JSON")
    op.execute("ALTER TABLE evening_session ADD COLUMN on_duty JSON")
    op.execute("ALTER TABLE evening_session ADD COLUMN automatic BOOLEAN NOT NULL DEFAULT 0")
    op.execute("ALTER TABLE evening_session ADD COLUMN reconciled_at DATETIME")
    op.create_table(
        "daily_count",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("residential_group", sa.String(length=200), nullable=False),
        sa.Column("measure", sa.String(length=32), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("kept_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("count >= 0", name=op.f("ck_daily_count_count")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_daily_count")),
        sa.UniqueConstraint(
            "day",
            "residential_group",
            "measure",
            name=op.f("uq_daily_count_day_residential_group_measure"),
        ),
    )


def downgrade() -> None:
    """Drop them again."""
    op.drop_table("daily_count")
    for column in reversed(COLUMNS):
        op.execute(f"ALTER TABLE evening_session DROP COLUMN {column}")
