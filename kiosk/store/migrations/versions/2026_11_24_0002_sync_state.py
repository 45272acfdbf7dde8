"""Sync state on the station row: the server it enrolled with, and where the roster download stands.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 09:00:00

``server_url``: the intake server the token belongs to (set at enrolment).  ``roster_cursor``: the
last roster cursor applied, saved in the same transaction as that page's rows, so a download killed
half-way resumes where it stopped.  ``roster_pass_started_at``: set while a full download (from an
empty cursor) runs; at its end every cached household not seen since then is dropped.
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
    """Add the sync columns to ``station``."""
    with op.batch_alter_table("station", schema=None) as batch_op:
        batch_op.add_column(sa.Column("server_url", sa.String(length=500), nullable=True))
        batch_op.add_column(sa.Column("roster_cursor", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("roster_pass_started_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    """Drop them again."""
    with op.batch_alter_table("station", schema=None) as batch_op:
        batch_op.drop_column("roster_pass_started_at")
        batch_op.drop_column("roster_cursor")
        batch_op.drop_column("server_url")
