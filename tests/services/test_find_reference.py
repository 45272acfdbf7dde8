"""A visit found again by the reference code on its receipt, and its receipt printed again.

Both roles find any captured visit, whoever captured it; drafts and discarded ones have no receipt
and are not found. Every look-up and every reprint is an audit event carrying the code only.
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select, update

from kiosk.domain.errors import DomainError
from kiosk.services import Actor, PermissionDenied
from kiosk.services.capture import CaptureService
from kiosk.store import NotFound, Store
from kiosk.store import submissions as subs
from kiosk.store.models import AuditEvent, Submission
from kiosk.store.retention import purge_sent
from kiosk.store.sessions import mark_reconciled
from tests.store.fixtures import FakeClock, add_operator
from tests.strategies.payloads import make_payload, make_resident

ID_NUMBER = make_resident()["id_number"]
FULL_NAME = make_resident()["full_name"]
CODE = "K0QM-41AX"


def _captured(capture: CaptureService, actor: Actor) -> str:
    draft = capture.new_draft(actor)
    return capture.capture(actor, draft.id, make_payload()).id


def _events(store: Store, action: str) -> list[tuple[str, str | None, dict[str, object]]]:
    """(actor, subject, details) of each audit event of ``action``, oldest first."""
    with store.read() as session:
        rows = session.execute(
            select(AuditEvent.actor, AuditEvent.subject, AuditEvent.details)
            .where(AuditEvent.action == action)
            .order_by(AuditEvent.seq)
        ).all()
    return [(actor, subject, json.loads(details)) for actor, subject, details in rows]


def test_found_by_the_exact_code_by_either_role(
    capture: CaptureService, store: Store, volunteer: Actor, officer: Actor
) -> None:
    sub_id = _captured(capture, volunteer)
    reference = capture.get(volunteer, sub_id).reference
    for actor in (volunteer, officer):
        found = capture.find_by_reference(actor, reference)
        assert (found.id, found.status, found.reference) == (sub_id, "captured", reference)
        assert found.payload is not None
        assert found.payload["resident"]["full_name"] == FULL_NAME
    assert _events(store, "submission.find") == [
        (volunteer.operator_id, sub_id, {"reference": reference}),
        (officer.operator_id, sub_id, {"reference": reference}),
    ]


def test_a_volunteer_finds_another_volunteers_visit(
    capture: CaptureService, store: Store, volunteer: Actor
) -> None:
    other = Actor(add_operator(store, "Minh", "volunteer"), "Minh", "volunteer")
    sub_id = _captured(capture, other)
    reference = capture.get(other, sub_id).reference
    assert capture.find_by_reference(volunteer, reference).id == sub_id


@pytest.mark.parametrize(
    "typed",
    [
        lambda code: code.lower(),
        lambda code: code.replace("-", ""),
        lambda code: f"  {code[:4].lower()} {code[5:]} ",
        lambda code: code.replace("-", " "),
    ],
    ids=["lower case", "without the dash", "spaces", "a space for the dash"],
)
def test_found_as_people_type_it(capture: CaptureService, volunteer: Actor, typed: object) -> None:
    sub_id = _captured(capture, volunteer)
    reference = capture.get(volunteer, sub_id).reference
    text = typed(reference)  # type: ignore[operator]
    assert capture.find_by_reference(volunteer, text).id == sub_id


@pytest.mark.parametrize(("real", "look_alike"), [("0", "O"), ("0", "o"), ("1", "I"), ("1", "L")])
def test_look_alike_letters_read_as_digits(
    capture: CaptureService, store: Store, volunteer: Actor, real: str, look_alike: str
) -> None:
    sub_id = _captured(capture, volunteer)
    with store.transaction() as conn:  # a code with both a 0 and a 1 in it
        conn.execute(update(Submission).where(Submission.id == sub_id).values(reference=CODE))
    found = capture.find_by_reference(volunteer, CODE.replace(real, look_alike, 1))
    assert (found.id, found.reference) == (sub_id, CODE)
    assert _events(store, "submission.find") == [
        (volunteer.operator_id, sub_id, {"reference": CODE})
    ]


@pytest.mark.parametrize(
    "text", ["", "   ", "K7QM-4M2", "K7QM-4M2XY", "K7QM-4M2U", "K7QM/4M2X", "001090012345"]
)
def test_a_code_of_the_wrong_shape_is_refused_and_not_audited(
    capture: CaptureService, store: Store, volunteer: Actor, text: str
) -> None:
    with pytest.raises(DomainError) as raised:
        capture.find_by_reference(volunteer, text)
    assert (raised.value.code, raised.value.field) == ("reference.format", "reference")
    assert _events(store, "submission.find") == []


def test_an_unknown_code_is_not_found_and_audited(
    capture: CaptureService, store: Store, officer: Actor
) -> None:
    _captured(capture, officer)
    unknown = "ZZZZ-ZZZZ"
    with pytest.raises(NotFound):
        capture.find_by_reference(officer, unknown.lower())
    assert _events(store, "submission.find") == [
        (officer.operator_id, None, {"reference": unknown})
    ]


def test_drafts_and_discarded_visits_are_not_found(
    capture: CaptureService, store: Store, volunteer: Actor
) -> None:
    draft = capture.new_draft(volunteer, payload=make_payload())
    gone = capture.new_draft(volunteer, payload=make_payload())
    capture.discard(volunteer, gone.id, "refused")
    for record in (draft, gone):
        with pytest.raises(NotFound):
            capture.find_by_reference(volunteer, record.reference)
        with pytest.raises(NotFound):
            capture.record_reprint(volunteer, record.id)
    finds = _events(store, "submission.find")
    assert [(subject, details) for _, subject, details in finds] == [
        (None, {"reference": draft.reference}),
        (None, {"reference": gone.reference}),
    ]
    assert _events(store, "submission.reprint") == []


def test_later_statuses_are_found(
    capture: CaptureService, store: Store, clock: FakeClock, volunteer: Actor, officer: Actor
) -> None:
    sub_id = _captured(capture, volunteer)
    reference = capture.get(volunteer, sub_id).reference
    with store.transaction() as conn:
        subs.return_to_volunteer(
            conn, sub_id, reason="sai biển số", at=clock(), actor=officer.operator_id
        )
    assert capture.find_by_reference(volunteer, reference).status == "returned"


def test_a_purged_visit_is_found_without_its_personal_data(
    capture: CaptureService, store: Store, clock: FakeClock, volunteer: Actor, officer: Actor
) -> None:
    sub_id = _captured(capture, volunteer)
    reference = capture.get(volunteer, sub_id).reference
    with store.write() as session:
        subs.verify(
            session, sub_id, at=clock(), actor=officer.operator_id,
            acknowledged=["licence.expiry_unconfirmed"],
        )  # fmt: skip
        sent = subs.mark_sent(session, sub_id, at=clock())
        assert sent.session_id is not None  # the day's session, opened by the capture
        mark_reconciled(session, sent.session_id, at=clock())  # the server confirmed it
    clock.advance(days=8)
    with store.write() as session:
        assert purge_sent(session, at=clock(), days=7) == 1
    found = capture.find_by_reference(officer, reference)
    assert (found.id, found.status, found.reference) == (sub_id, "sent", reference)
    assert (found.payload, found.resident_id_number, found.purged_at) == (None, None, clock())
    assert found.captured_at is not None


def test_a_reprint_is_audited_with_the_code_only(
    capture: CaptureService, store: Store, volunteer: Actor, officer: Actor
) -> None:
    sub_id = _captured(capture, volunteer)
    reference = capture.get(volunteer, sub_id).reference
    capture.record_reprint(volunteer, sub_id)
    capture.record_reprint(officer, sub_id)
    assert _events(store, "submission.reprint") == [
        (volunteer.operator_id, sub_id, {"reference": reference}),
        (officer.operator_id, sub_id, {"reference": reference}),
    ]
    with pytest.raises(NotFound):
        capture.record_reprint(officer, "no-such-id")


def test_no_personal_data_in_the_audit(
    capture: CaptureService, store: Store, volunteer: Actor
) -> None:
    sub_id = _captured(capture, volunteer)
    reference = capture.get(volunteer, sub_id).reference
    capture.find_by_reference(volunteer, reference)
    capture.record_reprint(volunteer, sub_id)
    with pytest.raises(NotFound):
        capture.find_by_reference(volunteer, "ZZZZ-ZZZZ")
    with store.read() as session:
        rows = session.scalars(
            select(AuditEvent.details).where(
                AuditEvent.action.in_(["submission.find", "submission.reprint"])
            )
        ).all()
    assert len(rows) == 3
    for details in rows:
        assert ID_NUMBER not in details
        assert FULL_NAME not in details
        assert set(json.loads(details)) == {"reference"}


def test_an_actor_without_a_known_role_is_refused(capture: CaptureService) -> None:
    stranger = Actor("op-x", "X", "guest")  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied):
        capture.find_by_reference(stranger, "K7QM-4M2X")
    with pytest.raises(PermissionDenied):
        capture.record_reprint(stranger, "any")
