"""Small records made here, sent to the intake server in batches: what visit outcomes
(:mod:`kiosk.sync.outcomes`) and daily targets (:mod:`kiosk.sync.targets`) share.

Items go in batches of at most 100, each answer saved in one transaction by the caller's
``save``.  No connection, a timeout, 429 and 503 wait (exponential backoff with full jitter, at
least ``Retry-After``) and try the same batch again, :data:`ATTEMPTS` times in all, then raise:
the round gives up and the next one goes on.  A batch the server blames (500, 422, 413, an
unreadable answer) is split in halves down to single items; a single one that still fails stays
unsent and is tried again next round, so one bad item never holds the others back.  401, 403
and 404 raise at once: the sync thread says why.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from kiosk.exchange.protocol import MAX_BATCH_ITEMS
from kiosk.sync.backoff import Backoff
from kiosk.sync.errors import (
    BadResponse,
    PayloadTooLarge,
    Refused,
    ServerError,
    SyncError,
    TransientError,
)

__all__ = ["ATTEMPTS", "BatchSender", "Sent"]

log = logging.getLogger(__name__)

ATTEMPTS = 3
"""Tries of one request through an outage before the round gives up (the next round goes on)."""

Item = TypeVar("Item")
Result = TypeVar("Result")


@dataclass
class Sent:
    """What a round did with the items waiting."""

    sent: int = 0
    """The server holds them now (accepted, or a replay it had)."""
    refused: int = 0
    """Answered ``conflict`` or ``invalid``, or failing alone: left for the next round."""
    waits: list[float] = field(default_factory=list)
    """The backoff waits taken, in seconds."""


def _blamed(exc: SyncError) -> bool:
    """An answer that blames the batch (split it), not the network or the server's load."""
    if isinstance(exc, ServerError):
        return exc.status == 500
    return isinstance(exc, BadResponse | PayloadTooLarge) or (
        isinstance(exc, Refused) and exc.status == 422
    )


class BatchSender(Generic[Item, Result]):
    """One round's sending of one kind of item: batches, splits, waits.

    ``post`` sends a batch and returns the server's results, one per item; ``save`` keeps them
    (one transaction) and returns how many the server holds now.
    """

    def __init__(
        self,
        what: str,
        post: Callable[[Sequence[Item]], Sequence[Result]],
        save: Callable[[Sequence[Result]], int],
        result: Sent,
        *,
        sleep: Callable[[float], object] | None,
        backoff: Backoff | None,
        stop: threading.Event | None,
    ) -> None:
        self.what, self.post, self.save, self.result = what, post, save, result
        self.stop = stop
        self.sleep = sleep or (stop or threading.Event()).wait
        self.backoff = backoff or Backoff()

    def stopped(self) -> bool:
        """The sync thread is stopping: send nothing more."""
        return self.stop is not None and self.stop.is_set()

    def wait(self, failures: int, exc: TransientError) -> None:
        """Wait before the next try; raises ``exc`` once the tries are used up."""
        if failures >= ATTEMPTS:
            raise exc
        wait = self.backoff.delay(failures, exc.retry_after)
        log.info("%s: %s; waiting (attempt %d)", self.what, exc, failures)
        self.result.waits.append(wait)
        self.sleep(wait)

    def send_all(self, items: Sequence[Item], batch: int = MAX_BATCH_ITEMS) -> None:
        """Every item, oldest first, a batch at a time."""
        size = max(1, min(batch, MAX_BATCH_ITEMS))
        for start in range(0, len(items), size):
            if self.stopped():
                return
            self.send(items[start : start + size])

    def send(self, items: Sequence[Item]) -> None:
        """Send ``items`` (split when the server blames them); raises when it cannot answer."""
        failures = 0
        while not self.stopped():
            try:
                results = self.post(items)
            except TransientError as exc:
                if _blamed(exc):
                    self._split(items, exc)
                    return
                failures += 1
                self.wait(failures, exc)
                continue
            except SyncError as exc:
                if not _blamed(exc):
                    raise  # 401, 403, 404: the round stops, the sync thread says why
                self._split(items, exc)
                return
            held = self.save(results)
            if held < len(results):
                log.warning("%s: %d not taken by the server", self.what, len(results) - held)
            self.result.sent += held
            self.result.refused += len(results) - held
            return

    def _split(self, items: Sequence[Item], exc: SyncError) -> None:
        if len(items) > 1:
            middle = len(items) // 2
            self.send(items[:middle])
            self.send(items[middle:])
            return
        log.warning("%s: one failed alone (%s); tried again next round", self.what, exc)
        self.result.refused += 1
