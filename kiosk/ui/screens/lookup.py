"""Look-up (both roles): a resident by ID number, by name and birth year, by plate, by licence number;
a visit by the reference code on its receipt.

Each search uses the touch input that fits it: the digit keypad (checked digit by digit against the
ID number's rules), the on-screen keyboard for names, the plate keypad. Results are rows big enough
to touch, with the ID masked (DESIGN.md §6), the address and the residential group; a row opens the
resident. An ID number typed in full opens the resident straight away (``source: manual``). A
reference code found here is handed on at once (``receipt_found``): the window shows its receipt.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from kiosk.domain.errors import DomainError
from kiosk.domain.identity import check_id_prefix
from kiosk.domain.masking import mask_id_number
from kiosk.domain.payload import parse_reference
from kiosk.services.base import Actor
from kiosk.store.errors import NotFound
from kiosk.store.lookups import Holder, ResidentRecord
from kiosk.ui.backend import Backend
from kiosk.ui.errors import domain_error_text, error_text, is_known_fault
from kiosk.ui.i18n import arg
from kiosk.ui.resources import icon
from kiosk.ui.screens.base import Screen, button, column_page, label, scrolling, show_message
from kiosk.ui.tasks import TaskRunner, log_task_error
from kiosk.ui.widgets.choice import ChoiceRow
from kiosk.ui.widgets.keypad import Keypad
from kiosk.ui.widgets.osk import set_field_kind
from kiosk.ui.widgets.plate_pad import PlateKeypad
from kiosk.ui.widgets.tile import Tile

Mode = Literal["id", "name", "plate", "licence", "reference"]
MODES: tuple[Mode, ...] = ("id", "name", "plate", "licence", "reference")
MAX_ROWS = 50
REFERENCE_MAX_LENGTH = 9
"""``XXXX-XXXX``; the dash may be left out, or a space typed instead."""


class LookupScreen(Screen):
    """Four ways to find a resident, whose result opens their page; and a visit by its code."""

    access = "operator"
    open_resident = Signal(str)
    """A full ID number to open (typed in full, or a result row tapped)."""
    results_shown = Signal(int)
    receipt_found = Signal(object)
    """The ``SubmissionRecord`` of the visit whose reference code was typed (its receipt to show;
    a purged one's ``payload`` is None)."""

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
        self.result_tiles: list[Tile] = []

        self._title = label("title")
        self.mode_choice = ChoiceRow(MODES)
        self.mode_choice.chosen.connect(self.set_mode)
        self._message = label("error")
        self._message.hide()

        self.id_pad = Keypad(min_length=12, max_length=12)
        self.id_pad.changed.connect(self._id_changed)
        self.id_pad.submitted.connect(self.open_resident)
        self.name_field = QLineEdit()
        set_field_kind(self.name_field, "name")
        self.name_field.setMaxLength(100)
        self.year_field = QLineEdit()
        set_field_kind(self.year_field, "latin")
        self.year_field.setMaxLength(4)
        self.year_field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.name_search = button("primary", "check")
        self.name_search.clicked.connect(self._search_name)
        self.name_field.returnPressed.connect(self._search_name)
        self.year_field.returnPressed.connect(self._search_name)
        self.plate_pad = PlateKeypad()
        self.plate_pad.submitted.connect(self._search_plate)
        self.licence_field = QLineEdit()
        set_field_kind(self.licence_field, "latin")
        self.licence_field.setMaxLength(20)
        self.licence_search = button("primary", "check")
        self.licence_search.clicked.connect(self._search_licence)
        self.licence_field.returnPressed.connect(self._search_licence)
        self.reference_field = QLineEdit()
        set_field_kind(self.reference_field, "latin")
        self.reference_field.setMaxLength(REFERENCE_MAX_LENGTH)
        self.reference_field.setInputMethodHints(
            Qt.InputMethodHint.ImhUppercaseOnly | Qt.InputMethodHint.ImhNoPredictiveText
        )
        self.reference_field.returnPressed.connect(self._search_reference)
        self.reference_message = label("error")
        self.reference_message.hide()
        self.reference_search = button("primary", "check")
        self.reference_search.clicked.connect(self._search_reference)
        self.pages = QStackedWidget()
        for page in (
            column_page(self.id_pad),
            column_page(self.name_field, self.year_field, self.name_search),
            column_page(self.plate_pad),
            column_page(self.licence_field, self.licence_search),
            column_page(self.reference_field, self.reference_message, self.reference_search),
        ):
            self.pages.addWidget(page)

        # the results replace the search (full width: rows big enough to touch); "Search again"
        self._results_title = label("subtitle")
        self.again_button = button(None, "back")
        self.again_button.clicked.connect(lambda: self.set_mode(self.mode()))
        rows = QWidget()
        self._results = QVBoxLayout(rows)
        self._results.setContentsMargins(0, 0, 8, 0)
        self._results.setSpacing(10)
        self._results.addStretch(1)
        heading = QHBoxLayout()
        heading.addWidget(self._results_title, 1)
        heading.addWidget(self.again_button)
        results_page = QWidget()
        results = QVBoxLayout(results_page)
        results.setContentsMargins(0, 0, 0, 0)
        results.setSpacing(10)
        results.addLayout(heading)
        results.addWidget(scrolling(rows), 1)
        self.pages.addWidget(results_page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 16, 40, 16)
        layout.setSpacing(12)
        layout.addWidget(self._title)
        layout.addWidget(self.mode_choice)
        layout.addWidget(self._message)
        layout.addWidget(scrolling(self.pages), 1)  # the plate keypad at the largest text size
        self.set_mode("id")
        self.retranslateUi()

    # --- modes -----------------------------------------------------------------------------------
    def set_mode(self, mode: Mode) -> None:
        """Search by ``mode``; the input that fits it takes the focus."""
        self.mode_choice.set_value(mode)
        self.pages.setCurrentIndex(MODES.index(mode))
        show_message(self._message, "")
        show_message(self.reference_message, "")
        self._title.setText(self._title_text())
        focus = {
            "id": self.id_pad,
            "name": self.name_field,
            "plate": self.plate_pad,
            "licence": self.licence_field,
            "reference": self.reference_field,
        }[mode]
        focus.setFocus()

    def mode(self) -> Mode:
        """The search chosen (its results may be on show)."""
        chosen = self.mode_choice.value()
        return chosen if chosen in MODES else "id"

    def _id_changed(self, digits: str) -> None:
        """Each digit is checked as it arrives: a wrong province or birth year shows at once."""
        code = check_id_prefix(digits)
        show_message(self._message, domain_error_text(code) if code else "")

    # --- searches --------------------------------------------------------------------------------
    def _actor(self) -> Actor | None:
        return self._current_actor()

    def _search_name(self) -> None:
        actor = self._actor()
        name = " ".join(self.name_field.text().split())
        year_text = self.year_field.text().strip()
        if actor is None:
            return
        if not name:
            show_message(self._message, self.tr("Type at least the start of the name."))
            return
        year = int(year_text) if year_text.isdigit() and len(year_text) == 4 else None
        if year_text and year is None:
            show_message(self._message, self.tr("The birth year has four digits, e.g. 1958."))
            return
        show_message(self._message, "")
        self._runner.db(
            self._backend.lookup.residents_by_name, actor, name, birth_year=year, limit=MAX_ROWS
        ).success(self._show_residents).failure(self._failed).owned_by(self).run()

    def _search_plate(self, plate: str) -> None:
        actor = self._actor()
        if actor is not None:
            self._runner.db(self._backend.lookup.vehicle_by_plate, actor, plate).success(
                lambda hits: self._show_holders([holder for _, holder in hits])
            ).failure(self._failed).owned_by(self).run()

    def _search_licence(self) -> None:
        actor = self._actor()
        number = "".join(self.licence_field.text().split())
        if actor is None:
            return
        if not number:
            show_message(self._message, self.tr("Type the licence number."))
            return
        show_message(self._message, "")
        self._runner.db(self._backend.lookup.licence_by_number, actor, number).success(
            lambda hits: self._show_holders([holder for _, holder in hits])
        ).failure(self._failed).owned_by(self).run()

    def _failed(self, error: BaseException) -> None:
        show_message(self._message, error_text(error))

    def _search_reference(self) -> None:
        """The code's shape is checked here at once; the service checks it again and looks it up."""
        actor = self._actor()
        text = self.reference_field.text()
        if actor is None:
            return
        try:
            code = parse_reference(text)
        except DomainError as error:
            show_message(self.reference_message, domain_error_text(error.code))
            return
        show_message(self.reference_message, "")
        self._runner.db(self._backend.capture.find_by_reference, actor, text).success(
            self._reference_found
        ).failure(lambda error: self._reference_failed(code, error)).owned_by(self).run()

    def _reference_found(self, record: object) -> None:
        show_message(self.reference_message, "")
        self.receipt_found.emit(record)

    def _reference_failed(self, code: str, error: BaseException) -> None:
        if isinstance(error, NotFound):
            text = arg(
                self.tr(
                    "No visit with the code %1 was found on this kiosk. If it was made at another "
                    "kiosk, the ward's server may have it: ask an officer."
                ),
                code,
            )
        elif isinstance(error, DomainError):
            text = domain_error_text(error.code)
        else:
            if not is_known_fault(error):
                log_task_error(error)
            text = error_text(error)
        show_message(self.reference_message, text)

    # --- results ---------------------------------------------------------------------------------
    def _show_residents(self, residents: Sequence[ResidentRecord]) -> None:
        rows = [
            (r.id_number, r.full_name, r.birth_date.year, r.address, r.residential_group)
            for r in residents
        ]
        self._show_rows(rows)

    def _show_holders(self, holders: Sequence[Holder]) -> None:
        seen: dict[str, Holder] = {}
        for holder in holders:  # one row per person, however many of their records matched
            seen.setdefault(holder.id_number, holder)
        rows = [
            (h.id_number, h.full_name, h.birth_date.year, h.address, h.residential_group)
            for h in seen.values()
        ]
        self._show_rows(rows)

    def _show_rows(self, rows: Sequence[tuple[str, str, int, str | None, str | None]]) -> None:
        self._clear_results()
        for id_number, name, year, address, group in rows[:MAX_ROWS]:
            tile = Tile()
            tile.setCheckable(False)
            tile.set_icon(icon("user"))
            place = " · ".join(p for p in (address, group) if p)
            tile.set_texts(
                arg(self.tr("%1 (born %2)"), name, year),
                f"{mask_id_number(id_number)} · {place}" if place else mask_id_number(id_number),
            )
            tile.clicked.connect(lambda _=False, i=id_number: self.open_resident.emit(i))
            self._results.insertWidget(self._results.count() - 1, tile)
            self.result_tiles.append(tile)
        self._results_title.setText(
            self.tr("%n resident(s) found", "", len(rows)) if rows else self.tr("Nobody found.")
        )
        self.pages.setCurrentIndex(len(MODES))
        self.results_shown.emit(len(rows))

    def _clear_results(self) -> None:
        for tile in self.result_tiles:
            self._results.removeWidget(tile)
            tile.deleteLater()
        self.result_tiles.clear()
        self._results_title.setText("")

    # --- Screen ----------------------------------------------------------------------------------
    def entered(self) -> None:
        """The input of the current search takes the focus."""
        self.set_mode(self.mode())

    def clear_personal_data(self) -> None:
        """Names, numbers and results typed or found are forgotten."""
        self._clear_results()
        self.id_pad.clear()
        self.plate_pad.clear()
        for field in (self.name_field, self.year_field, self.licence_field, self.reference_field):
            field.clear()
        show_message(self._message, "")
        self.set_mode("id")

    def _title_text(self) -> str:
        if self.mode() == "reference":
            return self.tr("Find a visit by its reference code")
        return self.tr("Find a resident")

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        self._title.setText(self._title_text())
        self.mode_choice.set_labels(
            [
                self.tr("ID number"),
                self.tr("Name"),
                self.tr("Plate"),
                self.tr("Licence"),
                self.tr("Reference code"),
            ]
        )
        self.id_pad.set_placeholder(self.tr("12-digit ID number"))
        self.name_field.setPlaceholderText(self.tr("Full name (marks not needed)"))
        self.year_field.setPlaceholderText(self.tr("Birth year (if known)"))
        self.name_search.setText(self.tr("Search"))
        self.licence_field.setPlaceholderText(self.tr("Licence number"))
        self.licence_search.setText(self.tr("Search"))
        self.reference_field.setPlaceholderText(self.tr("Code on the receipt, e.g. K7QM-4M2X"))
        self.reference_search.setText(self.tr("Search"))
        self.again_button.setText(self.tr("Search again"))
