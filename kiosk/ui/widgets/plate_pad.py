"""A keypad for Vietnamese licence plates: letters beside digits, each key checked against the rules.

A plate is typed as it reads, ``3 0 A 1 2 3 4 5``; the display punctuates it as it grows
(``30A-123.45``, ``29-MĐ1 013.53``). A key that no plate layout allows next is disabled, and the same
character from the physical keyboard is refused with the reason shown: nothing is taken silently.
The rules are :mod:`kiosk.domain.plates`' (``plate_prefix``, ``parse_plate``).
"""

from __future__ import annotations

import math
import unicodedata

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.plates import (
    PLATE_LETTERS,
    PLATE_PROVINCES,
    VEHICLE_KINDS,
    InvalidPlate,
    parse_plate,
    plate_prefix,
)
from kiosk.ui.i18n import arg
from kiosk.ui.qt_names import focus_policy, plain_text
from kiosk.ui.theme import repolish
from kiosk.ui.widgets.keypad import (
    DIGITS,
    display_label,
    edit_key,
    key_button,
    ok_button,
    show_on_display,
)

LETTER_COLUMNS = 7
"""The 21 letters in three rows of seven, alphabetical, so M sits right under Đ (``MĐ``)."""
_LOOKALIKES = {"Ð": "Đ"}  # Icelandic eth, typed for Đ by some keyboard layouts


def plate_char(text: str) -> str | None:
    """The plate character a key stands for (upper case), or None for a key that is no letter or digit."""
    if len(text) != 1:
        return None
    char = unicodedata.normalize("NFC", text).upper()
    char = _LOOKALIKES.get(char, char)
    if char in DIGITS or ("A" <= char <= "Z") or char == "Đ":
        return char
    return None


