"""Visit outcomes in the kiosk's store: recorded, in history, the deciding one by the server's
order of arrival (then, unsent, by the time recorded), kept from roster pages by id."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import select, text, update

from kiosk.exchange.protocol import RosterOutcome
from kiosk.store import Store
from kiosk.store.models import Station, VisitOutcome
from kiosk.store.outcomes import (
    OutcomeRecord,
    apply_roster_outcomes,
    history,
    latest_outcomes,
    mark_sent,
    pending_count,
    pending_outcomes,
    record_outcome,
)
from tests.store.fixtures import START, FakeClock, add_operator

HOME = "hh-0001"
MEMBER = "001188012345"
NOTE = "Bà cụ ở nhà con gái bên Gia Lâm"


def _station(store: Store) -> str:
    with store.reader() as conn:
        return str(conn.execute(select(Station.id)).scalar_one())


def _record(
    store: Store,
    at: datetime,
    outcome: str = "absent",
    *,
    member: str | None = None,
    come_back_on: date | None = None,
    note: str | None = None,
) -> OutcomeRecord:
    """An outcome about HOME (or ``member``) recorded by the volunteer Lan at ``at``."""
    with store.reader() as conn:
        known = conn.execute(text("SELECT 1 FROM operator WHERE id = 'op-lan'")).first()
    actor = "op-lan" if known else add_operator(store, "Lan", "volunteer")
    with store.transaction() as conn:
        return record_outcome(
            conn, household_id=HOME, resident_id_number=member, outcome=outcome,
            come_back_on=come_back_on, note=note, actor=actor, station_id=_station(store),
            session_id=None, at=at,
        )  # fmt: skip


def test_an_outcome_is_recorded_with_who_and_when(store: Store, clock: FakeClock) -> None:
    record = _record(store, START, "come_back", come_back_on=date(2025, 11, 24), note=f"  {NOTE}\n")
    assert (record.household_id, record.resident_id_number) == (HOME, None)
    assert (record.outcome, record.come_back_on, record.note) == (
        "come_back",
        date(2025, 11, 24),
        NOTE,
    )
    assert (record.recorded_by, record.recorded_at, record.station_id) == (
        "Lan",
        START,
        _station(store),
    )
    assert (record.sent_at, record.arrival, record.final) == (None, None, False)
    with store.reader() as conn:
        assert pending_outcomes(conn) == [record]


def test_rules_of_an_outcome(store: Store) -> None:
    with pytest.raises(ValueError, match="unknown"):
        _record(store, START, "gone")
    with pytest.raises(ValueError, match="come back"):
        _record(store, START, "come_back")
    with pytest.raises(ValueError, match="come back"):
        _record(store, START, "absent", come_back_on=date(2025, 11, 24))
    with pytest.raises(ValueError, match="500"):
        _record(store, START, "absent", note="x" * 501)
    with store.reader() as conn:
        assert history(conn, HOME) == []


def test_history_latest_first_and_the_unsent_decide_by_time(store: Store, clock: FakeClock) -> None:
    first = _record(store, clock.advance(minutes=1), "absent")
    member = _record(store, clock.advance(minutes=1), "refused", member=MEMBER)
    last = _record(store, clock.advance(minutes=1), "come_back", come_back_on=date(2025, 11, 23))
    with store.reader() as conn:
        assert [r.id for r in history(conn, HOME)] == [last.id, member.id, first.id]
        latest = latest_outcomes(conn)
        assert latest[(HOME, None)].id == last.id
        assert latest[(HOME, MEMBER)].id == member.id and latest[(HOME, MEMBER)].final
        assert latest_outcomes(conn, ["hh-other"]) == {}


def test_the_order_of_arrival_decides_not_the_kiosk_clock(store: Store, clock: FakeClock) -> None:
    late = _record(store, clock.advance(minutes=30), "absent")  # recorded later by this clock …
    early = _record(store, clock.advance(minutes=-20), "moved_away")  # … than this one
    with store.reader() as conn:
        assert latest_outcomes(conn)[(HOME, None)].id == late.id  # unsent: the time recorded
    with store.transaction() as conn:
        mark_sent(conn, {late.id: 7, early.id: 9}, at=clock())  # but it reached the server first
    with store.reader() as conn:
        assert {r.sent_at for r in history(conn, HOME)} == {clock()}
        assert latest_outcomes(conn)[(HOME, None)].id == early.id
        assert [r.id for r in history(conn, HOME)] == [early.id, late.id]  # both stay
        assert pending_outcomes(conn) == [] and pending_count(conn) == 0
    newer = _record(store, clock.advance(minutes=-60), "absent")  # unsent: after every numbered
    with store.reader() as conn:
        assert latest_outcomes(conn)[(HOME, None)].id == newer.id


def test_the_audit_names_the_kind_only(store: Store) -> None:
    record = _record(store, START, "refused", member=MEMBER, note=NOTE)
    with store.reader() as conn:
        rows = conn.execute(
            text("SELECT subject, details FROM audit_event WHERE action = 'outcome.record'")
        ).all()
    assert [(subject, json.loads(details)) for subject, details in rows] == [
        (record.id, {"outcome": "refused"})
    ]
    dump = json.dumps([tuple(r) for r in rows], ensure_ascii=False)
    assert NOTE not in dump and MEMBER not in dump


def test_roster_outcomes_are_kept_by_id(store: Store, clock: FakeClock) -> None:
    mine = _record(store, START, "absent")
    station = _station(store)
    remote = RosterOutcome(
        id="5f0c2a4e-8d2b-4c51-9a43-3a1f7e0b6c11", id_number=MEMBER, outcome="moved_away",
        come_back_on=None, note=None, recorded_at=START, recorded_by="Minh", station_id="st-b",
        arrival=4,
    )  # fmt: skip
    mine_there = RosterOutcome(
        id=mine.id, id_number=None, outcome="absent", come_back_on=None, note=None,
        recorded_at=START, recorded_by="Lan", station_id=station, arrival=5,
    )  # fmt: skip
    at = clock.advance(minutes=5)
    for _ in range(2):  # the same page twice: nothing doubles
        with store.transaction() as conn:
            assert apply_roster_outcomes(conn, [(HOME, remote), (HOME, mine_there)], at=at) == 2
    with store.reader() as conn:
        found = {r.id: r for r in history(conn, HOME)}
        assert pending_outcomes(conn) == []  # the page is the server's word: mine is there
    assert len(found) == 2
    assert (found[mine.id].arrival, found[mine.id].sent_at, found[mine.id].note) == (5, at, None)
    assert (found[remote.id].recorded_by, found[remote.id].station_id) == ("Minh", "st-b")
    assert (found[remote.id].session_id, found[remote.id].arrival) == (None, 4)
    with store.reader() as conn:
        assert latest_outcomes(conn, [HOME])[(HOME, None)].id == mine.id  # numbered last


def test_a_training_stations_outcomes_are_never_pending(store: Store) -> None:
    with store.transaction() as conn:
        conn.execute(update(Station).values(training=True))
    _record(store, START, "absent")
    with store.reader() as conn:
        assert pending_outcomes(conn) == [] and pending_count(conn) == 0
        assert conn.execute(select(VisitOutcome.training)).scalars().all() == [True]
