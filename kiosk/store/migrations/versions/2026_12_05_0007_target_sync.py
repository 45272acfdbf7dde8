"""Daily targets synced both ways: who set them, where, and the server's order of arrival.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 21:00:00

``daily_target`` gains ``set_by_name``, ``change_id`` (the change's idempotency key),
``station_id``, ``training``, ``sent_at`` and ``arrival``, and ``set_by`` may be null (a target
set on another kiosk or on the server has no officer here).  SQLite cannot drop a NOT NULL in
place, so the table is rebuilt with a fixed ``CREATE TABLE`` (a batch copy would write the
constraints in a different order at every run); the targets already here become changes of this
kiosk, not yet sent, each with a new id.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NEW = """
CREATE TABLE daily_target_new (
    id INTEGER NOT NULL,
    day DATE NOT NULL,
    residential_group VARCHAR(200) NOT NULL,
    target INTEGER NOT NULL,
    set_by VARCHAR(36),
    set_at DATETIME NOT NULL,
    set_by_name VARCHAR(100) NOT NULL,
    change_id VARCHAR(36) NOT NULL,
    station_id VARCHAR(64),
    training BOOLEAN NOT NULL,
    sent_at DATETIME,
    arrival INTEGER,
    CONSTRAINT pk_daily_target PRIMARY KEY (id),
    CONSTRAINT uq_daily_target_day_residential_group UNIQUE (day, residential_group),
    CONSTRAINT uq_daily_target_change_id UNIQUE (change_id),
    CONSTRAINT ck_daily_target_target CHECK (target >= 0),
    CONSTRAINT fk_daily_target_set_by_operator FOREIGN KEY(set_by) REFERENCES operator (id)
)
"""

_OLD = """
CREATE TABLE daily_target_new (
    id INTEGER NOT NULL,
    day DATE NOT NULL,
    residential_group VARCHAR(200) NOT NULL,
    target INTEGER NOT NULL,
    set_by VARCHAR(36) NOT NULL,
    set_at DATETIME NOT NULL,
    CONSTRAINT pk_daily_target PRIMARY KEY (id),
    CONSTRAINT uq_daily_target_day_residential_group UNIQUE (day, residential_group),
    CONSTRAINT ck_daily_target_target CHECK (target >= 0),
    CONSTRAINT fk_daily_target_set_by_operator FOREIGN KEY(set_by) REFERENCES operator (id)
)
"""

_UUID4 = (
    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || "
    "substr(lower(hex(randomblob(2))), 2) || '-8' || substr(lower(hex(randomblob(2))), 2) || "
    "'-' || lower(hex(randomblob(6)))"
)
"""A random lower-case UUID (version 4) in SQLite's SQL: the id of a target already here."""


def _swap() -> None:
    op.execute("DROP TABLE daily_target")
    op.execute("ALTER TABLE daily_target_new RENAME TO daily_target")


def upgrade() -> None:
    """Rebuild ``daily_target`` with the sync's columns; the targets here become unsent changes."""
    op.execute(_NEW)
    op.execute(
        "INSERT INTO daily_target_new (id, day, residential_group, target, set_by, set_at, "
        "set_by_name, change_id, station_id, training, sent_at, arrival) "
        "SELECT t.id, t.day, t.residential_group, t.target, t.set_by, t.set_at, "
        "(SELECT name FROM operator WHERE operator.id = t.set_by), "
        f"{_UUID4}, (SELECT id FROM station WHERE slot = 1), "
        "coalesce((SELECT training FROM station WHERE slot = 1), 0), NULL, NULL "
        "FROM daily_target AS t"
    )
    _swap()
    op.execute("CREATE INDEX ix_daily_target_arrival ON daily_target (arrival)")


def downgrade() -> None:
    """Back to the figures alone: targets set elsewhere (no officer here) go."""
    op.execute("DROP INDEX ix_daily_target_arrival")
    op.execute(_OLD)
    op.execute(
        "INSERT INTO daily_target_new (id, day, residential_group, target, set_by, set_at) "
        "SELECT id, day, residential_group, target, set_by, set_at FROM daily_target "
        "WHERE set_by IS NOT NULL"
    )
    _swap()
