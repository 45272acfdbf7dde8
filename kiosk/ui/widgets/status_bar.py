"""The two bars above every screen: the training banner and the status area."""

from __future__ import annotations

from datetime import datetime
from typing import Literal, NamedTuple

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.i18n import arg
from kiosk.ui.qt_names import focus_policy, plain_text
from kiosk.ui.resources import icon, icon_pixmap

Link = Literal[
    "starting", "not_enrolled", "online", "offline", "busy", "reenrol", "misconfigured", "error"
]
"""The link to the intake server as the sync worker last found it."""


class StationStatus(NamedTuple):
    """What the status area and Home show about the link to the intake server and the queue."""

    link: Link
    waiting_upload: int
    last_sync: datetime | None = None
    """The last time the server took everything (or, before this run's first, the last record sent)."""
    sending: bool = False
    drain_done: int = 0
    """Records the server has answered in the drain under way (sent, or refused for an officer)."""
    drain_total: int = 0
    """Those and the records still queued behind them: Home's "Sent X of Y" while ``sending``."""
    clock_skew: float | None = None
    """Server time minus this kiosk's, in seconds; set only when more than two minutes off."""

    @property
    def online(self) -> bool:
        """The server answered the last attempt."""
        return self.link == "online"


def link_text(status: StationStatus) -> str:
    """The state of the link in a few words (the status area and Home say it alike)."""
    translate = QCoreApplication.translate
    texts = {
        "starting": translate("Link", "Connecting to the ward's server…"),
        "not_enrolled": translate("Link", "Offline — demo station, not enrolled"),
        "online": translate("Link", "Online"),
        "offline": translate("Link", "Offline — records are kept safely here"),
        "busy": translate("Link", "The server is busy — the kiosk will try again by itself"),
        "reenrol": translate(
            "Link", "The server refused this kiosk — an officer must enrol it again"
        ),
        "misconfigured": translate(
            "Link",
            "The server answers, but not to sending: its address or the network's settings are "
            "wrong. Sending waits; an officer should check the server's address.",
        ),
        "error": translate("Link", "Sending has stopped: a problem with this computer's records"),
    }
    if status.link == "online" and status.sending:
        return translate("Link", "Online — sending records…")
    return texts[status.link]


def last_sync_text(status: StationStatus) -> str:
    """When the kiosk last synchronised, in local time ("" when never)."""
    if status.last_sync is None:
        return ""
    when = status.last_sync.astimezone()
    today = datetime.now().astimezone().date()
    clock = f"{when:%H:%M}"  # 24-hour, day before month: as Vietnam writes them
    if when.date() == today:
        return arg(QCoreApplication.translate("Link", "Last sync today at %1"), clock)
    day = f"{when:%d/%m/%Y}"
    return arg(QCoreApplication.translate("Link", "Last sync %1 at %2"), day, clock)


class OperatorBadge(NamedTuple):
    """Who is signed in, as the status area shows it (no personal data of residents)."""

    name: str
    role: str


