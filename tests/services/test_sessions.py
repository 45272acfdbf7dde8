"""Evening sessions (issue 21) on the real encrypted store: opened by an officer or by the day's
first capture, summed up and closed; the purge waits for the session's reconciliation and keeps
the day's counts before it erases anything."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from kiosk.services import Actor
from kiosk.services.base import PermissionDenied
from kiosk.services.capture import CaptureService, SubmissionRecord
from kiosk.services.sessions import SessionAlreadyOpen, SessionService
from kiosk.store import Store
from kiosk.store import submissions as subs
from kiosk.store.models import AuditEvent, DailyCount, Submission
from kiosk.store.registry import save_household, save_resident
from kiosk.store.sessions import SessionClosed, get_session, mark_reconciled, to_reconcile
from tests.store.fixtures import START, FakeClock
from tests.strategies.payloads import make_payload, make_resident

ACK = ["licence.expiry_unconfirmed"]
"""The warning of the synthetic payload's licence, acknowledged by the verifying officer."""
GROUP = "Tổ dân phố 1"
SECOND = "001090012346"
"""A second resident: the synthetic one's ID number with another serial."""


@pytest.fixture
def sessions(store: Store, clock: FakeClock) -> SessionService:
    """The session service on the store and the test's clock."""
    return SessionService(store, clock)


def _served(
    capture: CaptureService,
    store: Store,
    clock: FakeClock,
    people: tuple[Actor, Actor],
    *,
    id_number: str = "001090012345",
    sent: bool = True,
) -> SubmissionRecord:
    """A visit ``people[0]`` captured and ``people[1]`` verified (and the server accepted)."""
    volunteer, officer = people
    draft = capture.new_draft(volunteer)
    payload = make_payload(resident=make_resident(id_number=id_number), warnings_acknowledged=[])
    capture.capture(volunteer, draft.id, payload)
    with store.transaction() as conn:
        subs.verify(conn, draft.id, at=clock(), actor=officer.operator_id, acknowledged=ACK)
        if sent:
            subs.mark_sent(conn, draft.id, at=clock())
    return capture.get(volunteer, draft.id)


def test_captures_join_the_officers_session_and_the_first_of_a_day_opens_one(
    capture: CaptureService, sessions: SessionService, clock: FakeClock, store: Store,
    volunteer: Actor, officer: Actor,
) -> None:  # fmt: skip
    opened = sessions.open(officer, [GROUP], [volunteer.operator_id])
    assert (opened.groups, opened.on_duty, opened.automatic, opened.state) == (
        (GROUP,), (officer.operator_id, volunteer.operator_id), False, "open",
    )  # fmt: skip
    assert capture.new_draft(volunteer).session_id == opened.id
    with pytest.raises(PermissionDenied):
        sessions.open(volunteer, [GROUP], [])
    with pytest.raises(SessionAlreadyOpen):
        sessions.open(officer, [GROUP], [])

    clock.advance(days=1)  # the officer forgot to close it; nobody opened today's
    first = capture.new_draft(volunteer)
    second = capture.new_draft(volunteer)
    assert first.session_id is not None and first.session_id != opened.id
    assert second.session_id == first.session_id
    with store.reader() as conn:
        today = get_session(conn, first.session_id)
    assert (today.automatic, today.opened_by, today.on_duty) == (
        True, volunteer.operator_id, (volunteer.operator_id,),
    )  # fmt: skip
    assert [s.id for s in sessions.left_open(officer)] == [opened.id]  # asked at sign-in
    status = sessions.current()
    assert status.session is not None and status.session.id == today.id
    assert status.figures is not None and status.figures.served == 0  # drafts serve nobody yet
    taken = sessions.open(officer, [GROUP], [])  # the officer arrives: it becomes theirs
    assert (taken.id, taken.automatic, taken.groups) == (today.id, False, (GROUP,))
    assert taken.on_duty == (volunteer.operator_id, officer.operator_id)
    with pytest.raises(SessionAlreadyOpen):
        sessions.open(officer, [GROUP], [])


