"""The upload engine (DESIGN.md §5): the verified queue to the intake server, never lost, never doubled.

One loop, plain Python (the Qt worker of a later issue drives :meth:`Uploader.run_forever`):

- the oldest verified submissions go in batches of at most 100 items and about 1 MB, their frozen
  bytes spliced into the body as they are; each batch's results are applied in one transaction
  (accepted/duplicate -> sent, invalid -> rejected, conflict -> conflict) on the database thread of
  :mod:`kiosk.sync.queue_io` while the next batch is on the wire;
- no connection, a timeout, 429, 503 and other 5xx leave everything queued and wait: exponential
  backoff with full jitter, never less than ``Retry-After``.  A timeout marks nothing: the replay
  comes back ``duplicate``;
- 413 halves the batch (and the size of the batches after it);
- a batch answered 500 or 422 (or an unreadable 200) three times in a row is split in halves, down
  to single submissions, provided the server's health says it is otherwise well (a server failing
  everything is an outage, not a bad record); a single submission failing three times in a row is
  ``held``; once nothing else waits, held ones are released and tried again, and after three such
  lone failures they stay held for an officer (:data:`kiosk.store.outbox.OFFICER_AFTER`);
- before it splits a batch, sets a submission aside or releases held ones, it asks the server which
  of them it holds (``POST /v1/submissions/lookup``, :mod:`kiosk.sync.held`): a 500 can come after
  the commit.  Those held there are marked as a ``duplicate`` (or ``conflict``) answer marks them;
  if the server cannot be asked, the engine goes on as if it held none;
- 403 or 404 on the batch path while ``/v1/health`` answers is the configuration (a proxy letting
  only some paths through, a wrong base path), not the batch: the engine pauses in the
  ``misconfigured`` state (nothing split, nothing held, no submission's failures counted) and tries
  the same batch again after a long wait (:data:`PAUSE_FIRST` doubling to :data:`PAUSE_CAP`) or
  on :meth:`Uploader.kick`.  When health gets no answer either, it is an outage: wait as for one;
- 401 stops the engine in the ``reenrol`` state;
- once a cycle has emptied the queue, the kiosk reports its audit head and keeps the server's
  signed answer (:mod:`kiosk.sync.anchor`).  Nothing about it holds uploads back: any failure just
  means no new signed head this time (a 409, the server seeing the history rewritten, is logged).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from kiosk.exchange.protocol import FoundSubmission, ItemResult
from kiosk.store import Store, StoreError
from kiosk.store.outbox import QueueCounts, queue_counts
from kiosk.store.uploads import QueuedSubmission
from kiosk.sync.anchor import anchor_audit_head
from kiosk.sync.backoff import Backoff
from kiosk.sync.client import IntakeClient
from kiosk.sync.errors import (
    BadResponse,
    PayloadTooLarge,
    Refused,
    ServerError,
    SyncError,
    TimedOut,
    TransientError,
    Unauthorised,
    Unreachable,
)
from kiosk.sync.held import find_at_server
from kiosk.sync.queue_io import Fetched, Position, QueueIO

__all__ = [
    "FAILURES_BEFORE_SPLIT",
    "MISCONFIGURED_STATUSES",
    "PAUSE_CAP",
    "PAUSE_FIRST",
    "UploadProgress",
    "UploadState",
    "Uploader",
]

log = logging.getLogger(__name__)

UploadState = Literal[
    "idle", "sending", "waiting", "misconfigured", "reenrol", "not_enrolled", "stopped", "error"
]
"""``misconfigured``: the batch path is refused (403/404) while the server's health answers; the
engine waits (``next_attempt_at``) and tries again by itself or on :meth:`Uploader.kick`."""
FAILURES_BEFORE_SPLIT = 3
MISCONFIGURED_STATUSES = frozenset({403, 404})
"""Answers to a batch that blame the address or a proxy, never the batch (DESIGN.md §5)."""
PAUSE_FIRST = 600.0
"""Seconds of the first ``misconfigured`` wait; each next one doubles (a draw in its upper half)."""
PAUSE_CAP = 3600.0
MAX_ITEMS = 100
MAX_BYTES = 1_000_000


@dataclass(frozen=True)
class UploadProgress:
    """What the screen shows about uploading; a new value after every batch and every wait."""

    state: UploadState
    queued: int
    """Verified submissions waiting (not counting those whose results are being saved)."""
    sent: int
    """Sent in this run (accepted or duplicate)."""
    rejected: int
    """Rejected or in conflict in this run: an officer looks at them."""
    failed: int
    """Attempts that failed in this run (no answer, busy, error)."""
    held: int
    needs_officer: int
    """Held after three rounds of lone failures: the engine no longer retries them by itself."""
    next_attempt_at: datetime | None
    reason: str | None
    """The last problem, in short English (``server busy (503)``, ``no connection``…)."""
    clock_skew: float | None
    """Server time minus local time in seconds, when more than two minutes."""
    unreachable: bool = False
    """The last attempt got no answer at all (no connection, a timeout): the kiosk is offline."""


@dataclass
class _Work:
    """A batch being tried: the same submissions until they get an answer, are split or held."""

    items: list[QueuedSubmission]
    failures: int = 0
    ids: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        self.ids = frozenset(item.id for item in self.items)


def _failing(exc: SyncError) -> bool:
    """An answer that blames the batch (split it), not the network or the server's load."""
    if isinstance(exc, ServerError):
        return exc.status == 500
    return isinstance(exc, BadResponse | Refused)


