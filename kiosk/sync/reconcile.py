"""Reconciliation when an evening session closes: nothing the kiosk counts as sent is silently lost.

The kiosk sends the ids of the session's submissions that are (or are about to be) at the server;
the server answers the ids it does not have.  Those still verified or held are in the upload queue
already.  Those the kiosk marked ``sent`` go again at once, with their frozen bytes and the same
idempotent rules (a ``sent`` submission has no way back into the queue: the lifecycle of DESIGN.md
§4 ends there).  One whose personal data was already purged cannot go again and is reported.

A reconciliation that could send everything again marks the session reconciled as of the moment
its list was read (:func:`kiosk.store.sessions.mark_reconciled`): what was sent before then may
be purged after the retention period.  :func:`reconcile_due` runs it for every closed session
that waits (the sync thread, after each round, and the nightly sweep with ``late``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from kiosk.exchange.protocol import MAX_BATCH_ITEMS
from kiosk.store import Store
from kiosk.store.audit import append_event
from kiosk.store.outbox import frozen_submissions, session_manifest
from kiosk.store.sessions import mark_reconciled, to_reconcile
from kiosk.sync.client import IntakeClient
from kiosk.sync.errors import ServerBusy, ServerError, SyncError

__all__ = ["ReconcileResult", "reconcile", "reconcile_due", "reconcile_soon"]

log = logging.getLogger(__name__)

BUSY_TRIES = 3
"""An officer waiting at the screen: a busy or failing server is asked this many times in all."""
BUSY_WAIT_CAP_S = 5.0
"""...after its ``Retry-After``, but never longer than this (1 s when it gave none)."""


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
    asked_at = now()
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
        if still == 0:
            mark_reconciled(conn, session_id, at=asked_at)
    log.info("reconcile: %d asked, %d missing, %d sent again", len(manifest), len(missing), resent)
    return result


def reconcile_due(
    store: Store, client: IntakeClient, *, now: Callable[[], datetime], late: bool = False
) -> list[ReconcileResult]:
    """Reconcile every closed session not reconciled yet (with ``late``, also those that sent
    something since their last reconciliation), oldest first; raises at the first that cannot
    reach the server (the rest wait for the next call)."""
    with store.reader() as conn:
        due = to_reconcile(conn, late=late)
    return [reconcile(store, client, session_id, now=now) for session_id in due]


def reconcile_soon(
    store: Store,
    client: IntakeClient,
    session_id: str,
    *,
    now: Callable[[], datetime],
    actor: str | None = None,
) -> ReconcileResult:
    """:func:`reconcile` for an officer who waits at the screen: a busy server (429, 503) or a
    5xx is asked again after its ``Retry-After`` (capped), :data:`BUSY_TRIES` times in all; no
    connection or a timeout raises at once (the sync thread finishes it later)."""
    attempt = 1
    while True:
        try:
            return reconcile(store, client, session_id, now=now, actor=actor)
        except (ServerBusy, ServerError) as exc:
            if attempt == BUSY_TRIES:
                raise
            attempt += 1
            time.sleep(min(exc.retry_after or 1.0, BUSY_WAIT_CAP_S))
