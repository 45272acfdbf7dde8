"""Why a draft was discarded: ``submission.discard_reason``, NULL or one of three words.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-05 09:00:00

``discard_reason``: ``abandoned`` (the operator gave the visit up), ``refused`` (the resident
refused), ``expired`` (a draft left longer than the retention period); NULL for every submission
that was not discarded, and for those discarded before this revision.  A discarded draft keeps
only its reference, times, operator, this reason and, for a refusal, the resident's ID number.

SQLite's own ``ADD COLUMN`` with the CHECK on the column, not a batch copy of the table: a copy
would write the table's constraints in a different order at every run (Alembic keeps them in a
set), and the schema must come out the same each time; ``DROP COLUMN`` takes the CHECK with it.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REASONS = "'abandoned', 'refused', 'expired'"


def upgrade() -> None:
    """Add the column and its CHECK to ``submission``."""
    op.execute(
        "ALTER TABLE submission ADD COLUMN discard_reason VARCHAR(16) "
        "CONSTRAINT ck_submission_discard_reason "
        f"CHECK (discard_reason IS NULL OR discard_reason IN ({REASONS}))"
    )


def downgrade() -> None:
    """Drop them again."""
    op.execute("ALTER TABLE submission DROP COLUMN discard_reason")
