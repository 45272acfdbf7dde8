"""One router decides what a scan does, wherever the kiosk is (DESIGN.md §2 step 1).

- Nobody signed in: "sign in first"; the card is not kept.
- A field that takes an ID number has the focus (``TAKES_ID_PROPERTY``): the scan fills it.
- An officer-only screen, or a message box open: the scan is ignored, and a notice says so.
- Anywhere else (Home, look-up, a resident's page): the resident opens.
- Not a citizen ID card (a health-insurance card, a web address, a product barcode, half a card):
  what it looks like and what to do, in plain words; nothing typed so far is touched.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication, QLineEdit

from kiosk.domain.identity import IdCard, InvalidCard, parse_card_qr
from kiosk.domain.scan import classify_scan

TAKES_ID_PROPERTY = "takesIdNumber"
"""A text field with this property set true takes a scanned card's ID number (the other party of
a sale, a representative: the visit screens set it)."""

translate = QCoreApplication.translate


class Shell(Protocol):
    """What the router needs from the main window."""

    def has_operator(self) -> bool: ...
    def on_officer_screen(self) -> bool: ...
    def notify(self, text: str, role: str = "notice") -> None: ...
    def notify_sign_in_first(self) -> None: ...
    def open_card(self, card: IdCard) -> None: ...


def not_a_card_text(text: str) -> str:
    """What a scan that is not a citizen ID card looks like, and what to do."""
    kind = classify_scan(text)
    if kind == "health_insurance":
        return translate(
            "Scan",
            "That is a health-insurance card. Please scan the QR code on the front of the "
            "chip ID card (căn cước).",
        )
    if kind == "url":
        return translate(
            "Scan",
            "That is a web address, not an ID card. Please scan the QR code on the front of the "
            "chip ID card.",
        )
    if kind == "product_barcode":
        return translate(
            "Scan",
            "That is a product barcode, not an ID card. Please scan the QR code on the front of "
            "the chip ID card.",
        )
    if kind == "partial_card":
        try:
            parse_card_qr(text)
        except InvalidCard as exc:
            if exc.code.startswith("id_number.birth_year") or exc.code.endswith("sex_mismatch"):
                return translate(
                    "Scan",
                    "The card's ID number does not agree with its birth date or sex. Type the ID "
                    "number by hand and check the card with an officer.",
                )
        return translate(
            "Scan",
            "Only part of the card was read. Hold the card still under the scanner and scan it "
            "again.",
        )
    return translate(
        "Scan",
        "That code was not recognised. Scan the QR code on the front of the chip ID card, or "
        "type the ID number on the keypad.",
    )


class ScanRouter(QObject):
    """Decides what a finished scan does (``route``), given the shell's state."""

    def __init__(self, parent: QObject, shell: Shell) -> None:
        super().__init__(parent)
        self._shell = shell

    def route(self, text: str) -> str:
        """Act on a scan; returns what was done (tests and logs read it, never the text)."""
        shell = self._shell
        if not shell.has_operator():
            shell.notify_sign_in_first()
            return "sign_in_first"
        try:
            card = parse_card_qr(text)
        except InvalidCard:
            shell.notify(not_a_card_text(text), "error")
            return "not_a_card"
        if QApplication.activeModalWidget() is not None:  # a message is open: it comes first
            shell.notify(
                translate(
                    "Scan", "Close the message on the screen first, then scan the card again."
                )
            )
            return "dialog_open"
        field = QApplication.focusWidget()
        if isinstance(field, QLineEdit) and field.property(TAKES_ID_PROPERTY):
            field.setText(card.id_number)
            return "filled"
        if shell.on_officer_screen():
            shell.notify(
                translate(
                    "Scan",
                    "Cards cannot be used on this screen. Go Home first, then scan the card again.",
                )
            )
            return "ignored"
        shell.open_card(card)
        return "opened"
