"""First start: language; the station (enrolled with the ward's server, or an offline demo) and
training mode; the community house's name; the first officer and PIN.

The house's name is kept at the end, with the first officer (renaming the station is an officer's
act, audited under their name): a restart before then asks it again, prefilled the same way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QStackedWidget, QVBoxLayout, QWidget

from kiosk.services.base import Actor
from kiosk.services.pins import MAX_PIN_LENGTH, MIN_PIN_LENGTH
from kiosk.services.station import NAME_MAX, StationInfo, clean_station_name
from kiosk.sync.enrol import Enrolled
from kiosk.ui.backend import Backend
from kiosk.ui.errors import error_text
from kiosk.ui.i18n import LANGUAGE_NAMES, LANGUAGES, Translations, arg
from kiosk.ui.screens.base import Screen, button, column_page, label, scrolling, show_message
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.widgets.choice import ChoiceRow
from kiosk.ui.widgets.enrol_form import EnrolForm, enrol_error_text, enrolled_text
from kiosk.ui.widgets.keypad import Keypad
from kiosk.ui.widgets.osk import set_field_kind

STEPS = ("language", "station", "house", "name", "pin", "confirm")
HOUSE_PREFIX = "Nhà văn hoá"
"""A residential group's community house is "Nhà văn hoá <group>": a place name, in Vietnamese in
every language (it is printed as the place is called)."""


def house_name_for(group: str | None) -> str:
    """The community house's likely name for a residential group ("" without one)."""
    group = " ".join((group or "").split())
    return f"{HOUSE_PREFIX} {group}" if group else ""


def _create_first_officer(
    backend: Backend, name: str, pin: str, training: bool, house: str
) -> Actor:
    """On the worker: the first officer, then the station's name and training mode as chosen."""
    actor = backend.auth.create_first_officer(name, pin)
    backend.station.set_name(actor, house)
    if training:
        backend.station.set_training(actor, True)
    return actor


