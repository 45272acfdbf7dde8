"""Capture: a volunteer (or officer) starts a draft, saves it as it grows, captures or discards it.

The store does the state machine and the audit; this layer checks who asks.  It hands back plain
frozen records (:class:`~kiosk.store.lifecycle.SubmissionRecord`, :class:`DraftSummary`), never
ORM rows, so the UI can take them to another thread.  A volunteer works on their own drafts only;
an officer may open or discard anyone's.  A visit is found again by its reference code (a resident
back with their receipt, or on the phone) by either role, whoever captured it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from kiosk.domain.payload import parse_reference
from kiosk.services.base import Actor, Clock, PermissionDenied, Role, require_role
from kiosk.services.outcomes import record_here
from kiosk.store import Store, retention, sessions
from kiosk.store import submissions as subs
from kiosk.store.audit import append_event
from kiosk.store.daily_counts import day_start
from kiosk.store.errors import NotFound
from kiosk.store.lifecycle import SubmissionRecord
from kiosk.store.models import Resident, table_of
from kiosk.store.submissions import DISCARD_REASONS, PreparedCapture

__all__ = [
    "DISCARD_REASONS",
    "CaptureService",
    "DraftSummary",
    "PreparedCapture",
    "ReturnedSummary",
    "SubmissionRecord",
]


_ANYONE: tuple[Role, ...] = ("officer", "volunteer")
_R = table_of(Resident)
_OPERATOR_REASONS = ("abandoned", "refused")
_NO_RECEIPT = frozenset({"draft", "discarded"})
"""Statuses of a visit that was never captured: it has no receipt, so no code to find it by."""


@dataclass(frozen=True)
class DraftSummary:
    """One of the signed-in operator's drafts, for the "continue a visit" list.

    ``full_name`` and ``id_number`` come from the draft's ``resident`` and are None while the
    draft has none yet.  Lists mask the ID number (DESIGN.md §6); the full value is here for the
    screen that reopens the draft.  ``saved_at`` is the draft's ``status_at``: when it was started
    (saving a draft again does not move it), the time draft expiry counts from.
    """

    id: str
    reference: str
    full_name: str | None
    id_number: str | None
    saved_at: datetime


@dataclass(frozen=True)
class ReturnedSummary:
    """One of the signed-in operator's visits an officer sent back, for Home's list.

    ``reason`` is the officer's; ``phone`` is the resident's from the payload (None when not
    given), so a resident who went home can be called back.  ``returned_at`` is when it was
    sent back.
    """

    id: str
    reference: str
    full_name: str | None
    phone: str | None
    reason: str
    returned_at: datetime


def _resident(record: SubmissionRecord) -> object:
    """The payload's ``resident`` part (anything, or None, in a partial draft)."""
    payload = record.payload
    return payload.get("resident") if isinstance(payload, Mapping) else None


def _text(resident: object, key: str) -> str | None:
    """A string field of a partial draft's resident, or None."""
    value = resident.get(key) if isinstance(resident, Mapping) else None
    return value if isinstance(value, str) and value else None


def _has_receipt(record: SubmissionRecord | None) -> bool:
    """Whether ``record`` was captured (whatever became of it since): its receipt exists."""
    return record is not None and record.status not in _NO_RECEIPT


def _check_owner(actor: Actor, record: SubmissionRecord, action: str) -> None:
    """A volunteer may act only on their own submissions (started or captured by them); an
    officer on anyone's."""
    if not actor.is_officer and actor.operator_id not in (record.created_by, record.captured_by):
        raise PermissionDenied(action, actor.role)


