"""The ward's day report and targets on the server (docs/report.md), read back from the files.

A ward with two kiosks and one resident served at both counts that resident once; each station's
own figures count everything it sent; households done and refusals come from the roster and the
visit outcomes; targets are set and listed with ``kiosk-intake target``.
"""

from __future__ import annotations

import csv
import logging
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from intake.auth import StationInfo
from intake.cli import main
from intake.demo import populate
from intake.report import ward_report, write_report
from intake.targets import list_targets, set_target
from intake.visits import process_visits
from kiosk.exchange.protocol import VisitItem
from kiosk.exchange.report import COLUMNS, CSV_ENCODING, SHEET_NAME, TOTAL_LABEL
from tests.intake.helpers import Server, Station
from tests.strategies.payloads import make_resident
from tests.support.queue import ICT

DAY = date(2025, 11, 22)
"""The capture day of the synthetic payloads."""
EVENING = datetime(2025, 11, 22, 19, 30, tzinfo=ICT)


def _rows(path: Path) -> list[list[Any]]:
    book = load_workbook(path)
    return [list(row) for row in book[SHEET_NAME].iter_rows(values_only=True)]


def _served(station: Station, n: int, id_number: str, **resident: Any) -> None:
    item = station.submission(n, resident=make_resident(id_number=id_number, **resident))
    assert station.batch([item])[0]["status"] == "accepted"


def test_two_kiosks_serving_one_resident_count_them_once(
    server: Server, database_url: str, tmp_path: Path
) -> None:
    ward, group = "Phường Xuân Phương", "Tổ dân phố 4"
    first, second = server.enrol(ward, group), server.enrol(ward, group)
    _served(first, 1, "001090000401")
    _served(first, 2, "001090000402")
    _served(second, 1, "001090000401")  # the same resident again, at the other kiosk

    report = ward_report(server.engine, ward, DAY)
    (row,) = [r for r in report.rows if r.group == group]
    assert (row.residents, row.vehicles_confirmed, row.vehicles_gone, row.vehicles_added) == (
        2, 2, 2, 2,
    )  # fmt: skip
    assert row.licences_confirmed == 2
    mine = ward_report(server.engine, ward, DAY, station_id=first.id).rows
    theirs = ward_report(server.engine, ward, DAY, station_id=second.id).rows
    assert [(r.group, r.residents) for r in mine] == [(group, 2)]
    assert [(r.group, r.residents) for r in theirs] == [(group, 1)]

    out = tmp_path / "ward.xlsx"
    assert main(["report", "--database-url", database_url, "--ward", "Xuân Phương",
                 "--date", "2025-11-22", "--out", str(out)]) == 0  # fmt: skip
    table = _rows(out)
    assert table[0][0] == f"Báo cáo ngày 22/11/2025 — {ward}"
    assert table[2] == [c.header for c in COLUMNS]
    line = next(r for r in table if r[1] == group)
    assert line[2:7] == [2, 2, 0, 2, 0]
    total = next(r for r in table if r[1] == TOTAL_LABEL)
    assert total[2] == 2
    assert any("một lần" in str(r[0]) for r in table)


def test_targets_are_set_replaced_listed_and_reported(
    server: Server, database_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    ward = "Phường Tây Mỗ"
    base = ["--database-url", database_url, "--ward", "Tây Mỗ"]
    with caplog.at_level(logging.INFO, logger="intake"):
        assert main(["target", "set", *base, "--group", "2", "--date", "2025-11-22",
                     "--by", "Cán bộ Hoa", "15"]) == 0  # fmt: skip
        first = list_targets(server.engine, ward, DAY)
        assert main(["target", "set", *base, "--group", "Tổ dân phố 2", "--date",
                     "2025-11-22", "--by", "Cán bộ Hoa", "12"]) == 0  # fmt: skip
    assert "Cán bộ Hoa" not in caplog.text  # who set it stays in the database, not in logs
    assert "daily target set" in caplog.text
    (target,) = list_targets(server.engine, ward, DAY)
    assert (target.group, target.target, target.set_by) == ("Tổ dân phố 2", 12, "Cán bộ Hoa")
    assert target.arrival > first[0].arrival
    assert main(["target", "set", *base, "--group", "2", "--date", "2025-11-22", "--by",
                 "x", "-1"]) == 2  # fmt: skip
    capsys.readouterr()
    assert main(["target", "list", *base]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == 1 and listed[0].split("\t")[:3] == ["2025-11-22", "Tổ dân phố 2", "12"]

    out = tmp_path / "ward.csv"
    assert main(["report", *base, "--date", "2025-11-22", "--out", str(out)]) == 0
    with out.open(encoding=CSV_ENCODING, newline="") as text:
        table = list(csv.reader(text))
    assert table[1][1] == "Tổ dân phố 2" and table[1][-1] == "12"
    assert table[-1][1] == TOTAL_LABEL and table[-1][-1] == "12"
    assert main(["report", *base, "--date", "2025-11-22", "--out", str(tmp_path / "r.pdf")]) == 2
    assert set_target(server.engine, ward, "3", DAY, 0, set_by="y").target == 0


def test_households_done_and_refusals_come_from_the_roster_and_the_outcomes(
    server: Server, tmp_path: Path
) -> None:
    ward = "Phường Tây Tựu"
    population = populate(server.engine, 40, seed=22, ward=ward)
    on_file = {v["resident_id_number"] for v in population.vehicles} | {
        lic["resident_id_number"] for lic in population.licences
    }
    members: dict[str, list[dict[str, Any]]] = {}
    for resident in population.residents:
        if resident["id_number"] in on_file:
            members.setdefault(resident["household_id"], []).append(resident)
    homes = {h["id"]: h for h in population.households}
    done_home, refused_home = sorted(members)[:2]
    station = server.enrol(ward, homes[done_home]["group_name"])
    for n, resident in enumerate(members[done_home]):
        _served(station, n, resident["id_number"], birth_date=resident["birth_date"].isoformat(),
                sex=resident["sex"])  # fmt: skip
    refusal = VisitItem(
        id="5d0c6a3e-9f1b-4c2d-8e7f-1a2b3c4d5e6f", household_id=refused_home, id_number=None,
        outcome="refused", come_back_on=None, note=None,
        recorded_at=EVENING, recorded_by="Tổ trưởng", session_id=None,
    )  # fmt: skip
    info = StationInfo(station.id, ward, homes[done_home]["group_name"])
    assert process_visits(server.engine, info, [refusal])[0].status == "accepted"

    report = ward_report(server.engine, ward, DAY)
    done = {r.group: r.households_done for r in report.rows if r.households_done}
    refused = {r.group: r.refusals for r in report.rows if r.refusals}
    assert done == {homes[done_home]["group_name"]: 1}
    assert refused == {homes[refused_home]["group_name"]: 1}
    assert {r.group for r in report.rows} >= {h["group_name"] for h in population.households}
    assert ward_report(server.engine, ward, date(2025, 11, 23)).rows[0].households_done == 0

    out = write_report(report, tmp_path / "ward.xlsx")
    line = next(r for r in _rows(out) if r[1] == homes[done_home]["group_name"])
    assert line[13] == 1
