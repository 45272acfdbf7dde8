"""Online backups with the SQLite backup API, encrypted with the same key, and restore.

The backup API copies pages from a live connection, so the kiosk can keep running; SQLCipher
re-encrypts each page for the destination, which is keyed with the same key before the copy.
Every backup is checked after writing (opens with the key, ``quick_check`` ok, not a plain file)
and only then renamed into place, so a backup file that exists is a good one.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kiosk.store.engine import connect_raw, is_plain_sqlite
from kiosk.store.errors import DatabaseKeyError, IntegrityCheckError

__all__ = ["BACKUP_GLOB", "backup_database", "check_backup", "prune_backups", "restore_database"]

BACKUP_PREFIX = "kiosk-"
BACKUP_GLOB = "kiosk-*.db"


def _fsync_dir(path: Path) -> None:
    """Make a rename durable (no-op where directories cannot be opened, e.g. Windows)."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _copy(src: Any, dest: Path, key: bytes | None) -> None:
    """Copy the live database of ``src`` into a new file ``dest`` with the backup API."""
    dst = connect_raw(dest, key, wal=False)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE").fetchone()
    finally:
        dst.close()


def check_backup(path: Path, key: bytes | None) -> str | None:
    """Open ``path`` with ``key``, run ``quick_check``; return its Alembic revision (None: empty).

    Raises :class:`DatabaseKeyError` or :class:`IntegrityCheckError` with a clear message.
    """
    if key is not None and is_plain_sqlite(path):
        raise DatabaseKeyError(f"{path} is not encrypted; refusing it as a kiosk backup")
    conn = connect_raw(path, key, wal=False, query_only=True)
    try:
        result = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
        if result != ["ok"]:
            raise IntegrityCheckError(f"{path} failed its integrity check: {result[0]}")
        has_version = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
        if not has_version:
            return None
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return None if row is None else str(row[0])
    finally:
        conn.close()


def backup_database(
    db_path: Path, key: bytes | None, dest_dir: Path, *, label: str = "manual"
) -> Path:
    """Write a checked backup of ``db_path`` into ``dest_dir``; return the new file's path."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    final = dest_dir / f"{BACKUP_PREFIX}{stamp}-{label}.db"
    partial = final.with_suffix(".partial")
    src = connect_raw(db_path, key, query_only=True)
    try:
        _copy(src, partial, key)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    try:
        check_backup(partial, key)
        with partial.open("rb+") as f:
            os.fsync(f.fileno())
        partial.replace(final)
        _fsync_dir(dest_dir)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return final


def prune_backups(dest_dir: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups (names sort by time); return what went."""
    backups = sorted(dest_dir.glob(BACKUP_GLOB))
    gone = backups[: max(0, len(backups) - keep)]
    for path in gone:
        path.unlink(missing_ok=True)
    return gone


def restore_database(backup: Path, db_path: Path, key: bytes | None) -> None:
    """Copy a checked backup into ``db_path`` through the backup API (the kiosk must be closed).

    A database that cannot be opened (damaged, or the reason for restoring) is moved aside
    with its WAL files first, never deleted.
    """
    check_backup(backup, key)
    if db_path.exists():
        try:
            connect_raw(db_path, key).close()
        except Exception:  # unreadable for any reason: keep it aside, restore the backup
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            for suffix in ("", "-wal", "-shm"):
                part = Path(f"{db_path}{suffix}")
                if part.exists():
                    shutil.move(part, Path(f"{db_path}.broken-{stamp}{suffix}"))
    db_path.parent.mkdir(parents=True, exist_ok=True)
    src = connect_raw(backup, key, wal=False, query_only=True)
    try:
        dst = connect_raw(db_path, key)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = WAL").fetchone()
            result = [row[0] for row in dst.execute("PRAGMA quick_check").fetchall()]
            if result != ["ok"]:
                raise IntegrityCheckError(f"the restored database failed its check: {result[0]}")
        finally:
            dst.close()
    finally:
        src.close()