class Uploader:
    """Drains the upload queue of ``store`` to ``client``'s server."""

    def __init__(
        self,
        store: Store,
        client: IntakeClient,
        *,
        now: Callable[[], datetime],
        sleep: Callable[[float], None] | None = None,
        backoff: Backoff | None = None,
        on_progress: Callable[[UploadProgress], None] | None = None,
        max_items: int = MAX_ITEMS,
        max_bytes: int = MAX_BYTES,
        pipeline: bool = True,
    ) -> None:
        self._store = store
        self._client = client
        self._now = now
        self._sleep = sleep or self._wait_for_wake
        self._backoff = backoff or Backoff()
        self._on_progress = on_progress
        self._max_items = max(1, min(max_items, MAX_ITEMS))
        self._max_bytes = max_bytes
        self._pipeline = pipeline
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._io: QueueIO | None = None
        self._stack: list[_Work] = []
        self._ready: Fetched | None = None
        self._horizon: Position | None = None
        self._queue: QueueCounts | None = None
        self._streak = 0
        self._pauses = 0
        self._counts = {"sent": 0, "rejected": 0, "failed": 0}
        self._next_at: datetime | None = None
        self._reason: str | None = None
        self._unreachable = False
        self.progress = UploadProgress("idle", 0, 0, 0, 0, 0, 0, None, None, None)

    # --- control (any thread) -------------------------------------------------------------------

    def kick(self) -> None:
        """Try now: cuts a backoff or idle wait short ("Sync now", a new verification)."""
        self._wake.set()

    def stop(self) -> None:
        """Stop after the request under way; wakes any wait at once."""
        self._stop.set()
        self._wake.set()

    def _wait_for_wake(self, seconds: float) -> None:
        self._wake.wait(seconds)
        self._wake.clear()

    # --- runs ---------------------------------------------------------------------------------

    def run_forever(
        self, stop: threading.Event | None = None, *, poll: float = 60.0
    ) -> UploadProgress:
        """Upload whenever there is something to send, until stopped; returns the last progress.

        Between runs it waits ``poll`` seconds or until :meth:`kick`.  Ends by itself only in the
        ``reenrol`` and ``not_enrolled`` states.  Stop it with :meth:`stop` (or set ``stop`` and
        :meth:`kick`).
        """
        if stop is not None:
            self._stop = stop
        while not self._stop.is_set():
            try:
                progress = self.run_until_idle()
            except StoreError as exc:  # disk full, database busy: say so, try again later
                log.error("upload: the local database failed (%s)", type(exc).__name__)
                self._reason = str(exc)
                self._report("error")
                self._sleep(poll)
                continue
            if progress.state in ("reenrol", "not_enrolled"):
                return progress
            self._sleep(poll)
        return self._report("stopped")

    def run_until_idle(self) -> UploadProgress:
        """Upload until the queue is empty (held ones tried again), 401, or a stop."""
        self._counts = {"sent": 0, "rejected": 0, "failed": 0}
        self._reason, self._queue = None, None
        if not self._client.token:
            return self._report("not_enrolled")
        io = QueueIO(self._store, now=self._now, max_items=self._max_items,
                     max_bytes=self._max_bytes, threaded=self._pipeline)  # fmt: skip
        self._io = io
        try:
            while True:
                if self._stop.is_set():
                    return self._finish(io, "stopped")
                work = self._next_work(io)
                if work is None:
                    if self._release_held(io):
                        continue
                    progress = self._finish(io, "idle")
                    self._anchor_audit()
                    return progress
                if self._attempt(io, work) == "reenrol":
                    return self._finish(io, "reenrol")
        finally:
            self._stack.clear()
            self._ready, self._horizon, self._io = None, None, None
            io.close()

    def _finish(self, io: QueueIO, state: UploadState) -> UploadProgress:
        """Results saved, the queue counted afresh, the last progress reported."""
        self._absorb(io.collect())
        self._queue = io.counts()
        return self._report(state)

    # --- batches --------------------------------------------------------------------------------

    def _absorb(self, fetched: Fetched | None) -> None:
        """Keep what a database job read: the counts, and a batch for later."""
        if fetched is None:
            return
        self._queue = fetched.counts
        if fetched.items and self._ready is None:
            self._ready = fetched
            self._horizon = fetched.last

    def _next_work(self, io: QueueIO) -> _Work | None:
        """The batch to try: a split half first, else the batch read ahead, else the oldest."""
        if self._stack:
            return self._stack[-1]
        if self._ready is None:
            self._absorb(io.collect())  # the batch being read ahead
        fetched, self._ready = self._ready, None
        if fetched is None:
            fetched = io.read_now()  # from the very oldest: leftovers and released ones too
            self._queue = fetched.counts
            if not fetched.items:
                return None
            self._horizon = fetched.last
        work = _Work(fetched.items)
        self._stack.append(work)
        if not io.busy:  # read the next one during the request
            io.submit(save=None, after=self._horizon, read=True)
        return work

    def _attempt(self, io: QueueIO, work: _Work) -> str:
        """Send ``work`` once and act on the answer."""
        self._report("sending")
        try:
            answer = self._client.upload(work.items)
        except Unauthorised as exc:
            self._reason = str(exc)
            log.warning("upload: the server refused the token; the station must enrol again")
            return "reenrol"
        except Refused as exc:
            if exc.status in MISCONFIGURED_STATUSES:
                self._refused_path(exc)
            else:
                self._fail(io, work, exc)
            return "failed"
        except PayloadTooLarge as exc:
            if len(work.items) > 1:
                self._max_items = io.max_items = max(1, len(work.items) // 2)
                self._split(work)
                return "split"
            self._fail(io, work, exc)
            return "failed"
        except SyncError as exc:
            if isinstance(exc, TransientError) and not _failing(exc):
                self._transient(exc)
            else:
                self._fail(io, work, exc)
            return "failed"
        self._streak = self._pauses = 0
        self._unreachable = False
        self._stack.pop()
        self._count_results(answer.results)
        self._absorb(io.collect())  # the batch read ahead becomes the next one to send …
        io.submit(save=(work.items, answer.results), after=self._horizon, read=True)  # … and so on
        return "sent"

    def _transient(self, exc: TransientError) -> None:
        """No answer or a busy server: the same batch again after a backoff wait."""
        self._counts["failed"] += 1
        self._streak += 1
        self._reason = str(exc)
        self._unreachable = isinstance(exc, Unreachable | TimedOut)
        log.info("upload: %s; waiting (attempt %d)", exc, self._streak)
        self._wait(self._backoff.delay(self._streak, exc.retry_after))

    def _refused_path(self, exc: Refused) -> None:
        """403/404 on the batch path: the configuration, not the batch.  Pause when the server's
        health answers (or is refused too: the whole address is wrong); no answer: an outage."""
        self._counts["failed"] += 1
        self._reason = str(exc)
        try:
            self._client.health()
        except TransientError as health:  # nothing answers at all: wait as for any outage
            self._streak += 1
            self._unreachable = isinstance(health, Unreachable | TimedOut)
            log.info("upload: %s and no health either; waiting", exc)
            self._wait(self._backoff.delay(self._streak, health.retry_after))
            return
        except SyncError:  # refused or not the protocol: something else answers there
            pass
        self._unreachable = False
        self._pauses += 1
        ceiling = min(PAUSE_CAP, PAUSE_FIRST * float(2 ** min(self._pauses - 1, 10)))
        log.warning(
            "upload: the batch path is refused (%s) while the server answers: check the server's "
            "address and any proxy; paused",
            exc.status,
        )
        self._wait(ceiling * self._backoff.rng.uniform(0.5, 1.0), "misconfigured")

    def _fail(self, io: QueueIO, work: _Work, exc: SyncError) -> None:
        """The server answered but blamed the batch: again, then split, then hold."""
        self._counts["failed"] += 1
        self._streak = 0
        self._unreachable = False
        work.failures += 1
        self._reason = str(exc)
        log.info(
            "upload: batch of %d failed (%s), %d in a row", len(work.items), exc, work.failures
        )
        retry_after = exc.retry_after if isinstance(exc, TransientError) else None
        if work.failures < FAILURES_BEFORE_SPLIT:
            self._wait(self._backoff.delay(work.failures, retry_after))
            return
        if not self._server_well():
            work.failures = FAILURES_BEFORE_SPLIT - 1  # ask the server's health again next time
            self._streak += 1
            self._wait(self._backoff.delay(self._streak, retry_after))
            return
        if self._settle_known(io, work):
            return
        if len(work.items) > 1:
            self._split(work)
            return
        self._stack.remove(work)
        self._absorb(io.collect())
        (item,) = work.items
        if io.hold(item, str(exc)):
            log.warning(
                "upload: submission %s held after %d failures", item.reference, work.failures
            )

    def _ask_server(self, ids: Sequence[str]) -> dict[str, FoundSubmission] | None:
        """The server's copies among ``ids``; None when it cannot be asked (an older server,
        no answer): the engine then goes on as if it held none."""
        try:
            return find_at_server(self._client, ids)
        except SyncError as exc:
            log.info("upload: could not ask the server about %d submission(s) (%s)", len(ids), exc)
            return None

    def _settle_known(self, io: QueueIO, work: _Work) -> bool:
        """Before a split or a hold: mark what the server holds already (a 500 after the commit).

        True when that changed the work: it is done, or its rest is tried afresh as a new batch.
        """
        found = self._ask_server([item.id for item in work.items])
        if not found:
            return False
        self._absorb(io.collect())
        outcomes = io.settle([item.id for item in work.items], found)
        self._count_checks(outcomes.values())
        rest = [item for item in work.items if outcomes.get(item.id) == "not_at_server"]
        log.info("upload: %d of a failing batch of %d were at the server already",
                 len(work.items) - len(rest), len(work.items))  # fmt: skip
        index = self._stack.index(work)
        if rest:
            self._stack[index] = _Work(rest)
        else:
            del self._stack[index]
        return True

    def _release_held(self, io: QueueIO) -> bool:
        """Nothing else waits: held ones the engine may retry go back into the queue, except
        those the server turns out to hold.  True when anything changed."""
        ids = io.releasable()
        if not ids:
            return False
        found = self._ask_server(ids)
        rest = ids
        if found:
            outcomes = io.settle(ids, found)
            self._count_checks(outcomes.values())
            rest = [i for i in ids if outcomes.get(i) == "not_at_server"]
        released = io.release(rest)
        if released:
            log.info("upload: %d held submission(s) tried again", released)
        return released > 0 or len(rest) < len(ids)

    def _anchor_audit(self) -> None:
        """The audit head to the server, its signed answer kept; a failure only means no new
        signed head this time."""
        try:
            anchor_audit_head(self._store, self._client)
        except Refused as exc:
            if exc.status == 409:
                log.warning(
                    "upload: the server refused the audit head: this kiosk's audit history "
                    "differs from the one it signed before"
                )
            else:
                log.info("upload: no signed audit head this time (refused %d)", exc.status)
        except (SyncError, StoreError) as exc:
            log.info("upload: no signed audit head this time (%s)", type(exc).__name__)

    def _count_checks(self, outcomes: Iterable[str]) -> None:
        for outcome in outcomes:
            if outcome in ("sent", "conflict"):
                self._counts["sent" if outcome == "sent" else "rejected"] += 1

    def _server_well(self) -> bool:
        """The server and its database answer: the failures are about this batch."""
        try:
            health = self._client.health()
        except SyncError:
            return False
        return health.status == "ok" and health.database

    def _split(self, work: _Work) -> None:
        self._stack.remove(work)
        middle = len(work.items) // 2
        self._stack.append(_Work(work.items[middle:]))
        self._stack.append(_Work(work.items[:middle]))  # the older half goes first

    def _count_results(self, results: list[ItemResult]) -> None:
        for result in results:
            key = "sent" if result.status in ("accepted", "duplicate") else "rejected"
            self._counts[key] += 1

    # --- waiting and progress ---------------------------------------------------------------------

    def _wait(self, seconds: float, state: UploadState = "waiting") -> None:
        self._next_at = self._now() + timedelta(seconds=seconds)
        self._report(state)
        self._sleep(seconds)
        self._next_at = None

    def _queue_counts(self) -> QueueCounts:
        """The queue as last counted by the database thread (or counted here, first time)."""
        if self._queue is None:
            try:
                with self._store.reader() as conn:
                    self._queue = queue_counts(conn)
            except StoreError:
                last = self.progress
                return QueueCounts(last.queued, last.held, last.needs_officer)
        return self._queue

    def _report(self, state: UploadState) -> UploadProgress:
        counts = self._queue_counts()
        skew = self._client.clock_skew if self._client.clock_off else None
        self.progress = UploadProgress(
            state=state,
            queued=counts.queued,
            sent=self._counts["sent"],
            rejected=self._counts["rejected"],
            failed=self._counts["failed"],
            held=counts.held,
            needs_officer=counts.needs_officer,
            next_attempt_at=self._next_at,
            reason=self._reason,
            clock_skew=skew,
            unreachable=self._unreachable and state == "waiting",
        )
        if self._on_progress is not None:
            self._on_progress(self.progress)
        return self.progress
