"""Opening the database: SQLCipher with a raw key, WAL, full sync, foreign keys, a busy timeout.

The driver is the ``sqlcipher3`` module of the **sqlcipher3-wheels** distribution: of the three
candidates it is the one with binary wheels for both Windows x64 (``win_amd64``) and Linux x86-64
(``manylinux``) for CPython 3.11+, SQLCipher statically linked (no system library, no compiler on
the kiosk).  ``sqlcipher3-binary`` has Linux wheels only; ``sqlcipher3`` has Windows wheels only.

SQLAlchemy gets connections from :func:`connect_raw` through ``creator=``, with the ``sqlcipher3``
module as its DB-API module so its errors are wrapped as usual.  Every connection is in the
driver's autocommit mode and SQLAlchemy emits ``BEGIN`` itself: ``BEGIN IMMEDIATE`` for the write
unit of work, so two writers queue on the busy timeout instead of failing on a lock upgrade.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlcipher3

from kiosk.store.errors import DatabaseKeyError, IntegrityCheckError
from kiosk.store.keys import hex_key

if TYPE_CHECKING:  # SQLAlchemy is imported by make_engine: connect_raw alone must stay light
    from sqlalchemy import Engine
    from sqlalchemy.engine import Connection

__all__ = ["PLAIN_HEADER", "connect_raw", "is_plain_sqlite", "json_text", "make_engine"]

log = logging.getLogger(__name__)

PLAIN_HEADER = b"SQLite format 3\x00"
"""The first 16 bytes of every unencrypted SQLite file."""

WRITE_OPTION = "kiosk_write"
CACHE_KIB = 32 * 1024
"""Page cache per connection: decrypted pages stay in memory (SQLite's default is 2 MiB)."""


def is_plain_sqlite(path: Path) -> bool:
    """Tell whether ``path`` starts with the plain SQLite header (an unencrypted database)."""
    try:
        with path.open("rb") as f:
            return f.read(16) == PLAIN_HEADER
    except FileNotFoundError:
        return False


def _key_error(path: Path, key: bytes | None) -> DatabaseKeyError:
    """The clear message for a file this kiosk cannot read."""
    if key is None:
        if not is_plain_sqlite(path):
            return DatabaseKeyError(
                f"{path} is encrypted or is not a database, and encryption is switched off "
                "(encrypt = false): switch encryption on to open an encrypted kiosk database"
            )
        return DatabaseKeyError(f"{path} is not a readable SQLite database")
    if is_plain_sqlite(path):
        return DatabaseKeyError(
            f"{path} is a plain, unencrypted SQLite file, not an encrypted kiosk database "
            "(set encrypt = false only if it is meant to be plain)"
        )
    return DatabaseKeyError(
        f"{path} cannot be opened with this kiosk's key: the key is wrong (another kiosk's "
        "database or a lost key) or the file is not a kiosk database"
    )


def _page_one_decrypts(path: Path, key: bytes) -> bool:
    """After a failed open: True when the key is right (page 1 decrypts) but later pages do not.

    ``PRAGMA user_version`` reads only the header on page 1, which a wrong key cannot decrypt.
    """
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{hex_key(key)}'\"")
        conn.execute("PRAGMA user_version").fetchone()
    except sqlcipher3.DatabaseError:
        return False
    finally:
        conn.close()
    return True


def connect_raw(
    path: Path,
    key: bytes | None,
    *,
    busy_timeout_ms: int = 5000,
    query_only: bool = False,
    wal: bool = True,
) -> Any:
    """A DB-API connection with the key applied first, then the pragmas of DESIGN.md §4.

    ``key=None`` gives a plain ``sqlite3`` connection (``encrypt = false``).  Raises
    :class:`DatabaseKeyError` when the file cannot be read with that key.
    """
    module = _dbapi(key)
    conn = module.connect(
        str(path), timeout=busy_timeout_ms / 1000, isolation_level=None, check_same_thread=False
    )
    try:
        if key is not None:
            conn.execute("PRAGMA cipher_log_level = NONE")  # we raise our own clear error
            conn.execute(f"PRAGMA key = \"x'{hex_key(key)}'\"")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except module.DatabaseError:
            if key is not None and not is_plain_sqlite(path) and _page_one_decrypts(path, key):
                raise IntegrityCheckError(
                    f"{path} opens with this kiosk's key but is damaged; restore the last "
                    "backup with `kiosk restore`"
                ) from None
            raise _key_error(path, key) from None
        if wal:
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute(f"PRAGMA cache_size = {-CACHE_KIB}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        if query_only:
            conn.execute("PRAGMA query_only = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def _dbapi(key: bytes | None) -> Any:
    """SQLCipher's DB-API module, or plain ``sqlite3`` for ``encrypt = false`` (imported only then:
    the first look at the database runs before the first frame)."""
    if key is not None:
        return sqlcipher3
    import sqlite3

    return sqlite3


def json_text(value: Any) -> str:
    """JSON columns as compact UTF-8 text (Vietnamese stays one character, not a \\u escape)."""
    import json  # only SQLAlchemy's engine calls this, long after the first frame

    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def make_engine(
    path: Path,
    key: bytes | None,
    *,
    busy_timeout_ms: int = 5000,
    query_only: Callable[[], bool] | None = None,
) -> Engine:
    """An engine whose connections come from :func:`connect_raw`; ``query_only()`` is asked per
    new connection, so a store that stops writes only has to dispose of its pool."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.exc import OperationalError
    from sqlalchemy.pool import QueuePool

    def creator() -> Any:
        stop = query_only() if query_only is not None else False
        return connect_raw(path, key, busy_timeout_ms=busy_timeout_ms, query_only=stop)

    module = _dbapi(key)
    engine = create_engine(
        f"sqlite+pysqlite:///{path}",  # the path only tells SQLAlchemy this is a file database
        module=module,
        json_serializer=json_text,
        creator=creator,
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        """``BEGIN IMMEDIATE`` for writers (take the write lock up front), ``BEGIN`` for readers."""
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        driver = conn.connection.driver_connection  # straight to the driver: no statement overhead
        assert driver is not None
        try:
            driver.execute("BEGIN IMMEDIATE" if write else "BEGIN")
        except module.OperationalError as exc:  # busy past the timeout: SQLAlchemy's error type
            raise OperationalError("BEGIN", (), exc) from exc

    return engine
