"""The plate keypad: plates typed by taps and by the keyboard, every key checked against the rules."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.domain.plates import PLATE_LETTERS
from kiosk.ui.i18n import Translations
from kiosk.ui.theme import TEXT_SCALES
from kiosk.ui.widgets.plate_pad import PlateKeypad
from tests.ui.layout import themed, widget_problems

WAIT_MS = 1000
DIGITS = "0123456789"


@pytest.fixture
def pad(qtbot: QtBot) -> PlateKeypad:
    widget = PlateKeypad()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def tap(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def tap_keys(qtbot: QtBot, pad: PlateKeypad, keys: str) -> None:
    for key in keys:
        tap(qtbot, pad.keys[key])


def type_text(pad: PlateKeypad, text: str) -> None:
    """Keys from the physical keyboard, one event each (QTest cannot type Đ)."""
    for char in text:
        event = QKeyEvent(
            QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char
        )
        QApplication.sendEvent(pad, event)


def display(pad: PlateKeypad) -> str:
    return pad.findChild(QLabel, "KeypadDisplay").text()


def hint(pad: PlateKeypad) -> QLabel:
    return pad.findChild(QLabel, "PlateHint")


def enabled(pad: PlateKeypad, keys: str) -> set[str]:
    return {key for key in keys if pad.keys[key].isEnabled()}


# --- plates by taps --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "keys", "shown"),
    [
        (None, "30A12345", "30A-123.45"),
        ("car", "30E12345", "30E-123.45"),
        ("motorbike", "29B123456", "29-B1 234.56"),
        ("electric_motorbike", "29MĐ123456", "29-MĐ1 234.56"),
        ("motorbike", "29B12345", "29-B1 2345"),  # an old 4-digit motorbike plate
    ],
)
def test_a_plate_tapped_in_is_shown_as_written_and_ok_submits_it(
    qtbot: QtBot, pad: PlateKeypad, kind: str | None, keys: str, shown: str
) -> None:
    pad.set_kind(kind)
    tap_keys(qtbot, pad, keys)
    assert pad.value() == keys
    assert display(pad) == shown
    assert pad.ok_button.isEnabled()
    with qtbot.waitSignal(pad.submitted, timeout=WAIT_MS) as blocker:
        tap(qtbot, pad.ok_button)
    assert blocker.args == [shown]


def test_the_display_punctuates_the_plate_as_it_grows(qtbot: QtBot, pad: PlateKeypad) -> None:
    pad.set_kind("car")
    shown = []
    for key in "30A12345":
        tap(qtbot, pad.keys[key])
        shown.append(display(pad))
    # 30A-1234 is a whole old car plate: shown as such, until a fifth digit makes it a new one
    assert shown == ["3", "30", "30A", "30A-1", "30A-12", "30A-123", "30A-1234", "30A-123.45"]


def test_changed_carries_what_is_typed(qtbot: QtBot, pad: PlateKeypad) -> None:
    seen: list[str] = []
    pad.changed.connect(seen.append)
    tap_keys(qtbot, pad, "30A")
    tap(qtbot, pad.back_button)
    assert seen == ["3", "30", "30A", "30"]


def test_ok_stays_disabled_for_a_plate_not_finished(qtbot: QtBot, pad: PlateKeypad) -> None:
    assert not pad.ok_button.isEnabled()
    for key in "30A1234":  # seven characters: 30A-1234 is a whole (old) car plate, checked below
        tap(qtbot, pad.keys[key])
        if len(pad.value()) < 7:
            assert not pad.ok_button.isEnabled(), pad.value()
    with qtbot.assertNotEmitted(pad.submitted):
        pad.backspace()
        tap(qtbot, pad.ok_button)
        type_text(pad, "\r")
    assert pad.plate() is None


# --- what no plate allows is refused --------------------------------------------------------------


def test_a_letter_where_digits_go_is_refused(qtbot: QtBot, pad: PlateKeypad) -> None:
    pad.set_kind("car")
    tap_keys(qtbot, pad, "30A1")
    assert enabled(pad, "".join(PLATE_LETTERS)) == set()
    assert enabled(pad, DIGITS) == set(DIGITS)
    type_text(pad, "B")  # the physical keyboard: refused, and said so
    assert pad.value() == "30A1"
    assert "B" in hint(pad).text()
    assert hint(pad).isVisible() and hint(pad).property("role") == "error"
    tap(qtbot, pad.keys["2"])
    assert pad.value() == "30A12"
    assert hint(pad).property("role") == "hint"  # the reason goes with the next key taken


def test_a_sixth_digit_is_refused(qtbot: QtBot, pad: PlateKeypad) -> None:
    pad.set_kind("car")
    tap_keys(qtbot, pad, "30A12345")
    assert enabled(pad, DIGITS) == set()
    with qtbot.assertNotEmitted(pad.changed):
        tap(qtbot, pad.keys["6"])
        type_text(pad, "6")
    assert pad.value() == "30A12345"
    assert pad.reason() != ""
    assert pad.ok_button.isEnabled()


def test_a_motorbike_plate_takes_no_tenth_character(qtbot: QtBot, pad: PlateKeypad) -> None:
    pad.set_kind("motorbike")
    tap_keys(qtbot, pad, "29B123456")
    assert enabled(pad, DIGITS + "".join(PLATE_LETTERS)) == set()


@pytest.mark.parametrize("letter", ["O", "I", "W", "J"])
def test_letters_that_plates_never_use_are_refused(pad: PlateKeypad, letter: str) -> None:
    assert letter not in pad.keys  # no key for them at all
    pad.set_kind("motorbike")
    type_text(pad, "29")
    type_text(pad, letter)
    assert pad.value() == "29"
    assert letter in pad.reason()
    assert hint(pad).text() == pad.reason()


def test_an_obsolete_car_letter_goes_with_four_digits_only(pad: PlateKeypad) -> None:
    """Old 4-digit car plates had O, I, Q, W: the pad takes them, but never a fifth digit."""
    pad.set_kind("car")
    type_text(pad, "30O1234")
    assert pad.plate() == "30O-1234"
    type_text(pad, "5")
    assert pad.value() == "30O1234"


def test_a_province_code_below_11_is_refused(qtbot: QtBot, pad: PlateKeypad) -> None:
    assert not pad.keys["0"].isEnabled()  # 01-09: no province
    type_text(pad, "0")
    assert pad.value() == ""
    assert "0" in pad.reason()
    tap(qtbot, pad.keys["1"])
    assert not pad.keys["0"].isEnabled()  # 10: no province either
    assert pad.keys["1"].isEnabled()


def test_a_province_is_named_and_an_unlisted_code_only_warned_about(
    qtbot: QtBot, pad: PlateKeypad
) -> None:
    tap_keys(qtbot, pad, "30")
    assert "Hà Nội" in hint(pad).text()
    pad.clear()
    tap_keys(qtbot, pad, "13A12345")  # not in the table: a warning (reference §3), not a refusal
    assert "13" in hint(pad).text()
    assert pad.plate() == "13A-123.45"


def test_the_kind_decides_what_may_follow(qtbot: QtBot, pad: PlateKeypad) -> None:
    tap_keys(qtbot, pad, "29M")
    assert pad.keys["Đ"].isEnabled()  # MĐ: an electric motorbike
    pad.set_kind("motorbike")
    assert not pad.keys["Đ"].isEnabled()  # an MĐ plate is no (petrol) motorbike's
    pad.set_kind("electric_motorbike")
    tap_keys(qtbot, pad, "Đ1")
    pad.set_kind("car")  # the kind changed under a plate begun: said, and OK stays off
    assert hint(pad).property("role") == "error"
    assert pad.value() == "29MĐ1"
    assert not pad.ok_button.isEnabled()
    with pytest.raises(ValueError, match="truck"):
        pad.set_kind("truck")


def test_the_same_characters_make_the_plate_of_the_kind(qtbot: QtBot, pad: PlateKeypad) -> None:
    tap_keys(qtbot, pad, "30A12345")
    assert pad.plate() == "30A-123.45"
    pad.set_kind("motorbike")
    assert pad.plate() == "30-A1 2345"
    assert display(pad) == "30-A1 2345"


# --- the physical keyboard, editing, a plate on file ----------------------------------------------


def test_the_physical_keyboard_types_and_edits(qtbot: QtBot, pad: PlateKeypad) -> None:
    type_text(pad, "29-mđ1 ")  # lower case, đ, and punctuation (ignored)
    assert pad.value() == "29MĐ1"
    qtbot.keyClick(pad, Qt.Key.Key_Backspace)
    assert pad.value() == "29MĐ"
    qtbot.keyClick(pad, Qt.Key.Key_Escape)
    assert pad.value() == ""
    qtbot.keyClicks(pad, "30a12345")
    with qtbot.waitSignal(pad.submitted, timeout=WAIT_MS) as blocker:
        qtbot.keyClick(pad, Qt.Key.Key_Return)
    assert blocker.args == ["30A-123.45"]


def test_backspace_and_clear_by_taps(qtbot: QtBot, pad: PlateKeypad) -> None:
    assert not pad.back_button.isEnabled() and not pad.clear_button.isEnabled()
    tap_keys(qtbot, pad, "30A1")
    tap(qtbot, pad.back_button)
    assert pad.value() == "30A"
    tap(qtbot, pad.clear_button)
    assert pad.value() == ""
    assert display(pad) != ""  # the placeholder


def test_a_plate_on_file_is_loaded_key_by_key(pad: PlateKeypad) -> None:
    pad.set_kind("electric_motorbike")
    assert pad.set_value("29-MĐ1 013.53")
    assert (pad.value(), pad.plate()) == ("29MĐ101353", "29-MĐ1 013.53")
    pad.set_kind("motorbike")
    assert not pad.set_value("29-MĐ1 013.53")  # refused from the Đ on
    assert pad.value() == "29M"


def test_keys_never_take_the_focus(pad: PlateKeypad) -> None:
    buttons = pad.findChildren(QPushButton)
    assert len(buttons) == len(PLATE_LETTERS) + 10 + 3
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in buttons)
    assert pad.focusPolicy() == Qt.FocusPolicy.StrongFocus


# --- look and language ----------------------------------------------------------------------------


@pytest.mark.parametrize("text_size", sorted(TEXT_SCALES))
def test_the_layout_fits_at_every_text_size(
    qtbot: QtBot, qapp: QApplication, text_size: str
) -> None:
    def make() -> PlateKeypad:
        widget = PlateKeypad(kind="electric_motorbike")
        widget.set_value("29MĐ1")
        type_text(widget, "O")  # with the reason under the display: the tallest it gets
        return widget

    with themed(qapp, text_size):
        assert widget_problems(qtbot, make) == []


def test_it_follows_a_language_switch(pad: PlateKeypad, vietnamese: Translations) -> None:
    type_text(pad, "30")
    assert vietnamese.switch("vi")
    assert pad.ok_button.text() == "Xác nhận"
    assert hint(pad).text() == "Nơi đăng ký: Hà Nội"
