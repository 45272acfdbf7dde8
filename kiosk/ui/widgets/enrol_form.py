"""The intake server's address and the one-time enrolment code, as setup and settings ask them.

The enrolment itself runs on the network worker (``Backend.enrol``); this form checks that both
fields are filled, and words the ways it can fail. It is imported once the store is open (with the
screens that use it), so it may name the sync errors, which bring ``requests`` with them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from kiosk.sync.enrol import Enrolled
from kiosk.sync.errors import (
    BadResponse,
    InsecureAddress,
    Refused,
    ServerBusy,
    TimedOut,
    Unreachable,
)
from kiosk.ui.backend import UnsentRecords
from kiosk.ui.errors import error_text, insecure_address_text
from kiosk.ui.i18n import arg
from kiosk.ui.widgets.osk import set_field_kind

CODE_MAX = 64
URL_MAX = 300


class Enrol(QObject):
    """The translation context of the enrolment messages (``Enrol.tr`` for a plural form)."""


def enrol_error_text(error: BaseException) -> str:
    """Words for a failed enrolment: what the officer can check or do about it."""
    translate = QCoreApplication.translate
    if isinstance(error, UnsentRecords):
        # Called on the class: its name is the context; lupdate reads the count as a plural.
        return Enrol.tr(
            "%n record(s) are still waiting to be sent, and they belong to this station. "  # type: ignore[arg-type]
            "Send them first (Sync now), or an officer exports them with 'kiosk export-queue'.",
            "",
            error.count,  # type: ignore[arg-type]
        )
    if isinstance(error, InsecureAddress):
        return insecure_address_text()
    if isinstance(error, ValueError) and not isinstance(error, BadResponse):
        return translate(
            "Enrol",
            "The server's address must start with https:// (http:// only on this computer).",
        )
    if isinstance(error, Refused) and error.status in (400, 403, 404, 422):
        return translate(
            "Enrol",
            "The server did not accept this code. Codes work once and for a day: "
            "ask the ward office for a new one.",
        )
    if isinstance(error, Unreachable | TimedOut):
        return translate(
            "Enrol",
            "The server could not be reached. Check the address and the network, "
            "or start as an offline demo station and enrol later in the settings.",
        )
    if isinstance(error, ServerBusy):
        return translate("Enrol", "The server is busy. Please try again in a minute.")
    if isinstance(error, BadResponse | Refused):
        return translate(
            "Enrol", "The answer was not from a ward intake server. Please check the address."
        )
    return error_text(error)


def enrolled_text(enrolled: Enrolled) -> str:
    """What the officer sees after a successful enrolment."""
    return arg(
        QCoreApplication.translate("Enrol", "Enrolled: station %1, %2, %3."),
        enrolled.station_id,
        enrolled.ward,
        enrolled.group,
    )


class EnrolForm(QWidget):
    """Two fields with their captions; :meth:`values` answers None (and says why) until both are."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._server_caption = QLabel()
        self.server_field = QLineEdit()
        set_field_kind(self.server_field, "latin")
        self.server_field.setMaxLength(URL_MAX)
        self.server_field.setInputMethodHints(
            Qt.InputMethodHint.ImhUrlCharactersOnly | Qt.InputMethodHint.ImhNoAutoUppercase
        )
        self._code_caption = QLabel()
        self.code_field = QLineEdit()
        set_field_kind(self.code_field, "latin")
        self.code_field.setMaxLength(CODE_MAX)
        self.code_field.setInputMethodHints(
            Qt.InputMethodHint.ImhNoAutoUppercase | Qt.InputMethodHint.ImhNoPredictiveText
        )
        for caption in (self._server_caption, self._code_caption):
            caption.setWordWrap(True)
        layout = QGridLayout(self)  # captions beside the fields: the setup step must fit 768 px
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(16)
        layout.setVerticalSpacing(12)
        layout.addWidget(self._server_caption, 0, 0)
        layout.addWidget(self.server_field, 0, 1)
        layout.addWidget(self._code_caption, 1, 0)
        layout.addWidget(self.code_field, 1, 1)
        layout.setColumnStretch(0, 2)
        layout.setColumnStretch(1, 3)
        self.retranslateUi()

    def values(self) -> tuple[str, str] | None:
        """(address, code), stripped; None when one is empty."""
        server, code = self.server_field.text().strip(), self.code_field.text().strip()
        return (server, code) if server and code else None

    def missing_text(self) -> str:
        """Which field is still empty, in words."""
        if not self.server_field.text().strip():
            return self.tr("Please type the address of the ward's intake server.")
        return self.tr("Please type the enrolment code from the ward office.")

    def set_server(self, url: str | None) -> None:
        """Start from a known address (settings: the current server)."""
        self.server_field.setText(url or "")

    def clear_code(self) -> None:
        """Codes are secrets: never left on screen."""
        self.code_field.clear()

    def retranslateUi(self) -> None:
        """Captions in the current language."""
        self._server_caption.setText(self.tr("Address of the ward's intake server"))
        self.server_field.setPlaceholderText("https://")
        self._code_caption.setText(self.tr("Enrolment code (from the ward office)"))
        self.code_field.setPlaceholderText(self.tr("Enrolment code"))

    def changeEvent(self, event: QEvent) -> None:
        """Follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
