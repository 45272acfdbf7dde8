"""A kiosk killed in the middle of a visit (issue 17): at the next start nothing is lost or doubled.

The visit runs in a child process (``tests/ui/visit_child.py``, the real window on the real store)
that is killed with SIGKILL; the test then starts the kiosk again on the same dirs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.app import Wiring, create_window, shut_down
from kiosk.config import Config
from kiosk.store.models import Submission
from kiosk.store.submissions import create_draft
from kiosk.ui.main_window import MainWindow
from kiosk.ui.screens.sign_in import SignInScreen
from tests.store.fixtures import START
from tests.support.killable import Killable
from tests.ui.conftest import FAST_PINS, OFFICER, _allow_close, make_window
from tests.ui.flows import WAIT_MS, complete_setup, sign_in_and_wait, tap
from tests.ui.scans import RESIDENT, SPOUSE, seed
from tests.ui.visit_child import BUYER

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and pipes: POSIX only")


@pytest.fixture
def prepared(qtbot: QtBot, qapp: QApplication, config: Config, qm_dir: Path) -> Config:
    """A set-up kiosk with the resident in its cache, closed again: the child opens it."""
    window = make_window(qtbot, qapp, config, qm_dir)
    complete_setup(qtbot, window, *OFFICER)
    seed(window.backend_or_fail().store)
    _close(window)
    return config


def _child(config: Config, *, save: bool) -> Killable:
    env = {
        **os.environ,
        "KIOSK_CONFIG_DIR": str(config.config_dir),
        "KIOSK_DATA_DIR": str(config.data_dir),
        "KIOSK_KEY_STORE": "file",
        "QT_QPA_PLATFORM": "offscreen",
        "VISIT_CHILD_SAVE": "1" if save else "0",
    }
    return Killable("tests.ui.visit_child", env)


def _restart(qtbot: QtBot, qapp: QApplication, config: Config, qm_dir: Path) -> MainWindow:
    """The kiosk started again on ``config``, the officer signed in.

    After a clean close its first frame is the sign-in screen already (nothing to wait for); after
    a kill it is the start screen, then sign-in.
    """
    window = create_window(qapp, config, wiring=Wiring(pin_params=FAST_PINS, translations=qm_dir))
    qtbot.addWidget(window, before_close_func=_allow_close)
    window.resize(1366, 768)
    window.show()
    screen = window.sign_in_screen
    qtbot.waitUntil(lambda: window.backend is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _has_tile(screen, OFFICER[0]), timeout=WAIT_MS)
    sign_in_and_wait(qtbot, window, *OFFICER)
    return window


def _has_tile(screen: SignInScreen, name: str) -> bool:
    try:
        screen.tile_for(name)
    except LookupError:
        return False
    return True


def _close(window: MainWindow) -> None:
    window._exit_allowed = True
    window.close()
    shut_down(window)


def test_killed_mid_visit_its_draft_is_offered(
    qtbot: QtBot, qapp: QApplication, prepared: Config, qm_dir: Path
) -> None:
    child = _child(prepared, save=False)
    try:
        child.wait_for(b"ANSWERED")
    finally:
        child.kill()
        child.close()
    again = _restart(qtbot, qapp, prepared, qm_dir)
    home = again.home_screen
    qtbot.waitUntil(lambda: len(home.draft_buttons) == 1, timeout=WAIT_MS)
    assert RESIDENT["full_name"] in home.draft_buttons[0].text()
    tap(qtbot, home.draft_buttons[0])
    screen = again.resident_screen
    qtbot.waitUntil(lambda: len(screen.cards()) == 2, timeout=WAIT_MS)
    vehicle, licence = screen.cards()
    assert vehicle.answer.answer == "sold"
    assert vehicle.answer.counterparty == {
        "full_name": BUYER, "id_number": SPOUSE["id_number"], "phone": None,
    }  # fmt: skip
    assert licence.answer.answer == "lost"
    assert vehicle.reasons is not None and vehicle.reasons.value() == "sold"
    name = vehicle.field_widget("counterparty/full_name")
    assert name is not None and name.text() == BUYER  # type: ignore[attr-defined]
    _close(again)


def test_killed_between_save_and_receipt_the_capture_is_there_once(
    qtbot: QtBot, qapp: QApplication, prepared: Config, qm_dir: Path
) -> None:
    child = _child(prepared, save=True)
    try:
        child.wait_for(b"DURABLE")
    finally:
        child.kill()
        child.close()
    again = _restart(qtbot, qapp, prepared, qm_dir)
    with again.backend_or_fail().store.read() as session:
        rows = list(session.scalars(select(Submission)))
    assert [row.status for row in rows] == ["captured"]
    assert rows[0].payload is not None
    assert rows[0].payload["vehicles"][0]["answer"] == "sold"
    home = again.home_screen
    qtbot.waitSignal(home.drafts_shown, timeout=WAIT_MS)
    assert home.draft_buttons == []
    _close(again)


def test_a_draft_untouched_for_the_retention_period_goes_at_start(
    qtbot: QtBot, qapp: QApplication, prepared: Config, qm_dir: Path
) -> None:
    window = _restart(qtbot, qapp, prepared, qm_dir)
    backend = window.backend_or_fail()
    actor = window.actor
    assert actor is not None
    with backend.store.write() as session:
        resident = {"id_number": RESIDENT["id_number"], "full_name": RESIDENT["full_name"]}
        old = create_draft(
            session, at=START, actor=actor.operator_id, payload={"resident": resident}
        )
    fresh = backend.capture.new_draft(actor, payload={"resident": {"full_name": "Lê Văn Toàn"}})
    _close(window)
    again = _restart(qtbot, qapp, prepared, qm_dir)
    store = again.backend_or_fail().store

    def statuses() -> dict[str, str]:
        with store.read() as session:
            return {row.id: row.status for row in session.scalars(select(Submission))}

    qtbot.waitUntil(lambda: statuses() == {old.id: "discarded", fresh.id: "draft"}, timeout=WAIT_MS)
    with store.read() as session:
        gone = session.get(Submission, old.id)
        assert gone is not None
        assert (gone.discard_reason, gone.payload, gone.resident_id_number) == (
            "expired",
            None,
            None,
        )
    _close(again)
