"""The receipt on paper (DESIGN.md §2 step 6): painted with QPainter onto a ``QPrinter``.

Two layouts, by paper: an 80 mm thermal roll (one column, the page as long as the receipt) and an
A4 sheet (the same content, larger, on the top half: text on the left, the QR codes on the right).
The QR codes are painted as filled rectangles, each module a whole number of printer dots, so they
stay crisp at any resolution (no Pillow, no scaled image). The texts are the screen's own
(kiosk/ui/screens/receipt.py), so paper and screen say the same, in the same language.

Printing runs on a worker (``TaskRunner.net``): a receipt is plain data, and Qt lets a thread paint
on a QPrinter. What a printer does after it took the job (paper out, lid open) is not seen here:
QPrinter hands the job to the spooler (CUPS, Windows' print spooler) and hears nothing back.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple, Protocol

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPen,
)
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from kiosk.ui.errors import error_text
from kiosk.ui.i18n import arg
from kiosk.ui.preferences import PAPERS, Paper, printer_in_use
from kiosk.ui.screens.receipt import (
    Receipt,
    app_caption_text,
    code_caption_text,
    house_text,
    lines_title_text,
    training_text,
    when_text,
)
from kiosk.ui.widgets.qr import QUIET_ZONE, qr_matrix

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

__all__ = [
    "PAPERS",
    "Paper",
    "PrintError",
    "Printers",
    "available_printers",
    "default_printer",
    "find_printer",
    "pdf_printer",
    "print_error_text",
    "print_receipt",
    "print_to",
    "printers",
]

MM_PER_INCH = 25.4
ROLL_WIDTH_MM = 80.0
ROLL_START_HEIGHT_MM = 200.0
"""The roll's page before the receipt is measured; then the page is made exactly as long."""


class PrintError(Exception):
    """The receipt could not be handed to the printer; ``reason`` says why, in a word.

    ``no_printer``: none on this computer; ``not_found``: the chosen one is not there (unplugged,
    removed); ``not_opened``: it refused the job (or a PDF file could not be written);
    ``failed``: the job broke off while it was being sent.
    """

    def __init__(self, reason: str, printer: str = "") -> None:
        super().__init__(f"{reason}: {printer}" if printer else reason)
        self.reason = reason
        self.printer = printer


def print_error_text(error: BaseException, printer: str = "") -> str:
    """Words for a failed print (the receipt screen shows them under "Print")."""
    if not isinstance(error, PrintError):
        return error_text(error)
    name = error.printer or printer
    if error.reason == "no_printer":
        return translate("Printing", "No printer is connected to this computer.")
    if error.reason == "not_found":
        text = translate(
            "Printing",
            "The printer %1 is not connected. Check its cable and power, or choose another "
            "printer in Settings.",
        )
    elif error.reason == "not_opened":
        text = translate(
            "Printing",
            "The printer %1 did not take the receipt. Check that it is on, then try again.",
        )
    else:
        text = translate(
            "Printing", "The printer %1 stopped printing. Check its paper, then try again."
        )
    return arg(text, name)


# --- the printers of this computer -------------------------------------------------------------


class Printers(NamedTuple):
    """The printers the system knows, and its default one (None when it has none)."""

    names: tuple[str, ...]
    default: str | None


def available_printers() -> list[str]:
    """The printers' names as the system knows them (CUPS queues; Windows printers).

    Asks the spooler: run it on a worker, it can take a while with network printers.
    """
    return list(QPrinterInfo.availablePrinterNames())


def default_printer() -> str | None:
    """The system's default printer, or None."""
    return QPrinterInfo.defaultPrinterName() or None


def printers() -> Printers:
    """:func:`available_printers` and :func:`default_printer` in one call (for Settings)."""
    return Printers(tuple(available_printers()), default_printer())


def find_printer(chosen: str) -> str | None:
    """The printer to print on for the preference ``chosen`` ("": the system's default), or None:
    see :func:`~kiosk.ui.preferences.printer_in_use`. Asks the spooler: run it on a worker."""
    return printer_in_use(chosen, available_printers(), default_printer())


def print_to(receipt: Receipt, printer_name: str, paper: Paper) -> None:
    """Print ``receipt`` on ``printer_name`` ("" for :func:`find_printer`'s choice).

    Raises :class:`PrintError` when there is no such printer or it cannot be opened.
    """
    name = find_printer(printer_name)
    if name is None:
        raise PrintError("not_found" if printer_name else "no_printer", printer_name)
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        raise PrintError("not_found", name)
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    if not printer.isValid():
        raise PrintError("not_opened", name)
    printer.setDocName(f"Receipt {receipt.reference}")  # the spooler's job list: no personal data
    print_receipt(receipt, printer, paper)


