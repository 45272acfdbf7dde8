"""Engines, transactions and migrations: SQLite (WAL) by default, PostgreSQL in production.

Writes go through :func:`run_write`: one transaction, retried when the database says a concurrent
writer got in the way (a PostgreSQL deadlock or serialisation failure, a busy SQLite file).  On SQLite
a write transaction starts with ``BEGIN IMMEDIATE`` so writers queue up front instead of failing
when a read lock cannot be upgraded, and the writers of one process take turns on a lock first:
SQLite's busy handler polls with growing sleeps, which under a steady stream of upload batches let
a writer starve for seconds while others got in.  Engines hide bound parameters from error messages: they would
carry personal data into logs.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, insert
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

log = logging.getLogger(__name__)

T = TypeVar("T")

MIGRATIONS = Path(__file__).with_name("migrations")
_WRITE_OPTION = "intake_write"
_RETRY_SQLSTATES = frozenset({"40P01", "40001"})  # deadlock detected, serialization failure
_ATTEMPTS = 5
_SQLITE_BUSY_MS = 30_000


def insert_for(conn: Connection, model: Any) -> sqlite.Insert | postgresql.Insert:
    """An INSERT in the connection's dialect, which has ``ON CONFLICT DO NOTHING`` on both."""
    if conn.dialect.name == "postgresql":
        return postgresql.insert(model)
    return sqlite.insert(model)


_WRITE_TURNS: weakref.WeakKeyDictionary[Engine, threading.RLock] = weakref.WeakKeyDictionary()
"""SQLite engines' write locks: one writer of the process at a time, the others asleep, not polling."""


def make_engine(url: str) -> Engine:
    """An engine for ``url`` with the pragmas, pool and transaction handling the server relies on."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url,
            hide_parameters=True,
            pool_size=10,
            max_overflow=30,
            connect_args={"check_same_thread": False, "timeout": _SQLITE_BUSY_MS / 1000},
        )
        _sqlite_events(engine)
        _WRITE_TURNS[engine] = threading.RLock()
        return engine
    return create_engine(
        url,
        hide_parameters=True,
        pool_size=10,
        max_overflow=30,
        pool_pre_ping=True,
        connect_args={"connect_timeout": 10},  # a dead database must not hang /v1/health
    )


def quick_read(engine: Engine) -> Connection:
    """A connection for a few reads that need no snapshot (a lookup): on PostgreSQL without a
    transaction, so that no ``BEGIN`` and ``COMMIT`` cost a round trip each.  Under an upload
    flood every round trip waits its turn for the processor (``bench/bench_load.py``)."""
    conn = engine.connect()
    if engine.dialect.name == "postgresql":
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
    return conn


def _sqlite_events(engine: Engine) -> None:
    """Take over pysqlite's transaction handling (SQLAlchemy's documented recipe) and set pragmas."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={_SQLITE_BUSY_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        write = conn.get_execution_options().get(_WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _retryable(exc: DBAPIError) -> bool:
    """A failure caused by a concurrent writer, worth running the transaction again."""
    sqlstate = getattr(exc.orig, "sqlstate", None)
    if sqlstate in _RETRY_SQLSTATES:
        return True
    return "database is locked" in str(exc.orig)


def run_write(engine: Engine, work: Callable[[Connection], T]) -> T:
    """Run ``work`` in one write transaction, again (a few times) if a concurrent writer broke it."""
    writer = engine.execution_options(**{_WRITE_OPTION: True})
    turn = _WRITE_TURNS.get(engine) or contextlib.nullcontext()
    for attempt in range(1, _ATTEMPTS + 1):
        try:
            with turn, writer.begin() as conn:
                return work(conn)
        except DBAPIError as exc:
            if attempt == _ATTEMPTS or not _retryable(exc):
                raise
            log.warning("write transaction retried after a concurrent writer (attempt %d)", attempt)
    raise AssertionError("unreachable")  # pragma: no cover


def bulk_insert(conn: Connection, model: Any, rows: list[dict[str, Any]]) -> None:
    """Insert many rows fast: ``COPY`` on PostgreSQL, ``executemany`` in chunks on SQLite."""
    if not rows:
        return
    table = model.__table__
    names = list(rows[0])
    if conn.dialect.name != "postgresql":
        for start in range(0, len(rows), 20_000):
            conn.execute(insert(table), rows[start : start + 20_000])
        return
    columns = ", ".join(f'"{name}"' for name in names)
    driver = conn.connection.driver_connection  # psycopg's, inside this very transaction
    assert driver is not None
    with (
        driver.cursor() as cursor,
        cursor.copy(f"COPY {table.name} ({columns}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row([row[name] for name in names])


def refresh_statistics(engine: Engine) -> None:
    """After a bulk load on PostgreSQL, fresh planner statistics (else it guesses badly)."""
    if engine.dialect.name != "postgresql":
        return
    with engine.connect() as conn:
        for table in ("household", "resident", "vehicle", "licence"):
            conn.exec_driver_sql(f"ANALYZE {table}")
        conn.commit()


def alembic_config() -> Config:
    """Alembic configuration pointing at the migrations inside the package (no alembic.ini)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("file_template", "%%(year)d_%%(month).2d_%%(day).2d_%%(rev)s_%%(slug)s")
    return config


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema (idempotent; safe to run at every start)."""
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
