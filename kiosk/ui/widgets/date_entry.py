"""A date by big steps: day, month and year columns with − and + (and ∓10 years), no calendar pop-up.

Under the columns the date is written out in the current language ("Thứ Năm, 15 tháng 3, 1990"),
so a slip of one day or one year is seen. A step that would leave the allowed range is disabled.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta
from typing import Literal

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.qt_names import plain_text
from kiosk.ui.widgets.keypad import key_button

Unit = Literal["day", "month", "year"]
MINUS = "\u2212"  # the minus sign, wider and clearer than a hyphen
STEPS: dict[Unit, tuple[int, ...]] = {"day": (1,), "month": (1,), "year": (1, 10)}
"""The steps of each column, each offered up and down."""


def stepped(value: date, unit: Unit, amount: int) -> date | None:
    """``value`` moved by ``amount`` days, months or years; the day falls back to the last of a
    shorter month (31 January + 1 month = 28 or 29 February). None beyond year 1 or 9999."""
    try:
        if unit == "day":
            return value + timedelta(days=amount)
        months = value.year * 12 + value.month - 1 + (amount if unit == "month" else 12 * amount)
        year, month = divmod(months, 12)
        month += 1
        if not date.min.year <= year <= date.max.year:
            return None
        return date(year, month, min(value.day, calendar.monthrange(year, month)[1]))
    except OverflowError:
        return None


def _step_text(amount: int) -> str:
    sign = "+" if amount > 0 else MINUS
    return sign if abs(amount) == 1 else f"{sign}{abs(amount)}"


class DateEntry(QWidget):
    """Day, month and year columns with big step buttons, and the date in words beneath.

    ``changed`` carries the new ``datetime.date`` whenever the value changes (steps, ``set_value``,
    or a ``set_range`` that moved it).
    """

    changed = Signal(object)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        value: date | None = None,
        minimum: date | None = None,
        maximum: date | None = None,
    ) -> None:
        super().__init__(parent)
        self._minimum = date.min
        self._maximum = date.max
        self._value = value or date.today()
        self.step_buttons: dict[tuple[Unit, int], QPushButton] = {}
        self._titles: dict[Unit, QLabel] = {}
        self._values: dict[Unit, QLabel] = {}

        columns = QHBoxLayout()
        columns.setSpacing(24)
        for unit, amounts in STEPS.items():
            columns.addLayout(self._column(unit, amounts), len(amounts))
        self._words = plain_text(QLabel())
        self._words.setProperty("role", "subtitle")
        self._words.setWordWrap(True)
        self._words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(columns)
        layout.addWidget(self._words)
        self.set_range(minimum, maximum)
        self.retranslateUi()

    def _column(self, unit: Unit, amounts: tuple[int, ...]) -> QGridLayout:
        """Title, the + buttons, the value, the − buttons: larger steps outside the smaller ones."""
        grid = QGridLayout()
        grid.setSpacing(8)
        title = plain_text(QLabel())
        title.setProperty("role", "subtitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        shown = plain_text(QLabel())
        shown.setProperty("role", "headline")
        shown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._titles[unit], self._values[unit] = title, shown
        grid.addWidget(title, 0, 0, 1, len(amounts))
        grid.addWidget(shown, 2, 0, 1, len(amounts))
        for column, amount in enumerate(amounts):
            for row, signed in ((1, amount), (3, -amount)):
                button = key_button(_step_text(signed))
                button.clicked.connect(lambda _=False, u=unit, a=signed: self.step(u, a))
                self.step_buttons[unit, signed] = button
                grid.addWidget(button, row, column)
        return grid

    # --- state ---------------------------------------------------------------------------------
    def value(self) -> date:
        """The date shown."""
        return self._value

    def set_value(self, value: date) -> None:
        """Show ``value``, moved into the allowed range when it lies outside."""
        self._set(value)

    def minimum(self) -> date | None:
        """The earliest date allowed, or None."""
        return None if self._minimum == date.min else self._minimum

    def maximum(self) -> date | None:
        """The latest date allowed, or None."""
        return None if self._maximum == date.max else self._maximum

    def set_range(self, minimum: date | None, maximum: date | None) -> None:
        """Allow only dates from ``minimum`` to ``maximum`` (None: no limit on that side)."""
        low, high = minimum or date.min, maximum or date.max
        if low > high:
            raise ValueError("the earliest date allowed is after the latest")
        self._minimum, self._maximum = low, high
        self._set(self._value)

    def step(self, unit: Unit, amount: int) -> bool:
        """Move by ``amount`` of ``unit`` when the result is allowed; False (nothing moves) when not."""
        target = self._target(unit, amount)
        if target is None:
            return False
        self._set(target)
        return True

    def _target(self, unit: Unit, amount: int) -> date | None:
        target = stepped(self._value, unit, amount)
        if target is None or not self._minimum <= target <= self._maximum:
            return None
        return target

    def _set(self, value: date) -> None:
        if isinstance(value, datetime):  # a date to Python, but it does not compare with one
            value = value.date()
        value = min(max(value, self._minimum), self._maximum)
        changed = value != self._value
        self._value = value
        self._refresh()
        if changed:
            self.changed.emit(value)

    def _refresh(self) -> None:
        value = self._value
        self._values["day"].setText(str(value.day))
        self._values["month"].setText(str(value.month))
        self._values["year"].setText(str(value.year))
        for (unit, amount), button in self.step_buttons.items():
            button.setEnabled(self._target(unit, amount) is not None)
        qdate = QDate(value.year, value.month, value.day)
        self._words.setText(QLocale().toString(qdate, QLocale.FormatType.LongFormat))

    # --- Qt ------------------------------------------------------------------------------------
    def retranslateUi(self) -> None:
        """Titles, accessible names and the date in words, in the current language."""
        self._titles["day"].setText(self.tr("Day"))
        self._titles["month"].setText(self.tr("Month"))
        self._titles["year"].setText(self.tr("Year"))
        names = {
            ("day", 1): self.tr("One day later"),
            ("day", -1): self.tr("One day earlier"),
            ("month", 1): self.tr("One month later"),
            ("month", -1): self.tr("One month earlier"),
            ("year", 1): self.tr("One year later"),
            ("year", -1): self.tr("One year earlier"),
            ("year", 10): self.tr("Ten years later"),
            ("year", -10): self.tr("Ten years earlier"),
        }
        for key, button in self.step_buttons.items():
            button.setAccessibleName(names[key])
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        """Follow a language switch without a restart."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)
