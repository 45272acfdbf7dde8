"""The on-screen keyboard: Vietnamese by Telex (or VNI, or long-press), for every free-text field.

Our own widget rather than Qt Virtual Keyboard (docs/touch-input.md says why): the keys are plain
buttons that never take the focus, so the field keeps it; the text goes into the field through
:class:`Composer`, which runs the keys of the word being typed through :func:`kiosk.domain.telex.
compose` and replaces that word with what it reads now (``nguyeenx`` → "nguyễn"), always in NFC.

:class:`KeyboardHost` shows the keyboard for the text field that has the focus, beside the field
(above or below it, whichever has room), and hides it when the focus leaves text fields.
A field says what it holds with :func:`set_field_kind`: ``name`` (each word starts with a capital),
``text``, or ``latin`` (addresses and codes: no Vietnamese marks, the symbols people need for them).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from typing import Literal

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from kiosk.domain.telex import compose
from kiosk.ui.qt_names import focus_policy

InputMethod = Literal["telex", "vni", "long_press"]
"""One of :data:`kiosk.ui.preferences.INPUT_METHODS`."""
FieldKind = Literal["name", "text", "latin"]

KIND_PROPERTY = "oskKind"
KEY_PX = 64  # DESIGN §7: touch targets at least 64 × 64 px
KEY_SPACING_PX = 4
MARGIN_PX = 6
GAP_PX = 8
"""Between the field and the keyboard."""
MAX_WIDTH_PX = 1240
LONG_PRESS_MS = 500

COLUMNS = 20
CHOICES_PER_ROW = 9
LETTER_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
DIGIT_ROW = "1234567890"
SYMBOL_ROWS = ("1234567890", "-/:;()@&\"'", ".,?!_#%+=")
TONE_MARKS = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
"""None, huyền, sắc, hỏi, ngã, nặng: combining marks, composed to NFC."""
VOWEL_FORMS = {
    "a": "aăâ",
    "e": "eê",
    "i": "i",
    "o": "oôơ",
    "u": "uư",
    "y": "y",
}


def set_field_kind(field: QLineEdit, kind: FieldKind) -> None:
    """Say what ``field`` holds, so the keyboard types it right (see the module docstring)."""
    field.setProperty(KIND_PROPERTY, kind)


def field_kind(field: QLineEdit) -> FieldKind:
    """What ``field`` holds; ``text`` unless it says otherwise."""
    kind = field.property(KIND_PROPERTY)
    return kind if kind in ("name", "text", "latin") else "text"


def long_press_choices(letter: str) -> list[str]:
    """Every Vietnamese letter ``letter`` can become: ``a`` → a à á ả ã ạ ă ằ … ậ (18), ``d`` → đ."""
    lower = letter.lower()
    if lower == "d":
        forms = ["d", "đ"]
    else:
        forms = [
            unicodedata.normalize("NFC", base + tone)
            for base in VOWEL_FORMS.get(lower, "")
            for tone in TONE_MARKS
        ]
    return [form.upper() for form in forms] if letter.isupper() else forms


class Composer:
    """Types keys into one field: the keys of the word under the cursor go through the engine.

    A word starts at a key typed where the last one did not end (another key in between, a tap in
    the field, a Backspace); until then each key re-composes the whole word and replaces it.
    """

    def __init__(self) -> None:
        self._field: QLineEdit | None = None
        self._keys = ""
        self._shown = ""
        self._end = -1

    def attach(self, field: QLineEdit | None) -> None:
        """Type into ``field`` from now on (None: nowhere); a new word starts."""
        self._field = field
        self.reset()

    def field(self) -> QLineEdit | None:
        """The field keys go into."""
        return self._field

    def reset(self) -> None:
        """The next key starts a new word."""
        self._keys, self._shown, self._end = "", "", -1

    def in_word(self) -> bool:
        """Whether the next key continues the word the last keys typed (nothing moved since)."""
        field, end = self._field, self._end
        return (
            field is not None
            and bool(self._keys)
            and field.cursorPosition() == end
            and not field.hasSelectedText()
            and field.text()[end - len(self._shown) : end] == self._shown
        )

    def type_key(self, key: str, method: InputMethod) -> None:
        """One key of a word: Telex or VNI compose it with the keys before it."""
        field = self._field
        if field is None or field.isReadOnly():
            return
        if method == "long_press" or field_kind(field) == "latin":
            self.type_text(key)
            return
        if not self.in_word():
            self.reset()
        keys = self._keys + key
        text = compose(keys, method)
        if self._shown:
            field.setSelection(self._end - len(self._shown), len(self._shown))
        field.insert(text)
        self._keys, self._shown, self._end = keys, text, field.cursorPosition()

    def type_text(self, text: str) -> None:
        """Text as it is (a space, a symbol, a letter chosen by long-press); the word ends."""
        if self._field is not None and not self._field.isReadOnly():
            self._field.insert(unicodedata.normalize("NFC", text))
        self.reset()

    def backspace(self) -> None:
        """Delete the character before the cursor; the word ends."""
        if self._field is not None and not self._field.isReadOnly():
            self._field.backspace()
        self.reset()


class OnScreenKeyboard(QFrame):
    """The keyboard panel: letters (Shift, long-press), digits and symbols, Space, Backspace, Done.

    One grid of 20 equal columns: a key spans two, so the rows below the first are set off by
    half a key as on a real keyboard, and every page (letters, symbols, long-press choices) uses
    the same cells.
    """

    done = Signal()
    """Done was tapped: the field's input is finished (the keyboard hides)."""
    painted = Signal()
    """The keyboard has been painted (the bench waits for it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Keyboard")
        self.composer = Composer()
        self.method: InputMethod = "telex"
        self.taps = 0
        """Every key tapped since the keyboard was made (tests count what typing costs)."""
        self.long_presses = 0
        self._shift = False
        self._symbols = False
        self._long_pressed = False
        self._press_timer = QTimer(self)
        self._press_timer.setSingleShot(True)
        self._press_timer.setInterval(LONG_PRESS_MS)
        self._press_timer.timeout.connect(self._show_choices)
        self._pressed_letter = ""
        self._choice_keys: list[QPushButton] = []
        self.keys: dict[str, QPushButton] = {}
        """The keys that type a character, by it: ``a``; ``1`` (VNI's row), ``sym:1`` (symbols)."""

        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(MARGIN_PX, MARGIN_PX, MARGIN_PX, MARGIN_PX)
        self._grid.setSpacing(KEY_SPACING_PX)
        for column in range(COLUMNS):
            self._grid.setColumnStretch(column, 1)
        self._digits = self._row(0, 0, [self._char_key(c) for c in DIGIT_ROW])
        self.shift_key = self._action_key("⇧", self._toggle_shift)
        self.shift_key.setCheckable(True)
        self.backspace_key = self._action_key("⌫", self.composer.backspace)
        self.backspace_key.setAutoRepeat(True)
        self._letters = self._row(1, 0, [self._char_key(c) for c in LETTER_ROWS[0]])
        self._letters += self._row(2, 1, [self._char_key(c) for c in LETTER_ROWS[1]])
        self._letters += self._row(3, 3, [self._char_key(c) for c in LETTER_ROWS[2]])
        self._place(self.shift_key, 3, 0, 3)
        self._place(self.backspace_key, 3, 17, 3)
        self._letters += [self.shift_key, self.backspace_key]
        self._symbol_keys: list[QPushButton] = []
        for row, chars in enumerate(SYMBOL_ROWS, start=1):
            keys = [self._char_key(c, symbol=True) for c in chars]
            self._symbol_keys += self._row(row, 0, keys)
        self.layer_key = self._action_key("123", self._toggle_layer)
        self.space_key = self._action_key("", lambda: self.composer.type_text(" "))
        self.done_key = self._action_key("", self._done)
        self.done_key.setProperty("role", "oskDone")
        self._place(self.layer_key, 4, 0, 3)
        self._place(self._char_key(","), 4, 3, 2)
        self._place(self.space_key, 4, 5, 10)
        self._place(self._char_key("."), 4, 15, 2)
        self._place(self.done_key, 4, 17, 3)
        self._show_page()
        self.retranslateUi()

    # --- building ----------------------------------------------------------------------------
    def _place(self, key: QPushButton, row: int, column: int, span: int) -> None:
        self._grid.addWidget(key, row, column, 1, span)

    def _row(self, row: int, first: int, keys: Sequence[QPushButton]) -> list[QPushButton]:
        for index, key in enumerate(keys):
            self._place(key, row, first + 2 * index, 2)
        return list(keys)

    def _key(self, text: str) -> QPushButton:
        key = QPushButton(text)
        key.setProperty("role", "oskKey")
        focus_policy(key, "NoFocus")
        key.setMinimumSize(KEY_PX, KEY_PX)
        key.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        key.pressed.connect(self._count_tap)
        return key

    def _action_key(self, text: str, action: Callable[[], None]) -> QPushButton:
        key = self._key(text)
        key.clicked.connect(action)
        return key

    def _char_key(self, char: str, *, symbol: bool = False) -> QPushButton:
        key = self._key(char)
        self.keys[f"sym:{char}" if symbol else char] = key
        if char.isalpha():
            key.pressed.connect(lambda c=char: self._letter_pressed(c))
            key.clicked.connect(lambda _=False, c=char: self._letter_clicked(c))
        else:
            key.clicked.connect(lambda _=False, c=char: self._other_clicked(c))
        return key

    # --- what the keys do --------------------------------------------------------------------
    def _count_tap(self) -> None:
        self.taps += 1

    def _letter(self, char: str) -> str:
        return char.upper() if self._shift or self._auto_capital() else char

    def _auto_capital(self) -> bool:
        """A name field starts each word with a capital letter."""
        field = self.composer.field()
        if field is None or field_kind(field) != "name" or self.composer.in_word():
            return False
        before = field.text()[: field.cursorPosition()]
        return not before or before[-1] == " "

    def _letter_pressed(self, char: str) -> None:
        self._long_pressed = False
        if self.method == "long_press" and len(long_press_choices(char)) > 1:
            self._pressed_letter = self._letter(char)
            self._press_timer.start()

    def _letter_clicked(self, char: str) -> None:
        self._press_timer.stop()
        if self._long_pressed:  # the choices are up; this release typed nothing
            return
        self.composer.type_key(self._letter(char), self.method)
        self._shift_used()

    def _other_clicked(self, char: str) -> None:
        if self.method == "vni" and char.isdigit() and self.composer.in_word():
            self.composer.type_key(char, self.method)  # VNI: a digit after letters is a mark
        else:
            self.composer.type_text(char)

    def _shift_used(self) -> None:
        if self._shift:
            self.shift_key.setChecked(False)
            self._toggle_shift()

    def _toggle_shift(self) -> None:
        self._shift = self.shift_key.isChecked()
        for char in "".join(LETTER_ROWS):
            self.keys[char].setText(char.upper() if self._shift else char)

    def _toggle_layer(self) -> None:
        self._symbols = not self._symbols
        self._show_page()

    def _done(self) -> None:
        self.composer.reset()
        self.done.emit()

    def _show_choices(self) -> None:
        """Long-press: every form of the held letter, as big keys in place of the letters."""
        self._long_pressed = True
        self.long_presses += 1
        self._clear_choices()
        forms = long_press_choices(self._pressed_letter)
        for index, form in enumerate(forms):
            key = self._key(form)
            key.clicked.connect(lambda _=False, f=form: self._choose(f))
            row, column = divmod(index, CHOICES_PER_ROW)
            self._place(key, 1 + row, 2 * column, 2)
            key.show()  # now, not on the next turn of the event loop
            self._choice_keys.append(key)
        cancel = self._action_key("✕", self._show_page)
        self._place(cancel, 1 + (len(forms) - 1) // CHOICES_PER_ROW, 18, 2)
        cancel.show()
        self._choice_keys.append(cancel)
        for key in self._letters + self._symbol_keys:
            key.hide()

    def _clear_choices(self) -> None:
        for key in self._choice_keys:
            self._grid.removeWidget(key)
            key.deleteLater()
        self._choice_keys.clear()

    def _choose(self, form: str) -> None:
        self.composer.type_text(form)
        self._shift_used()
        self._show_page()

    # --- pages and texts ---------------------------------------------------------------------
    def set_method(self, method: InputMethod) -> None:
        """Telex, VNI (a row of digits above the letters) or long-press."""
        self.method = method
        self.composer.reset()
        self._show_page()

    def _show_page(self) -> None:
        self._clear_choices()
        for key in self._letters:
            key.setVisible(not self._symbols)
        for key in self._symbol_keys:
            key.setVisible(self._symbols)
        for key in self._digits:
            key.setVisible(self.method == "vni" and not self._symbols)
        self.layer_key.setText("ABC" if self._symbols else "123")

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        self.space_key.setText(self.tr("space"))
        self.done_key.setText(self.tr("Done"))

    def changeEvent(self, event: QEvent) -> None:
        """Follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint, then say so."""
        super().paintEvent(event)
        self.painted.emit()


def place_beside(field: QRect, height: int, window: QRect) -> QRect:
    """Where the keyboard goes: below ``field`` if it has room there, else above it, full width.

    When neither side has room (a window smaller than the kiosk's screen), below, at the window's
    bottom edge.
    """
    width = min(window.width() - 2 * GAP_PX, MAX_WIDTH_PX)
    left = window.left() + (window.width() - width) // 2
    below = field.bottom() + 1 + GAP_PX
    if below + height <= window.bottom() + 1:
        return QRect(left, below, width, height)
    above = field.top() - GAP_PX - height
    if above >= window.top():
        return QRect(left, above, width, height)
    return QRect(left, window.bottom() + 1 - height, width, height)


class KeyboardHost(QObject):
    """Shows the keyboard beside the text field that has the focus, inside ``window``."""

    shown = Signal()

    def __init__(self, window: QWidget, method: InputMethod = "telex") -> None:
        super().__init__(window)
        self._window = window
        self._method = method
        self._enabled = False
        self._keyboard: OnScreenKeyboard | None = None

    def keyboard(self) -> OnScreenKeyboard:
        """The keyboard, made the first time it is needed."""
        if self._keyboard is None:
            keyboard = self._keyboard = OnScreenKeyboard(self._window)
            keyboard.set_method(self._method)
            keyboard.done.connect(self.hide)
            keyboard.hide()
        return self._keyboard

    def set_enabled(self, on: bool) -> None:
        """Follow the focus (on) or never show (off)."""
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        if on and not self._enabled:
            app.focusChanged.connect(self._focus_changed)
            focused = app.focusWidget()
            if focused is not None:
                self._focus_changed(None, focused)
        elif not on and self._enabled:
            app.focusChanged.disconnect(self._focus_changed)
            self.hide()
        self._enabled = on

    def set_method(self, method: InputMethod) -> None:
        """How letters become Vietnamese: Telex, VNI or long-press."""
        self._method = method
        if self._keyboard is not None:
            self._keyboard.set_method(method)
            if self._keyboard.isVisible():
                self._place()

    def is_shown(self) -> bool:
        """Whether the keyboard is on screen."""
        return self._keyboard is not None and self._keyboard.isVisible()

    def hide(self) -> None:
        """Off the screen, typing into nothing."""
        if self._keyboard is not None:
            self._keyboard.composer.attach(None)
            self._keyboard.hide()

    def _wants_keyboard(self, widget: QWidget | None) -> bool:
        return (
            isinstance(widget, QLineEdit)
            and not widget.isReadOnly()
            and widget.isEnabled()
            and widget.window() is self._window
        )

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:  # the window lost the focus (another application): leave it as it is
            return
        if self._wants_keyboard(new):
            assert isinstance(new, QLineEdit)
            self.show_for(new)
        elif self._keyboard is None or not self._keyboard.isAncestorOf(new):
            self.hide()

    def show_for(self, field: QLineEdit) -> None:
        """Type into ``field``, with the keyboard beside it."""
        keyboard = self.keyboard()
        keyboard.composer.attach(field)
        self._place()
        keyboard.show()
        keyboard.raise_()
        self.shown.emit()

    def _place(self) -> None:
        keyboard = self.keyboard()
        field = keyboard.composer.field()
        if field is None:
            return
        keyboard.adjustSize()
        top_left = field.mapTo(self._window, QPoint(0, 0))
        where = place_beside(
            QRect(top_left, field.size()), keyboard.sizeHint().height(), self._window.rect()
        )
        keyboard.setGeometry(where)


__all__ = [
    "Composer",
    "FieldKind",
    "InputMethod",
    "KeyboardHost",
    "OnScreenKeyboard",
    "field_kind",
    "long_press_choices",
    "place_beside",
    "set_field_kind",
]
