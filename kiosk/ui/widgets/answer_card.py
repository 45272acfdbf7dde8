"""A record on file and the resident's answer to it, in one card (DESIGN.md §2 step 4).

The card shows the record as the registry holds it and one row of big answers. An answer that
needs more asks for exactly that beneath it (DESIGN.md §5): who it went to and when, the date of a
loss, the papers seen, or the record's fields for a correction, prefilled and marked where they
differ from what is on file. The card edits its :class:`~kiosk.domain.visit.Answer` in place and
says ``changed`` after every edit; the visit screen checks the rules and saves the draft. The
panels are built the first time an answer needs them, so a page of cards opens fast.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.errors import DomainError
from kiosk.domain.identity import check_name
from kiosk.domain.plates import parse_plate
from kiosk.domain.visit import (
    GONE_REASONS,
    LICENCE_FIELDS,
    RELATIONS,
    VEHICLE_FIELDS,
    Answer,
)
from kiosk.ui.i18n import arg
from kiosk.ui.scan_router import TAKES_ID_PROPERTY
from kiosk.ui.screens.base import button, label, show_message
from kiosk.ui.theme import repolish
from kiosk.ui.visit_rules import Finding, rule_text
from kiosk.ui.widgets.choice import ChoiceRow
from kiosk.ui.widgets.date_entry import DateEntry
from kiosk.ui.widgets.osk import set_field_kind
from kiosk.ui.widgets.pickers import (
    BrandPicker,
    ColourPicker,
    KindPicker,
    LicenceClassPicker,
    PaperChips,
)
from kiosk.ui.widgets.plate_pad import PlateDialog

translate = QCoreApplication.translate

ROW_SPACING = 12
"""The gap between buttons of a row (``ChoiceRow``'s grid)."""

GONE = "gone"
"""The vehicle row's "no longer mine": the reason row then gives the payload's answer."""


class PlateLabel(QLabel):
    """A plate drawn as a plate: black on white in a heavy frame, as on the vehicle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Plate")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.PlainText)


def kind_text(kind: str | None) -> str:
    """A vehicle kind in words."""
    return {
        "car": translate("AnswerCard", "Car"),
        "motorbike": translate("AnswerCard", "Motorbike"),
        "electric_motorbike": translate("AnswerCard", "Electric motorbike"),
    }.get(kind or "", translate("AnswerCard", "Other vehicle"))


def answer_text(kind: str, answer: str | None) -> str:
    """An answer in words, for the review and the receipt."""
    words = {
        "confirmed": translate("AnswerCard", "Correct"),
        "updated": translate("AnswerCard", "Corrected"),
        "sold": translate("AnswerCard", "No longer mine: sold"),
        "transferred": translate("AnswerCard", "No longer mine: given away"),
        "scrapped": translate("AnswerCard", "No longer mine: scrapped"),
        "lost": translate("AnswerCard", "Lost")
        if kind == "licence"
        else translate("AnswerCard", "No longer mine: lost"),
        "not_mine": translate("AnswerCard", "Not mine"),
        "added": translate("AnswerCard", "Added"),
    }
    return words.get(answer or "", translate("AnswerCard", "Not answered"))


def record_title(answer: Answer) -> str:
    """One line naming the record: plate and kind, or licence class and number."""
    values = answer.values
    if answer.kind == "vehicle":
        return f"{values.get('plate') or '—'} · {kind_text(values.get('kind'))}"
    number = values.get("number")
    return arg(translate("AnswerCard", "Licence class %1 · no. %2"), values.get("class"), number)


class _Field(QWidget):
    """A caption, the input, and the message under it (error or warning)."""

    def __init__(self, widget: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption = label("subtitle")
        self.widget = widget
        self.message = label("error")
        self.message.hide()
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addWidget(self.caption)
        column.addWidget(widget)
        column.addWidget(self.message)

    def set_caption(self, text: str, *, changed: bool = False) -> None:
        marker = "  ● " + translate("AnswerCard", "changed") if changed else ""
        self.caption.setText(text + marker)
        self.caption.setProperty("role", "notice" if changed else "subtitle")
        repolish(self.caption)


def _line(kind: str, *, max_length: int = 100) -> QLineEdit:
    field = QLineEdit()
    set_field_kind(field, kind)  # type: ignore[arg-type]
    field.setMaxLength(max_length)
    return field


class AnswerCard(QFrame):
    """One record on file, its answer row, and what that answer asks for; or a record the
    resident adds (not on file), with its fields, and a button to take it back."""

    changed = Signal()
    removed = Signal()
    """An added record was taken back (the visit screen drops the card)."""
    plate_entered = Signal(str)
    """An added vehicle's plate reads as a whole plate: the visit screen looks it up."""
    use_on_file = Signal()
    """The added plate is one of the resident's records on file: answer that one instead."""

    def __init__(
        self, answer: Answer, birth_date: date | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.answer = answer
        self._birth = birth_date
        self._fields: dict[str, _Field] = {}
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(20, 16, 20, 16)
        self._layout.setSpacing(12)
        self._header = QGridLayout()
        self._header.setHorizontalSpacing(24)
        self._layout.addLayout(self._header)
        added = answer.added
        self.plate = PlateLabel() if answer.kind == "vehicle" and not added else None
        self._title = label("subtitle")
        self._details = label()
        self._owner = label("hint")
        if self.plate is not None:
            self._header.addWidget(self.plate, 0, 0, 2, 1)
        self._header.addWidget(self._title, 0, 1)
        self._header.addWidget(self._details, 1, 1)
        self._header.setColumnStretch(1, 1)
        self.remove_button: QPushButton | None = None
        if added:
            self.remove_button = button(None, "clear")
            self.remove_button.clicked.connect(self.removed)
            self._header.addWidget(self.remove_button, 0, 2, 2, 1)
        self._layout.addWidget(self._owner)
        self.plate_note = label("notice")
        self.plate_note.hide()
        self.use_on_file_button: QPushButton | None = None
        self.plate_dialog: PlateDialog | None = None
        """The plate keypad while it is open (tests type on it)."""
        values = (
            ("confirmed", "updated", GONE, "not_mine")
            if answer.kind == "vehicle"
            else ("confirmed", "updated", "lost", "not_mine")
        )
        self.choice = ChoiceRow(values, columns=2, take_focus=False)
        self.choice.chosen.connect(self._chosen)
        self._layout.addWidget(self.choice)
        self.choice.setVisible(not added)  # an added record's answer is "added"
        self.answer_message = label("error")
        self.answer_message.hide()
        self._layout.addWidget(self.answer_message)
        self.reasons: ChoiceRow | None = None
        self._reasons_title = label("subtitle")
        self._reasons_title.hide()
        self._layout.addWidget(self._reasons_title)
        self._panel: QWidget | None = None
        self._updating = False
        self.retranslateUi()
        self._restore()

    # --- what is on show ------------------------------------------------------------------------
    def _restore(self) -> None:
        """Show the answer as the model holds it (a new card, or a resumed draft)."""
        answer = self.answer.answer
        if answer is None:
            return
        if self.answer.kind == "vehicle" and answer in GONE_REASONS:
            self.choice.set_value(GONE)
            self._show_reasons()
            assert self.reasons is not None
            self.reasons.set_value(answer)
        else:
            self.choice.set_value(answer)
        self._show_panel()

    def _describe(self) -> None:
        record = self.answer.on_file
        if self.answer.added:
            titles = {
                "second_hand": self.tr("Bought second-hand, never transferred"),
                "other": self.tr("A vehicle not on file"),
            }
            self._title.setText(
                titles.get(self.answer.path or "", titles["other"])
                if self.answer.kind == "vehicle"
                else self.tr("A driving licence not on file")
            )
            self._details.setText(self.tr("Added by the resident"))
            self._owner.setText("")
            self._owner.hide()
            if self.remove_button is not None:
                self.remove_button.setText(self.tr("Remove"))
            return
        if self.answer.kind == "vehicle":
            assert self.plate is not None
            self.plate.setText(record.get("plate") or "—")
            self._title.setText(kind_text(record.get("kind")))
            parts = (record.get("brand"), record.get("model"), record.get("colour"))
            self._details.setText(" · ".join(p for p in parts if p) or "—")
            owner = self.answer.registered_owner
            self._owner.setText(
                arg(self.tr("Registered owner: %1"), owner.get("full_name"))
                if owner and owner.get("full_name")
                else ""
            )
        else:
            self._title.setText(
                arg(self.tr("Class %1 · no. %2"), record.get("class"), record.get("number"))
            )
            self._details.setText(self._licence_text(record))
            self._owner.setText("")
        self._owner.setVisible(bool(self._owner.text()))

    def _licence_text(self, record: dict[str, Any]) -> str:
        scheme = (
            self.tr("2024 classes") if record.get("scheme") == "2024" else self.tr("2008 classes")
        )
        expiry = record.get("expiry_date")
        if not expiry:
            return f"{scheme} · {self.tr('no expiry')}"
        when = date.fromisoformat(expiry)
        left = (when - date.today()).days
        state = self.tr("expired") if left < 0 else self.tr("%n day(s) left", "", left)
        expires = arg(self.tr("expires %1: %2"), f"{when:%d/%m/%Y}", state)
        return f"{scheme} · {expires}"

    # --- answering ------------------------------------------------------------------------------
    def _chosen(self, value: str) -> None:
        if value == GONE:
            self._show_reasons()
            assert self.reasons is not None
            reason = self.reasons.value()
            if reason is None:  # the reason comes next; nothing is answered until it does
                self.answer.answer = None
                self._show_panel()
                self.changed.emit()
                return
            value = reason
        elif self.reasons is not None:
            self.reasons.clear()
            self.reasons.hide()
            self._reasons_title.hide()
        self.answer.choose(value)
        self._show_panel()
        self.changed.emit()

    def _reason(self, value: str) -> None:
        self.answer.choose(value)
        self._show_panel()
        self.changed.emit()

    def _show_reasons(self) -> None:
        if self.reasons is None:
            self.reasons = ChoiceRow(GONE_REASONS, columns=2, take_focus=False)
            self.reasons.chosen.connect(self._reason)
            self._layout.insertWidget(self._layout.indexOf(self._reasons_title) + 1, self.reasons)
            self._label_reasons()
        self._reasons_title.show()
        self.reasons.show()
        self._fit_rows()

    def _show_panel(self) -> None:
        """The details the answer asks for, built anew for each answer."""
        if self._panel is not None:
            self._layout.removeWidget(self._panel)
            self._panel.deleteLater()
            self._panel = None
        self._fields = {}
        answer = self.answer
        if answer.answer is None:
            return
        panel = QWidget()
        column = QVBoxLayout(panel)
        column.setContentsMargins(0, 8, 0, 0)
        column.setSpacing(14)
        self._updating = True
        if answer.added:
            self._added_fields(column)
        elif answer.answer == "updated":
            self._correction_fields(column)
        if answer.needs_counterparty():
            self._person_fields(column, "counterparty")
        if answer.needs_date():
            self._date_field(column)
        if answer.asks_papers():
            chips = PaperChips(columns=2)
            chips.set_value(answer.papers)
            chips.changed.connect(self._papers)
            column.addWidget(self._add("papers", chips))
        self._updating = False
        if column.count():
            self._panel = panel
            self._layout.addWidget(panel)
            panel.show()  # a child added to a visible widget shows only when told (or later)
            self._fit_rows()
            self.retranslateUi()
        else:
            panel.deleteLater()

    def _add(self, name: str, widget: QWidget) -> _Field:
        field = _Field(widget)
        self._fields[name] = field
        return field

    def _added_fields(self, column: QVBoxLayout) -> None:
        """A record not on file: what identifies it; a second-hand vehicle, its papers' owner."""
        values = self.answer.values
        if self.answer.kind == "licence":
            self._correction_fields(column)
            return
        kinds = KindPicker(columns=4)
        kinds.set_value(values.get("kind"))
        kinds.chosen.connect(lambda kind: self._value("kind", kind))
        column.addWidget(self._add("kind", kinds))
        plate_box = QWidget()
        plate_row = QHBoxLayout(plate_box)
        plate_row.setContentsMargins(0, 0, 0, 0)
        plate_row.setSpacing(16)
        self.added_plate = PlateLabel()
        self.added_plate.setText(values.get("plate") or "—")
        self.plate_button = button(None, "key")
        self.plate_button.clicked.connect(self._open_plate_pad)
        plate_row.addWidget(self.added_plate)
        plate_row.addWidget(self.plate_button, 1)
        column.addWidget(self._add("plate", plate_box))
        column.addWidget(self.plate_note)
        self.use_on_file_button = button("primary", "check")
        self.use_on_file_button.clicked.connect(self.use_on_file)
        self.use_on_file_button.hide()
        column.addWidget(self.use_on_file_button)
        brand = BrandPicker(kind=values.get("kind"), columns=4)
        brand.set_value(values.get("brand"))
        brand.chosen.connect(lambda text: self._value("brand", text))
        column.addWidget(self._add("brand", brand))
        colour = ColourPicker(columns=3)
        colour.set_value(values.get("colour"))
        colour.chosen.connect(lambda text: self._value("colour", text))
        column.addWidget(self._add("colour", colour))
        if self.answer.path == "second_hand":
            self._person_fields(column, "registered_owner")

    def _open_plate_pad(self) -> None:
        """The plate keypad, full size over the window (OK only for a whole plate)."""
        dialog = PlateDialog(
            self.window(), self.answer.values.get("kind"), self.answer.values.get("plate")
        )
        dialog.entered.connect(self._plate_typed)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _result: setattr(self, "plate_dialog", None))
        self.plate_dialog = dialog
        dialog.open()

    def _plate_typed(self, plate: str) -> None:
        self.added_plate.setText(plate)
        self._value("plate", plate)
        self.show_plate_note("")
        self.plate_entered.emit(plate)

    def show_plate_note(self, text: str, *, own: bool = False) -> None:
        """What the registry holds under this plate: another resident (masked), or the resident
        themselves (then the record on file is offered instead)."""
        show_message(self.plate_note, text, "error" if own else "notice")
        if self.use_on_file_button is not None:
            self.use_on_file_button.setVisible(own)
            self.use_on_file_button.setText(self.tr("Answer the record on file instead"))

    def _person_fields(self, column: QVBoxLayout, which: str) -> None:
        """Another person's name and ID (``counterparty`` or ``registered_owner``); the ID field
        takes a scanned card."""
        person = getattr(self.answer, which) or {}
        name = _line("name")
        name.setText(person.get("full_name") or "")
        name.textEdited.connect(lambda text: self._person(which, "full_name", text))
        id_number = _line("latin", max_length=12)
        id_number.setProperty(TAKES_ID_PROPERTY, True)
        id_number.setText(person.get("id_number") or "")
        id_number.textChanged.connect(lambda text: self._person(which, "id_number", text))
        column.addWidget(self._add(f"{which}/full_name", name))
        column.addWidget(self._add(f"{which}/id_number", id_number))

    def _date_field(self, column: QVBoxLayout) -> None:
        when = self.answer.event_date
        entry = DateEntry(
            value=date.fromisoformat(when) if when else date.today(),
            minimum=self._birth,
            maximum=date.today(),
        )
        entry.changed.connect(self._date)
        today = button(None, "check")
        today.clicked.connect(lambda: self._date(entry.value()))
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(entry)
        inner.addWidget(today, 0, Qt.AlignmentFlag.AlignLeft)
        self._date_button = today
        column.addWidget(self._add("event_date", box))

    def _correction_fields(self, column: QVBoxLayout) -> None:
        values = self.answer.values
        if self.answer.kind == "vehicle" and not self.answer.added:
            plate = _line("latin", max_length=20)
            plate.setText(values.get("plate") or "")
            plate.textEdited.connect(self._plate)
            column.addWidget(self._add("plate", plate))
            kinds = KindPicker(columns=4)
            kinds.set_value(values.get("kind"))
            kinds.chosen.connect(lambda kind: self._value("kind", kind))
            column.addWidget(self._add("kind", kinds))
            brand = BrandPicker(kind=values.get("kind"), columns=4)
            brand.set_value(values.get("brand"))
            brand.chosen.connect(lambda text: self._value("brand", text))
            column.addWidget(self._add("brand", brand))
            column.addWidget(self._text("model", values))
            colour = ColourPicker(columns=3)
            colour.set_value(values.get("colour"))
            colour.chosen.connect(lambda text: self._value("colour", text))
            column.addWidget(self._add("colour", colour))
            column.addWidget(self._text("chassis_number", values, kind="latin", upper=True))
            column.addWidget(self._text("engine_number", values, kind="latin", upper=True))
            return
        number = self._text("number", values, kind="latin")
        column.addWidget(number)
        classes = LicenceClassPicker(columns=6)
        if values.get("scheme") and values.get("class"):
            classes.set_value(values["scheme"], values["class"])
        classes.chosen.connect(self._licence_class)
        column.addWidget(self._add("class", classes))
        issued = values.get("issue_date")
        entry = DateEntry(
            value=date.fromisoformat(issued) if issued else date.today(),
            minimum=self._birth,
            maximum=date.today(),
        )
        entry.changed.connect(lambda when: self._value("issue_date", when.isoformat()))
        column.addWidget(self._add("issue_date", entry))
        if values.get("expiry_date") or self.answer.added:
            expiry_value = values.get("expiry_date")
            expiry = DateEntry(
                value=date.fromisoformat(expiry_value) if expiry_value else date.today()
            )
            expiry.changed.connect(lambda when: self._value("expiry_date", when.isoformat()))
            column.addWidget(self._add("expiry_date", expiry))

    def _text(
        self, name: str, values: dict[str, Any], *, kind: str = "text", upper: bool = False
    ) -> _Field:
        field = _line(kind, max_length=40 if kind == "latin" else 100)
        field.setText(values.get(name) or "")

        def edited(text: str) -> None:
            text = " ".join(text.split())
            self._value(name, (text.upper() if upper else text) or None)

        field.textEdited.connect(edited)
        return self._add(name, field)

    # --- edits into the model --------------------------------------------------------------------
    def _value(self, name: str, value: Any) -> None:
        if self._updating:
            return
        self.answer.values[name] = value
        if name == "kind" and "brand" in self._fields:
            brand = self._fields["brand"].widget
            assert isinstance(brand, BrandPicker)
            brand.set_kind(value)
        self._mark_changed()
        self.changed.emit()

    def _plate(self, text: str) -> None:
        """A plate typed any way is kept as the rules write it, once it reads as a plate."""
        try:
            value = parse_plate(text, self.answer.values.get("kind")).display
        except DomainError:
            value = text.strip().upper()
        self._value("plate", value or None)

    def _licence_class(self, scheme: str, cls: str) -> None:
        self.answer.values["scheme"] = scheme
        self._value("class", cls)

    def _person(self, which: str, key: str, text: str) -> None:
        if self._updating:
            return
        person = getattr(self.answer, which) or {"full_name": "", "id_number": None}
        person[key] = _as_name(text) if key == "full_name" else (text.strip() or None)
        setattr(self.answer, which, person)
        self.changed.emit()

    def _date(self, when: date) -> None:
        if self._updating:
            return
        self.answer.event_date = when.isoformat()
        self.changed.emit()

    def _papers(self, codes: list[str]) -> None:
        self.answer.papers = list(codes)
        self.changed.emit()

    def _mark_changed(self) -> None:
        changed = set(self.answer.changed())
        for name, field in self._fields.items():
            if name in self.answer.fields:
                field.set_caption(self._caption(name), changed=name in changed)

    # --- rules ------------------------------------------------------------------------------------
    def show_findings(self, findings: list[Finding], prefix: str) -> None:
        """Errors and warnings whose path starts with ``prefix`` (``/vehicles/0``), under their
        fields; those of no field on show go under the answer row."""
        per_field: dict[str, list[Finding]] = {}
        loose: list[Finding] = []
        for finding in findings:
            if not finding.path.startswith(prefix + "/") and finding.path != prefix:
                continue
            rest = finding.path[len(prefix) + 1 :]
            if rest == "counterparty":
                rest = "counterparty/full_name"
            if rest in self._fields:
                per_field.setdefault(rest, []).append(finding)
            else:
                loose.append(finding)
        for name, field in self._fields.items():
            _show(field.message, per_field.get(name, []))
        _show(self.answer_message, loose)

    def asks_nothing_more(self) -> bool:
        """Answered, with nothing further to fill in (Đúng, Không phải của tôi, a lost licence)."""
        return self.answer.answer is not None and self._panel is None

    def field_widget(self, name: str) -> QWidget | None:
        """The input of a field on show (the visit jumps to the first one with an error)."""
        field = self._fields.get(name)
        return None if field is None else field.widget

    # --- language -------------------------------------------------------------------------------
    def _caption(self, name: str) -> str:
        if name in RECORD_FIELDS:
            return field_text(name)
        captions = {
            "counterparty/full_name": translate("AnswerCard", "Name of the person it went to")
            if not self.answer.added
            else translate("AnswerCard", "From whom it was bought (if not the owner on the papers)")
            if self.answer.path == "second_hand"
            else translate("AnswerCard", "From whom it came (if known)"),
            "registered_owner/full_name": translate(
                "AnswerCard", "Owner on the registration papers"
            ),
            "registered_owner/id_number": translate(
                "AnswerCard", "Owner's ID number (type it, or scan their card)"
            ),
            "counterparty/id_number": translate(
                "AnswerCard", "Their ID number (type it, or scan their card)"
            ),
            "event_date": translate("AnswerCard", "When it happened")
            if not self.answer.added
            else translate("AnswerCard", "When it was bought (if known)"),
            "papers": translate("AnswerCard", "Papers seen"),
        }
        return captions.get(name, name)

    def _label_reasons(self) -> None:
        if self.reasons is not None:
            self.reasons.set_labels(
                [self.tr("Sold"), self.tr("Given away"), self.tr("Scrapped"), self.tr("Lost")]
            )
        self._reasons_title.setText(self.tr("Why is it no longer yours?"))

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        self._describe()
        if self.answer.kind == "vehicle":
            self.choice.set_labels(
                [self.tr("Correct"), self.tr("Needs correcting"), self.tr("No longer mine"),
                 self.tr("Not mine")]
            )  # fmt: skip
        else:
            self.choice.set_labels(
                [self.tr("Correct"), self.tr("Needs correcting"), self.tr("Lost"),
                 self.tr("Not mine")]
            )  # fmt: skip
        self._label_reasons()
        for name, field in self._fields.items():
            field.set_caption(self._caption(name))
        if "event_date" in self._fields:
            self._date_button.setText(self.tr("Use this date"))
        if self.answer.added and self.answer.kind == "vehicle" and "plate" in self._fields:
            self.plate_button.setText(self.tr("Type the plate"))
        self._mark_changed()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Answers two to a row where two fit their words, else one to a row."""
        super().resizeEvent(event)
        self._fit_rows()

    def _fit_rows(self) -> None:
        fit_rows(self)

    def changeEvent(self, event: QEvent) -> None:
        """Follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


class RepresentativeCard(QFrame):
    """A relative acting for the resident ("người thân làm thay"): name, ID, relation.

    It edits ``visit.representative`` in place and says ``changed``; ``removed`` when taken back.
    """

    changed = Signal()
    removed = Signal()

    def __init__(self, person: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.person = person
        self._title = label("subtitle")
        self.remove_button = button(None, "clear")
        self.remove_button.clicked.connect(self.removed)
        self.name_field = _line("name")
        self.name_field.setText(person.get("full_name") or "")
        self.name_field.textEdited.connect(lambda text: self._set("full_name", _as_name(text)))
        self.id_field = _line("latin", max_length=12)
        self.id_field.setProperty(TAKES_ID_PROPERTY, True)
        self.id_field.setText(person.get("id_number") or "")
        self.id_field.textChanged.connect(lambda text: self._set("id_number", text.strip()))
        self.relation = ChoiceRow(RELATIONS, columns=3, take_focus=False)
        self.relation.set_value(person.get("relation"))
        self.relation.chosen.connect(lambda code: self._set("relation", code))
        self._fields = {
            "full_name": _Field(self.name_field),
            "id_number": _Field(self.id_field),
            "relation": _Field(self.relation),
        }
        top = QGridLayout()
        top.addWidget(self._title, 0, 0)
        top.addWidget(self.remove_button, 0, 1)
        top.setColumnStretch(0, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 16)
        column.setSpacing(12)
        column.addLayout(top)
        for field in self._fields.values():
            column.addWidget(field)
        self.retranslateUi()

    def _set(self, key: str, value: str) -> None:
        self.person[key] = (value or None) if key == "id_number" else value
        self.changed.emit()

    def show_findings(self, findings: list[Finding]) -> None:
        """Errors under the representative's fields (``/representative/...``)."""
        for name, field in self._fields.items():
            _show(field.message, [f for f in findings if f.path == f"/representative/{name}"])

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Relations as many to a row as fit."""
        super().resizeEvent(event)
        fit_rows(self)

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        self._title.setText(self.tr("A relative acting for the resident"))
        self.remove_button.setText(self.tr("Remove"))
        self._fields["full_name"].set_caption(self.tr("Their full name"))
        self._fields["id_number"].set_caption(
            self.tr("Their ID number (type it, or scan their card)")
        )
        self._fields["relation"].set_caption(self.tr("They are the resident's"))
        self.relation.set_labels(
            [self.tr("Child"), self.tr("Husband or wife"), self.tr("Father or mother"),
             self.tr("Brother or sister"), self.tr("Grandchild"), self.tr("Other relative")]
        )  # fmt: skip

    def changeEvent(self, event: QEvent) -> None:
        """Follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


def relation_text(code: str) -> str:
    """A relation code in words (the review and the receipt)."""
    words = {
        "child": translate("RepresentativeCard", "Child"),
        "spouse": translate("RepresentativeCard", "Husband or wife"),
        "parent": translate("RepresentativeCard", "Father or mother"),
        "sibling": translate("RepresentativeCard", "Brother or sister"),
        "grandchild": translate("RepresentativeCard", "Grandchild"),
        "other": translate("RepresentativeCard", "Other relative"),
    }
    return words.get(code, code)


RECORD_FIELDS = frozenset(VEHICLE_FIELDS + LICENCE_FIELDS)


def field_text(name: str) -> str:
    """A vehicle's or licence's field in words (payload v1 names)."""
    words = {
        "plate": translate("AnswerCard", "Number plate"),
        "kind": translate("AnswerCard", "Kind of vehicle"),
        "brand": translate("AnswerCard", "Brand"),
        "model": translate("AnswerCard", "Model"),
        "colour": translate("AnswerCard", "Colour"),
        "chassis_number": translate("AnswerCard", "Chassis number"),
        "engine_number": translate("AnswerCard", "Engine number"),
        "number": translate("AnswerCard", "Licence number"),
        "class": translate("AnswerCard", "Class"),
        "scheme": translate("AnswerCard", "Class scheme"),
        "issue_date": translate("AnswerCard", "Issue date"),
        "expiry_date": translate("AnswerCard", "Expiry date"),
    }
    return words.get(name, name)


def fit_rows(card: QFrame) -> None:
    """Every row of buttons in ``card`` gets as many to a row as fit their words (large text, a
    narrow screen: fewer), never more than it was made with."""
    room = card.contentsRect().width() - 40  # the card's own margins
    for row in card.findChildren(ChoiceRow):
        fit = (room + ROW_SPACING) // (row.widest() + ROW_SPACING) if row.widest() else 1
        row.set_columns(min(row.max_columns, max(1, fit)))


def _as_name(text: str) -> str:
    """A name as the rules keep it (NFC, single spaces); text that is no name stays as typed."""
    try:
        return check_name(text)
    except DomainError:
        return " ".join(text.split())


def _show(target: QLabel, findings: list[Finding]) -> None:
    """Errors in red; warnings alone in yellow (they never block)."""
    if not findings:
        show_message(target, "")
        return
    blocking = [f for f in findings if f.blocks]
    shown = blocking or findings
    text = "\n".join(dict.fromkeys(rule_text(f.code, f.path) for f in shown))
    show_message(target, text, "error" if blocking else "warning")
