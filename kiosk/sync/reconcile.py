"""Reconciliation when an evening session closes: nothing the kiosk counts as sent is silently lost.

The kiosk sends the ids of the session's submissions that are (or are about to be) at the server;
the server answers the ids it does not have.  Those still verified or held are in the upload queue
already.  Those the kiosk marked ``sent`` go again at once, with their frozen bytes and the same
idempotent rules (a ``sent`` submission has no way back into the queue: the lifecycle of DESIGN.md
§4 ends there).  One whose personal data was already purged cannot go again and is reported.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from kiosk.exchange.protocol import MAX_BATCH_ITEMS
from kiosk.store import Store
from kiosk.store.audit import append_event
from kiosk.store.outbox import frozen_submissions, session_manifest
from kiosk.sync.client import IntakeClient
from kiosk.sync.errors import SyncError

__all__ = ["ReconcileResult", "reconcile"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReconcileResult:
    """The session's reconciliation: how many asked about, missing, sent again, still missing."""

    session_id: str
    asked: int
    missing: int
    queued: int
    """Missing but still in the upload queue (verified or held): they go with the queue."""
    resent: int
    """Marked sent here, missing there: sent again and now accepted."""
    unrecoverable: int
    """Missing there, and their frozen bytes were already purged here (or refused again)."""
    still_missing: int
    """Could not be sent again now (no connection): run the reconciliation again later."""


def reconcile(
    store: Store,
    client: IntakeClient,
    session_id: str,
    *,
    now: Callable[[], datetime],
    actor: str | None = None,
) -> ReconcileResult:
    """Close ``session_id`` at the server and send again what it lacks (raises when offline)."""
    with store.reader() as conn:
        manifest = session_manifest(conn, session_id)
    missing = client.close_session(session_id, sorted(manifest))
    queued = [i for i in missing if manifest.get(i) in ("verified", "held")]
    lost = [i for i in missing if manifest.get(i) == "sent"]
    with store.reader() as conn:
        frozen = frozen_submissions(conn, lost)
    resent = unrecoverable = still = 0
    unrecoverable = len(lost) - len(frozen)
    for start in range(0, len(frozen), MAX_BATCH_ITEMS):
        batch = frozen[start : start + MAX_BATCH_ITEMS]
        try:
            answer = client.upload(batch)
        except SyncError as exc:
            log.warning("reconcile: could not send again (%s)", type(exc).__name__)
            still += len(frozen) - start
            break
        for item in answer.results:
            if item.status in ("accepted", "duplicate"):
                resent += 1
            else:
                unrecoverable += 1
    result = ReconcileResult(
        session_id=session_id,
        asked=len(manifest),
        missing=len(missing),
        queued=len(queued),
        resent=resent,
        unrecoverable=unrecoverable,
        still_missing=still,
    )
    with store.transaction() as conn:
        details = {k: v for k, v in vars(result).items() if k != "session_id"}
        append_event(
            conn,
            at=now(),
            actor=actor,
            action="sync.reconcile",
            subject=session_id,
            details=details,
        )
    log.info("reconcile: %d asked, %d missing, %d sent again", len(manifest), len(missing), resent)
    return result
