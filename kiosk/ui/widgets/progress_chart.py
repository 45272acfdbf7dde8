"""The progress chart (issue 22, point 2): residents served each day of the campaign against the
target, for one residential group or all of them summed.

Read at arm's length by an officer at the end of the evening: one group at a time (or the ward's
groups summed, shown first), chosen with two large buttons either side of its name rather than
twenty small ones; a thick solid line for the residents served, with a dot on each day, and a
dashed line for the target (no dot where no target was set that day: the line joins the days that
have one); axis labels and legend at the application's text size, which follows Settings.  The
figures come from :meth:`kiosk.services.report.ReportService.progress`, read on the database
worker by the report screen; this widget only draws them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCharts import QCategoryAxis, QChart, QChartView, QLineSeries, QValueAxis
from PySide6.QtCore import QEvent, QMargins, QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QGuiApplication, QPainter, QPen
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.i18n import arg
from kiosk.ui.screens.base import button, label
from kiosk.ui.theme import COLOURS

if TYPE_CHECKING:
    from kiosk.store.report import CampaignDays

__all__ = ["ProgressChart", "label_step"]

SERVED_PEN_PX = 5
TARGET_PEN_PX = 4


def label_step(days: int) -> int:
    """Days between two date labels along the bottom: every day for a week, then every week (two
    for a longer campaign).  The last day always has its label, and counting back from it the
    labels fall on the same weekday: few enough to read from a step away."""
    return 1 if days <= 8 else 7 if days <= 63 else 14


class ProgressChart(QWidget):
    """The chart, the group's name between Previous group and Next group."""

    group_changed = Signal(object)
    """The group on show (its name), or None for all groups summed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._campaign: CampaignDays | None = None
        self._index = 0
        """0: all groups summed; n: the campaign's n-th group."""
        self._wanted: str | None = None
        """The group the officer chose (None: all): kept while another day's figures are read."""

        self.served = QLineSeries()
        self.served.setPointsVisible(True)
        self.served.setPen(_pen(COLOURS["accent"], SERVED_PEN_PX, Qt.PenStyle.SolidLine))
        self.target = QLineSeries()
        self.target.setPen(_pen(COLOURS["ink"], TARGET_PEN_PX, Qt.PenStyle.DashLine))
        self.chart = QChart()
        self.chart.addSeries(self.served)
        self.chart.addSeries(self.target)
        self.days_axis = QCategoryAxis()
        self.days_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.counts_axis = QValueAxis()
        self.counts_axis.setLabelFormat("%d")
        self.counts_axis.setMin(0)
        for axis, side in (
            (self.days_axis, Qt.AlignmentFlag.AlignBottom),
            (self.counts_axis, Qt.AlignmentFlag.AlignLeft),
        ):
            self.chart.addAxis(axis, side)
            axis.setLabelsColor(QColor(COLOURS["ink"]))
            axis.setGridLineColor(QColor(COLOURS["grey_paper"]))
            axis.setLinePenColor(QColor(COLOURS["line_strong"]))
            for series in (self.served, self.target):
                series.attachAxis(axis)
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.legend().setLabelColor(QColor(COLOURS["ink"]))
        self.chart.setBackgroundBrush(QBrush(QColor(COLOURS["white"])))
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.view.setMinimumHeight(160)

        self.previous_button = button(None, "back")
        self.previous_button.clicked.connect(lambda: self._step(-1))
        self.group_label = label("subtitle")
        self.group_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.next_button = button()
        self.next_button.clicked.connect(lambda: self._step(1))
        groups = QHBoxLayout()
        groups.setSpacing(20)
        groups.addWidget(self.previous_button)
        groups.addWidget(self.group_label, 1)
        groups.addWidget(self.next_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addLayout(groups)
        column.addWidget(self.view, 1)
        self._styled()
        self.retranslateUi()

    # --- what is shown -------------------------------------------------------------------------
    def set_campaign(self, campaign: CampaignDays | None) -> None:
        """Draw ``campaign`` (None: nothing), on the group chosen before when it has it."""
        self._campaign = campaign
        groups = campaign.groups if campaign else []
        self._index = groups.index(self._wanted) + 1 if self._wanted in groups else 0
        self._draw()

    def clear(self) -> None:
        """Nothing drawn, all groups next time (at the lock)."""
        self._wanted = None
        self.set_campaign(None)

    def campaign(self) -> CampaignDays | None:
        """The figures drawn (tests read them)."""
        return self._campaign

    def group(self) -> str | None:
        """The group on show; None for all groups summed."""
        if self._campaign is None or self._index == 0:
            return None
        return self._campaign.groups[self._index - 1]

    def show_group(self, group: str | None) -> None:
        """Show ``group`` (None: all groups summed); a group not in the campaign changes nothing."""
        groups = self._campaign.groups if self._campaign else []
        if group is None or group in groups:
            self._index = 0 if group is None else groups.index(group) + 1
            self._wanted = group
            self._draw()

    def figures(self) -> tuple[list[int], list[int | None]]:
        """(residents served, target) each day for the group on show, or summed over groups."""
        campaign = self._campaign
        if campaign is None:
            return [], []
        group = self.group()
        if group is not None:
            return list(campaign.served[group]), list(campaign.targets[group])
        served = [sum(day) for day in zip(*campaign.served.values(), strict=True)]
        targets: list[int | None] = []
        for day in zip(*campaign.targets.values(), strict=True):
            set_ = [t for t in day if t is not None]
            targets.append(sum(set_) if set_ else None)
        return served or [0] * len(campaign.days), targets or [None] * len(campaign.days)

    def _step(self, by: int) -> None:
        if self._campaign is not None:
            self._index = (self._index + by) % (len(self._campaign.groups) + 1)
            self._wanted = self.group()
            self._draw()

    def _draw(self) -> None:
        campaign = self._campaign
        days = campaign.days if campaign else []
        served, targets = self.figures()
        self.served.replace([QPointF(x, n) for x, n in enumerate(served)])
        self.target.replace([QPointF(x, t) for x, t in enumerate(targets) if t is not None])
        for name in self.days_axis.categoriesLabels():
            self.days_axis.remove(name)
        step = label_step(len(days))
        for x in reversed(range(len(days) - 1, -1, -step)):  # in order: the axis wants it
            self.days_axis.append(f"{days[x]:%d/%m}", x)
        self.days_axis.setRange(-0.5, max(len(days), 1) - 0.5)
        top = max([*served, *(t for t in targets if t is not None), 4])
        self.counts_axis.setRange(0, top + max(1, top // 10))
        self.counts_axis.applyNiceNumbers()
        self._styled()
        several = bool(campaign and campaign.groups)
        self.previous_button.setEnabled(several)
        self.next_button.setEnabled(several)
        self.retranslateUi()
        self.group_changed.emit(self.group())

    # --- the look ------------------------------------------------------------------------------
    def _styled(self) -> None:
        """Labels and legend at the application's text size (it changes in Settings)."""
        font = QGuiApplication.font()
        bold = QFont(font)
        bold.setBold(True)
        for axis in (self.days_axis, self.counts_axis):
            axis.setLabelsFont(font)
            axis.setTitleFont(bold)
        self.chart.legend().setFont(font)
        self.chart.setTitleFont(bold)
        # the last day's label is centred on the plot's right edge: room for its half
        half_label = QFontMetrics(font).horizontalAdvance("00/00") // 2
        self.chart.setMargins(QMargins(8, 8, 8 + half_label, 8))

    def changeEvent(self, event: QEvent) -> None:
        """A language switch re-translates; a new text size restyles the chart."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        elif event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self._styled()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        group = self.group()
        name = self.tr("All groups") if group is None else group
        self.group_label.setText(name)
        self.previous_button.setText(self.tr("Previous group"))
        self.next_button.setText(self.tr("Next group"))
        self.served.setName(arg(self.tr("Residents served: %1"), name))
        self.target.setName(self.tr("Target (dashed)"))
        self.counts_axis.setTitleText(self.tr("Residents"))


def _pen(colour: str, width: int, style: Qt.PenStyle) -> QPen:
    pen = QPen(QColor(colour))
    pen.setWidth(width)
    pen.setStyle(style)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen
