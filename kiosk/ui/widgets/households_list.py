"""Long lists by touch for the households screen: a model over plain rows and a delegate that draws
each row as a card (a title, a line under it, a coloured chip), so 10,000 households cost nothing
to show (a view draws only the rows in sight; every row has the same height).

The rows' texts come from a ``describe`` function the screen gives, asked only for rows drawn:
translated words are made when shown, never 10,000 at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, NamedTuple, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from kiosk.ui.theme import COLOURS, MIN_TARGET_PX

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

CHIP_COLOURS: dict[str, tuple[str, str, str]] = {
    "not_started": ("white", "ink", "line_strong"),
    "partial": ("warning_paper", "warning_ink", "warning_line"),
    "done": ("notice_paper", "notice_ink", "notice_line"),
    "absent": ("accent_soft", "accent_ink", "accent"),
    "moved_away": ("grey_paper", "disabled_ink", "line_strong"),
    "refused": ("error_paper", "error_ink", "danger"),
}
"""A household status's chip: (paper, ink, line) colour roles of the theme (pairs it lists)."""
PAD_PX = 14
GAP_PX = 8
MARGIN_PX = 4
"""Space between two cards (above and below each)."""


class Item(NamedTuple):
    """What one row shows: a title, the line under it, and a chip (status code and its words)."""

    title: str
    subtitle: str
    chip: str = ""
    chip_text: str = ""


class RowsModel(QAbstractListModel, Generic[T]):
    """Plain rows (any frozen data) behind a list view; ``describe`` turns one into an :class:`Item`."""

    ItemRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, describe: Callable[[T], Item], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._describe = describe
        self._rows: list[T] = []

    def set_rows(self, rows: Sequence[T]) -> None:
        """Show ``rows`` (the view scrolls back to the top)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def refresh(self) -> None:
        """The words changed (a language switch): draw every row again."""
        if self._rows:
            last = self.index(len(self._rows) - 1)
            self.dataChanged.emit(self.index(0), last)

    def rows(self) -> list[T]:
        """The rows shown, in order."""
        return list(self._rows)

    def row_at(self, index: Index) -> T:
        """The row behind ``index``."""
        return self._rows[index.row()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008  # Qt's signature
        """How many rows (a list has no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The row's title (display, accessibility) or its whole :class:`Item`."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role == RowsModel.ItemRole:
            return self._describe(self._rows[index.row()])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            item = self._describe(self._rows[index.row()])
            return f"{item.title}, {item.subtitle}, {item.chip_text}".strip(", ")
        return None


class RowDelegate(QStyledItemDelegate):
    """Draws a row as a white card: the title in bold, the line under it, the chip on the right."""

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        plain = QFont(option.font)
        bold = QFont(plain)
        bold.setBold(True)
        return bold, plain

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """Two lines of text with room around them, never under a touch target."""
        bold, plain = self._fonts(option)
        text = QFontMetrics(bold).height() + QFontMetrics(plain).height() + GAP_PX
        height = text + 2 * PAD_PX + 2 * MARGIN_PX
        return QSize(200, max(MIN_TARGET_PX + 16, height))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """The card, its texts elided to the width, the chip."""
        item = index.data(RowsModel.ItemRole)
        if not isinstance(item, Item):
            return
        rect: QRect = option.rect.adjusted(0, MARGIN_PX, -MARGIN_PX, -MARGIN_PX)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        bold, plain = self._fonts(option)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(
            QPen(QColor(COLOURS["accent" if selected else "line"]), 3 if selected else 2)
        )
        painter.setBrush(QColor(COLOURS["white"]))
        painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), 10, 10)
        inner = rect.adjusted(PAD_PX, PAD_PX, -PAD_PX, -PAD_PX)
        if item.chip_text:
            chip_width = QFontMetrics(bold).horizontalAdvance(item.chip_text) + 2 * PAD_PX
            chip_width = min(chip_width, inner.width() // 2)
            chip = QRect(inner.right() - chip_width, inner.top(), chip_width, inner.height())
            paper, ink, line = CHIP_COLOURS.get(item.chip, CHIP_COLOURS["not_started"])
            painter.setPen(QPen(QColor(COLOURS[line]), 2))
            painter.setBrush(QColor(COLOURS[paper]))
            painter.drawRoundedRect(chip, 8, 8)
            painter.setPen(QColor(COLOURS[ink]))
            painter.setFont(bold)
            text = QFontMetrics(bold).elidedText(
                item.chip_text, Qt.TextElideMode.ElideRight, chip.width() - PAD_PX
            )
            painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
            inner.setRight(chip.left() - PAD_PX)
        top_height = QFontMetrics(bold).height()
        painter.setPen(QColor(COLOURS["ink"]))
        painter.setFont(bold)
        title = QFontMetrics(bold).elidedText(
            item.title, Qt.TextElideMode.ElideRight, inner.width()
        )
        painter.drawText(QRect(inner.left(), inner.top(), inner.width(), top_height),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)  # fmt: skip
        painter.setPen(QColor(COLOURS["hint_ink"]))
        painter.setFont(plain)
        below = QRect(inner.left(), inner.top() + top_height + GAP_PX, inner.width(),
                      inner.height() - top_height - GAP_PX)  # fmt: skip
        line_text = QFontMetrics(plain).elidedText(
            item.subtitle, Qt.TextElideMode.ElideRight, inner.width()
        )
        painter.drawText(below, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, line_text)
        painter.restore()


def rows_view(model: RowsModel[Any], parent: QWidget | None = None) -> QListView:
    """A list view for touch: rows of one height, scrolled by the pixel with the wide bar, one
    tap chooses (``clicked``), no editing, no drag."""
    view = QListView(parent)
    view.setModel(model)
    view.setItemDelegate(RowDelegate(view))
    view.setUniformItemSizes(True)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setFrameShape(QListView.Shape.NoFrame)
    view.verticalScrollBar().setSingleStep(24)
    return view
