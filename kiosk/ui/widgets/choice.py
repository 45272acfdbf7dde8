"""A row of big buttons of which exactly one is chosen: a picker instead of a drop-down."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QPushButton, QSizePolicy, QWidget


class ChoiceRow(QWidget):
    """One checkable button per value; tapping one chooses it (``chosen`` carries the value)."""

    chosen = Signal(object)

    def __init__(
        self, values: Sequence[Any], parent: QWidget | None = None, *, columns: int = 0
    ) -> None:
        super().__init__(parent)
        self._values = list(values)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        per_row = columns or len(self._values)
        self.buttons: list[QPushButton] = []
        for index, value in enumerate(self._values):
            button = QPushButton()
            button.setCheckable(True)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self._group.addButton(button, index)
            layout.addWidget(button, *divmod(index, per_row))
            self.buttons.append(button)
            button.clicked.connect(lambda _=False, v=value: self.chosen.emit(v))

    def set_labels(self, labels: Sequence[str]) -> None:
        """The buttons' texts, in the order of the values (already translated)."""
        for button, text in zip(self.buttons, labels, strict=True):
            button.setText(text)

    def set_value(self, value: Any) -> None:
        """Show ``value`` as chosen without emitting ``chosen``."""
        if value in self._values:
            self.buttons[self._values.index(value)].setChecked(True)

    def value(self) -> Any:
        """The chosen value, or None when nothing is chosen yet."""
        index = self._group.checkedId()
        return None if index < 0 else self._values[index]

    def button_for(self, value: Any) -> QPushButton:
        """The button of ``value`` (tests tap it)."""
        return self.buttons[self._values.index(value)]
