"""Qt settings given by name (kiosk.ui.qt_names): the same values as through ``Qt``, typos refused."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QScrollArea
from pytestqt.qtbot import QtBot

from kiosk.ui.qt_names import align, focus_policy, no_horizontal_scroll_bar, plain_text


def test_each_setting_reaches_qt_as_its_enum_value(qtbot: QtBot) -> None:
    label = QLabel("<b>Nguyễn</b>")
    qtbot.addWidget(label)
    assert plain_text(label) is label
    assert label.textFormat() == Qt.TextFormat.PlainText
    align(label, "AlignCenter")
    assert label.alignment() == Qt.AlignmentFlag.AlignCenter
    focus_policy(label, "StrongFocus")
    assert label.focusPolicy() == Qt.FocusPolicy.StrongFocus
    focus_policy(label, "NoFocus")
    assert label.focusPolicy() == Qt.FocusPolicy.NoFocus
    area = QScrollArea()
    qtbot.addWidget(area)
    no_horizontal_scroll_bar(area)
    assert area.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff


def test_a_name_qt_does_not_know_is_an_error_not_ignored(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    with pytest.raises(ValueError, match=r"QLabel\.alignment has no value named 'AlignMiddle'"):
        align(label, "AlignMiddle")  # type: ignore[arg-type]
    assert label.alignment() == Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
