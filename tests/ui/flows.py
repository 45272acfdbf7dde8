"""Steps a person takes at the kiosk, driven through the real widgets (shared by the UI tests)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.ui.main_window import MainWindow
from kiosk.ui.widgets.keypad import Keypad

WAIT_MS = 10_000
HOUSE = "Nhà văn hoá Tổ dân phố 5"
"""The community house a demo station's setup names (an enrolled one's is prefilled)."""


def tap(qtbot: QtBot, target: QAbstractButton) -> None:
    """A finger on a button: it must be visible and enabled, as for a person."""
    assert target.isVisible(), f"{target.text()!r} is not visible"
    assert target.isEnabled(), f"{target.text()!r} is disabled"
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)


def type_text(field: QLineEdit, text: str) -> None:
    """Text as a Vietnamese input method or the virtual keyboard delivers it: a commit string."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(field, event)


def type_on(qtbot: QtBot, keypad: Keypad, digits: str) -> None:
    """Type on the keypad's own keys, then OK."""
    keys = {b.text(): b for b in keypad.findChildren(QAbstractButton) if b.text().isdigit()}
    for digit in digits:
        tap(qtbot, keys[digit])
    keypad.submit()


def complete_setup(
    qtbot: QtBot,
    window: MainWindow,
    name: str,
    pin: str,
    *,
    language: str = "vi",
    training: bool = False,
    server: tuple[str, str] | None = None,
    house: str | None = None,
) -> None:
    """The first-start setup, step by step, until Home shows.

    ``server`` is (address, enrolment code) to enrol with; None makes an offline demo station.
    ``house`` is typed as the community house's name instead of the prefilled one (a demo
    station's field starts empty: :data:`HOUSE` then).
    """
    setup = window.setup_screen
    assert window.navigator.current() == "setup"
    tap(qtbot, setup.language_choice.button_for(language))
    assert setup.step() == "station"
    tap(qtbot, setup.station_choice.button_for("demo" if server is None else "server"))
    tap(qtbot, setup.training_choice.button_for(training))
    if server is None:
        tap(qtbot, setup._station_next)
    else:
        type_text(setup.enrol_form.server_field, server[0])
        type_text(setup.enrol_form.code_field, server[1])
        with qtbot.waitSignal(setup.station_enrolled, timeout=WAIT_MS):
            tap(qtbot, setup._station_next)
    assert setup.step() == "house"
    if house is not None or not setup.house_field.text():
        setup.house_field.clear()
        type_text(setup.house_field, house or HOUSE)
    tap(qtbot, setup._house_next)
    assert setup.step() == "name"
    type_text(setup.name_field, name)
    tap(qtbot, setup._name_next)
    assert setup.step() == "pin"
    type_on(qtbot, setup.pin_pad, pin)
    assert setup.step() == "confirm"
    with qtbot.waitSignal(window.navigator.current_changed, timeout=WAIT_MS) as changed:
        type_on(qtbot, setup.confirm_pad, pin)
    assert changed.args == ["home"]


def sign_in(qtbot: QtBot, window: MainWindow, name: str, pin: str) -> None:
    """Tap one's name on the sign-in screen and type the PIN (tiles must be loaded)."""
    screen = window.sign_in_screen
    tap(qtbot, screen.tile_for(name))
    type_on(qtbot, screen.keypad, pin)


def sign_in_and_wait(qtbot: QtBot, window: MainWindow, name: str, pin: str) -> None:
    """Sign in and wait until Home shows."""
    with qtbot.waitSignal(window.navigator.current_changed, timeout=WAIT_MS) as changed:
        sign_in(qtbot, window, name, pin)
    assert changed.args == ["home"]


def go_to_sign_in(qtbot: QtBot, window: MainWindow) -> None:
    """Lock (sign out) and wait for the operator tiles to load."""
    with qtbot.waitSignal(window.sign_in_screen.operators_loaded, timeout=WAIT_MS):
        tap(qtbot, window.status_area.lock_button)
    assert window.navigator.current() == "sign_in"
