"""The lookup SQL uses its indexes (no table scans, no sort step), and the lookup connections close."""

from __future__ import annotations

import pytest

from kiosk.store import Store, StoreError, lookups


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