def pdf_printer(path: Path | str, paper: Paper) -> QPrinter:
    """A printer that writes a PDF file (tests and ``kiosk --smoke``: no printer needed)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setCreator("kiosk")
    _set_page(printer, STYLES[paper], ROLL_START_HEIGHT_MM)
    return printer


# --- layout --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Style:
    """Sizes of one paper's layout; lengths in millimetres, text in points."""

    page: QPageSize.PageSizeId | None
    """A standard page, or None for the roll (80 mm wide, as long as the receipt)."""
    margin_mm: float
    text_pt: float
    small_pt: float
    code_pt: float
    code_qr_mm: float
    app_qr_mm: float
    gap_mm: float
    side_mm: float
    """The QR codes' column beside the text (A4); 0: one column, QR codes among the text (roll)."""


STYLES: dict[Paper, Style] = {
    "receipt80": Style(None, 3, 9.5, 8, 22, 40, 20, 2.2, 0),
    "a4": Style(QPageSize.PageSizeId.A4, 12, 12, 10.5, 34, 55, 28, 3.5, 62),
}


class _Block(Protocol):
    before_mm: float

    def height(self, device: QPaintDevice, width: float) -> float: ...

    def paint(self, painter: QPainter, rect: QRectF) -> None: ...


def _dots(mm: float, device: QPaintDevice) -> float:
    return mm / MM_PER_INCH * device.logicalDpiY()


@dataclass
class _Text:
    text: str
    font: QFont
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    before_mm: float = 0
    framed: bool = False
    """Inside a frame (training: nothing was sent)."""

    def _flags(self) -> int:
        return int(self.align) | int(Qt.TextFlag.TextWordWrap)

    def _pad(self, device: QPaintDevice) -> float:
        return _dots(1.5, device) if self.framed else 0

    def height(self, device: QPaintDevice, width: float) -> float:
        pad = self._pad(device)
        box = QRectF(0, 0, width - 2 * pad, 1e7)
        text = QFontMetricsF(self.font, device).boundingRect(box, self._flags(), self.text)
        return text.height() + 2 * pad

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        pad = self._pad(painter.device())
        if self.framed:
            painter.setPen(QPen(Qt.GlobalColor.black, _dots(0.4, painter.device())))
            painter.drawRect(rect)
        painter.setPen(Qt.GlobalColor.black)
        painter.setFont(self.font)
        painter.drawText(rect.adjusted(pad, pad, -pad, -pad), self._flags(), self.text)


@dataclass
class _Qr:
    """A QR code, centred: the matrix's modules as black rectangles, whole dots each, with the
    quiet zone left white around them."""

    matrix: list[list[bool]]
    side_mm: float
    before_mm: float = 0

    def _module(self, device: QPaintDevice) -> int:
        return max(1, math.floor(_dots(self.side_mm, device) / (len(self.matrix) + 2 * QUIET_ZONE)))

    def height(self, device: QPaintDevice, width: float) -> float:
        return float(self._module(device) * (len(self.matrix) + 2 * QUIET_ZONE))

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        module = self._module(painter.device())
        side = module * (len(self.matrix) + 2 * QUIET_ZONE)
        left = round(rect.center().x() - side / 2) + QUIET_ZONE * module
        top = round(rect.top()) + QUIET_ZONE * module
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for row, modules in enumerate(self.matrix):
            col = 0
            while col < len(modules):  # a run of dark modules is one rectangle: no seams in it
                if not modules[col]:
                    col += 1
                    continue
                start = col
                while col < len(modules) and modules[col]:
                    col += 1
                painter.fillRect(
                    left + start * module,
                    top + row * module,
                    (col - start) * module,
                    module,
                    Qt.GlobalColor.black,
                )


@dataclass
class _Rule:
    """A thin line across: the visit below, the app's code after it."""

    before_mm: float = 0

    def height(self, device: QPaintDevice, width: float) -> float:
        return _dots(0.3, device)

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, Qt.GlobalColor.black)


def _font(point_size: float, *, bold: bool = False, spaced: bool = False) -> QFont:
    font = QFont(QGuiApplication.font())  # the kiosk's font: full Vietnamese coverage
    font.setPointSizeF(point_size)
    font.setBold(bold)
    if spaced:  # the reference code's letters a little apart, as on the screen
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 115)
    return font


def _code_font(text: str, style: Style, device: QPaintDevice, width: float) -> QFont:
    """The reference code as large as the style says, smaller if it would not fit the width."""
    size = style.code_pt
    font = _font(size, bold=True, spaced=True)
    while size > style.text_pt and QFontMetricsF(font, device).horizontalAdvance(text) > width:
        size -= 1
        font = _font(size, bold=True, spaced=True)
    return font


