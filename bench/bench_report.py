"""Report benchmark: the day's report screen and its progress chart on 60 days × 20 groups (issue 22).

Run from the repository root: ``.venv/bin/python bench/bench_report.py`` (``make bench``).
``BENCH_REPORT_ROUNDS`` lowers the opens for a quick run (default 20).

The store: the demo ward of 20 residential groups (``intake.demo.generate``, 20,400 residents,
about 6,000 households) in the roster cache, and a campaign of 60 days up to today for its 20
groups (``tests/support/campaign.py``): the 53 days older than the retention period as the purge
leaves them (their counts kept in ``daily_count``), the last 7 live (verified submissions, each
in an evening session of its group: about 900), a target for every group on six days a week.
Built once into ``.bench-cache/report-60x20`` (rebuilt when a migration, the generators or the
day change).

The real kiosk window (offscreen), an officer signed in. Two figures:

- **report_open**: each round starts on Home, idle; the clock runs from
  ``navigator.go("report")`` to the first paint of the table after the screen said today's report
  is loaded (``kiosk_day`` on the database worker: 20 groups and the totals row shown).
- **report_chart**: on the report screen showing the table, idle; the clock runs from the tap on
  Chart to the first paint of the chart after its figures are drawn (``campaign_days`` for the 60
  days on the database worker, the 60 points of all groups summed and their targets).  The first
  round makes the chart (QtCharts loaded then): it is in the rounds.

Baselines, same run, same file: for the open, the same day's SELECTs through the bare DB-API
(``sqlcipher3``), rows fetched and nothing built; for the chart, the range's SELECTs the same way
plus a bare ``QChartView`` of two 60-point lines painted at the same size.  Goal: every open and
every chart ≤ 300 ms (so the slowest, the first included).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import bench_store  # noqa: E402
from bench_households import _idle, _PaintClock, _wait  # noqa: E402
from bench_scan import _p95, close, open_kiosk  # noqa: E402
from common import cached_store, record  # noqa: E402
from PySide6.QtCharts import QChart, QChartView, QLineSeries  # noqa: E402
from PySide6.QtCore import QEventLoop, QPointF  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.config import Config  # noqa: E402
from kiosk.services.base import Actor  # noqa: E402
from kiosk.store import Store, open_store  # noqa: E402
from kiosk.ui.main_window import MainWindow  # noqa: E402
from kiosk.ui.screens.report import ReportScreen  # noqa: E402
from tests.support.campaign import add_campaign  # noqa: E402
from tests.support.households import fill_roster, operator_id  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_REPORT_ROUNDS", "20"))
DAYS = 60
GROUPS = 20
RESIDENTS = 20_400
"""The demo ward's 300 households a group at 3.4 people each: 20 groups."""
GOAL_MS = 300.0
OFFICER = "Bench Officer"
COUNTED = "s.status NOT IN ('draft', 'discarded', 'superseded') AND s.training = 0"
DAY_SQL = (
    "SELECT station.id, station.home_group FROM station",
    "SELECT residential_group, measure, count FROM daily_count WHERE day = :day",
    "SELECT s.id, s.resident_id_number, h.residential_group, es.residential_group"
    " FROM submission s LEFT JOIN resident r ON r.id_number = s.resident_id_number"
    " LEFT JOIN household h ON h.id = r.household_id"
    " LEFT JOIN evening_session es ON es.id = s.session_id"
    f" WHERE s.captured_at >= :start AND s.captured_at < :end AND {COUNTED}",
    "SELECT i.submission_id, i.kind, i.answer FROM submission_item i JOIN submission s"
    f" ON s.id = i.submission_id WHERE s.captured_at >= :start AND s.captured_at < :end"
    f" AND {COUNTED}",
    "SELECT residential_group, target FROM daily_target WHERE day = :day",
    "SELECT DISTINCT residential_group FROM household",
    "SELECT status, count(*) FROM submission WHERE captured_at >= :start AND captured_at < :end"
    " AND training = 0 GROUP BY status",
)
"""What ``kiosk_day`` asks for its figures and targets, written out for the bare DB-API (its
households-done and refusals reads find nothing on this store)."""
RANGE_SQL = (
    "SELECT day, residential_group, measure, count FROM daily_count"
    " WHERE day >= :first AND day <= :day",
    "SELECT s.id, s.resident_id_number, s.captured_at, h.residential_group, es.residential_group"
    " FROM submission s LEFT JOIN resident r ON r.id_number = s.resident_id_number"
    " LEFT JOIN household h ON h.id = r.household_id"
    " LEFT JOIN evening_session es ON es.id = s.session_id"
    f" WHERE s.captured_at >= :range_start AND s.captured_at < :end AND {COUNTED}",
    "SELECT day, residential_group, target FROM daily_target WHERE day >= :first AND day <= :day",
    "SELECT DISTINCT residential_group FROM household",
)
"""What ``campaign_days`` asks, written out the same way."""


