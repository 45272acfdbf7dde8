"""A message over the bottom of the window for a few seconds: what happened to a scan, in words.

For things that happen without a tap (a card scanned where it cannot be used): the volunteer's eyes
are on the resident, so the message is large, stays long enough to read, and goes by itself.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.ui.qt_names import align, plain_text
from kiosk.ui.theme import repolish

SHOW_MS = 8000
MARGIN_PX = 24


class Toast(QLabel):
    """One message at a time, at the bottom of ``parent``; a tap on it hides it."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("Toast")
        plain_text(self)
        align(self, "AlignCenter")
        self.setWordWrap(True)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SHOW_MS)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def say(self, text: str, role: str = "notice") -> None:
        """Show ``text`` (``notice`` or ``error``) for a few seconds."""
        parent = self.parentWidget()
        assert parent is not None
        self.setProperty("role", role)
        repolish(self)
        self.setText(text)
        width = min(1000, parent.width() - 2 * MARGIN_PX)
        self.setFixedWidth(width)
        self.adjustSize()
        self.move((parent.width() - width) // 2, parent.height() - self.height() - MARGIN_PX)
        self.show()
        self.raise_()
        self._timer.start()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A tap hides the message."""
        event.accept()
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        """A message in the old language goes with a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.hide()
        super().changeEvent(event)
