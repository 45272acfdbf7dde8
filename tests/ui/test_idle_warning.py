"""The notice before the idle lock: it shows 20 s before, and one tap keeps everything on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.ui import idle
from kiosk.ui.main_window import MainWindow
from kiosk.ui.widgets.idle_warning import IdleWarning
from tests.ui.conftest import OFFICER, VOLUNTEER
from tests.ui.flows import WAIT_MS, complete_setup, tap, type_text


def _typing_a_name(qtbot: QtBot, window: MainWindow) -> None:
    complete_setup(qtbot, window, *OFFICER)
    assert window.navigator.go("operators")
    tap(qtbot, window.operators_screen.add_button)
    type_text(window.operators_screen.name_field, VOLUNTEER[0])


def _notice(window: MainWindow) -> IdleWarning:
    (notice,) = window.findChildren(IdleWarning)
    return notice


def test_it_shows_20_seconds_before_and_a_tap_keeps_the_screen(
    qtbot: QtBot, window: MainWindow
) -> None:
    _typing_a_name(qtbot, window)
    assert idle.WARNING_MS == 20_000
    window.idle.set_timeout_ms(idle.WARNING_MS + 300)
    with qtbot.waitSignal(window.idle.warning, timeout=WAIT_MS):
        pass
    notice = _notice(window)
    assert notice.isVisible()
    assert notice.geometry() == window.rect()  # over everything: the tap presses nothing else
    assert "20 giây" in notice._text.text()  # as it opened; it counts down each second
    assert notice.stay_button.height() >= 64
    with qtbot.waitSignal(window.idle.resumed, timeout=WAIT_MS):
        tap(qtbot, notice.stay_button)
    assert not notice.isVisible()
    assert window.actor is not None
    assert window.navigator.current() == "operators"
    assert window.operators_screen.name_field.text() == VOLUNTEER[0]
    assert window.idle.remaining_ms() > idle.WARNING_MS


def test_a_tap_anywhere_on_the_notice_or_a_key_keeps_the_screen(
    qtbot: QtBot, window: MainWindow
) -> None:
    _typing_a_name(qtbot, window)
    window.idle.set_timeout_ms(idle.WARNING_MS + 1000)
    with qtbot.waitSignal(window.idle.warning, timeout=WAIT_MS):
        pass
    with qtbot.waitSignal(window.idle.resumed, timeout=WAIT_MS):
        qtbot.mouseClick(_notice(window), Qt.MouseButton.LeftButton)
    assert not _notice(window).isVisible()
    with qtbot.waitSignal(window.idle.warning, timeout=WAIT_MS):
        pass
    with qtbot.waitSignal(window.idle.resumed, timeout=WAIT_MS):
        qtbot.keyClick(window.operators_screen.name_field, Qt.Key.Key_Shift)
    assert not _notice(window).isVisible()
    assert window.operators_screen.name_field.text() == VOLUNTEER[0]


def test_without_a_tap_the_lock_comes_and_the_notice_goes(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    _typing_a_name(qtbot, window)
    monkeypatch.setattr(idle, "WARNING_MS", 150)
    window.idle.set_timeout_ms(300)
    with qtbot.waitSignals([window.idle.warning, window.locked], timeout=WAIT_MS, order="strict"):
        pass
    assert not _notice(window).isVisible()
    assert window.actor is None
    assert window.operators_screen.name_field.text() == ""
