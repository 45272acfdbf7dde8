"""The evening session through the window (issue 21): an officer opens it from Home and closes it
(summary, reconciliation with the ward's server, the unsent records to a USB stick); the day's
first capture opens one; a session closed while the server is down is finished by the sync
thread; a session left open past midnight is offered for closing at an officer's sign-in.

A real intake server on loopback, the real kiosk window, database and sync thread.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import delete, select

from intake.demo import populate
from intake.models import SessionClose
from intake.models import Submission as ServerSubmission
from kiosk.services.base import Actor
from kiosk.services.sessions import SessionStatus
from kiosk.store import sessions as store_sessions
from kiosk.store.models import Resident, Submission
from kiosk.store.sessions import SessionRecord
from kiosk.sync.reconcile import ReconcileResult
from kiosk.ui.main_window import MainWindow
from tests.support.intake import (
    RestartableServer,
    Server,
    fresh_database,
    one_test_server,  # noqa: F401  # the ``server`` fixture
)
from tests.sync.helpers import server_ids
from tests.ui.conftest import OFFICER
from tests.ui.desk import people, verified
from tests.ui.flows import WAIT_MS, complete_setup, go_to_sign_in, sign_in_and_wait, tap
from tests.ui.layout import layout_problems
from tests.ui.test_layout import _at_every_size
from tests.ui.test_sync import GROUP, SYNC_WAIT_MS, WARD, code_for
from tests.ui.test_verify import _volunteer_kiosk, _volunteer_serves
from tests.ui.test_visit import Walk

PERSON = ("id_number", "full_name", "birth_date", "sex")
"""What the visit takes of a roster resident, so the session covers their household."""


def _session(window: MainWindow, session_id: str) -> SessionRecord:
    with window.backend_or_fail().store.reader() as conn:
        return store_sessions.get_session(conn, session_id)


def _home_status(qtbot: QtBot, window: MainWindow) -> SessionStatus:
    """Home's evening-session card, read again."""
    home = window.home_screen
    with qtbot.waitSignal(home.session_shown, timeout=WAIT_MS) as shown:
        home.refresh()
    status = shown.args[0]
    assert isinstance(status, SessionStatus)
    return status


def _home_session(qtbot: QtBot, window: MainWindow) -> SessionRecord | None:
    """The open session on Home's card."""
    return _home_status(qtbot, window).session


