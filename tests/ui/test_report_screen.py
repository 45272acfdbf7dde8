"""The day's report on the kiosk's screen (issue 22, point 3): an officer opens it from Home on
today, its figures are the store's (``kiosk_day``), the previous day, Save XLSX and Save CSV to a
folder standing in for the USB stick and read back, a stick pulled out, a volunteer kept out,
the lock, and the layout at every size.

The real kiosk window, database and worker threads; the ward is synthetic (``intake.demo``), with
yesterday's progress and today's captures made through the real services.
"""

from __future__ import annotations

import csv
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from kiosk.exchange.report import COLUMNS, CSV_ENCODING, SHEET_NAME, TOTAL_LABEL, ReportRow, totals
from kiosk.services.base import PermissionDenied
from kiosk.store.report import KioskDay, kiosk_day
from kiosk.ui.main_window import MainWindow
from kiosk.ui.screens.report import FIELDS, ReportScreen
from kiosk.ui.widgets.question import Question
from tests.support.households import Filled, add_progress, fill_roster
from tests.ui.conftest import OFFICER, VOLUNTEER
from tests.ui.desk import captured, people, verified
from tests.ui.flows import WAIT_MS, complete_setup, go_to_sign_in, sign_in, tap, type_on
from tests.ui.test_layout import TEXT_SIZES, _at_every_size, _text_size

RESIDENTS = 2100
"""About 620 households: two residential groups of the demo ward."""


@pytest.fixture
def ward(qtbot: QtBot, window: MainWindow) -> Filled:
    """A demo station in English, the officer on Home, the demo ward's roster in the cache with
    yesterday's progress, and today two visits: one verified, one waiting for an officer."""
    complete_setup(qtbot, window, *OFFICER, language="en")
    store = window.backend_or_fail().store
    filled = fill_roster(store, RESIDENTS, seed=5)
    officer, volunteer, second = people(window)
    yesterday = datetime.now().astimezone() - timedelta(days=1)
    add_progress(store, filled, officer.operator_id, seed=3, sent=0.3, at=yesterday)
    first, other = [p for p in filled.population.residents if p["id_number"] in filled.on_file][:2]
    verified(window, volunteer, second, **_resident(first))
    captured(window, volunteer, **_resident(other))
    return filled


def _resident(person: dict[str, Any]) -> dict[str, Any]:
    """The payload's resident for a person of the demo ward."""
    return {
        "id_number": person["id_number"],
        "full_name": person["full_name"],
        "birth_date": person["birth_date"].isoformat(),
        "sex": person["sex"],
    }


def _truth(window: MainWindow, day: date) -> KioskDay:
    backend = window.backend_or_fail()
    with backend.store.reader() as conn:
        return kiosk_day(conn, day, at=backend.clock())


def _today(window: MainWindow) -> date:
    return window.backend_or_fail().clock().date()


def _open(qtbot: QtBot, window: MainWindow) -> ReportScreen:
    """Home's button, then today's report on show."""
    screen = window.report_screen
    assert window.home_screen.report_button.isVisible()
    with qtbot.waitSignal(screen.loaded, timeout=WAIT_MS) as loaded:
        tap(qtbot, window.home_screen.report_button)
    assert window.navigator.current() == "report" and loaded.args[0] is not None
    return screen


