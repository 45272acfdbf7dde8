"""The submission state machine: the whole matrix of transitions, training mode, verification."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from kiosk.domain.payload import canonical_bytes, is_reference, payload_sha256
from kiosk.store import (
    TRANSITIONS,
    InvalidTransition,
    PayloadInvalid,
    Store,
    TrainingSubmissionError,
)
from kiosk.store import submissions as subs
from kiosk.store.models import STATUSES, AuditEvent, Submission, SubmissionItem
from kiosk.store.station import set_training
from tests.store.fixtures import FakeClock, add_operator
from tests.strategies.payloads import make_payload

DIAGRAM = {
    ("draft", "captured"), ("draft", "discarded"),
    ("captured", "verified"), ("captured", "returned"),
    ("returned", "captured"),
    ("verified", "sent"), ("verified", "rejected"), ("verified", "conflict"), ("verified", "held"),
    ("rejected", "returned"),
    ("conflict", "superseded"),
    ("held", "verified"), ("held", "returned"),
}  # fmt: skip
"""DESIGN.md §4's diagram, spelled out by hand."""

ACK = ["licence.expiry_unconfirmed"]


class Flow:
    """Brings a new submission to any status through allowed steps only."""

    def __init__(self, store: Store, clock: FakeClock) -> None:
        self.store = store
        self.clock = clock
        self.volunteer = add_operator(store, "Vol", "volunteer")
        self.officer = add_operator(store, "Off", "officer")

    def step(self, action: Callable[..., object], sub_id: str, **kw: object) -> None:
        with self.store.write() as session:
            action(session, sub_id, at=self.clock.advance(minutes=1), **kw)

    def make(self, status: str) -> str:
        with self.store.write() as session:
            draft = subs.create_draft(
                session, at=self.clock(), actor=self.volunteer, payload=make_payload()
            )
            sub_id = draft.id
        path = {
            "draft": [],
            "discarded": ["discard"],
            "captured": ["capture"],
            "returned": ["capture", "return"],
            "verified": ["capture", "verify"],
            "sent": ["capture", "verify", "sent"],
            "rejected": ["capture", "verify", "rejected"],
            "conflict": ["capture", "verify", "conflict"],
            "held": ["capture", "verify", "held"],
            "superseded": ["capture", "verify", "conflict", "superseded"],
        }[status]
        for name in path:
            self.do(name, sub_id)
        return sub_id

    def do(self, name: str, sub_id: str) -> None:
        v, o = self.volunteer, self.officer
        actions: dict[str, Callable[[], None]] = {
            "discard": lambda: self.step(subs.discard, sub_id, actor=v, reason="abandoned"),
            "capture": lambda: self.step(subs.capture, sub_id, payload=make_payload(), actor=v),
            "return": lambda: self.step(subs.return_to_volunteer, sub_id, reason="ảnh mờ", actor=o),
            "verify": lambda: self.step(subs.verify, sub_id, actor=o, acknowledged=ACK),
            "sent": lambda: self.step(subs.mark_sent, sub_id),
            "rejected": lambda: self.step(subs.mark_rejected, sub_id, errors=[]),
            "conflict": lambda: self.step(subs.mark_conflict, sub_id),
            "held": lambda: self.step(subs.hold, sub_id, error="500"),
            "superseded": lambda: self.step(subs.supersede, sub_id, actor=o),
        }
        actions[name]()

    def status(self, sub_id: str) -> str:
        with self.store.read() as session:
            return subs.get(session, sub_id).status

    def audit_rows(self) -> int:
        with self.store.read() as session:
            return session.scalar(select(func.count()).select_from(AuditEvent)) or 0


@pytest.fixture
def flow(store: Store, clock: FakeClock) -> Flow:
    return Flow(store, clock)


def test_the_table_is_the_diagram() -> None:
    table = {(a, b) for a, targets in TRANSITIONS.items() for b in targets}
    assert table == DIAGRAM
    assert set(TRANSITIONS) == set(STATUSES)


