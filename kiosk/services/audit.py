"""The audit log as officers see it: check the chain, read recent events, record app events.

Exports and settings changes happen in the UI and sync layers; they call :meth:`AuditService.record`
so the event lands in the same hash chain as everything else (DESIGN.md §6).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from kiosk.services.base import Actor, Clock, require_role
from kiosk.store import Store
from kiosk.store.audit import AuditReport, append_event, verify_audit_chain
from kiosk.store.models import AuditEvent

__all__ = ["AuditEntry", "AuditService"]


@dataclass(frozen=True)
class AuditEntry:
    """One audit event for the officer's log screen (details hold masked IDs only)."""

    seq: int
    at: str
    actor: str
    action: str
    subject: str | None
    details: dict[str, Any]


class AuditService:
    """Officer-only views of the audit log, and recording events for the layers above."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def record(
        self,
        actor: Actor | None,
        action: str,
        *,
        subject: str | None = None,
        details: Mapping[str, Any] | None = None,
    ) -> None:
        """Append an event (export, settings change...) in its own transaction."""
        with self._store.transaction() as session:
            append_event(
                session,
                at=self._clock(),
                actor=actor.operator_id if actor else None,
                action=action,
                subject=subject,
                details=details,
            )

    def verify_chain(self, actor: Actor) -> AuditReport:
        """Check the whole chain for edited, inserted and deleted rows."""
        require_role(actor, "check the audit log", "officer")
        with self._store.read() as session:
            report = verify_audit_chain(session)
        self.record(actor, "audit.verify", details={"ok": report.ok, "rows": report.rows})
        return report

    def recent(self, actor: Actor, limit: int = 100) -> list[AuditEntry]:
        """The newest events first."""
        require_role(actor, "read the audit log", "officer")
        with self._store.read() as session:
            rows = session.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(limit))
            return [
                AuditEntry(e.seq, e.at, e.actor, e.action, e.subject, json.loads(e.details))
                for e in rows
            ]
