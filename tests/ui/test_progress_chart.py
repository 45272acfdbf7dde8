"""The progress chart on the report screen (issue 22, point 2): 60 days of 20 residential groups,
some of them purged (their counts kept), drawn as the store has them; all groups summed first,
then one group at a time; the day picked ends it; a volunteer never sees it; the layout at every
size and text size.

The real kiosk window, database and worker threads; the campaign is synthetic
(``tests/support/campaign.py``).
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCharts import QLineSeries
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from kiosk.services.base import PermissionDenied
from kiosk.store.report import CampaignDays, campaign_days
from kiosk.ui.main_window import MainWindow
from kiosk.ui.screens.report import ReportScreen
from kiosk.ui.theme import BASE_PT, COLOURS, MIN_TARGET_PX
from tests.support.campaign import add_campaign, group_name
from tests.ui.conftest import OFFICER, VOLUNTEER
from tests.ui.desk import people
from tests.ui.flows import WAIT_MS, complete_setup, go_to_sign_in, sign_in, tap, type_on
from tests.ui.test_layout import TEXT_SIZES, _at_every_size, _text_size

DAYS = 60
GROUPS = 20


@pytest.fixture
def today(qtbot: QtBot, window: MainWindow) -> date:
    """A demo station in English, the officer on Home, 60 days of 20 groups in the store."""
    complete_setup(qtbot, window, *OFFICER, language="en")
    people(window)  # the volunteer among them
    backend = window.backend_or_fail()
    now = backend.clock()
    add_campaign(backend.store, today=now.date(), at=now, days=DAYS, groups=GROUPS)
    return now.date()


def _truth(window: MainWindow, first: date, last: date) -> CampaignDays:
    backend = window.backend_or_fail()
    with backend.store.reader() as conn:
        return campaign_days(conn, first, last, at=backend.clock())


def _open_chart(qtbot: QtBot, window: MainWindow) -> ReportScreen:
    """Home's button, today's table, then Chart and its figures drawn."""
    screen = window.report_screen
    with qtbot.waitSignal(screen.loaded, timeout=WAIT_MS):
        tap(qtbot, window.home_screen.report_button)
    assert not screen.chart.isVisible() and screen.chart_button.text() == "Chart"
    with qtbot.waitSignal(screen.progress_loaded, timeout=WAIT_MS) as loaded:
        tap(qtbot, screen.chart_button)
    assert loaded.args[0] is not None
    return screen


def _points(series: QLineSeries, days: list[date]) -> list[tuple[date, float]]:
    """The series' points, their x (the day's index in the campaign) as the day."""
    assert all(p.x() == int(p.x()) for p in series.points())
    return [(days[int(p.x())], p.y()) for p in series.points()]


def _expected(days: list[date], served: list[int], targets: list[int | None]) -> tuple[
    list[tuple[date, float]], list[tuple[date, float]]
]:  # fmt: skip
    return (
        [(d, float(n)) for d, n in zip(days, served, strict=True)],
        [(d, float(t)) for d, t in zip(days, targets, strict=True) if t is not None],
    )


def _summed(truth: CampaignDays) -> tuple[list[int], list[int | None]]:
    served = [sum(truth.served[g][i] for g in truth.groups) for i in range(len(truth.days))]
    targets: list[int | None] = []
    for i in range(len(truth.days)):
        set_ = [t for g in truth.groups if (t := truth.targets[g][i]) is not None]
        targets.append(sum(set_) if set_ else None)
    return served, targets


def test_the_chart_draws_sixty_days_as_the_store_has_them(
    qtbot: QtBot, window: MainWindow, today: date
) -> None:
    screen = _open_chart(qtbot, window)
    chart = screen.chart
    assert chart.isVisible() and not screen.table.isVisible()
    assert screen.chart_button.text() == "Table" and not screen._notes.isVisible()
    truth = _truth(window, today - timedelta(days=DAYS - 1), today)
    assert chart.campaign() == truth
    assert len(truth.days) == DAYS and truth.groups == [group_name(n) for n in range(1, 21)]
    # all groups summed first: a point a day, the target on the days one was set
    assert chart.group() is None and chart.group_label.text() == "All groups"
    served, targets = _expected(truth.days, *_summed(truth))
    assert _points(chart.served, truth.days) == served and len(served) == DAYS
    assert _points(chart.target, truth.days) == targets and DAYS - 9 <= len(targets) < DAYS
    assert sum(n for _, n in served) > 0
    labels = chart.days_axis.categoriesLabels()  # a week apart, ending on the last day
    assert labels == [f"{today - timedelta(days=7 * n):%d/%m}" for n in reversed(range(9))]
    backend = window.backend_or_fail()
    assert chart.served.name() == "Residents served: All groups"
    assert chart.target.name() == "Target (dashed)"
    # one group at a time, from the large buttons; Previous from all groups wraps to the last
    tap(qtbot, chart.next_button)
    first = group_name(1)
    assert chart.group() == first and chart.group_label.text() == first
    assert chart.served.name() == f"Residents served: {first}"
    served, targets = _expected(truth.days, truth.served[first], truth.targets[first])
    assert (
        _points(chart.served, truth.days) == served and _points(chart.target, truth.days) == targets
    )
    tap(qtbot, chart.previous_button)
    tap(qtbot, chart.previous_button)
    assert chart.group() == group_name(GROUPS)
    # read at arm's length: big labels, thick lines, large buttons
    assert chart.days_axis.labelsFont().pointSize() >= BASE_PT
    assert chart.chart.legend().font().pointSize() >= BASE_PT
    assert chart.served.pen().width() >= 4 and chart.target.pen().width() >= 4
    assert min(chart.next_button.height(), chart.previous_button.height()) >= MIN_TARGET_PX
    # drawn: the served line's colour is on the picture
    image = chart.view.grab().toImage()
    accent = QColor(COLOURS["accent"]).rgb()
    drawn = sum(
        1
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
        if image.pixel(x, y) == accent
    )
    assert drawn > 50
    # the day picked ends the chart; the group stays
    with qtbot.waitSignal(screen.progress_loaded, timeout=WAIT_MS):
        tap(qtbot, screen.previous_button)
    yesterday = today - timedelta(days=1)
    assert chart.campaign() == _truth(window, today - timedelta(days=DAYS - 1), yesterday)
    assert chart.group() == group_name(GROUPS) and len(chart.served.points()) == DAYS - 1
    assert backend.clock().date() == today
    tap(qtbot, screen.chart_button)
    assert screen.table.isVisible() and not chart.isVisible()
    assert screen.chart_button.text() == "Chart"


def test_the_lock_clears_it(qtbot: QtBot, window: MainWindow, today: date) -> None:
    screen = _open_chart(qtbot, window)
    tap(qtbot, window.status_area.lock_button)
    assert screen.chart.campaign() is None and screen.chart.served.count() == 0
    assert not screen.chart_shown()


def test_a_volunteer_cannot_see_it(qtbot: QtBot, window: MainWindow, today: date) -> None:
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
    actor = window.actor
    assert actor is not None and not actor.is_officer
    with pytest.raises(PermissionDenied):
        window.backend_or_fail().reports.progress(actor, today)


@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_layout(qtbot: QtBot, window: MainWindow, today: date, text_size: str) -> None:
    _text_size(window, text_size)
    _open_chart(qtbot, window)
    problems = _at_every_size(qtbot, window, "report/chart")
    assert problems == [], "\n".join(problems)
