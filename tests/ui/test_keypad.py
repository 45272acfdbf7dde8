"""The numeric keypad: touch keys, the physical keyboard, PIN masking."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.ui.widgets import keypad as keypad_module
from kiosk.ui.widgets.keypad import MASK_CHAR, Keypad


def _display(keypad: Keypad) -> str:
    return keypad.findChild(QLabel, "KeypadDisplay").text()


def _key(keypad: Keypad, text: str) -> QPushButton:
    return next(b for b in keypad.findChildren(QPushButton) if b.text() == text)


def test_touch_keys_build_the_value_and_ok_submits(qtbot: QtBot) -> None:
    keypad = Keypad(min_length=3)
    qtbot.addWidget(keypad)
    keypad.show()
    for digit in "1234":
        qtbot.mouseClick(_key(keypad, digit), Qt.MouseButton.LeftButton)
    assert keypad.value() == "1234"
    assert _display(keypad) == "1234"
    with qtbot.waitSignal(keypad.submitted, timeout=1000) as blocker:
        qtbot.mouseClick(_key(keypad, "OK"), Qt.MouseButton.LeftButton)
    assert blocker.args == ["1234"]


def test_pin_mode_shows_dots_and_forgets_the_pin_after_ok(qtbot: QtBot) -> None:
    keypad = Keypad(masked=True, min_length=6)
    qtbot.addWidget(keypad)
    keypad.show()
    for digit in "98765":
        keypad.press(digit)
    assert "9" not in _display(keypad)
    assert _display(keypad).count(MASK_CHAR) == 5
    assert not _key(keypad, "OK").isEnabled()  # too short to submit
    keypad.press("4")
    with qtbot.waitSignal(keypad.submitted, timeout=1000) as blocker:
        keypad.submit()
    assert blocker.args == ["987654"]
    assert keypad.value() == ""


def test_the_physical_keyboard_works_too(qtbot: QtBot) -> None:
    keypad = Keypad(max_length=4)
    qtbot.addWidget(keypad)
    keypad.show()
    qtbot.keyClicks(keypad, "12a345")  # letters ignored, the fifth digit is past max_length
    assert keypad.value() == "1234"
    qtbot.keyClick(keypad, Qt.Key.Key_Backspace)
    assert keypad.value() == "123"
    with qtbot.waitSignal(keypad.submitted, timeout=1000) as blocker:
        qtbot.keyClick(keypad, Qt.Key.Key_Return)
    assert blocker.args == ["123"]
    qtbot.keyClick(keypad, Qt.Key.Key_Escape)
    assert keypad.value() == ""


def test_keys_never_take_the_focus_from_the_keypad(qtbot: QtBot) -> None:
    keypad = Keypad()
    qtbot.addWidget(keypad)
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in keypad.findChildren(QPushButton))
    assert keypad.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_the_display_is_restyled_only_when_it_turns_empty_or_not(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    keypad = Keypad()
    qtbot.addWidget(keypad)
    keypad.show()
    display = keypad.findChild(QLabel, "KeypadDisplay")
    restyled: list[str] = []
    monkeypatch.setattr(keypad_module, "repolish", lambda w: restyled.append(w.property("empty")))
    assert display.property("empty") == "true"
    for digit in "123":
        keypad.press(digit)
    keypad.backspace()
    keypad.clear()
    assert restyled == ["false", "true"]
