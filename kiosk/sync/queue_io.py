"""The upload engine's database side, on one thread of its own while a batch is on the wire.

Saving a batch's results (100 status changes, each audited, one commit) and reading the next batch
cost tens of milliseconds of Python and decryption.  Done between two requests they would add to
every batch; done on the network thread while another thread also runs Python, each of the many
small reads would wait on the GIL.  So one job at a time runs here: save the results of the batch
just answered, read the batch after the newest one handed out, count the queue.  The network
thread only builds bodies, waits on the socket and parses answers.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime

from kiosk.exchange.protocol import FoundSubmission, ItemResult
from kiosk.store import InvalidTransition, Store
from kiosk.store.outbox import (
    QueueCounts,
    next_batch,
    queue_counts,
    releasable_held,
    release_held,
)
from kiosk.store.uploads import QueuedSubmission, hold, mark_conflict, mark_rejected, mark_sent
from kiosk.sync.held import ServerCheck, settle

__all__ = ["Fetched", "QueueIO"]

log = logging.getLogger(__name__)

Position = tuple[datetime, str]
Results = tuple[list[QueuedSubmission], list[ItemResult]]


@dataclass(frozen=True)
class Fetched:
    """What a job read: the next batch (maybe empty), its queue position, and the queue's counts."""

    items: list[QueuedSubmission]
    last: Position | None
    counts: QueueCounts


class QueueIO:
    """Every database step of the upload engine; ``submit`` runs one on the worker thread."""

    def __init__(
        self,
        store: Store,
        *,
        now: Callable[[], datetime],
        max_items: int,
        max_bytes: int,
        threaded: bool,
    ) -> None:
        self._store = store
        self._now = now
        self.max_items = max_items
        self._max_bytes = max_bytes
        self._executor = (
            ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-db") if threaded else None
        )
        self._job: Future[Fetched] | None = None
        self._done: Fetched | None = None

    def close(self) -> None:
        """Wait for the job under way (its results must be saved), then stop the thread."""
        try:
            self.collect()
        finally:
            if self._executor is not None:
                self._executor.shutdown(wait=True)

    # --- jobs ---------------------------------------------------------------------------------

    def _work(self, save: Results | None, after: Position | None, read: bool) -> Fetched:
        if save is not None:
            self._save(*save)
        with self._store.reader() as conn:
            if read:
                batch = next_batch(
                    conn, max_items=self.max_items, max_bytes=self._max_bytes, after=after
                )
                items, last = batch.items, batch.last
            else:
                items, last = [], None
            return Fetched(items, last, queue_counts(conn))

    def submit(self, *, save: Results | None, after: Position | None, read: bool) -> None:
        """Start a job (after the one under way); its result comes from :meth:`collect`."""
        self.collect()
        if self._executor is None:
            self._done = self._work(save, after, read)
            return
        self._job = self._executor.submit(self._work, save, after, read)

    @property
    def busy(self) -> bool:
        """A job was submitted and not collected yet."""
        return self._job is not None or self._done is not None

    def collect(self) -> Fetched | None:
        """The result of the job submitted last (waiting for it), or None when there is none.

        A failure of the database in the job is raised here.
        """
        if self._job is not None:
            job, self._job = self._job, None
            self._done = job.result()
        done, self._done = self._done, None
        return done

    def read_now(self) -> Fetched:
        """The oldest batch, read on this thread (nothing may be under way)."""
        self.collect()
        return self._work(None, None, True)

    def counts(self) -> QueueCounts:
        """The queue's counts, read on this thread."""
        with self._store.reader() as conn:
            return queue_counts(conn)

    # --- steps --------------------------------------------------------------------------------

    def _save(self, items: list[QueuedSubmission], results: list[ItemResult]) -> None:
        """Every item's outcome in one transaction."""
        at = self._now()
        with self._store.transaction() as conn:
            for item, result in zip(items, results, strict=True):
                try:
                    if result.status in ("accepted", "duplicate"):
                        duplicate = result.status == "duplicate"
                        mark_sent(conn, item.id, at=at, duplicate=duplicate)
                    elif result.status == "invalid":
                        errors = [e.model_dump() for e in result.errors]
                        mark_rejected(conn, item.id, at=at, errors=errors)
                    else:
                        mark_conflict(conn, item.id, at=at)
                except InvalidTransition:  # no longer verified (changed meanwhile): leave it
                    log.info("upload: %s was no longer verified", item.reference)

    def hold(self, item: QueuedSubmission, reason: str) -> bool:
        """Set one submission aside (on this thread); False if it was no longer verified."""
        self.collect()
        try:
            with self._store.transaction() as conn:
                hold(conn, item.id, at=self._now(), error=reason)
        except InvalidTransition:
            return False
        return True

    def settle(
        self, ids: Sequence[str], found: Mapping[str, FoundSubmission]
    ) -> dict[str, ServerCheck]:
        """The server's copies of these submissions applied (on this thread), in one transaction:
        same hash -> sent, other hash -> conflict (:func:`kiosk.sync.held.settle`)."""
        self.collect()
        with self._store.transaction() as conn:
            return settle(conn, ids, found, at=self._now())

    def releasable(self) -> list[str]:
        """Held submissions the engine may retry by itself, oldest first."""
        self.collect()
        with self._store.reader() as conn:
            return releasable_held(conn)

    def release(self, ids: Sequence[str]) -> int:
        """These held submissions back into the queue; how many (the others changed meanwhile)."""
        self.collect()
        if not ids:
            return 0
        released = 0
        with self._store.transaction() as conn:
            for submission_id in ids:
                try:
                    release_held(conn, submission_id, at=self._now())
                except InvalidTransition:
                    continue
                released += 1
        return released
