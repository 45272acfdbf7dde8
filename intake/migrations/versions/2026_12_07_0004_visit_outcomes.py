"""Visit outcomes the kiosks send (DESIGN.md §5): what happened at a household's door or desk.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 09:00:00

The order of arrival is taken from the ward's ``roster_clock`` in the storing transaction (row
locked until commit on PostgreSQL, the write lock on SQLite), so it needs no sequence of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the ``visit_outcome`` table."""
    op.create_table(
        "visit_outcome",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("station_id", sa.String(length=40), nullable=False),
        sa.Column("ward", sa.String(length=100), nullable=False),
        sa.Column("arrival", sa.BigInteger(), nullable=False),
        sa.Column("household_id", sa.String(length=40), nullable=False),
        sa.Column("resident_id_number", sa.String(length=12), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("come_back_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("session_id", sa.String(length=36), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"], ["station.id"], name=op.f("fk_visit_outcome_station_id_station")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_outcome")),
        sa.UniqueConstraint("ward", "arrival", name="uq_visit_outcome_ward_arrival"),
    )
    op.create_index(
        "ix_visit_outcome_ward_household", "visit_outcome", ["ward", "household_id"], unique=False
    )


def downgrade() -> None:
    """Drop it again."""
    op.drop_index("ix_visit_outcome_ward_household", table_name="visit_outcome")
    op.drop_table("visit_outcome")
