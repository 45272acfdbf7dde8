"""The on-screen keyboard in the real window: typing Vietnamese by Telex, VNI and long-press, where
it opens, when it shows, and what it costs in taps."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from kiosk.app import shut_down
from kiosk.config import Config
from kiosk.ui.main_window import MainWindow
from kiosk.ui.widgets.osk import (
    KeyboardHost,
    OnScreenKeyboard,
    long_press_choices,
    place_beside,
)
from tests.ui.conftest import OFFICER, make_window
from tests.ui.flows import HOUSE, WAIT_MS, complete_setup, tap
from tests.ui.layout import layout_problems

NAME = "Nguyễn Thị Hường"
TELEX_SPELLING = "Nguyeenx Thij Huwowngf"
"""How the name is spelt in Telex, the count the taps are held to (+3 at most)."""


@pytest.fixture
def kiosk(qtbot: QtBot, qapp: QApplication, config: Config, qm_dir: Path) -> Iterator[MainWindow]:
    """The kiosk in kiosk mode (the on-screen keyboard is on by default there), first start."""
    window = make_window(qtbot, qapp, config, qm_dir, kiosk_mode=True)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.keyboard is not None, timeout=WAIT_MS)
    yield window
    window._exit_allowed = True
    window.close()
    shut_down(window)


def host(window: MainWindow) -> KeyboardHost:
    assert window.keyboard is not None
    return window.keyboard


def to_name_step(qtbot: QtBot, window: MainWindow) -> QLineEdit:
    """First start up to the officer's name, a field of kind "name"; the keyboard is up."""
    setup = window.setup_screen
    tap(qtbot, setup.language_choice.button_for("vi"))
    tap(qtbot, setup.station_choice.button_for("demo"))
    tap(qtbot, setup.training_choice.button_for(False))
    tap(qtbot, setup._station_next)
    setup.house_field.setText(HOUSE)
    tap(qtbot, setup._house_next)
    assert setup.step() == "name"
    qtbot.mouseClick(setup.name_field, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(host(window).is_shown, timeout=WAIT_MS)
    return setup.name_field


def type_keys(qtbot: QtBot, keyboard: OnScreenKeyboard, keys: str) -> None:
    """Tap the keyboard's own keys, one by one (a space is the space bar)."""
    for key in keys:
        button = keyboard.space_key if key == " " else keyboard.keys[key]
        tap(qtbot, button)


def test_typing_a_name_in_telex(qtbot: QtBot, kiosk: MainWindow) -> None:
    field = to_name_step(qtbot, kiosk)
    keyboard = host(kiosk).keyboard()
    assert keyboard.method == "telex"
    before = keyboard.taps
    type_keys(qtbot, keyboard, "nguyeenx thij huwowngf")  # a name field capitalises each word
    taps = keyboard.taps - before
    print(f"typing {NAME!r}: {taps} taps; its Telex spelling has {len(TELEX_SPELLING)} keys")
    assert field.text() == NAME
    assert unicodedata.is_normalized("NFC", field.text())
    assert taps <= len(TELEX_SPELLING) + 3
    assert keyboard.long_presses == 0
    assert field.hasFocus()


@pytest.mark.parametrize("text_size", ["normal", "large", "largest"])
def test_the_keyboard_opens_beside_the_field_never_over_it(
    qtbot: QtBot, kiosk: MainWindow, text_size: str
) -> None:
    kiosk.change_preferences(kiosk.preferences.with_changes(text_size=text_size))
    field = to_name_step(qtbot, kiosk)
    keyboard = host(kiosk).keyboard()
    field_rect = QRect(field.mapTo(kiosk, QPoint(0, 0)), field.size())
    assert not keyboard.geometry().intersects(field_rect)
    assert kiosk.rect().contains(keyboard.geometry())
    assert layout_problems(keyboard) == []  # every key 64 px or more, no label cut


@pytest.mark.parametrize("height", [286, 340])
def test_at_768_pixels_one_side_of_any_field_has_room(height: int) -> None:
    window = QRect(0, 0, 1366, 768)
    for top in range(0, 768 - 72, 8):
        field = QRect(300, top, 600, 72)
        placed = place_beside(field, height, window)
        assert window.contains(placed), top
        assert not placed.intersects(field), top


def test_vni_and_long_press(qtbot: QtBot, kiosk: MainWindow) -> None:
    field = to_name_step(qtbot, kiosk)
    keyboard = host(kiosk).keyboard()
    kiosk.change_preferences(kiosk.preferences.with_changes(input_method="vni"))
    assert keyboard.keys["1"].isVisible()
    type_keys(qtbot, keyboard, "huo7ng2")
    assert field.text() == "Hường"
    field.clear()
    kiosk.change_preferences(kiosk.preferences.with_changes(input_method="long_press"))
    assert not keyboard.keys["1"].isVisible()
    held = keyboard.keys["u"]
    qtbot.mousePress(held, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: keyboard.long_presses == 1, timeout=WAIT_MS)
    qtbot.mouseRelease(held, Qt.MouseButton.LeftButton)
    choice = next(k for k in keyboard.findChildren(type(held)) if k.text() == "Ư" and k.isVisible())
    tap(qtbot, choice)
    assert field.text() == "Ư"
    assert keyboard.keys["a"].isVisible()  # back to the letters


def test_long_press_offers_every_form_of_a_letter() -> None:
    assert len(long_press_choices("a")) == 18
    assert long_press_choices("d") == ["d", "đ"]
    assert "Ỗ" in long_press_choices("O")
    assert all(unicodedata.is_normalized("NFC", c) for c in long_press_choices("e"))
    assert long_press_choices("b") == []


def test_an_address_field_takes_keys_as_they_are(qtbot: QtBot, kiosk: MainWindow) -> None:
    """A server address is latin: no Telex marks, and the symbols page has what URLs need."""
    setup = kiosk.setup_screen
    tap(qtbot, setup.language_choice.button_for("vi"))
    tap(qtbot, setup.station_choice.button_for("server"))
    field = setup.enrol_form.server_field
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(host(kiosk).is_shown, timeout=WAIT_MS)
    keyboard = host(kiosk).keyboard()
    type_keys(qtbot, keyboard, "https")
    tap(qtbot, keyboard.layer_key)
    for symbol in "://":
        tap(qtbot, keyboard.keys[f"sym:{symbol}"])
    tap(qtbot, keyboard.layer_key)
    type_keys(qtbot, keyboard, "hoaf")
    tap(qtbot, keyboard.backspace_key)
    assert field.text() == "https://hoa"


def test_off_by_default_in_a_window(qtbot: QtBot, window: MainWindow) -> None:
    """A window on a developer's desk, with a keyboard: no on-screen keyboard unless asked."""
    qtbot.waitUntil(lambda: window.keyboard is not None, timeout=WAIT_MS)
    window.activateWindow()
    setup = window.setup_screen
    tap(qtbot, setup.language_choice.button_for("vi"))
    tap(qtbot, setup.station_choice.button_for("demo"))
    tap(qtbot, setup._station_next)
    setup.house_field.setText(HOUSE)
    tap(qtbot, setup._house_next)
    qtbot.mouseClick(setup.name_field, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(setup.name_field.hasFocus, timeout=WAIT_MS)
    assert not host(window).is_shown()
    window.change_preferences(window.preferences.with_changes(keyboard="on"))
    assert host(window).is_shown()  # for the field that has the focus, at once


def test_on_by_default_in_kiosk_mode_and_switched_in_settings(
    qtbot: QtBot, kiosk: MainWindow, config: Config
) -> None:
    complete_setup(qtbot, kiosk, *OFFICER)
    assert kiosk.navigator.go("settings")
    settings = kiosk.settings_screen
    assert settings.keyboard_choice.value() == "on"
    tap(qtbot, settings.keyboard_choice.button_for("off"))
    assert kiosk.navigator.go("operators")
    tap(qtbot, kiosk.operators_screen.add_button)
    qtbot.mouseClick(kiosk.operators_screen.name_field, Qt.MouseButton.LeftButton)
    assert kiosk.operators_screen.name_field.hasFocus()
    assert not host(kiosk).is_shown()
    saved = config.config_dir / "ui.toml"
    qtbot.waitUntil(
        lambda: saved.is_file() and 'keyboard = "off"' in saved.read_text("utf-8"),
        timeout=WAIT_MS,
    )
