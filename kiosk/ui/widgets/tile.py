"""A big checkable tile for a person: icon, name and role, the name wrapping instead of being cut.

A QPushButton never wraps its text, and Vietnamese full names run long ("Nguyễn Thị Phương
Thảo"), so the tile draws its texts with word-wrapping labels and takes its size from them. A press
on a label is the tile's: a label ignores the mouse, and Qt passes what a child ignores to its parent.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.qt_names import plain_text
from kiosk.ui.theme import repolish

ICON_PX = 40


class Tile(QPushButton):
    """A touch tile with a title (wrapping) and a smaller second line."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile")
        self.setCheckable(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._icon = QLabel()
        self._icon.setFixedWidth(ICON_PX)  # as tall as the tile: a label centres its picture
        self._icon.setMinimumHeight(ICON_PX)
        self.title = QLabel()
        self.subtitle = QLabel()
        texts = QVBoxLayout()
        texts.setSpacing(2)
        texts.addStretch(1)
        for text in (self.title, self.subtitle):
            text.setWordWrap(True)
            texts.addWidget(plain_text(text))
        texts.addStretch(1)
        self.title.setProperty("role", "tileTitle")
        self.toggled.connect(self._restyle)
        layout = self._layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(14)
        layout.addWidget(self._icon)
        layout.addLayout(texts, 1)

    def _restyle(self, checked: bool) -> None:
        """White text on the dark chosen tile (QSS cannot reach children by the parent's state)."""
        for text in (self.title, self.subtitle):
            text.setProperty("onDark", "true" if checked else "false")
            repolish(text)

    def set_icon(self, icon: QIcon) -> None:
        """The tile's picture (a person, an officer's shield, a crossed circle)."""
        self._icon.setPixmap(icon.pixmap(QSize(ICON_PX, ICON_PX)))

    def set_texts(self, title: str, subtitle: str) -> None:
        """The name and the line under it; the accessible name says both."""
        self.title.setText(title)
        self.subtitle.setText(subtitle)
        self.setAccessibleName(f"{title}, {subtitle}")
        self.updateGeometry()

    def text_lines(self) -> tuple[str, str]:
        """What the tile says (tests read it)."""
        return self.title.text(), self.subtitle.text()

    def sizeHint(self) -> QSize:
        """As big as its texts need, never under the touch minimum of the theme."""
        hint = self._layout.sizeHint()
        return hint.expandedTo(self.minimumSizeHint())

    def minimumSizeHint(self) -> QSize:
        """Narrow enough to wrap a long name; tall enough for the wrapped text."""
        return self._layout.minimumSize().expandedTo(QSize(64, 64))

    def hasHeightForWidth(self) -> bool:
        """The wrapped name makes the height depend on the width."""
        return True

    def heightForWidth(self, width: int) -> int:
        """Height of the wrapped texts at ``width``, at least a touch target."""
        return max(self._layout.totalHeightForWidth(width), self.minimumHeight(), 64)
