"""The day's report template (docs/report.md): XLSX and CSV written, then read back."""

from __future__ import annotations

import csv
import os
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from kiosk.exchange.report import (
    COLUMNS,
    CSV_ENCODING,
    SHEET_NAME,
    TOTAL_LABEL,
    VEHICLE_COLUMN,
    ReportRow,
    report_file_name,
    totals,
    write_csv,
    write_xlsx,
)
from kiosk.store.models import LICENCE_ANSWERS, VEHICLE_ANSWERS

DAY = date(2025, 11, 22)
ROWS = [
    ReportRow(DAY, "Tổ dân phố 1", residents=3, vehicles_confirmed=2, vehicles_gone=1,
              licences_added=1, households_done=1, refusals=1, target=10),
    ReportRow(DAY, "Tổ dân phố 2", residents=1, vehicles_added=2, licences_confirmed=4),
]  # fmt: skip


def read_xlsx(path: Path) -> list[list[object]]:
    """Every row of the report sheet, as values."""
    book = load_workbook(path)
    return [list(row) for row in book[SHEET_NAME].iter_rows(values_only=True)]


def test_every_answer_has_a_column() -> None:
    from kiosk.exchange.report import LICENCE_COLUMN

    fields = {c.field for c in COLUMNS}
    assert set(VEHICLE_COLUMN) == set(VEHICLE_ANSWERS)
    assert set(LICENCE_COLUMN) == set(LICENCE_ANSWERS)
    assert set(VEHICLE_COLUMN.values()) | set(LICENCE_COLUMN.values()) <= fields
    assert {VEHICLE_COLUMN[a] for a in ("sold", "transferred", "scrapped", "lost")} == {
        "vehicles_gone"
    }


def test_xlsx_holds_title_headers_rows_totals_and_notes(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", "Báo cáo ngày 22/11/2025", ROWS, ["Còn 2 hồ sơ."])
    table = read_xlsx(path)
    assert table[0][0] == "Báo cáo ngày 22/11/2025"
    assert table[2] == [c.header for c in COLUMNS]
    first = table[3]
    assert isinstance(first[0], datetime) and first[0].date() == DAY
    assert first[1:] == ["Tổ dân phố 1", 3, 2, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 1, 10]
    assert table[4][1:] == ["Tổ dân phố 2", 1, 0, 0, 0, 0, 2, 4, 0, 0, 0, 0, 0, 0, None]
    assert table[5][1:] == [TOTAL_LABEL, 4, 2, 0, 1, 0, 2, 4, 0, 0, 0, 1, 1, 1, 10]
    assert table[7][0] == "Còn 2 hồ sơ."
    assert not list(tmp_path.glob("*.partial"))


def test_csv_has_the_same_table(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", ROWS)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads the BOM as UTF-8
    with path.open(encoding=CSV_ENCODING, newline="") as text:
        table = list(csv.reader(text))
    assert table[0] == [c.header for c in COLUMNS]
    assert table[1][:3] == ["2025-11-22", "Tổ dân phố 1", "3"]
    assert table[2][-1] == ""  # no target
    assert table[3][1:4] == [TOTAL_LABEL, "4", "2"]
    assert len(table) == 4


def test_totals_leave_the_target_empty_when_none_was_set() -> None:
    summed = totals([ReportRow(DAY, "A", residents=2), ReportRow(DAY, "B", refusals=1)])
    assert (summed["residents"], summed["refusals"], summed["target"]) == (2, 1, None)


def test_a_failed_write_leaves_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", "old", ROWS, [])

    def stick_pulled_out(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", stick_pulled_out)
    with pytest.raises(OSError):
        write_xlsx(path, "new", ROWS[:1], [])
    assert read_xlsx(path)[0][0] == "old"
    assert not list(tmp_path.glob("*.partial"))


def test_file_names_are_plain_ascii() -> None:
    assert report_file_name(DAY, "Phường Yên Nghĩa", "xlsx") == (
        "bao-cao-ngay_2025-11-22_phuong-yen-nghia.xlsx"
    )
    assert report_file_name(DAY, "st-0001", ".csv") == "bao-cao-ngay_2025-11-22_st-0001.csv"
