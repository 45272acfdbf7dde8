"""Rules held by the database itself: foreign keys, unique keys, CHECK constraints."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError

from kiosk.config import Config
from kiosk.store import Store, StoreBusyError, StoreReadOnlyError
from kiosk.store.keys import load_or_create_key
from kiosk.store.models import DailyTarget, EveningSession, Operator, Resident, Station
from tests.store.fixtures import START, add_operator


def _fails(store: Store, *rows: object) -> None:
    with pytest.raises(IntegrityError), store.write() as session:
        session.add_all(rows)


def test_foreign_keys_are_enforced(store: Store) -> None:
    _fails(store, EveningSession(id="s1", residential_group="Tổ 5", opened_at=START,
                                 opened_by="nobody"))  # fmt: skip


def test_checks_and_unique_keys(store: Store) -> None:
    officer = add_operator(store, "Hoa", "officer")
    _fails(store, Operator(id="x", name="X", role="admin", pin_hash=b"-", pin_salt=b"-" * 16,
                           pin_params="-", created_at=START))  # fmt: skip
    _fails(store, Operator(id="y", name="Hoa", role="volunteer", pin_hash=b"-",
                           pin_salt=b"-" * 16, pin_params="-", created_at=START))  # fmt: skip
    _fails(store, Station(id="st-2", slot=1, created_at=START))  # only one station row
    _fails(store, Resident(id_number="123", full_name="A", search_key="a", birth_date=date(1990, 1, 1),
                           birth_year=1990, sex="male", updated_at=START))  # fmt: skip
    target = {"day": date(2025, 11, 22), "residential_group": "Tổ 5", "set_by": officer}
    with store.write() as session:
        session.add(DailyTarget(target=40, set_at=START, **target))
    _fails(store, DailyTarget(target=50, set_at=START, **target))
    _fails(store, DailyTarget(target=-1, set_at=START, **{**target, "residential_group": "Tổ 6"}))
    _fails(store, EveningSession(id="s2", residential_group="Tổ 5", opened_at=START,
                                 opened_by=officer, closed_at=START))  # fmt: skip


def test_read_only_store_refuses_every_kind_of_write(store: Store) -> None:
    store.stop_writes("a test said so")
    with pytest.raises(StoreReadOnlyError), store.transaction():
        pass
    with pytest.raises(StoreReadOnlyError), store.write():
        pass
    with store.engine.connect() as conn, pytest.raises(Exception, match="readonly"):
        conn.exec_driver_sql("DELETE FROM household")


def test_a_second_writer_waits_then_gets_a_clear_busy_error(store: Store, config: Config) -> None:
    key = load_or_create_key(config.config_dir, store="file", create=False)
    other = Store(store.path, key, busy_timeout_ms=100)
    try:
        with store.transaction() as conn:
            conn.exec_driver_sql("DELETE FROM household")
            with pytest.raises(StoreBusyError, match="busy"), other.transaction():
                pass
        with other.transaction() as conn:  # the lock is free again: the pool is still usable
            conn.exec_driver_sql("DELETE FROM household")
    finally:
        other.close()
