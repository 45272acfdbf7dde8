"""Audit heads the stations reported (DESIGN.md §6): one hash per station and audit row.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-06 09:00:00

The server's Ed25519 signing key needs no schema change: it is row 2 of ``server_key``, created
on first use like the X25519 key of row 1.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the ``audit_head`` table."""
    op.create_table(
        "audit_head",
        sa.Column("station_id", sa.String(length=40), nullable=False),
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["station_id"], ["station.id"], name=op.f("fk_audit_head_station_id_station")
        ),
        sa.PrimaryKeyConstraint("station_id", "seq", name=op.f("pk_audit_head")),
    )


def downgrade() -> None:
    """Drop it again."""
    op.drop_table("audit_head")
