"""Sync in the background: the upload engine and the roster download on a thread of their own.

``kiosk.sync`` is plain Python that blocks (requests, backoff waits); this wraps it for the UI
(DESIGN.md §5, STYLE.md). One long-lived thread runs rounds: the upload queue until it is empty
(``Uploader.run_until_idle``: it waits out a dead network or a busy server by itself), then the
visit outcomes recorded here (``kiosk.sync.outcomes``), then the daily targets both ways
(``kiosk.sync.targets``), then the ward's roster by cursor (which brings every kiosk's outcomes
back, numbered), then the evening sessions closed but not yet
reconciled (``kiosk.sync.reconcile_due``; after :meth:`SyncWorker.sweep`, also those that sent
something since), then a pause of ``poll_seconds`` that "Sync now" (:meth:`SyncWorker.sync_now`)
cuts short. The thread publishes a :class:`SyncState` under a lock and emits ``changed`` with no
arguments: the UI thread reads :meth:`SyncWorker.state`. (PySide6 has broken reference counts of
Python objects sent through queued signals; see ``kiosk.ui.tasks``.)

The engine writes its results through the store like any other writer: short transactions that
SQLite serialises with the database worker's (busy timeout), so the screens never wait on it.
A re-enrolment (settings) calls :meth:`SyncWorker.reload`: the next round reads the new identity.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from kiosk.store import Store, StoreError
from kiosk.sync import (
    InsecureAddress,
    IntakeClient,
    RosterDownloader,
    ServerBusy,
    SyncError,
    Unauthorised,
    Uploader,
    UploadProgress,
    client_for,
    load_identity,
    reconcile_due,
)
from kiosk.sync.outcomes import send_outcomes
from kiosk.sync.targets import sync_targets
from kiosk.ui.tasks import log_task_error
from kiosk.ui.widgets.status_bar import Link

log = logging.getLogger(__name__)

POLL_SECONDS = 60.0
STOP_TIMEOUT_S = 5.0


@dataclass(frozen=True)
class SyncState:
    """What the status area and Home show about the link to the intake server."""

    link: Link = "starting"
    sending: bool = False
    """Records are on their way right now."""
    last_sync: datetime | None = None
    """The last time the server answered a whole round (queue empty, roster current)."""
    next_attempt_at: datetime | None = None
    held: int = 0
    needs_officer: int = 0
    clock_skew: float | None = None
    """Server time minus local time in seconds, when more than two minutes off."""
    drain_done: int = 0
    """Of the queue the engine is draining: how many the server has answered (sent or rejected)."""
    drain_total: int = 0
    """...and how many there were in all (Home's "Sent X of Y")."""


class SyncWorker(QObject):
    """Runs the upload engine and the roster download for one store, until :meth:`stop`."""

    changed = Signal()
    """A new :class:`SyncState` is ready; read it with :meth:`state` (emitted from the thread)."""

    def __init__(
        self,
        store: Store,
        *,
        clock: Callable[[], datetime],
        ca_bundle: str | Path | None = None,
        allow_insecure_http: bool = False,
        poll_seconds: float = POLL_SECONDS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._clock = clock
        self._ca_bundle = ca_bundle
        self._allow_insecure_http = allow_insecure_http
        self._poll = poll_seconds
        self._lock = threading.Lock()
        self._state = SyncState()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._reload = threading.Event()
        self._sweep = threading.Event()
        self._uploader: Uploader | None = None
        self._drain_total = 0
        """The size of the drain under way (Home's "Sent X of Y")."""
        self._draining = False
        """A drain is under way (an outage in it does not start a new one)."""
        self._thread = threading.Thread(target=self._run, name="kiosk-sync", daemon=True)

    # --- the UI thread's side ------------------------------------------------------------------

    def start(self) -> None:
        """Start the thread (once)."""
        self._thread.start()

    def state(self) -> SyncState:
        """The latest state (any thread)."""
        with self._lock:
            return self._state

    def sync_now(self) -> None:
        """Try at once: cuts a pause or a backoff wait short ("Sync now", a new verification)."""
        self._wake.set()
        uploader = self._uploader
        if uploader is not None:
            uploader.kick()

    def sweep(self) -> None:
        """The nightly sweep: at the next round (now), reconcile every session the server has
        not confirmed, and those that sent something since it last did."""
        self._sweep.set()
        self._wake.set()

    def reload(self) -> None:
        """The station enrolled again: start over with the new server and token."""
        self._reload.set()
        self._stop_uploader()
        self._wake.set()

    def stop(self, timeout: float = STOP_TIMEOUT_S) -> bool:
        """Stop after the request under way; True when the thread has ended within ``timeout``."""
        self._stop.set()
        self._stop_uploader()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)
        return not self._thread.is_alive()

    def _stop_uploader(self) -> None:
        uploader = self._uploader
        if uploader is not None:
            uploader.stop()

    # --- the thread ----------------------------------------------------------------------------

    def _publish(self, **changes: object) -> None:
        with self._lock:
            self._state = dataclasses.replace(self._state, **changes)  # type: ignore[arg-type]
        self.changed.emit()

    def _rest(self, link: Link) -> None:
        """Say how the link stands, then wait for the next round (or a wake-up)."""
        self._publish(link=link, sending=False)
        self._pause(self._poll)

    def _pause(self, seconds: float) -> None:
        self._wake.wait(seconds)
        self._wake.clear()

    def _run(self) -> None:
        while not self._stop.is_set():
            self._reload.clear()
            try:
                identity = load_identity(self._store)
            except StoreError as exc:
                log.error("sync: the local database failed (%s)", type(exc).__name__)
                self._rest("error")
                continue
            if not identity.enrolled:
                self._rest("not_enrolled")
                continue
            try:
                client = client_for(
                    identity,
                    ca_bundle=self._ca_bundle,
                    allow_insecure_http=self._allow_insecure_http,
                )
            except (ValueError, InsecureAddress) as exc:
                # a CA bundle that is gone, an address that is not one, or plain http:// to
                # another computer (allow_insecure_http switched off since the enrolment)
                log.error("sync: cannot reach the server as configured (%s)", exc)
                self._rest("error")
                continue
            try:
                with client:
                    self._rounds(client)
            except Exception as exc:  # a bug: logged without its message (personal data)
                log_task_error(exc)
                self._rest("error")
        self._publish(sending=False)

    def _rounds(self, client: IntakeClient) -> None:
        """Rounds with one client until a stop, a re-enrolment or a refused token."""
        uploader = Uploader(self._store, client, now=self._clock, on_progress=self._progressed)
        downloader = RosterDownloader(self._store, client, now=self._clock)
        self._uploader = uploader
        try:
            while not (self._stop.is_set() or self._reload.is_set()):
                try:
                    progress = uploader.run_until_idle()
                except StoreError as exc:  # disk full, database busy: say so, try again later
                    log.error("sync: the local database failed (%s)", type(exc).__name__)
                    self._rest("error")
                    continue
                if progress.state == "stopped":
                    return
                refused = progress.state == "reenrol" or not self._outcomes(client)
                refused = refused or not self._targets(client)
                if refused or not self._roster(downloader):
                    self._publish(link="reenrol", sending=False)
                    while not (self._stop.is_set() or self._reload.is_set()):
                        self._pause(self._poll)  # an officer enrols again in the settings
                    return
                self._reconcile(client)
                self._pause(self._poll)
        finally:
            self._uploader = None

    def _outcomes(self, client: IntakeClient) -> bool:
        """Visit outcomes recorded here to the server; False on a 401.  A server that cannot be
        reached leaves them for the next round (the roster's attempt says how the link is)."""
        try:
            send_outcomes(self._store, client, now=self._clock, sleep=self._pause, stop=self._stop)
        except Unauthorised:
            return False
        except SyncError as exc:
            log.info("sync: visit outcomes not sent yet (%s)", type(exc).__name__)
        except StoreError as exc:
            log.error("sync: visit outcomes could not be saved (%s)", type(exc).__name__)
        return True

    def _targets(self, client: IntakeClient) -> bool:
        """Daily targets set here to the server, and the ward's back; False on a 401.  A server
        that cannot be reached leaves them for the next round."""
        try:
            sync_targets(self._store, client, now=self._clock, sleep=self._pause, stop=self._stop)
        except Unauthorised:
            return False
        except SyncError as exc:
            log.info("sync: daily targets not synced yet (%s)", type(exc).__name__)
        except StoreError as exc:
            log.error("sync: daily targets could not be saved (%s)", type(exc).__name__)
        return True

    def _roster(self, downloader: RosterDownloader) -> bool:
        """The roster's news (a round that gets here is a completed sync); False on a 401."""
        try:
            downloader.download(self._stop)
        except Unauthorised:
            return False
        except SyncError as exc:
            log.info("sync: roster not downloaded (%s)", type(exc).__name__)
            self._publish(link="busy" if isinstance(exc, ServerBusy) else "offline", sending=False)
            return True
        except StoreError as exc:
            log.error("sync: the roster could not be saved (%s)", type(exc).__name__)
            self._publish(link="error", sending=False)
            return True
        self._publish(link="online", sending=False, last_sync=self._clock(), next_attempt_at=None)
        return True

    def _reconcile(self, client: IntakeClient) -> None:
        """Evening sessions closed while the server was away, and after :meth:`sweep` those
        that sent something since their last reconciliation: reconciled now."""
        late = self._sweep.is_set()
        try:
            reconcile_due(self._store, client, now=self._clock, late=late)
        except SyncError as exc:  # the next round tries again
            log.info("sync: sessions not reconciled yet (%s)", type(exc).__name__)
            return
        except StoreError as exc:
            log.error("sync: a session could not be reconciled (%s)", type(exc).__name__)
            return
        if late:
            self._sweep.clear()

    def _progressed(self, progress: UploadProgress) -> None:
        """The upload engine's report (on this thread): the link as the last attempt found it.

        A drain's total is taken when it starts, not when it resumes after an outage: later
        reports count the batch whose results are being saved both as sent and as still queued
        (the queue is read ahead), so their sum would run one batch high.
        """
        done = progress.sent + progress.rejected
        if progress.state == "sending" and not self._draining:  # a drain starts (not resumes)
            self._draining = True
            self._drain_total = done + progress.queued
        elif progress.state == "idle":
            self._draining = False
        self._drain_total = max(self._drain_total, done)
        link: Link
        if progress.state == "waiting":
            link = "offline" if progress.unreachable else "busy"
        elif progress.state == "misconfigured":  # a 403/404 on the batch path, health answering
            link = "misconfigured"
        elif progress.state in ("sending", "idle"):
            link = "online" if progress.state == "sending" else self.state().link
        else:
            link = self.state().link
        self._publish(
            link=link,
            sending=progress.state == "sending",
            next_attempt_at=progress.next_attempt_at,
            held=progress.held,
            needs_officer=progress.needs_officer,
            clock_skew=progress.clock_skew,
            drain_done=done,
            drain_total=self._drain_total,
        )
