"""Printing the receipt (issue 18): the PDF it makes at 80 mm and on A4, read back, and the kiosk
without a printer.

Only PDF output and the no-printer case can be tested here: no physical printer is attached to a
test machine. The PDF goes through the same ``print_receipt`` and the same QPainter calls as a real
printer's job; what a real printer then does is not seen, and cannot be: QPrinter hands the job to
the spooler and hears nothing back, so a receipt printer's paper-out or open lid never reaches it.

The PDFs are rasterised with QtPdf's ``QPdfDocument`` (PySide6-Addons, already installed for the
kiosk; here only, the bundle leaves it out), not poppler's ``pdftoppm``: no system package, and the
same on Windows. The QR codes are read back with ``zxing-cpp``, a decoder that is not the encoder.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.ui import printing
from kiosk.ui.preferences import Preferences, load_preferences, printer_in_use, save_preferences
from kiosk.ui.printing import (
    PrintError,
    pdf_printer,
    print_error_text,
    print_receipt,
    print_to,
)
from kiosk.ui.screens.receipt import Receipt, ReceiptScreen
from kiosk.ui.widgets.printer_choice import PrinterChoice
from tests.ui.layout import themed, widget_problems
from tests.ui.receipts import RECEIPT, sample_receipt

MM_PER_POINT = 25.4 / 72
RASTER_DPI = 200
A4_POINTS = (595, 842)  # 210 × 297 mm, as Qt's PDF writer rounds it


class Printed:
    """A receipt printed to PDF, loaded back: page size, text, pixels."""

    def __init__(self, path: Path) -> None:
        self.document = QPdfDocument()
        assert self.document.load(str(path)) == QPdfDocument.Error.None_
        assert self.document.pageCount() == 1
        size = self.document.pagePointSize(0)
        self.width_mm = size.width() * MM_PER_POINT
        self.height_mm = size.height() * MM_PER_POINT
        self.points = (round(size.width()), round(size.height()))
        self.text = " ".join(self.document.getAllText(0).text().split())  # wrapped: one line
        scale = RASTER_DPI / 72
        rendered = self.document.render(
            0, QSize(round(size.width() * scale), round(size.height() * scale))
        )
        # the page has no background of its own: paper is white
        self.image = QImage(rendered.size(), QImage.Format.Format_Grayscale8)
        self.image.fill(QColor("white"))
        painter = QPainter(self.image)
        painter.drawImage(0, 0, rendered)
        painter.end()
        self.document.close()

    def codes(self) -> dict[str, zxingcpp.Barcode]:
        """The QR codes on the page, by their text."""
        found = zxingcpp.read_barcodes(self.image)
        assert {code.format for code in found} <= {zxingcpp.BarcodeFormat.QRCode}
        return {code.text: code for code in found}

    def mm(self, pixels: float) -> float:
        return pixels / RASTER_DPI * 25.4

    def lowest_ink_mm(self) -> float:
        """How far down the page the last dark pixel is."""
        pixels, stride = bytes(self.image.constBits()), self.image.bytesPerLine()
        for y in range(self.image.height() - 1, -1, -1):
            if min(pixels[y * stride : y * stride + self.image.width()]) < 128:
                return self.mm(y)
        return 0.0


def _print(tmp_path: Path, receipt: Receipt, paper: printing.Paper) -> Printed:
    path = tmp_path / f"{paper}.pdf"
    print_receipt(receipt, pdf_printer(path, paper), paper)
    assert path.read_bytes().startswith(b"%PDF-")
    return Printed(path)


def _width_mm(code: zxingcpp.Barcode, printed: Printed) -> float:
    position = code.position
    return printed.mm(position.top_right.x - position.top_left.x)


def test_the_roll_is_80_mm_wide_and_as_long_as_the_receipt(
    qapp: QApplication, tmp_path: Path
) -> None:
    printed = _print(tmp_path, RECEIPT, "receipt80")
    assert printed.width_mm == pytest.approx(80, abs=0.5)
    assert 100 < printed.height_mm < 250
    codes = printed.codes()
    assert set(codes) == {RECEIPT.reference, RECEIPT.ihanoi_url}
    # the reference's code is the large one (40 mm with its quiet zone), the app's the small one
    code_mm = _width_mm(codes[RECEIPT.reference], printed)
    assert 25 < code_mm <= 40
    assert _width_mm(codes[RECEIPT.ihanoi_url], printed) < code_mm
    for text in (RECEIPT.reference, RECEIPT.resident_name, RECEIPT.community_house):
        assert text in printed.text
    assert all(line in printed.text for line in RECEIPT.lines)
    longer = sample_receipt(lines=RECEIPT.lines * 4)
    assert _print(tmp_path, longer, "receipt80").height_mm > printed.height_mm + 30


def test_a4_has_the_receipt_on_its_top_half(qapp: QApplication, tmp_path: Path) -> None:
    printed = _print(tmp_path, sample_receipt(training=True), "a4")
    assert printed.points == A4_POINTS
    codes = printed.codes()
    assert set(codes) == {RECEIPT.reference, RECEIPT.ihanoi_url}
    assert _width_mm(codes[RECEIPT.reference], printed) > 35  # larger than on the roll
    assert printed.lowest_ink_mm() < 297 / 2
    assert "Training" in printed.text and "not sent" in printed.text


def test_a_receipt_without_lines_or_app_link_prints(qapp: QApplication, tmp_path: Path) -> None:
    bare = sample_receipt(lines=(), ihanoi_url="", community_house="")
    for paper in printing.PAPERS:
        printed = _print(tmp_path, bare, paper)
        assert set(printed.codes()) == {RECEIPT.reference}
        assert "No record was changed." in printed.text
        assert "Community house" not in printed.text


@pytest.mark.qt_log_ignore(r"QPainter::begin\(\): Returned false")
def test_a_printer_that_cannot_open_is_a_print_error(qapp: QApplication, tmp_path: Path) -> None:
    printer = pdf_printer(tmp_path / "no such folder" / "receipt.pdf", "receipt80")
    with pytest.raises(PrintError) as raised:
        print_receipt(RECEIPT, printer, "receipt80")
    assert raised.value.reason == "not_opened"


def test_without_a_printer_nothing_is_printed(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No printer on the machine (as on this test machine, made sure of): a PrintError in words."""
    monkeypatch.setattr(printing, "available_printers", list)
    monkeypatch.setattr(printing, "default_printer", lambda: None)
    with pytest.raises(PrintError) as raised:
        print_to(RECEIPT, "", "receipt80")
    assert raised.value.reason == "no_printer"
    assert print_error_text(raised.value) == "No printer is connected to this computer."
    with pytest.raises(PrintError) as raised:
        print_to(RECEIPT, "TM-T20", "receipt80")
    assert raised.value.reason == "not_found"
    assert "TM-T20" in print_error_text(raised.value)


