"""The day's report on the kiosk (issue 22): officers read it and save it, to a USB stick say.

The rows come from :func:`kiosk.store.report.kiosk_day`, the file from the template both sides
share (:mod:`kiosk.exchange.report`, docs/report.md).  Reading the report is for officers only;
writing it to a file is audited (``report.export``: the day, the format and counts, no name).
The notes under the table are in Vietnamese, as the template is: they are part of the file, not
of the screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from kiosk.exchange.report import ReportRow, report_file_name, write_csv, write_xlsx
from kiosk.services.base import Actor, Clock, require_role
from kiosk.store import Store
from kiosk.store.audit import append_event
from kiosk.store.report import CampaignDays, KioskDay, campaign_days, campaign_start, kiosk_day

__all__ = ["CHART_DAYS", "DayReport", "ReportService"]

CHART_DAYS = 92
"""The progress chart's longest range: a quarter, about a campaign (older days are in the
day's reports)."""


@dataclass(frozen=True)
class DayReport:
    """One day's report of this kiosk, ready to show or save."""

    day: date
    station_id: str
    rows: list[ReportRow]
    kept: bool
    """The submission figures come from the counts kept before the purge (an old day)."""
    not_uploaded: int
    """The day's captures the server does not hold yet: the figures may still grow there."""
    not_accepted: int
    """The day's captures the server refused or holds (rejected, conflict, held)."""

    @property
    def title(self) -> str:
        """The sheet's title line."""
        return f"Báo cáo ngày {self.day:%d/%m/%Y} — trạm {self.station_id}"

    @property
    def notes(self) -> list[str]:
        """The lines under the table."""
        notes = [f"Còn {self.not_uploaded} hồ sơ của ngày này chưa gửi lên máy chủ."]
        if self.not_accepted:
            notes.append(f"{self.not_accepted} hồ sơ máy chủ chưa nhận (bị từ chối hoặc tạm giữ).")
        if self.kept:
            notes.append("Số liệu hồ sơ lấy từ bản tổng hợp lưu trước khi xoá dữ liệu cá nhân.")
        return notes

    @classmethod
    def of(cls, found: KioskDay) -> DayReport:
        """From the store's figures."""
        return cls(
            found.day, found.station_id, found.rows, found.kept, found.not_uploaded,
            found.not_accepted,
        )  # fmt: skip


class ReportService:
    """The day's report: read it (officers), save it as XLSX or CSV (officers, audited)."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def day_report(self, actor: Actor, day: date) -> DayReport:
        """This kiosk's report for ``day`` (a local day)."""
        require_role(actor, "read the day's report", "officer")
        with self._store.reader() as conn:
            return DayReport.of(kiosk_day(conn, day, at=self._clock()))

    def progress(self, actor: Actor, last: date) -> CampaignDays:
        """Residents served and targets per group for the progress chart: from the campaign's
        first day (at most ``CHART_DAYS`` back) to ``last``."""
        require_role(actor, "read the progress chart", "officer")
        at = self._clock()
        with self._store.reader() as conn:
            start = campaign_start(conn, at=at) or last
            first = min(last, max(start, last - timedelta(days=CHART_DAYS - 1)))
            return campaign_days(conn, first, last, at=at)

    def file_name(self, report: DayReport, suffix: str) -> str:
        """The template's file name for ``report`` (``suffix``: ``xlsx`` or ``csv``)."""
        return report_file_name(report.day, report.station_id, suffix)

    def export(self, actor: Actor, report: DayReport, path: Path) -> Path:
        """Write ``report`` to ``path`` (XLSX or CSV by its suffix) and audit it; the path.

        ``ValueError`` for another suffix; ``OSError`` when the stick is full or gone (nothing
        is audited then: nothing was written).
        """
        require_role(actor, "save the day's report", "officer")
        suffix = path.suffix.lower()
        if suffix == ".xlsx":
            write_xlsx(path, report.title, report.rows, report.notes)
        elif suffix == ".csv":
            write_csv(path, report.rows)
        else:
            raise ValueError(f"save the report as .xlsx or .csv, not {path.suffix or 'no suffix'}")
        details = {
            "day": report.day.isoformat(),
            "format": suffix.lstrip("."),
            "groups": len(report.rows),
            "residents": sum(row.residents for row in report.rows),
            "not_uploaded": report.not_uploaded,
        }
        with self._store.transaction() as conn:
            append_event(
                conn,
                at=self._clock(),
                actor=actor.operator_id,
                action="report.export",
                subject=report.day.isoformat(),
                details=details,
            )
        return path