def _cells(screen: ReportScreen) -> list[list[str]]:
    """Every row of the table as shown: its header (the group), then its figures."""
    model = screen.model
    return [
        [model.headerData(r, Qt.Orientation.Vertical)]
        + [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _expected(rows: list[ReportRow]) -> list[list[str]]:
    """The table the rows make: a dash for no target; the totals row last."""
    shown = [
        [row.group] + ["—" if getattr(row, f) is None else str(getattr(row, f)) for f in FIELDS]
        for row in rows
    ]
    summed = totals(rows)
    return [*shown, ["Total"] + ["—" if summed[f] is None else str(summed[f]) for f in FIELDS]]


def test_an_officer_opens_todays_report_from_home(
    qtbot: QtBot, window: MainWindow, ward: Filled, qtmodeltester: ModelTester
) -> None:
    screen = _open(qtbot, window)
    today = _today(window)
    truth = _truth(window, today)
    assert screen.day() == today and screen._day_label.text() == f"Today, {today:%d/%m/%Y}"
    assert screen.model.rows() == truth.rows
    groups = {h["group_name"] for h in ward.population.households}
    assert {r.group for r in truth.rows} >= groups and len(groups) >= 2
    assert _cells(screen) == _expected(truth.rows)
    assert sum(r.residents for r in truth.rows) == 2  # today's two visits
    assert truth.not_uploaded == 2
    assert screen.notes_text() == (
        "2 record(s) of this day are not yet sent to the ward's server: its figures may still "
        "grow there."
    )
    assert not screen.next_button.isEnabled() and not screen.today_button.isEnabled()
    assert screen.xlsx_button.isEnabled() and screen.csv_button.isEnabled()
    headers = [screen.model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(FIELDS))]
    assert headers[0] == "Residents\nserved" and headers[-1] == "Target"
    qtmodeltester.check(screen.model)  # type: ignore[no-untyped-call]  # pytest-qt is untyped
    tap(qtbot, screen.back_button)
    assert window.navigator.current() == "home"


def test_the_previous_day_and_back_to_today(qtbot: QtBot, window: MainWindow, ward: Filled) -> None:
    screen = _open(qtbot, window)
    today = _today(window)
    with qtbot.waitSignal(screen.loaded, timeout=WAIT_MS) as loaded:
        tap(qtbot, screen.previous_button)
    yesterday = today - timedelta(days=1)
    assert loaded.args[0].day == yesterday and screen.day() == yesterday
    truth = _truth(window, yesterday)
    assert screen.model.rows() == truth.rows
    assert _cells(screen) == _expected(truth.rows)
    assert sum(r.residents for r in truth.rows) > 10  # yesterday's sent visits
    assert screen._day_label.text() == f"{yesterday:%d/%m/%Y}"
    assert screen.notes_text() == "Every record of this day has reached the ward's server."
    assert screen.next_button.isEnabled() and screen.today_button.isEnabled()
    with qtbot.waitSignal(screen.loaded, timeout=WAIT_MS):
        tap(qtbot, screen.previous_button)
    assert screen.day() == today - timedelta(days=2)
    with qtbot.waitSignal(screen.loaded, timeout=WAIT_MS):
        tap(qtbot, screen.next_button)
    assert screen.day() == yesterday
    with qtbot.waitSignal(screen.loaded, timeout=WAIT_MS):
        tap(qtbot, screen.today_button)
    assert screen.day() == today and not screen.next_button.isEnabled()
    screen.show_day(today + timedelta(days=3))  # never beyond today
    assert screen.day() == today


def _header_row() -> list[str]:
    return [c.header for c in COLUMNS]


def _file_rows(rows: list[ReportRow]) -> list[list[Any]]:
    """The group rows and the totals row as the template writes them (days as dates)."""
    summed = totals(rows)
    lines: list[list[Any]] = [[getattr(r, c.field) for c in COLUMNS] for r in rows]
    return [*lines, [None, TOTAL_LABEL, *(summed[c.field] for c in COLUMNS[2:])]]


def test_save_xlsx_and_csv_to_a_stick_and_read_them_back(
    qtbot: QtBot, window: MainWindow, ward: Filled, tmp_path: Path
) -> None:
    screen = _open(qtbot, window)
    report = screen.report()
    assert report is not None
    stick = tmp_path / "KINGSTON"
    stick.mkdir()
    screen.find_volumes = lambda: [stick]
    with qtbot.waitSignal(screen.saved, timeout=WAIT_MS) as saved:
        tap(qtbot, screen.xlsx_button)
    path = saved.args[0]
    assert path == stick / f"bao-cao-ngay_{report.day.isoformat()}_{report.station_id}.xlsx"
    assert screen.message.text() == f"Saved as {path.name} in KINGSTON."
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == [SHEET_NAME]
    sheet = book[SHEET_NAME]
    values = [list(line) for line in sheet.iter_rows(values_only=True)]
    assert values[0][0] == report.title and values[1] == [None] * len(COLUMNS)
    assert values[2] == _header_row()
    table = [
        [v.date() if isinstance(v, datetime) else v for v in line]
        for line in values[3 : 3 + len(report.rows) + 1]
    ]
    assert table == _file_rows(report.rows)
    assert [line[0] for line in values[-len(report.notes) :]] == report.notes
    assert report.notes[0] == "Còn 2 hồ sơ của ngày này chưa gửi lên máy chủ."

    folder = tmp_path / "chosen"
    folder.mkdir()
    screen.find_volumes = list  # no stick: the officer chooses a folder
    screen.ask_folder = lambda: folder
    with qtbot.waitSignal(screen.saved, timeout=WAIT_MS) as saved:
        tap(qtbot, screen.csv_button)
    assert saved.args[0].parent == folder and saved.args[0].suffix == ".csv"
    with saved.args[0].open(encoding=CSV_ENCODING, newline="") as text:
        lines = list(csv.reader(text))
    assert lines[0] == _header_row()
    expected = [
        ["" if v is None else v.isoformat() if isinstance(v, date) else str(v) for v in line]
        for line in _file_rows(report.rows)
    ]
    assert lines[1:] == expected

    other = tmp_path / "SANDISK"
    other.mkdir()
    screen.find_volumes = lambda: [stick, other]  # two sticks: the officer taps one
    tap(qtbot, screen.csv_button)
    qtbot.waitUntil(lambda: screen.findChild(Question) is not None, timeout=WAIT_MS)
    question = screen.findChild(Question)
    assert isinstance(question, Question)
    assert [b.text() for b in question.answer_buttons] == ["KINGSTON", "SANDISK", "Cancel"]
    with qtbot.waitSignal(screen.saved, timeout=WAIT_MS) as saved:
        tap(qtbot, question.answer_buttons[1])
    assert saved.args[0].parent == other
    actor = window.actor
    assert actor is not None
    events = [
        e for e in window.backend_or_fail().audit.recent(actor) if e.action == "report.export"
    ]
    assert [e.details["format"] for e in events] == ["csv", "csv", "xlsx"]
    assert events[-1].details == {
        "day": report.day.isoformat(), "format": "xlsx", "groups": len(report.rows),
        "residents": 2, "not_uploaded": 2,
    }  # fmt: skip


def test_a_stick_pulled_out_says_so_and_saves_nothing(
    qtbot: QtBot, window: MainWindow, ward: Filled, tmp_path: Path
) -> None:
    screen = _open(qtbot, window)
    tmp_path.joinpath("media").write_text("not a folder")
    screen.find_volumes = lambda: [tmp_path / "media" / "KINGSTON"]  # its mount point is gone
    with qtbot.waitSignal(screen.failed, timeout=WAIT_MS) as failed:
        tap(qtbot, screen.xlsx_button)
    assert failed.args[0] == (
        "KINGSTON is not there any more (was the USB stick taken out?), so nothing was saved."
    )
    assert screen.message.text() == failed.args[0] and screen.xlsx_button.isEnabled()
    actor = window.actor
    assert actor is not None
    events = window.backend_or_fail().audit.recent(actor)
    assert not [e for e in events if e.action == "report.export"]


def test_a_volunteer_cannot_open_it(qtbot: QtBot, window: MainWindow, ward: Filled) -> None:
    go_to_sign_in(qtbot, window)
    keypad = window.sign_in_screen.keypad
    with qtbot.waitSignal(window.sign_in_screen.answered, timeout=WAIT_MS):
        sign_in(qtbot, window, VOLUNTEER[0], "250913")
    type_on(qtbot, keypad, VOLUNTEER[1])  # a first PIN is changed at once
    with qtbot.waitSignal(window.navigator.current_changed, timeout=WAIT_MS):
        type_on(qtbot, keypad, VOLUNTEER[1])
    assert not window.home_screen.report_button.isVisibleTo(window)
    with qtbot.waitSignal(window.navigator.refused, timeout=WAIT_MS):
        assert not window.navigator.go("report")
    assert window.navigator.current() == "home"
    actor = window.actor
    assert actor is not None and not actor.is_officer
    with pytest.raises(PermissionDenied):
        window.backend_or_fail().reports.day_report(actor, _today(window))


def test_the_lock_clears_it(qtbot: QtBot, window: MainWindow, ward: Filled) -> None:
    screen = _open(qtbot, window)
    assert screen.model.rowCount() > 2
    tap(qtbot, window.status_area.lock_button)
    assert window.navigator.current() == "sign_in"
    assert screen.model.rowCount() == 0 and screen.report() is None and screen.day() is None
    assert screen.notes_text() == "" and not screen.message.isVisible()


@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_layout(qtbot: QtBot, window: MainWindow, ward: Filled, text_size: str) -> None:
    _text_size(window, text_size)
    problems = _at_every_size(qtbot, window, "home")
    screen = _open(qtbot, window)
    problems += _at_every_size(qtbot, window, "report")
    screen.find_volumes = lambda: [Path("/nonexistent/KINGSTON USB 3.0")]
    screen._show_failure("KINGSTON USB 3.0 is not there any more (was the USB stick taken out?).")
    problems += _at_every_size(qtbot, window, "report/message")
    assert problems == [], "\n".join(problems)


def test_a_target_set_from_the_report_shows_in_it(
    qtbot: QtBot, window: MainWindow, ward: Filled
) -> None:
    screen = _open(qtbot, window)
    group = screen.model.rows()[0].group
    tap(qtbot, screen.targets_button)
    dialog = screen._targets
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.view() is not None, timeout=WAIT_MS)
    cell = dialog.cell(_today(window), group)
    qtbot.waitUntil(cell.plus.isVisible, timeout=WAIT_MS)  # rows laid out after the read
    for _ in range(4):
        tap(qtbot, cell.plus)
    with qtbot.waitSignal(screen.loaded, timeout=WAIT_MS):  # the day read again after Save
        tap(qtbot, dialog.save_button)
    assert next(r for r in screen.model.rows() if r.group == group).target == 4
    window.lock_for_idle()  # the dialog goes with the lock
    assert screen._targets is None or not screen._targets.isVisible()