def test_the_summary_counts_the_session_and_closing_keeps_it_for_reconciliation(
    capture: CaptureService, sessions: SessionService, clock: FakeClock, store: Store,
    volunteer: Actor, officer: Actor,
) -> None:  # fmt: skip
    with store.write() as session:  # both residents live in one roster household
        save_household(session, {"id": "hh-1", "group": GROUP, "address": "Số 1"}, at=START)
        for id_number in ("001090012345", SECOND):
            save_resident(
                session, make_resident(id_number=id_number), at=START, household_id="hh-1"
            )
    opened = sessions.open(officer, [GROUP], [volunteer.operator_id])
    _served(capture, store, clock, (volunteer, officer))
    _served(capture, store, clock, (volunteer, officer), id_number=SECOND, sent=False)
    refusal = capture.new_draft(volunteer, payload={"resident": make_resident(id_number=SECOND)})
    capture.discard(volunteer, refusal.id, "refused")

    summary = sessions.summary(officer, opened.id)
    assert vars(summary.figures) == {"served": 2, "verified": 2, "uploaded": 1, "held": 0}
    assert summary.vehicle_answers == {"confirmed": 2, "sold": 2, "added": 2}
    assert summary.licence_answers == {"confirmed": 2}
    assert (summary.households, summary.refusals) == (1, 1)
    assert [(o.name, o.captured, o.verified) for o in summary.operators] == [
        ("Hoa", 0, 2), ("Lan", 2, 0),
    ]  # fmt: skip
    with pytest.raises(PermissionDenied):
        sessions.close(volunteer, opened.id)
    closed = sessions.close(officer, opened.id)
    assert (closed.state, closed.closed_by) == ("closed", officer.operator_id)
    with pytest.raises(SessionClosed):
        sessions.close(officer, opened.id)
    assert sessions.current().waiting == 1  # closed, not reconciled: Home says so
    with store.reader() as conn:
        assert to_reconcile(conn) == [opened.id]
    with store.read() as session:
        details = session.scalars(
            select(AuditEvent.details).where(AuditEvent.action == "session.close")
        ).one()
    assert json.loads(details) == {"served": 2, "verified": 2, "uploaded": 1, "held": 0}


def test_the_purge_waits_for_the_reconciliation_and_keeps_the_days_counts(
    capture: CaptureService, sessions: SessionService, clock: FakeClock, store: Store,
    volunteer: Actor, officer: Actor,
) -> None:  # fmt: skip
    opened = sessions.open(officer, [GROUP], [volunteer.operator_id])
    first = _served(capture, store, clock, (volunteer, officer))
    late = capture.new_draft(volunteer)  # captured and sent after the session was reconciled
    refusal = capture.new_draft(volunteer, payload={"resident": make_resident(id_number=SECOND)})
    capture.discard(volunteer, refusal.id, "refused")
    sessions.close(officer, opened.id)
    clock.advance(days=8)
    assert capture.purge_sent(7) == 0  # past the period, but the server never confirmed it
    assert capture.get(officer, first.id).payload is not None

    with store.transaction() as conn:  # the sync thread's reconciliation, a minute later
        mark_reconciled(conn, opened.id, at=clock.advance(minutes=1))
    clock.advance(minutes=1)
    capture.capture(volunteer, late.id, make_payload(warnings_acknowledged=[]))
    with store.transaction() as conn:
        subs.verify(conn, late.id, at=clock(), actor=officer.operator_id, acknowledged=ACK)
        subs.mark_sent(conn, late.id, at=clock())
    clock.advance(days=8)
    assert capture.purge_sent(7) == 1
    with store.reader() as conn:
        assert to_reconcile(conn) == []
        assert to_reconcile(conn, late=True) == [opened.id]  # the nightly sweep's work

    with store.read() as session:
        gone, waiting = session.get(Submission, first.id), session.get(Submission, late.id)
        assert gone is not None and waiting is not None
        assert (gone.payload, gone.canonical, gone.resident_id_number) == (None, None, None)
        assert (gone.status, gone.reference, gone.vehicle_count, gone.licence_count) == (
            "sent", first.reference, 3, 1,
        )  # fmt: skip
        assert waiting.payload is not None  # sent after the reconciliation: it waits
        kept = session.execute(
            select(DailyCount.day, DailyCount.residential_group, DailyCount.measure,
                   DailyCount.count)
        ).all()  # fmt: skip
    day = START.date()
    assert {(g, m): n for d, g, m, n in kept if d == day} == {
        (GROUP, "residents"): 1, (GROUP, "submissions"): 1, (GROUP, "refusals"): 1,
        (GROUP, "vehicle.confirmed"): 1, (GROUP, "vehicle.sold"): 1,
        (GROUP, "vehicle.added"): 1, (GROUP, "licence.confirmed"): 1,
    }  # fmt: skip
    assert {d for d, *_ in kept} == {day}  # the late one's day is counted when it goes
