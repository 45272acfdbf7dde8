"""The store: opens the database (key, checks, backup, migrations) and hands out units of work.

Start-up order (DESIGN.md §4): key -> open -> ``quick_check`` if the last run did not close
cleanly (a marker file beside the database says so) -> backup when a migration is pending ->
migrations -> station row.  A failed check puts the store into "no writes": every new connection
gets ``PRAGMA query_only`` and :meth:`Store.write` refuses with a clear message.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from kiosk.store import backup as backups
from kiosk.store.audit import append_event
from kiosk.store.engine import WRITE_OPTION, connect_raw, make_engine
from kiosk.store.errors import (
    DiskFullError,
    IntegrityCheckError,
    StoreBusyError,
    StoreError,
    StoreIOError,
    StoreReadOnlyError,
)
from kiosk.store.first_look import open_marker
from kiosk.store.keys import load_or_create_key
from kiosk.store.station import ensure_station

if TYPE_CHECKING:
    from kiosk.config import Config

__all__ = ["Store", "existing_key", "open_store", "store_for"]

log = logging.getLogger(__name__)

Now = Callable[[], datetime]


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _translate(exc: Exception) -> StoreError | None:
    """Known environment faults of SQLite, as errors an officer can act on."""
    text = str(exc.orig if isinstance(exc, OperationalError) else exc).lower()
    if "locked" in text or "busy" in text:
        return StoreBusyError("the database is busy in another program; try again")
    if "full" in text:
        return DiskFullError("the disk is full: nothing was saved; free some space")
    if "disk i/o" in text:
        return StoreIOError("the disk reported an error while saving; check the disk")
    return None


DRIVER_ERRORS = (sqlite3.OperationalError, sqlcipher3.OperationalError)
"""The drivers' own error types (SQL sent to the driver directly, past SQLAlchemy)."""


@contextlib.contextmanager
def _known_faults() -> Iterator[None]:
    """Raise SQLite's known environment faults as :func:`_translate` words them; others as they are."""
    try:
        yield
    except OperationalError as exc:
        known = _translate(exc)
        if known is None:
            raise
        raise known from exc
    except DRIVER_ERRORS as exc:
        # the capture and audit paths speak to the driver directly: its own error type
        known = _translate(exc)
        if known is None:
            raise
        raise known from exc


