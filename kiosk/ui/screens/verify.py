"""Verification (DESIGN.md §2 step 7): an officer checks a capture against what is on file.

Opened by an officer's co-sign on a volunteer's screen (or by an officer signed in), for one
submission or for the queue, as that officer; the services check the officer, whatever the screen
shows (``VerifyService.approve`` refuses an officer's own capture). Each submission shows every
record side by side with the record on file, the fields that differ marked; the answers and the
papers seen; the warnings, each to be acknowledged by a tap in words. **Approve** is one tap;
**Return** needs a reason, a preset or typed. The next pending submission then opens by itself;
when none is left (or on "Done") the round ends and the screen it came from shows again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from kiosk.domain.visit import LICENCE_FIELDS, VEHICLE_FIELDS, Visit
from kiosk.services.base import Actor
from kiosk.store.lifecycle import SubmissionRecord
from kiosk.store.lookups import LicenceRecord, ResidentRecord, VehicleRecord
from kiosk.ui.backend import Backend
from kiosk.ui.errors import error_text, is_known_fault
from kiosk.ui.i18n import arg
from kiosk.ui.screens.base import Screen, button, card, label, page_with_actions, show_message
from kiosk.ui.screens.consent import phone_shown
from kiosk.ui.tasks import TaskRunner, log_task_error
from kiosk.ui.visit_rules import rule_text
from kiosk.ui.widgets.answer_card import answer_text, field_text, kind_text, record_title
from kiosk.ui.widgets.choice import ChoiceRow
from kiosk.ui.widgets.osk import set_field_kind

RETURN_REASONS = ("papers", "plate", "other_party", "ask_resident", "other")
"""The presets of a return's reason; "other" takes typed words only."""


@dataclass(frozen=True)
class ToVerify:
    """One submission as the officer checks it (read on the database worker)."""

    record: SubmissionRecord
    warnings: tuple[str, ...]
    """The payload's warning codes, each to be acknowledged."""
    on_file: dict[str, dict[str, Any]]
    """The records on file by registry reference, in payload names (from the roster cache)."""
    left: int
    """How many are waiting, this one included."""


def load_to_verify(backend: Backend, officer: Actor, submission_id: str, left: int) -> ToVerify:
    """On the database worker: the submission, its warnings, and what is on file for it."""
    record = backend.capture.get(officer, submission_id)
    codes = tuple(dict.fromkeys(w["code"] for w in backend.verify.warnings(officer, record.id)))
    resident = None
    if record.resident_id_number:
        resident = backend.lookup.cached_resident(record.resident_id_number)
    return ToVerify(record, codes, _on_file(resident), left)


def _on_file(resident: ResidentRecord | None) -> dict[str, dict[str, Any]]:
    if resident is None:
        return {}
    found: dict[str, dict[str, Any]] = {}
    for vehicle in resident.vehicles:
        found[vehicle.id] = _vehicle(vehicle)
    for licence in resident.licences:
        found[licence.id] = _licence(licence)
    return found


def _vehicle(vehicle: VehicleRecord) -> dict[str, Any]:
    return {name: getattr(vehicle, name) for name in VEHICLE_FIELDS}


def _licence(licence: LicenceRecord) -> dict[str, Any]:
    expiry = licence.expiry_date
    return {
        "number": licence.number, "class": licence.licence_class, "scheme": licence.scheme,
        "issue_date": licence.issue_date.isoformat(),
        "expiry_date": None if expiry is None else expiry.isoformat(),
    }  # fmt: skip


