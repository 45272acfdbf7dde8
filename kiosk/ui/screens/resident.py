"""The resident's page (DESIGN.md §2 step 3): who they are, and everything on file for them.

Opened by a card scan, a typed ID number or a look-up result. The ward's server is asked first and
the local copy at the same time: the server's answer shows as soon as it comes within
``ONLINE_BUDGET_S``; after that (or at once when the server cannot answer: offline, 429, garbage)
the local copy shows, and the page updates itself if the server's answer still arrives. The page
says where its data came from. The card, when there is one, is the legal source of the name and
address (DESIGN §2); the roster's address shows beside it when they differ.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Literal

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain.identity import IdCard, check_id_matches, choose_name, parse_id_number
from kiosk.domain.masking import mask_id_number
from kiosk.domain.text import search_key
from kiosk.services.base import Actor
from kiosk.services.lookup import ONLINE_BUDGET_S
from kiosk.store.lookups import LicenceRecord, ResidentRecord, VehicleRecord
from kiosk.ui.backend import Backend
from kiosk.ui.i18n import arg
from kiosk.ui.screens.base import Screen, button, card, label, scrolling, show_message
from kiosk.ui.tasks import TaskRunner

Source = Literal["scan", "manual"]
"""How the ID number came: a card's QR, or typed (the payload's ``source``)."""


def age_on(born: date, today: date) -> int:
    """Whole years from ``born`` to ``today``."""
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


class PlateLabel(QLabel):
    """A plate drawn as a plate: black on white in a heavy frame, as on the vehicle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Plate")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.PlainText)


