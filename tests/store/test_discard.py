"""Discarding a draft with a reason erases what it captured (issue 17; DESIGN.md §4).

Only the reference, the times, the operator and the reason remain, and for ``refused`` the
resident's ID number; the audit event names the reference and the reason, nothing personal.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from kiosk.domain.masking import mask_id_number
from kiosk.store import InvalidTransition, Store
from kiosk.store import submissions as subs
from kiosk.store.models import AuditEvent, Submission, SubmissionItem
from tests.store.fixtures import FakeClock, add_operator
from tests.strategies.payloads import make_payload

ID_NUMBER = "001090012345"
NAME = "Nguyễn Văn An"


def _draft(store: Store, clock: FakeClock, actor: str) -> str:
    """A draft holding a whole payload (resident, three vehicles, one licence)."""
    with store.write() as session:
        return subs.create_draft(session, at=clock(), actor=actor, payload=make_payload()).id


def _items(store: Store, sub_id: str) -> int:
    with store.read() as session:
        count = select(func.count()).where(SubmissionItem.submission_id == sub_id)
        return session.scalar(count) or 0


def _events(store: Store, sub_id: str) -> list[tuple[str, str | None, dict[str, object]]]:
    with store.read() as session:
        rows = session.execute(
            select(AuditEvent.action, AuditEvent.actor, AuditEvent.details)
            .where(AuditEvent.subject == sub_id)
            .order_by(AuditEvent.seq)
        ).all()
    return [(action, actor, json.loads(details)) for action, actor, details in rows]


@pytest.mark.parametrize("reason", ["abandoned", "refused", "expired"])
def test_a_discard_leaves_only_what_it_should(store: Store, clock: FakeClock, reason: str) -> None:
    volunteer = add_operator(store, "Vol", "volunteer")
    sub_id = _draft(store, clock, volunteer)
    assert _items(store, sub_id) == 4
    at = clock.advance(minutes=5)

    with store.write() as session:
        record = subs.discard(session, sub_id, at=at, actor=volunteer, reason=reason)
    assert (record.status, record.discard_reason, record.payload) == ("discarded", reason, None)

    kept_id = ID_NUMBER if reason == "refused" else None
    with store.read() as session:
        row = session.get(Submission, sub_id)
        assert row is not None
        assert (row.status, row.discard_reason, row.status_at, row.purged_at) == (
            "discarded", reason, at, at,
        )  # fmt: skip
        assert (row.payload, row.canonical, row.sha256) == (None, None, None)
        assert (row.vehicle_count, row.licence_count) == (0, 0)
        assert row.resident_id_number == kept_id
        assert (row.created_by, row.reference) == (volunteer, record.reference)
        assert subs.get(session, sub_id) == record
    assert _items(store, sub_id) == 0

    events = _events(store, sub_id)
    assert [action for action, _, _ in events] == ["submission.create", "submission.discarded"]
    _, actor, details = events[-1]
    assert actor == volunteer
    assert details == {
        "from": "draft", "to": "discarded", "reference": record.reference, "reason": reason,
    }  # fmt: skip
    with store.read() as session:
        every = " ".join(session.scalars(select(AuditEvent.details)))
    assert ID_NUMBER not in every and mask_id_number(ID_NUMBER) not in every
    assert NAME not in every


def test_a_reason_is_required_and_checked(store: Store, clock: FakeClock) -> None:
    volunteer = add_operator(store, "Vol", "volunteer")
    sub_id = _draft(store, clock, volunteer)
    with store.write() as session, pytest.raises(ValueError, match="discard reason"):
        subs.discard(session, sub_id, at=clock(), actor=volunteer, reason="bored")
    with store.read() as session:
        assert subs.get(session, sub_id).status == "draft"
    assert _items(store, sub_id) == 4


def test_only_a_draft_is_discarded_and_nothing_is_erased_otherwise(
    store: Store, clock: FakeClock
) -> None:
    volunteer = add_operator(store, "Vol", "volunteer")
    sub_id = _draft(store, clock, volunteer)
    with store.write() as session:
        subs.capture(session, sub_id, make_payload(), at=clock(), actor=volunteer)
    with store.write() as session, pytest.raises(InvalidTransition):
        subs.discard(session, sub_id, at=clock(), actor=volunteer, reason="abandoned")
    with store.read() as session:
        record = subs.get(session, sub_id)
    assert (record.status, record.resident_id_number, record.discard_reason) == (
        "captured", ID_NUMBER, None,
    )  # fmt: skip
    assert record.payload is not None and _items(store, sub_id) == 4


def test_transition_discards_as_abandoned_by_default(store: Store, clock: FakeClock) -> None:
    volunteer = add_operator(store, "Vol", "volunteer")
    first, second = _draft(store, clock, volunteer), _draft(store, clock, volunteer)
    with store.write() as session:
        default = subs.transition(session, first, "discarded", at=clock(), actor=volunteer)
        refused = subs.transition(
            session, second, "discarded", at=clock(), actor=volunteer, reason="refused"
        )
    assert (default.discard_reason, default.resident_id_number) == ("abandoned", None)
    assert (refused.discard_reason, refused.resident_id_number) == ("refused", ID_NUMBER)


def test_the_database_checks_the_reason(store: Store, clock: FakeClock) -> None:
    volunteer = add_operator(store, "Vol", "volunteer")
    sub_id = _draft(store, clock, volunteer)
    with pytest.raises(IntegrityError), store.write() as session:
        session.execute(
            text("UPDATE submission SET discard_reason = 'bored' WHERE id = :i"), {"i": sub_id}
        )
