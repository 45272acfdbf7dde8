"""Retention: personal data of submissions sent more than N days ago goes; counts and codes stay."""

from __future__ import annotations

from sqlalchemy import select

from kiosk.store import Store
from kiosk.store import submissions as subs
from kiosk.store.models import AuditEvent, Submission, SubmissionItem
from kiosk.store.retention import expire_drafts, purge_sent
from tests.store.fixtures import FakeClock, add_operator
from tests.strategies.payloads import make_payload

ACK = ["licence.expiry_unconfirmed"]
"""The warning of the synthetic payload's licence, acknowledged by the verifying officer."""


def _sent(store: Store, clock: FakeClock, volunteer: str, officer: str) -> str:
    with store.write() as session:
        sub_id = subs.create_draft(session, at=clock(), actor=volunteer).id
        subs.capture(session, sub_id, make_payload(), at=clock(), actor=volunteer)
        subs.verify(session, sub_id, at=clock(), actor=officer, acknowledged=ACK)
        subs.mark_sent(session, sub_id, at=clock())
    return sub_id


def test_purge_after_seven_days(store: Store, clock: FakeClock) -> None:
    volunteer = add_operator(store, "Vol", "volunteer")
    officer = add_operator(store, "Off", "officer")
    old = _sent(store, clock, volunteer, officer)
    clock.advance(days=3)
    recent = _sent(store, clock, volunteer, officer)
    with store.write() as session:
        pending = subs.create_draft(session, at=clock(), actor=volunteer).id
    clock.advance(days=4, minutes=1)  # old: 7 days + 1 minute ago; recent: 4 days ago

    with store.write() as session:
        assert purge_sent(session, at=clock(), days=7) == 1
    with store.write() as session:
        assert purge_sent(session, at=clock(), days=7) == 0  # already purged

    with store.read() as session:
        gone = session.get(Submission, old)
        kept = session.get(Submission, recent)
        draft = session.get(Submission, pending)
        assert gone is not None and kept is not None and draft is not None
        assert (gone.payload, gone.canonical, gone.resident_id_number) == (None, None, None)
        assert gone.purged_at is not None
        assert (gone.status, gone.vehicle_count, gone.licence_count) == ("sent", 3, 1)
        assert gone.reference and gone.sha256
        labels = session.scalars(
            select(SubmissionItem.label).where(SubmissionItem.submission_id == old)
        ).all()
        assert len(labels) == 4 and set(labels) == {None}
        assert kept.payload is not None and kept.resident_id_number == "001090012345"
        assert draft.payload is not None
        purges = session.scalars(
            select(AuditEvent.details).where(AuditEvent.action == "retention.purge")
        ).all()
        assert len(purges) == 1


def test_drafts_older_than_the_period_expire(store: Store, clock: FakeClock) -> None:
    volunteer = add_operator(store, "Vol", "volunteer")
    officer = add_operator(store, "Off", "officer")
    with store.write() as session:
        old = subs.create_draft(session, at=clock(), actor=volunteer, payload=make_payload()).id
    sent = _sent(store, clock, volunteer, officer)
    clock.advance(days=2)
    with store.write() as session:
        recent = subs.create_draft(session, at=clock(), actor=volunteer, payload=make_payload()).id
    clock.advance(days=1)  # old and sent: 3 days ago; recent: 1 day ago

    with store.write() as session:
        assert expire_drafts(session, at=clock(), days=3) == 0  # not *older* than 3 days yet
    clock.advance(seconds=1)
    with store.write() as session:
        before = session.get(Submission, old)  # loaded in this session: refreshed afterwards
        assert before is not None and before.status == "draft"
        assert expire_drafts(session, at=clock(), days=3) == 1
        assert (before.status, before.payload, before.discard_reason) == (
            "discarded", None, "expired",
        )  # fmt: skip

    with store.read() as session:
        gone, kept = session.get(Submission, old), session.get(Submission, recent)
        done = session.get(Submission, sent)
        assert gone is not None and kept is not None and done is not None
        assert (gone.resident_id_number, gone.vehicle_count, gone.purged_at) == (None, 0, clock())
        assert kept.status == "draft" and kept.payload is not None
        assert done.status == "sent" and done.payload is not None
        items = session.scalars(
            select(SubmissionItem.id).where(SubmissionItem.submission_id == old)
        ).all()
        assert items == []
        summaries = session.scalars(
            select(AuditEvent.details).where(AuditEvent.action == "retention.drafts")
        ).all()
        assert len(summaries) == 1
