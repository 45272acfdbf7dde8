"""Visit outcomes recorded here to the intake server (``POST /v1/visits/batch``, DESIGN.md §5).

The sync thread calls :func:`send_outcomes` in every round, after the submissions and before the
roster, so the roster pages bring this kiosk's outcomes back already numbered.  Outcomes go oldest
first in batches of at most 100; each answer is saved in one transaction (``accepted`` and
``duplicate`` are sent, with the server's order of arrival).  Nothing is marked before the server
answered, and the id is the idempotency key, so a kiosk killed at any moment sends again what it
did not save and the server answers ``duplicate``: nothing lost, nothing doubled.

No connection, a timeout, 429 and 503 wait (exponential backoff with full jitter, at least
``Retry-After``) and try the same batch again, a few times, then leave it to the next round.  A
batch the server blames (500, 422, 413, an unreadable answer) is split in halves down to single
outcomes; a single one that still fails, or that the server answers ``conflict`` or ``invalid``,
stays unsent and is tried again next round: one bad outcome never holds the others back.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from pydantic import ValidationError

from kiosk.exchange.protocol import MAX_BATCH_ITEMS, VisitItem, VisitResult
from kiosk.store import Store
from kiosk.store.outcomes import OutcomeRecord, mark_sent, pending_outcomes
from kiosk.sync.backoff import Backoff
from kiosk.sync.client import IntakeClient
from kiosk.sync.errors import (
    BadResponse,
    PayloadTooLarge,
    Refused,
    ServerError,
    SyncError,
    TransientError,
)

__all__ = ["ATTEMPTS", "OutcomesSent", "send_outcomes", "visit_item"]

log = logging.getLogger(__name__)

ATTEMPTS = 3
"""Tries of one batch through an outage before the round gives up (the next round goes on)."""
_MAX_PENDING = 10_000
"""Outcomes read per round: an evening has hundreds; more wait for the next round."""


@dataclass
class OutcomesSent:
    """What a round did with the outcomes waiting."""

    sent: int = 0
    """The server holds them now (accepted, or a replay it had)."""
    refused: int = 0
    """Answered ``conflict`` or ``invalid``, or failing alone: left for the next round."""
    waits: list[float] = field(default_factory=list)
    """The backoff waits taken, in seconds."""


def visit_item(record: OutcomeRecord) -> VisitItem | None:
    """The protocol's item for an outcome recorded here; None when it cannot be one."""
    try:
        return VisitItem(
            id=record.id,
            household_id=record.household_id,
            id_number=record.resident_id_number,
            outcome=record.outcome,  # type: ignore[arg-type]  # checked by the model
            come_back_on=record.come_back_on,
            note=record.note,
            recorded_at=record.recorded_at,
            recorded_by=record.recorded_by,
            session_id=record.session_id,
        )
    except ValidationError:
        return None


def _blamed(exc: SyncError) -> bool:
    """An answer that blames the batch (split it), not the network or the server's load."""
    if isinstance(exc, ServerError):
        return exc.status == 500
    return isinstance(exc, BadResponse | PayloadTooLarge) or (
        isinstance(exc, Refused) and exc.status == 422
    )


class _Round:
    """One round's sending: batches, splits, waits."""

    def __init__(
        self,
        store: Store,
        client: IntakeClient,
        now: Callable[[], datetime],
        sleep: Callable[[float], object],
        backoff: Backoff,
        stop: threading.Event | None,
    ) -> None:
        self.store, self.client, self.now = store, client, now
        self.sleep, self.backoff, self.stop = sleep, backoff, stop
        self.result = OutcomesSent()

    def stopped(self) -> bool:
        return self.stop is not None and self.stop.is_set()

    def send(self, items: Sequence[VisitItem]) -> None:
        """Send ``items`` (split when the server blames them); raises when it cannot answer."""
        failures = 0
        while not self.stopped():
            try:
                answer = self.client.send_visits(items)
            except TransientError as exc:
                if _blamed(exc):
                    self.blamed(items, exc)
                    return
                failures += 1
                if failures >= ATTEMPTS:
                    raise
                wait = self.backoff.delay(failures, exc.retry_after)
                log.info("outcomes: %s; waiting (attempt %d)", exc, failures)
                self.result.waits.append(wait)
                self.sleep(wait)
                continue
            except SyncError as exc:
                if not _blamed(exc):
                    raise  # 401, 403, 404: the round stops, the sync thread says why
                self.blamed(items, exc)
                return
            self.save(answer.results)
            return

    def blamed(self, items: Sequence[VisitItem], exc: SyncError) -> None:
        if len(items) > 1:
            middle = len(items) // 2
            self.send(items[:middle])
            self.send(items[middle:])
            return
        log.warning("outcomes: one outcome failed alone (%s); tried again next round", exc)
        self.result.refused += 1

    def save(self, results: Sequence[VisitResult]) -> None:
        """One batch's answer saved in one transaction."""
        arrivals: dict[str, int] = {}
        for result in results:
            if result.status in ("accepted", "duplicate") and result.arrival is not None:
                arrivals[result.id] = result.arrival
            else:
                self.result.refused += 1
        if len(arrivals) < len(results):
            log.warning("outcomes: %d not taken by the server", len(results) - len(arrivals))
        with self.store.transaction() as conn:
            mark_sent(conn, arrivals, at=self.now())
        self.result.sent += len(arrivals)


def send_outcomes(
    store: Store,
    client: IntakeClient,
    *,
    now: Callable[[], datetime],
    sleep: Callable[[float], object] | None = None,
    backoff: Backoff | None = None,
    stop: threading.Event | None = None,
    batch: int = MAX_BATCH_ITEMS,
) -> OutcomesSent:
    """Send every outcome waiting here; :mod:`kiosk.sync.errors` when the server cannot be
    reached (after :data:`ATTEMPTS` tries of a batch) or refuses the station: what was answered
    stays saved."""
    with store.reader() as conn:
        records = pending_outcomes(conn, _MAX_PENDING)
    items: list[VisitItem] = []
    waiter = stop or threading.Event()
    work = _Round(store, client, now, sleep or waiter.wait, backoff or Backoff(), stop)
    for record in records:
        item = visit_item(record)
        if item is None:  # cannot happen through record_outcome; never sent, never blocking
            work.result.refused += 1
        else:
            items.append(item)
    size = max(1, min(batch, MAX_BATCH_ITEMS))
    for start in range(0, len(items), size):
        if work.stopped():
            break
        work.send(items[start : start + size])
    if records:
        log.info("outcomes: %d sent, %d left", work.result.sent, work.result.refused)
    return work.result
