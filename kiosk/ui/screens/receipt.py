"""The receipt (DESIGN.md §2 step 6): what the resident keeps after their visit.

Read by the resident, often elderly, on a 1366×768 touch screen: the reference code very large with
its QR code beside it (the code alone, so that a phone's photo or scan gives the same characters an
officer asks for on the phone), then what was recorded: when, where, for whom, each record with its
answer. A smaller QR code opens the iHanoi app's install page. In training mode the receipt says
that nothing was sent. "Next person" is the volunteer's: the window connects it, and so "Print"
(the receipt on paper, kiosk/ui/printing.py; the screen only shows the printer's state).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.i18n import arg
from kiosk.ui.screens.base import Screen, button, card, label, scrolling, show_message
from kiosk.ui.widgets.qr import QrLabel

translate = QCoreApplication.translate

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


# The receipt's words, on the screen and on paper alike (kiosk/ui/printing.py): one translation.
def training_text() -> str:
    return translate("ReceiptScreen", "Training — not sent: this visit was practice.")


def code_caption_text() -> str:
    return translate("ReceiptScreen", "Your reference code")


def app_caption_text() -> str:
    return translate("ReceiptScreen", "Scan to install the iHanoi app.")


def when_text(receipt: Receipt) -> str:
    """The visit's date and time, in the kiosk's local time."""
    when = receipt.captured_at.astimezone()
    return arg(translate("ReceiptScreen", "Date and time: %1"), f"{when:%d/%m/%Y %H:%M}")


def house_text(receipt: Receipt) -> str:
    """The community house, or "" for a station not named yet (no empty caption)."""
    house = receipt.community_house
    return arg(translate("ReceiptScreen", "Community house: %1"), house) if house else ""


def lines_title_text(receipt: Receipt) -> str:
    if receipt.lines:
        return translate("ReceiptScreen", "What was recorded:")
    return translate("ReceiptScreen", "No record was changed.")


class ReceiptScreen(Screen):
    """The reference code and its QR code, the visit in words, "Print" and "Next person"."""

    access = "operator"
    print_clicked = Signal()
    verify_clicked = Signal()
    """An officer beside the volunteer checks this visit now (a co-sign)."""
    """The operator asked for the receipt on paper: the window prints :meth:`receipt` on a worker,
    then calls :meth:`show_printed` or :meth:`show_print_failed`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._receipt: Receipt | None = None
        self._printer_ready = False
        self._printer_name = ""
        self._printing = False

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
        self.verify_button = button(None, "person_check")
        self.verify_button.clicked.connect(self.verify_clicked)
        self.verify_button.hide()
        self.print_button = button(None, "printer")
        self.print_button.clicked.connect(self._print)
        self._print_notice = label()
        self._print_notice.hide()

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
        print_row = QHBoxLayout()  # at the bottom, beside "Next person"
        print_row.setSpacing(20)
        print_row.addWidget(self._print_notice, 1)
        print_row.addStretch(0)
        print_row.addWidget(self.verify_button, 0, Qt.AlignmentFlag.AlignBottom)
        print_row.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignBottom)
        left.addLayout(print_row)

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
        print_row.setContentsMargins(0, 0, 0, right.contentsMargins().bottom())  # level with Next
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
        self._printing = False  # a new receipt: "Print" again, no notice of the last one
        show_message(self._print_notice, "")
        self._show_print_button()

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
        self._when.setText(when_text(receipt))
        self._house.setText(house_text(receipt))
        self._house.setVisible(bool(receipt.community_house))  # not named yet: no empty caption
        self._lines_title.setText(lines_title_text(receipt))

    # --- printing ---------------------------------------------------------------------------------
    def offer_verification(self, offered: bool) -> None:
        """Show "Officer checks now" (a visit just captured, waiting for an officer)."""
        self.verify_button.setVisible(offered)

    def set_printer_state(self, ready: bool, name: str) -> None:
        """Whether a printer is there to print on (``name``, for the words of an error).

        Without one, "Print" is disabled and says so; nothing is ever printed from here.
        """
        self._printer_ready = ready
        self._printer_name = name if ready else ""
        self._show_print_button()

    def printer_ready(self) -> bool:
        """Whether "Print" can be tapped (a printer, a receipt, no print under way)."""
        return self._printer_ready and self._receipt is not None and not self._printing

    def show_printed(self) -> None:
        """The print went to the printer: a short notice, and "Print" again for a second copy."""
        if not self._printing:  # the next person came first: nothing to say on a blank receipt
            return
        self._printing = False
        show_message(self._print_notice, self.tr("Printed."), "notice")
        self._show_print_button()

    def show_print_failed(self, error: BaseException) -> None:
        """The print did not go: the reason in words; "Print" can be tried again."""
        if not self._printing:
            return
        from kiosk.ui.printing import print_error_text  # loaded already: the window printed

        self._printing = False
        show_message(self._print_notice, print_error_text(error, self._printer_name))
        self._show_print_button()

    def _print(self) -> None:
        if not self.printer_ready():
            return
        self._printing = True  # one tap, one print: the button waits for the outcome
        show_message(self._print_notice, "")
        self._show_print_button()
        self.print_clicked.emit()

    def _show_print_button(self) -> None:
        if not self._printer_ready:
            text = self.tr("No printer")
        elif self._printing:
            text = self.tr("Printing…")
        else:
            text = self.tr("Print")
        self.print_button.setText(text)
        self.print_button.setEnabled(self.printer_ready())

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
        self._printing = False
        show_message(self._print_notice, "")
        self._show_print_button()

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        self._training.setText(training_text())
        self._code_caption.setText(code_caption_text())
        self._photo.setText(
            self.tr(
                "You may take a photo of this code with your phone. Give this code if you ask the "
                "ward about your records."
            )
        )
        self._app_caption.setText(app_caption_text())
        self.next_button.setText(self.tr("Next person"))
        self.verify_button.setText(self.tr("Officer checks now"))
        self._show_texts()
        self._show_print_button()
