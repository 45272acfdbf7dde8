"""Officers only: language, text size, idle-lock time, training mode, the receipt printer and its
paper, the community house's name, the intake server and (re-)enrolment, the ward's roster from a
USB stick; leaving kiosk mode."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.base import Actor
from kiosk.services.pins import MAX_PIN_LENGTH, MIN_PIN_LENGTH
from kiosk.services.station import NAME_MAX, StationInfo, clean_station_name
from kiosk.sync.enrol import Enrolled
from kiosk.ui.backend import Backend
from kiosk.ui.errors import error_text
from kiosk.ui.i18n import LANGUAGE_NAMES, LANGUAGES, arg, duration_text
from kiosk.ui.preferences import IDLE_CHOICES, INPUT_METHODS, Preferences
from kiosk.ui.screens.base import (
    Screen,
    button,
    card,
    column_page,
    label,
    scrolling,
    show_message,
)
from kiosk.ui.tasks import TaskRunner, log_task_error
from kiosk.ui.theme import TEXT_SCALES
from kiosk.ui.widgets.choice import ChoiceRow
from kiosk.ui.widgets.enrol_form import EnrolForm, enrol_error_text, enrolled_text
from kiosk.ui.widgets.keypad import Keypad
from kiosk.ui.widgets.osk import set_field_kind
from kiosk.ui.widgets.printer_choice import PrinterChoice
from kiosk.ui.widgets.roster_import import RosterImportPanel

ENROL_PAGE = 2
ROSTER_PAGE = 3


def _side_page(
    hint: QLabel, back: QPushButton, right: QWidget, stretch: tuple[int, int]
) -> QWidget:
    """A page beside the settings: what to do and Back on the left, the task on the right."""
    page = QWidget()
    layout = QHBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(40)
    left = QVBoxLayout()
    left.addWidget(hint)
    left.addStretch(1)
    left.addWidget(back, 0, Qt.AlignmentFlag.AlignLeft)
    layout.addLayout(left, stretch[0])
    layout.addWidget(right, stretch[1])
    return page


class SettingsScreen(Screen):
    """Each setting is a row of big buttons and takes effect on the tap, without a restart."""

    access = "officer"
    preferences_changed = Signal(object)
    training_changed = Signal(bool)
    exit_requested = Signal()
    enrolled = Signal()
    """The station enrolled (again) with a server: sync starts over with it."""

    def __init__(
        self,
        backend: Backend,
        runner: TaskRunner,
        current_actor: Callable[[], Actor | None],
        preferences: Preferences,
        parent: QWidget | None = None,
        *,
        kiosk_mode: bool = False,
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self._current_actor = current_actor
        self._preferences = preferences
        self._kiosk_mode = kiosk_mode
        self._info: StationInfo | None = None

        self._title = label("title")
        self._message = label("error")
        self._message.hide()

        self._language_title = label("subtitle")
        self.language_choice = ChoiceRow(LANGUAGES)
        self.language_choice.set_labels([LANGUAGE_NAMES[code] for code in LANGUAGES])
        self.language_choice.chosen.connect(lambda v: self._change(language=v))
        self._text_title = label("subtitle")
        self.text_choice = ChoiceRow(tuple(TEXT_SCALES))
        self.text_choice.chosen.connect(lambda v: self._change(text_size=v))
        self._idle_title = label("subtitle")
        self.idle_choice = ChoiceRow(IDLE_CHOICES, columns=2)  # "1 phút 30 giây" is long
        self.idle_choice.chosen.connect(lambda v: self._change(idle_lock_seconds=v))
        self._training_title = label("subtitle")
        self.training_choice = ChoiceRow((True, False))
        self.training_choice.chosen.connect(self._set_training)
        self._keyboard_title = label("subtitle")
        self.keyboard_choice = ChoiceRow(("on", "off"))
        self.keyboard_choice.chosen.connect(lambda v: self._change(keyboard=v))
        self._method_title = label("subtitle")
        self.method_choice = ChoiceRow(INPUT_METHODS)
        self.method_choice.chosen.connect(lambda v: self._change(input_method=v))
        self.printer_card = PrinterChoice()
        self.printer_card.printer_chosen.connect(lambda v: self._change(printer=v))
        self.printer_card.paper_chosen.connect(lambda v: self._change(paper=v))
        self._station_text = label("hint")
        self.exit_button = button("danger", "power")
        self.exit_button.clicked.connect(self._ask_exit_pin)
        self.exit_button.setVisible(kiosk_mode)

        grid = QHBoxLayout()
        grid.setSpacing(40)
        shown = (self._language_title, self.language_choice, self._text_title, self.text_choice)
        typing = (
            self._keyboard_title,
            self.keyboard_choice,
            self._method_title,
            self.method_choice,
        )
        for widgets in (
            (*shown, *typing),
            (
                self._training_title,
                self.training_choice,
                self._idle_title,
                self.idle_choice,
                self.printer_card,
            ),
        ):
            column = QVBoxLayout()
            column.setSpacing(10)
            for index, widget in enumerate(widgets):
                if index and index % 2 == 0:
                    column.addSpacing(14)
                column.addWidget(widget)
            column.addStretch(1)
            grid.addLayout(column, 1)
        self.enrol_button = button(None, "globe")
        self.enrol_button.clicked.connect(self._ask_enrolment)
        # the community house's name, printed on every receipt
        self._house_caption = label("subtitle")
        self.house_field = QLineEdit()
        set_field_kind(self.house_field, "text")
        self.house_field.setMaxLength(NAME_MAX)
        self.house_field.returnPressed.connect(self._save_name)
        self.house_save = button(None, "check")
        self.house_save.clicked.connect(self._save_name)
        house_row = QHBoxLayout()
        house_row.setSpacing(20)
        house_row.addWidget(self.house_field, 1)
        house_row.addWidget(self.house_save)
        station_card, station_layout = card()
        station_layout.addWidget(self._house_caption)
        station_layout.addLayout(house_row)
        station_layout.addSpacing(8)
        station_row = QHBoxLayout()
        station_row.setSpacing(20)
        station_row.addWidget(self._station_text, 1)
        station_row.addWidget(self.enrol_button, 0, Qt.AlignmentFlag.AlignVCenter)
        station_layout.addLayout(station_row)
        # a ward without network for days: its roster on a USB stick, signed by its server
        self.roster_button = button(None, "users")
        self.roster_button.clicked.connect(self._ask_roster_import)
        station_layout.addWidget(self.roster_button, 0, Qt.AlignmentFlag.AlignLeft)
        bottom = QHBoxLayout()
        bottom.setSpacing(20)
        bottom.addWidget(station_card, 1)
        bottom.addWidget(self.exit_button, 0, Qt.AlignmentFlag.AlignBottom)
        main_page = QWidget()
        main = QVBoxLayout(main_page)
        main.setContentsMargins(0, 0, 0, 0)
        main.setSpacing(20)
        main.addLayout(grid)
        main.addStretch(1)
        main.addLayout(bottom)

        # leaving kiosk mode: the officer's PIN once more
        self._exit_hint = label("subtitle")
        self.exit_pad = Keypad(masked=True, min_length=MIN_PIN_LENGTH, max_length=MAX_PIN_LENGTH)
        self.exit_pad.submitted.connect(self._exit_pin_entered)
        self._exit_cancel = button(None, "back")
        self._exit_cancel.clicked.connect(self._cancel_exit)
        exit_page = _side_page(self._exit_hint, self._exit_cancel, self.exit_pad, (5, 4))

        # enrolling (again) with the ward's server: address and the one-time code
        self._enrol_hint = label("subtitle")
        self.enrol_form = EnrolForm()
        self.enrol_submit = button("primary", "check")
        self.enrol_submit.clicked.connect(self._enrol)
        self._enrol_cancel = button(None, "back")
        self._enrol_cancel.clicked.connect(self._back_to_settings)
        enrol_page = _side_page(
            self._enrol_hint,
            self._enrol_cancel,
            column_page(self.enrol_form, self.enrol_submit, spacing=20),
            (4, 5),
        )

        # the roster from a USB stick: the files found, then the import's progress
        self._roster_hint = label("subtitle")
        self.roster_panel = RosterImportPanel(backend, runner, current_actor)
        self._roster_back = button(None, "back")
        self._roster_back.clicked.connect(self._back_to_settings)
        roster_page = _side_page(
            self._roster_hint, self._roster_back, scrolling(self.roster_panel), (4, 5)
        )

        self.pages = QStackedWidget()
        self.pages.addWidget(scrolling(main_page))
        self.pages.addWidget(exit_page)
        self.pages.addWidget(enrol_page)
        self.pages.addWidget(roster_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 20, 40, 20)
        layout.setSpacing(12)
        layout.addWidget(self._title)
        layout.addWidget(self._message)
        layout.addWidget(self.pages, 1)
        self.retranslateUi()

    # --- settings ------------------------------------------------------------------------------
    def entered(self) -> None:
        """Show the current values; the station's state comes from the database."""
        self.pages.setCurrentIndex(0)
        show_message(self._message, "")
        self._show_preferences()
        self._runner.db(self._backend.station.info).success(self._show_info).owned_by(self).run()
        from kiosk.ui.printing import printers  # QtPrintSupport: loaded when first needed

        self._runner.net(printers).success(
            lambda found: self.printer_card.show_printers(found.names, found.default)
        ).failure(self._printers_failed).owned_by(self).run()

    def _printers_failed(self, error: BaseException) -> None:
        log_task_error(error)
        self.printer_card.show_printers((), None)

    def set_preferences(self, preferences: Preferences) -> None:
        """The values in force (the shell tells the screen after applying them)."""
        self._preferences = preferences
        self._show_preferences()

    def _show_preferences(self) -> None:
        self.language_choice.set_value(self._preferences.language)
        self.text_choice.set_value(self._preferences.text_size)
        self.idle_choice.set_value(self._preferences.idle_lock_seconds)
        on = self._preferences.keyboard_on(self._kiosk_mode)
        self.keyboard_choice.set_value("on" if on else "off")
        self.method_choice.set_value(self._preferences.input_method)
        self.printer_card.set_values(self._preferences.printer, self._preferences.paper)

    def _show_info(self, info: StationInfo) -> None:
        self._info = info
        self.training_choice.set_value(info.training)
        self.house_field.setText(info.name)
        self.retranslateUi()

    # --- the community house's name ----------------------------------------------------------
    def _save_name(self) -> None:
        actor = self._current_actor()
        if actor is None or not self.house_save.isEnabled():
            return
        name = self.house_field.text()
        try:
            clean_station_name(name)
        except ValueError:
            show_message(self._message, self.tr("Please type the name of the community house."))
            return
        self.house_save.setEnabled(False)
        self._runner.db(self._backend.station.set_name, actor, name).success(
            self._name_saved
        ).failure(self._name_failed).owned_by(self).run()

    def _name_saved(self, name: str) -> None:
        self.house_save.setEnabled(True)
        self.house_field.setText(name)
        if self._info is not None:
            self._info = dataclasses.replace(self._info, name=name)
        show_message(self._message, self.tr("The community house's name is saved."), "notice")

    def _name_failed(self, error: BaseException) -> None:
        self.house_save.setEnabled(True)
        show_message(self._message, error_text(error))

    def _change(self, **changes: object) -> None:
        self._preferences = self._preferences.with_changes(**changes)
        self.preferences_changed.emit(self._preferences)

    def _set_training(self, on: bool) -> None:
        actor = self._current_actor()
        if actor is None:
            return
        self._runner.db(self._backend.station.set_training, actor, on).success(
            self._training_set
        ).failure(self._failed).owned_by(self).run()

    def _training_set(self, on: bool) -> None:
        if self._info is not None:
            self._info = dataclasses.replace(self._info, training=on)
        self.training_changed.emit(on)
        self.retranslateUi()

    def _failed(self, error: BaseException) -> None:
        if self._info is not None:
            self.training_choice.set_value(self._info.training)
        show_message(self._message, error_text(error))

    # --- leaving kiosk mode ----------------------------------------------------------------------
    def _ask_exit_pin(self) -> None:
        show_message(self._message, "")
        self.exit_pad.clear()
        self.pages.setCurrentIndex(1)
        self.exit_pad.setFocus()

    def _cancel_exit(self) -> None:
        self.exit_pad.clear()
        self.pages.setCurrentIndex(0)

    # --- the intake server ----------------------------------------------------------------------
    def _ask_enrolment(self) -> None:
        show_message(self._message, "")
        self.enrol_form.set_server(None if self._info is None else self._info.server_url)
        self.enrol_form.clear_code()
        self.pages.setCurrentIndex(ENROL_PAGE)
        self.enrol_form.server_field.setFocus()

    def _back_to_settings(self) -> None:
        self.enrol_form.clear_code()
        self.enrol_submit.setEnabled(True)
        self.pages.setCurrentIndex(0)

    def _enrol(self) -> None:
        actor = self._current_actor()
        values = self.enrol_form.values()
        if actor is None:
            return
        if values is None:
            show_message(self._message, self.enrol_form.missing_text())
            return
        self.enrol_submit.setEnabled(False)
        show_message(self._message, self.tr("Contacting the ward's server…"), "notice")
        name = None if self._info is None else self._info.name  # enrolling keeps the house's name
        self._runner.net(self._backend.enrol, *values, actor, name).success(self._enrolled).failure(
            self._enrol_failed
        ).owned_by(self).run()

    def _enrolled(self, enrolled: Enrolled) -> None:
        self._back_to_settings()
        show_message(self._message, enrolled_text(enrolled), "notice")
        self.enrolled.emit()
        self._runner.db(self._backend.station.info).success(self._show_info).owned_by(self).run()

    def _enrol_failed(self, error: BaseException) -> None:
        self.enrol_submit.setEnabled(True)
        show_message(self._message, enrol_error_text(error))

    # --- the roster from a USB stick -------------------------------------------------------------
    def _ask_roster_import(self) -> None:
        show_message(self._message, "")
        self.pages.setCurrentIndex(ROSTER_PAGE)
        self.roster_panel.shown()

    def _exit_pin_entered(self, pin: str) -> None:
        actor = self._current_actor()
        if actor is None or not actor.is_officer:
            return
        self._runner.db(self._backend.auth.sign_in, actor.operator_id, pin).success(
            lambda _actor: self.exit_requested.emit()
        ).failure(self._failed).owned_by(self).run()

    # --- Screen ----------------------------------------------------------------------------------
    def clear_personal_data(self) -> None:
        """No resident data here; a PIN or an enrolment code being typed is forgotten."""
        self._cancel_exit()
        self._back_to_settings()
        show_message(self._message, "")

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        self._title.setText(self.tr("Settings"))
        self._language_title.setText(self.tr("Language"))
        self._text_title.setText(self.tr("Text size"))
        self.text_choice.set_labels([self.tr("Normal"), self.tr("Large"), self.tr("Largest")])
        self._idle_title.setText(self.tr("Lock the screen when nobody uses it for:"))
        self.idle_choice.set_labels([duration_text(s) for s in IDLE_CHOICES])
        self._training_title.setText(self.tr("Training mode"))
        self._house_caption.setText(self.tr("Name of the community house (printed on receipts)"))
        self.house_field.setPlaceholderText(self.tr("Name of the community house"))
        self.house_save.setText(self.tr("Save the name"))
        self.training_choice.set_labels([self.tr("On"), self.tr("Off")])
        self._keyboard_title.setText(self.tr("On-screen keyboard"))
        self.keyboard_choice.set_labels([self.tr("On"), self.tr("Off")])
        self._method_title.setText(self.tr("Typing Vietnamese"))
        self.method_choice.set_labels(["Telex", "VNI", self.tr("Hold a key")])
        self.printer_card.retranslateUi()
        info = self._info
        if info is None:
            station = ""
        elif info.enrolled:
            station = arg(
                self.tr("Station %1, enrolled with the ward's server %2 (%3, %4)."),
                info.station_id,
                info.server_url or "",
                info.ward or "",
                info.group or "",
            )
        else:
            station = arg(
                self.tr("Station %1: offline demo station, not enrolled with a server."),
                info.station_id,
            )
        if info is not None and not info.encrypted:
            station += " " + self.tr("Warning: the records on this computer are NOT encrypted.")
        self._station_text.setText(station)
        enrolled = info is not None and info.enrolled
        self.enrol_button.setText(
            self.tr("Enrol again") if enrolled else self.tr("Enrol with a server")
        )
        self._enrol_hint.setText(
            self.tr(
                "Type the address of the ward's intake server and the one-time code from the ward "
                "office. Records still waiting must be sent before enrolling again."
            )
        )
        self.enrol_submit.setText(self.tr("Enrol"))
        self._enrol_cancel.setText(self.tr("Back"))
        self.exit_button.setText(self.tr("Leave kiosk mode"))
        self._exit_hint.setText(self.tr("To leave kiosk mode, type your officer PIN."))
        self.exit_pad.set_placeholder(self.tr("Officer PIN"))
        self._exit_cancel.setText(self.tr("Cancel"))
        self.roster_button.setText(self.tr("Import the roster from a USB stick"))
        self._roster_hint.setText(
            self.tr(
                "For a ward without network: put in the USB stick with the roster file from the "
                "ward's server, then tap the file. It is checked first; a file that was changed, "
                "cut short or made for another ward is refused."
            )
        )
        self._roster_back.setText(self.tr("Back"))
        self.roster_panel.retranslateUi()
