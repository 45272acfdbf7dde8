"""A big numeric keypad for PINs and numbers, by touch or by the physical keyboard."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QSize, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.qt_names import align, focus_policy
from kiosk.ui.resources import icon
from kiosk.ui.theme import repolish

MASK_CHAR = "●"
DIGITS = "0123456789"


class EditablePad(Protocol):
    """What the physical keyboard's editing keys act on (:func:`edit_key`)."""

    def backspace(self) -> None: ...
    def clear(self) -> None: ...
    def submit(self) -> None: ...


def key_button(text: str = "", icon_name: str | None = None) -> QPushButton:
    """A keypad key: big, growing with the room it has, never taking the focus from its keypad."""
    button = QPushButton(text)
    button.setProperty("role", "key")
    focus_policy(button, "NoFocus")
    if icon_name:
        button.setIcon(icon(icon_name))
    button.setIconSize(QSize(36, 36))
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    return button


def ok_button() -> QPushButton:
    """A keypad's OK: the primary button, with a check mark."""
    button = QPushButton()
    button.setProperty("role", "primary")
    button.setProperty("keyRow", "true")  # as tall as the keys above it (kiosk.qss)
    focus_policy(button, "NoFocus")
    button.setIcon(icon("check", "#FFFFFF"))
    button.setIconSize(QSize(32, 32))
    return button


def display_label() -> QLabel:
    """The big line above a keypad's keys that shows what was typed."""
    display = QLabel()
    display.setObjectName("KeypadDisplay")
    align(display, "AlignCenter")
    display.setProperty("empty", "true")
    display.setWordWrap(True)
    return display


def show_on_display(display: QLabel, text: str, placeholder: str) -> None:
    """Show ``text``, or ``placeholder`` in the empty style; restyled only when that changes."""
    display.setText(text or placeholder)
    shown = "false" if text else "true"
    if display.property("empty") != shown:
        display.setProperty("empty", shown)
        repolish(display)


def edit_key(pad: EditablePad, event: QKeyEvent) -> bool:
    """Backspace, Delete/Escape (clear) and Enter from the physical keyboard; False for other keys."""
    from PySide6.QtCore import Qt  # not before the first frame (kiosk.ui.qt_names)

    key = event.key()
    if key == Qt.Key.Key_Backspace:
        pad.backspace()
    elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Escape):
        pad.clear()
    elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        pad.submit()
    else:
        return False
    return True


class Keypad(QWidget):
    """Digits 0-9, clear, backspace and OK; in PIN mode the display shows only dots.

    It keeps the keyboard focus itself (its keys never take it), so a physical keyboard works the
    same: digits, Backspace, Delete/Escape to clear, Enter to confirm.
    """

    submitted = Signal(str)
    """OK was pressed with an acceptable value (at least ``min_length`` digits)."""
    changed = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        masked: bool = False,
        min_length: int = 1,
        max_length: int = 12,
    ) -> None:
        super().__init__(parent)
        self._masked = masked
        self._min_length = min_length
        self._max_length = max_length
        self._value = ""
        self._placeholder = ""
        focus_policy(self, "StrongFocus")

        self._display = display_label()

        grid = QGridLayout()
        grid.setSpacing(8)
        self._digit_buttons: dict[str, QPushButton] = {}
        for index, digit in enumerate("1234567890"):
            button = key_button(digit)
            button.clicked.connect(lambda _=False, d=digit: self.press(d))
            self._digit_buttons[digit] = button
            row, col = divmod(index, 3) if digit != "0" else (3, 1)
            grid.addWidget(button, row, col)
        self._clear_button = key_button(icon_name="clear")
        self._clear_button.clicked.connect(self.clear)
        grid.addWidget(self._clear_button, 3, 0)
        self._back_button = key_button(icon_name="backspace")
        self._back_button.clicked.connect(self.backspace)
        grid.addWidget(self._back_button, 3, 2)
        self._ok_button = ok_button()
        self._ok_button.clicked.connect(self.submit)
        grid.addWidget(self._ok_button, 4, 0, 1, 3)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self._display)
        layout.addLayout(grid)
        self.retranslateUi()
        self._refresh()

    # --- state ---------------------------------------------------------------------------------
    def value(self) -> str:
        """The digits entered so far."""
        return self._value

    def set_placeholder(self, text: str) -> None:
        """What the empty display says (already translated by the caller)."""
        self._placeholder = text
        self._refresh()

    def press(self, digit: str) -> None:
        """Add one digit, up to ``max_length``."""
        if len(digit) == 1 and digit in DIGITS and len(self._value) < self._max_length:
            self._value += digit
            self._refresh()
            self.changed.emit(self._value)

    def backspace(self) -> None:
        """Remove the last digit."""
        if self._value:
            self._value = self._value[:-1]
            self._refresh()
            self.changed.emit(self._value)

    def clear(self) -> None:
        """Forget everything typed (also how a screen clears a PIN after use or on idle lock)."""
        if self._value:
            self._value = ""
            self._refresh()
            self.changed.emit(self._value)

    def submit(self) -> None:
        """Emit ``submitted`` when the value is long enough; a PIN is not kept after that."""
        if len(self._value) >= self._min_length:
            value = self._value
            if self._masked:
                self.clear()
            self.submitted.emit(value)

    def _refresh(self) -> None:
        shown = " ".join(MASK_CHAR * len(self._value)) if self._masked else self._value
        show_on_display(self._display, shown, self._placeholder)
        self._ok_button.setEnabled(len(self._value) >= self._min_length)

    # --- Qt ------------------------------------------------------------------------------------
    def retranslateUi(self) -> None:
        """Texts and accessible names in the current language."""
        self._ok_button.setText(self.tr("OK"))
        self._clear_button.setAccessibleName(self.tr("Clear all"))
        self._back_button.setAccessibleName(self.tr("Delete one digit"))

    def changeEvent(self, event: QEvent) -> None:
        """Follow a language switch without a restart."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The physical keyboard: digits, Backspace, Delete/Escape, Enter."""
        text = event.text()
        if len(text) == 1 and text in DIGITS:
            self.press(text)
        elif not edit_key(self, event):
            super().keyPressEvent(event)