class LinkIcon(QLabel):
    """The link's picture (starting, online, offline), drawn again only when it changes.

    The status area and Home both show it; status reports come far more often than changes.
    """

    def __init__(self, color: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._color = color
        self._name = ""

    def show_link(self, name: str) -> None:
        """Show the icon ``name`` (``clock``, ``online`` or ``offline``)."""
        if name != self._name:
            self._name = name
            self.setPixmap(icon_pixmap(name, self._color, 32))


class TrainingBanner(QFrame):
    """A yellow bar on every screen while the station is in training mode."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TrainingBanner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 6)
        self._icon = QLabel()  # drawn when first shown: most evenings never are in training
        self._text = QLabel()
        self._text.setWordWrap(True)
        layout.addWidget(self._icon)
        layout.addWidget(self._text, 1)
        self.retranslateUi()

    def text(self) -> str:
        """The banner's message (tests read it)."""
        return self._text.text()

    def retranslateUi(self) -> None:
        """The banner's text in the current language."""
        self._text.setText(
            self.tr("TRAINING MODE — practice only: nothing recorded here is ever sent.")
        )

    def showEvent(self, event: QShowEvent) -> None:
        """Draw the icon the first time the banner shows."""
        if self._icon.pixmap().isNull():
            self._icon.setPixmap(icon_pixmap("training", size=32))
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        """Follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


class StatusArea(QFrame):
    """Dark bar: who is signed in, online or offline, how many records wait; Home and Lock."""

    home_clicked = Signal()
    lock_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StatusBar")
        self._status: StationStatus | None = None
        self._operator: OperatorBadge | None = None

        self._operator_label = QLabel()
        plain_text(self._operator_label)
        self._operator_label.setWordWrap(True)  # a long name takes two lines, never a cut
        self._link_icon = LinkIcon("#FFFFFF")
        self._link_label = QLabel()
        plain_text(self._link_label)
        self._link_label.setWordWrap(True)
        self._waiting_label = QLabel()
        plain_text(self._waiting_label)
        link = QVBoxLayout()
        link.setSpacing(0)
        link.addWidget(self._link_label)
        link.addWidget(self._waiting_label)

        self.home_button = self._nav_button()
        self.home_button.clicked.connect(self.home_clicked)
        self.lock_button = self._nav_button()
        self.lock_button.clicked.connect(self.lock_clicked)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 6, 12, 6)
        layout.setSpacing(14)
        layout.addWidget(self._operator_label, 1)
        layout.addWidget(self._link_icon)
        layout.addLayout(link, 2)  # wide enough for the link in one or two lines, never three
        layout.addWidget(self.home_button)
        layout.addWidget(self.lock_button)
        self.set_operator(None)
        self.retranslateUi()

    def _nav_button(self) -> QPushButton:
        button = QPushButton()
        button.setProperty("role", "nav")
        button.setIconSize(QSize(32, 32))
        focus_policy(button, "NoFocus")
        return button

    @Slot(object)
    def set_status(self, status: StationStatus) -> None:
        """New link and queue state (from the status feed)."""
        self._status = status
        self.retranslateUi()

    def set_operator(self, operator: OperatorBadge | None) -> None:
        """Who is signed in now; Home and Lock show only while someone is."""
        self._operator = operator
        if operator is not None and self.home_button.icon().isNull():  # hidden until now
            self.home_button.setIcon(icon("home", "#FFFFFF"))
            self.lock_button.setIcon(icon("lock", "#FFFFFF"))
        self.home_button.setVisible(operator is not None)
        self.lock_button.setVisible(operator is not None)
        self.retranslateUi()

    def link_text(self) -> str:
        """The connection line as shown (tests read it)."""
        return self._link_label.text()

    def waiting_text(self) -> str:
        """The queue line as shown (tests read it)."""
        return self._waiting_label.text()

    def retranslateUi(self) -> None:
        """Every text of the bar in the current language."""
        self.home_button.setText(self.tr("Home"))
        self.lock_button.setText(self.tr("Lock"))
        if self._operator is None:
            self._operator_label.setText(self.tr("Nobody signed in"))
        elif self._operator.role == "officer":
            self._operator_label.setText(arg(self.tr("Officer: %1"), self._operator.name))
        else:
            self._operator_label.setText(arg(self.tr("Volunteer: %1"), self._operator.name))
        status = self._status
        if status is None:
            self._link_icon.show_link("clock")
            self._link_label.setText(self.tr("Starting…"))
            self._waiting_label.hide()
            return
        self._waiting_label.show()
        self._link_icon.show_link("online" if status.online else "offline")
        self._link_label.setText(link_text(status))
        self._waiting_label.setText(
            self.tr("%n record(s) waiting to be sent", "", status.waiting_upload)
        )

    def changeEvent(self, event: QEvent) -> None:
        """Follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