def _build(store: Store) -> None:
    filled = fill_roster(store, RESIDENTS, seed=2026)
    groups = {h["group_name"] for h in filled.population.households}
    assert len(groups) == GROUPS, f"the ward has {len(groups)} groups, not {GROUPS}"
    operator_id(store, OFFICER)
    now = datetime.now().astimezone()
    add_campaign(store, today=now.date(), at=now, days=DAYS, groups=GROUPS)


def prepared() -> Config:
    """The cached store of the ward and its campaign, built when missing or stale."""
    sources = ("intake/demo.py", "tests/support/households.py", "tests/support/campaign.py")
    config: Config = cached_store(f"report-{DAYS}x{GROUPS}", sources, _build)
    return config


def _parameters() -> dict[str, str]:
    """Today's bounds as the store writes its times (UTC, naive text) and days."""
    now = datetime.now().astimezone()
    today = now.date()
    start = datetime.combine(today, datetime.min.time(), tzinfo=now.tzinfo)

    def text(moment: datetime) -> str:
        return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")

    first = today - timedelta(days=DAYS - 1)
    return {
        "day": today.isoformat(),
        "first": first.isoformat(),
        "start": text(start),
        "end": text(start + timedelta(days=1)),
        "range_start": text(start - timedelta(days=DAYS - 1)),
    }


def bare_rounds(config: Config, statements: tuple[str, ...]) -> list[float]:
    """``statements`` through the bare DB-API, rows fetched; ms each round."""
    timings = []
    parameters = _parameters()
    with bench_store.bare_connection(config) as conn:
        for _ in range(ROUNDS):
            started = time.perf_counter()
            for sql in statements:
                conn.execute(sql, parameters).fetchall()
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def bare_chart_rounds(app: QApplication, size: tuple[int, int]) -> list[float]:
    """A bare ``QChartView`` of two 60-point lines, the lines replaced and painted; ms each."""
    served, target = QLineSeries(), QLineSeries()
    chart = QChart()
    for series in (served, target):
        chart.addSeries(series)
    chart.createDefaultAxes()
    view = QChartView(chart)
    view.resize(*size)
    view.show()
    clock = _PaintClock()
    view.viewport().installEventFilter(clock)
    timings = []
    for n in range(ROUNDS):
        app.processEvents()
        loop = QEventLoop()
        clock.loop, clock.painted_at = loop, 0.0
        started = time.perf_counter()
        served.replace([QPointF(x, (x * 7 + n) % 13) for x in range(DAYS)])
        target.replace([QPointF(x, 8 + n % 3) for x in range(DAYS) if x % 7 != 6])
        clock.armed = True
        _wait(loop, 10)
        timings.append((clock.painted_at - started) * 1000)
    view.close()
    return timings


def _officer(config: Config) -> Actor:
    with open_store(config) as store:
        return Actor(operator_id(store, OFFICER), OFFICER, "officer")


