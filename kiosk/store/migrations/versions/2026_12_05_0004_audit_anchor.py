"""The audit chain anchored at the intake server: its pinned signing key and the last signed head.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05 12:00:00

``station.server_signing_key``: the server's Ed25519 public key (standard base64), pinned at
enrolment; NULL for a kiosk enrolled before this revision until its first signed head pins it.
``audit_anchor`` (one row, once synced): the latest audit head the server signed (station id, row
number, hash, signing time, raw 64-byte signature), which ``kiosk check`` verifies offline.

SQLite's own ``ADD COLUMN`` for the station row, as in 0003: a batch copy would write the table's
constraints in a different order at every run.
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
    """Add the pinned key to ``station`` and the ``audit_anchor`` table."""
    op.execute("ALTER TABLE station ADD COLUMN server_signing_key VARCHAR(200)")
    op.create_table(
        "audit_anchor",
        sa.Column("slot", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("station_id", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.Column("signed_at", sa.DateTime(), nullable=False),
        sa.Column("signature", sa.LargeBinary(), nullable=False),
        sa.CheckConstraint("slot = 1", name=op.f("ck_audit_anchor_one_row")),
        sa.PrimaryKeyConstraint("slot", name=op.f("pk_audit_anchor")),
    )


def downgrade() -> None:
    """Drop them again."""
    op.drop_table("audit_anchor")
    op.execute("ALTER TABLE station DROP COLUMN server_signing_key")