class VerifyScreen(Screen):
    """One submission at a time, as the co-signing officer."""

    access = "operator"  # on a volunteer's screen; the services check the officer
    finished = Signal()
    """The round is over (nothing left, or "Done"): back to where it was."""
    approved = Signal(str)
    """A submission was verified (its id): the sync worker sends it."""

    def __init__(self, backend: Backend, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self._officer: Actor | None = None
        self._queue: list[str] = []
        self._item: ToVerify | None = None
        self._skipped: set[str] = set()

        self._title = label("title")
        self._who = label("subtitle")
        self._records = QVBoxLayout()
        self._records.setSpacing(12)
        records = QWidget()
        records.setLayout(self._records)
        self._warnings_title = label("subtitle")
        self.warnings = ChoiceRow([], columns=1, exclusive=False, take_focus=False)
        self._reason_title = label("subtitle")
        self.reasons = ChoiceRow(RETURN_REASONS, columns=1, take_focus=False)
        self.reasons.chosen.connect(lambda _code: self._reason_changed())
        self.reason_field = QLineEdit()
        set_field_kind(self.reason_field, "text")
        self.reason_field.setMaxLength(200)
        self.reason_field.textEdited.connect(lambda _text: self._reason_changed())
        self.confirm_return = button("danger", "back")
        self.confirm_return.clicked.connect(self._return)
        self._return_box, return_layout = card()
        for widget in (self._reason_title, self.reasons, self.reason_field, self.confirm_return):
            return_layout.addWidget(widget)
        self._return_box.hide()
        self._message = label("error")
        self._message.hide()
        self.approve_button = button("primary", "check")
        self.approve_button.clicked.connect(self._approve)
        self.return_button = button("danger", "back")
        self.return_button.clicked.connect(self._show_return)
        self.done_button = button(None, "home")
        self.done_button.clicked.connect(self._end)
        page_with_actions(
            self,
            [self._title, self._who, records, self._warnings_title, self.warnings,
             self._return_box],
            [(self.done_button, 0), (self._message, 1), (self.return_button, 0),
             (self.approve_button, 0)],
        )  # fmt: skip
        self.warnings.chosen.connect(lambda _code: self._enable())
        self.retranslateUi()

    # --- a round ------------------------------------------------------------------------------------
    def start(self, officer: Actor, submission_id: str | None = None) -> None:
        """Verify ``submission_id``, or the queue (oldest first), as ``officer``."""
        self._officer = officer
        self._skipped = set()
        self._runner.db(self._backend.verify.pending, officer).success(
            lambda pending: self._queued(pending, submission_id)
        ).failure(self._failed).owned_by(self).run()

    def officer(self) -> Actor | None:
        """The officer of the round (None when no round is on)."""
        return self._officer

    def _queued(self, pending: list[SubmissionRecord], first: str | None) -> None:
        officer = self._officer
        if officer is None:
            return
        mine = {p.id for p in pending if p.captured_by == officer.operator_id}
        self._skipped |= mine  # four eyes: another officer verifies these
        ids = [p.id for p in pending if p.id not in mine]
        if first is not None:
            ids = [first] + [i for i in ids if i != first] if first not in mine else ids
            if first in mine:
                show_message(
                    self._message,
                    self.tr("You captured this one yourself: another officer must check it."),
                )
        self._queue = ids
        self._next()

    def _next(self) -> None:
        officer = self._officer
        if officer is None:
            return
        if not self._queue:
            self._item = None
            self._clear()
            self._title.setText(self.tr("Nothing is waiting for an officer."))
            self._enable()
            return
        submission_id = self._queue[0]
        self._runner.db(
            load_to_verify, self._backend, officer, submission_id, len(self._queue)
        ).success(self._show).failure(self._failed).owned_by(self).run()

    # --- showing -----------------------------------------------------------------------------------
    def _show(self, item: ToVerify) -> None:
        self._item = item
        self._clear()
        payload = item.record.payload or {}
        visit = Visit.from_draft(payload)
        person = visit.resident
        self._title.setText(arg(self.tr("Check with the papers: %1 waiting"), item.left))
        who = [str(person.get("full_name") or ""), str(person.get("id_number") or "")]
        if visit.phone:
            who.append(phone_shown(visit.phone))
        if visit.representative:
            who.append(
                arg(self.tr("Acting for them: %1"), visit.representative.get("full_name") or "")
            )
        self._who.setText(" · ".join(part for part in who if part))
        for answer in visit.records:
            self._records.addWidget(self._record_card(answer, item.on_file.get(answer.ref or "")))
        codes = list(item.warnings)
        self.warnings = self._replace_warnings(codes)
        self._warnings_title.setVisible(bool(codes))
        self._enable()

    def _record_card(self, answer: Any, on_file: dict[str, Any] | None) -> QWidget:
        """One record: its answer, then field by field on file and now, a field that differs
        marked "≠" and in bold (not by colour alone). One rich-text label: paging through a
        queue builds a card per record, and dozens of labels a card stalled the screen."""
        frame, layout = card()
        title = label("subtitle")
        title.setText(f"{record_title(answer)}: {answer_text(answer.kind, answer.answer)}")
        layout.addWidget(title)
        rows = [
            "<tr>"
            + "".join(f"<td><i>{escape(h)}</i></td>" for h in (
                self.tr("Field"), self.tr("On file"), self.tr("Now")))
            + "</tr>"
        ]  # fmt: skip
        names = VEHICLE_FIELDS if answer.kind == "vehicle" else LICENCE_FIELDS
        for name in names:
            before = None if on_file is None else on_file.get(name)
            now = answer.values.get(name)
            if before is None and now is None:
                continue
            differs = on_file is not None and before != now
            shown_now = escape(_shown(name, now))
            if differs:
                shown_now = f"<b>≠ {shown_now}</b>"
            rows.append(
                f"<tr><td>{escape(field_text(name))}</td><td>{escape(_shown(name, before))}</td>"
                f"<td>{shown_now}</td></tr>"
            )
        table = QLabel()
        table.setTextFormat(Qt.TextFormat.RichText)
        table.setText(f'<table cellspacing="0" cellpadding="4">{"".join(rows)}</table>')
        layout.addWidget(table)
        extra = []
        if answer.counterparty:
            extra.append(arg(self.tr("Other person: %1"), _person(answer.counterparty)))
        if answer.registered_owner:
            extra.append(arg(self.tr("Owner on the papers: %1"), _person(answer.registered_owner)))
        if answer.event_date:
            when = date.fromisoformat(answer.event_date)
            extra.append(arg(self.tr("Date: %1"), f"{when:%d/%m/%Y}"))
        if answer.papers:
            extra.append(arg(self.tr("Papers seen: %1"), ", ".join(answer.papers)))
        if on_file is None and not answer.added:
            extra.append(self.tr("The record on file is not in this kiosk's copy."))
        if extra:
            details = label()
            details.setText("\n".join(extra))
            layout.addWidget(details)
        return frame

    def _replace_warnings(self, codes: list[str]) -> ChoiceRow:
        """The warnings as chips: each tapped once read (a check mark, not colour alone)."""
        old = self.warnings
        row = ChoiceRow(codes, columns=1, exclusive=False, take_focus=False)
        row.set_labels([arg(self.tr("Seen: %1"), rule_text(code)) for code in codes])
        row.chosen.connect(lambda _code: self._enable())
        parent = old.parentWidget()
        parent_layout = None if parent is None else parent.layout()
        if parent_layout is not None:
            parent_layout.replaceWidget(old, row)
        old.deleteLater()
        row.setVisible(bool(codes))
        return row

    def _enable(self) -> None:
        item = self._item
        acknowledged = set(self.warnings.checked_values())
        ready = item is not None and set(item.warnings) <= acknowledged
        self.approve_button.setEnabled(ready)
        self.return_button.setEnabled(item is not None)

    def _clear(self) -> None:
        while self._records.count():
            entry = self._records.takeAt(0)
            widget = None if entry is None else entry.widget()
            if widget is not None:
                widget.deleteLater()
        self._who.setText("")
        self._return_box.hide()
        self.reasons.clear()
        self.reason_field.clear()
        if self.warnings.buttons:
            self.warnings = self._replace_warnings([])
        self._warnings_title.hide()

    # --- acting -------------------------------------------------------------------------------------
    def _approve(self) -> None:
        item, officer = self._item, self._officer
        if item is None or officer is None or not self.approve_button.isEnabled():
            return
        self.approve_button.setEnabled(False)
        codes = self.warnings.checked_values()
        self._runner.db(
            self._backend.verify.approve, officer, item.record.id, acknowledged=codes
        ).success(self._approved).failure(self._failed).owned_by(self).run()

    def _approved(self, record: SubmissionRecord) -> None:
        self.approved.emit(record.id)
        self._done_with(record.id)

    def _show_return(self) -> None:
        self._return_box.show()
        self._reason_changed()
        area = self.findChild(QScrollArea)
        if area is not None:  # the reasons are at the bottom of the page: bring them into view
            QTimer.singleShot(0, lambda: area.ensureWidgetVisible(self._return_box, 0, 16))

    def _reason_changed(self) -> None:
        code = self.reasons.value()
        typed = " ".join(self.reason_field.text().split())
        self.confirm_return.setEnabled(bool(typed) or (code is not None and code != "other"))

    def reason_text(self) -> str:
        """The return's reason in words: the preset, then what was typed."""
        presets = {
            "papers": self.tr("Papers missing or not matching"),
            "plate": self.tr("Plate or vehicle details wrong"),
            "other_party": self.tr("Buyer or seller details wrong"),
            "ask_resident": self.tr("Ask the resident again"),
            "other": "",
        }
        parts = [
            presets.get(self.reasons.value() or "", ""),
            " ".join(self.reason_field.text().split()),
        ]
        return ": ".join(part for part in parts if part)

    def _return(self) -> None:
        item, officer = self._item, self._officer
        reason = self.reason_text()
        if item is None or officer is None or not reason:
            return
        self.confirm_return.setEnabled(False)
        self._runner.db(self._backend.verify.return_, officer, item.record.id, reason).success(
            lambda record: self._done_with(record.id)
        ).failure(self._failed).owned_by(self).run()

    def _done_with(self, submission_id: str) -> None:
        self._queue = [i for i in self._queue if i != submission_id]
        show_message(self._message, "")
        self._next()

    def _failed(self, error: BaseException) -> None:
        if not is_known_fault(error):
            log_task_error(error)
        show_message(self._message, error_text(error))
        self._enable()

    def _end(self) -> None:
        """The round is over: the officer's co-sign ends with it."""
        self.clear_personal_data()
        self.finished.emit()

    # --- Screen -------------------------------------------------------------------------------------
    def clear_personal_data(self) -> None:
        """The idle lock, sign-out, the end of the round: the officer and the data go."""
        self._officer = None
        self._queue = []
        self._item = None
        self._clear()
        self._title.setText("")
        show_message(self._message, "")

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        self._warnings_title.setText(self.tr("Warnings: tap each one once you have checked it"))
        self._reason_title.setText(self.tr("Why does it go back to the volunteer?"))
        self.reasons.set_labels(
            [self.tr("Papers missing or not matching"), self.tr("Plate or vehicle details wrong"),
             self.tr("Buyer or seller details wrong"), self.tr("Ask the resident again"),
             self.tr("Other reason (type it)")]
        )  # fmt: skip
        self.reason_field.setPlaceholderText(self.tr("Reason, in a few words"))
        self.confirm_return.setText(self.tr("Send it back"))
        self.approve_button.setText(self.tr("Approve"))
        self.return_button.setText(self.tr("Return"))
        self.done_button.setText(self.tr("Done"))
        if self._item is not None:
            self._show(self._item)


def _shown(name: str, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if name == "kind":
        return kind_text(str(value))
    if name.endswith("_date"):
        return f"{date.fromisoformat(str(value)):%d/%m/%Y}"
    return str(value)


def _person(person: dict[str, Any]) -> str:
    name = str(person.get("full_name") or "")
    id_number = person.get("id_number")
    return f"{name} ({id_number})" if id_number else name
