"""Visit outcomes: what happened at the door or the desk for a household or one member.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 19:00:00

``visit_outcome`` holds the outcomes recorded here (sent with the next sync) and those of the
ward's other kiosks (from the roster pages), each with the server's order of arrival once known.
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
    """Create ``visit_outcome``."""
    op.create_table(
        "visit_outcome",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("household_id", sa.String(length=64), nullable=False),
        sa.Column("resident_id_number", sa.String(length=12), nullable=True),
        sa.Column("outcome", sa.String(length=16), nullable=False),
        sa.Column("come_back_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=100), nullable=False),
        sa.Column("operator_id", sa.String(length=36), nullable=True),
        sa.Column("station_id", sa.String(length=64), nullable=False),
        sa.Column("session_id", sa.String(length=36), nullable=True),
        sa.Column("training", sa.Boolean(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("arrival", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "outcome IN ('absent', 'moved_away', 'refused', 'come_back')",
            name=op.f("ck_visit_outcome_outcome"),
        ),
        sa.CheckConstraint(
            "(outcome = 'come_back') = (come_back_on IS NOT NULL)",
            name=op.f("ck_visit_outcome_come_back_on"),
        ),
        sa.CheckConstraint(
            "resident_id_number IS NULL OR length(resident_id_number) = 12",
            name=op.f("ck_visit_outcome_id_number"),
        ),
        sa.ForeignKeyConstraint(
            ["operator_id"], ["operator.id"], name=op.f("fk_visit_outcome_operator_id_operator")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["evening_session.id"],
            name=op.f("fk_visit_outcome_session_id_evening_session"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visit_outcome")),
    )
    op.create_index(
        op.f("ix_visit_outcome_household_id"), "visit_outcome", ["household_id"], unique=False
    )
    op.create_index(
        op.f("ix_visit_outcome_resident_id_number"),
        "visit_outcome",
        ["resident_id_number"],
        unique=False,
    )
    op.create_index(op.f("ix_visit_outcome_arrival"), "visit_outcome", ["arrival"], unique=False)


def downgrade() -> None:
    """Drop it."""
    op.drop_table("visit_outcome")
