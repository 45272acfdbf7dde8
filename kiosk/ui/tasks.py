"""The Qt side of background work: the UI thread never waits on the disk or the network.

One helper in the manner of Anki's ``QueryOp`` and Picard's ``run_task``::

    runner.db(services.counts.today).success(self._show_counts).failure(self._show_error).run()

``db`` work runs on one worker thread, in submission order (SQLite has one writer; one thread keeps
writes ordered). ``net`` work runs on a small pool of its own, so a slow server never stalls a
save. The success and failure callbacks run on the UI thread. A task without a failure callback has
its error shown by whoever listens to ``TaskRunner.unhandled_error`` (the main window). Workers get
plain data: a widget passed to a worker is refused on the spot.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any, Generic, NamedTuple, TypeVar

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRunnable,
    QThread,
    QThreadPool,
    Signal,
    SignalInstance,
    Slot,
)

log = logging.getLogger(__name__)

T = TypeVar("T")

NETWORK_THREADS = 4


class _Job(QRunnable):
    """Runs one callable on a pool thread, files its outcome, and signals the task id.

    Only the id crosses threads in the signal: the outcome waits in ``outcomes`` (a dict write
    is atomic under the GIL). Passing arbitrary Python objects, ``None`` included, through a
    queued signal has broken reference counts in PySide6 ("deallocating None").
    """

    def __init__(
        self,
        task_id: int,
        fn: Callable[[], Any],
        outcomes: dict[int, tuple[object, BaseException | None]],
        done: SignalInstance,
    ) -> None:
        super().__init__()
        self._task_id = task_id
        self._fn = fn
        self._outcomes = outcomes
        self._done = done

    def run(self) -> None:
        """Called on the pool thread; every exception is caught and travels back as data."""
        try:
            outcome: tuple[object, BaseException | None] = (self._fn(), None)
        except BaseException as exc:
            outcome = (None, exc)
        self._outcomes[self._task_id] = outcome
        self._done.emit(self._task_id)


class _Callbacks(NamedTuple):
    success: Callable[[Any], None] | None
    failure: Callable[[BaseException], None] | None
    parent: QObject | None


def _refuse_widgets(fn: Callable[..., Any], values: tuple[Any, ...]) -> None:
    """Workers get copies of plain data, never widgets: Qt objects belong to the UI thread."""
    owner = getattr(fn, "__self__", None)
    if isinstance(owner, QObject):
        raise TypeError("background work must not be a method of a Qt object")
    for value in values:
        if isinstance(value, QObject):
            raise TypeError("background work must not receive Qt objects; pass plain data")


class Task(Generic[T]):
    """One piece of background work being described: add callbacks, then ``run()``."""

    def __init__(
        self,
        runner: TaskRunner,
        pool: QThreadPool,
        fn: Callable[..., T],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
    ) -> None:
        _refuse_widgets(fn, args + tuple(kwargs.values()))
        self._runner = runner
        self._pool = pool
        self._call: Callable[[], T] = lambda: fn(*args, **kwargs)
        self._success: Callable[[T], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self._parent: QObject | None = None

    def success(self, callback: Callable[[T], None]) -> Task[T]:
        """Call ``callback(result)`` on the UI thread when the work returns."""
        self._success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> Task[T]:
        """Call ``callback(error)`` on the UI thread when the work raises (else the error is shown)."""
        self._failure = callback
        return self

    def owned_by(self, parent: QObject) -> Task[T]:
        """Drop the outcome silently if ``parent`` (usually the screen) is gone by then."""
        self._parent = parent
        return self

    def run(self) -> int:
        """Queue the work; returns its id (the one ``TaskRunner.finished`` carries)."""
        return self._runner._start(
            self._pool, self._call, _Callbacks(self._success, self._failure, self._parent)
        )


class TaskRunner(QObject):
    """Owns the two pools and brings every outcome back to the UI thread."""

    finished = Signal(int)
    """A task's callbacks have run (or were dropped); carries the task id. For tests and shutdown."""

    unhandled_error = Signal(object)
    """A task failed and had no failure callback; carries the exception, for the UI to show."""

    _done = Signal(int)

    def __init__(
        self, parent: QObject | None = None, *, network_threads: int = NETWORK_THREADS
    ) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Callbacks] = {}
        self._outcomes: dict[int, tuple[object, BaseException | None]] = {}
        self._db_pool = QThreadPool(self)
        self._db_pool.setMaxThreadCount(1)
        self._db_pool.setExpiryTimeout(-1)  # one thread for the whole run: connections stay on it
        self._net_pool = QThreadPool(self)
        self._net_pool.setMaxThreadCount(network_threads)
        self._done.connect(self._deliver)

    def db(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> Task[T]:
        """Describe work that touches the database: it runs on the single database thread."""
        return Task(self, self._db_pool, fn, args, kwargs)

    def net(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> Task[T]:
        """Describe work that talks to the network: it runs on the network pool."""
        return Task(self, self._net_pool, fn, args, kwargs)

    def pending(self) -> int:
        """How many tasks have not delivered their outcome yet."""
        return len(self._pending)

    def shutdown(self, db_timeout_ms: int = 15_000, net_timeout_ms: int = 2_000) -> bool:
        """Let queued database work finish (saves must land), drop queued network work; True if idle."""
        self._net_pool.clear()
        net_done = self._net_pool.waitForDone(net_timeout_ms)
        db_done = self._db_pool.waitForDone(db_timeout_ms)
        return net_done and db_done

    def deliver_finished(self) -> None:
        """Run the callbacks of work that finished after the event loop ended (at shutdown)."""
        QCoreApplication.sendPostedEvents(self, QEvent.Type.MetaCall)

    def _start(self, pool: QThreadPool, call: Callable[[], Any], callbacks: _Callbacks) -> int:
        if QThread.currentThread() is not self.thread():
            raise RuntimeError("start background work from the UI thread")
        task_id = next(self._ids)
        self._pending[task_id] = callbacks
        pool.start(_Job(task_id, call, self._outcomes, self._done))
        return task_id

    @Slot(int)
    def _deliver(self, task_id: int) -> None:
        callbacks = self._pending.pop(task_id)
        result, error = self._outcomes.pop(task_id)
        try:
            if callbacks.parent is not None and not shiboken6.isValid(callbacks.parent):
                return
            if error is None:
                if callbacks.success is not None:
                    callbacks.success(result)
            elif callbacks.failure is not None:
                callbacks.failure(error)
            else:
                log_task_error(error)
                self.unhandled_error.emit(error)
        finally:
            self.finished.emit(task_id)


def log_task_error(error: BaseException) -> None:
    """Log where a background error came from without its message (it may hold personal data)."""
    import traceback  # a rare path: not imported before the first frame

    frames = "\n".join(
        f"  {frame.filename}:{frame.lineno} in {frame.name}"
        for frame in traceback.extract_tb(error.__traceback__)
    )
    log.error("background task failed: %s\n%s", type(error).__name__, frames)
