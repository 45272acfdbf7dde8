"""Officers only: add a volunteer (or officer), reset a volunteer's PIN, disable someone."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QHBoxLayout,
    QLineEdit,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import IntegrityError

from kiosk.domain.text import search_key
from kiosk.services.auth import OperatorInfo
from kiosk.services.base import Actor
from kiosk.services.pins import MAX_PIN_LENGTH, MIN_PIN_LENGTH, WeakPin
from kiosk.ui.backend import Backend
from kiosk.ui.errors import error_text
from kiosk.ui.i18n import arg
from kiosk.ui.resources import icon
from kiosk.ui.screens.base import Screen, button, card, column_page, label, show_message
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.widgets.choice import ChoiceRow
from kiosk.ui.widgets.keypad import Keypad
from kiosk.ui.widgets.osk import set_field_kind
from kiosk.ui.widgets.tile import Tile

PAGES = ("overview", "name", "pin", "confirm", "disable")


class OperatorsScreen(Screen):
    """The list of everyone who can sign in, and one action at a time on the right."""

    access = "officer"
    changed = Signal()
    """Something was saved (tests and the sign-in tiles wait on it)."""

    def __init__(
        self,
        backend: Backend,
        runner: TaskRunner,
        current_actor: Callable[[], Actor | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self._current_actor = current_actor
        self._operators: list[OperatorInfo] = []
        self._selected: OperatorInfo | None = None
        self._action = ""  # "add" or "reset" while the PIN pages are on show
        self._pin = ""

        self._title = label("title")
        self._list = QWidget()
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.setContentsMargins(0, 0, 12, 0)
        self._list_layout.setSpacing(10)
        self._list_layout.addStretch(1)
        self._group = QButtonGroup(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._list)
        self.add_button = button("primary", "plus")
        self.add_button.clicked.connect(self.start_adding)

        self._message = label("error")
        self._message.hide()
        self.pages = QStackedWidget()
        # overview of the selected person
        self._overview = label("subtitle")
        self.reset_button = button(None, "key")
        self.reset_button.clicked.connect(self._start_reset)
        self.disable_button = button("danger", "ban")
        self.disable_button.clicked.connect(lambda: self._show_page("disable"))
        self.pages.addWidget(column_page(self._overview, self.reset_button, self.disable_button))
        # adding: name and role
        self.name_field = QLineEdit()
        set_field_kind(self.name_field, "name")
        self.name_field.setMaxLength(100)
        self.name_field.returnPressed.connect(self._name_entered)
        self.role_choice = ChoiceRow(("volunteer", "officer"))
        self.role_choice.set_value("volunteer")
        self._name_next = button("primary", "check")
        self._name_next.clicked.connect(self._name_entered)
        self.pages.addWidget(column_page(self.name_field, self.role_choice, self._name_next))
        # the first (or reset) PIN, twice
        self.pin_pad = Keypad(masked=True, min_length=MIN_PIN_LENGTH, max_length=MAX_PIN_LENGTH)
        self.pin_pad.submitted.connect(self._pin_entered)
        self.confirm_pad = Keypad(masked=True, min_length=MIN_PIN_LENGTH, max_length=MAX_PIN_LENGTH)
        self.confirm_pad.submitted.connect(self._pin_confirmed)
        self.pages.addWidget(self.pin_pad)
        self.pages.addWidget(self.confirm_pad)
        # disabling: say what it means, then confirm
        disable_card, disable_layout = card()
        self._disable_text = label()
        disable_layout.addWidget(self._disable_text)
        self.confirm_disable_button = button("danger", "ban")
        self.confirm_disable_button.clicked.connect(self._disable)
        self.pages.addWidget(column_page(disable_card, self.confirm_disable_button))

        self._page_title = label("subtitle")
        self.cancel_button = button(None, "back")
        self.cancel_button.clicked.connect(self._cancel)

        left = QVBoxLayout()
        left.setSpacing(12)
        left.addWidget(self._title)
        left.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        left.addWidget(self._message)
        left.addWidget(scroll, 1)
        heading = QHBoxLayout()
        heading.setSpacing(12)
        heading.addWidget(self._page_title, 1)
        heading.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignTop)
        right = QVBoxLayout()
        right.setSpacing(12)
        right.addLayout(heading)
        right.addWidget(self.pages, 1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(32, 16, 32, 16)
        layout.setSpacing(32)
        layout.addLayout(left, 5)
        layout.addLayout(right, 4)
        self._show_page("overview")

    def page(self) -> str:
        """The right-hand page on show (tests use it)."""
        return PAGES[self.pages.currentIndex()]

    def _show_page(self, page: str) -> None:
        show_message(self._message, "")
        self.pages.setCurrentIndex(PAGES.index(page))
        if page == "pin":
            self.pin_pad.clear()
            self.pin_pad.setFocus()
        elif page == "confirm":
            self.confirm_pad.clear()
            self.confirm_pad.setFocus()
        elif page == "name":
            self.name_field.setFocus()
        self.retranslateUi()

    # --- the list ------------------------------------------------------------------------------
    def entered(self) -> None:
        """Load everyone, disabled people included (on the worker)."""
        self._cancel()
        self.reload()

    def reload(self) -> None:
        """Fetch the operators again."""
        self._runner.db(self._backend.auth.operators, include_disabled=True).success(
            self._show_operators
        ).owned_by(self).run()

    def _show_operators(self, operators: list[OperatorInfo]) -> None:
        operators = sorted(operators, key=lambda o: search_key(o.name))  # Đ next to D
        self._operators = operators
        for tile in self._group.buttons():
            self._group.removeButton(tile)
            tile.deleteLater()
        for index, operator in enumerate(operators):
            tile = Tile()
            kind = "shield" if operator.role == "officer" else "user"
            tile.set_icon(icon(kind if operator.active else "ban"))
            tile.clicked.connect(lambda _=False, op=operator: self.select(op))
            self._group.addButton(tile, index)
            self._list_layout.insertWidget(index, tile)
            tile.show()  # the layout would show it only on the next event loop turn
        if self._selected is not None:
            self._selected = next((o for o in operators if o.id == self._selected.id), None)
        self.retranslateUi()

    def tile_for(self, name: str) -> QAbstractButton:
        """The tile of the operator called ``name`` (tests tap it)."""
        for index, operator in enumerate(self._operators):
            if operator.name == name:
                return self._group.button(index)
        raise LookupError("no tile with that name")

    def select(self, operator: OperatorInfo) -> None:
        """Show what can be done for ``operator``."""
        self._selected = operator
        self._show_page("overview")

    # --- actions -------------------------------------------------------------------------------
    def start_adding(self) -> None:
        """Begin adding someone: name and role, then the first PIN twice."""
        self._action = "add"
        self.name_field.clear()
        self.role_choice.set_value("volunteer")
        self._show_page("name")

    def _start_reset(self) -> None:
        if self._selected is not None:
            self._action = "reset"
            self._show_page("pin")

    def _cancel(self) -> None:
        self._action = ""
        self._pin = ""
        self.pin_pad.clear()
        self.confirm_pad.clear()
        self._show_page("overview")

    def _name_entered(self) -> None:
        if not " ".join(self.name_field.text().split()):
            show_message(self._message, self.tr("Please type the person's full name."))
            return
        self._show_page("pin")

    def _pin_entered(self, pin: str) -> None:
        self._pin = pin
        self._show_page("confirm")

    def _pin_confirmed(self, pin: str) -> None:
        if pin != self._pin:
            self._pin = ""
            self._show_page("pin")
            show_message(
                self._message, self.tr("The two PINs were not the same. Please choose it again.")
            )
            return
        self._pin = ""
        actor = self._current_actor()
        if actor is None:
            return
        auth = self._backend.auth
        if self._action == "add":
            name = " ".join(self.name_field.text().split())
            role = self.role_choice.value() or "volunteer"
            self._runner.db(auth.create_operator, actor, name, role, pin).success(
                self._saved
            ).failure(self._failed).owned_by(self).run()
        elif self._action == "reset" and self._selected is not None:
            self._runner.db(auth.reset_pin, actor, self._selected.id, pin).success(
                self._saved
            ).failure(self._failed).owned_by(self).run()

    def _disable(self) -> None:
        actor = self._current_actor()
        if actor is None or self._selected is None:
            return
        self._runner.db(self._backend.auth.disable_operator, actor, self._selected.id).success(
            self._saved
        ).failure(self._failed).owned_by(self).run()

    def _saved(self, result: object) -> None:
        done = self._action
        if isinstance(result, OperatorInfo):
            self._selected = result
        self._cancel()
        if done == "add":
            notice = self.tr("Added. They sign in with this PIN and then choose their own.")
        elif done == "reset":
            notice = self.tr("The PIN was reset. They choose a new one at their next sign-in.")
        else:
            notice = self.tr("Done. This person can no longer sign in.")
        show_message(self._message, notice, "notice")
        self.reload()
        self.changed.emit()

    def _failed(self, error: BaseException) -> None:
        if self.page() == "disable":
            page = "overview"
        elif isinstance(error, WeakPin) or self._action != "add":
            page = "pin"
        else:
            page = "name"  # a name already on the list, or not a usable name
        self._show_page(page)
        if isinstance(error, IntegrityError):
            text = self.tr(
                "Someone with this name is already on the list. Add something to tell them apart."
            )
        else:
            text = error_text(error)
        show_message(self._message, text)

    # --- Screen ----------------------------------------------------------------------------------
    def clear_personal_data(self) -> None:
        """Forget the selection, the name being typed and any PIN."""
        self._selected = None
        self._cancel()
        self.name_field.clear()

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        self._title.setText(self.tr("Volunteers and officers"))
        self.add_button.setText(self.tr("Add a person"))
        for index, operator in enumerate(self._operators):
            tile = self._group.button(index)
            if tile is None:
                continue
            if not operator.active:
                state = self.tr("Can no longer sign in")
            elif operator.role == "officer":
                state = self.tr("Officer")
            else:
                state = self.tr("Volunteer")
            assert isinstance(tile, Tile)
            tile.set_texts(operator.name, state)
            tile.setChecked(self._selected is not None and operator.id == self._selected.id)
        selected = self._selected
        actor = self._current_actor()
        page = self.page()
        titles = {
            "overview": selected.name if selected else self.tr("Tap a name to see what you can do"),
            "name": self.tr("Add a person: name and role"),
            "pin": self.tr("Choose their first PIN")
            if self._action == "add"
            else self.tr("Choose their new PIN"),
            "confirm": self.tr("Type the same PIN once more"),
            "disable": self.tr("Stop this person from signing in?"),
        }
        self._page_title.setText(titles[page])
        if selected is None:
            self._overview.setText("")
        elif not selected.active:
            self._overview.setText(self.tr("This person can no longer sign in."))
        elif selected.role == "officer":
            self._overview.setText(self.tr("Officer"))
        else:
            self._overview.setText(self.tr("Volunteer"))
        self._overview.setVisible(selected is not None)
        can_reset = selected is not None and selected.active and selected.role == "volunteer"
        self.reset_button.setVisible(can_reset)
        self.reset_button.setText(self.tr("Reset PIN"))
        can_disable = (
            selected is not None
            and selected.active
            and (actor is None or selected.id != actor.operator_id)
        )
        self.disable_button.setVisible(can_disable)
        self.disable_button.setText(self.tr("Stop sign-in"))
        self.name_field.setPlaceholderText(self.tr("Full name"))
        self.role_choice.set_labels([self.tr("Volunteer"), self.tr("Officer")])
        self._name_next.setText(self.tr("Continue"))
        self.pin_pad.set_placeholder(
            arg(self.tr("%1 to %2 digits"), MIN_PIN_LENGTH, MAX_PIN_LENGTH)
        )
        self.confirm_pad.set_placeholder(self.tr("The same PIN again"))
        if selected is not None:
            self._disable_text.setText(
                arg(
                    self.tr(
                        "%1 will no longer be able to sign in. What they recorded stays. "
                        "This cannot be undone here."
                    ),
                    selected.name,
                )
            )
        self.confirm_disable_button.setText(self.tr("Yes, stop sign-in"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setVisible(page != "overview")
