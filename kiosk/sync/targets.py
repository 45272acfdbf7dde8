"""Daily targets both ways: the changes made here to the server (``POST /v1/targets/batch``), the
ward's targets back (``GET /v1/targets?since=N``), DESIGN.md §5.

The sync thread calls :func:`sync_targets` in every round, after the visit outcomes: first the
changes waiting here, oldest first, 100 at a time (each answer saved in one transaction:
``accepted`` and ``duplicate`` are sent), then the targets the server numbered after the highest
number held here, page by page, this kiosk's own among them with their numbers.  The numbers
come only from that list, never from a batch's answer: a kiosk's own change numbered N+1 must not
make it skip another's numbered N a moment before.  Nothing is marked before the server
answered and the change's id is the idempotency key, so a kiosk killed at any moment sends again
and the server answers ``duplicate``.  Of two changes for a group and day the later arrival
decides (:func:`kiosk.store.targets.apply_server_targets`).

Waits, retries and splits are :mod:`kiosk.sync.batches`' (the list's pages wait and retry the
same way); a change the server answers ``conflict`` or ``invalid`` stays unsent and is tried
again next round.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from pydantic import ValidationError

from kiosk.exchange.protocol import MAX_BATCH_ITEMS, TargetItem, TargetResult
from kiosk.store import Store
from kiosk.store.targets import (
    TargetRecord,
    apply_server_targets,
    last_arrival,
    mark_sent,
    pending_targets,
)
from kiosk.sync.backoff import Backoff
from kiosk.sync.batches import ATTEMPTS, BatchSender, Sent
from kiosk.sync.client import IntakeClient
from kiosk.sync.errors import TransientError

__all__ = ["ATTEMPTS", "TargetsSynced", "sync_targets", "target_item"]

log = logging.getLogger(__name__)

_MAX_PENDING = 10_000
_MAX_PAGES = 100
"""Pages fetched per round (a page holds up to 1000 targets): the rest come next round."""


@dataclass
class TargetsSynced(Sent):
    """What a round did with the targets: the changes sent, and those received."""

    received: int = 0
    """Targets from the server that changed a figure here."""


def target_item(record: TargetRecord) -> TargetItem | None:
    """The protocol's item for a change made here; None when it cannot be one."""
    try:
        return TargetItem(
            id=record.change_id,
            group=record.group,
            day=record.day,
            target=record.target,
            set_at=record.set_at,
            set_by=record.set_by_name,
        )
    except ValidationError:
        return None


def _fetch(store: Store, client: IntakeClient, sender: BatchSender[TargetItem, TargetResult],
           result: TargetsSynced, now: Callable[[], datetime]) -> None:  # fmt: skip
    """The ward's targets numbered after the highest number held here, page by page."""
    with store.reader() as conn:
        since = last_arrival(conn)
    for _ in range(_MAX_PAGES):
        if sender.stopped():
            return
        failures = 0
        while True:
            try:
                page = client.targets(since)
                break
            except TransientError as exc:
                failures += 1
                sender.wait(failures, exc)
                if sender.stopped():
                    return
        with store.transaction() as conn:
            result.received += apply_server_targets(conn, page.targets, at=now())
        if not page.more or not page.targets:
            return
        since = page.targets[-1].arrival  # past those a change waiting here outweighs


def sync_targets(
    store: Store,
    client: IntakeClient,
    *,
    now: Callable[[], datetime],
    sleep: Callable[[float], object] | None = None,
    backoff: Backoff | None = None,
    stop: threading.Event | None = None,
    batch: int = MAX_BATCH_ITEMS,
) -> TargetsSynced:
    """Send every target change waiting here, then keep the ward's targets the server sends;
    :mod:`kiosk.sync.errors` when the server cannot be reached (after :data:`ATTEMPTS` tries)
    or refuses the station: what was answered stays saved."""
    with store.reader() as conn:
        records = pending_targets(conn, _MAX_PENDING)

    def save(results: Sequence[TargetResult]) -> int:
        held = [r.id for r in results if r.status in ("accepted", "duplicate")]
        with store.transaction() as conn:
            mark_sent(conn, held, at=now())
        return len(held)

    result = TargetsSynced()
    sender: BatchSender[TargetItem, TargetResult] = BatchSender(
        "targets", lambda items: client.send_targets(items).results, save, result,
        sleep=sleep, backoff=backoff, stop=stop,
    )  # fmt: skip
    items = [item for item in map(target_item, records) if item is not None]
    result.refused += len(records) - len(items)  # cannot happen through set_target
    sender.send_all(items, batch)
    _fetch(store, client, sender, result, now)
    if records or result.received:
        log.info(
            "targets: %d sent, %d left, %d received", result.sent, result.refused, result.received
        )
    return result
