"""Capture and verification through the services: roles are enforced here, not in the UI."""

from __future__ import annotations

import pytest

from kiosk.services import Actor, PermissionDenied
from kiosk.services.capture import CaptureService
from kiosk.services.verify import VerifyService
from kiosk.store import PayloadInvalid, Store, TrainingSubmissionError
from kiosk.store import submissions as subs
from kiosk.store.station import set_training
from tests.store.fixtures import FakeClock
from tests.strategies.payloads import make_payload

ACK = ["licence.expiry_unconfirmed"]


@pytest.fixture
def verify(store: Store, clock: FakeClock) -> VerifyService:
    return VerifyService(store, clock)


def _captured(capture: CaptureService, volunteer: Actor) -> str:
    draft = capture.new_draft(volunteer)
    capture.save_draft(volunteer, draft.id, {"resident": {"full_name": "Nguyễn Văn An"}})
    view = capture.capture(volunteer, draft.id, make_payload())
    assert view.status == "captured"
    return view.id


def test_volunteer_captures_officer_approves(
    capture: CaptureService, verify: VerifyService, volunteer: Actor, officer: Actor
) -> None:
    sub_id = _captured(capture, volunteer)
    assert [v.id for v in verify.pending(officer)] == [sub_id]
    assert [w["code"] for w in verify.warnings(officer, sub_id)] == ACK
    verify.acknowledge_warnings(officer, sub_id, ACK)
    view = verify.approve(officer, sub_id)
    assert view.status == "verified"
    assert view.sha256 is not None
    assert view.payload["verified_by"] == officer.operator_id


@pytest.mark.parametrize(
    "call",
    [
        lambda v, a, i: v.approve(a, i, acknowledged=ACK),
        lambda v, a, i: v.return_(a, i, "sai biển số"),
        lambda v, a, i: v.acknowledge_warnings(a, i, ACK),
        lambda v, a, i: v.pending(a),
        lambda v, a, i: v.warnings(a, i),
        lambda v, a, i: v.retry_held(a, i),
        lambda v, a, i: v.supersede(a, i),
    ],
)
def test_a_volunteer_calling_verify_is_refused(
    capture: CaptureService, verify: VerifyService, volunteer: Actor, call: object
) -> None:
    sub_id = _captured(capture, volunteer)
    with pytest.raises(PermissionDenied):
        call(verify, volunteer, sub_id)  # type: ignore[operator]
    assert capture.get(volunteer, sub_id).status == "captured"


def test_return_with_reason_and_recapture(
    capture: CaptureService, verify: VerifyService, volunteer: Actor, officer: Actor
) -> None:
    sub_id = _captured(capture, volunteer)
    verify.return_(officer, sub_id, "Số khung không khớp giấy tờ")
    returned = capture.returned(volunteer)
    assert [(v.id, v.reason) for v in returned] == [(sub_id, "Số khung không khớp giấy tờ")]
    capture.capture(volunteer, sub_id, make_payload())
    assert verify.approve(officer, sub_id, acknowledged=ACK).status == "verified"


def test_invalid_capture_is_refused_with_codes(capture: CaptureService, volunteer: Actor) -> None:
    draft = capture.new_draft(volunteer)
    with pytest.raises(PayloadInvalid) as caught:
        capture.capture(volunteer, draft.id, make_payload(consent=False))
    assert caught.value.errors == [{"path": "/consent", "code": "payload.consent"}]
    assert capture.get(volunteer, draft.id).status == "draft"


def test_discard_a_draft(capture: CaptureService, volunteer: Actor) -> None:
    draft = capture.new_draft(volunteer)
    assert capture.discard(volunteer, draft.id).status == "discarded"


def test_a_training_submission_cannot_be_made_ready_for_upload(
    store: Store,
    clock: FakeClock,
    capture: CaptureService,
    verify: VerifyService,
    volunteer: Actor,
    officer: Actor,
) -> None:
    with store.write() as session:
        set_training(session, on=True, at=clock(), actor=officer.operator_id)
    sub_id = _captured(capture, volunteer)
    view = verify.approve(officer, sub_id, acknowledged=ACK)
    assert view.training and view.status == "verified"
    with store.read() as session:
        assert subs.ready_for_upload(session) == []
    with store.write() as session, pytest.raises(TrainingSubmissionError):
        subs.mark_sent(session, sub_id, at=clock())
    assert capture.get(officer, sub_id).status == "verified"


def test_review_then_save_writes_what_was_checked(
    capture: CaptureService, volunteer: Actor, officer: Actor, store: Store, clock: FakeClock
) -> None:
    draft = capture.new_draft(volunteer)
    payload = make_payload()
    prepared = capture.review(volunteer, draft.id, payload)
    payload["resident"]["full_name"] = "changed after the review"
    clock.advance(seconds=20)
    saved = capture.capture(volunteer, draft.id, prepared)
    assert saved.status == "captured"
    assert saved.payload is not None
    assert saved.payload["resident"]["full_name"] == "Nguyễn Văn An"
    assert saved.captured_at == prepared.at
    with store.read() as session:
        assert subs.get(session, draft.id).payload == saved.payload
    other = capture.new_draft(volunteer)
    with pytest.raises(ValueError, match="prepared for another"):
        capture.capture(volunteer, other.id, prepared)
    with pytest.raises(ValueError, match="prepared for another"):
        capture.capture(officer, other.id, capture.review(volunteer, other.id, make_payload()))


def test_review_shows_errors_without_writing(capture: CaptureService, volunteer: Actor) -> None:
    draft = capture.new_draft(volunteer)
    with pytest.raises(PayloadInvalid):
        capture.review(volunteer, draft.id, make_payload(vehicles="none"))
    assert capture.get(volunteer, draft.id).status == "draft"