class SetupScreen(Screen):
    """Six short steps, one question each, with Back on every step after the first."""

    access = "setup"
    finished = Signal(object)
    """The first officer exists (carries the signed-in :class:`Actor`)."""
    station_enrolled = Signal()
    """The station enrolled with the ward's server (sync starts over with it)."""
    language_chosen = Signal(str)

    def __init__(
        self,
        backend: Backend,
        runner: TaskRunner,
        translations: Translations,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self._translations = translations
        self._pin = ""
        self._busy = False
        self._enrolled: Enrolled | None = None
        self._station_group: str | None = None
        """The residential group of an enrolment kept before a restart (the database says)."""
        self._house_prefilled = ""

        self._step_label = label("hint")
        self._title = label("title")
        self._error = label("error")
        self._error.hide()
        self.pages = QStackedWidget()

        # 1. language
        self.language_choice = ChoiceRow(LANGUAGES)
        self.language_choice.set_labels([LANGUAGE_NAMES[code] for code in LANGUAGES])
        self.language_choice.chosen.connect(self._language_chosen)
        self.pages.addWidget(self._page(self.language_choice))

        # 2. the station: enrolled with the ward's server or an offline demo; training on or off
        self.station_choice = ChoiceRow(("server", "demo"), columns=1)
        self.station_choice.set_value("server")
        self.station_choice.chosen.connect(self._station_chosen)
        self._station_text = label()
        self.enrol_form = EnrolForm()
        self._training_label = label("subtitle")
        self.training_choice = ChoiceRow((True, False))
        self.training_choice.set_value(False)
        self._station_next = button("primary", "check")
        self._station_next.clicked.connect(self._station_done)
        self.pages.addWidget(
            scrolling(
                self._page(
                    self.station_choice,
                    self.enrol_form,
                    self._training_label,
                    self.training_choice,
                    self._station_next,
                )
            )
        )

        # 3. the community house's name, printed on every receipt
        self.house_field = QLineEdit()
        # "text", not "name": "Nhà văn hoá Tổ dân phố 3" does not capitalise every word
        set_field_kind(self.house_field, "text")
        self.house_field.setMaxLength(NAME_MAX)
        self.house_field.returnPressed.connect(self._house_entered)
        self._house_hint = label("hint")
        self._house_next = button("primary", "check")
        self._house_next.clicked.connect(self._house_entered)
        self.pages.addWidget(self._page(self.house_field, self._house_hint, self._house_next))

        # 4. the first officer's name
        self.name_field = QLineEdit()
        set_field_kind(self.name_field, "name")
        self.name_field.setMaxLength(100)
        self.name_field.returnPressed.connect(self._name_entered)
        self._name_next = button("primary", "check")
        self._name_next.clicked.connect(self._name_entered)
        self.pages.addWidget(self._page(self.name_field, self._name_next))

        # 5 and 6. the PIN, twice
        self.pin_pad = Keypad(masked=True, min_length=MIN_PIN_LENGTH, max_length=MAX_PIN_LENGTH)
        self.pin_pad.submitted.connect(self._pin_entered)
        self.confirm_pad = Keypad(masked=True, min_length=MIN_PIN_LENGTH, max_length=MAX_PIN_LENGTH)
        self.confirm_pad.submitted.connect(self._pin_confirmed)
        self.pages.addWidget(self.pin_pad)
        self.pages.addWidget(self.confirm_pad)

        self._back = button(None, "back")
        self._back.clicked.connect(self._step_back)

        left = QVBoxLayout()
        left.setSpacing(16)
        left.addWidget(self._step_label)
        left.addWidget(self._title)
        left.addWidget(self._station_text)
        left.addWidget(self._error)
        left.addStretch(1)
        left.addWidget(self._back, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.setSpacing(40)
        layout.addLayout(left, 4)
        layout.addWidget(self.pages, 5)
        self._go("language")

    @staticmethod
    def _page(*widgets: QWidget) -> QWidget:
        """A step's page: its widgets a little above the middle."""
        return column_page(*widgets, spacing=20, above=1, below=2)

    # --- steps ---------------------------------------------------------------------------------
    def step(self) -> str:
        """The step on show (tests and screenshots use it)."""
        return STEPS[self.pages.currentIndex()]

    def _go(self, step: str) -> None:
        show_message(self._error, "")
        self.pages.setCurrentIndex(STEPS.index(step))
        self._back.setVisible(step != "language")
        self._station_text.setVisible(step == "station")
        if step == "house":
            self._prefill_house()
            self.house_field.setFocus()
        elif step == "name":
            self.name_field.setFocus()
        elif step == "pin":
            self.pin_pad.clear()
            self.pin_pad.setFocus()
        elif step == "confirm":
            self.confirm_pad.clear()
            self.confirm_pad.setFocus()
        self.retranslateUi()

    def _step_back(self) -> None:
        index = self.pages.currentIndex()
        if index > 0 and not self._busy:
            self._go(STEPS[index - 1])

    def _language_chosen(self, language: str) -> None:
        self.language_chosen.emit(language)
        self._go("station")

    def _station_chosen(self, _choice: object) -> None:
        show_message(self._error, "")
        self.retranslateUi()

    def _station_done(self) -> None:
        """Enrol now when the server was chosen (the answer decides), else go on as a demo."""
        if self.station_choice.value() != "server" or self._enrolled is not None:
            self._go("house")
            return
        values = self.enrol_form.values()
        if values is None:
            show_message(self._error, self.enrol_form.missing_text())
            return
        self._busy = True
        self._station_next.setEnabled(False)
        show_message(self._error, self.tr("Contacting the ward's server…"), "notice")
        self._runner.net(self._backend.enrol, *values, None).success(
            self._station_enrolled
        ).failure(self._enrol_failed).owned_by(self).run()

    def _station_enrolled(self, enrolled: Enrolled) -> None:
        self._busy = False
        self._station_next.setEnabled(True)
        self._enrolled = enrolled
        self.enrol_form.clear_code()
        self.station_enrolled.emit()
        self._go("house")
        show_message(self._error, enrolled_text(enrolled), "notice")

    def _enrol_failed(self, error: BaseException) -> None:
        self._busy = False
        self._station_next.setEnabled(True)
        show_message(self._error, enrol_error_text(error))

    def _prefill_house(self) -> None:
        """The house named after the enrolment's residential group, unless a name was typed."""
        group = self._enrolled.group if self._enrolled is not None else self._station_group
        prefill = house_name_for(group)
        if self.house_field.text() in ("", self._house_prefilled):
            self.house_field.setText(prefill)
        self._house_prefilled = prefill

    def _house_entered(self) -> None:
        try:
            clean_station_name(self.house_field.text())
        except ValueError:
            show_message(self._error, self.tr("Please type the name of the community house."))
            return
        self._go("name")

    def _name_entered(self) -> None:
        if not " ".join(self.name_field.text().split()):
            show_message(self._error, self.tr("Please type the officer's full name."))
            return
        self._go("pin")

    def _pin_entered(self, pin: str) -> None:
        self._pin = pin
        self._go("confirm")

    def _pin_confirmed(self, pin: str) -> None:
        if pin != self._pin:
            self._pin = ""
            self._go("pin")
            show_message(
                self._error, self.tr("The two PINs were not the same. Please choose it again.")
            )
            return
        self._busy = True
        self._back.setEnabled(False)
        name = " ".join(self.name_field.text().split())
        training = bool(self.training_choice.value())
        house = clean_station_name(self.house_field.text())
        self._runner.db(_create_first_officer, self._backend, name, pin, training, house).success(
            self._created
        ).failure(self._failed).owned_by(self).run()
        self._pin = ""

    def _created(self, actor: Actor) -> None:
        self._busy = False
        self._back.setEnabled(True)
        self.clear_personal_data()
        self.finished.emit(actor)

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self._back.setEnabled(True)
        self._go("pin")
        show_message(self._error, error_text(error))

    # --- Screen ----------------------------------------------------------------------------------
    def entered(self) -> None:
        """Start from the language, with the current language shown as chosen; an enrolment kept
        from before a restart names the house."""
        self.language_choice.set_value(self._translations.language())
        self._go("language")
        self._runner.db(self._backend.station.info).success(self._station_loaded).owned_by(
            self
        ).run()

    def _station_loaded(self, info: StationInfo) -> None:
        self._station_group = info.group if info.enrolled else None
        if self.step() == "house":
            self._prefill_house()

    def clear_personal_data(self) -> None:
        """Forget the names, PINs and enrolment code typed so far."""
        self._pin = ""
        self.enrol_form.clear_code()
        self.house_field.clear()
        self._house_prefilled = ""
        self.name_field.clear()
        self.pin_pad.clear()
        self.confirm_pad.clear()

    def retranslateUi(self) -> None:
        """Texts of the current step in the current language."""
        index = self.pages.currentIndex()
        self._step_label.setText(arg(self.tr("First start — step %1 of %2"), index + 1, len(STEPS)))
        titles = (
            self.tr("Welcome! Please choose the language of this kiosk."),
            self.tr("This station"),
            self.tr("What is the name of this community house?"),
            self.tr("Who is the first officer of this kiosk?"),
            arg(
                self.tr("Choose the officer's PIN: %1 to %2 digits."),
                MIN_PIN_LENGTH,
                MAX_PIN_LENGTH,
            ),
            self.tr("Type the same PIN once more."),
        )
        self._title.setText(titles[index])
        self.station_choice.set_labels(
            [self.tr("Connect to the ward's server"), self.tr("Offline demo station")]
        )
        server = self.station_choice.value() == "server"
        self.station_choice.setVisible(self._enrolled is None)
        self.enrol_form.setVisible(self._enrolled is None and server)
        if self._enrolled is not None:
            self._station_text.setText(enrolled_text(self._enrolled))
        elif server:
            self._station_text.setText(
                self.tr(
                    "Records are kept safely on this computer and sent to the ward's server "
                    "whenever there is a connection."
                )
            )
        else:
            self._station_text.setText(
                self.tr(
                    "An offline demo station keeps records on this computer and sends nothing. "
                    "An officer can enrol it later in the settings."
                )
            )
        self._training_label.setText(self.tr("Training mode (for teaching volunteers)"))
        self.training_choice.set_labels([self.tr("On"), self.tr("Off")])
        self._station_next.setText(self.tr("Continue"))
        self.house_field.setPlaceholderText(self.tr("Name of the community house"))
        self._house_hint.setText(self.tr("It is printed on every receipt the residents take home."))
        self._house_next.setText(self.tr("Continue"))
        self.name_field.setPlaceholderText(self.tr("Full name"))
        self._name_next.setText(self.tr("Continue"))
        self.pin_pad.set_placeholder(self.tr("Type the PIN"))
        self.confirm_pad.set_placeholder(self.tr("Type the PIN again"))
        self._back.setText(self.tr("Back"))
