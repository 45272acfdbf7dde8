"""Verification: officers only — approve (validate and freeze), return with a reason, warnings,
and the records the upload left to an officer.

A volunteer calling any of these gets :class:`~kiosk.services.base.PermissionDenied` here, in the
service layer, whatever the UI shows (DESIGN.md §6).  Four eyes: an officer who captured a record
gets :class:`~kiosk.services.base.OwnCapture` when approving it or acknowledging its warnings (the
acknowledgement is part of the check, and it stays in the payload for the approval).  Sending
one's own capture back (:meth:`VerifyService.return_`) is allowed: that signs nothing off, it only
reopens the record for correction, and another officer still verifies it afterwards.  Retrying a
held record and re-creating a conflicting one are allowed too: the first re-queues content another
officer verified, unchanged; the second makes a new draft that needs its own verification.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from kiosk.exchange.payload import payload_warnings
from kiosk.services.base import Actor, Clock, OwnCapture, require_role
from kiosk.store import Store
from kiosk.store import submissions as subs
from kiosk.store.lifecycle import SubmissionRecord
from kiosk.store.models import Operator
from kiosk.store.outbox import needing_officer

__all__ = ["Attention", "AttentionItem", "VerifyService"]


@dataclass(frozen=True)
class AttentionItem:
    """A record the upload could not finish, as the officer's "needs attention" list shows it.

    ``id_number`` is the full value (lists mask it, DESIGN.md §6).  ``codes``: for a rejected
    record, the rule codes the server gave (the store keeps the codes, not their paths).
    ``failures``: for a held record, how many times it failed alone at the server.
    """

    id: str
    reference: str
    status: str
    full_name: str | None
    id_number: str | None
    phone: str | None
    captured_by: str | None
    """The name of the operator who captured it (None when unknown)."""
    since: datetime
    """When it took this status (``status_at``)."""
    codes: tuple[str, ...] = ()
    failures: int = 0


@dataclass(frozen=True)
class Attention:
    """Rejected, conflicting and held records (oldest first in each group)."""

    rejected: tuple[AttentionItem, ...] = ()
    """The server found it invalid and stored nothing: send it back to be corrected."""
    conflict: tuple[AttentionItem, ...] = ()
    """The server holds other content under its id: re-create it as a new submission."""
    held: tuple[AttentionItem, ...] = ()
    """It failed alone at the server so often that the upload no longer retries it by itself."""

    @property
    def total(self) -> int:
        """How many records wait for an officer, all groups together."""
        return len(self.rejected) + len(self.conflict) + len(self.held)


def _text(mapping: object, key: str) -> str | None:
    value = mapping.get(key) if isinstance(mapping, Mapping) else None
    return value if isinstance(value, str) and value else None


def _codes(record: SubmissionRecord) -> tuple[str, ...]:
    """The server's rule codes as :func:`kiosk.store.uploads.mark_rejected` keeps them."""
    if record.status != "rejected" or not record.last_error:
        return ()
    return tuple(code for code in record.last_error.split(",") if code and code != "None")


def _item(record: SubmissionRecord, names: Mapping[str, str]) -> AttentionItem:
    resident = (record.payload or {}).get("resident")
    return AttentionItem(
        record.id, record.reference, record.status, _text(resident, "full_name"),
        _text(resident, "id_number"), _text(resident, "phone"),
        names.get(record.captured_by or ""), record.status_at, _codes(record),
        record.upload_failures if record.status == "held" else 0,
    )  # fmt: skip


def _names(session: Session | Connection) -> dict[str, str]:
    rows = session.execute(select(Operator.id, Operator.name))
    return {str(op_id): str(name) for op_id, name in rows}


def _not_own(actor: Actor, record: SubmissionRecord) -> None:
    if record.captured_by == actor.operator_id:
        raise OwnCapture()


class VerifyService:
    """The officer's side of a submission."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def pending(self, actor: Actor) -> list[SubmissionRecord]:
        """Captured submissions waiting for an officer, oldest first."""
        require_role(actor, "verify", "officer")
        with self._store.read() as session:
            return subs.with_status(session, "captured")

    def warnings(self, actor: Actor, submission_id: str) -> list[dict[str, str]]:
        """The payload's warnings (``{"path", "code"}``) the officer must acknowledge."""
        require_role(actor, "verify", "officer")
        with self._store.read() as session:
            payload = subs.get(session, submission_id).payload or {}
        return payload_warnings(payload, today=self._clock().date())

    def acknowledge_warnings(
        self, actor: Actor, submission_id: str, codes: Iterable[str]
    ) -> SubmissionRecord:
        """Record which warnings the officer saw and accepted (never on their own capture)."""
        require_role(actor, "verify", "officer")
        with self._store.transaction() as session:
            _not_own(actor, subs.get(session, submission_id))
            sub = subs.acknowledge(
                session, submission_id, codes, at=self._clock(), actor=actor.operator_id
            )
            return sub

    def approve(
        self, actor: Actor, submission_id: str, *, acknowledged: Iterable[str] | None = None
    ) -> SubmissionRecord:
        """captured -> verified: checked, frozen (canonical bytes + SHA-256), ready for upload.

        :class:`OwnCapture` when ``actor`` captured it: another officer verifies (four eyes).
        """
        require_role(actor, "verify", "officer")
        with self._store.transaction() as session:
            _not_own(actor, subs.get(session, submission_id))
            sub = subs.verify(
                session,
                submission_id,
                at=self._clock(),
                actor=actor.operator_id,
                acknowledged=acknowledged,
            )
            return sub

    def return_(self, actor: Actor, submission_id: str, reason: str) -> SubmissionRecord:
        """Send it back to the volunteer with a reason (captured, held or rejected ones).

        Allowed on one's own capture: returning signs nothing off (see the module's docstring).
        """
        require_role(actor, "verify", "officer")
        with self._store.transaction() as session:
            sub = subs.return_to_volunteer(
                session, submission_id, reason=reason, at=self._clock(), actor=actor.operator_id
            )
            return sub

    def retry_held(self, actor: Actor, submission_id: str) -> SubmissionRecord:
        """held -> verified: queue a set-aside submission again, unchanged."""
        require_role(actor, "retry uploads", "officer")
        with self._store.transaction() as session:
            sub = subs.retry_held(session, submission_id, at=self._clock(), actor=actor.operator_id)
            return sub

    def supersede(self, actor: Actor, submission_id: str) -> SubmissionRecord:
        """conflict -> superseded; returns the new draft carrying the same content."""
        require_role(actor, "re-create submissions", "officer")
        with self._store.transaction() as session:
            new = subs.supersede(session, submission_id, at=self._clock(), actor=actor.operator_id)
            return new

    def attention(self, actor: Actor) -> Attention:
        """What the upload left to an officer: rejected, in conflict, and held for good.

        Held records count only once the engine gave up on them (``OFFICER_AFTER`` lone
        failures, DESIGN.md §5); before that it retries them by itself.
        """
        require_role(actor, "view records needing attention", "officer")
        with self._store.read() as session:
            names = _names(session)
            groups = (
                subs.with_status(session, "rejected"),
                subs.with_status(session, "conflict"),
                needing_officer(session),
            )
        rejected, conflict, held = (tuple(_item(r, names) for r in group) for group in groups)
        return Attention(rejected, conflict, held)
