"""A question with big answers, over the window: a touch-sized message box.

``QMessageBox`` sizes itself for a mouse: on a kiosk its buttons came out narrow, their words cut.
This dialog is window-modal (the scan router sees it as a message on screen), as wide as a
phone held sideways, and its answers are full-width buttons one above the other, the first one
the primary action.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.qt_names import plain_text
from kiosk.ui.screens.base import button, label

WIDTH_PX = 760


class Question(QDialog):
    """``title``, ``text`` and one button per answer; ``answered`` carries the answer's index."""

    answered = Signal(int)

    def __init__(self, parent: QWidget, title: str, text: str, answers: Sequence[str]) -> None:
        super().__init__(parent)
        self.setObjectName("Question")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(WIDTH_PX)
        heading = label("title")
        heading.setText(title)
        message = plain_text(label("subtitle"))
        message.setText(text)
        self.answer_buttons: list[QPushButton] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(40, 32, 40, 32)
        column.setSpacing(20)
        column.addWidget(heading)
        column.addWidget(message)
        for index, answer in enumerate(answers):
            choice = button("primary" if index == 0 else None)
            choice.setText(answer)
            choice.clicked.connect(lambda _=False, i=index: self._answer(i))
            self.answer_buttons.append(choice)
            column.addWidget(choice)

    def _answer(self, index: int) -> None:
        self.answered.emit(index)
        self.accept()
