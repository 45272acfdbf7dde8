"""Roster files for tests: a generated ward (``intake.demo``) written as an officer's CSV or XLSX.

One resident row per person with their household key, then a row per vehicle and per licence
(``docs/roster-import.md``).  The ward is left to ``--ward``.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path
from typing import Any

from intake.demo import Population
from kiosk.exchange.roster_file import COLUMNS

HEADER = [column.name for column in COLUMNS]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)


def roster_rows(population: Population) -> list[list[str]]:
    """The population as roster rows in ``HEADER`` order; household keys ``HK00001``…"""
    keys = {h["id"]: f"HK{n:05d}" for n, h in enumerate(population.households, start=1)}
    homes = {h["id"]: h for h in population.households}
    rows: list[dict[str, Any]] = []
    for person in population.residents:
        home = homes[person["household_id"]]
        rows.append(
            {
                "record": "resident",
                "id_number": person["id_number"],
                "household": keys[home["id"]],
                "group": home["group_name"],
                "address": home["address"],
                "full_name": person["full_name"],
                "birth_date": person["birth_date"],
                "sex": person["sex"],
                "phone": person["phone"],
            }
        )
    for vehicle in population.vehicles:
        rows.append(
            {
                "record": "vehicle",
                "id_number": vehicle["resident_id_number"],
                "vehicle_kind": vehicle["kind"],
                **{key: vehicle[key] for key in ("plate", "brand", "model", "colour")},
                **{key: vehicle[key] for key in ("chassis_number", "engine_number")},
                **{key: vehicle[key] for key in ("owner_name", "owner_id_number")},
            }
        )
    for licence in population.licences:
        rows.append(
            {
                "record": "licence",
                "id_number": licence["resident_id_number"],
                "licence_number": licence["number"],
                "licence_class": licence["class"],
                "issue_date": licence["issue_date"],
                "expiry_date": licence["expiry_date"],
            }
        )
    return [[_cell(row.get(name)) for name in HEADER] for row in rows]


def write_csv(
    path: Path, rows: list[list[str]], header: list[str] = HEADER, bom: bool = False
) -> Path:
    """A CSV file as a spreadsheet exports it (UTF-8, optionally with a BOM)."""
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list[Any]], header: list[str] = HEADER) -> Path:
    """An XLSX workbook with the table on its first sheet (cells as given: text, dates…)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Roster")
    sheet.append(header)
    for row in rows:
        sheet.append([cell if cell != "" else None for cell in row])
    book.save(path)
    return path
