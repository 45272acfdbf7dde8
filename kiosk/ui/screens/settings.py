"""Officers only: language, text size, idle-lock time, training mode; leaving kiosk mode."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from kiosk.services.base import Actor
from kiosk.services.pins import MAX_PIN_LENGTH, MIN_PIN_LENGTH
from kiosk.ui.backend import Backend, StationInfo
from kiosk.ui.errors import error_text
from kiosk.ui.i18n import LANGUAGE_NAMES, LANGUAGES, arg, duration_text
from kiosk.ui.preferences import IDLE_CHOICES, Preferences
from kiosk.ui.screens.base import Screen, button, card, label, show_message
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.theme import TEXT_SCALES
from kiosk.ui.widgets.choice import ChoiceRow
from kiosk.ui.widgets.keypad import Keypad


class SettingsScreen(Screen):
    """Each setting is a row of big buttons and takes effect on the tap, without a restart."""

    access = "officer"
    preferences_changed = Signal(object)
    training_changed = Signal(bool)
    exit_requested = Signal()

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
        self.idle_choice = ChoiceRow(IDLE_CHOICES, columns=3)
        self.idle_choice.chosen.connect(lambda v: self._change(idle_lock_seconds=v))
        self._training_title = label("subtitle")
        self.training_choice = ChoiceRow((True, False))
        self.training_choice.chosen.connect(self._set_training)
        self._station_text = label("hint")
        self.exit_button = button("danger", "power")
        self.exit_button.clicked.connect(self._ask_exit_pin)
        self.exit_button.setVisible(kiosk_mode)

        grid = QHBoxLayout()
        grid.setSpacing(40)
        for widgets in (
            (self._language_title, self.language_choice, self._text_title, self.text_choice),
            (self._training_title, self.training_choice, self._idle_title, self.idle_choice),
        ):
            column = QVBoxLayout()
            column.setSpacing(10)
            for index, widget in enumerate(widgets):
                if index == 2:
                    column.addSpacing(14)
                column.addWidget(widget)
            column.addStretch(1)
            grid.addLayout(column, 1)
        station_card, station_layout = card()
        station_layout.addWidget(self._station_text)
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
        exit_page = QWidget()
        exit_layout = QHBoxLayout(exit_page)
        exit_layout.setContentsMargins(0, 0, 0, 0)
        exit_layout.setSpacing(40)
        exit_left = QVBoxLayout()
        exit_left.addWidget(self._exit_hint)
        exit_left.addStretch(1)
        exit_left.addWidget(self._exit_cancel, 0, Qt.AlignmentFlag.AlignLeft)
        exit_layout.addLayout(exit_left, 5)
        exit_layout.addWidget(self.exit_pad, 4)

        # At the largest text size with the training banner on, the settings may not fit a
        # 768-pixel screen: they scroll (with a wide bar) rather than squeeze.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(main_page)
        self.pages = QStackedWidget()
        self.pages.addWidget(scroll)
        self.pages.addWidget(exit_page)
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

    def set_preferences(self, preferences: Preferences) -> None:
        """The values in force (the shell tells the screen after applying them)."""
        self._preferences = preferences
        self._show_preferences()

    def _show_preferences(self) -> None:
        self.language_choice.set_value(self._preferences.language)
        self.text_choice.set_value(self._preferences.text_size)
        self.idle_choice.set_value(self._preferences.idle_lock_seconds)

    def _show_info(self, info: StationInfo) -> None:
        self._info = info
        self.training_choice.set_value(info.training)
        self.retranslateUi()

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
            self._info = StationInfo(
                self._info.station_id, self._info.enrolled, on, self._info.encrypted
            )
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

    def _exit_pin_entered(self, pin: str) -> None:
        actor = self._current_actor()
        if actor is None or not actor.is_officer:
            return
        self._runner.db(self._backend.auth.sign_in, actor.operator_id, pin).success(
            lambda _actor: self.exit_requested.emit()
        ).failure(self._failed).owned_by(self).run()

    # --- Screen ----------------------------------------------------------------------------------
    def clear_personal_data(self) -> None:
        """No resident data here; a PIN being typed is forgotten."""
        self._cancel_exit()
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
        self.training_choice.set_labels([self.tr("On"), self.tr("Off")])
        info = self._info
        if info is None:
            station = ""
        elif info.enrolled:
            station = arg(self.tr("Station %1, enrolled with the ward's server."), info.station_id)
        else:
            station = arg(
                self.tr("Station %1: offline demo station, not enrolled with a server."),
                info.station_id,
            )
        if info is not None and not info.encrypted:
            station += " " + self.tr("Warning: the records on this computer are NOT encrypted.")
        self._station_text.setText(station)
        self.exit_button.setText(self.tr("Leave kiosk mode"))
        self._exit_hint.setText(self.tr("To leave kiosk mode, type your officer PIN."))
        self.exit_pad.set_placeholder(self.tr("Officer PIN"))
        self._exit_cancel.setText(self.tr("Cancel"))
