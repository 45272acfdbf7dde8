"""The shell end to end on a real temporary database: setup, sign-in, lockout, idle lock, roles."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.services.base import PermissionDenied, system_clock
from kiosk.services.capture import CaptureService
from kiosk.ui.main_window import MainWindow
from kiosk.ui.widgets.keypad import Keypad
from tests.strategies.payloads import make_payload
from tests.ui.conftest import OFFICER, VOLUNTEER, shown_text
from tests.ui.flows import (
    WAIT_MS,
    complete_setup,
    go_to_sign_in,
    sign_in,
    sign_in_and_wait,
    tap,
    type_on,
    type_text,
)


def test_first_start_setup_leads_to_home(qtbot: QtBot, window: MainWindow) -> None:
    complete_setup(qtbot, window, *OFFICER)
    assert window.actor is not None
    assert window.actor.name == OFFICER[0]
    assert window.actor.role == "officer"
    assert not window.banner.isVisible()
    with qtbot.waitSignal(window.home_screen.counts_shown, timeout=WAIT_MS):
        window.home_screen.refresh()
    assert window.home_screen.figure_texts() == ("0", "0", "0")
    assert window.home_screen.operators_button.isVisible()
    assert "Ngoại tuyến" in window.status_area.link_text()


def _setup_then_lock(qtbot: QtBot, window: MainWindow, *, training: bool = False) -> None:
    complete_setup(qtbot, window, *OFFICER, training=training)
    go_to_sign_in(qtbot, window)


def test_sign_in_with_the_right_pin(qtbot: QtBot, window: MainWindow) -> None:
    _setup_then_lock(qtbot, window)
    assert window.actor is None
    assert not window.status_area.lock_button.isVisible()
    sign_in_and_wait(qtbot, window, *OFFICER)
    assert window.actor is not None
    assert window.status_area._operator_label.text() == f"Cán bộ: {OFFICER[0]}"


def test_wrong_pins_count_down_to_a_lockout_that_says_how_long(
    qtbot: QtBot, window: MainWindow
) -> None:
    _setup_then_lock(qtbot, window)
    screen = window.sign_in_screen
    for left in (4, 3, 2, 1):
        with qtbot.waitSignal(window.sign_in_screen.answered, timeout=WAIT_MS):
            sign_in(qtbot, window, OFFICER[0], "999990")
        assert f"sai thêm {left} lần" in shown_text(screen, screen._message)
        assert screen.keypad.isEnabled()
    with qtbot.waitSignal(window.sign_in_screen.answered, timeout=WAIT_MS):
        sign_in(qtbot, window, OFFICER[0], "999990")
    assert "Vui lòng chờ 30 giây" in shown_text(screen, screen._message)
    assert not screen.keypad.isEnabled()
    assert window.actor is None
    assert window.navigator.current() == "sign_in"


def test_idle_lock_signs_out_and_clears_what_was_shown(qtbot: QtBot, window: MainWindow) -> None:
    complete_setup(qtbot, window, *OFFICER)
    assert window.navigator.go("operators")
    operators = window.operators_screen
    tap(qtbot, operators.add_button)
    type_text(operators.name_field, VOLUNTEER[0])
    tap(qtbot, operators._name_next)
    operators.pin_pad.press("7")
    window.idle.set_timeout_ms(50)
    with qtbot.waitSignal(window.locked, timeout=WAIT_MS):
        pass
    assert window.actor is None
    assert window.navigator.current() == "sign_in"
    assert "tự khoá" in window.sign_in_screen._notice.text()
    assert operators.name_field.text() == ""
    assert operators.pin_pad.value() == ""
    assert all(field.text() == "" for field in window.findChildren(QLineEdit))
    assert all(pad.value() == "" for pad in window.findChildren(Keypad))
    assert not window.idle.is_armed()
    assert not window.navigator.go("operators")  # still locked: no way back without a PIN


def test_an_officer_adds_a_volunteer_who_then_signs_in(qtbot: QtBot, window: MainWindow) -> None:
    complete_setup(qtbot, window, *OFFICER)
    tap(qtbot, window.home_screen.operators_button)
    assert window.navigator.current() == "operators"
    operators = window.operators_screen
    tap(qtbot, operators.add_button)
    type_text(operators.name_field, VOLUNTEER[0])
    tap(qtbot, operators._name_next)
    type_on(qtbot, operators.pin_pad, "250913")
    with qtbot.waitSignal(operators.changed, timeout=WAIT_MS):
        type_on(qtbot, operators.confirm_pad, "250913")
    assert "Đã thêm" in operators._message.text()

    go_to_sign_in(qtbot, window)
    screen = window.sign_in_screen
    with qtbot.waitSignal(window.sign_in_screen.answered, timeout=WAIT_MS):
        sign_in(qtbot, window, VOLUNTEER[0], "250913")
    assert "chọn mã PIN riêng" in screen._message.text()  # a first PIN is changed at once
    type_on(qtbot, screen.keypad, VOLUNTEER[1])
    with qtbot.waitSignal(window.navigator.current_changed, timeout=WAIT_MS):
        type_on(qtbot, screen.keypad, VOLUNTEER[1])
    assert window.actor is not None
    assert (window.actor.name, window.actor.role) == (VOLUNTEER[0], "volunteer")

    go_to_sign_in(qtbot, window)  # and the new PIN is the one that works from now on
    sign_in_and_wait(qtbot, window, *VOLUNTEER)


def test_a_volunteer_never_reaches_officer_screens(qtbot: QtBot, window: MainWindow) -> None:
    complete_setup(qtbot, window, *OFFICER)
    backend = window.backend_or_fail()
    officer = window.actor
    assert officer is not None
    backend.auth.create_operator(officer, VOLUNTEER[0], "volunteer", "250913")
    go_to_sign_in(qtbot, window)
    screen = window.sign_in_screen
    with qtbot.waitSignal(window.sign_in_screen.answered, timeout=WAIT_MS):
        sign_in(qtbot, window, VOLUNTEER[0], "250913")
    type_on(qtbot, screen.keypad, VOLUNTEER[1])
    with qtbot.waitSignal(window.navigator.current_changed, timeout=WAIT_MS):
        type_on(qtbot, screen.keypad, VOLUNTEER[1])
    volunteer = window.actor
    assert volunteer is not None and volunteer.role == "volunteer"

    assert not window.home_screen.operators_button.isVisible()
    assert not window.home_screen.settings_button.isVisible()
    assert not window.home_screen.sync_now_button.isVisible()
    for name in ("operators", "settings", "setup", "session"):
        with qtbot.waitSignal(window.navigator.refused, timeout=WAIT_MS):
            assert not window.navigator.go(name)
        assert window.navigator.current() == "home"
    assert "Chỉ cán bộ" in window.home_screen._notice.text()
    # and the services refuse on their own, whatever the UI does
    with pytest.raises(PermissionDenied):
        backend.station.set_training(volunteer, True)
    with pytest.raises(PermissionDenied):
        backend.auth.create_operator(volunteer, "Lê Văn Tư", "volunteer", "250913")
    with pytest.raises(PermissionDenied):
        backend.record_preferences(volunteer, {"language": "en"})
    with pytest.raises(PermissionDenied):
        backend.sessions.open(volunteer, [], [])


def test_training_mode_shows_a_banner_on_every_screen(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.runner.finished, timeout=WAIT_MS):
        complete_setup(qtbot, window, *OFFICER, training=True)
    qtbot.waitUntil(window.banner.isVisible, timeout=WAIT_MS)
    assert "TẬP HUẤN" in window.banner.text()
    for name in ("operators", "settings", "home"):
        assert window.navigator.go(name)
        assert window.banner.isVisible()
    go_to_sign_in(qtbot, window)
    assert window.banner.isVisible()
    sign_in_and_wait(qtbot, window, *OFFICER)
    assert window.navigator.go("settings")
    settings = window.settings_screen
    with qtbot.waitSignal(settings.training_changed, timeout=WAIT_MS) as changed:
        tap(qtbot, settings.training_choice.button_for(False))
    assert changed.args == [False]
    assert not window.banner.isVisible()
    assert not window.backend_or_fail().training()


def test_switching_the_language_changes_the_visible_text_at_once(
    qtbot: QtBot, window: MainWindow
) -> None:
    complete_setup(qtbot, window, *OFFICER)
    assert window.status_area.home_button.text() == "Trang chính"
    assert window.navigator.go("settings")
    settings = window.settings_screen
    assert settings._title.text() == "Cài đặt"
    tap(qtbot, settings.language_choice.button_for("en"))
    assert window.status_area.home_button.text() == "Home"
    assert settings._title.text() == "Settings"
    assert window.home_screen._title.text() == "Today at this community house"
    assert window.sign_in_screen._title.text() == "Sign in"
    assert window.translations.language() == "en"
    tap(qtbot, settings.language_choice.button_for("vi"))
    assert settings._title.text() == "Cài đặt"
    assert window.status_area.lock_button.text() == "Khoá"


def test_home_counts_follow_the_database(qtbot: QtBot, window: MainWindow) -> None:
    complete_setup(qtbot, window, *OFFICER)
    backend = window.backend_or_fail()
    officer = window.actor
    assert officer is not None
    capture = CaptureService(backend.store, system_clock)
    for index in range(3):
        payload = make_payload()
        payload["resident"] = {**payload["resident"], "id_number": f"00109001234{index}"}
        draft = capture.new_draft(officer)
        capture.capture(officer, draft.id, payload)
    home = window.home_screen
    with qtbot.waitSignal(
        home.counts_shown, timeout=WAIT_MS, check_params_cb=lambda counts: counts.today == 3
    ):
        home.refresh()
    assert home.figure_texts() == ("3", "3", "0")
