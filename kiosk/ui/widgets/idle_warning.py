"""The notice before the idle lock: large, over the whole window, with one tap to stay.

An elderly resident reading their records must not lose the screen without warning (WCAG 2.2.1,
DESIGN.md §6). The notice covers the window, so the tap that keeps the screen presses nothing
under it; that tap (or any key) restarts the idle clock, which hides the notice again.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.i18n import arg
from kiosk.ui.qt_names import align, plain_text

COUNTDOWN_MS = 1000


class IdleWarning(QFrame):
    """Covers its parent while shown; says how many seconds are left and offers "I'm still here"."""

    stay = Signal()
    """The person tapped: keep everything on screen."""

    def __init__(self, parent: QWidget, remaining_ms: Callable[[], int]) -> None:
        super().__init__(parent)
        self.setObjectName("IdleWarning")
        self._remaining_ms = remaining_ms
        self._card = QFrame(self)
        self._card.setObjectName("IdleWarningCard")
        self._title = plain_text(QLabel())
        self._title.setProperty("role", "title")
        self._title.setWordWrap(True)
        self._text = plain_text(QLabel())
        self._text.setProperty("role", "subtitle")
        self._text.setWordWrap(True)
        for label in (self._title, self._text):
            align(label, "AlignCenter")
        self.stay_button = QPushButton()
        self.stay_button.setProperty("role", "primary")
        self.stay_button.setObjectName("IdleStay")
        self.stay_button.clicked.connect(self.stay)
        layout = QVBoxLayout(self._card)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.setSpacing(28)
        layout.addWidget(self._title)
        layout.addWidget(self._text)
        layout.addWidget(self.stay_button)
        self._tick = QTimer(self)
        self._tick.setInterval(COUNTDOWN_MS)
        self._tick.timeout.connect(self.retranslateUi)
        self.hide()
        self.retranslateUi()

    def seconds_left(self) -> int:
        """Whole seconds until the lock (what the notice says), 1 in the last second."""
        return max(1, round(self._remaining_ms() / 1000))

    def open(self) -> None:
        """Cover the window and count down."""
        parent = self.parentWidget()
        assert parent is not None
        self.setGeometry(parent.rect())
        width = min(900, parent.width() - 80)
        self._card.setFixedWidth(width)
        self._card.adjustSize()
        self._card.move((parent.width() - width) // 2, (parent.height() - self._card.height()) // 2)
        self.retranslateUi()
        self._tick.start()
        self.show()
        self.raise_()

    def close_notice(self) -> None:
        """Hide (someone touched the screen, or the lock fired)."""
        self._tick.stop()
        self.hide()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A tap anywhere on the notice keeps the screen, as the button does."""
        event.accept()
        self.stay.emit()

    def retranslateUi(self) -> None:
        """Texts in the current language, with the seconds left."""
        self._title.setText(self.tr("Are you still there?"))
        self._text.setText(
            arg(
                self.tr(
                    "To protect residents' information, this screen locks in %1 seconds. "
                    "Tap to keep working."
                ),
                str(self.seconds_left()),
            )
        )
        self.stay_button.setText(self.tr("I am still here"))

    def changeEvent(self, event: QEvent) -> None:
        """Follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