class Store:
    """One open database: read and write units of work, checks, backups; close it when done."""

    def __init__(
        self,
        path: Path,
        key: bytes | None,
        *,
        busy_timeout_ms: int = 5000,
        backups_dir: Path | None = None,
        backups_keep: int = 10,
        now: Now = _utc_now,
    ) -> None:
        self.path = path
        self.encrypted = key is not None
        self.backups_dir = backups_dir or path.parent / "backups"
        self.backups_keep = backups_keep
        self._key = key
        self._busy_timeout_ms = busy_timeout_ms
        self._now = now
        self.read_only_reason: str | None = None
        self.unclean_start = False
        self.engine: Engine = make_engine(
            path, key, busy_timeout_ms=busy_timeout_ms, query_only=lambda: self.read_only
        )
        self._writer = self.engine.execution_options(**{WRITE_OPTION: True})
        self._readers = sessionmaker(self.engine, expire_on_commit=False)
        self._writers = sessionmaker(self._writer, expire_on_commit=False)
        self._closed = False
        self._marker_written = False
        self._local = threading.local()
        self._lookup_conns: list[Any] = []
        self._lock = threading.Lock()

    # --- state -----------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        """True once writes have stopped (failed integrity check)."""
        return self.read_only_reason is not None

    @property
    def marker(self) -> Path:
        """Present while the store is open; found at start it means the last run crashed."""
        return open_marker(self.path)

    def stop_writes(self, reason: str) -> None:
        """Refuse every write from now on: pooled connections go, new ones are query-only."""
        self.read_only_reason = reason
        self.engine.dispose()
        log.error("store: writes stopped: %s", reason)

    # --- units of work ---------------------------------------------------------------------

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading (plain ``BEGIN``: never blocks writers in WAL mode)."""
        with self._readers() as session:
            yield session

    @contextlib.contextmanager
    def reader(self) -> Iterator[Connection]:
        """A Core connection for reading (reports, lists); lookups use :meth:`lookup_connection`."""
        with self.engine.connect() as conn:
            yield conn

    def _check_writable(self) -> None:
        if self.read_only_reason is not None:
            raise StoreReadOnlyError(
                "the database is read-only because "
                + self.read_only_reason
                + "; nothing can be saved until it is repaired or restored"
            )

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """An ORM session in ``BEGIN IMMEDIATE``; commits on success, rolls back on any error."""
        self._check_writable()
        with _known_faults(), self._writers.begin() as session:
            yield session

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A Core connection in ``BEGIN IMMEDIATE`` (no ORM session: the capture and audit path)."""
        self._check_writable()
        with _known_faults(), self._writer.begin() as conn:
            yield conn

    @contextlib.contextmanager
    def lookup_connection(self) -> Iterator[Any]:
        """This thread's read-only DB-API connection for the lookups' compiled SQL (not nestable).

        Kept open for the store's lifetime: a lookup then costs no pool checkout or ORM work.
        """
        if self._closed:
            raise StoreError("the store is closed")
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect_raw(
                self.path, self._key, busy_timeout_ms=self._busy_timeout_ms, query_only=True
            )
            with self._lock:
                self._lookup_conns.append(conn)
            self._local.conn = conn
        yield conn

    def raw_connection(self) -> Any:
        """A pooled DB-API connection (for bulk loads); close it to give it back."""
        return self.engine.raw_connection()

    # --- checks and backups -------------------------------------------------------------------

    def quick_check(self) -> None:
        """``PRAGMA quick_check`` on its own connection; on failure stop writes and raise."""
        try:
            conn = connect_raw(self.path, self._key, query_only=True)
        except StoreError as exc:  # damage can reach the schema itself
            result = [str(exc)]
        else:
            try:
                result = [row[0] for row in conn.execute("PRAGMA quick_check").fetchall()]
            except Exception as exc:  # SQLite reports some damage as an error, not as rows
                result = [f"{type(exc).__name__}: {exc}"]
            finally:
                conn.close()
        if result != ["ok"]:
            reason = f"its integrity check failed ({result[0]})"
            self.stop_writes(reason)
            raise IntegrityCheckError(
                f"The database {self.path} is damaged: {result[0]}. Writing has been stopped to "
                "protect what is there; restore the last backup with `kiosk restore`."
            )

    def checkpoint(self) -> tuple[int, int]:
        """Copy the WAL into the database file now; ``(frames in WAL, frames copied)``.

        PASSIVE: it never waits for readers or the writer.  The app runs it on the database
        worker when idle (after a sync, every few minutes), so a save does not pay for SQLite's
        automatic checkpoint (every 1000 pages), which stays on as the fallback.
        """
        raw = self.engine.raw_connection()
        try:
            driver = raw.driver_connection
            assert driver is not None
            _, frames, copied = driver.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        finally:
            raw.close()
        return int(frames), int(copied)

    def backup(self, dest_dir: Path | None = None, *, label: str = "manual") -> Path:
        """A checked, encrypted backup into ``dest_dir`` (default: the backups dir)."""
        return backups.backup_database(
            self.path, self._key, dest_dir or self.backups_dir, label=label
        )

    def migrate(self) -> bool:
        """Upgrade to head; a non-empty database is backed up first.  True if anything ran."""
        from kiosk.store import migrate  # Alembic is imported only when there is work for it

        todo = migrate.pending(self.engine)
        if todo is None:
            return False
        current, head = todo
        if not migrate.known_revision(current):
            raise StoreError(
                f"the database is at schema {current}, newer than this kiosk ({head}); "
                "install the newer kiosk version"
            )
        if self.read_only:
            raise StoreReadOnlyError("a migration is pending but the database is read-only")
        if current is not None:
            self.backup(label="pre-migrate")
            backups.prune_backups(self.backups_dir, self.backups_keep)
        migrate.upgrade(self.engine)
        with self.write() as session:
            details = {"from": current, "to": head}
            append_event(
                session, at=self._now(), actor=None, action="store.migrate", details=details
            )
        return True

    # --- life cycle ------------------------------------------------------------------------

    def open(self, *, run_migrations: bool = True) -> Store:
        """Check after a crash, migrate, make the station row, write the open marker."""
        if self.marker.exists():
            self.unclean_start = True
            log.warning("store: the last run did not close cleanly; running quick_check")
            with contextlib.suppress(IntegrityCheckError):  # state kept in read_only_reason
                self.quick_check()
        if run_migrations:
            self.migrate()
            if not self.read_only:
                with self.write() as session:
                    ensure_station(session, at=self._now())
        self.marker.write_text(str(os.getpid()), encoding="ascii")
        self._marker_written = True
        if not self.encrypted:
            log.warning(
                "store: encryption is OFF (encrypt = false): personal data is not protected"
            )
        return self

    def close(self) -> None:
        """Dispose of every connection and remove the open marker (a clean shutdown)."""
        if self._closed:
            return
        self._closed = True
        with self._lock:
            for conn in self._lookup_conns:
                conn.close()
            self._lookup_conns.clear()
        self.engine.dispose()
        if self._marker_written:
            self.marker.unlink(missing_ok=True)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def existing_key(config: Config) -> bytes | None:
    """The key of the existing database (never a new one); None when it is not encrypted."""
    if not config.encrypt:
        return None
    return load_or_create_key(config.config_dir, store=config.key_store, create=False)


def store_for(config: Config, key: bytes | None, *, now: Now = _utc_now) -> Store:
    """A :class:`Store` on ``config``'s database with its settings (not opened yet)."""
    return Store(
        config.db_path,
        key,
        busy_timeout_ms=config.busy_timeout_ms,
        backups_dir=config.backups_dir,
        backups_keep=config.backups_keep,
        now=now,
    )


def open_store(config: Config, *, run_migrations: bool = True, now: Now = _utc_now) -> Store:
    """Open the store ``config`` describes: key (created at first start), checks, migrations."""
    path = config.db_path
    path.parent.mkdir(parents=True, exist_ok=True)
    key = None
    if config.encrypt:
        key = load_or_create_key(
            config.config_dir, store=config.key_store, create=not path.exists()
        )
    store = store_for(config, key, now=now)
    try:
        connect_raw(path, key, busy_timeout_ms=config.busy_timeout_ms).close()
        return store.open(run_migrations=run_migrations)
    except BaseException:
        store.close()
        raise
