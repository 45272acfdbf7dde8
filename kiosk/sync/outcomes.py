"""Visit outcomes recorded here to the intake server (``POST /v1/visits/batch``, DESIGN.md §5).

The sync thread calls :func:`send_outcomes` in every round, after the submissions and before the
roster, so the roster pages bring this kiosk's outcomes back already numbered.  Outcomes go oldest
first in batches of at most 100; each answer is saved in one transaction (``accepted`` and
``duplicate`` are sent, with the server's order of arrival).  Nothing is marked before the server
answered, and the id is the idempotency key, so a kiosk killed at any moment sends again what it
did not save and the server answers ``duplicate``: nothing lost, nothing doubled.

Waits, retries and splits are :mod:`kiosk.sync.batches`'; an outcome the server answers
``conflict`` or ``invalid`` stays unsent and is tried again next round.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from datetime import datetime

from pydantic import ValidationError

from kiosk.exchange.protocol import MAX_BATCH_ITEMS, VisitItem, VisitResult
from kiosk.store import Store
from kiosk.store.outcomes import OutcomeRecord, mark_sent, pending_outcomes
from kiosk.sync.backoff import Backoff
from kiosk.sync.batches import ATTEMPTS, BatchSender, Sent
from kiosk.sync.client import IntakeClient

__all__ = ["ATTEMPTS", "send_outcomes", "visit_item"]

log = logging.getLogger(__name__)

_MAX_PENDING = 10_000
"""Outcomes read per round: an evening has hundreds; more wait for the next round."""


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


def send_outcomes(
    store: Store,
    client: IntakeClient,
    *,
    now: Callable[[], datetime],
    sleep: Callable[[float], object] | None = None,
    backoff: Backoff | None = None,
    stop: threading.Event | None = None,
    batch: int = MAX_BATCH_ITEMS,
) -> Sent:
    """Send every outcome waiting here; :mod:`kiosk.sync.errors` when the server cannot be
    reached (after :data:`ATTEMPTS` tries of a batch) or refuses the station: what was answered
    stays saved."""
    with store.reader() as conn:
        records = pending_outcomes(conn, _MAX_PENDING)

    def save(results: Sequence[VisitResult]) -> int:
        arrivals = {
            r.id: r.arrival
            for r in results
            if r.status in ("accepted", "duplicate") and r.arrival is not None
        }
        with store.transaction() as conn:
            mark_sent(conn, arrivals, at=now())
        return len(arrivals)

    result = Sent()
    sender: BatchSender[VisitItem, VisitResult] = BatchSender(
        "outcomes", lambda items: client.send_visits(items).results, save, result,
        sleep=sleep, backoff=backoff, stop=stop,
    )  # fmt: skip
    items = [item for item in map(visit_item, records) if item is not None]
    result.refused += len(records) - len(items)  # cannot happen through record_outcome
    sender.send_all(items, batch)
    if records:
        log.info("outcomes: %d sent, %d left", result.sent, result.refused)
    return result
