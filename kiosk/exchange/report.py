"""The day's report in its one template (docs/report.md), written the same way by both sides.

The kiosk writes its own report from the report screen and the intake server writes the ward's
with ``kiosk-intake report``; the two must read alike, so the columns, their Vietnamese headers,
the totals row, the sheet name and the file names live here and nowhere else.  Pure Python and
openpyxl: no Qt, no database.  A file is written beside its target and renamed over it, so a USB
stick pulled out half-way never holds half a report under the report's name.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path
from typing import IO, Any

from kiosk.domain.text import search_key

__all__ = [
    "COLUMNS",
    "CSV_ENCODING",
    "SHEET_NAME",
    "TOTAL_LABEL",
    "VEHICLE_COLUMN",
    "Column",
    "ReportRow",
    "report_file_name",
    "totals",
    "write_csv",
    "write_xlsx",
]

SHEET_NAME = "Báo cáo ngày"
"""The worksheet's name (Excel allows 31 characters)."""
TOTAL_LABEL = "Tổng cộng"
"""The residential-group cell of the totals row."""
CSV_ENCODING = "utf-8-sig"
"""UTF-8 with a byte-order mark: Excel then opens the Vietnamese headers right."""

VEHICLE_COLUMN = {
    "confirmed": "vehicles_confirmed",
    "updated": "vehicles_updated",
    "sold": "vehicles_gone",
    "transferred": "vehicles_gone",
    "scrapped": "vehicles_gone",
    "lost": "vehicles_gone",
    "not_mine": "vehicles_not_mine",
    "added": "vehicles_added",
}
"""Each vehicle answer (kiosk.store.models.VEHICLE_ANSWERS) to its column: the four ways a vehicle
stops being the resident's are one column, "no longer owned"."""
LICENCE_COLUMN = {
    "confirmed": "licences_confirmed",
    "updated": "licences_updated",
    "lost": "licences_lost",
    "not_mine": "licences_not_mine",
    "added": "licences_added",
}
"""Each licence answer (kiosk.store.models.LICENCE_ANSWERS) to its column, one for one."""


@dataclass(frozen=True)
class ReportRow:
    """One residential group's figures for one day (the fields in the template's column order)."""

    day: date
    group: str
    residents: int = 0
    """Distinct residents with an accepted (on the kiosk: counted) submission captured that day."""
    vehicles_confirmed: int = 0
    vehicles_updated: int = 0
    vehicles_gone: int = 0
    """No longer owned: sold, transferred, scrapped or lost."""
    vehicles_not_mine: int = 0
    vehicles_added: int = 0
    licences_confirmed: int = 0
    licences_updated: int = 0
    licences_lost: int = 0
    licences_not_mine: int = 0
    licences_added: int = 0
    households_done: int = 0
    refusals: int = 0
    target: int | None = None
    """The day's target for the group; None when none was set."""

    def figures(self) -> dict[str, int]:
        """The counted columns by field name (neither the day, the group nor the target)."""
        return {
            c.field: int(getattr(self, c.field))
            for c in COLUMNS
            if c.counted and c.field != "target"
        }


@dataclass(frozen=True)
class Column:
    """One column of the template: its field, Vietnamese header, and English meaning."""

    field: str
    header: str
    meaning: str
    counted: bool = True
    """A count that the totals row sums (not the day or the group)."""


COLUMNS: tuple[Column, ...] = (
    Column("day", "Ngày", "Day", counted=False),
    Column("group", "Tổ dân phố", "Residential group", counted=False),
    Column("residents", "Số người dân đã làm", "Residents served"),
    Column("vehicles_confirmed", "Xe: xác nhận", "Vehicles confirmed"),
    Column("vehicles_updated", "Xe: cập nhật", "Vehicles updated"),
    Column("vehicles_gone", "Xe: không còn sở hữu", "Vehicles no longer owned"),
    Column("vehicles_not_mine", "Xe: không phải của tôi", "Vehicles not mine"),
    Column("vehicles_added", "Xe: bổ sung", "Vehicles added"),
    Column("licences_confirmed", "GPLX: xác nhận", "Licences confirmed"),
    Column("licences_updated", "GPLX: cập nhật", "Licences updated"),
    Column("licences_lost", "GPLX: bị mất", "Licences lost"),
    Column("licences_not_mine", "GPLX: không phải của tôi", "Licences not mine"),
    Column("licences_added", "GPLX: bổ sung", "Licences added"),
    Column("households_done", "Hộ đã xong", "Households done"),
    Column("refusals", "Từ chối", "Refusals"),
    Column("target", "Chỉ tiêu", "Target"),
)
"""The template's columns, in order (docs/report.md)."""
assert [c.field for c in COLUMNS] == [f.name for f in fields(ReportRow)]


