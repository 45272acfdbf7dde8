"""Sign-in: tap your name, type your PIN; wrong PINs count down to a lockout that says how long.

The screen can be drawn before the store is open: the shell gives it the operators from a first
look at the database (:func:`kiosk.store.first_look.first_look`) and the backend once it is open
(:meth:`SignInScreen.set_backend`). A PIN typed in between waits for the backend.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.text import search_key
from kiosk.services.base import Actor, SignInLocked, WrongPin
from kiosk.services.pins import MAX_PIN_LENGTH, MIN_PIN_LENGTH
from kiosk.ui.errors import error_text, paused_text
from kiosk.ui.i18n import arg
from kiosk.ui.qt_names import no_horizontal_scroll_bar
from kiosk.ui.resources import icon
from kiosk.ui.screens.base import Screen, label, show_message
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.widgets.keypad import Keypad
from kiosk.ui.widgets.tile import Tile

if TYPE_CHECKING:
    from kiosk.ui.backend import Backend

TILE_COLUMNS = 2


class OperatorEntry(Protocol):
    """An operator as a tile shows it: ``OperatorInfo`` from the service, or ``OperatorTile``
    from the first look at the database."""

    @property
    def id(self) -> str:
        """The operator's id."""
        ...

    @property
    def name(self) -> str:
        """The name on the tile."""
        ...

    @property
    def role(self) -> str:
        """``officer`` or ``volunteer``."""
        ...

    @property
    def must_change_pin(self) -> bool:
        """A first PIN, to be changed right after signing in."""
        ...


def _change_pin(backend: Backend, actor: Actor, old_pin: str, new_pin: str) -> Actor:
    """On the worker: the operator's own new PIN (the old one checked again by the service)."""
    backend.auth.change_pin(actor, old_pin, new_pin)
    return actor