class ResidentScreen(Screen):
    """One resident: identity, household, vehicles and licences on file, and where it came from."""

    access = "operator"
    shown = Signal(str)
    """The page shows a resident's records (``online``, ``cache`` or ``card``): benches wait on it."""

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
        self._request = 0
        self._id_number = ""
        self._card: IdCard | None = None
        self._source: Source = "manual"
        self._record: ResidentRecord | None = None
        self._record_source = ""
        self._cached: tuple[ResidentRecord | None] | None = None
        self._online_done = False
        self._clock = QElapsedTimer()
        self._budget = QTimer(self)
        self._budget.setSingleShot(True)
        self._budget.setInterval(round(ONLINE_BUDGET_S * 1000))
        self._budget.timeout.connect(self._budget_spent)

        self._title = label("title")
        self._id_label = label("subtitle")
        self._facts = label()
        self._address = label()
        self._household = label("hint")
        self._origin = label("hint")
        self._banner = label("notice")
        self._banner.hide()
        self._warning = label("error")
        self._warning.hide()
        self._vehicles_title = label("subtitle")
        self._vehicles = QVBoxLayout()
        self._vehicles.setSpacing(12)
        self._licences_title = label("subtitle")
        self._licences = QVBoxLayout()
        self._licences.setSpacing(12)
        self.done_button = button(None, "back")

        person, person_layout = card()
        for widget in (self._title, self._id_label, self._facts, self._address, self._household):
            person_layout.addWidget(widget)
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 16, 0)
        column.setSpacing(14)
        for part in (self._banner, self._warning, person, self._origin, self._vehicles_title):
            column.addWidget(part)
        column.addLayout(self._vehicles)
        column.addWidget(self._licences_title)
        column.addLayout(self._licences)
        column.addStretch(1)
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.done_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 16, 40, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(scrolling(page), 1)
        self.retranslateUi()

    # --- opening a resident ----------------------------------------------------------------------
    def open(
        self, id_number: str, *, card: IdCard | None = None, source: Source = "manual"
    ) -> None:
        """Look the resident up (server and local copy at once) and show them."""
        actor = self._current_actor()
        if actor is None:
            return
        self._request += 1
        request = self._request
        self._id_number, self._card, self._source = id_number, card, source
        self._record, self._record_source = None, ""
        self._cached, self._online_done = None, False
        self._clock.start()
        self._budget.start()
        self._show_waiting()
        lookup = self._backend.lookup
        self._runner.net(lookup.resident_online, actor, id_number, ONLINE_BUDGET_S).success(
            lambda answer: self._online(request, answer)
        ).owned_by(self).run()
        self._runner.db(lookup.resident_cached, actor, id_number).success(
            lambda record: self._cache(request, record)
        ).owned_by(self).run()

    def _online(self, request: int, answer: tuple[bool, ResidentRecord | None]) -> None:
        if request != self._request:
            return
        answered, record = answer
        self._online_done = True
        if answered:
            self._budget.stop()
            self._show(record, "online")
        elif self._cached is not None:  # the server cannot answer: the local copy, at once
            self._budget.stop()
            self._show(self._cached[0], "cache")

    def _cache(self, request: int, record: ResidentRecord | None) -> None:
        if request != self._request:
            return
        self._cached = (record,)
        if self._online_done and self._record_source != "online":
            self._budget.stop()
            self._show(record, "cache")

    def _budget_spent(self) -> None:
        """The server did not answer in time: the local copy (the server may still update it)."""
        if self._cached is not None and self._record_source != "online":
            self._show(self._cached[0], "cache")

    # --- showing -------------------------------------------------------------------------------
    def _show_waiting(self) -> None:
        self._clear_records()
        show_message(self._banner, "")
        show_message(self._warning, "")
        card = self._card
        self._title.setText(card.full_name if card is not None else "")
        self._id_label.setText(self._id_number)
        self._facts.setText(self._facts_text(card.birth_date, card.sex) if card else "")
        self._address.setText(card.address if card is not None else "")
        self._household.setText("")
        self._origin.setText(self.tr("Looking up the records on file…"))

    def _show(self, record: ResidentRecord | None, origin: str, *, again: bool = False) -> None:
        self._record, self._record_source = record, origin
        card = self._card
        self._clear_records()
        warnings: list[str] = []
        if record is None:
            self._show_not_on_roster()
        else:
            name = record.full_name
            if card is not None:
                name, codes = choose_name(card.full_name, record.full_name)
                warnings += [self._warning_text(code) for code in codes]
            self._title.setText(name)
            self._id_label.setText(record.id_number)
            self._facts.setText(self._facts_text(record.birth_date, record.sex))
            self._address.setText(self._address_text(record))
            self._household.setText(self._household_text(record))
            self._show_cleaned(record)
            self._show_vehicles(record.vehicles)
            self._show_licences(record.licences)
        if card is None and self._source == "manual":
            warnings += self._typed_id_warnings(record)
        show_message(self._warning, "\n".join(warnings))
        self._origin.setText(self._origin_text(self.origin()))
        if not again:
            self.shown.emit(self.origin())

    def _show_not_on_roster(self) -> None:
        card = self._card
        self._household.setText("")
        show_message(
            self._banner,
            self.tr(
                "This resident is not on the ward's roster on this kiosk. The page shows what the "
                "card says; their records can still be taken."
            )
            if card is not None
            else self.tr("No resident with this ID number is on file. Check the number."),
            "error",
        )
        self._vehicles_title.setText("")
        self._licences_title.setText("")
        if card is not None:
            self._title.setText(card.full_name)
            self._facts.setText(self._facts_text(card.birth_date, card.sex))
            self._address.setText(card.address)
        else:
            self._title.setText(mask_id_number(self._id_number))
            self._facts.setText("")
            self._address.setText("")

    def _typed_id_warnings(self, record: ResidentRecord | None) -> list[str]:
        """A typed ID whose birth year or sex digit contradicts the record on file."""
        if record is None:
            return []
        try:
            check_id_matches(parse_id_number(record.id_number), record.birth_date, record.sex)
        except ValueError:
            return [self.tr("The ID number does not agree with the birth date or sex on file.")]
        return []

    def _warning_text(self, code: str) -> str:
        if code == "card.name_differs":
            return self.tr(
                "The name on the card differs from the ward's roster: check it with the resident."
            )
        return code

    def _show_cleaned(self, record: ResidentRecord) -> None:
        if record.cleaned_at is None:
            show_message(self._banner, "")
            return
        when = record.cleaned_at.astimezone()
        show_message(
            self._banner,
            arg(
                self.tr("Already cleaned on %1 at %2 (station %3)."),
                f"{when:%d/%m/%Y}",
                f"{when:%H:%M}",
                record.cleaned_station or "—",
            ),
            "notice",
        )

    def _facts_text(self, born: date, sex: str) -> str:
        age = age_on(born, date.today())
        sex_text = self.tr("male") if sex == "male" else self.tr("female")
        return arg(self.tr("Born %1 (age %2) · %3"), f"{born:%d/%m/%Y}", age, sex_text)

    def _address_text(self, record: ResidentRecord) -> str:
        card = self._card
        group = record.residential_group
        on_roster = record.address or ""
        if card is not None:
            text = arg(self.tr("Address on the card: %1"), card.address)
            if on_roster and search_key(on_roster) != search_key(card.address):
                text += "\n" + arg(self.tr("Address on the ward's roster: %1"), on_roster)
        else:
            text = arg(self.tr("Address: %1"), on_roster or "—")
        if group:
            text += "\n" + arg(self.tr("Residential group: %1"), group)
        return text

    def _household_text(self, record: ResidentRecord) -> str:
        if not record.household:
            return ""
        return arg(self.tr("Household: %1"), ", ".join(record.household))

    def _origin_text(self, origin: str) -> str:
        if origin == "online":
            return self.tr("From the ward's server.")
        if origin == "card":
            return self.tr("From the card only.")
        if origin == "none":
            return self.tr("Not found on the ward's server or on this kiosk.")
        updated = None if self._record is None else self._record.updated_at
        if updated is None:
            when = "—"
        else:
            local = updated.astimezone()
            when = f"{local:%H:%M}" if local.date() == date.today() else f"{local:%H:%M %d/%m/%Y}"
        return arg(self.tr("From the copy on this kiosk, updated at %1."), when)

    def _clear_records(self) -> None:
        for box in (self._vehicles, self._licences):
            while box.count():
                item = box.takeAt(0)
                widget = None if item is None else item.widget()
                if widget is not None:
                    widget.deleteLater()
        self._vehicles_title.setText("")
        self._licences_title.setText("")

    def _show_vehicles(self, vehicles: tuple[VehicleRecord, ...]) -> None:
        self._vehicles_title.setText(
            self.tr("Vehicles on file: %n", "", len(vehicles))
            if vehicles
            else self.tr("No vehicle on file.")
        )
        for vehicle in vehicles:
            self._vehicles.addWidget(self._vehicle_card(vehicle))

    def _vehicle_card(self, vehicle: VehicleRecord) -> QFrame:
        frame, layout = card()
        row = QGridLayout()
        row.setHorizontalSpacing(24)
        plate = PlateLabel()
        plate.setText(vehicle.plate)
        row.addWidget(plate, 0, 0, 2, 1)
        kind = {
            "car": self.tr("Car"),
            "motorbike": self.tr("Motorbike"),
            "electric_motorbike": self.tr("Electric motorbike"),
        }.get(vehicle.kind, self.tr("Other vehicle"))
        described = " · ".join(p for p in (vehicle.brand, vehicle.model, vehicle.colour) if p)
        title = label("subtitle")
        title.setText(kind)
        details = label()
        details.setText(described or "—")
        row.addWidget(title, 0, 1)
        row.addWidget(details, 1, 1)
        row.setColumnStretch(1, 1)
        layout.addLayout(row)
        if vehicle.registered_owner_name:
            owner = label("hint")
            owner.setText(arg(self.tr("Registered owner: %1"), vehicle.registered_owner_name))
            layout.addWidget(owner)
        return frame

    def _show_licences(self, licences: tuple[LicenceRecord, ...]) -> None:
        self._licences_title.setText(
            self.tr("Driving licences on file: %n", "", len(licences))
            if licences
            else self.tr("No driving licence on file.")
        )
        for licence in licences:
            frame, layout = card()
            title = label("subtitle")
            title.setText(arg(self.tr("Class %1 · no. %2"), licence.licence_class, licence.number))
            layout.addWidget(title)
            details = label()
            details.setText(self._licence_text(licence))
            layout.addWidget(details)
            self._licences.addWidget(frame)

    def _licence_text(self, licence: LicenceRecord) -> str:
        scheme = self.tr("2024 classes") if licence.scheme == "2024" else self.tr("2008 classes")
        if licence.expiry_date is None:
            expiry = self.tr("no expiry")
        else:
            left = (licence.expiry_date - date.today()).days
            expiry = arg(
                self.tr("expires %1: %2"),
                f"{licence.expiry_date:%d/%m/%Y}",
                self.tr("expired") if left < 0 else self.tr("%n day(s) left", "", left),
            )
        return f"{scheme} · {expiry}"

    # --- Screen --------------------------------------------------------------------------------
    def record(self) -> ResidentRecord | None:
        """The record on show (tests read it)."""
        return self._record

    def origin(self) -> str:
        """Where what is on show came from: ``online``, ``cache``, ``card`` (not on file: the
        card's data alone), ``none`` (not on file, no card), "" while waiting."""
        if self._record_source and self._record is None:
            return "card" if self._card is not None else "none"
        return self._record_source

    def clear_personal_data(self) -> None:
        """The idle lock and sign-out: the resident is forgotten."""
        self._request += 1
        self._budget.stop()
        self._id_number, self._card, self._record, self._record_source = "", None, None, ""
        self._cached = None
        self._clear_records()
        for widget in (self._title, self._id_label, self._facts, self._address, self._household):
            widget.setText("")
        self._origin.setText("")
        show_message(self._banner, "")
        show_message(self._warning, "")

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        self.done_button.setText(self.tr("Done"))
        if self._record_source:
            self._show(self._record, self._record_source, again=True)
