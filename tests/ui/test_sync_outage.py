"""Issue 19: the intake server stops in the middle of a drain and starts again, and the kiosk rides
it out: its screens answer taps all along, the status area says it is offline in words while the
server is down, and after "Sync now" every record is at the server exactly once.

The real kiosk window and database, a real intake server on loopback (its own SQLite file) that is
stopped and started again on the same port, as a restarted ward server looks to a kiosk.  Stopping
and starting run on a thread of their own: the UI thread only runs its event loop and the taps.

Timing is checked loosely (a shared machine): a 5 ms timer on the UI thread must never go a whole
second without ticking, and each tap must be handled within a second.  The point is that the UI
answers while the network code waits and fails, not how fast it is.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import Engine, select

from intake.auth import issue_enrol_code
from intake.models import Submission as ServerSubmission
from kiosk.store import Store
from kiosk.store.models import Submission
from kiosk.ui.main_window import MainWindow
from tests.support.intake import RestartableServer, fresh_database
from tests.support.queue import add_verified
from tests.support.stalls import Stalls
from tests.ui.conftest import OFFICER
from tests.ui.flows import complete_setup, tap

COUNT = 800
"""Eight batches of 100 (about a second's drain here): the server goes after the first one is in,
and stopping takes it a tenth of a second or so, so some but not all are there when it is down."""
SYNC_WAIT_MS = 20_000
TAP_GAP_MS = 100
"""A person tapping quickly: one tap every tenth of a second, the event loop running between."""
OUTAGE_S = 1.5
"""How long the kiosk stays without its server, tapped all along, after it has said so."""
LONGEST_TAP_S = 1.0
LONGEST_STALL_MS = 1000
OFFLINE = "Ngoại tuyến"  # "Offline — records are kept safely here"
BUSY = "Máy chủ đang bận"  # "The server is busy — the kiosk will try again by itself"


class Taps:
    """An officer going Home ↔ look-up with the real buttons, each tap timed and checked."""

    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window
        self.took: list[float] = []

    def once(self) -> None:
        """One tap: the screen it leads to must be on show when the tap returns."""
        window = self.window
        if window.navigator.current() == "home":
            target, expected = window.home_screen.type_id_button, "lookup"
        else:
            target, expected = window.status_area.home_button, "home"
        started = time.perf_counter()
        tap(self.qtbot, target)
        self.took.append(time.perf_counter() - started)
        assert window.navigator.current() == expected

    def go_home(self) -> None:
        if self.window.navigator.current() != "home":
            self.once()
        assert self.window.navigator.current() == "home"

    def until(self, done: Callable[[], bool], timeout_ms: int, what: str) -> None:
        """Keep tapping, the event loop running between taps, until ``done()``."""
        deadline = time.monotonic() + timeout_ms / 1000
        while not done():
            assert time.monotonic() < deadline, f"timed out waiting until {what}"
            self.once()
            self.qtbot.wait(TAP_GAP_MS)

    def for_seconds(self, seconds: float) -> None:
        """Keep tapping for ``seconds``."""
        end = time.monotonic() + seconds
        self.until(lambda: time.monotonic() >= end, int(seconds * 1000) + 5_000, "time is up")


class Background:
    """``work`` on a thread of its own; :meth:`done` says when it has finished (raising its error)."""

    def __init__(self, work: Callable[[], object]) -> None:
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(work,), daemon=True)
        self._thread.start()

    def _run(self, work: Callable[[], object]) -> None:
        try:
            work()
        except BaseException as exc:  # handed to the test thread by done()
            self._error = exc

    def done(self) -> bool:
        if self._thread.is_alive():
            return False
        if self._error is not None:
            raise self._error
        return True


def at_server(engine: Engine) -> list[tuple[str, str]]:
    """(id, sha256) of every submission the server holds."""
    with engine.connect() as conn:
        rows = conn.execute(select(ServerSubmission.id, ServerSubmission.sha256))
        return [(str(sub_id), str(sha)) for sub_id, sha in rows]


def at_kiosk(store: Store) -> dict[str, tuple[str, str]]:
    """Each kiosk submission's id: (status, sha256)."""
    with store.read() as session:
        rows = session.execute(select(Submission.id, Submission.status, Submission.sha256))
        return {sub_id: (status, sha or "") for sub_id, status, sha in rows}


def statuses(store: Store) -> Counter[str]:
    return Counter(status for status, _ in at_kiosk(store).values())


def link_says_down(window: MainWindow) -> bool:
    """The status area and Home both say in words that the server cannot be reached (or is busy)."""
    bar, home = window.status_area.link_text(), window.home_screen.link_line()
    return bar.startswith((OFFLINE, BUSY)) and home.startswith((OFFLINE, BUSY))


def test_the_server_restarts_mid_sync_and_the_ui_answers_throughout(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    directory = tmp_path / "intake"
    directory.mkdir()
    with fresh_database("sqlite", directory) as url, RestartableServer(url) as intake:
        server = intake.server
        assert server is not None
        code = issue_enrol_code(
            server.engine, "Phường Yên Nghĩa", "Tổ dân phố 3", timedelta(hours=1)
        )
        complete_setup(qtbot, window, *OFFICER, server=(server.url, code))
        home = window.home_screen
        # the first round is over (the roster is in): the worker pauses until "Sync now"
        qtbot.waitUntil(lambda: "Đồng bộ lần cuối" in home.link_line(), timeout=SYNC_WAIT_MS)
        store = window.backend_or_fail().store
        ids = add_verified(store, COUNT)  # verified on another screen; they wait to be sent
        stalls, taps = Stalls(interval_ms=5), Taps(qtbot, window)
        stalls.start()
        drains: list[tuple[int, int]] = []  # Home's "Sent X of Y", as the status changed
        window.status_changed.connect(lambda s: drains.append((s.drain_done, s.drain_total)))

        # the drain starts; the server goes once some (not all) of the queue is there
        tap(qtbot, home.sync_now_button)
        qtbot.waitUntil(lambda: len(at_server(intake.engine)) > 0, timeout=SYNC_WAIT_MS)
        stopping = Background(intake.stop)
        taps.until(stopping.done, SYNC_WAIT_MS, "the server has stopped")
        there_when_stopped = len(at_server(intake.engine))
        assert 0 < there_when_stopped < COUNT, "the server did not stop in the middle of the drain"

        # the outage: the kiosk says so in words, keeps every record, and answers every tap
        taps.until(lambda: link_says_down(window), SYNC_WAIT_MS, "the link says offline")
        outage_taps = len(taps.took)
        taps.for_seconds(OUTAGE_S / 2)
        taps.go_home()
        tap(qtbot, home.sync_now_button)  # an officer tries: nothing there, nothing lost
        taps.for_seconds(OUTAGE_S / 2)
        assert link_says_down(window), window.status_area.link_text()
        assert len(taps.took) - outage_taps >= 5, "too few taps during the outage"
        kiosk = at_kiosk(store)
        assert len(kiosk) == COUNT
        assert {s for s, _ in kiosk.values()} <= {"verified", "sent"}
        sent = {(i, sha) for i, (status, sha) in kiosk.items() if status == "sent"}
        assert sent <= set(at_server(intake.engine))  # nothing marked sent the server lacks
        assert len(at_server(intake.engine)) == there_when_stopped  # really down

        # the server is back at the same address; "Sync now", and the rest goes
        starting = Background(intake.start)
        taps.until(starting.done, SYNC_WAIT_MS, "the server has started again")
        taps.go_home()
        tap(qtbot, home.sync_now_button)

        assert drains and all(done <= total <= COUNT for done, total in drains), drains

        def all_there() -> bool:
            return statuses(store) == {"sent": COUNT} and len(at_server(intake.engine)) == COUNT

        taps.until(all_there, SYNC_WAIT_MS, "every record is at the server")
        stalls.stop()

        assert intake.starts == 2
        there = at_server(intake.engine)
        assert len(there) == COUNT  # each once: none stored twice (under another id either)
        assert sorted(sub_id for sub_id, _ in there) == sorted(ids)
        kiosk = at_kiosk(store)
        assert set(there) == {(i, sha) for i, (_, sha) in kiosk.items()}  # the bytes it froze
        state = window.sync.state() if window.sync is not None else None
        assert state is not None and state.held == 0 and state.needs_officer == 0
        taps.go_home()
        qtbot.waitUntil(lambda: home.figure_texts()[2] == "0", timeout=SYNC_WAIT_MS)
        qtbot.waitUntil(
            lambda: window.status_area.link_text() == "Trực tuyến", timeout=SYNC_WAIT_MS
        )
        assert max(taps.took) < LONGEST_TAP_S, f"a tap took {max(taps.took):.2f} s"
        assert stalls.longest < LONGEST_STALL_MS, f"the UI thread stalled {stalls.longest} ms"
