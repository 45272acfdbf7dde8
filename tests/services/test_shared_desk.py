"""Verification at the shared desk (issue 19): four eyes, the operator's returned visits, and what
the upload leaves to an officer — through the services, on a real store."""

from __future__ import annotations

import pytest

from kiosk.services import Actor, PermissionDenied
from kiosk.services.base import OwnCapture
from kiosk.services.capture import CaptureService, ReturnedSummary
from kiosk.services.station import StationService
from kiosk.services.verify import VerifyService
from kiosk.store import Store
from kiosk.store import submissions as subs
from kiosk.store.outbox import OFFICER_AFTER, release_held
from tests.store.fixtures import FakeClock, add_operator
from tests.strategies.payloads import make_payload, make_resident

ACK = ["licence.expiry_unconfirmed"]
REASON = "Số khung không khớp giấy tờ"


@pytest.fixture
def verify(store: Store, clock: FakeClock) -> VerifyService:
    return VerifyService(store, clock)


@pytest.fixture
def second_officer(store: Store) -> Actor:
    """Another officer, Minh: the co-sign."""
    return Actor(add_operator(store, "Minh", "officer"), "Minh", "officer")


def _captured(capture: CaptureService, actor: Actor, **resident: str | None) -> str:
    draft = capture.new_draft(actor)
    payload = make_payload(resident=make_resident(**resident), warnings_acknowledged=[])
    return capture.capture(actor, draft.id, payload).id


def _verified(
    capture: CaptureService,
    verify: VerifyService,
    volunteer: Actor,
    officer: Actor,
    **resident: str,
) -> str:
    sub_id = _captured(capture, volunteer, **resident)
    verify.approve(officer, sub_id, acknowledged=ACK)
    return sub_id


# --- four eyes --------------------------------------------------------------------------------


def test_an_officer_cannot_approve_their_own_capture(
    capture: CaptureService, verify: VerifyService, officer: Actor, second_officer: Actor
) -> None:
    sub_id = _captured(capture, officer)
    with pytest.raises(OwnCapture) as refused:
        verify.approve(officer, sub_id, acknowledged=ACK)
    assert isinstance(refused.value, PermissionDenied)  # every screen's handler knows it
    assert capture.get(officer, sub_id).status == "captured"
    assert verify.approve(second_officer, sub_id, acknowledged=ACK).status == "verified"


def test_nor_acknowledge_its_warnings_for_another_officer(
    capture: CaptureService, verify: VerifyService, officer: Actor, second_officer: Actor
) -> None:
    sub_id = _captured(capture, officer)
    with pytest.raises(OwnCapture):
        verify.acknowledge_warnings(officer, sub_id, ACK)
    payload = capture.get(officer, sub_id).payload
    assert payload is not None and payload["warnings_acknowledged"] == []
    verify.acknowledge_warnings(second_officer, sub_id, ACK)
    assert verify.approve(second_officer, sub_id).status == "verified"


def test_an_officer_may_send_their_own_capture_back(
    capture: CaptureService, verify: VerifyService, officer: Actor
) -> None:
    sub_id = _captured(capture, officer)
    returned = verify.return_(officer, sub_id, REASON)
    assert (returned.status, returned.return_reason) == ("returned", REASON)


def test_a_draft_started_by_the_officer_but_captured_by_a_volunteer_is_theirs_to_verify(
    capture: CaptureService, verify: VerifyService, volunteer: Actor, officer: Actor
) -> None:
    """Four eyes counts who captured it (who answered for its content)."""
    draft = capture.new_draft(officer)
    capture.capture(volunteer, draft.id, make_payload())
    assert verify.approve(officer, draft.id, acknowledged=ACK).status == "verified"


# --- returned visits ----------------------------------------------------------------------------


def test_an_operator_sees_only_their_own_returned_visits_oldest_first(
    store: Store,
    clock: FakeClock,
    capture: CaptureService,
    verify: VerifyService,
    volunteer: Actor,
    officer: Actor,
) -> None:
    other = Actor(add_operator(store, "Tú", "volunteer"), "Tú", "volunteer")
    first = _captured(capture, volunteer, full_name="Nguyễn Văn An", phone="0912345678")
    second = _captured(capture, volunteer, full_name="Lê Thị Bình", phone=None)
    theirs = _captured(capture, other)
    waiting = _captured(capture, volunteer)  # captured, not returned: not listed
    verify.return_(officer, second, "Thiếu giấy tờ")
    clock.advance(minutes=5)
    verify.return_(officer, theirs, "Sai biển số")
    verify.return_(officer, first, REASON)  # returned later than the second: listed after it
    listed = capture.returned(volunteer)
    assert [(r.id, r.full_name, r.phone, r.reason) for r in listed] == [
        (second, "Lê Thị Bình", None, "Thiếu giấy tờ"),
        (first, "Nguyễn Văn An", "0912345678", REASON),
    ]
    assert [r.reference for r in listed] == [
        capture.get(volunteer, i).reference for i in (second, first)
    ]
    assert all(isinstance(r, ReturnedSummary) for r in listed)
    assert listed[0].returned_at < listed[1].returned_at
    assert [r.id for r in capture.returned(other)] == [theirs]
    assert capture.returned(officer) == []  # an officer's list is their own too
    assert waiting not in {r.id for r in listed}


