"""A resident's visit from the capture service: own drafts, discard with a reason, draft expiry.

A volunteer lists, opens and discards only their own drafts; an officer may open or discard
anyone's.  Expired drafts are discarded by the system, their personal data erased.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from kiosk.services import Actor, PermissionDenied
from kiosk.services.capture import CaptureService, DraftSummary
from kiosk.store import Store
from kiosk.store.models import AuditEvent, SubmissionItem
from kiosk.store.station import set_training
from tests.store.fixtures import FakeClock, add_operator
from tests.strategies.payloads import make_payload

ID_NUMBER = "001090012345"


@pytest.fixture
def other(store: Store) -> Actor:
    return Actor(add_operator(store, "Minh", "volunteer"), "Minh", "volunteer")


def _items(store: Store, sub_id: str) -> list[int]:
    with store.read() as session:
        query = select(SubmissionItem.id).where(SubmissionItem.submission_id == sub_id)
        return list(session.scalars(query))


@pytest.mark.parametrize("reason", ["abandoned", "refused"])
def test_a_volunteer_discards_their_own_draft_with_a_reason(
    capture: CaptureService, store: Store, volunteer: Actor, reason: str
) -> None:
    draft = capture.new_draft(volunteer, payload=make_payload())
    assert _items(store, draft.id)
    gone = capture.discard(volunteer, draft.id, reason)
    assert (gone.status, gone.discard_reason, gone.payload) == ("discarded", reason, None)
    again = capture.get(volunteer, draft.id)
    assert again == gone
    assert again.resident_id_number == (ID_NUMBER if reason == "refused" else None)
    assert (again.vehicle_count, again.licence_count) == (0, 0)
    assert _items(store, draft.id) == []


def test_the_default_reason_is_abandoned(capture: CaptureService, volunteer: Actor) -> None:
    draft = capture.new_draft(volunteer, payload=make_payload())
    assert capture.discard(volunteer, draft.id).discard_reason == "abandoned"


def test_expired_is_not_an_operators_reason(capture: CaptureService, officer: Actor) -> None:
    draft = capture.new_draft(officer, payload=make_payload())
    for reason in ("expired", "bored"):
        with pytest.raises(ValueError, match="abandoned or refused"):
            capture.discard(officer, draft.id, reason)
    assert capture.draft(officer, draft.id).status == "draft"


def test_a_volunteer_cannot_discard_or_open_another_volunteers_draft(
    capture: CaptureService, volunteer: Actor, other: Actor
) -> None:
    draft = capture.new_draft(other, payload=make_payload())
    with pytest.raises(PermissionDenied):
        capture.discard(volunteer, draft.id)
    with pytest.raises(PermissionDenied):
        capture.draft(volunteer, draft.id)
    kept = capture.draft(other, draft.id)
    assert (kept.status, kept.resident_id_number) == ("draft", ID_NUMBER)
    assert kept.payload is not None


def test_an_officer_opens_and_discards_anyones_draft(
    capture: CaptureService, volunteer: Actor, officer: Actor
) -> None:
    draft = capture.new_draft(volunteer, payload=make_payload())
    assert capture.draft(officer, draft.id).id == draft.id
    assert capture.discard(officer, draft.id, "refused").status == "discarded"


def test_my_drafts_are_my_own_newest_first_with_the_name(
    capture: CaptureService,
    store: Store,
    clock: FakeClock,
    volunteer: Actor,
    other: Actor,
    officer: Actor,
) -> None:
    older = capture.new_draft(volunteer)
    clock.advance(minutes=5)
    partial = capture.new_draft(volunteer)  # nothing about the resident yet
    clock.advance(minutes=5)
    capture.new_draft(other, payload=make_payload())
    given_up = capture.new_draft(volunteer, payload=make_payload())
    capture.discard(volunteer, given_up.id)
    captured = capture.new_draft(volunteer)
    capture.capture(volunteer, captured.id, make_payload())
    with store.write() as session:
        set_training(session, on=True, at=clock(), actor=officer.operator_id)
    clock.advance(minutes=5)
    training = capture.new_draft(volunteer, payload={"resident": {"full_name": "Lê Thị Hà"}})
    clock.advance(minutes=5)
    # the name is read from the last save, which also makes it the newest
    saved = capture.save_draft(volunteer, older.id, make_payload())

    assert capture.my_drafts(volunteer) == [
        DraftSummary(older.id, older.reference, "Nguyễn Văn An", ID_NUMBER, saved.status_at),
        DraftSummary(training.id, training.reference, "Lê Thị Hà", None, training.status_at),
        DraftSummary(partial.id, partial.reference, None, None, partial.status_at),
    ]
    assert saved.status_at > training.status_at > partial.status_at > older.status_at
    assert capture.my_drafts(officer) == []
    assert len(capture.my_drafts(other)) == 1


def test_expired_drafts_are_discarded_by_the_system(
    capture: CaptureService, store: Store, clock: FakeClock, volunteer: Actor
) -> None:
    old = capture.new_draft(volunteer, payload=make_payload())
    old_captured = capture.new_draft(volunteer)
    capture.capture(volunteer, old_captured.id, make_payload())
    clock.advance(days=6)
    recent = capture.new_draft(volunteer, payload=make_payload())
    clock.advance(days=1, minutes=1)  # old: 7 days + 1 minute; recent: 1 day

    assert capture.expire_drafts(7) == 1
    assert capture.expire_drafts(7) == 0

    gone = capture.get(volunteer, old.id)
    assert (gone.status, gone.discard_reason, gone.payload) == ("discarded", "expired", None)
    assert (gone.resident_id_number, gone.purged_at) == (None, clock())
    assert _items(store, old.id) == []
    assert capture.get(volunteer, recent.id).status == "draft"
    untouched = capture.get(volunteer, old_captured.id)
    assert (untouched.status, untouched.resident_id_number) == ("captured", ID_NUMBER)
    assert [d.id for d in capture.my_drafts(volunteer)] == [recent.id]
    with store.read() as session:
        rows = session.execute(
            select(AuditEvent.action, AuditEvent.actor, AuditEvent.details).where(
                AuditEvent.action.in_(["submission.discarded", "retention.drafts"])
            )
        ).all()
    assert [(a, actor) for a, actor, _ in rows] == [
        ("submission.discarded", "system"), ("retention.drafts", "system"),
    ]  # fmt: skip
    assert json.loads(rows[0][2])["reason"] == "expired"
    assert json.loads(rows[1][2]) == {"submissions": 1, "days": 7}


def test_expiry_needs_a_period_of_a_day_at_least(capture: CaptureService) -> None:
    with pytest.raises(ValueError, match="at least one day"):
        capture.expire_drafts(0)