@pytest.mark.parametrize("source", STATUSES)
def test_every_transition_not_in_the_table_raises(flow: Flow, source: str) -> None:
    """All ten targets from one source status, each on a fresh submission in that status."""
    for target in STATUSES:
        sub_id = flow.make(source)
        events = flow.audit_rows()
        with flow.store.write() as session:
            if (source, target) in DIAGRAM:
                subs.transition(
                    session, sub_id, target, at=flow.clock(), actor=flow.officer, acknowledged=ACK
                )
                continue
            with pytest.raises(InvalidTransition) as caught:
                subs.transition(session, sub_id, target, at=flow.clock(), actor=flow.officer)
            assert (caught.value.current, caught.value.target) == (source, target)
        assert flow.status(sub_id) == source
        assert flow.audit_rows() == events  # nothing written for a refused change
    for target in TRANSITIONS[source]:
        sub_id = flow.make(source)
        with flow.store.write() as session:
            subs.transition(
                session, sub_id, target, at=flow.clock(), actor=flow.officer, acknowledged=ACK
            )
        assert flow.status(sub_id) == target


def test_an_unknown_status_raises(flow: Flow) -> None:
    sub_id = flow.make("draft")
    with flow.store.write() as session, pytest.raises(InvalidTransition):
        subs.transition(session, sub_id, "uploaded", at=flow.clock(), actor=flow.officer)


def test_every_change_is_audited_in_the_same_transaction(flow: Flow) -> None:
    sub_id = flow.make("sent")
    with flow.store.read() as session:
        actions = session.scalars(
            select(AuditEvent.action).where(AuditEvent.subject == sub_id).order_by(AuditEvent.seq)
        ).all()
    assert actions == [
        "submission.create", "submission.captured", "submission.verified", "submission.sent"
    ]  # fmt: skip


def test_a_draft_gets_uuid_and_reference_at_creation(flow: Flow) -> None:
    ids = [flow.make("draft") for _ in range(5)]
    with flow.store.read() as session:
        refs = [subs.get(session, i).reference for i in ids]
    assert len(set(refs)) == 5
    assert all(is_reference(r) for r in refs)
    assert all(len(i) == 36 for i in ids)


def test_verify_freezes_canonical_bytes_and_hash(flow: Flow) -> None:
    sub_id = flow.make("verified")
    with flow.store.read() as session:
        sub = subs.get(session, sub_id)
        assert sub.payload is not None
        assert sub.canonical == canonical_bytes(sub.payload)
        assert sub.sha256 == payload_sha256(sub.payload)
        assert sub.payload["reference"] == sub.reference
        assert sub.payload["verified_by"] == flow.officer
        queue = subs.ready_for_upload(session)
    assert [q.id for q in queue] == [sub_id]


def test_verify_refuses_an_invalid_payload(flow: Flow) -> None:
    sub_id = flow.make("captured")
    with flow.store.write() as session:
        sub = session.get(Submission, sub_id)
        assert sub is not None
        sub.payload = {**(sub.payload or {}), "consent": False}
    with flow.store.write() as session, pytest.raises(PayloadInvalid) as caught:
        subs.verify(session, sub_id, at=flow.clock(), actor=flow.officer, acknowledged=ACK)
    assert {"path": "/consent", "code": "payload.consent"} in caught.value.errors
    assert flow.status(sub_id) == "captured"


def test_verify_needs_every_warning_acknowledged(flow: Flow) -> None:
    sub_id = flow.make("captured")
    with flow.store.write() as session, pytest.raises(subs.UnacknowledgedWarnings):
        subs.verify(session, sub_id, at=flow.clock(), actor=flow.officer, acknowledged=[])
    assert flow.status(sub_id) == "captured"


def test_capture_refuses_an_invalid_payload(flow: Flow) -> None:
    sub_id = flow.make("draft")
    bad = make_payload(resident={**make_payload()["resident"], "id_number": "12345"})
    with flow.store.write() as session, pytest.raises(PayloadInvalid):
        subs.capture(session, sub_id, bad, at=flow.clock(), actor=flow.volunteer)
    assert flow.status(sub_id) == "draft"


