"""Officers only: the day's report on screen (issue 22, point 3), saved to a USB stick as XLSX
or CSV in the one template (docs/report.md).

One table, a row per residential group and the totals row, read at arm's length: the groups are
the rows' headers, so they stay in view when the table is pushed sideways by a finger. The day is
today at first; "Previous day" goes back, "Next day" never passes today. The figures come from
``ReportService.day_report`` on the database worker, read once per day shown. Saving finds
the stick as the route sheet does (:mod:`kiosk.ui.widgets.route_sheet_dialog`): one stick, to it;
several, the officer taps one; none, a folder. The service writes the file and audits it on the
database worker, as the session's export to a stick does.

"Chart" turns the table into the progress chart (point 2, :mod:`kiosk.ui.widgets.progress_chart`):
residents served each day of the campaign up to the day picked, against the target, per group or
summed; "Table" turns it back.  Its figures (``ReportService.progress``, every day of the range
in one read) are read on the database worker when it is turned on and with each day picked while
it is on: the table's day opens as fast with or without it.  The chart is made the first time it
is turned on: QtCharts is not loaded on the kiosk's way to its first frame.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QScroller,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kiosk.exchange.report import COLUMNS, ReportRow, totals
from kiosk.services.base import Actor
from kiosk.services.report import DayReport
from kiosk.ui.backend import Backend
from kiosk.ui.errors import error_text, is_known_fault
from kiosk.ui.i18n import arg
from kiosk.ui.screens.base import Screen, button, label, show_message
from kiosk.ui.tasks import TaskRunner, log_task_error
from kiosk.ui.widgets.route_sheet_dialog import save_error_text
from kiosk.ui.widgets.targets_dialog import TargetsDialog
from kiosk.ui.widgets.usb_files import ask_folder, choose_destination, removable_roots

if TYPE_CHECKING:
    from kiosk.store.report import CampaignDays
    from kiosk.ui.widgets.progress_chart import ProgressChart

FIELDS: tuple[str, ...] = tuple(c.field for c in COLUMNS if c.counted)
"""The table's columns: the template's counted columns and the target (the day is the one
picked, the group is each row's header)."""
HEADER_WIDTH = 12
"""Characters a column header's line holds: the headers wrap, so that the columns stay narrow."""
ONE_DAY = timedelta(days=1)

Index = QModelIndex | QPersistentModelIndex


class ReportModel(QAbstractTableModel):
    """The day's rows, one per residential group, then the totals row (when there are rows)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ReportRow] = []
        self._totals: dict[str, int | None] = {}
        self._headers: list[str] = [c.header for c in COLUMNS if c.counted]
        self._total_label = ""

    def set_rows(self, rows: Sequence[ReportRow]) -> None:
        """Show ``rows`` (the totals row follows them)."""
        self.beginResetModel()
        self._rows = list(rows)
        self._totals = totals(self._rows)
        self.endResetModel()

    def set_headers(self, headers: Sequence[str], total_label: str) -> None:
        """The columns' headers (in ``FIELDS`` order) and the totals row's, in the current language."""
        self._headers = list(headers)
        self._total_label = total_label
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(FIELDS) - 1)
        if self._rows:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self._rows))

    def rows(self) -> list[ReportRow]:
        """The group rows shown (tests read them)."""
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """The groups and the totals row; none without groups."""
        return 0 if parent.isValid() or not self._rows else len(self._rows) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """The counted columns and the target."""
        return 0 if parent.isValid() else len(FIELDS)

    def _value(self, row: int, column: int) -> int | None:
        field = FIELDS[column]
        if row == len(self._rows):
            return self._totals[field]
        value: int | None = getattr(self._rows[row], field)
        return value

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A figure (a dash for no target), centred; the totals row in bold."""
        if not index.isValid() or not self._rows:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            value = self._value(index.row(), index.column())
            return "—" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.FontRole and index.row() == len(self._rows):
            return _bold()
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Columns: the template's words, wrapped; rows: the group, or the totals row's label."""
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                if 0 <= section < len(self._headers):
                    return textwrap.fill(self._headers[section], HEADER_WIDTH)
                return None
            if 0 <= section < len(self._rows):
                return self._rows[section].group
            return self._total_label if section == len(self._rows) else None
        if role == Qt.ItemDataRole.FontRole and (
            orientation == Qt.Orientation.Horizontal or section == len(self._rows)
        ):
            return _bold()
        return None


def _bold() -> QFont:
    """The application's font in bold, at the text size chosen now (it changes in Settings)."""
    font = QGuiApplication.font()
    font.setBold(True)
    return font


def report_table(model: ReportModel, parent: QWidget | None = None) -> QTableView:
    """A read-only table for touch: no selection, no editing, pushed by the pixel (a finger drags
    it either way); every column as wide as its header or figure needs."""
    view = QTableView(parent)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setCornerButtonEnabled(False)
    view.setWordWrap(False)
    for header in (view.horizontalHeader(), view.verticalHeader()):
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionsClickable(False)
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
    view.verticalHeader().setDefaultAlignment(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    QScroller.grabGesture(view.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    return view


class ReportScreen(Screen):
    """The day picked, its table, its notes, and Save XLSX / Save CSV to a USB stick."""

    access = "officer"
    loaded = Signal(object)
    """The day's report is on show (a :class:`~kiosk.services.report.DayReport`), or could not
    be read (None)."""
    progress_loaded = Signal(object)
    """The progress chart's figures are drawn (a :class:`~kiosk.store.report.CampaignDays`), or
    could not be read (None)."""
    saved = Signal(object)
    """A file was written and audited (its :class:`pathlib.Path`)."""
    failed = Signal(str)
    """Reading or saving failed: the words shown."""
    done = Signal()
    """The officer leaves the screen (Back): Home."""

    def __init__(
        self,
        backend: Backend,
        runner: TaskRunner,
        current_actor: Callable[[], Actor | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self._current_actor = current_actor
        self.find_volumes: Callable[[], list[Path]] = removable_roots
        """Where a USB stick is mounted (tests give a directory)."""
        self.ask_folder: Callable[[], Path | None] = self._ask_folder
        """With no stick: the folder to save in, None when the officer gives up."""
        self._day: date | None = None
        self._report: DayReport | None = None
        self._busy = False

        self._title = label("title")
        self.previous_button = button(None, "back")
        self.previous_button.clicked.connect(lambda: self.show_day(self._shown_day() - ONE_DAY))
        self._day_label = label("subtitle")
        self.next_button = button()
        self.next_button.clicked.connect(lambda: self.show_day(self._shown_day() + ONE_DAY))
        self.today_button = button(None, "clock")
        self.today_button.clicked.connect(lambda: self.show_day(self._today()))
        days = QHBoxLayout()
        days.setSpacing(20)
        days.addWidget(self.previous_button)
        days.addWidget(self._day_label, 1)
        days.addWidget(self.next_button)
        days.addWidget(self.today_button)
        self.model = ReportModel(self)
        self.table = report_table(self.model)
        self._chart: ProgressChart | None = None
        self._views = QStackedWidget()
        self._views.addWidget(self.table)
        self._notes = label("hint")
        self.message = label("error")
        self.message.hide()
        self.back_button = button(None, "back")
        self.back_button.clicked.connect(self.done)
        self.chart_button = button()
        self.targets_button = button(None, "tasks")
        self.targets_button.clicked.connect(self.open_targets)
        self._targets: TargetsDialog | None = None
        self.chart_button.clicked.connect(lambda: self.show_chart(not self.chart_shown()))
        self.xlsx_button = button("primary", "upload")
        self.xlsx_button.clicked.connect(lambda: self._save("xlsx"))
        self.csv_button = button(None, "upload")
        self.csv_button.clicked.connect(lambda: self._save("csv"))
        actions = QHBoxLayout()
        actions.setSpacing(20)
        actions.addWidget(self.back_button)
        actions.addStretch(1)
        actions.addWidget(self.chart_button)
        actions.addWidget(self.targets_button)
        actions.addWidget(self.xlsx_button)
        actions.addWidget(self.csv_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(40, 16, 40, 16)
        column.setSpacing(12)
        column.addWidget(self._title)
        column.addLayout(days)
        column.addWidget(self._views, 1)
        column.addWidget(self._notes)
        column.addWidget(self.message)
        column.addLayout(actions)
        self._enable()
        self.retranslateUi()

    # --- the day -------------------------------------------------------------------------------
    def _today(self) -> date:
        return self._backend.clock().date()

    def _shown_day(self) -> date:
        return self._day or self._today()

    def day(self) -> date | None:
        """The day picked (tests read it)."""
        return self._day

    def report(self) -> DayReport | None:
        """The report on show (tests read it)."""
        return self._report

    def entered(self) -> None:
        """Today's report, read afresh."""
        self.show_day(self._today())

    def show_day(self, day: date) -> None:
        """Read ``day``'s report on the database worker (never a day after today)."""
        actor = self._current_actor()
        if actor is None:
            return
        picked = self._day = min(day, self._today())
        self._report = None
        show_message(self.message, "")
        self._enable()
        self.retranslateUi()
        self._runner.db(self._backend.reports.day_report, actor, picked).success(
            self._loaded
        ).failure(lambda error: self._not_loaded(error, picked)).owned_by(self).run()
        if self.chart_shown():
            self._read_progress(actor, picked)

    def _loaded(self, report: DayReport) -> None:
        if report.day != self._day:
            return  # the officer has moved on to another day: its own answer follows
        self._report = report
        self.model.set_rows(report.rows)
        self._enable()
        self.retranslateUi()
        self.loaded.emit(report)

    def _not_loaded(self, error: BaseException, day: date) -> None:
        if not is_known_fault(error):
            log_task_error(error)
        if day != self._day:
            return
        self.model.set_rows([])
        self._show_failure(error_text(error))
        self.loaded.emit(None)

    def open_targets(self) -> None:
        """The daily targets per group (officers); the figures on show follow a change."""
        actor = self._current_actor()
        if actor is None:
            return
        dialog = TargetsDialog(self.window(), self._backend, self._runner, actor)
        dialog.saved.connect(lambda _records: self.show_day(self._shown_day()))
        dialog.finished.connect(lambda _result: setattr(self, "_targets", None))
        dialog.finished.connect(dialog.deleteLater)
        self._targets = dialog
        dialog.open()

    # --- the progress chart --------------------------------------------------------------------
    @property
    def chart(self) -> ProgressChart:
        """The chart, made the first time it is asked for: QtCharts stays off the kiosk's start."""
        if self._chart is None:
            from kiosk.ui.widgets.progress_chart import ProgressChart

            self._chart = ProgressChart()
            self._views.addWidget(self._chart)
        return self._chart

    def chart_shown(self) -> bool:
        """Whether the chart is on show instead of the table."""
        return self._chart is not None and self._views.currentWidget() is self._chart

    def show_chart(self, shown: bool) -> None:
        """The chart (its figures read afresh up to the day picked) or the table."""
        self._views.setCurrentWidget(self.chart if shown else self.table)
        self.retranslateUi()
        actor = self._current_actor()
        if shown and actor is not None and self._day is not None:
            self._read_progress(actor, self._day)

    def _read_progress(self, actor: Actor, day: date) -> None:
        self.chart.set_campaign(None)
        self._runner.db(self._backend.reports.progress, actor, day).success(
            lambda campaign: self._progress_read(campaign, day)
        ).failure(lambda error: self._progress_not_read(error, day)).owned_by(self).run()

    def _progress_read(self, campaign: CampaignDays, day: date) -> None:
        if day != self._day or not self.chart_shown():
            return  # another day or the table since: nothing to draw
        self.chart.set_campaign(campaign)
        self.progress_loaded.emit(campaign)

    def _progress_not_read(self, error: BaseException, day: date) -> None:
        if not is_known_fault(error):
            log_task_error(error)
        if day != self._day:
            return
        self._show_failure(error_text(error))
        self.progress_loaded.emit(None)

    def _enable(self) -> None:
        self.next_button.setEnabled(self._day is not None and self._day < self._today())
        self.today_button.setEnabled(self._day is not None and self._day != self._today())
        self.chart_button.setEnabled(self._day is not None)
        ready = self._report is not None and not self._busy
        self.xlsx_button.setEnabled(ready)
        self.csv_button.setEnabled(ready)

    # --- to a stick ----------------------------------------------------------------------------
    def _save(self, suffix: str) -> None:
        """The report on show, as it is now (the officer may pick another day meanwhile)."""
        report = self._report
        if report is None or self._busy:
            return
        self._busy = True
        self._enable()
        show_message(self.message, self.tr("Looking for a USB stick…"), "notice")
        choose_destination(
            self, self._runner, self.find_volumes, self.ask_folder,
            several=self.tr("Several USB sticks are plugged in. Tap the one to save the report on."),
            chosen=lambda folder: self._write(report, suffix, folder),
            given_up=self._given_up,
        )  # fmt: skip

    def _ask_folder(self) -> Path | None:
        return ask_folder(self, self.tr("No USB stick: choose a folder for the report"))

    def _given_up(self) -> None:
        self._busy = False
        show_message(self.message, "")
        self._enable()

    def _write(self, report: DayReport, suffix: str, folder: Path) -> None:
        actor = self._current_actor()
        if actor is None:  # locked meanwhile
            self._given_up()
            return
        show_message(self.message, self.tr("Saving…"), "notice")
        path = folder / self._backend.reports.file_name(report, suffix)
        self._runner.db(self._backend.reports.export, actor, report, path).success(
            self._written
        ).failure(lambda error: self._write_failed(error, folder)).owned_by(self).run()

    def _written(self, path: Path) -> None:
        self._busy = False
        self._enable()
        where = path.parent.name or str(path.parent)
        show_message(self.message, arg(self.tr("Saved as %1 in %2."), path.name, where), "notice")
        self.saved.emit(path)

    def _write_failed(self, error: BaseException, folder: Path) -> None:
        if not isinstance(error, OSError) and not is_known_fault(error):
            log_task_error(error)
        self._busy = False
        self._show_failure(save_error_text(error, folder))

    def _show_failure(self, text: str) -> None:
        show_message(self.message, text)
        self._enable()
        self.failed.emit(text)

    # --- the screen ----------------------------------------------------------------------------
    def notes_text(self) -> str:
        """The notes under the table as shown (tests read them)."""
        return self._notes.text()

    def clear_personal_data(self) -> None:
        """The report holds counts only; it goes all the same, with any message, at the lock."""
        if self._targets is not None:
            self._targets.clear_personal_data()
        self._day = None
        self._report = None
        self._busy = False
        self.model.set_rows([])
        if self._chart is not None:
            self._chart.clear()
        self._views.setCurrentWidget(self.table)
        show_message(self.message, "")
        self._enable()
        self.retranslateUi()

    def _headers(self) -> list[str]:
        """The columns' names: the template's Vietnamese words in the Vietnamese translation."""
        return [
            self.tr("Residents served"),
            self.tr("Vehicles: confirmed"),
            self.tr("Vehicles: updated"),
            self.tr("Vehicles: no longer owned"),
            self.tr("Vehicles: not mine"),
            self.tr("Vehicles: added"),
            self.tr("Licences: confirmed"),
            self.tr("Licences: updated"),
            self.tr("Licences: lost"),
            self.tr("Licences: not mine"),
            self.tr("Licences: added"),
            self.tr("Households done"),
            self.tr("Refusals"),
            self.tr("Target"),
        ]

    def _notes_lines(self) -> list[str]:
        report = self._report
        if report is None:
            return [self.tr("Reading the day's figures…")] if self._day is not None else []
        lines = []
        if not report.rows:
            lines.append(
                self.tr("Nothing to report for this day: no residential group, no figure.")
            )
        if report.not_uploaded:
            lines.append(
                arg(
                    self.tr(
                        "%1 record(s) of this day are not yet sent to the ward's server: its "
                        "figures may still grow there."
                    ),
                    report.not_uploaded,
                )
            )
        else:
            lines.append(self.tr("Every record of this day has reached the ward's server."))
        if report.not_accepted:
            lines.append(
                arg(
                    self.tr(
                        "%1 record(s) of this day were not accepted by the ward's server "
                        "(rejected or held)."
                    ),
                    report.not_accepted,
                )
            )
        if report.kept:
            lines.append(
                self.tr(
                    "The personal data of this day has been purged: the figures come from the "
                    "counts kept before the purge."
                )
            )
        return lines

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        self._title.setText(self.tr("The day's report"))
        day = self._day
        if day is None:
            self._day_label.setText("")
        elif day == self._today():
            self._day_label.setText(arg(self.tr("Today, %1"), f"{day:%d/%m/%Y}"))
        else:
            self._day_label.setText(f"{day:%d/%m/%Y}")
        self.previous_button.setText(self.tr("Previous day"))
        self.next_button.setText(self.tr("Next day"))
        self.today_button.setText(self.tr("Today"))
        self.back_button.setText(self.tr("Back"))
        self.xlsx_button.setText(self.tr("Save XLSX"))
        self.csv_button.setText(self.tr("Save CSV"))
        self.chart_button.setText(self.tr("Table") if self.chart_shown() else self.tr("Chart"))
        self.targets_button.setText(self.tr("Targets"))
        self.model.set_headers(self._headers(), self.tr("Total"))
        notes = self._notes_lines()
        self._notes.setText("\n".join(notes))
        self._notes.setVisible(bool(notes) and not self.chart_shown())
