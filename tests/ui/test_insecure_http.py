"""Plain http:// in the shell (DESIGN.md §6): enrolment refuses another computer's http:// address
at once, in words; with ``allow_insecure_http`` on, officers see a red notice on Home."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import shut_down
from kiosk.config import Config, replace
from kiosk.ui.errors import insecure_address_text
from kiosk.ui.main_window import MainWindow
from tests.ui.conftest import OFFICER, VOLUNTEER, make_window, shown_text
from tests.ui.desk import person
from tests.ui.flows import WAIT_MS, complete_setup, tap, type_text

ELSEWHERE = "http://192.0.2.1:9"  # TEST-NET-1: a connect attempt would wait out its timeout


@pytest.fixture
def insecure(
    qtbot: QtBot, qapp: QApplication, config: Config, qm_dir: Path
) -> Iterator[MainWindow]:
    """A kiosk whose configuration says ``allow_insecure_http = true``."""
    window = make_window(qtbot, qapp, replace(config, allow_insecure_http=True), qm_dir)
    yield window
    window._exit_allowed = True
    window.close()
    shut_down(window)


def test_enrolment_refuses_plain_http_to_another_computer_at_once(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts: list[Any] = []
    real = socket.create_connection

    def watch(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        if address[0] == "192.0.2.1":
            attempts.append(address)
        return real(address, *args, **kwargs)

    monkeypatch.setattr("urllib3.util.connection.create_connection", watch)
    setup = window.setup_screen
    tap(qtbot, setup.language_choice.button_for("vi"))
    tap(qtbot, setup.station_choice.button_for("server"))
    type_text(setup.enrol_form.server_field, ELSEWHERE)
    type_text(setup.enrol_form.code_field, "K7QM-4M2X-AB12")
    started = time.monotonic()
    tap(qtbot, setup._station_next)
    qtbot.waitUntil(lambda: setup._error.text() == insecure_address_text(), timeout=WAIT_MS)
    assert time.monotonic() - started < 3.0  # no connect timeout (5 s) waited out
    assert attempts == []
    assert setup.step() == "station"
    assert "https://" in insecure_address_text()


def test_home_shows_no_plain_http_notice_by_default(qtbot: QtBot, window: MainWindow) -> None:
    complete_setup(qtbot, window, *OFFICER)
    assert window.navigator.current() == "home"
    assert shown_text(window.home_screen, window.home_screen._insecure_notice) == ""


def test_officers_see_a_red_notice_on_home_while_plain_http_is_allowed(
    qtbot: QtBot, insecure: MainWindow
) -> None:
    window = insecure
    complete_setup(qtbot, window, *OFFICER)
    home = window.home_screen
    notice = shown_text(home, home._insecure_notice)
    assert "http://" in notice and "không được mã hoá" in notice
    assert home._insecure_notice.property("role") == "error"
    volunteer = person(window, VOLUNTEER[0], "volunteer", "250913")
    with qtbot.waitSignal(home.returned_shown, timeout=WAIT_MS):
        window.accept_sign_in(volunteer)
    qtbot.waitUntil(lambda: window.runner.pending() == 0, timeout=WAIT_MS)
    assert window.navigator.current() == "home"
    assert shown_text(home, home._insecure_notice) == ""  # officers only
