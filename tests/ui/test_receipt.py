"""The receipt: the QR codes' pixels are their matrices, and the screen shows the visit and forgets it."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from kiosk.ui.screens.receipt import ReceiptScreen
from kiosk.ui.widgets.qr import QUIET_ZONE, QrLabel, qr_image, qr_matrix
from tests.ui.receipts import RECEIPT, sample_receipt

BLACK, WHITE = 0, 255


def _grey(image: QImage, x: int, y: int) -> int:
    return image.pixelColor(x, y).value()


def _modules(image: QImage, size: int, module_px: int, border: int) -> list[list[bool]]:
    """The matrix read back from ``image``: each module's centre pixel, dark or not."""
    centre = module_px // 2
    return [
        [
            _grey(image, (border + col) * module_px + centre, (border + row) * module_px + centre)
            == BLACK
            for col in range(size)
        ]
        for row in range(size)
    ]


@pytest.mark.parametrize(
    ("text", "module_px", "border"),
    [
        ("K7QM-4M2X", 9, QUIET_ZONE),
        ("K7QM-4M2X", 1, QUIET_ZONE),
        ("https://ihanoi.hanoi.gov.vn/app", 4, 2),
        ("Nhà văn hoá Tổ dân phố 3", 3, 0),
    ],
)
def test_the_image_is_the_matrix(text: str, module_px: int, border: int) -> None:
    matrix = qr_matrix(text)
    size = len(matrix)
    assert size >= 21 and all(len(row) == size for row in matrix)
    assert any(any(row) for row in matrix) and not all(all(row) for row in matrix)
    image = qr_image(text, module_px=module_px, border=border)
    side = (size + 2 * border) * module_px
    assert (image.width(), image.height()) == (side, side)
    assert image.format() == QImage.Format.Format_Grayscale8
    assert _modules(image, size, module_px, border) == matrix
    inner = range(border * module_px, (border + size) * module_px)
    for y in range(side):
        for x in range(side):
            value = _grey(image, x, y)
            assert value in (BLACK, WHITE)
            if x not in inner or y not in inner:
                assert value == WHITE, f"the quiet zone has a dark pixel at {x},{y}"
    # every pixel of a module is the module's colour (whole modules, no blur)
    for row in range(size):
        for col in range(size):
            corners = {
                _grey(image, (border + col) * module_px + dx, (border + row) * module_px + dy)
                for dx in (0, module_px - 1)
                for dy in (0, module_px - 1)
            }
            assert corners == {BLACK if matrix[row][col] else WHITE}


def test_a_module_is_at_least_one_pixel() -> None:
    with pytest.raises(ValueError):
        qr_image("K7QM-4M2X", module_px=0)
    with pytest.raises(ValueError):
        qr_image("K7QM-4M2X", module_px=2, border=-1)


def test_the_label_keeps_modules_whole(qtbot: QtBot) -> None:
    qr = QrLabel(200)
    qtbot.addWidget(qr)
    qr.set_payload("K7QM-4M2X")
    modules = len(qr_matrix("K7QM-4M2X")) + 2 * QUIET_ZONE  # 29
    assert qr.image() == qr_image("K7QM-4M2X", module_px=200 // modules)
    assert qr.image().width() == (200 // modules) * modules <= qr.width() == 200
    assert qr.pixmap().size() == qr.image().size()
    qr.set_payload("")
    assert qr.image().isNull() and qr.payload() == ""


def test_what_the_receipt_shows(qtbot: QtBot) -> None:
    screen = ReceiptScreen()
    qtbot.addWidget(screen)
    screen.show_receipt(RECEIPT)
    texts = screen.texts()
    assert screen.reference_label.text() == "K7QM-4M2X"
    when = RECEIPT.captured_at.astimezone()  # the kiosk's local time
    assert any(f"{when:%d/%m/%Y %H:%M}" in text for text in texts)
    assert any("Nhà văn hoá Tổ dân phố 3" in text for text in texts)
    assert "Nguyễn Thị Hường" in texts
    assert screen.line_texts() == [f"• {line}" for line in RECEIPT.lines]
    assert screen.next_button.text() == "Next person"
    assert not screen._training.isVisibleTo(screen)
    # the big QR code holds the reference code alone, at 8 pixels a module or more
    image = screen.code_qr.image()
    modules = len(qr_matrix(RECEIPT.reference)) + 2 * QUIET_ZONE
    module_px = image.width() // modules
    assert module_px >= 8
    assert image == qr_image(RECEIPT.reference, module_px=module_px)
    assert screen.app_qr.payload() == RECEIPT.ihanoi_url
    assert screen.app_qr.image().width() < image.width()


def test_training_says_not_sent_and_no_link_hides_the_app_code(qtbot: QtBot) -> None:
    screen = ReceiptScreen()
    qtbot.addWidget(screen)
    screen.show_receipt(sample_receipt(training=True, ihanoi_url="", lines=(), community_house=""))
    assert screen._training.isVisibleTo(screen)
    assert "not sent" in screen._training.text()
    assert not screen.app_qr.isVisibleTo(screen)
    assert screen.line_texts() == []
    assert not screen._house.isVisibleTo(screen)  # a station not named yet: no empty caption
    screen.show_receipt(RECEIPT)  # the next visit, not in training
    assert not screen._training.isVisibleTo(screen)
    assert screen.app_qr.isVisibleTo(screen)
    assert len(screen.line_texts()) == len(RECEIPT.lines)
    assert screen._house.isVisibleTo(screen)


def test_clear_personal_data_blanks_the_receipt(qtbot: QtBot) -> None:
    screen = ReceiptScreen()
    qtbot.addWidget(screen)
    screen.show_receipt(sample_receipt(training=True))
    screen.clear_personal_data()
    assert screen.receipt() is None
    assert screen.reference_label.text() == ""
    assert screen.code_qr.image().isNull() and screen.code_qr.payload() == ""
    assert screen.code_qr.pixmap().isNull()
    assert screen.line_texts() == []
    shown = " ".join(screen.texts())
    for personal in ("K7QM", "Hường", "29-B1", "24/06/2025", "Tổ dân phố 3"):
        assert personal not in shown
    assert not screen._training.isVisibleTo(screen)
    screen.retranslateUi()  # a language switch after the clear brings nothing back
    assert screen.reference_label.text() == "" and screen.line_texts() == []


def test_a_language_switch_keeps_the_receipt(qtbot: QtBot) -> None:
    screen = ReceiptScreen()
    qtbot.addWidget(screen)
    screen.show_receipt(RECEIPT)
    before = screen.texts()
    screen.retranslateUi()
    assert screen.texts() == before
