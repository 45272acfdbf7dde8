"""The date entry: day, month and year by big steps, kept inside its range, written out in words."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.ui.i18n import Translations
from kiosk.ui.theme import TEXT_SCALES
from kiosk.ui.widgets.date_entry import DateEntry, Unit
from tests.ui.layout import themed, widget_problems


def entry_at(
    qtbot: QtBot, value: date, low: date | None = None, high: date | None = None
) -> DateEntry:
    widget = DateEntry(value=value, minimum=low, maximum=high)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def tap(qtbot: QtBot, entry: DateEntry, unit: Unit, amount: int, times: int = 1) -> None:
    for _ in range(times):
        qtbot.mouseClick(entry.step_buttons[unit, amount], Qt.MouseButton.LeftButton)


def texts(entry: DateEntry) -> list[str]:
    return [label.text() for label in entry.findChildren(QLabel)]


def test_every_step_by_taps(qtbot: QtBot) -> None:
    entry = entry_at(qtbot, date(1990, 3, 15))
    seen: list[date] = []
    entry.changed.connect(seen.append)
    tap(qtbot, entry, "day", 1)
    tap(qtbot, entry, "month", -1)
    tap(qtbot, entry, "year", 10)
    tap(qtbot, entry, "year", -1)
    tap(qtbot, entry, "day", -1, times=2)
    tap(qtbot, entry, "month", 1)
    tap(qtbot, entry, "year", -10)
    tap(qtbot, entry, "year", 1)
    assert seen == [
        date(1990, 3, 16),
        date(1990, 2, 16),
        date(2000, 2, 16),
        date(1999, 2, 16),
        date(1999, 2, 15),
        date(1999, 2, 14),
        date(1999, 3, 14),
        date(1989, 3, 14),
        date(1990, 3, 14),
    ]
    assert entry.value() == date(1990, 3, 14)
    assert {"14", "3", "1990"} <= set(texts(entry))


def test_days_cross_into_the_next_month_and_year(qtbot: QtBot) -> None:
    entry = entry_at(qtbot, date(1999, 12, 31))
    tap(qtbot, entry, "day", 1)
    assert entry.value() == date(2000, 1, 1)
    tap(qtbot, entry, "month", -1)
    assert entry.value() == date(1999, 12, 1)


@pytest.mark.parametrize(
    ("start", "unit", "amount", "result"),
    [
        (date(2023, 1, 31), "month", 1, date(2023, 2, 28)),  # 31 January + 1 month
        (date(2024, 1, 31), "month", 1, date(2024, 2, 29)),  # …in a leap year
        (date(2024, 3, 31), "month", -1, date(2024, 2, 29)),
        (date(2024, 5, 31), "month", -1, date(2024, 4, 30)),
        (date(2024, 2, 29), "year", 1, date(2025, 2, 28)),  # 29 February in a year without one
        (date(2024, 2, 29), "year", -10, date(2014, 2, 28)),
        (date(2020, 2, 29), "year", 10, date(2030, 2, 28)),
        (date(2024, 2, 28), "day", 1, date(2024, 2, 29)),
        (date(2024, 2, 29), "day", 1, date(2024, 3, 1)),
        (date(2023, 2, 28), "day", 1, date(2023, 3, 1)),
        (date(2000, 2, 29), "year", -1, date(1999, 2, 28)),
    ],
)
def test_days_clamp_to_the_length_of_the_month(
    qtbot: QtBot, start: date, unit: Unit, amount: int, result: date
) -> None:
    entry = entry_at(qtbot, start)
    tap(qtbot, entry, unit, amount)
    assert entry.value() == result


def test_a_step_out_of_the_range_is_refused(qtbot: QtBot) -> None:
    birth, today = date(1960, 5, 20), date(2025, 11, 22)
    entry = entry_at(qtbot, date(2025, 11, 21), birth, today)
    tap(qtbot, entry, "day", 1)
    assert entry.value() == today
    refused = [key for key, button in entry.step_buttons.items() if not button.isEnabled()]
    assert sorted(refused) == [("day", 1), ("month", 1), ("year", 1), ("year", 10)]
    with qtbot.assertNotEmitted(entry.changed):
        for key in refused:
            tap(qtbot, entry, *key)
        assert not entry.step("day", 1)
    assert entry.value() == today
    tap(qtbot, entry, "day", -1)
    assert entry.step_buttons["day", 1].isEnabled()


def test_ten_years_back_near_the_minimum(qtbot: QtBot) -> None:
    low = date(1950, 6, 1)
    entry = entry_at(qtbot, date(1958, 3, 1), low, date(2025, 1, 1))
    assert not entry.step_buttons["year", -10].isEnabled()  # 1948 is before the minimum
    tap(qtbot, entry, "year", -10)
    assert entry.value() == date(1958, 3, 1)
    tap(qtbot, entry, "year", -1, times=8)  # 1950-03-01 is before the minimum: the last is refused
    assert entry.value() == date(1951, 3, 1)
    assert not entry.step_buttons["year", -1].isEnabled()
    tap(qtbot, entry, "month", 1, times=3)
    tap(qtbot, entry, "year", -1)
    assert entry.value() == date(1950, 6, 1) == entry.minimum()
    assert not entry.step_buttons["day", -1].isEnabled()


def test_values_and_ranges_outside_are_clamped(qtbot: QtBot) -> None:
    entry = entry_at(qtbot, date(2030, 1, 1))
    seen: list[date] = []
    entry.changed.connect(seen.append)
    entry.set_range(date(2000, 1, 1), date(2025, 11, 22))
    assert entry.value() == date(2025, 11, 22)
    entry.set_value(date(1999, 12, 31))
    assert entry.value() == date(2000, 1, 1)
    entry.set_value(date(2000, 1, 1))  # no change: no signal
    assert seen == [date(2025, 11, 22), date(2000, 1, 1)]
    entry.set_range(None, None)
    assert (entry.minimum(), entry.maximum()) == (None, None)
    entry.set_value(date(1900, 1, 1))
    assert entry.value() == date(1900, 1, 1)
    with pytest.raises(ValueError, match="after"):
        entry.set_range(date(2025, 1, 2), date(2025, 1, 1))


def test_the_ends_of_the_calendar_are_refused_not_crashed_on(qtbot: QtBot) -> None:
    entry = entry_at(qtbot, date(9995, 12, 31))
    assert not entry.step_buttons["year", 10].isEnabled()
    assert entry.step_buttons["day", 1].isEnabled()
    entry.set_value(date(9999, 12, 31))
    assert not entry.step_buttons["day", 1].isEnabled()
    assert not entry.step_buttons["month", 1].isEnabled()
    entry.set_value(date(1, 1, 1))
    assert not entry.step_buttons["day", -1].isEnabled()
    assert not entry.step_buttons["year", -1].isEnabled()


def test_the_date_is_written_out_with_its_weekday(qtbot: QtBot) -> None:
    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.English))
        entry = entry_at(qtbot, date(1990, 3, 15))
        assert any("Thursday" in text and "1990" in text for text in texts(entry))
        tap(qtbot, entry, "day", 1)
        assert any("Friday" in text for text in texts(entry))
    finally:
        QLocale.setDefault(before)


def test_steps_never_take_the_focus(qtbot: QtBot) -> None:
    entry = entry_at(qtbot, date(1990, 3, 15))
    buttons = entry.findChildren(QPushButton)
    assert len(buttons) == 8
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in buttons)


@pytest.mark.parametrize("text_size", sorted(TEXT_SCALES))
def test_the_layout_fits_at_every_text_size(
    qtbot: QtBot, qapp: QApplication, text_size: str
) -> None:
    def make() -> DateEntry:
        # the longest date in words: a Wednesday in September
        return DateEntry(
            value=date(1998, 9, 30), minimum=date(1920, 1, 1), maximum=date(2025, 12, 31)
        )

    with themed(qapp, text_size):
        assert widget_problems(qtbot, make) == []


def test_it_follows_a_language_switch(qtbot: QtBot, vietnamese: Translations) -> None:
    entry = entry_at(qtbot, date(1990, 3, 15))
    assert vietnamese.switch("vi")
    assert {"Ngày", "Tháng", "Năm"} <= set(texts(entry))
    assert any(text.startswith("Thứ Năm") for text in texts(entry))
