"""The read-back (DESIGN.md §2 step 5): one large line per record and answer, then Save.

The screen can be turned towards the resident: it shows their own data only, in large type.
Save hands the visit to the flow, which writes it on the database worker; the button says it is
saving and the screen moves on only once the capture is durable on disk. When the rules still
find an error, Save lists what is missing and takes the operator back to the first of it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QWidget

from kiosk.domain.visit import Visit
from kiosk.ui.i18n import arg
from kiosk.ui.screens.base import Screen, button, card, label, page_with_actions, show_message
from kiosk.ui.screens.consent import phone_shown
from kiosk.ui.visit_rules import check_visit, rule_text
from kiosk.ui.widgets.answer_card import answer_text, record_title, relation_text

translate = QCoreApplication.translate


def visit_lines(visit: Visit) -> list[str]:
    """One line per record with its answer, in words (the review and the receipt)."""
    lines = []
    for answer in visit.records:
        said = answer_text(answer.kind, answer.answer)
        if answer.added and answer.path == "second_hand":
            said = translate("ReviewScreen", "Added: bought second-hand, never transferred")
        lines.append(f"{record_title(answer)}: {said}")
    person = visit.representative
    if person is not None:
        lines.append(
            arg(
                translate("ReviewScreen", "Acting for the resident: %1 (%2)"),
                person.get("full_name") or "",
                relation_text(str(person.get("relation") or "")),
            )
        )
    return lines


class ReviewScreen(Screen):
    """Large read-back, Save, and Back to the answers."""

    access = "operator"
    save_clicked = Signal()
    back = Signal()
    fix = Signal(str)
    """Save found an error: the JSON Pointer of the first one (the flow shows its field)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._visit: Visit | None = None
        self._title = label("title")
        self._name = label("headline")
        self._lines = label("title")  # large: the screen is turned towards the resident
        self._phone = label("title")
        self._consent = label("subtitle")
        self._message = label("error")
        self._message.hide()
        self.save_button = button("primary", "check")
        self.save_button.clicked.connect(self._save)
        self.back_button = button(None, "back")
        self.back_button.clicked.connect(self.back)

        box, inner = card()
        for widget in (self._name, self._lines, self._phone, self._consent):
            inner.addWidget(widget)
        page_with_actions(
            self,
            [self._title, box],
            [(self.back_button, 0), (self._message, 1), (self.save_button, 0)],
        )
        self.retranslateUi()

    def show_visit(self, visit: Visit) -> None:
        """The visit read back, Save ready."""
        self._visit = visit
        self.set_saving(False)
        show_message(self._message, "")
        self._fill()

    def _fill(self) -> None:
        visit = self._visit
        if visit is None:
            return
        self._name.setText(str(visit.resident.get("full_name") or ""))
        lines = visit_lines(visit) or [self.tr("No vehicle or licence on file.")]
        self._lines.setText("\n".join(f"• {line}" for line in lines))
        phone = visit.phone
        self._phone.setText(
            arg(self.tr("Phone: %1"), phone_shown(phone)) if phone else self.tr("Phone: none")
        )
        self._consent.setText(self.tr("Consent to use personal data: agreed"))

    def _save(self) -> None:
        visit = self._visit
        if visit is None or not self.save_button.isEnabled():
            return
        blocking = [f for f in check_visit(visit) if f.blocks]
        if blocking:
            lines = dict.fromkeys(rule_text(f.code, f.path) for f in blocking)
            show_message(self._message, "\n".join(lines))
            self.fix.emit(blocking[0].path)
            return
        self.set_saving(True)
        self.save_clicked.emit()

    def set_saving(self, saving: bool) -> None:
        """While the capture is written: the button says so and cannot be tapped twice."""
        self.save_button.setEnabled(not saving)
        self.save_button.setText(self.tr("Saving…") if saving else self.tr("Save"))

    def show_failure(self, text: str) -> None:
        """Save failed (a full disk, say): what happened; everything entered is still here."""
        self.set_saving(False)
        show_message(self._message, text)

    def clear_personal_data(self) -> None:
        """The idle lock and sign-out."""
        self._visit = None
        for widget in (self._name, self._lines, self._phone, self._consent):
            widget.setText("")
        show_message(self._message, "")

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        self._title.setText(self.tr("Please check with the resident"))
        self.back_button.setText(self.tr("Back to the answers"))
        self.set_saving(not self.save_button.isEnabled())
        self._fill()
