"""The households query (kiosk.store.households): every status reachable, who counts, who is done,
the latest outcome by the server's order of arrival, outcomes about households no longer on the
roster, the order of the rows."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from sqlalchemy import update

from kiosk.store import Store
from kiosk.store import submissions as subs
from kiosk.store.households import NOT_YET_DONE, HouseholdRow, household_rows
from kiosk.store.models import Resident, VisitOutcome
from kiosk.store.outcomes import history, record_outcome
from kiosk.store.registry import save_household, save_resident
from tests.store.fixtures import START, FakeClock, add_operator
from tests.store.synthetic import make_resident
from tests.strategies.payloads import make_payload
from tests.strategies.payloads import make_resident as payload_resident

GROUP = "Tổ dân phố 2"
ACK = ["licence.expiry_unconfirmed"]
_made = [0]


def _person(*, on_file: bool = True, cleaned: bool = False) -> dict[str, Any]:
    """A synthetic resident with a car and a licence on file (or nothing), accepted or not."""
    _made[0] += 1
    person = make_resident(random.Random(_made[0]), 500 + _made[0])
    if not on_file:
        person["vehicles"], person["licences"] = [], []
    if cleaned:
        person["cleaned"] = {"at": "2025-11-21T19:00:00+07:00", "station_id": "st-other"}
    return person


def _household(
    store: Store, home: str, people: list[dict[str, Any]], *, group: str = GROUP, address: str = ""
) -> list[str]:
    """A household of ``people`` in the roster cache; their ID numbers."""
    with store.write() as session:
        where = address or f"Số 1 ngõ 2 phố Huế, {home}"
        save_household(session, {"id": home, "group": group, "address": where}, at=START)
        for person in people:
            save_resident(session, person, at=START, household_id=home)
    return [p["id_number"] for p in people]


def _outcome(
    store: Store, clock: FakeClock, actor: str, home: str, kind: str, member: str | None = None
) -> str:
    with store.transaction() as conn:
        record = record_outcome(
            conn, household_id=home, resident_id_number=member, outcome=kind,
            come_back_on=clock().date() + timedelta(days=1) if kind == "come_back" else None,
            actor=actor, station_id="st-here", session_id=None, at=clock(),
        )  # fmt: skip
    clock.advance(minutes=1)
    return record.id


def _sent(
    store: Store, clock: FakeClock, person: dict[str, Any], volunteer: str, officer: str
) -> None:
    """A submission of ``person`` this kiosk sent (the server accepted it)."""
    resident = payload_resident(
        id_number=person["id_number"], full_name=person["full_name"],
        birth_date=person["birth_date"], sex=person["sex"],
    )  # fmt: skip
    with store.write() as session:
        sub_id = subs.create_draft(session, at=clock(), actor=volunteer).id
        subs.capture(session, sub_id, make_payload(resident=resident), at=clock(), actor=volunteer)
        subs.verify(session, sub_id, at=clock(), actor=officer, acknowledged=ACK)
        subs.mark_sent(session, sub_id, at=clock())


def _rows(store: Store) -> dict[str, HouseholdRow]:
    with store.reader() as conn:
        return {row.id: row for row in household_rows(conn)}


def test_every_status_is_reachable(store: Store, clock: FakeClock) -> None:
    officer = add_operator(store, "Hoà", "officer")
    volunteer = add_operator(store, "Minh", "volunteer")
    _household(store, "hh-new", [_person(), _person()])
    _household(store, "hh-partial", [_person(cleaned=True), _person()])
    done_people = [_person(), _person(on_file=False)]
    _household(store, "hh-done", done_people)
    _sent(store, clock, done_people[0], volunteer, officer)
    _household(store, "hh-nothing", [_person(on_file=False)])
    _household(store, "hh-absent", [_person(cleaned=True), _person()])
    _outcome(store, clock, officer, "hh-absent", "absent")
    _household(store, "hh-back", [_person()])
    _outcome(store, clock, officer, "hh-back", "come_back")
    _household(store, "hh-moved", [_person(cleaned=True), _person()])
    _outcome(store, clock, officer, "hh-moved", "moved_away")
    _household(store, "hh-refused", [_person()])
    _outcome(store, clock, volunteer, "hh-refused", "refused")
    _household(store, "hh-absent-then-served", [_person(cleaned=True), _person(on_file=False)])
    _outcome(store, clock, officer, "hh-absent-then-served", "absent")  # served at the desk later

    rows = _rows(store)
    statuses = {home: row.status for home, row in rows.items()}
    assert statuses == {
        "hh-new": "not_started", "hh-partial": "partial", "hh-done": "done",
        "hh-nothing": "done", "hh-absent": "absent", "hh-back": "absent",
        "hh-moved": "moved_away", "hh-refused": "refused", "hh-absent-then-served": "done",
    }  # fmt: skip
    assert rows["hh-partial"].counted_done == 1 and rows["hh-partial"].counted == 2
    assert rows["hh-absent"].outcome is not None and rows["hh-absent"].outcome.outcome == "absent"
    assert rows["hh-refused"].outcome is not None
    assert rows["hh-refused"].outcome.recorded_by == "Minh"
    assert {s for s in statuses.values() if s in NOT_YET_DONE} == set(NOT_YET_DONE)


def test_members_without_records_do_not_count(store: Store) -> None:
    people = [_person(cleaned=True), _person(on_file=False), _person(on_file=False)]
    _household(store, "hh-1", people)
    row = _rows(store)["hh-1"]
    assert row.status == "done"
    assert [m.on_file for m in row.members] == [True, False, False]
    assert (row.counted, row.counted_done) == (1, 1)
    # the one member with records, not accepted: nobody is done, whatever the others
    with store.transaction() as conn:
        conn.execute(
            update(Resident)
            .where(Resident.id_number == people[0]["id_number"])
            .values(cleaned_at=None)
        )
    assert _rows(store)["hh-1"].status == "not_started"


def test_a_final_member_outcome_counts_as_done(store: Store, clock: FakeClock) -> None:
    officer = add_operator(store, "Hoà", "officer")
    first, second = _household(store, "hh-1", [_person(cleaned=True), _person()])
    _outcome(store, clock, officer, "hh-1", "absent", second)
    row = _rows(store)["hh-1"]
    assert row.status == "partial"  # absent is no answer
    member = row.members[1]
    assert (member.id_number, member.done) == (second, False)
    assert member.outcome is not None and member.outcome.outcome == "absent"
    _outcome(store, clock, officer, "hh-1", "refused", second)
    row = _rows(store)["hh-1"]
    assert row.status == "done"
    assert row.members[1].done and row.members[0].id_number == first
    _outcome(store, clock, officer, "hh-1", "moved_away", second)
    assert _rows(store)["hh-1"].status == "done"


def test_the_latest_by_arrival_decides(store: Store, clock: FakeClock) -> None:
    """Kiosk clocks drift: of two outcomes the server numbered, the later arrival decides, even
    when it was recorded earlier; one not sent yet comes after every numbered one."""
    officer = add_operator(store, "Hoà", "officer")
    _household(store, "hh-1", [_person()])
    early = _outcome(store, clock, officer, "hh-1", "refused")  # recorded first …
    late = _outcome(store, clock, officer, "hh-1", "absent")
    with store.transaction() as conn:
        for outcome_id, arrival in ((early, 2), (late, 1)):  # … but arrived last
            conn.execute(
                update(VisitOutcome)
                .where(VisitOutcome.id == outcome_id)
                .values(arrival=arrival, sent_at=clock())
            )
    assert _rows(store)["hh-1"].status == "refused"
    clock.now -= timedelta(hours=2)  # this kiosk's clock is behind: recorded "before" the others
    _outcome(store, clock, officer, "hh-1", "come_back")
    row = _rows(store)["hh-1"]
    assert row.status == "absent"
    assert row.outcome is not None and row.outcome.come_back_on is not None
    with store.reader() as conn:
        assert [r.outcome for r in history(conn, "hh-1")] == ["come_back", "refused", "absent"]


def test_an_outcome_for_a_removed_household(store: Store, clock: FakeClock) -> None:
    officer = add_operator(store, "Hoà", "officer")
    (member,) = _household(store, "hh-1", [_person()])
    _outcome(store, clock, officer, "hh-gone", "moved_away")
    _outcome(store, clock, officer, "hh-gone", "refused", "001090099999")
    _outcome(store, clock, officer, "hh-1", "refused", "079185000001")  # no longer a member
    with store.transaction() as conn:  # the member left the roster's households meanwhile
        conn.execute(update(Resident).where(Resident.id_number == member).values(household_id=None))
    rows = _rows(store)
    assert set(rows) == {"hh-1"}
    assert rows["hh-1"].members == () and rows["hh-1"].status == "done"
    with store.reader() as conn:
        assert [r.outcome for r in history(conn, "hh-gone")] == ["refused", "moved_away"]
        assert household_rows(conn, ["hh-gone"]) == []


def test_order_and_selection(store: Store) -> None:
    _household(store, "a", [_person()], group="Tổ dân phố 10", address="Số 1 phố Huế")
    _household(store, "b", [_person()], group="Tổ dân phố 2", address="Số 12 ngõ 3 phố Huế")
    _household(store, "c", [_person()], group="Tổ dân phố 2", address="Số 9 ngõ 3 phố Huế")
    _household(store, "d", [_person()], group="Tổ dân phố 2", address="Số 4 phố Huế")
    _household(store, "e", [_person()], group="Tổ dân phố 2", address="Số 1 phố Bà Triệu")
    _household(store, "f", [_person()], group="Tổ dân phố 2", address="Số 2 xóm Chợ")
    with store.reader() as conn:
        rows = household_rows(conn)
        assert [r.id for r in rows] == ["e", "d", "c", "b", "f", "a"]
        assert (rows[2].street, rows[2].alley) == ("Phố Huế", "Ngõ 3")
        assert [r.id for r in household_rows(conn, ["d", "a"])] == ["d", "a"]


def test_an_empty_ward(store: Store) -> None:
    with store.reader() as conn:
        assert household_rows(conn) == []