def _open_through_home(qtbot: QtBot, window: MainWindow, on_duty: list[Actor]) -> SessionRecord:
    """Home's "Open the evening session": the groups (the first is chosen), who is on duty."""
    assert _home_session(qtbot, window) is None
    walk = Walk(qtbot, window)
    walk.tap(window.home_screen.session_card.open_button)
    walk.wait_for("session")
    screen = window.session_screen
    qtbot.waitUntil(lambda: screen.open_button.isEnabled(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(screen.duty_choice.buttons) >= 2, timeout=WAIT_MS)
    for person in on_duty:
        walk.tap(screen.duty_choice.button_for(person.operator_id))
    assert screen.page() == "open"
    assert _at_every_size(qtbot, window, "session/open") == []
    walk.tap(screen.open_button)
    walk.wait_for("home")
    opened = _home_session(qtbot, window)
    assert opened is not None and opened.state == "open"
    return opened


def _close_through_home(
    qtbot: QtBot, window: MainWindow, stick: Path | None = None
) -> ReconcileResult | None:
    """Home's "Close the session": the summary, then the close and its reconciliation."""
    screen = window.session_screen
    screen.find_volumes = lambda: [] if stick is None else [stick]
    tap(qtbot, window.home_screen.session_card.close_button)
    assert window.navigator.current() == "session" and screen.page() == "summary"
    qtbot.waitUntil(lambda: screen.close_button.isEnabled(), timeout=WAIT_MS)
    assert _at_every_size(qtbot, window, "session/summary") == []
    with qtbot.waitSignal(screen.reconciled, timeout=SYNC_WAIT_MS) as reconciled:
        tap(qtbot, screen.close_button)
    assert screen.page() == "closed"
    return reconciled.args[0]  # type: ignore[no-any-return]


def _enrolled(qtbot: QtBot, window: MainWindow, server: Server) -> tuple[Actor, Actor]:
    """An enrolled kiosk on a ward with a roster; (the signed-in officer, a volunteer)."""
    complete_setup(qtbot, window, *OFFICER, server=(server.url, code_for(server)))
    officer, volunteer, _second = people(window)
    return officer, volunteer


def _adult_on_the_roster(qtbot: QtBot, window: MainWindow, server: Server) -> dict[str, str]:
    """A grown-up of the ward's roster, once the kiosk's cache has them (their household too)."""
    ward = populate(server.engine, 12, seed=5, ward=WARD)
    person = next(p for p in ward.residents if p["birth_date"].year < 1990)
    window.sync_now()
    store = window.backend_or_fail().store

    def cached() -> bool:
        with store.read() as session:
            found = session.scalars(
                select(Resident.household_id).where(Resident.id_number == person["id_number"])
            ).first()
            return found is not None

    qtbot.waitUntil(cached, timeout=SYNC_WAIT_MS)
    return {**{k: person[k] for k in PERSON}, "birth_date": person["birth_date"].isoformat()}


def _uploaded(qtbot: QtBot, window: MainWindow, server: Server, sub_id: str) -> None:
    """Sent: at the server, marked so here, and the sync thread's round over (it would
    otherwise reconcile a session closed meanwhile at the same time as the screen)."""
    store, sync = window.backend_or_fail().store, window.sync
    assert sync is not None
    before = sync.state().last_sync

    def sent() -> bool:
        with store.read() as session:
            return session.get(Submission, sub_id).status == "sent"  # type: ignore[union-attr]

    window.sync_now()
    qtbot.waitUntil(
        lambda: sub_id in server_ids(server) and sent() and sync.state().last_sync != before,
        timeout=SYNC_WAIT_MS,
    )


def test_an_officer_opens_and_closes_the_session_and_saves_it_to_a_stick(
    qtbot: QtBot, window: MainWindow, server: Server, tmp_path: Path
) -> None:
    officer, volunteer = _enrolled(qtbot, window, server)
    person = _adult_on_the_roster(qtbot, window, server)
    opened = _open_through_home(qtbot, window, [volunteer])
    assert opened.on_duty == (officer.operator_id, volunteer.operator_id)
    assert opened.groups[0] == GROUP  # the station's own group first, and chosen
    record = verified(window, volunteer, officer, **person)
    assert record.session_id == opened.id
    _uploaded(qtbot, window, server, record.id)
    figures = _home_status(qtbot, window).figures
    assert figures is not None and vars(figures) == {
        "served": 1, "verified": 1, "uploaded": 1, "held": 0,
    }  # fmt: skip

    stick = tmp_path / "USB"
    stick.mkdir()
    result = _close_through_home(qtbot, window, stick)
    assert result is not None and (result.asked, result.missing) == (1, 0)
    screen = window.session_screen
    summary = screen._summary
    assert summary is not None
    assert (summary.figures.served, summary.figures.uploaded, summary.households) == (1, 1, 1)
    assert [o.name for o in summary.operators] == sorted([OFFICER[0], volunteer.name])
    assert _session(window, opened.id).state == "reconciled"
    qtbot.waitUntil(lambda: len(screen.stick_buttons) == 1, timeout=WAIT_MS)
    assert _at_every_size(qtbot, window, "session/closed") == []
    with qtbot.waitSignal(screen.exported, timeout=WAIT_MS) as exported:
        tap(qtbot, screen.stick_buttons[0])
    (written,) = stick.glob("kiosk-*.queue")
    assert exported.args[0].path == written and written.stat().st_size > 0
    tap(qtbot, screen.done_button)
    assert window.navigator.current() == "home"
    assert _home_session(qtbot, window) is None
    assert window.home_screen.session_card.open_button.isVisible()


def test_the_close_sends_again_an_id_the_server_lost(
    qtbot: QtBot, window: MainWindow, server: Server
) -> None:
    officer, volunteer = _enrolled(qtbot, window, server)
    opened = _open_through_home(qtbot, window, [])
    record = verified(window, volunteer, officer)
    _uploaded(qtbot, window, server, record.id)
    with server.engine.begin() as conn:  # the ward's server restored an older backup
        conn.execute(delete(ServerSubmission).where(ServerSubmission.id == record.id))
    assert record.id not in server_ids(server)

    result = _close_through_home(qtbot, window)
    assert result is not None
    assert (result.asked, result.missing, result.resent, result.unrecoverable) == (1, 1, 1, 0)
    assert server_ids(server).count(record.id) == 1
    assert _session(window, opened.id).state == "reconciled"
    with server.engine.connect() as conn:
        closed = conn.execute(select(SessionClose.session_id, SessionClose.ids)).one()
    assert tuple(closed) == (opened.id, 1)


def test_a_session_closed_while_the_server_is_down_is_finished_by_the_sync_thread(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    with fresh_database("sqlite", tmp_path) as url, RestartableServer(url) as restartable:
        running = restartable.server
        assert running is not None
        officer, volunteer = _enrolled(qtbot, window, running)
        opened = _open_through_home(qtbot, window, [])
        record = verified(window, volunteer, officer)
        _uploaded(qtbot, window, running, record.id)
        restartable.stop()

        assert _close_through_home(qtbot, window) is None  # no answer: closed, not reconciled
        assert _session(window, opened.id).state == "closed"
        tap(qtbot, window.session_screen.done_button)
        assert _home_status(qtbot, window).waiting == 1  # Home says it waits for the server

        restartable.start()
        window.sync_now()
        qtbot.waitUntil(
            lambda: _session(window, opened.id).state == "reconciled", timeout=SYNC_WAIT_MS
        )
        with restartable.engine.connect() as conn:
            closed = conn.execute(select(SessionClose.session_id, SessionClose.ids)).one()
        assert tuple(closed) == (opened.id, 1)
        assert _home_status(qtbot, window).waiting == 0


def test_the_first_capture_of_the_day_opens_the_session(qtbot: QtBot, window: MainWindow) -> None:
    _volunteer_kiosk(qtbot, window, None)
    assert _home_session(qtbot, window) is None
    captured = _volunteer_serves(qtbot, window, Walk(qtbot, window))
    assert captured.session_id is not None
    session = _session(window, captured.session_id)
    assert window.actor is not None
    assert (session.automatic, session.opened_by) == (True, window.actor.operator_id)
    assert captured.payload is not None and captured.payload["session_id"] == session.id
    tap(qtbot, window.receipt_screen.next_button)
    shown = _home_session(qtbot, window)
    assert shown is not None and shown.id == session.id
    assert not window.home_screen.session_card.close_button.isVisible()  # a volunteer's Home


def test_an_officer_signing_in_after_midnight_is_asked_to_close_the_session(
    qtbot: QtBot, window: MainWindow
) -> None:
    complete_setup(qtbot, window, *OFFICER)
    backend = window.backend_or_fail()
    officer = window.actor
    assert officer is not None
    yesterday = datetime.now().astimezone() - timedelta(days=1)
    with backend.store.transaction() as conn:
        left = store_sessions.open_session(
            conn, at=yesterday, actor=officer.operator_id, groups=[], on_duty=[]
        )
    go_to_sign_in(qtbot, window)
    sign_in_and_wait(qtbot, window, *OFFICER)
    qtbot.waitUntil(lambda: window.close_question is not None, timeout=WAIT_MS)
    question = window.close_question
    assert question is not None
    question.resize(question.sizeHint())  # offscreen's own screen (800×600) would clamp it
    assert layout_problems(question) == []
    tap(qtbot, question.answer_buttons[0])  # "Close it now"
    screen = window.session_screen
    assert window.navigator.current() == "session" and screen.page() == "summary"
    qtbot.waitUntil(lambda: screen.close_button.isEnabled(), timeout=WAIT_MS)
    with qtbot.waitSignal(screen.reconciled, timeout=WAIT_MS) as reconciled:
        tap(qtbot, screen.close_button)
    assert reconciled.args == [None]  # a demo station: no server to reconcile with
    closed = _session(window, left.id)
    assert (closed.state, closed.closed_by) == ("closed", officer.operator_id)
    go_to_sign_in(qtbot, window)
    sign_in_and_wait(qtbot, window, *OFFICER)  # nothing left open: no question
    qtbot.waitUntil(lambda: window.runner.pending() == 0, timeout=WAIT_MS)
    assert window.close_question is None
