"""The pickers and chips: every choice by taps alone, codes out, labels in the current language."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.domain.licences import CLASSES
from kiosk.domain.plates import VEHICLE_KINDS
from kiosk.ui.i18n import Translations
from kiosk.ui.theme import TEXT_SCALES
from kiosk.ui.widgets.pickers import (
    BRANDS,
    COLOURS,
    OTHER,
    PAPERS,
    BrandPicker,
    ColourPicker,
    KindPicker,
    LicenceClassPicker,
    PaperChips,
)
from tests.ui.layout import themed, widget_problems

W = TypeVar("W", bound=QWidget)


def shown(qtbot: QtBot, widget: W) -> W:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def tap(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def visible_texts(widget: QWidget) -> list[str]:
    """The texts of the buttons on show, as they read: row by row, left to right."""
    buttons = [b for b in widget.findChildren(QPushButton) if b.isVisibleTo(widget)]
    QApplication.processEvents()  # the grid placed after a change
    at = {b: b.mapTo(widget, QPoint(0, 0)) for b in buttons}
    return [b.text() for b in sorted(buttons, key=lambda b: (at[b].y(), at[b].x()))]


# --- vehicle kind --------------------------------------------------------------------------------


def test_the_kind_by_one_tap(qtbot: QtBot) -> None:
    picker = shown(qtbot, KindPicker())
    assert visible_texts(picker) == ["Car", "Motorbike", "Electric motorbike", "Other"]
    for kind in VEHICLE_KINDS:
        with qtbot.waitSignal(picker.chosen, timeout=1000) as blocker:
            tap(qtbot, picker.button_for(kind))
        assert blocker.args == [kind]
        assert picker.value() == kind


# --- brand ---------------------------------------------------------------------------------------


def test_the_brands_follow_the_kind(qtbot: QtBot) -> None:
    picker = shown(qtbot, BrandPicker(kind="car"))
    assert visible_texts(picker) == [*BRANDS["car"], "Other brand"]
    picker.set_kind("motorbike")
    assert visible_texts(picker) == [*BRANDS["motorbike"], "Other brand"]
    assert "Toyota" not in visible_texts(picker)
    picker.set_kind("electric_motorbike")
    assert visible_texts(picker)[:3] == ["VinFast", "Yadea", "Pega"]
    picker.set_kind(None)  # any kind: every brand, each once
    assert visible_texts(picker) == [*BRANDS[None], "Other brand"]
    assert set(BRANDS[None]) == set(
        BRANDS["car"] + BRANDS["motorbike"] + BRANDS["electric_motorbike"]
    )
    with pytest.raises(ValueError, match="bus"):
        picker.set_kind("bus")


def test_a_brand_by_one_tap(qtbot: QtBot) -> None:
    picker = shown(qtbot, BrandPicker(kind="motorbike"))
    with qtbot.waitSignal(picker.chosen, timeout=1000) as blocker:
        tap(qtbot, picker.row.button_for("Honda"))
    assert blocker.args == ["Honda"]
    assert picker.value() == "Honda"
    assert not picker.other_field.isVisible()
    picker.set_kind("car")  # Honda makes cars too: it stays
    assert picker.value() == "Honda"
    tap(qtbot, picker.row.button_for("Toyota"))
    picker.set_kind("motorbike")  # Toyota makes no motorbikes: dropped
    assert picker.value() is None


def test_other_shows_a_field_for_another_brand(qtbot: QtBot) -> None:
    picker = shown(qtbot, BrandPicker(kind="car"))
    picker.activateWindow()
    qtbot.waitUntil(picker.isActiveWindow, timeout=1000)
    tap(qtbot, picker.row.button_for(OTHER))
    assert picker.other_field.isVisible()
    assert picker.other_field.hasFocus()  # the keyboard types there at once
    assert picker.value() is None  # nothing typed yet
    seen: list[object] = []
    picker.chosen.connect(seen.append)
    qtbot.keyClicks(picker.other_field, " Thaco ")
    assert picker.value() == "Thaco"
    assert seen[-1] == "Thaco"
    picker.set_kind("motorbike")  # what was typed stays
    assert picker.value() == "Thaco"
    tap(qtbot, picker.row.button_for("Yamaha"))
    assert not picker.other_field.isVisible()
    assert picker.value() == "Yamaha"


def test_a_brand_on_file_is_shown(qtbot: QtBot) -> None:
    picker = shown(qtbot, BrandPicker(kind="motorbike"))
    picker.set_value("HONDA")  # the registry's spelling: the listed button
    assert picker.value() == "Honda"
    assert picker.row.button_for("Honda").isChecked()
    picker.set_value("Lifan")
    assert picker.row.button_for(OTHER).isChecked()
    assert picker.other_field.isVisible() and picker.value() == "Lifan"
    picker.set_value(None)
    assert picker.value() is None and not picker.other_field.isVisible()


# --- colour --------------------------------------------------------------------------------------


def test_every_colour_has_a_swatch_and_a_name(qtbot: QtBot) -> None:
    picker = shown(qtbot, ColourPicker())
    for colour in COLOURS:
        button = picker.row.button_for(colour)
        assert not button.icon().isNull()  # the swatch
        assert button.text().strip()  # and its name: never the colour alone
    assert visible_texts(picker)[:3] == ["White", "Black", "Silver"]


def test_a_colour_by_one_tap_and_another_typed(qtbot: QtBot) -> None:
    picker = shown(qtbot, ColourPicker())
    with qtbot.waitSignal(picker.chosen, timeout=1000) as blocker:
        tap(qtbot, picker.row.button_for("Đỏ"))
    assert blocker.args == ["Đỏ"]  # the papers' word, whatever the language
    tap(qtbot, picker.row.button_for(OTHER))
    qtbot.keyClicks(picker.other_field, "Hong")
    assert picker.value() == "Hong"
    picker.set_value("xanh")
    assert picker.value() == "Xanh"


# --- licence class -------------------------------------------------------------------------------


def test_the_classes_of_each_scheme_in_the_laws_order(qtbot: QtBot) -> None:
    picker = shown(qtbot, LicenceClassPicker())
    scheme_labels = ["Issued before 2025", "Issued from 2025"]
    assert picker.scheme() == "2024"
    assert visible_texts(picker) == [*scheme_labels, "A1", "A", "B1", "B", "C1", "C", "D1", "D2",
                                     "D", "BE", "C1E", "CE", "D1E", "D2E", "DE"]  # fmt: skip
    tap(qtbot, picker.scheme_choice.button_for("2008"))
    assert visible_texts(picker) == [*scheme_labels, "A1", "A2", "A3", "A4", "B1", "B2", "C", "D",
                                     "E", "FB2", "FC", "FD", "FE"]  # fmt: skip
    assert set(visible_texts(picker)[2:]) == CLASSES["2008"]


def test_a_class_by_taps_and_the_scheme_by_the_issue_date(qtbot: QtBot) -> None:
    picker = shown(qtbot, LicenceClassPicker())
    tap(qtbot, picker.scheme_choice.button_for("2008"))
    with qtbot.waitSignal(picker.chosen, timeout=1000) as blocker:
        tap(qtbot, picker.class_rows["2008"].button_for("B2"))
    assert blocker.args == ["2008", "B2"]
    assert picker.value() == "B2"
    tap(qtbot, picker.scheme_choice.button_for("2008"))  # the same scheme again: the class stays
    assert picker.value() == "B2"
    with qtbot.waitSignal(picker.scheme_changed, timeout=1000) as blocker:
        picker.set_issue_date(date(2025, 3, 1))
    assert blocker.args == ["2024"]
    assert picker.value() is None  # B2 is no 2024 class; A1 means another thing there
    picker.set_issue_date(date(2019, 6, 1))
    assert picker.scheme() == "2008"
    picker.set_value("2024", "A1")
    assert (picker.scheme(), picker.value()) == ("2024", "A1")
    with pytest.raises(ValueError, match="2030"):
        picker.set_scheme("2030")


# --- papers seen ---------------------------------------------------------------------------------


def test_papers_are_chosen_by_taps_in_a_stable_order(qtbot: QtBot) -> None:
    chips = shown(qtbot, PaperChips())
    assert chips.value() == []
    seen: list[list[str]] = []
    chips.changed.connect(seen.append)
    tap(qtbot, chips.button_for("handwritten_sale_paper"))
    tap(qtbot, chips.button_for("registration_certificate"))
    assert chips.value() == ["registration_certificate", "handwritten_sale_paper"]
    tap(qtbot, chips.button_for("handwritten_sale_paper"))  # a second tap takes it back
    assert seen == [
        ["handwritten_sale_paper"],
        ["registration_certificate", "handwritten_sale_paper"],
        ["registration_certificate"],
    ]


def test_none_excludes_the_other_papers(qtbot: QtBot) -> None:
    chips = shown(qtbot, PaperChips())
    tap(qtbot, chips.button_for("registration_certificate"))
    tap(qtbot, chips.button_for("sale_contract"))
    tap(qtbot, chips.button_for("none"))
    assert chips.value() == ["none"]
    assert not chips.button_for("sale_contract").isChecked()
    tap(qtbot, chips.button_for("sale_contract"))
    assert chips.value() == ["sale_contract"]
    chips.set_value(["none", "sale_contract"])
    assert chips.value() == ["none"]


def test_a_chosen_chip_shows_a_check_mark(qtbot: QtBot) -> None:
    chips = shown(qtbot, PaperChips())
    tap(qtbot, chips.button_for("sale_contract"))
    marked = [code for code in PAPERS if not chips.button_for(code).icon().isNull()]
    assert marked == ["sale_contract"]


# --- focus, look, language -----------------------------------------------------------------------

MAKERS: dict[str, Callable[[], QWidget]] = {
    "kind": KindPicker,
    "brand": lambda: BrandPicker(kind=None),
    "colour": ColourPicker,
    "licence": LicenceClassPicker,
    "papers": PaperChips,
}


@pytest.mark.parametrize("name", sorted(MAKERS))
def test_a_tap_leaves_the_focus_in_the_field(qtbot: QtBot, name: str) -> None:
    window = QWidget()
    field = QLineEdit()
    picker = MAKERS[name]()
    column = QVBoxLayout(window)
    column.addWidget(field)
    column.addWidget(picker)
    shown(qtbot, window)
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=1000)
    buttons = [
        b
        for b in picker.findChildren(QPushButton)
        if b.text() not in ("Other brand", "Other colour")
    ]
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in buttons)
    tap(qtbot, buttons[0])
    assert field.hasFocus()


def _with_other_open(picker: BrandPicker | ColourPicker) -> QWidget:
    picker.row.button_for(OTHER).click()
    return picker


@pytest.mark.parametrize("text_size", sorted(TEXT_SCALES))
@pytest.mark.parametrize("name", [*sorted(MAKERS), "brand+other", "colour+other", "licence 2008"])
def test_the_layout_fits_at_every_text_size(
    qtbot: QtBot, qapp: QApplication, text_size: str, name: str
) -> None:
    makers: dict[str, Callable[[], QWidget]] = {
        **MAKERS,
        "brand+other": lambda: _with_other_open(BrandPicker(kind=None)),
        "colour+other": lambda: _with_other_open(ColourPicker()),
        "licence 2008": lambda: _scheme_2008(),
    }
    with themed(qapp, text_size):
        assert widget_problems(qtbot, makers[name]) == []


def _scheme_2008() -> LicenceClassPicker:
    picker = LicenceClassPicker()
    picker.set_scheme("2008")
    return picker


def test_they_follow_a_language_switch(qtbot: QtBot, vietnamese: Translations) -> None:
    kind = shown(qtbot, KindPicker())
    chips = shown(qtbot, PaperChips())
    colour = shown(qtbot, ColourPicker())
    brand = shown(qtbot, BrandPicker(kind="car"))
    licence = shown(qtbot, LicenceClassPicker())
    assert vietnamese.switch("vi")
    assert visible_texts(kind) == ["Ô tô", "Xe máy", "Xe máy điện", "Khác"]
    assert chips.button_for("none").text() == "Không có giấy tờ"
    assert colour.row.button_for("Trắng").text() == "Trắng"
    assert brand.row.button_for(OTHER).text() == "Hãng khác"
    assert brand.row.button_for("Toyota").text() == "Toyota"
    assert licence.scheme_choice.button_for("2024").text() == "Cấp từ năm 2025"