class CaptureService:
    """Drafts and captures; both roles may capture."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def new_draft(
        self,
        actor: Actor,
        *,
        session_id: str | None = None,
        payload: Mapping[str, Any] | None = None,
    ) -> SubmissionRecord:
        """Start a resident's visit: UUID and reference code from the start, in ``session_id``
        (default: today's open evening session, opened now if there is none yet)."""
        require_role(actor, "capture", *_ANYONE)
        at = self._clock()
        with self._store.transaction() as session:
            if session_id is None:  # today's session; the day's first capture opens one
                session_id = sessions.session_for_capture(
                    session, at=at, day_start=day_start(at.date(), at), actor=actor.operator_id
                )
            sub = subs.create_draft(
                session, at=at, actor=actor.operator_id, session_id=session_id, payload=payload
            )
            return sub

    def save_draft(
        self, actor: Actor, submission_id: str, payload: Mapping[str, Any]
    ) -> SubmissionRecord:
        """Keep the payload as it is now (a scan in the middle of a capture saves a draft)."""
        require_role(actor, "capture", *_ANYONE)
        with self._store.transaction() as session:
            sub = subs.save_draft(
                session, submission_id, payload, at=self._clock(), actor=actor.operator_id
            )
            return sub

    def review(
        self, actor: Actor, submission_id: str, payload: Mapping[str, Any]
    ) -> PreparedCapture:
        """The review screen: check the payload (raises ``PayloadInvalid`` with codes), no write.

        Hand the result to :meth:`capture` when the operator presses Save.
        """
        require_role(actor, "capture", *_ANYONE)
        with self._store.read() as session:
            record = subs.get(session, submission_id)
        return subs.prepare_capture(record, payload, at=self._clock(), actor=actor.operator_id)

    def capture(
        self, actor: Actor, submission_id: str, payload: Mapping[str, Any] | PreparedCapture
    ) -> SubmissionRecord:
        """Save: durable on disk before this returns; a plain payload is checked first."""
        require_role(actor, "capture", *_ANYONE)
        with self._store.transaction() as session:
            sub = subs.capture(
                session, submission_id, payload, at=self._clock(), actor=actor.operator_id
            )
            return sub

    def discard(
        self, actor: Actor, submission_id: str, reason: str = "abandoned"
    ) -> SubmissionRecord:
        """Give up a draft (``abandoned``, or ``refused`` by the resident), erasing its data.

        A volunteer discards only their own drafts; an officer anyone's.  Only the reference,
        the times, the operator, the reason (and for ``refused`` the ID number) remain; a
        refusal also records the member's visit outcome ``refused``, in the same transaction.
        ``expired`` is the system's reason (:meth:`expire_drafts`), not an operator's.
        """
        require_role(actor, "discard drafts", *_ANYONE)
        if reason not in _OPERATOR_REASONS:
            raise ValueError(f"an operator discards with {' or '.join(_OPERATOR_REASONS)}")
        with self._store.transaction() as session:
            record = subs.get(session, submission_id)
            _check_owner(actor, record, "discard another operator's draft")
            sub = subs.discard(
                session, submission_id, at=self._clock(), actor=actor.operator_id, reason=reason
            )
            if reason == "refused" and sub.resident_id_number is not None:
                self._refusal_outcome(session, actor, sub)
            return sub

    def _refusal_outcome(self, conn: Connection, actor: Actor, sub: SubmissionRecord) -> None:
        """A refusal is the member's visit outcome ``refused`` (DESIGN.md §5), in the discard's
        transaction and its session.  Only for a resident the roster cache places in a household:
        an outcome is about a household or one of its members, and a resident not on the
        ward's roster (another ward's, or typed in by hand) has none to put it under."""
        household = conn.execute(
            select(_R.c.household_id).where(_R.c.id_number == sub.resident_id_number)
        ).scalar()
        if household is None:
            return
        record_here(
            conn,
            actor,
            household_id=household,
            id_number=sub.resident_id_number,
            outcome="refused",
            session_id=sub.session_id,
            clock=self._clock,
        )

    def my_drafts(self, actor: Actor) -> list[DraftSummary]:
        """The signed-in operator's own drafts (training ones too), newest first."""
        require_role(actor, "view submissions", *_ANYONE)
        with self._store.reader() as conn:
            drafts = subs.drafts_by(conn, actor.operator_id)
        return [
            DraftSummary(
                record.id,
                record.reference,
                _text(_resident(record), "full_name"),
                _text(_resident(record), "id_number"),
                record.status_at,
            )
            for record in drafts
        ]

    def draft(self, actor: Actor, submission_id: str) -> SubmissionRecord:
        """A draft (or a returned visit) to continue: a volunteer's own only (started or
        captured by them, as :meth:`returned` lists them), any for an officer.

        The record is as it is now: check ``status`` (it may have been captured, or discarded
        as expired, since the list was read).
        """
        require_role(actor, "view submissions", *_ANYONE)
        with self._store.read() as session:
            record = subs.get(session, submission_id)
        _check_owner(actor, record, "open another operator's draft")
        return record

    def expire_drafts(self, days: int) -> int:
        """Discard (``expired``) every draft last saved more than ``days`` ago; a system action.

        Returns how many; their personal data is erased and each is audited with no actor.
        """
        with self._store.transaction() as session:
            return retention.expire_drafts(session, at=self._clock(), days=days)

    def purge_sent(self, days: int) -> int:
        """Erase the personal data of submissions sent more than ``days`` ago whose session was
        reconciled since, after keeping the days' counts; a system action. Returns how many."""
        with self._store.write() as session:
            return retention.purge_sent(session, at=self._clock(), days=days)

    def get(self, actor: Actor, submission_id: str) -> SubmissionRecord:
        """One submission for the capture or review screen."""
        require_role(actor, "view submissions", *_ANYONE)
        with self._store.read() as session:
            return subs.get(session, submission_id)

    def returned(self, actor: Actor) -> list[ReturnedSummary]:
        """The signed-in operator's own visits an officer sent back (they captured or started
        them; training ones too), oldest return first, for them to fix."""
        require_role(actor, "view submissions", *_ANYONE)
        with self._store.reader() as conn:
            records = subs.with_status(conn, "returned")
        mine = (r for r in records if actor.operator_id in (r.captured_by, r.created_by))
        return [
            ReturnedSummary(
                record.id,
                record.reference,
                _text(_resident(record), "full_name"),
                _text(_resident(record), "phone"),
                record.return_reason or "",
                record.status_at,
            )
            for record in mine
        ]

    def find_by_reference(self, actor: Actor, text: str) -> SubmissionRecord:
        """The visit with the reference code ``text`` as typed (any case, with or without the
        dash, spaces, O for 0, I or L for 1), for its receipt again.

        Raises ``DomainError`` ``reference.format`` for text that is no code (not audited:
        nothing was looked up) and ``NotFound`` for a code of no captured visit here (drafts and
        discarded ones are not found).  A purged visit is found with ``payload`` None.  Every
        look-up is audited (``submission.find``, details: the code only; the subject is the
        submission when found).
        """
        require_role(actor, "find visits", *_ANYONE)
        reference = parse_reference(text)
        with self._store.transaction() as conn:
            record = subs.by_reference(conn, reference)
            found = record if _has_receipt(record) else None
            append_event(
                conn, at=self._clock(), actor=actor.operator_id, action="submission.find",
                subject=None if found is None else found.id, details={"reference": reference},
            )  # fmt: skip
        if found is None:
            raise NotFound("no captured visit with this reference code on this kiosk")
        return found

    def record_reprint(self, actor: Actor, submission_id: str) -> None:
        """A receipt was printed again: audited (``submission.reprint``, details: the code).

        ``NotFound`` for an unknown id or a visit never captured (it has no receipt).
        """
        require_role(actor, "reprint receipts", *_ANYONE)
        with self._store.transaction() as conn:
            record = subs.get(conn, submission_id)
            if not _has_receipt(record):
                raise NotFound("this visit was never captured: it has no receipt")
            append_event(
                conn, at=self._clock(), actor=actor.operator_id, action="submission.reprint",
                subject=record.id, details={"reference": record.reference},
            )  # fmt: skip