class PlateKeypad(QWidget):
    """Letters, digits, clear, backspace and OK for one plate, by touch or by the physical keyboard.

    ``kind`` (a vehicle kind, or None when not known yet) narrows the layouts: a car's plate takes
    no sixth digit, a motorbike's no ``MĐ``. OK is enabled only for a whole plate.
    """

    submitted = Signal(str)
    """OK was pressed on a whole plate: its canonical text (``30A-123.45``)."""
    changed = Signal(str)
    """The characters typed so far changed (without punctuation: ``30A12345``)."""

    def __init__(self, parent: QWidget | None = None, *, kind: str | None = None) -> None:
        super().__init__(parent)
        self._kind = self._checked_kind(kind)
        self._value = ""
        self._reason = ""
        focus_policy(self, "StrongFocus")

        self._display = display_label()
        self._hint = plain_text(QLabel())
        self._hint.setObjectName("PlateHint")
        self._hint.setWordWrap(True)
        self._hint.setProperty("role", "hint")

        self.keys: dict[str, QPushButton] = {}
        letters = QGridLayout()
        letters.setSpacing(8)
        for index, letter in enumerate(PLATE_LETTERS):
            letters.addWidget(self._char_key(letter), *divmod(index, LETTER_COLUMNS))
        rows = math.ceil(len(PLATE_LETTERS) / LETTER_COLUMNS)
        self.clear_button = key_button(icon_name="clear")
        self.clear_button.clicked.connect(self.clear)
        letters.addWidget(self.clear_button, rows, 0)
        self.ok_button = ok_button()
        self.ok_button.clicked.connect(self.submit)
        letters.addWidget(self.ok_button, rows, 1, 1, LETTER_COLUMNS - 1)

        digits = QGridLayout()
        digits.setSpacing(8)
        for index, digit in enumerate("123456789"):
            digits.addWidget(self._char_key(digit), *divmod(index, 3))
        digits.addWidget(self._char_key("0"), 3, 0, 1, 2)
        self.back_button = key_button(icon_name="backspace")
        self.back_button.clicked.connect(self.backspace)
        digits.addWidget(self.back_button, 3, 2)

        keys = QHBoxLayout()
        keys.setSpacing(24)  # a gap between the blocks: OK and the digits are never mistaken
        keys.addLayout(letters, LETTER_COLUMNS)
        keys.addLayout(digits, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self._display)
        layout.addWidget(self._hint)
        layout.addLayout(keys, 1)
        self.retranslateUi()

    def _char_key(self, char: str) -> QPushButton:
        button = key_button(char)
        button.clicked.connect(lambda _=False, c=char: self.press(c))
        self.keys[char] = button
        return button

    @staticmethod
    def _checked_kind(kind: str | None) -> str | None:
        if kind is not None and kind not in VEHICLE_KINDS:
            raise ValueError(f"unknown vehicle kind {kind!r}")
        return kind

    # --- state ---------------------------------------------------------------------------------
    def kind(self) -> str | None:
        """The vehicle kind the plate must fit, or None for any."""
        return self._kind

    def set_kind(self, kind: str | None) -> None:
        """Check the plate against another vehicle kind; what was typed stays."""
        self._kind = self._checked_kind(kind)
        self._reason = ""
        self._refresh()

    def value(self) -> str:
        """The characters typed so far, without punctuation (``30A12345``)."""
        return self._value

    def plate(self) -> str | None:
        """The canonical plate when a whole one is typed (``30A-123.45``), else None."""
        if not self._value:
            return None
        try:
            return parse_plate(self._value, self._kind).display
        except InvalidPlate:
            return None

    def set_value(self, text: str) -> bool:
        """Start again from ``text`` (a plate on file, written any way), up to its first character
        that no plate allows there; False when there was one."""
        value, taken = "", True
        for char in filter(None, map(plate_char, text)):
            if plate_prefix(value + char, self._kind) is None:
                taken = False
                break
            value += char
        changed = value != self._value
        self._value, self._reason = value, ""
        self._refresh()
        if changed:
            self.changed.emit(value)
        return taken

    def press(self, key: str) -> bool:
        """Add one letter or digit when some plate can go on with it; else show why not."""
        char = plate_char(key)
        if char is None:
            return False
        if plate_prefix(self._value + char, self._kind) is None:
            self._reason = self._refusal(char)
            self._refresh()
            return False
        self._value += char
        self._reason = ""
        self._refresh()
        self.changed.emit(self._value)
        return True

    def backspace(self) -> None:
        """Remove the last character."""
        if self._value:
            self._value = self._value[:-1]
            self._reason = ""
            self._refresh()
            self.changed.emit(self._value)

    def clear(self) -> None:
        """Forget the whole plate."""
        self._reason = ""
        if self._value:
            self._value = ""
            self.changed.emit(self._value)
        self._refresh()

    def submit(self) -> None:
        """Emit ``submitted`` with the canonical plate, when a whole one is typed."""
        plate = self.plate()
        if plate is not None:
            self.submitted.emit(plate)

    def reason(self) -> str:
        """Why the last key was refused ("" when it was taken)."""
        return self._reason

    def _refusal(self, char: str) -> str:
        if self.plate() is not None:
            return self.tr("The plate is complete: press OK.")
        return arg(self.tr("“%1” cannot come here on a plate."), char)

    # --- what shows ----------------------------------------------------------------------------
    def _refresh(self) -> None:
        shown = plate_prefix(self._value, self._kind)
        show_on_display(self._display, shown or self._value, self.tr("Plate number"))
        for char, button in self.keys.items():
            button.setEnabled(plate_prefix(self._value + char, self._kind) is not None)
        self.clear_button.setEnabled(bool(self._value))
        self.back_button.setEnabled(bool(self._value))
        self.ok_button.setEnabled(self.plate() is not None)
        text, role = self._hint_text(fits=shown is not None)
        self._hint.setText(text)
        if self._hint.property("role") != role:
            self._hint.setProperty("role", role)
            repolish(self._hint)

    def _hint_text(self, *, fits: bool) -> tuple[str, str]:
        """What the line under the display says, and its theme role."""
        if self._reason:
            return self._reason, "error"
        if not fits:
            return self.tr("This plate does not fit the kind of vehicle chosen."), "error"
        province = self._value[:2]
        if len(province) == 2 and province.isdigit():
            if province in PLATE_PROVINCES:
                return arg(self.tr("Registered in: %1"), PLATE_PROVINCES[province]), "hint"
            return arg(
                self.tr("Code %1 is not in the list of provinces: check it."), province
            ), "hint"
        return self.tr("Type the letters and digits; dots and dashes come by themselves."), "hint"

    # --- Qt ------------------------------------------------------------------------------------
    def retranslateUi(self) -> None:
        """Texts and accessible names in the current language."""
        self.ok_button.setText(self.tr("OK"))
        self.clear_button.setAccessibleName(self.tr("Clear the plate"))
        self.back_button.setAccessibleName(self.tr("Delete one character"))
        self._reason = ""  # it was written in the language before
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        """Follow a language switch without a restart."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The physical keyboard: letters, digits, Backspace, Delete/Escape, Enter."""
        if plate_char(event.text()) is not None:
            self.press(event.text())
        elif not edit_key(self, event):
            super().keyPressEvent(event)


class PlateDialog(QDialog):
    """The plate keypad over the window, full size: a card's column is too narrow for its keys.

    ``entered`` carries the canonical plate when OK is pressed on a whole one; "Cancel" leaves
    the plate as it was.
    """

    entered = Signal(str)

    def __init__(self, parent: QWidget, kind: str | None, value: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Question")  # the question dialog's frame and paper
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.keypad = PlateKeypad(kind=kind)
        if value:
            self.keypad.set_value(value)
        self.keypad.submitted.connect(self._entered)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(self.reject)
        self._title = plain_text(QLabel())
        self._title.setProperty("role", "title")
        top = QHBoxLayout()
        top.addWidget(self._title, 1)
        top.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(16)
        layout.addLayout(top)
        layout.addWidget(self.keypad, 1)
        self._title.setText(self.tr("Number plate"))
        self.cancel_button.setText(self.tr("Cancel"))

    def _entered(self, plate: str) -> None:
        self.entered.emit(plate)
        self.accept()
