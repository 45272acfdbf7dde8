"""Home's evening-session card: the open session's running figures, what waits for the ward's
server, and an officer's "Open the evening session" or "Close the session"."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk.services.sessions import SessionStatus
from kiosk.ui.i18n import arg
from kiosk.ui.screens.base import button, card, label, show_message


class SessionCard(QWidget):
    """The evening session in two lines, a notice, and the officer's button."""

    open_clicked = Signal()
    close_clicked = Signal(str)
    """Carries the open session's id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._status: SessionStatus | None = None
        self._officer = False
        self._line = label("subtitle")
        self._figures = label()
        self._waiting = label("warning")
        self.open_button = button("primary", "clock")
        self.open_button.clicked.connect(self.open_clicked)
        self.close_button = button(None, "lock")
        self.close_button.clicked.connect(self._close)
        frame, inner = card()
        row = QHBoxLayout()
        row.setSpacing(20)
        texts = QVBoxLayout()
        for text in (self._line, self._figures, self._waiting):
            texts.addWidget(text)
        row.addLayout(texts, 1)
        row.addWidget(self.open_button)
        row.addWidget(self.close_button)
        inner.addLayout(row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(frame)
        self.retranslateUi()

    def show_status(self, status: SessionStatus | None, officer: bool) -> None:
        """The session as read (None: forget it), the buttons for an officer only."""
        self._status, self._officer = status, officer
        self.retranslateUi()

    def _close(self) -> None:
        status = self._status
        if status is not None and status.session is not None:
            self.close_clicked.emit(status.session.id)

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        self.open_button.setText(self.tr("Open the evening session"))
        self.close_button.setText(self.tr("Close the session"))
        status = self._status
        session = None if status is None else status.session
        figures = None if status is None else status.figures
        if session is None or figures is None:
            self._line.setText(self.tr("No evening session is open."))
            self._figures.setText(self.tr("The first visit taken today opens one by itself."))
        else:
            line = arg(
                self.tr("Evening session open since %1"), f"{session.opened_at.astimezone():%H:%M}"
            )
            groups = ", ".join(session.groups)
            self._line.setText(f"{line} · {groups}" if groups else line)
            self._figures.setText(
                arg(
                    self.tr("Served %1 · checked %2 · sent %3 · set aside %4"),
                    figures.served,
                    figures.verified,
                    figures.uploaded,
                    figures.held,
                )
            )
        waiting = 0 if status is None else status.waiting
        text = self.tr(
            "%n closed session(s) not yet confirmed by the ward's server: the kiosk checks by "
            "itself when the server answers.",
            "",
            waiting,
        )
        show_message(self._waiting, text if waiting else "", "warning")
        # an officer opens the session, or takes over the one the day's first capture opened
        self.open_button.setVisible(self._officer and (session is None or session.automatic))
        self.close_button.setVisible(self._officer and session is not None)

    def changeEvent(self, event: QEvent) -> None:
        """Follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