def test_a_returned_visit_leaves_the_list_once_captured_again(
    capture: CaptureService, verify: VerifyService, volunteer: Actor, officer: Actor
) -> None:
    sub_id = _captured(capture, volunteer)
    verify.return_(officer, sub_id, REASON)
    assert [r.id for r in capture.returned(volunteer)] == [sub_id]
    capture.capture(volunteer, sub_id, make_payload())
    assert capture.returned(volunteer) == []


def test_a_visit_started_by_one_operator_returns_to_both(
    capture: CaptureService,
    verify: VerifyService,
    volunteer: Actor,
    officer: Actor,
    second_officer: Actor,
) -> None:
    """Started by the volunteer, captured by an officer at the desk: both see it come back."""
    draft = capture.new_draft(volunteer)
    capture.capture(officer, draft.id, make_payload())
    verify.return_(second_officer, draft.id, REASON)
    assert [r.id for r in capture.returned(volunteer)] == [draft.id]
    assert [r.id for r in capture.returned(officer)] == [draft.id]
    assert capture.returned(second_officer) == []
    assert capture.draft(volunteer, draft.id).status == "returned"  # theirs to open again


def test_a_volunteer_opens_a_returned_visit_they_captured_but_did_not_start(
    capture: CaptureService, verify: VerifyService, volunteer: Actor, officer: Actor
) -> None:
    draft = capture.new_draft(officer)
    capture.capture(volunteer, draft.id, make_payload())
    verify.return_(officer, draft.id, REASON)
    assert [r.id for r in capture.returned(volunteer)] == [draft.id]
    assert capture.draft(volunteer, draft.id).return_reason == REASON


# --- needs attention ----------------------------------------------------------------------------


def _held_for_good(store: Store, clock: FakeClock, sub_id: str) -> None:
    """Held OFFICER_AFTER times: the engine no longer retries it by itself."""
    for round_ in range(OFFICER_AFTER):
        with store.transaction() as conn:
            if round_:
                release_held(conn, sub_id, at=clock())
            subs.hold(conn, sub_id, at=clock(), error="server error (500)")
        clock.advance(seconds=1)


def test_attention_lists_rejected_conflict_and_held_with_their_counts(
    store: Store,
    clock: FakeClock,
    capture: CaptureService,
    verify: VerifyService,
    volunteer: Actor,
    officer: Actor,
) -> None:
    rejected = _verified(capture, verify, volunteer, officer, full_name="Nguyễn Văn An")
    conflict = _verified(capture, verify, volunteer, officer, full_name="Lê Thị Bình")
    held = _verified(capture, verify, volunteer, officer, full_name="Phạm Văn Cường")
    once = _verified(capture, verify, volunteer, officer)  # held once: the engine retries it
    errors = [
        {"path": "/resident/id_number", "code": "id_number.province"},
        {"path": "/vehicles/0/plate", "code": "plate.format"},
    ]
    with store.transaction() as conn:
        subs.mark_rejected(conn, rejected, at=clock(), errors=errors)
        subs.mark_conflict(conn, conflict, at=clock())
        subs.hold(conn, once, at=clock(), error="server error (500)")
    _held_for_good(store, clock, held)
    attention = verify.attention(officer)
    assert [i.id for i in attention.rejected] == [rejected]
    assert [i.id for i in attention.conflict] == [conflict]
    assert [i.id for i in attention.held] == [held]
    assert attention.total == 3
    (item,) = attention.rejected
    assert item.codes == ("id_number.province", "plate.format")
    assert (item.status, item.full_name, item.captured_by) == ("rejected", "Nguyễn Văn An", "Lan")
    assert (item.id_number, item.phone) == ("001090012345", "0912345678")
    assert attention.held[0].failures == OFFICER_AFTER
    assert attention.conflict[0].codes == () and attention.conflict[0].failures == 0
    counts = StationService(store, clock).home_counts()
    assert counts.needs_attention == 3


def test_each_action_takes_a_record_off_the_list(
    store: Store,
    clock: FakeClock,
    capture: CaptureService,
    verify: VerifyService,
    volunteer: Actor,
    officer: Actor,
) -> None:
    rejected = _verified(capture, verify, volunteer, officer)
    conflict = _verified(capture, verify, volunteer, officer)
    retried = _verified(capture, verify, volunteer, officer)
    sent_back = _verified(capture, verify, volunteer, officer)
    with store.transaction() as conn:
        subs.mark_rejected(conn, rejected, at=clock(), errors=[{"path": "/", "code": "x.y"}])
        subs.mark_conflict(conn, conflict, at=clock())
    _held_for_good(store, clock, retried)
    _held_for_good(store, clock, sent_back)
    assert verify.attention(officer).total == 4
    verify.return_(officer, rejected, "Máy chủ không nhận: kiểm tra lại")
    new = verify.supersede(officer, conflict)
    assert verify.retry_held(officer, retried).status == "verified"
    verify.return_(officer, sent_back, "Máy chủ không nhận được")
    assert verify.attention(officer).total == 0
    assert StationService(store, clock).home_counts().needs_attention == 0
    assert new.status == "draft" and new.supersedes_id == conflict
    assert sorted(r.id for r in capture.returned(volunteer)) == sorted([rejected, sent_back])


def test_a_volunteer_cannot_see_what_needs_attention(
    verify: VerifyService, volunteer: Actor
) -> None:
    with pytest.raises(PermissionDenied):
        verify.attention(volunteer)


def test_nothing_needs_attention_on_a_fresh_kiosk(verify: VerifyService, officer: Actor) -> None:
    attention = verify.attention(officer)
    assert (attention.rejected, attention.conflict, attention.held, attention.total) == (
        (),
        (),
        (),
        0,
    )
