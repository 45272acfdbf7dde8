"""Capture: a volunteer (or officer) starts a draft, saves it as it grows, captures or discards it.

The store does the state machine and the audit; this layer checks who asks.  It hands back plain
frozen records (:class:`~kiosk.store.lifecycle.SubmissionRecord`), never ORM rows, so the UI can
take them to another thread.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kiosk.services.base import Actor, Clock, Role, require_role
from kiosk.store import Store
from kiosk.store import submissions as subs
from kiosk.store.lifecycle import SubmissionRecord
from kiosk.store.submissions import PreparedCapture

__all__ = ["CaptureService", "PreparedCapture", "SubmissionRecord"]


_ANYONE: tuple[Role, ...] = ("officer", "volunteer")


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
        """Start a resident's visit: UUID and reference code from the start."""
        require_role(actor, "capture", *_ANYONE)
        with self._store.transaction() as session:
            sub = subs.create_draft(
                session,
                at=self._clock(),
                actor=actor.operator_id,
                session_id=session_id,
                payload=payload,
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

    def discard(self, actor: Actor, submission_id: str) -> SubmissionRecord:
        """Give up a draft."""
        require_role(actor, "discard drafts", *_ANYONE)
        with self._store.transaction() as session:
            sub = subs.discard(session, submission_id, at=self._clock(), actor=actor.operator_id)
            return sub

    def get(self, actor: Actor, submission_id: str) -> SubmissionRecord:
        """One submission for the capture or review screen."""
        require_role(actor, "view submissions", *_ANYONE)
        with self._store.read() as session:
            return subs.get(session, submission_id)

    def returned(self, actor: Actor) -> list[SubmissionRecord]:
        """Submissions an officer sent back, oldest first, for the volunteer to fix."""
        require_role(actor, "view submissions", *_ANYONE)
        with self._store.read() as session:
            return subs.with_status(session, "returned")