def _columns(
    receipt: Receipt, style: Style, device: QPaintDevice, text_width: float
) -> tuple[list[_Block], list[_Block]]:
    """The receipt's blocks: the text column (``text_width`` wide), and the QR codes' column
    (empty on the roll)."""
    centre = Qt.AlignmentFlag.AlignHCenter if not style.side_mm else Qt.AlignmentFlag.AlignLeft
    gap = style.gap_mm
    text, small = _font(style.text_pt), _font(style.small_pt)
    head: list[_Block] = []
    if receipt.training:
        head.append(_Text(training_text(), _font(style.text_pt, bold=True), centre, framed=True))
    if receipt.community_house:
        head.append(_Text(house_text(receipt), _font(style.text_pt, bold=True), centre, gap))
    head.append(_Text(when_text(receipt), text, centre, gap / 2))
    head.append(_Text(code_caption_text(), text, centre, gap * 1.5))
    code_font = _code_font(receipt.reference, style, device, text_width)
    head.append(_Text(receipt.reference, code_font, centre, gap / 2))
    code_qr = _Qr(qr_matrix(receipt.reference), style.code_qr_mm)
    hint = translate(
        "Printing", "Keep this receipt. Give its code if you ask the ward about your records."
    )
    visit: list[_Block] = [
        _Text(hint, small, centre, gap / 2),
        _Rule(gap * 1.5),
        _Text(receipt.resident_name, _font(style.text_pt, bold=True), before_mm=gap * 1.5),
        _Text(lines_title_text(receipt), text, before_mm=gap / 2),
        *(_Text(f"• {line}", text, before_mm=gap / 3) for line in receipt.lines),
    ]
    app: list[_Block] = []
    if receipt.ihanoi_url:
        app = [
            _Qr(qr_matrix(receipt.ihanoi_url), style.app_qr_mm, gap * 2),
            _Text(app_caption_text(), small, Qt.AlignmentFlag.AlignHCenter),
        ]
    if style.side_mm:
        return [*head, *visit], [code_qr, *app]
    code_qr.before_mm = gap
    roll = [*head, code_qr, *visit]
    if app:
        roll += [_Rule(gap * 2), *app]
    return roll, []


def _height(blocks: list[_Block], device: QPaintDevice, width: float) -> float:
    return sum(_dots(b.before_mm, device) + b.height(device, width) for b in blocks)


def _paint(painter: QPainter, blocks: list[_Block], left: float, width: float) -> None:
    device = painter.device()
    y = 0.0
    for block in blocks:
        y += _dots(block.before_mm, device)
        height = block.height(device, width)
        block.paint(painter, QRectF(left, y, width, height))
        y += height


def _set_page(printer: QPrinter, style: Style, height_mm: float) -> bool:
    """The style's page and margins on ``printer``; False when the printer refuses them."""
    if style.page is None:
        size = QSizeF(ROLL_WIDTH_MM, height_mm)
        page = QPageSize(
            size, QPageSize.Unit.Millimeter, "Receipt 80 mm", QPageSize.SizeMatchPolicy.ExactMatch
        )
    else:
        page = QPageSize(style.page)
    margins = QMarginsF(style.margin_mm, style.margin_mm, style.margin_mm, style.margin_mm)
    layout = QPageLayout(
        page, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter
    )
    return printer.setPageLayout(layout)


def print_receipt(receipt: Receipt, printer: QPrinter, paper: Paper) -> None:
    """Paint ``receipt`` on ``printer``, laid out for ``paper``; one page.

    On the roll the page is made as long as the receipt. A printer that refuses that size (or the
    margins) keeps its own page, and the receipt is laid out on it.
    Raises :class:`PrintError` when the printer cannot be opened or the job breaks off.
    """
    style = STYLES[paper]
    if not _set_page(printer, style, ROLL_START_HEIGHT_MM):
        log.warning("the printer refused the %s page; printing on its own", paper)
    resolution = printer.resolution()
    width = printer.pageLayout().paintRectPixels(resolution).width()
    text_width = (
        width - _dots(style.side_mm + style.gap_mm * 2, printer) if style.side_mm else width
    )
    side_width = _dots(style.side_mm, printer)
    text_column, side_column = _columns(receipt, style, printer, text_width)
    if style.page is None:  # the roll: exactly as long as what is on it
        height = _height(text_column, printer, text_width)
        height_mm = height / resolution * MM_PER_INCH + 2 * style.margin_mm + 1
        _set_page(printer, style, math.ceil(height_mm))
    painter = QPainter()
    name = printer.printerName()
    if not painter.begin(printer):
        raise PrintError("not_opened", name)
    try:
        _paint(painter, text_column, 0, text_width)
        _paint(painter, side_column, width - side_width, side_width)
    finally:
        ended = painter.end()
    if not ended or printer.printerState() in (
        QPrinter.PrinterState.Error,
        QPrinter.PrinterState.Aborted,
    ):
        raise PrintError("failed", name)