def test_which_printer_prints() -> None:
    assert printer_in_use("", (), None) is None
    assert printer_in_use("", ("Laser",), None) == "Laser"  # the only one
    assert printer_in_use("", ("Laser", "Roll"), None) is None  # which one? the officer chooses
    assert printer_in_use("", ("Laser", "Roll"), "Roll") == "Roll"  # the system's default
    assert printer_in_use("Laser", ("Laser", "Roll"), "Roll") == "Laser"
    assert printer_in_use("Gone", ("Laser", "Roll"), "Roll") is None  # never another by surprise


def test_the_printer_and_paper_are_saved_per_machine(tmp_path: Path) -> None:
    chosen = Preferences().with_changes(printer='\\\\office\\receipt "80"', paper="a4")
    save_preferences(tmp_path, chosen)
    assert load_preferences(tmp_path) == chosen
    assert Preferences().with_changes(paper="a5", printer="bad\nname") == Preferences()
    (tmp_path / "ui.toml").write_text('printer = 7\npaper = "letter"\n', "utf-8")
    assert load_preferences(tmp_path) == Preferences().with_changes(printer="7")


# --- the receipt screen -----------------------------------------------------------------------


def test_no_printer_disables_print_and_says_so(qtbot: QtBot) -> None:
    screen = ReceiptScreen()
    qtbot.addWidget(screen)
    screen.show_receipt(RECEIPT)
    screen.set_printer_state(False, "")
    assert not screen.print_button.isEnabled()
    assert screen.print_button.text() == "No printer"
    with qtbot.assertNotEmitted(screen.print_clicked, wait=50):
        screen.print_button.click()
        screen._print()
    assert screen.print_button.text() == "No printer"
    assert screen.next_button.isEnabled()  # the receipt stays until "Next person"


