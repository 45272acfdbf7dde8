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

No connection, a timeout, 429 and 503 wait (exponential backoff with full jitter, at least
``Retry-After``) and try again, a few times, then leave it to the next round.  A batch the server
blames (500, 422, 413, an unreadable answer) is split down to single changes; one that still
fails, or is answered ``conflict`` or ``invalid``, stays unsent and is tried again next round.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
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
from kiosk.sync.client import IntakeClient
from kiosk.sync.errors import (
    BadResponse,
    PayloadTooLarge,
    Refused,
    ServerError,
    SyncError,
    TransientError,
)

__all__ = ["ATTEMPTS", "TargetsSynced", "sync_targets", "target_item"]

log = logging.getLogger(__name__)

ATTEMPTS = 3
"""Tries of one request through an outage before the round gives up (the next round goes on)."""
_MAX_PENDING = 10_000
_MAX_PAGES = 100
"""Pages fetched per round (a page holds up to 1000 targets): the rest come next round."""


@dataclass
class TargetsSynced:
    """What a round did with the targets."""

    sent: int = 0
    """Changes made here the server holds now (accepted, or a replay it had)."""
    refused: int = 0
    """Answered ``conflict`` or ``invalid``, or failing alone: left for the next round."""
    received: int = 0
    """Targets from the server that changed a figure here."""
    waits: list[float] = field(default_factory=list)
    """The backoff waits taken, in seconds."""


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


def _blamed(exc: SyncError) -> bool:
    """An answer that blames the batch (split it), not the network or the server's load."""
    if isinstance(exc, ServerError):
        return exc.status == 500
    return isinstance(exc, BadResponse | PayloadTooLarge) or (
        isinstance(exc, Refused) and exc.status == 422
    )


class _Round:
    """One round's sending and fetching: batches, splits, waits."""

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
        self.result = TargetsSynced()

    def stopped(self) -> bool:
        return self.stop is not None and self.stop.is_set()

    def wait(self, failures: int, exc: TransientError) -> None:
        """Wait before the next try; raises once the tries are used up."""
        if failures >= ATTEMPTS:
            raise exc
        wait = self.backoff.delay(failures, exc.retry_after)
        log.info("targets: %s; waiting (attempt %d)", exc, failures)
        self.result.waits.append(wait)
        self.sleep(wait)

    def send(self, items: Sequence[TargetItem]) -> None:
        """Send ``items`` (split when the server blames them); raises when it cannot answer."""
        failures = 0
        while not self.stopped():
            try:
                answer = self.client.send_targets(items)
            except TransientError as exc:
                if _blamed(exc):
                    self.blamed(items, exc)
                    return
                failures += 1
                self.wait(failures, exc)
                continue
            except SyncError as exc:
                if not _blamed(exc):
                    raise  # 401, 403, 404: the round stops, the sync thread says why
                self.blamed(items, exc)
                return
            self.save(answer.results)
            return

    def blamed(self, items: Sequence[TargetItem], exc: SyncError) -> None:
        if len(items) > 1:
            middle = len(items) // 2
            self.send(items[:middle])
            self.send(items[middle:])
            return
        log.warning("targets: one change failed alone (%s); tried again next round", exc)
        self.result.refused += 1

    def save(self, results: Sequence[TargetResult]) -> None:
        """One batch's answer saved in one transaction."""
        held = [r.id for r in results if r.status in ("accepted", "duplicate")]
        self.result.refused += len(results) - len(held)
        if len(held) < len(results):
            log.warning("targets: %d not taken by the server", len(results) - len(held))
        with self.store.transaction() as conn:
            mark_sent(conn, held, at=self.now())
        self.result.sent += len(held)

    def fetch(self) -> None:
        """The ward's targets numbered after the highest number held here, page by page."""
        with self.store.reader() as conn:
            since = last_arrival(conn)
        for _ in range(_MAX_PAGES):
            if self.stopped():
                return
            failures = 0
            while True:
                try:
                    page = self.client.targets(since)
                    break
                except TransientError as exc:
                    failures += 1
                    self.wait(failures, exc)
                    if self.stopped():
                        return
            with self.store.transaction() as conn:
                self.result.received += apply_server_targets(conn, page.targets, at=self.now())
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
    waiter = stop or threading.Event()
    work = _Round(store, client, now, sleep or waiter.wait, backoff or Backoff(), stop)
    items: list[TargetItem] = []
    for record in records:
        item = target_item(record)
        if item is None:  # cannot happen through set_target; never sent, never blocking
            work.result.refused += 1
        else:
            items.append(item)
    size = max(1, min(batch, MAX_BATCH_ITEMS))
    for start in range(0, len(items), size):
        if work.stopped():
            break
        work.send(items[start : start + size])
    work.fetch()
    if records or work.result.received:
        log.info(
            "targets: %d sent, %d left, %d received",
            work.result.sent, work.result.refused, work.result.received,
        )  # fmt: skip
    return work.result