def open_rounds(window: MainWindow, screen: ReportScreen) -> tuple[list[float], int]:
    """Open the report from Home ``ROUNDS`` times, the table on show; (ms each, rows shown)."""
    clock = _PaintClock()
    viewport = screen.table.viewport()
    viewport.installEventFilter(clock)
    screen.loaded.connect(lambda _report: setattr(clock, "armed", True))
    timings, shown = [], 0
    for _ in range(ROUNDS):
        window.navigator.go("home")
        _idle(window)
        loop = QEventLoop()
        clock.loop, clock.painted_at = loop, 0.0
        started = time.perf_counter()
        window.navigator.go("report")
        _wait(loop, 60)
        if not clock.painted_at:
            raise TimeoutError("the report screen did not show its table")
        timings.append((clock.painted_at - started) * 1000)
        shown = screen.model.rowCount()
    _idle(window)
    viewport.removeEventFilter(clock)
    return timings, shown


def chart_rounds(window: MainWindow, screen: ReportScreen) -> tuple[list[float], int]:
    """Turn the chart on ``ROUNDS`` times from the table; (ms each, points drawn)."""
    clock = _PaintClock()
    screen.progress_loaded.connect(lambda _campaign: setattr(clock, "armed", True))
    timings, points = [], 0
    for n in range(ROUNDS):
        screen.show_chart(False)
        _idle(window)
        loop = QEventLoop()
        clock.loop, clock.painted_at = loop, 0.0
        started = time.perf_counter()
        screen.chart_button.click()
        if n == 0:  # made by the first tap: its view is there now
            screen.chart.view.viewport().installEventFilter(clock)
        _wait(loop, 60)
        if not clock.painted_at:
            raise TimeoutError("the progress chart was not drawn")
        timings.append((clock.painted_at - started) * 1000)
        points = screen.chart.served.count()
    _idle(window)
    screen.show_chart(False)
    return timings, points


def main() -> int:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    config = prepared()
    window = open_kiosk(app, config, _officer(config))
    try:
        screen = window.report_screen
        assert isinstance(screen, ReportScreen)
        opens, rows = open_rounds(window, screen)
        charts, points = chart_rounds(window, screen)
        size = screen.chart.view.size()
        chart_size = (size.width(), size.height())
    finally:
        close(window)
    bare_day = bare_rounds(config, DAY_SQL)
    bare_range = bare_rounds(config, RANGE_SQL)
    bare_paint = bare_chart_rounds(app, chart_size)
    results = []
    for name, timings, what, base, base_what in (
        ("report_open", opens, f"{rows - 1} groups and the totals row", _p95(bare_day),
         f"the day's SELECTs, bare DB-API, rows fetched: p95 {_p95(bare_day):.1f} ms"),
        ("report_chart", charts, f"{points} days of all {GROUPS} groups summed",
         _p95(bare_range) + _p95(bare_paint),
         f"the range's SELECTs, bare DB-API, p95 {_p95(bare_range):.1f} ms + a bare QChartView "
         f"of two {DAYS}-point lines painted, p95 {_p95(bare_paint):.1f} ms"),
    ):  # fmt: skip
        worst, p50, p95 = max(timings), statistics.median(timings), _p95(timings)
        met = worst <= GOAL_MS
        results.append(met)
        print(
            f"{name}: first {timings[0]:.0f} ms, p50 {p50:.0f} ms, p95 {p95:.0f} ms, slowest "
            f"{worst:.0f} ms over {len(timings)} rounds; {what}; baseline {base_what}; ratio "
            f"{p95 / base:.1f} (goal every round <= {GOAL_MS:g} ms)"
        )
        record(
            name,
            f"slowest {worst:.0f} ms over {len(timings)} rounds (first {timings[0]:.0f}, "
            f"p50 {p50:.0f}, p95 {p95:.0f}); {what}, {DAYS} days × {GROUPS} groups in the store",
            f"every round <= {GOAL_MS:g} ms",
            base_what,
            f"{p95 / base:.1f}",
            met,
        )
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
