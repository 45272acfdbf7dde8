"""The lookup SQL uses its indexes (no table scans, no sort step), and the lookup connections close."""

from __future__ import annotations

import random

import pytest

from kiosk.store import Store, StoreError, lookups
from kiosk.store.registry import save_household, save_resident
from tests.store.fixtures import START
from tests.store.synthetic import make_resident


def _plan(store: Store, sql: str, args: tuple[object, ...]) -> str:
    with store.lookup_connection() as conn:
        rows = conn.execute(f"EXPLAIN QUERY PLAN {sql}", args).fetchall()
    return " | ".join(str(row[-1]) for row in rows)


@pytest.mark.parametrize(
    ("query", "args", "index"),
    [
        (lookups.BY_ID_NUMBER, {"id_number": "001090012345"}, "(id_number=?)"),
        (lookups.BY_NAME, {"low": "nguyen", "high": "nguyeo", "n": 20}, "ix_resident_search"),
        (lookups.BY_NAME_YEAR, {"low": "nguyen", "high": "nguyeo", "n": 20, "year": 1990},
         "ix_resident_search"),
        (lookups.VEHICLES_OF, {"rid": 1}, "ix_registry_vehicle_resident_id"),
        (lookups.LICENCES_OF, {"rid": 1}, "ix_registry_licence_resident_id"),
        (lookups.MEMBERS_OF, {"household": "hh-1", "id_number": "001090012345"},
         "ix_resident_household_id"),
        (lookups.VEHICLES_BY_PLATE, {"key": "30A12345"}, "ix_registry_vehicle_plate_key"),
        (lookups.LICENCES_BY_NUMBER, {"number": "010123456789"}, "ix_registry_licence_number"),
    ],
)  # fmt: skip
def test_lookups_use_their_index(
    store: Store, query: lookups._Sql, args: dict[str, object], index: str
) -> None:
    plan = _plan(store, query.text, query.args(**args))
    assert "USING INDEX" in plan
    assert index in plan
    assert "SCAN" not in plan


@pytest.mark.parametrize(
    ("query", "args"),
    [
        (lookups.BY_ID_NUMBER, {"id_number": "001090012345"}),
        (lookups.BY_NAME, {"low": "nguyen", "high": "nguyeo", "n": 20}),
        (lookups.BY_NAME_YEAR, {"low": "nguyen", "high": "nguyeo", "n": 20, "year": 1990}),
        (lookups.VEHICLES_BY_PLATE, {"key": "30A12345"}),
        (lookups.LICENCES_BY_NUMBER, {"number": "010123456789"}),
    ],
)
def test_the_household_comes_by_its_key(
    store: Store, query: lookups._Sql, args: dict[str, object]
) -> None:
    """Address and group cost one key lookup per row, and a resident without a home stays."""
    plan = _plan(store, query.text, query.args(**args))
    assert "SEARCH household USING INDEX sqlite_autoindex_household_1 (id=?) LEFT-JOIN" in plan


def test_by_id_is_four_small_queries_in_one_snapshot(store: Store) -> None:
    rng = random.Random(5)
    person = make_resident(rng, 1)
    with store.write() as session:
        save_household(session, {"id": "hh-1", "group": "Tổ 2", "address": "Ngõ 3"}, at=START)
        for i, born in ((1, "1970-01-01"), (2, "1999-12-31"), (3, "1950-06-15")):
            data = person if i == 1 else {**make_resident(rng, i), "birth_date": born}
            save_resident(
                session, {**data, "full_name": f"Người {i}"}, at=START, household_id="hh-1"
            )
    statements: list[str] = []
    with store.lookup_connection() as conn:
        conn.set_trace_callback(statements.append)
        try:
            record = lookups.resident_by_id_number(conn, person["id_number"])
        finally:
            conn.set_trace_callback(None)
    assert record is not None
    assert (record.address, record.residential_group) == ("Ngõ 3", "Tổ 2")
    assert record.household == ("Người 3", "Người 2")  # the others, oldest first
    assert statements[0] == "BEGIN" and statements[-1] == "COMMIT"
    assert len(statements) == 6


def test_name_search_needs_no_sort_of_all_matches(store: Store) -> None:
    """Rows come in index order, so LIMIT stops after 20 rows even when thousands match."""
    args = lookups.BY_NAME.args(low="nguyen", high="nguyeo", n=20)
    assert "TEMP B-TREE" not in _plan(store, lookups.BY_NAME.text, args)
    args = lookups.BY_NAME_YEAR.args(low="nguyen", high="nguyeo", n=20, year=1990)
    plan = _plan(store, lookups.BY_NAME_YEAR.text, args)
    assert "TEMP B-TREE FOR ORDER BY" not in plan  # at most a sort within one name


def test_lookup_connections_are_read_only_and_closed(store: Store) -> None:
    with store.lookup_connection() as conn:
        with pytest.raises(Exception, match="readonly"):
            conn.execute("DELETE FROM household")
        with store.lookup_connection() as again:
            assert again is conn  # one per thread
    store.close()
    with pytest.raises(StoreError), store.lookup_connection():
        pass


def test_checkpoint_empties_the_wal(store: Store) -> None:
    with store.write() as session:
        session.connection().exec_driver_sql("CREATE TABLE filler (x)")
    frames, copied = store.checkpoint()
    assert frames == copied
