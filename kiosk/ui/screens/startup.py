"""The first screen: drawn at once, while the database is opened and migrated on the worker."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.ui.qt_names import align
from kiosk.ui.screens.base import Screen, button, label, show_message


class StartupScreen(Screen):
    """Says the kiosk is getting ready; on a database fault it says what to do, with a retry."""

    access = "anyone"
    first_paint = Signal()
    retry_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._painted = False
        self._failed = False
        self._title = label("title")
        align(self._title, "AlignCenter")
        self._hint = label("hint")
        align(self._hint, "AlignCenter")
        self._error = label("error")
        self._error.hide()
        self._retry = button("primary", "power")
        self._retry.hide()
        self._retry.clicked.connect(self.retry_clicked)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 40, 80, 40)
        layout.addStretch(1)
        layout.addWidget(self._title)
        layout.addWidget(self._hint)
        layout.addSpacing(24)
        layout.addWidget(self._error)
        retry_row = QHBoxLayout()  # the button centred, at its own width
        retry_row.addStretch(1)
        retry_row.addWidget(self._retry)
        retry_row.addStretch(1)
        layout.addLayout(retry_row)
        layout.addStretch(1)
        self.retranslateUi()

    def show_failure(self, message: str) -> None:
        """The store could not be opened: show why (already translated) and offer a retry."""
        self._failed = True
        show_message(self._error, message)
        self._retry.show()
        self.retranslateUi()

    def show_waiting(self) -> None:
        """Back to "getting ready" (a retry started)."""
        self._failed = False
        show_message(self._error, "")
        self._retry.hide()
        self.retranslateUi()

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        self._title.setText(self.tr("Community house kiosk"))
        if self._failed:
            self._hint.setText(self.tr("The kiosk could not open its records."))
        else:
            self._hint.setText(self.tr("Getting ready, please wait…"))
        self._retry.setText(self.tr("Try again"))

    def clear_personal_data(self) -> None:
        """Nothing personal is ever shown here."""

    def paintEvent(self, event: QPaintEvent) -> None:
        """Tell the shell once the first frame is drawn: only then does the database work start."""
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_paint.emit()
