"""QR codes drawn by the kiosk itself: the ``qrcode`` package gives the matrix, Qt the pixels.

No Pillow on this path: the matrix is written straight into an 8-bit grey ``QImage``, black modules
on white with the quiet zone around them, each module a whole number of pixels (a phone reads
crisp square modules best; a scaled image would blur their edges).
"""

from __future__ import annotations

import qrcode
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

QUIET_ZONE = 4
"""The standard quiet zone, in modules, around a QR code."""
BLACK, WHITE = 0, 255


def qr_matrix(text: str) -> list[list[bool]]:
    """The modules of ``text``'s QR code (error correction M, smallest version that fits), without
    a border: ``True`` is a dark module."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(text)
    code.make(fit=True)
    return [[bool(module) for module in row] for row in code.get_matrix()]


def qr_image(text: str, *, module_px: int, border: int = QUIET_ZONE) -> QImage:
    """``text`` as a QR code: ``module_px`` pixels a module, ``border`` white modules around it;
    (n + 2 × border) × module_px pixels square for an n × n matrix."""
    return matrix_image(qr_matrix(text), module_px=module_px, border=border)


def matrix_image(matrix: list[list[bool]], *, module_px: int, border: int) -> QImage:
    """The pixels of a QR matrix (see :func:`qr_image`)."""
    if module_px < 1 or border < 0:
        raise ValueError("a module is at least one pixel and the border is not negative")
    side = (len(matrix) + 2 * border) * module_px
    dark, light = bytes([BLACK]) * module_px, bytes([WHITE]) * module_px
    margin = light * border
    blank = bytes([WHITE]) * side
    rows = [blank] * (border * module_px)
    for modules in matrix:
        line = margin + b"".join(dark if module else light for module in modules) + margin
        rows += [line] * module_px
    rows += [blank] * (border * module_px)
    pixels = b"".join(rows)
    image = QImage(pixels, side, side, side, QImage.Format.Format_Grayscale8)
    return image.copy()  # its own pixels: ``pixels`` is freed when this function returns


class QrLabel(QLabel):
    """A QR code shown in a square of ``size_px`` at the largest whole number of pixels a module
    that fits (never scaled, so every module stays whole)."""

    def __init__(self, size_px: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._size_px = size_px
        self._payload = ""
        self._image = QImage()
        self.setObjectName("Qr")
        self.setFixedSize(size_px, size_px)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def set_payload(self, text: str, matrix: list[list[bool]] | None = None) -> None:
        """Show ``text`` as a QR code; an empty text shows nothing.

        ``matrix`` is ``qr_matrix(text)`` made beforehand (on a worker: encoding takes a few
        milliseconds of pure Python); the same text again is not encoded again.
        """
        if text == self._payload and (text == "" or not self._image.isNull()):
            return
        self._payload = text
        if not text:
            self._image = QImage()
            self.clear()
            return
        if matrix is None:
            matrix = qr_matrix(text)
        module_px = max(1, self._size_px // (len(matrix) + 2 * QUIET_ZONE))
        self._image = matrix_image(matrix, module_px=module_px, border=QUIET_ZONE)
        self.setPixmap(QPixmap.fromImage(self._image))

    def payload(self) -> str:
        """The text on show ("" when none)."""
        return self._payload

    def image(self) -> QImage:
        """The image on show (a null image when none)."""
        return self._image
