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

from PySide6.QtCore import QElapsedTimer, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from kiosk.domain.identity import IdCard, check_id_matches, choose_name, parse_id_number
from kiosk.domain.masking import mask_id_number, mask_name
from kiosk.domain.text import search_key
from kiosk.domain.visit import Answer, Visit
from kiosk.services.base import Actor
from kiosk.services.lookup import ONLINE_BUDGET_S
from kiosk.store.lookups import Holder, LicenceRecord, ResidentRecord, VehicleRecord
from kiosk.ui.backend import Backend
from kiosk.ui.i18n import arg
from kiosk.ui.screens.base import Screen, button, card, label, scrolling, show_message
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.visit_rules import MISSING, Finding, check_visit, plate_key, rule_text
from kiosk.ui.widgets.answer_card import AnswerCard, RepresentativeCard

Source = Literal["scan", "manual"]
"""How the ID number came: a card's QR, or typed (the payload's ``source``)."""


def age_on(born: date, today: date) -> int:
    """Whole years from ``born`` to ``today``."""
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


class ResidentScreen(Screen):
    """One resident: identity, household, vehicles and licences on file, and where it came from."""

    access = "operator"
    shown = Signal(str)
    """The page shows a resident's records (``online``, ``cache`` or ``card``): benches wait on it."""
    visit_changed = Signal()
    """An answer or a detail changed: the visit's draft is saved (on the database worker)."""
    proceed = Signal()
    """Every record has its answer and no error is left: on to the phone and consent."""

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
        self.visit: Visit | None = None
        """The visit under way on this page (None: nobody to serve, or still looking up)."""
        self._cards: list[AnswerCard] = []
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
        self.continue_button = button("primary", "check")
        self.continue_button.clicked.connect(self._continue)
        self.continue_button.hide()
        self._continue_message = label("error")
        self._continue_message.hide()

        person, person_layout = card()
        for widget in (self._title, self._id_label, self._facts, self._address, self._household):
            person_layout.addWidget(widget)
        # Two columns: who (left) and the records with their answers (right), so that on a
        # 768-pixel screen the answers of the standard case are in view without scrolling.
        who = QWidget()
        left = QVBoxLayout(who)
        left.setContentsMargins(0, 0, 16, 0)
        left.setSpacing(14)
        self.representative_button = button(None, "user")
        self.representative_button.clicked.connect(self._add_representative)
        self.representative_button.hide()
        self._representative_box = QVBoxLayout()
        self.representative_card: RepresentativeCard | None = None
        for part in (self._banner, self._warning, person, self._origin):
            left.addWidget(part)
        left.addStretch(1)
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 16, 0)
        column.setSpacing(14)
        column.addWidget(self._vehicles_title)
        column.addLayout(self._vehicles)
        column.addWidget(self._licences_title)
        column.addLayout(self._licences)
        self.add_second_hand = button(None, "plus")
        self.add_second_hand.clicked.connect(lambda: self._add("vehicle", "second_hand"))
        self.add_vehicle = button(None, "plus")
        self.add_vehicle.clicked.connect(lambda: self._add("vehicle", "other"))
        self.add_licence = button(None, "plus")
        self.add_licence.clicked.connect(lambda: self._add("licence", "other"))
        self._adding = QWidget()
        adding = QVBoxLayout(self._adding)
        adding.setContentsMargins(0, 8, 0, 0)
        adding.setSpacing(12)
        self._adding_title = label("subtitle")
        adding.addWidget(self._adding_title)
        for add in (self.add_second_hand, self.add_vehicle, self.add_licence):
            adding.addWidget(add)
        self._adding.hide()
        column.addWidget(self._adding)
        column.addWidget(self.representative_button)
        column.addLayout(self._representative_box)
        column.addStretch(1)
        bottom = QHBoxLayout()  # at the bottom, by the thumb; the page above gets the height
        bottom.setSpacing(16)
        bottom.addWidget(self.done_button)
        bottom.addWidget(self._continue_message, 1)
        bottom.addStretch(0)
        bottom.addWidget(self.continue_button)
        self.continue_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 16, 40, 16)
        layout.setSpacing(12)
        self._scroll: QScrollArea = scrolling(page)
        columns = QHBoxLayout()
        columns.setSpacing(20)
        columns.addWidget(scrolling(who), 1)
        columns.addWidget(self._scroll, 2)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)
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
        self.visit = None
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
        elif self._cached is not None and not self._record_source:
            self._budget.stop()  # the server cannot answer: the local copy, at once (once)
            self._show(self._cached[0], "cache")

    def _cache(self, request: int, record: ResidentRecord | None) -> None:
        if request != self._request:
            return
        self._cached = (record,)
        if self._online_done and not self._record_source:
            self._budget.stop()
            self._show(record, "cache")

    def _budget_spent(self) -> None:
        """The server did not answer in time: the local copy (the server may still update it)."""
        if self._cached is not None and not self._record_source:
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
        if self.visit is not None and self.visit.started() and not again:
            # the server answered after the answers began: they stay, only the source line changes
            self._record_source = origin
            self._origin.setText(self._origin_text(self.origin()))
            return
        self._record, self._record_source = record, origin
        card = self._card
        if not again:  # a language switch keeps the cards (they retranslate themselves)
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
        if not again:
            self.visit = self._new_visit(record)
            self._show_cards()
        self._show_titles()
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
        self._cards = []
        for box in (self._vehicles, self._licences):
            while box.count():
                item = box.takeAt(0)
                widget = None if item is None else item.widget()
                if widget is not None:
                    widget.deleteLater()
        self._vehicles_title.setText("")
        self._licences_title.setText("")

    def _new_visit(self, record: ResidentRecord | None) -> Visit | None:
        """A visit for whoever is on show: the card's person (legal name and address), the
        roster's records. A typed ID not on file gives nobody to serve."""
        card = self._card
        if card is None and record is None:
            return None
        resident: dict[str, object]
        if card is not None:
            name = card.full_name
            if record is not None:
                name = choose_name(card.full_name, record.full_name)[0]
            resident = {
                "id_number": card.id_number, "old_id_number": card.old_id_number,
                "full_name": name, "birth_date": card.birth_date.isoformat(), "sex": card.sex,
                "address": card.address, "card_issue_date": card.issue_date.isoformat(),
                "source": "card_qr",
            }  # fmt: skip
        else:
            assert record is not None
            resident = {
                "id_number": record.id_number, "old_id_number": None,
                "full_name": record.full_name, "birth_date": record.birth_date.isoformat(),
                "sex": record.sex, "address": record.address or "", "card_issue_date": None,
                "source": "manual",
            }  # fmt: skip
        resident["phone"] = None if record is None else record.phone
        vehicles = [] if record is None else [_vehicle(v, resident) for v in record.vehicles]
        licences = [] if record is None else [_licence(item) for item in record.licences]
        return Visit.start(resident, vehicles, licences)

    def resume(self, visit: Visit) -> None:
        """A draft taken up again (Home, after a crash or the idle lock): its answers as saved."""
        self._request += 1
        self._budget.stop()
        self._clear_records()
        show_message(self._banner, "")
        show_message(self._warning, "")
        person = visit.resident
        self._id_number, self._card, self._record = visit.id_number, None, None
        self._source = "scan" if person.get("source") == "card_qr" else "manual"
        self._record_source = "draft"
        self.visit = visit
        self._title.setText(str(person.get("full_name") or ""))
        self._id_label.setText(visit.id_number)
        born = person.get("birth_date")
        self._facts.setText(
            self._facts_text(date.fromisoformat(born), str(person.get("sex")))
            if isinstance(born, str)
            else ""
        )
        self._address.setText(arg(self.tr("Address: %1"), person.get("address") or "—"))
        self._household.setText("")
        self._origin.setText(self.tr("Taken up again from the saved draft."))
        self._show_cards()
        self.shown.emit("draft")

    def _show_cards(self) -> None:
        """One answer card per record on file (the visit's own answers, kept across updates)."""
        self._clear_records()
        visit = self.visit
        self.continue_button.setVisible(visit is not None)
        self._adding.setVisible(visit is not None)
        self.representative_button.setVisible(visit is not None and visit.representative is None)
        show_message(self._continue_message, "")
        if visit is None:
            return
        if visit.representative is not None:
            self._show_representative()
        born = self._birth_date()
        self._show_titles()
        for answer in visit.vehicles:
            self._add_card(AnswerCard(answer, born), self._vehicles)
        for answer in visit.licences:
            self._add_card(AnswerCard(answer, born), self._licences)

    def _show_titles(self) -> None:
        visit = self.visit
        if visit is None:
            self._vehicles_title.setText("")
            self._licences_title.setText("")
            return
        self._vehicles_title.setText(
            self.tr("Vehicles on file: %n", "", len(visit.vehicles))
            if visit.vehicles
            else self.tr("No vehicle on file.")
        )
        self._licences_title.setText(
            self.tr("Driving licences on file: %n", "", len(visit.licences))
            if visit.licences
            else self.tr("No driving licence on file.")
        )

    def _birth_date(self) -> date | None:
        born = None if self.visit is None else self.visit.resident.get("birth_date")
        return date.fromisoformat(born) if isinstance(born, str) else None

    def _add_card(
        self, answer_card: AnswerCard, box: QVBoxLayout, place: int | None = None
    ) -> None:
        answer_card.changed.connect(self._answer_changed)
        answer_card.removed.connect(lambda: self._remove(answer_card))
        answer_card.plate_entered.connect(lambda plate: self._plate_entered(answer_card, plate))
        answer_card.use_on_file.connect(lambda: self._use_on_file(answer_card))
        self._cards.insert(len(self._cards) if place is None else place, answer_card)
        box.addWidget(answer_card)
        answer_card.show()  # now, not after the event loop's next turn (a tap may come first)

    def _answer_changed(self) -> None:
        """Errors and warnings follow every edit; the draft is kept. An answer that asks for
        nothing more brings the next record without one into view."""
        self.show_findings(check_visit(self.visit) if self.visit is not None else [])
        changed = self.sender()
        if isinstance(changed, AnswerCard) and changed.asks_nothing_more():
            waiting = [c for c in self._cards if c.answer.answer is None and c is not changed]
            if waiting:
                QTimer.singleShot(0, lambda card=waiting[0]: self._bring_into_view(card))
        self.visit_changed.emit()

    def _bring_into_view(self, answer_card: AnswerCard) -> None:
        if answer_card in self._cards:  # not replaced by another resident meanwhile
            self._scroll.ensureWidgetVisible(answer_card, 0, 16)

    # --- records not on file, a representative ---------------------------------------------------
    def _add(self, kind: str, path: str) -> None:
        """A record the registry does not list: its card, in view, its first field ready."""
        visit = self.visit
        if visit is None:
            return
        answer = visit.add(kind, path)  # type: ignore[arg-type]
        added = AnswerCard(answer, self._birth_date())
        # the cards stay in the visit's order, vehicles then licences; the others are untouched
        place = len(visit.vehicles) - 1 if kind == "vehicle" else len(self._cards)
        self._add_card(added, self._vehicles if kind == "vehicle" else self._licences, place)
        self._show_titles()
        QTimer.singleShot(0, lambda: self._bring_into_view(added))
        self._answer_changed()

    def _remove(self, answer_card: AnswerCard) -> None:
        if self.visit is None or answer_card not in self._cards:
            return
        self.visit.remove(answer_card.answer)
        self._cards.remove(answer_card)
        box = self._vehicles if answer_card.answer.kind == "vehicle" else self._licences
        box.removeWidget(answer_card)
        answer_card.deleteLater()
        self._show_titles()
        self._answer_changed()

    def _plate_entered(self, answer_card: AnswerCard, plate: str) -> None:
        """An added plate: whose is it on file? The resident's own offers that record; someone
        else's is shown masked (the vehicle is still added, and the server matches it by plate)."""
        visit, actor = self.visit, self._current_actor()
        if visit is None or actor is None:
            return
        request = self._request
        self._runner.db(self._backend.lookup.vehicle_by_plate, actor, plate).success(
            lambda found: self._plate_found(request, answer_card, found)
        ).owned_by(self).run()

    def _plate_found(
        self, request: int, answer_card: AnswerCard, found: list[tuple[VehicleRecord, Holder]]
    ) -> None:
        visit = self.visit
        if request != self._request or visit is None or answer_card not in self._cards:
            return
        holders = [holder for _vehicle, holder in found]
        if any(holder.id_number == visit.id_number for holder in holders):
            answer_card.show_plate_note(
                self.tr("This plate is on file for this resident."), own=True
            )
        elif holders:
            holder = holders[0]
            answer_card.show_plate_note(
                arg(
                    self.tr("On file under another person: %1 (%2). It is still added here."),
                    mask_name(holder.full_name),
                    holder.masked_id,
                )
            )

    def _use_on_file(self, answer_card: AnswerCard) -> None:
        """The added vehicle is the resident's own on file: drop it, go to that record."""
        visit = self.visit
        if visit is None:
            return
        key = plate_key(answer_card.answer.values.get("plate"))
        self._remove(answer_card)
        for card_on_file in self._cards:
            if (
                not card_on_file.answer.added
                and plate_key(card_on_file.answer.values.get("plate")) == key
            ):
                QTimer.singleShot(0, lambda c=card_on_file: self._bring_into_view(c))
                break

    def _add_representative(self) -> None:
        if self.visit is None:
            return
        self.visit.representative = {"full_name": "", "id_number": None, "relation": ""}
        self._show_representative()
        self.representative_button.hide()
        self._answer_changed()
        card = self.representative_card
        if card is not None:
            card.name_field.setFocus()
            QTimer.singleShot(0, lambda: self._scroll.ensureWidgetVisible(card, 0, 16))

    def _show_representative(self) -> None:
        visit = self.visit
        if visit is None or visit.representative is None:
            return
        self._drop_representative_card()
        card = RepresentativeCard(visit.representative)
        card.changed.connect(self._answer_changed)
        card.removed.connect(self._remove_representative)
        self._representative_box.addWidget(card)
        card.show()
        self.representative_card = card

    def _remove_representative(self) -> None:
        if self.visit is not None:
            self.visit.representative = None
        self._drop_representative_card()
        self.representative_button.setVisible(self.visit is not None)
        self._answer_changed()

    def _drop_representative_card(self) -> None:
        if self.representative_card is not None:
            self._representative_box.removeWidget(self.representative_card)
            self.representative_card.deleteLater()
            self.representative_card = None

    def card_for(self, answer: Answer) -> AnswerCard | None:
        """The card of one of the visit's records."""
        return next((c for c in self._cards if c.answer is answer), None)

    # --- rules ------------------------------------------------------------------------------------
    def show_findings(self, findings: list[Finding], *, unanswered: bool = False) -> None:
        """Each finding under its field; what is not filled in yet ("choose an answer", "this
        cannot be left empty") only once Continue was tapped (``unanswered``)."""
        shown = [f for f in findings if unanswered or f.code not in MISSING]
        visit = self.visit
        if visit is None:
            return
        for answer_card in self._cards:
            answer_card.show_findings(shown, self._path_of(answer_card.answer))
        if self.representative_card is not None:
            self.representative_card.show_findings(shown)
        if not any(f.blocks for f in shown):
            show_message(self._continue_message, "")

    def _continue(self) -> None:
        """On to consent, or what is missing listed and the first of it in view."""
        visit = self.visit
        if visit is None:
            return
        findings = [f for f in check_visit(visit) if not f.path.startswith("/resident/phone")]
        blocking = [f for f in findings if f.blocks and not f.path.startswith("/resident")]
        self.show_findings(findings, unanswered=True)
        if not blocking:
            visit.step = "consent"
            self.proceed.emit()
            return
        lines = dict.fromkeys(rule_text(f.code, f.path) for f in blocking)
        show_message(
            self._continue_message,
            arg(self.tr("%n thing(s) to finish:", "", len(blocking)), "") + "\n" + "\n".join(lines),
        )
        self.jump_to(blocking[0].path)

    def _path_of(self, answer: Answer) -> str:
        """The JSON Pointer of a record in the visit's payload (``/licences/0``)."""
        visit = self.visit
        assert visit is not None
        if answer.kind == "vehicle":
            return f"/vehicles/{visit.vehicles.index(answer)}"
        return f"/licences/{visit.licences.index(answer)}"

    def jump_to(self, path: str) -> None:
        """Bring the card (and field) of a finding's path into view."""
        visit = self.visit
        parts = path.strip("/").split("/", 2)
        if visit is None:
            return
        if parts[0] == "representative" and self.representative_card is not None:
            self.representative_card.name_field.setFocus()
            return
        if len(parts) < 2 or not parts[1].isdigit():
            return
        records = visit.vehicles if parts[0] == "vehicles" else visit.licences
        index = int(parts[1])
        answer_card = self.card_for(records[index]) if index < len(records) else None
        if answer_card is None:
            return
        target = answer_card.field_widget(parts[2]) if len(parts) > 2 else None
        self._scroll.ensureWidgetVisible(target or answer_card, 50, 50)
        if target is not None:
            target.setFocus()

    def cards(self) -> list[AnswerCard]:
        """The answer cards on show, vehicles first (tests tap their answers)."""
        return list(self._cards)

    # --- Screen --------------------------------------------------------------------------------
    def record(self) -> ResidentRecord | None:
        """The record on show (tests read it)."""
        return self._record

    def origin(self) -> str:
        """Where what is on show came from: ``online``, ``cache``, ``card`` (not on file: the
        card's data alone), ``none`` (not on file, no card), ``draft`` (a visit taken up again),
        "" while waiting."""
        if self._record_source == "draft":
            return "draft"
        if self._record_source and self._record is None:
            return "card" if self._card is not None else "none"
        return self._record_source

    def clear_personal_data(self) -> None:
        """The idle lock and sign-out: the resident is forgotten."""
        self._request += 1
        self._budget.stop()
        self._id_number, self._card, self._record, self._record_source = "", None, None, ""
        self._cached = None
        self.visit = None
        self._clear_records()
        self.continue_button.hide()
        show_message(self._continue_message, "")
        for widget in (self._title, self._id_label, self._facts, self._address, self._household):
            widget.setText("")
        self._origin.setText("")
        show_message(self._banner, "")
        show_message(self._warning, "")

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        self.done_button.setText(self.tr("Done"))
        self.continue_button.setText(self.tr("Continue"))
        self.representative_button.setText(self.tr("Relative acting for them"))
        self._adding_title.setText(self.tr("Not on file? Add:"))
        self.add_second_hand.setText(self.tr("Second-hand, not transferred"))
        self.add_vehicle.setText(self.tr("Other vehicle"))
        self.add_licence.setText(self.tr("Driving licence"))
        if self._record_source == "draft":
            self._origin.setText(self.tr("Taken up again from the saved draft."))
            self._show_titles()
        elif self._record_source:
            self._show(self._record, self._record_source, again=True)


def _vehicle(vehicle: VehicleRecord, resident: dict[str, object]) -> dict[str, object]:
    """A vehicle on file in the payload's names; its registered owner only when not the resident."""
    owner = None
    if (
        vehicle.registered_owner_name
        and vehicle.registered_owner_id_number != resident["id_number"]
    ):
        owner = {
            "full_name": vehicle.registered_owner_name,
            "id_number": vehicle.registered_owner_id_number,
        }
    return {
        "id": vehicle.id, "plate": vehicle.plate, "kind": vehicle.kind, "brand": vehicle.brand,
        "model": vehicle.model, "colour": vehicle.colour,
        "chassis_number": vehicle.chassis_number, "engine_number": vehicle.engine_number,
        "registered_owner": owner,
    }  # fmt: skip


def _licence(licence: LicenceRecord) -> dict[str, object]:
    """A licence on file in the payload's names."""
    expiry = licence.expiry_date
    return {
        "id": licence.id, "number": licence.number, "class": licence.licence_class,
        "scheme": licence.scheme, "issue_date": licence.issue_date.isoformat(),
        "expiry_date": None if expiry is None else expiry.isoformat(),
    }  # fmt: skip