def test_capture_keeps_one_item_per_answer(flow: Flow) -> None:
    sub_id = flow.make("captured")
    with flow.store.read() as session:
        items = session.scalars(
            select(SubmissionItem).where(SubmissionItem.submission_id == sub_id)
        )
        kinds = sorted((i.kind, i.position, i.answer) for i in items)
        sub = subs.get(session, sub_id)
    assert kinds == [("licence", 0, "confirmed"), ("vehicle", 0, "confirmed"),
                     ("vehicle", 1, "sold"), ("vehicle", 2, "added")]  # fmt: skip
    assert (sub.vehicle_count, sub.licence_count) == (3, 1)


def test_held_retry_keeps_the_frozen_payload(flow: Flow) -> None:
    sub_id = flow.make("held")
    with flow.store.read() as session:
        before = subs.get(session, sub_id).sha256
    flow.step(subs.retry_held, sub_id, actor=flow.officer)
    with flow.store.read() as session:
        sub = subs.get(session, sub_id)
        assert (sub.status, sub.sha256) == ("verified", before)


def test_superseding_makes_a_new_submission(flow: Flow) -> None:
    old_id = flow.make("conflict")
    with flow.store.write() as session:
        new = subs.supersede(session, old_id, at=flow.clock(), actor=flow.officer)
        new_id, new_ref = new.id, new.reference
    with flow.store.read() as session:
        old = subs.get(session, old_id)
        new = subs.get(session, new_id)
        assert old.status == "superseded"
        assert (new.status, new.supersedes_id) == ("draft", old_id)
        assert new_ref != old.reference
        assert new.payload is not None and old.payload is not None
        assert new.payload["resident"] == old.payload["resident"]


def test_a_returned_submission_can_be_captured_again(flow: Flow) -> None:
    sub_id = flow.make("returned")
    with flow.store.read() as session:
        sub = subs.get(session, sub_id)
        assert (sub.sha256, sub.return_reason) == (None, "ảnh mờ")
    flow.do("capture", sub_id)
    flow.do("verify", sub_id)
    assert flow.status(sub_id) == "verified"


class TestTraining:
    """Training-mode submissions are marked and never leave ``verified``."""

    @pytest.fixture
    def training_id(self, flow: Flow) -> str:
        with flow.store.write() as session:
            set_training(session, on=True, at=flow.clock(), actor=flow.officer)
        return flow.make("verified")

    def test_it_is_marked_and_never_queued(self, flow: Flow, training_id: str) -> None:
        with flow.store.read() as session:
            assert subs.get(session, training_id).training
            assert subs.ready_for_upload(session) == []

    @pytest.mark.parametrize("target", sorted(TRANSITIONS["verified"]))
    def test_it_cannot_leave_verified(self, flow: Flow, training_id: str, target: str) -> None:
        with flow.store.write() as session, pytest.raises(TrainingSubmissionError):
            subs.transition(session, training_id, target, at=flow.clock(), actor=flow.officer)
        assert flow.status(training_id) == "verified"

    def test_the_database_refuses_it_too(self, flow: Flow, training_id: str) -> None:
        with pytest.raises(IntegrityError), flow.store.write() as session:
            session.execute(
                text("UPDATE submission SET status = 'sent', sent_at = '2025-01-01' WHERE id = :i"),
                {"i": training_id},
            )


def test_the_database_checks_statuses_and_answers(flow: Flow) -> None:
    sub_id = flow.make("draft")
    bad_sql = [
        "UPDATE submission SET status = 'uploaded' WHERE id = :i",
        "UPDATE submission SET status = 'verified' WHERE id = :i",  # not frozen
        "INSERT INTO submission_item (submission_id, kind, position, answer) "
        "VALUES (:i, 'licence', 0, 'sold')",
    ]
    for sql in bad_sql:
        with pytest.raises(IntegrityError), flow.store.write() as session:
            session.execute(text(sql), {"i": sub_id})


def test_statuses_pairs_are_all_covered() -> None:
    assert len(list(itertools.product(STATUSES, STATUSES))) == 100