def totals(rows: Iterable[ReportRow]) -> dict[str, int | None]:
    """The totals row's figures by field: each count summed; the target summed over the groups
    that have one (None when none has)."""
    rows = list(rows)
    summed: dict[str, int | None] = {
        c.field: sum(int(getattr(r, c.field)) for r in rows)
        for c in COLUMNS
        if c.counted and c.field != "target"
    }
    targets = [r.target for r in rows if r.target is not None]
    summed["target"] = sum(targets) if targets else None
    return summed


def report_file_name(day: date, source: str, suffix: str) -> str:
    """``bao-cao-ngay_<YYYY-MM-DD>_<source>.<suffix>``: ``source`` is the station id on a kiosk,
    the ward's name folded to ASCII on the server (docs/report.md)."""
    slug = "-".join(search_key(source).split()) or "report"
    slug = "".join(ch for ch in slug if ch.isascii() and (ch.isalnum() or ch in "-_"))
    return f"bao-cao-ngay_{day.isoformat()}_{slug}.{suffix.lstrip('.')}"


def _cells(rows: Sequence[ReportRow]) -> list[list[Any]]:
    """The header row, a row per group, and the totals row, as plain cell values."""
    table: list[list[Any]] = [[c.header for c in COLUMNS]]
    for row in rows:
        table.append([getattr(row, c.field) for c in COLUMNS])
    summed = totals(rows)
    table.append(["", TOTAL_LABEL, *(summed[c.field] for c in COLUMNS[2:])])
    return table


def _replace_atomically(path: Path, write: Any) -> None:
    """Write through ``write(file)`` to a temporary file beside ``path``, then rename it over."""
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("wb") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        partial.replace(path)
    finally:
        partial.unlink(missing_ok=True)


def write_csv(path: Path, rows: Sequence[ReportRow]) -> Path:
    """The report as CSV (UTF-8 with BOM, comma-separated): headers, rows, totals; no notes (a
    CSV is read by programs, which the notes would trip)."""
    table = _cells(rows)
    for line in table[1:]:
        if isinstance(line[0], date):
            line[0] = line[0].isoformat()

    def write(out: IO[bytes]) -> None:
        text = io.TextIOWrapper(out, encoding=CSV_ENCODING, newline="")
        csv.writer(text).writerows(["" if v is None else v for v in line] for line in table)
        text.flush()
        text.detach()

    _replace_atomically(path, write)
    return path


def write_xlsx(path: Path, title: str, rows: Sequence[ReportRow], notes: Sequence[str]) -> Path:
    """The report as XLSX, sheet :data:`SHEET_NAME`: the title in A1, headers in row 3, a row per
    group, the totals row, then each note on a row of its own below a blank one."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET_NAME
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    table = _cells(rows)
    first = sheet.max_row + 1
    for line in table:
        sheet.append(line)
    for cell in sheet[first]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for cell in sheet["A"][first:]:
        cell.number_format = "yyyy-mm-dd"
    sheet.column_dimensions["A"].width = 12
    sheet.column_dimensions["B"].width = 24
    for letter in "CDEFGHIJKLMNOP":
        sheet.column_dimensions[letter].width = 13
    sheet.freeze_panes = sheet.cell(row=first + 1, column=3)
    if notes:
        sheet.append([])
        for note in notes:
            sheet.append([note])
    _replace_atomically(path, book.save)
    return path
