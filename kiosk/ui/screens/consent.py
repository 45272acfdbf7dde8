"""Phone and consent (DESIGN.md §2 step 5): the resident reads a few plain sentences and agrees.

The phone on file is shown, ready; without one, a phone keypad takes it (checked and normalised
by the domain rule: ``+84 912 345 678`` is kept as ``0912345678``). The consent text is the
kiosk's own, in the operator's language, unless the ward replaced it in the config file
(``consent_text``). Agreeing is one tap. A refusal is asked once more, then ends the visit
without a submission (the flow discards the draft with the reason ``refused``).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from kiosk.domain.errors import DomainError
from kiosk.domain.phone import parse_phone
from kiosk.domain.visit import Visit
from kiosk.ui.screens.base import Screen, button, card, label, page_with_actions, show_message
from kiosk.ui.visit_rules import rule_text
from kiosk.ui.widgets.keypad import Keypad

PHONE_DIGITS = 11
"""A landline has 11 digits, a mobile 10."""


def phone_shown(phone: str) -> str:
    """A phone number grouped for reading aloud: ``0912 345 678``."""
    if len(phone) == 10:
        return f"{phone[:4]} {phone[4:7]} {phone[7:]}"
    return phone


def normalised_phone(text: str | None) -> str | None:
    """A phone number as the rules keep it, or None when there is none or it cannot be read."""
    if not text:
        return None
    try:
        return parse_phone(text).value
    except DomainError:
        return None


class ConsentScreen(Screen):
    """The phone number, the consent text, and Agree / Does not agree."""

    access = "operator"
    agreed = Signal()
    refused = Signal()
    back = Signal()

    def __init__(self, consent_text: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ward_text = consent_text
        self._visit: Visit | None = None
        self._asking_refusal = False

        self._title = label("title")
        self._phone_title = label("subtitle")
        self._phone = label("headline", wrap=False)
        self._phone_message = label("error")
        self._phone_message.hide()
        self.change_phone = button(None, "clear")
        self.change_phone.clicked.connect(self._edit_phone)
        self.keypad = Keypad(max_length=PHONE_DIGITS)
        self.keypad.submitted.connect(self._phone_entered)
        self.keypad.hide()
        self._consent_title = label("subtitle")
        self._consent = label()
        self._refusal = label("error")
        self._refusal.hide()
        self.agree_button = button("primary", "check")
        self.agree_button.clicked.connect(self._agree)
        self.refuse_button = button("danger", "ban")
        self.refuse_button.clicked.connect(self._refuse)
        self.back_button = button(None, "back")
        self.back_button.clicked.connect(self.back)

        phone_box, phone_layout = card()
        row = QHBoxLayout()
        row.addWidget(self._phone, 1)
        row.addWidget(self.change_phone)
        phone_layout.addWidget(self._phone_title)
        phone_layout.addLayout(row)
        phone_layout.addWidget(self.keypad)
        phone_layout.addWidget(self._phone_message)
        consent_box, consent_layout = card()
        consent_layout.addWidget(self._consent_title)
        consent_layout.addWidget(self._consent)
        page_with_actions(
            self,
            [self._title, consent_box, phone_box],
            [(self.back_button, 0), (self._refusal, 1), (self.refuse_button, 0),
             (self.agree_button, 0)],
        )  # fmt: skip
        self.retranslateUi()

    def show_visit(self, visit: Visit) -> None:
        """The visit's phone (normalised) and the consent question, nothing agreed yet."""
        self._visit = visit
        visit.phone = normalised_phone(visit.phone) or visit.phone
        self._asking_refusal = False
        show_message(self._refusal, "")
        show_message(self._phone_message, "")
        self.keypad.clear()
        self._show_phone()

    def _show_phone(self) -> None:
        phone = None if self._visit is None else self._visit.phone
        self._phone.setText(phone_shown(phone) if phone else self.tr("No phone number yet"))
        self.keypad.setVisible(not phone)
        self.change_phone.setVisible(bool(phone))

    def _edit_phone(self) -> None:
        if self._visit is not None:
            self._visit.phone = None
        self._show_phone()
        self.keypad.setFocus()

    def _phone_entered(self, digits: str) -> None:
        """A phone typed on the keypad: checked by the rule, kept normalised."""
        if self._visit is None:
            return
        try:
            phone = parse_phone(digits)
        except DomainError as exc:
            show_message(self._phone_message, rule_text(exc.code))
            return
        self._visit.phone = phone.value
        warning = phone.warnings[0] if phone.warnings else ""
        show_message(self._phone_message, rule_text(warning) if warning else "", "warning")
        self.keypad.clear()
        self._show_phone()

    def _agree(self) -> None:
        """One tap: consent given (digits typed but not confirmed are taken as the phone)."""
        visit = self._visit
        if visit is None:
            return
        if self.keypad.value():
            self._phone_entered(self.keypad.value())
            if self.keypad.value():  # not a phone number: the message says why
                return
        visit.consent = True
        visit.step = "review"
        self.agreed.emit()

    def _refuse(self) -> None:
        """Asked once more (nothing is kept), then the visit ends."""
        if not self._asking_refusal:
            self._asking_refusal = True
            show_message(
                self._refusal,
                self.tr(
                    "Without consent nothing is recorded and the answers are erased. "
                    "Tap again to end the visit."
                ),
            )
            return
        self._asking_refusal = False
        show_message(self._refusal, "")
        self.refused.emit()

    def consent_text(self) -> str:
        """The ward's text when it set one, else the kiosk's own in the current language."""
        if self._ward_text:
            return self._ward_text
        return self.tr(
            "To clean the records of vehicles and driving licences, the ward police will use "
            "your name, ID number, date of birth, address, phone number and the records of your "
            "vehicles and licences, as Decree 13/2023/NĐ-CP on protecting personal data allows.\n"
            "They are used only for this campaign, kept safe, and given to nobody else.\n"
            "You may ask the ward police to see, correct or delete them.\n"
            "Do you agree?"
        )

    def clear_personal_data(self) -> None:
        """The idle lock: the phone shown and typed goes."""
        self._visit = None
        self.keypad.clear()
        self._phone.setText("")
        show_message(self._phone_message, "")
        show_message(self._refusal, "")
        self._asking_refusal = False

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        self._title.setText(self.tr("Phone number and consent"))
        self._phone_title.setText(self.tr("Phone number"))
        self._consent_title.setText(self.tr("Consent to use personal data"))
        self._consent.setText(self.consent_text())
        self.change_phone.setText(self.tr("Change"))
        self.keypad.set_placeholder(self.tr("Type the phone number"))
        self.agree_button.setText(self.tr("Agree"))
        self.refuse_button.setText(self.tr("Does not agree"))
        self.back_button.setText(self.tr("Back"))
        if self._visit is not None:
            self._show_phone()
