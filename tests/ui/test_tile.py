"""The person tile: a press anywhere on it, its texts and icon included, is the tile's."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.ui.resources import icon
from kiosk.ui.widgets.tile import ICON_PX, Tile


def _shown_tile(qtbot: QtBot, name: str, role: str, height: int) -> Tile:
    tile = Tile()
    qtbot.addWidget(tile)
    tile.set_texts(name, role)
    tile.set_icon(icon("user"))
    tile.resize(320, height)
    tile.show()
    qtbot.waitExposed(tile)
    return tile


def _icon_label(tile: Tile) -> QLabel:
    return next(label for label in tile.findChildren(QLabel) if label.pixmap().width())


def test_a_tap_on_the_name_or_the_icon_selects_the_tile(qtbot: QtBot) -> None:
    tile = _shown_tile(qtbot, "Nguyễn Thị Phương Thảo", "Tình nguyện viên", 120)
    name, icon_label = tile.title, _icon_label(tile)
    assert icon_label.pixmap().width() == ICON_PX
    for child in (name, icon_label):
        at = child.mapTo(tile, child.rect().center())
        assert tile.childAt(at) is child  # the press lands on the child, not on the tile
        with qtbot.waitSignal(tile.clicked, timeout=1000):
            qtbot.mouseClick(child, Qt.MouseButton.LeftButton, pos=child.rect().center())
    assert tile.isChecked() is False  # checked by the first tap, unchecked by the second
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton, pos=QPoint(4, 4))
    assert tile.isChecked() is True


def test_the_icon_sits_in_the_middle_of_the_tile_height(qtbot: QtBot) -> None:
    tile = _shown_tile(qtbot, "Trần Văn An", "Cán bộ", 140)
    icon_label = _icon_label(tile)
    middle = icon_label.mapTo(tile, icon_label.rect().center()).y()
    assert abs(middle - tile.rect().center().y()) <= 1
    assert icon_label.alignment() & Qt.AlignmentFlag.AlignVCenter  # its picture in its middle
