"""Daily targets in the kiosk's store: set here (audited, waiting to be sent), numbered by the
server, and replaced by the server's targets only when they arrived later (issue 22, point 1)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from uuid import uuid4

import pytest
from sqlalchemy import select, text

from kiosk.exchange.protocol import TargetChange
from kiosk.store import Store
from kiosk.store.models import Station
from kiosk.store.targets import (
    MAX_TARGET,
    TargetRecord,
    apply_server_targets,
    last_arrival,
    mark_sent,
    pending_count,
    pending_targets,
    set_target,
    target_for,
    targets_between,
    ward_groups,
)
from tests.store.fixtures import START, FakeClock, add_operator

DAY = START.date()
GROUP = "Tổ dân phố 4"


def _station(store: Store) -> str:
    with store.reader() as conn:
        return str(conn.execute(select(Station.id)).scalar_one())


def _set(
    store: Store, at: datetime, target: int, *, day: date = DAY, group: str = GROUP
) -> TargetRecord:
    """``group``'s target for ``day`` set by the officer Hoa at ``at``."""
    with store.reader() as conn:
        known = conn.execute(text("SELECT 1 FROM operator WHERE id = 'op-hoa'")).first()
    actor = "op-hoa" if known else add_operator(store, "Hoa", "officer")
    with store.transaction() as conn:
        return set_target(
            conn, day=day, group=group, target=target, actor=actor, station_id=_station(store),
            at=at,
        )  # fmt: skip


def _server(target: int, arrival: int, *, change_id: str | None = None, day: date = DAY,
            group: str = GROUP) -> TargetChange:  # fmt: skip
    """A target as ``GET /v1/targets`` carries it, set on the server."""
    return TargetChange(
        id=change_id or str(uuid4()), group=group, day=day, target=target, set_by="Cán bộ phường",
        set_at=START, station_id=None, arrival=arrival,
    )  # fmt: skip


def _apply(store: Store, *changes: TargetChange) -> int:
    with store.transaction() as conn:
        return apply_server_targets(conn, changes, at=START)


def _figure(store: Store, day: date = DAY, group: str = GROUP) -> int | None:
    with store.reader() as conn:
        return target_for(conn, day, group)


def test_a_target_set_here_waits_and_is_audited_without_names(store: Store) -> None:
    record = _set(store, START, 40)
    assert (record.day, record.group, record.target) == (DAY, GROUP, 40)
    assert (record.set_by_name, record.station_id) == ("Hoa", _station(store))
    assert record.pending and record.arrival is None
    assert _figure(store) == 40
    with store.reader() as conn:
        assert [p.change_id for p in pending_targets(conn)] == [record.change_id]
        assert pending_count(conn) == 1
        rows = conn.execute(
            text("SELECT actor, subject, details FROM audit_event WHERE action = 'target.set'")
        ).all()
    assert [(r.actor, r.subject) for r in rows] == [("op-hoa", record.change_id)]
    details = json.loads(rows[0].details)
    assert details == {"group": GROUP, "day": DAY.isoformat(), "target": 40}
    assert "Hoa" not in rows[0].details


def test_setting_again_replaces_the_figure_with_a_new_change(
    store: Store, clock: FakeClock
) -> None:
    first = _set(store, START, 40)
    second = _set(store, clock.advance(minutes=5), 45)
    assert second.change_id != first.change_id
    assert _figure(store) == 45
    with store.reader() as conn:
        assert [p.change_id for p in pending_targets(conn)] == [second.change_id]
        assert (
            conn.execute(
                text("SELECT count(*) FROM audit_event WHERE action = 'target.set'")
            ).scalar()
            == 2
        )


@pytest.mark.parametrize("figure", [-1, MAX_TARGET + 1])
def test_a_figure_out_of_range_is_refused(store: Store, figure: int) -> None:
    with pytest.raises(ValueError, match="number of residents"):
        _set(store, START, figure)
    assert _figure(store) is None


def test_marked_sent_then_numbered_by_the_servers_list(store: Store) -> None:
    record = _set(store, START, 40)
    with store.transaction() as conn:
        assert mark_sent(conn, [record.change_id, str(uuid4())], at=START) == 1
    with store.reader() as conn:
        assert pending_targets(conn) == []
        assert last_arrival(conn) == 0  # the number comes with the server's list, not the answer
    _apply(store, _server(40, 12, change_id=record.change_id))
    with store.reader() as conn:
        assert last_arrival(conn) == 12
        (kept,) = targets_between(conn, DAY, DAY)
    assert (kept.arrival, kept.pending, kept.set_by_name) == (12, False, "Hoa")


def test_a_change_sent_but_not_yet_numbered_gives_way_to_the_servers(store: Store) -> None:
    record = _set(store, START, 40)
    with store.transaction() as conn:
        mark_sent(conn, [record.change_id], at=START)
    assert _apply(store, _server(44, 13)) == 1  # the server's current one arrived after ours
    assert _figure(store) == 44


def test_a_later_arrival_from_the_server_replaces_the_figure(store: Store) -> None:
    record = _set(store, START, 40)
    with store.transaction() as conn:
        mark_sent(conn, [record.change_id], at=START)
    _apply(store, _server(40, 12, change_id=record.change_id))
    assert _apply(store, _server(30, 11)) == 0  # arrived before ours: ours stays
    assert _figure(store) == 40
    assert _apply(store, _server(55, 14)) == 1
    assert _figure(store) == 55
    with store.reader() as conn:
        (kept,) = targets_between(conn, DAY, DAY)
        assert last_arrival(conn) == 14
    assert (kept.set_by_name, kept.station_id, kept.arrival) == ("Cán bộ phường", None, 14)


def test_a_change_not_yet_sent_wins_until_numbered(store: Store, clock: FakeClock) -> None:
    _apply(store, _server(30, 5))
    mine = _set(store, clock.advance(minutes=1), 60)
    assert _apply(store, _server(35, 9)) == 0  # ours will arrive after 9
    assert _figure(store) == 60
    with store.reader() as conn:
        assert [p.change_id for p in pending_targets(conn)] == [mine.change_id]


def test_our_own_change_coming_back_takes_its_number(store: Store) -> None:
    mine = _set(store, START, 60)  # sent, but the kiosk died before saving the answer
    assert _apply(store, _server(60, 21, change_id=mine.change_id)) == 0
    with store.reader() as conn:
        (kept,) = targets_between(conn, DAY, DAY)
        assert pending_targets(conn) == []
    assert (kept.change_id, kept.arrival, kept.target) == (mine.change_id, 21, 60)


def test_targets_of_other_groups_and_days_are_added(store: Store) -> None:
    tomorrow = DAY + timedelta(days=1)
    _apply(store, _server(10, 3, group="Tổ dân phố 9"), _server(12, 4, day=tomorrow))
    with store.reader() as conn:
        found = [(t.day, t.group, t.target) for t in targets_between(conn, DAY, tomorrow)]
        groups = ward_groups(conn)
    assert found == [(DAY, "Tổ dân phố 9", 10), (tomorrow, GROUP, 12)]
    assert {"Tổ dân phố 9", GROUP} <= set(groups)


def test_a_training_stations_targets_are_never_sent(store: Store) -> None:
    with store.transaction() as conn:
        conn.execute(text("UPDATE station SET training = 1"))
    _set(store, START, 40)
    assert _figure(store) == 40
    with store.reader() as conn:
        assert pending_targets(conn) == []
        assert pending_count(conn) == 0
