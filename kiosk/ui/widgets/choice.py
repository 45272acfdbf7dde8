"""A row of big buttons of which exactly one is chosen: a picker instead of a drop-down.

With ``exclusive=False`` the same row is a set of chips, any number of them chosen.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QPushButton, QSizePolicy, QWidget

from kiosk.ui.qt_names import focus_policy


class ChoiceRow(QWidget):
    """One checkable button per value; tapping one chooses it (``chosen`` carries the value).

    ``take_focus=False`` keeps the buttons from taking the keyboard focus, so that a text field
    beside them keeps it (visit screens: a tap on a picker does not close the on-screen keyboard).
    """

    chosen = Signal(object)

    def __init__(
        self,
        values: Sequence[Any],
        parent: QWidget | None = None,
        *,
        columns: int = 0,
        exclusive: bool = True,
        take_focus: bool = True,
    ) -> None:
        super().__init__(parent)
        self._values = list(values)
        self._group = QButtonGroup(self)
        self._group.setExclusive(exclusive)
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(12)
        self._per_row = columns or len(self._values)
        self.max_columns = self._per_row
        """The most buttons to a row; :meth:`set_columns` may lay out fewer where room is short."""
        self.buttons: list[QPushButton] = []
        for index, value in enumerate(self._values):
            button = QPushButton()
            button.setCheckable(True)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            if not take_focus:
                focus_policy(button, "NoFocus")
            self._group.addButton(button, index)
            self._layout.addWidget(button, *divmod(index, self._per_row))
            self.buttons.append(button)
            button.clicked.connect(lambda _=False, v=value: self.chosen.emit(v))

    def set_columns(self, columns: int) -> None:
        """Lay the buttons out ``columns`` to a row (a narrow place or large text: fewer)."""
        columns = max(1, columns)
        if columns == self._per_row:
            return
        self._per_row = columns
        shown = [b for b in self.buttons if not b.isHidden()]
        for button in self.buttons:
            self._layout.removeWidget(button)
        for place, button in enumerate(shown):
            self._layout.addWidget(button, *divmod(place, columns))

    def widest(self) -> int:
        """The width the widest button needs for its text."""
        return max((b.sizeHint().width() for b in self.buttons), default=0)

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

    def clear(self) -> None:
        """Nothing chosen any more (an exclusive group does not let its last button go by itself)."""
        exclusive = self._group.exclusive()
        self._group.setExclusive(False)
        for button in self.buttons:
            button.setChecked(False)
        self._group.setExclusive(exclusive)

    def checked_values(self) -> list[Any]:
        """Every chosen value, in the order of the values (chips: ``exclusive=False``)."""
        return [v for v, b in zip(self._values, self.buttons, strict=True) if b.isChecked()]

    def set_checked(self, values: Iterable[Any]) -> None:
        """Choose exactly ``values`` (chips), without emitting ``chosen``."""
        wanted = set(values)
        for value, button in zip(self._values, self.buttons, strict=True):
            button.setChecked(value in wanted)

    def show_only(self, values: Sequence[Any]) -> None:
        """Show the buttons of ``values`` only, in that order, closed up in the grid; a choice
        no longer shown is dropped."""
        if self.value() not in values:
            self.clear()
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.hide()
        for place, value in enumerate(values):
            button = self.button_for(value)
            self._layout.addWidget(button, *divmod(place, self._per_row))
            button.show()