class SignInScreen(Screen):
    """Operator tiles on the left, the PIN keypad on the right."""

    access = "anyone"
    signed_in = Signal(object)
    operators_loaded = Signal()
    answered = Signal()
    """A PIN was checked (right or wrong); tests and screenshots wait on it."""
    first_paint = Signal()
    """The screen has been drawn once (the shell opens the store behind it only then)."""

    def __init__(
        self, backend: Backend | None, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self._painted = False
        self._waiting_pin: tuple[str, str] | None = None  # (operator id, PIN) until the backend
        self._operators: list[OperatorEntry] = []
        self._selected: OperatorEntry | None = None
        self._locked_until: dict[str, float] = {}  # operator id -> time.monotonic() deadline
        self._mode = "pin"  # or "new_pin", "confirm_new" when a first PIN must be changed
        self._pending_actor: Actor | None = None
        self._old_pin = ""
        self._new_pin = ""
        self._busy = False

        self._title = label("title")
        self._hint = label("hint")
        self._notice = label("notice")
        self._notice.hide()
        self._tiles = QWidget()
        self._tile_grid = QGridLayout(self._tiles)
        self._tile_grid.setContentsMargins(0, 0, 12, 0)
        self._tile_grid.setSpacing(12)
        self._tile_group = QButtonGroup(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self._tiles)
        no_horizontal_scroll_bar(scroll)

        self._who = label("subtitle")
        self._message = label("error")
        self._message.hide()
        self.keypad = Keypad(masked=True, min_length=MIN_PIN_LENGTH, max_length=MAX_PIN_LENGTH)
        self.keypad.submitted.connect(self._pin_submitted)
        self.keypad.setEnabled(False)

        left = QVBoxLayout()
        left.setSpacing(12)
        left.addWidget(self._title)
        left.addWidget(self._hint)
        left.addWidget(self._notice)
        left.addWidget(self._message)
        left.addWidget(scroll, 1)
        right = QVBoxLayout()
        right.setSpacing(12)
        right.addWidget(self._who)
        right.addStretch(1)
        right.addWidget(self.keypad)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 16)
        layout.setSpacing(32)
        layout.addLayout(left, 5)
        layout.addLayout(right, 4)

        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_selected)
        self.retranslateUi()

    # --- backend -------------------------------------------------------------------------------
    def set_backend(self, backend: Backend) -> None:
        """The store is open: a PIN typed while it opened is checked now."""
        self._backend = backend
        waiting, self._waiting_pin = self._waiting_pin, None
        if waiting is not None:
            self._check_pin(backend, *waiting)

    # --- operators -----------------------------------------------------------------------------
    def entered(self) -> None:
        """Load the active operators (on the worker) and wait for a tap on a name.

        Before the store is open the shell has already given the operators of the first look.
        """
        if self._backend is None:
            return
        self._runner.db(self._backend.auth.operators).success(self.show_operators).owned_by(
            self
        ).run()

    def show_operators(self, operators: Sequence[OperatorEntry]) -> None:
        """One tile per active operator, Đ sorted next to D."""
        ordered = sorted(operators, key=lambda o: search_key(o.name))
        self._operators = ordered
        for tile in self._tile_group.buttons():
            self._tile_group.removeButton(tile)
            tile.deleteLater()
        for index, operator in enumerate(ordered):
            tile = Tile()
            tile.set_icon(icon("shield" if operator.role == "officer" else "user"))
            tile.setProperty("operator_id", operator.id)
            tile.clicked.connect(lambda _=False, op=operator: self.select(op))
            self._tile_group.addButton(tile)
            self._tile_grid.addWidget(tile, *divmod(index, TILE_COLUMNS))
            tile.show()  # the layout would show it only on the next event loop turn
        self._tile_grid.setRowStretch(len(operators) // TILE_COLUMNS + 1, 1)
        self._retranslate_tiles()
        if self._selected is not None and self._selected.id not in {o.id for o in operators}:
            self._reset_selection()
        self.operators_loaded.emit()

    def tile_for(self, name: str) -> QAbstractButton:
        """The tile of the operator called ``name`` (tests tap it)."""
        for tile in self._tile_group.buttons():
            operator = self._operator(tile)
            if operator is not None and operator.name == name:
                return tile
        raise LookupError("no tile with that name")

    def _operator(self, tile: QAbstractButton) -> OperatorEntry | None:
        operator_id = tile.property("operator_id")
        return next((o for o in self._operators if o.id == operator_id), None)

    def select(self, operator: OperatorEntry) -> None:
        """An operator tapped their name: the keypad is theirs now."""
        if self._busy:
            return
        self._selected = operator
        self._mode = "pin"
        self._pending_actor = None
        for tile in self._tile_group.buttons():
            tile.setChecked(tile.property("operator_id") == operator.id)
        self.keypad.clear()
        self.keypad.setEnabled(True)
        self.keypad.setFocus()
        show_message(self._message, "")
        self._show_selected()

    def _reset_selection(self) -> None:
        self._selected = None
        self._mode = "pin"
        self._pending_actor = None
        self._old_pin = self._new_pin = ""
        checked = self._tile_group.checkedButton()
        if checked is not None:
            self._tile_group.setExclusive(False)
            checked.setChecked(False)
            self._tile_group.setExclusive(True)
        self.keypad.clear()
        self.keypad.setEnabled(False)
        self._tick.stop()
        self.retranslateUi()

    # --- PIN -------------------------------------------------------------------------------------
    def _pin_submitted(self, pin: str) -> None:
        operator = self._selected
        if operator is None or self._busy or self._remaining(operator.id) > 0:
            return
        if self._mode == "new_pin":
            self._new_pin = pin
            self._mode = "confirm_new"
            self._show_selected()
            return
        if self._mode == "confirm_new":
            self._confirm_new_pin(pin)
            return
        self._busy = True
        self._old_pin = pin
        if self._backend is None:  # still opening: checked as soon as it is open
            self._waiting_pin = (operator.id, pin)
            return
        self._check_pin(self._backend, operator.id, pin)

    def _check_pin(self, backend: Backend, operator_id: str, pin: str) -> None:
        self._runner.db(backend.auth.sign_in, operator_id, pin).success(self._accepted).failure(
            self._refused
        ).owned_by(self).run()

    def _confirm_new_pin(self, pin: str) -> None:
        actor = self._pending_actor
        if actor is None:
            return
        if pin != self._new_pin:
            self._new_pin = ""
            self._mode = "new_pin"
            self._show_selected()
            show_message(
                self._message, self.tr("The two PINs were not the same. Please choose it again.")
            )
            return
        self._busy = True
        assert self._backend is not None  # there is an actor: the backend signed them in
        self._runner.db(_change_pin, self._backend, actor, self._old_pin, pin).success(
            self._accepted
        ).failure(self._refused).owned_by(self).run()

    def _accepted(self, actor: Actor) -> None:
        self._busy = False
        self.answered.emit()
        operator = self._selected
        if self._mode == "pin" and operator is not None and operator.must_change_pin:
            self._pending_actor = actor
            self._mode = "new_pin"
            self._show_selected()
            show_message(
                self._message, self.tr("Welcome! Please choose your own PIN now."), "notice"
            )
            return
        self.clear_personal_data()
        self.signed_in.emit(actor)

    def _refused(self, error: BaseException) -> None:
        self._busy = False
        self.answered.emit()
        operator = self._selected
        if isinstance(error, SignInLocked) and operator is not None:
            self._locked_until[operator.id] = time.monotonic() + error.seconds
            self._mode = "pin"
            self._show_selected()
            return
        if isinstance(error, WrongPin):
            text = self.tr(
                "That PIN is not right. %n more wrong try(s) and the sign-in is paused.",
                "",
                error.attempts_left,
            )
            self._mode = "pin"
        else:
            text = error_text(error)
            if self._mode != "pin":
                self._mode = "new_pin"
        self._show_selected()
        show_message(self._message, text)

    def _remaining(self, operator_id: str) -> int:
        deadline = self._locked_until.get(operator_id)
        if deadline is None:
            return 0
        left = int(deadline - time.monotonic() + 0.999)
        if left <= 0:
            del self._locked_until[operator_id]
            return 0
        return left

    def _show_selected(self) -> None:
        """The right-hand side for the selected operator, including a running lockout countdown."""
        operator = self._selected
        if operator is None:
            self.retranslateUi()
            return
        remaining = self._remaining(operator.id)
        if remaining:
            self._tick.start()
            self.keypad.setEnabled(False)
            show_message(self._message, paused_text(remaining))
        else:
            if self._tick.isActive():
                self._tick.stop()
                show_message(self._message, "")
            self.keypad.setEnabled(True)
        self.retranslateUi()

    def show_notice(self, text: str) -> None:
        """A calm message above the tiles (the idle lock says why the screen is locked)."""
        show_message(self._notice, text, "notice")

    # --- Screen ----------------------------------------------------------------------------------
    def clear_personal_data(self) -> None:
        """Forget PINs typed and the selection; the names of operators are not residents' data."""
        self._busy = False
        self._waiting_pin = None
        self._reset_selection()
        show_message(self._message, "")
        show_message(self._notice, "")

    def _retranslate_tiles(self) -> None:
        for tile in self._tile_group.buttons():
            operator = self._operator(tile)
            if operator is not None:
                role = self.tr("Officer") if operator.role == "officer" else self.tr("Volunteer")
                assert isinstance(tile, Tile)
                tile.set_texts(operator.name, role)

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        self._title.setText(self.tr("Sign in"))
        self._hint.setText(self.tr("Tap your name, then type your PIN."))
        operator = self._selected
        if operator is None:
            self._who.setText(self.tr("Nobody chosen yet"))
            self.keypad.set_placeholder(self.tr("Tap your name first"))
        elif self._mode == "new_pin":
            self._who.setText(arg(self.tr("%1: choose a new PIN"), operator.name))
            self.keypad.set_placeholder(
                arg(self.tr("New PIN, %1 to %2 digits"), MIN_PIN_LENGTH, MAX_PIN_LENGTH)
            )
        elif self._mode == "confirm_new":
            self._who.setText(arg(self.tr("%1: the new PIN once more"), operator.name))
            self.keypad.set_placeholder(self.tr("Type the new PIN again"))
        else:
            self._who.setText(arg(self.tr("%1, please type your PIN"), operator.name))
            self.keypad.set_placeholder(self.tr("PIN"))
        self._retranslate_tiles()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Tell the shell once the first frame is drawn."""
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_paint.emit()