def test_print_then_printed_then_a_failure_in_words(qtbot: QtBot) -> None:
    screen = ReceiptScreen()
    qtbot.addWidget(screen)
    screen.set_printer_state(True, "TM-T20")
    assert not screen.print_button.isEnabled()  # nothing to print yet
    screen.show_receipt(RECEIPT)
    assert screen.print_button.isEnabled() and screen.print_button.text() == "Print"
    with qtbot.waitSignal(screen.print_clicked, timeout=1000):
        screen.print_button.click()
    assert not screen.print_button.isEnabled()  # one tap, one print
    assert screen.print_button.text() == "Printing…"
    screen.show_printed()
    assert screen._print_notice.text() == "Printed."
    assert not screen._print_notice.isHidden()
    assert screen.print_button.isEnabled()  # a second copy
    with qtbot.waitSignal(screen.print_clicked, timeout=1000):
        screen.print_button.click()
    assert screen._print_notice.isHidden()
    screen.show_print_failed(PrintError("not_opened", "TM-T20"))
    assert "TM-T20" in screen._print_notice.text()
    assert screen._print_notice.property("role") == "error"
    assert screen.print_button.isEnabled()
    assert screen.receipt() == RECEIPT  # still on screen
    with qtbot.waitSignal(screen.print_clicked, timeout=1000):
        screen.print_button.click()
    screen.clear_personal_data()  # "Next person" before the printer answered
    screen.show_printed()
    assert screen._print_notice.isHidden()
    assert not screen.print_button.isEnabled()


# --- settings ---------------------------------------------------------------------------------


def test_settings_say_there_is_no_printer(qtbot: QtBot) -> None:
    choice = PrinterChoice()
    qtbot.addWidget(choice)
    choice.set_values("", "receipt80")
    assert choice._state.isHidden()  # the system not asked yet: nothing said
    choice.show_printers((), None)
    assert not choice._state.isHidden()
    assert choice._state.text().startswith("No printer is connected to this computer")
    assert choice.printer_choice.buttons == [] and choice.printer_choice.isHidden()
    assert choice.paper_choice.value() == "receipt80"


def test_settings_choose_the_printer_and_the_paper(qtbot: QtBot) -> None:
    choice = PrinterChoice()
    qtbot.addWidget(choice)
    choice.set_values("", "receipt80")
    choice.show_printers(("Laser", "TM-T20"), "Laser")
    assert choice.printer_choice.value() == "Laser"  # nothing chosen: the default
    assert choice.printer_choice.button_for("Laser").text() == "Laser (default)"
    with qtbot.waitSignal(choice.printer_chosen, timeout=1000) as chosen:
        choice.printer_choice.button_for("TM-T20").click()
    assert chosen.args == ["TM-T20"]
    with qtbot.waitSignal(choice.paper_chosen, timeout=1000) as paper:
        choice.paper_choice.button_for("a4").click()
    assert paper.args == ["a4"]
    choice.show_printers(("Laser",), "Laser")  # the receipt printer unplugged
    assert choice.printer_choice.value() is None
    assert "TM-T20" in choice._state.text() and "not connected" in choice._state.text()


@pytest.mark.parametrize("text_size", ["normal", "largest"])
def test_the_printer_choice_fits(qtbot: QtBot, qapp: QApplication, text_size: str) -> None:
    def make() -> PrinterChoice:
        choice = PrinterChoice()
        choice.set_values("EPSON TM-T20III Receipt", "a4")
        choice.show_printers(("HP LaserJet Pro M404dn", "EPSON TM-T20III Receipt" * 3), None)
        return choice

    with themed(qapp, text_size):
        assert widget_problems(qtbot, make) == []
