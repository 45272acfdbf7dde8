"""A first look at the database for the first screen, without SQLAlchemy or Alembic.

The full open (:func:`kiosk.store.open_store`) costs half a second of imports before it reads a
row. The sign-in screen needs three small things: the schema is current, whether the station is
in training mode, and the operators' names. They are read here on one plain, read-only DB-API
connection, so the screen can be drawn while the full open runs behind it. Anything unusual (no
database, the last run crashed, a migration pending, no operator yet, the key in the OS keyring,
any error) answers None, and the caller takes the ordinary road: open (check, back up, migrate)
first, then the screen. Nothing is ever written here.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from kiosk.store.engine import connect_raw
from kiosk.store.keys import key_file_key
from kiosk.store.migrate import script_head, stored_revisions

if TYPE_CHECKING:
    from kiosk.config import Config

__all__ = ["FirstLook", "OperatorTile", "first_look", "open_marker"]

log = logging.getLogger(__name__)

BUSY_MS = 200
"""The UI thread runs the first look before the first paint: a busy database is not waited for
(the answer is None, and the full open waits on the worker instead)."""


def open_marker(db_path: Path) -> Path:
    """The file present while the store is open: found at start, the last run crashed."""
    return db_path.with_name(db_path.name + ".open")


class OperatorTile(NamedTuple):
    """An active operator as the sign-in screen shows it (no PIN material, no lockout state)."""

    id: str
    name: str
    role: str
    must_change_pin: bool


class FirstLook(NamedTuple):
    """What the sign-in screen shows before the store is fully open."""

    training: bool
    operators: tuple[OperatorTile, ...]
    """The active operators, ordered by name as ``AuthService.operators()`` orders them."""


def first_look(config: Config) -> FirstLook | None:
    """The sign-in screen's data if the database is ready for it, else None (open it first)."""
    path = config.db_path
    if not path.exists() or open_marker(path).exists():
        return None  # first start, or a crash: the full open checks and creates things first
    head = script_head()
    if head is None:
        return None
    try:
        key = None
        if config.encrypt:
            # The key file only: a key kept in the OS keyring waits for the full open on the
            # worker (keyring's discovery alone would cost the first frame about 160 ms).
            key = None if config.key_store == "keyring" else key_file_key(config.config_dir)
            if key is None:
                return None
        conn = connect_raw(path, key, busy_timeout_ms=BUSY_MS, query_only=True, wal=False)
    except Exception as exc:  # the full open says what is wrong, in words, with a retry
        log.info("first look: the database did not open (%s)", type(exc).__name__)
        return None
    try:
        if stored_revisions(conn) != (head,):
            return None
        station = conn.execute("SELECT training FROM station WHERE slot = 1").fetchone()
        rows = conn.execute(
            "SELECT id, name, role, must_change_pin, active FROM operator ORDER BY name"
        ).fetchall()
    except Exception as exc:
        log.info("first look: the database could not be read (%s)", type(exc).__name__)
        return None
    finally:
        conn.close()
    if station is None or not rows:
        return None  # no station row or no operator yet: the first-start setup comes first
    operators = tuple(
        OperatorTile(str(id_), str(name), str(role), bool(must_change))
        for id_, name, role, must_change, active in rows
        if active
    )
    return FirstLook(training=bool(station[0]), operators=operators)
