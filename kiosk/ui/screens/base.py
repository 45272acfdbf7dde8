"""What every screen is: a page of the stack that retranslates itself and can forget what it showed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Literal

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.qt_names import no_horizontal_scroll_bar, plain_text
from kiosk.ui.resources import icon
from kiosk.ui.theme import repolish

Access = Literal["anyone", "setup", "operator", "officer"]
"""Who may open a screen: anyone (start, sign-in), only before the station exists (setup),
any signed-in operator, or officers only. The navigator checks it; the services check again."""


class Screen(QFrame):
    """One full page of the kiosk. Subclasses set ``access`` and implement the two hooks.

    A ``QFrame`` (without a frame), so the theme's background reaches it: Qt paints a style sheet
    background for frames, not for other subclasses of ``QWidget``.
    """

    access: ClassVar[Access] = "operator"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Screen")

    def retranslateUi(self) -> None:
        """Set every visible text in the current language (called at start and on LanguageChange)."""
        raise NotImplementedError

    def clear_personal_data(self) -> None:
        """Forget and blank everything personal this screen shows or holds (idle lock, sign-out)."""
        raise NotImplementedError

    def entered(self) -> None:
        """The navigator has just shown this screen: load what it shows (on a worker)."""

    def left(self) -> None:
        """The navigator has just shown another screen: stop timers and refreshes."""

    def changeEvent(self, event: QEvent) -> None:
        """A language switch re-translates the screen in place, without a restart."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


def label(role: str | None = None, *, wrap: bool = True) -> QLabel:
    """A label with a theme role (``title``, ``subtitle``, ``hint``, ``error``, ``notice``, ``headline``)."""
    widget = QLabel()
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    return plain_text(widget)


def button(role: str | None = None, icon_name: str | None = None) -> QPushButton:
    """A touch button with a theme role (``primary``, ``danger``, ``tile``, ``nav``) and an icon."""
    widget = QPushButton()
    if role:
        widget.setProperty("role", role)
    if icon_name:
        light = role in ("primary", "danger", "nav")
        widget.setIcon(icon(icon_name, "#FFFFFF" if light else "#0B3A75"))
        widget.setIconSize(widget.iconSize() * 1.6)
    widget.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return widget


def column_page(*widgets: QWidget, spacing: int = 16, above: int = 0, below: int = 1) -> QWidget:
    """A page of a stack: ``widgets`` in a column, with stretches ``above`` and ``below`` (0: none)."""
    page = QWidget()
    column = QVBoxLayout(page)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(spacing)
    if above:
        column.addStretch(above)
    for widget in widgets:
        column.addWidget(widget)
    if below:
        column.addStretch(below)
    return page


def scrolling(page: QWidget) -> QScrollArea:
    """``page`` in a scroll area that scrolls up and down only (a wide bar a finger can hold): at the
    largest text size a page may not fit a 768-pixel screen, and then it scrolls rather than squeeze."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    no_horizontal_scroll_bar(area)
    area.setWidget(page)
    return area


def card(parent: QWidget | None = None) -> tuple[QFrame, QVBoxLayout]:
    """A white framed box grouping related things, with its layout."""
    frame = QFrame(parent)
    frame.setProperty("role", "card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(20, 16, 20, 16)
    layout.setSpacing(10)
    return frame, layout


def show_message(target: QLabel, text: str, role: str = "error") -> None:
    """Show (or with empty ``text`` hide) a message label, restyled for its role."""
    target.setProperty("role", role)
    target.setText(text)
    target.setVisible(bool(text))
    repolish(target)


def page_with_actions(
    screen: QWidget, parts: Sequence[QWidget], actions: Sequence[tuple[QWidget, int]]
) -> None:
    """Lay ``screen`` out as a column of ``parts`` that scrolls, over a row of actions at the
    bottom, by the thumb (each action with its stretch: a message between buttons takes 1)."""
    page = QWidget()
    column = QVBoxLayout(page)
    column.setContentsMargins(0, 0, 16, 0)
    column.setSpacing(14)
    for part in parts:
        column.addWidget(part)
    column.addStretch(1)
    row = QHBoxLayout()
    for widget, stretch in actions:
        row.addWidget(widget, stretch)
    layout = QVBoxLayout(screen)
    layout.setContentsMargins(40, 16, 40, 16)
    layout.setSpacing(12)
    layout.addWidget(scrolling(page), 1)
    layout.addLayout(row)
