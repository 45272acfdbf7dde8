"""What happened at the door or the desk, for a household or one member: one tap for the outcome,
the day to come back on big date steps when that is the answer, an optional note on the on-screen
keyboard. The form only asks; the screen records it (on the database worker)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, Signal
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from kiosk.store.outcomes import MAX_NOTE, VISIT_OUTCOMES
from kiosk.ui.screens.base import label
from kiosk.ui.widgets.choice import ChoiceRow
from kiosk.ui.widgets.date_entry import DateEntry
from kiosk.ui.widgets.osk import set_field_kind

translate = QCoreApplication.translate
COME_BACK_DAYS = 60
"""The latest day to come back on that the steps allow, from today."""


def outcome_text(outcome: str) -> str:
    """An outcome code in words, in the current language."""
    words = {
        "absent": translate("OutcomeForm", "Absent"),
        "moved_away": translate("OutcomeForm", "Moved away"),
        "refused": translate("OutcomeForm", "Refused"),
        "come_back": translate("OutcomeForm", "Come back on a day"),
    }
    return words.get(outcome, outcome)


class OutcomeForm(QWidget):
    """Outcome, day to come back (only for "come back"), note; ``changed`` after every choice."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outcome_choice = ChoiceRow(VISIT_OUTCOMES, columns=2)
        self.outcome_choice.chosen.connect(self._chosen)
        self._day_title = label("subtitle")
        self.day_entry = DateEntry()
        self._note_title = label("subtitle")
        self.note_field = QLineEdit()
        set_field_kind(self.note_field, "text")
        self.note_field.setMaxLength(MAX_NOTE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        for widget in (
            self.outcome_choice,
            self._day_title,
            self.day_entry,
            self._note_title,
            self.note_field,
        ):
            layout.addWidget(widget)
        self.reset(date.today())
        self.retranslateUi()

    def reset(self, today: date) -> None:
        """A fresh form: nothing chosen, tomorrow as the day to come back, no note."""
        self.outcome_choice.clear()
        self.day_entry.set_range(today, date.fromordinal(today.toordinal() + COME_BACK_DAYS))
        self.day_entry.set_value(date.fromordinal(today.toordinal() + 1))
        self.note_field.clear()
        self._show_day()

    def _chosen(self, _outcome: str) -> None:
        self._show_day()
        self.changed.emit()

    def _show_day(self) -> None:
        come_back = self.outcome_choice.value() == "come_back"
        self._day_title.setVisible(come_back)
        self.day_entry.setVisible(come_back)

    def outcome(self) -> str | None:
        """The outcome chosen, or None."""
        value = self.outcome_choice.value()
        return str(value) if value is not None else None

    def come_back_on(self) -> date | None:
        """The day to come back on, for "come back" only."""
        return self.day_entry.value() if self.outcome() == "come_back" else None

    def note(self) -> str | None:
        """The note typed, trimmed; None when empty."""
        text = " ".join(self.note_field.text().split())
        return text or None

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        self.outcome_choice.set_labels([outcome_text(o) for o in VISIT_OUTCOMES])
        self._day_title.setText(self.tr("Day to come back on"))
        self._note_title.setText(self.tr("Note (optional)"))
        self.note_field.setPlaceholderText(self.tr("e.g. the son works nights; call after 8 pm"))

    def changeEvent(self, event: QEvent) -> None:
        """Follow a language switch without a restart."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
