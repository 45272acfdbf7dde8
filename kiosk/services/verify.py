"""Verification: officers only — approve (validate and freeze), return with a reason, warnings.

A volunteer calling any of these gets :class:`~kiosk.services.base.PermissionDenied` here, in the
service layer, whatever the UI shows (DESIGN.md §6).
"""

from __future__ import annotations

from collections.abc import Iterable

from kiosk.exchange.payload import payload_warnings
from kiosk.services.base import Actor, Clock, require_role
from kiosk.store import Store
from kiosk.store import submissions as subs
from kiosk.store.lifecycle import SubmissionRecord

__all__ = ["VerifyService"]


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
        """Record which warnings the officer saw and accepted."""
        require_role(actor, "verify", "officer")
        with self._store.transaction() as session:
            sub = subs.acknowledge(
                session, submission_id, codes, at=self._clock(), actor=actor.operator_id
            )
            return sub

    def approve(
        self, actor: Actor, submission_id: str, *, acknowledged: Iterable[str] | None = None
    ) -> SubmissionRecord:
        """captured -> verified: checked, frozen (canonical bytes + SHA-256), ready for upload."""
        require_role(actor, "verify", "officer")
        with self._store.transaction() as session:
            sub = subs.verify(
                session,
                submission_id,
                at=self._clock(),
                actor=actor.operator_id,
                acknowledged=acknowledged,
            )
            return sub

    def return_(self, actor: Actor, submission_id: str, reason: str) -> SubmissionRecord:
        """Send it back to the volunteer with a reason (captured, held or rejected ones)."""
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
