"""The receipt (DESIGN.md §2 step 6): what the resident keeps after their visit.

Read by the resident, often elderly, on a 1366×768 touch screen: the reference code very large with
its QR code beside it (the code alone, so that a phone's photo or scan gives the same characters an
officer asks for on the phone), then what was recorded: when, where, for whom, each record with its
answer. A smaller QR code opens the iHanoi app's install page. In training mode the receipt says
that nothing was sent. "Next person" is the volunteer's: the window connects it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.i18n import arg
from kiosk.ui.screens.base import Screen, button, card, label, scrolling
from kiosk.ui.widgets.qr import QrLabel

CODE_QR_PX = 264
"""The reference code's QR code: 9 pixels a module for a 9-character code (21 modules + border)."""
APP_QR_PX = 148
"""The iHanoi install page's QR code: smaller, beside the receipt, not part of it."""
CODE_SPACING_PERCENT = 115
"""The reference code's letters a little apart, to be read aloud or copied one by one."""


@dataclass(frozen=True)
class Receipt:
    """One resident's visit as the receipt shows it (plain data; the lines already in words)."""

    reference: str
    captured_at: datetime
    """Aware; shown in the kiosk's local time."""
    community_house: str
    resident_name: str
    lines: tuple[str, ...]
    """One line per record with its answer, e.g. "29-B1 234.56 · Still mine, details correct"."""
    training: bool
    ihanoi_url: str


class ReceiptScreen(Screen):
    """The reference code and its QR code, the visit in words, and "Next person"."""

    access = "operator"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._receipt: Receipt | None = None

        self._training = label()
        self._training.setObjectName("ReceiptTraining")
        self._training.hide()
        self._code_caption = label("subtitle")
        self.reference_label = label(wrap=False)
        self.reference_label.setObjectName("ReceiptReference")
        self.reference_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        spaced = QFont(self.reference_label.font())
        spaced.setLetterSpacing(QFont.SpacingType.PercentageSpacing, CODE_SPACING_PERCENT)
        self.reference_label.setFont(spaced)
        self._photo = label()
        self._when = label()
        self._house = label()
        self._resident = label("title")
        self._lines_title = label("subtitle")
        self._lines = QVBoxLayout()
        self._lines.setSpacing(8)
        self.code_qr = QrLabel(CODE_QR_PX)
        self.app_qr = QrLabel(APP_QR_PX)
        self._app_caption = label("hint")
        self._app_caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.next_button = button("primary", "user")

        code_card, code_layout = card()
        for widget in (self._code_caption, self.reference_label, self._photo):
            code_layout.addWidget(widget)
        visit_card, visit_layout = card()
        for widget in (self._resident, self._when, self._house, self._lines_title):
            visit_layout.addWidget(widget)
        visit_layout.addLayout(self._lines)
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 16, 0)
        column.setSpacing(14)
        column.addWidget(code_card)
        column.addWidget(visit_card)
        column.addStretch(1)
        left = QVBoxLayout()
        left.setSpacing(12)
        left.addWidget(self._training)
        left.addWidget(scrolling(page), 1)

        self._app_box = QWidget()
        app_column = QVBoxLayout(self._app_box)
        app_column.setContentsMargins(0, 0, 0, 0)
        app_column.setSpacing(6)
        app_column.addWidget(self.app_qr, 0, Qt.AlignmentFlag.AlignHCenter)
        app_column.addWidget(self._app_caption)
        right = QVBoxLayout()
        right.setSpacing(12)
        right.addWidget(self.code_qr, 0, Qt.AlignmentFlag.AlignHCenter)
        right.addStretch(1)
        right.addWidget(self._app_box)
        right.addStretch(1)
        right.addWidget(self.next_button)
        side = QWidget()
        side.setLayout(right)
        side.setMinimumWidth(CODE_QR_PX + 64)  # the caption wraps in it; the button fills it
        side.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(40, 16, 40, 16)
        layout.setSpacing(28)
        layout.addLayout(left, 1)
        layout.addWidget(side)
        self.retranslateUi()

    # --- showing ---------------------------------------------------------------------------------
    def show_receipt(self, receipt: Receipt, code_matrix: list[list[bool]] | None = None) -> None:
        """Show ``receipt`` (the screen keeps it until :meth:`clear_personal_data`);
        ``code_matrix`` is the reference's QR matrix when it was made on a worker."""
        self._receipt = receipt
        self.reference_label.setText(receipt.reference)
        self.code_qr.set_payload(receipt.reference, code_matrix)
        self.app_qr.set_payload(receipt.ihanoi_url)
        self._app_box.setVisible(bool(receipt.ihanoi_url))
        self._training.setVisible(receipt.training)
        self._resident.setText(receipt.resident_name)
        self._clear_lines()
        for text in receipt.lines:
            line = label()
            line.setText(f"• {text}")
            self._lines.addWidget(line)
        self._show_texts()

    def receipt(self) -> Receipt | None:
        """The receipt on show (None when blank)."""
        return self._receipt

    def line_texts(self) -> list[str]:
        """The record lines as shown (tests read them)."""
        texts = []
        for index in range(self._lines.count()):
            item = self._lines.itemAt(index)
            widget = None if item is None else item.widget()
            if isinstance(widget, QLabel):
                texts.append(widget.text())
        return texts

    def texts(self) -> list[str]:
        """Every text on show, top to bottom (tests read it)."""
        shown = (
            self._training,
            self._code_caption,
            self.reference_label,
            self._photo,
            self._resident,
            self._when,
            self._house,
            self._lines_title,
        )
        return [
            *(w.text() for w in shown if w.text() and not w.isHidden()),
            *self.line_texts(),
        ]

    def _show_texts(self) -> None:
        """The texts made from the receipt's values, in the current language."""
        receipt = self._receipt
        if receipt is None:
            for widget in (self._when, self._house, self._lines_title):
                widget.setText("")
            self._house.show()
            return
        when = receipt.captured_at.astimezone()
        self._when.setText(arg(self.tr("Date and time: %1"), f"{when:%d/%m/%Y %H:%M}"))
        house = receipt.community_house
        self._house.setText(arg(self.tr("Community house: %1"), house) if house else "")
        self._house.setVisible(bool(house))  # a station not named yet: no empty caption
        self._lines_title.setText(
            self.tr("What was recorded:") if receipt.lines else self.tr("No record was changed.")
        )

    def _clear_lines(self) -> None:
        while self._lines.count():
            item = self._lines.takeAt(0)
            widget = None if item is None else item.widget()
            if widget is not None:
                widget.deleteLater()

    # --- Screen ----------------------------------------------------------------------------------
    def clear_personal_data(self) -> None:
        """The next person, the idle lock, sign-out: the receipt is blanked."""
        self._receipt = None
        self.reference_label.setText("")
        self.code_qr.set_payload("")  # the app's link is no personal data: it stays ready
        self._resident.setText("")
        self._training.hide()
        self._clear_lines()
        self._show_texts()

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        self._training.setText(self.tr("Training — not sent: this visit was practice."))
        self._code_caption.setText(self.tr("Your reference code"))
        self._photo.setText(
            self.tr(
                "You may take a photo of this code with your phone. Give this code if you ask the "
                "ward about your records."
            )
        )
        self._app_caption.setText(self.tr("Scan to install the iHanoi app."))
        self.next_button.setText(self.tr("Next person"))
        self._show_texts()
