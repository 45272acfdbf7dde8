"""Import a ward's roster from an officer's CSV or XLSX file (``kiosk-intake import-roster``).

Every row is checked first (``kiosk.exchange.roster_file``); with any bad row nothing is imported
unless ``skip_bad``.  Then one transaction upserts households, residents, vehicles and licences,
keyed so that importing the same file again changes nothing: a household by its ward and the
file's household key, a resident by ID number, a vehicle by plate, a licence by number.  Only rows
that differ from the registry are written, and the households they touch are stamped with the
ward's next change sequence (``intake.registry``), so kiosks download exactly what changed.  The
import adds and updates; it never removes a record the file leaves out.
"""

from __future__ import annotations

import csv
import hashlib
import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, select, update

from intake.db import bulk_insert, refresh_statistics, run_write
from intake.models import Household, Licence, Resident, Vehicle
from intake.registry import next_seq
from intake.wards import normalise_group, normalise_ward
from kiosk.exchange.roster_file import (
    Cell,
    LicenceRecord,
    RosterFile,
    RowError,
    VehicleRecord,
    parse_roster,
)

_CHUNK = 5000  # keys per IN (...) list: well under SQLite's bound-parameter limit


class RosterUnreadable(ValueError):
    """The file cannot be read as a roster table at all (not UTF-8 CSV, not an XLSX workbook)."""


@dataclass
class Counts:
    """What the import did to one kind of record."""

    new: int = 0
    changed: int = 0
    unchanged: int = 0

    def __str__(self) -> str:
        return f"{self.new} new, {self.changed} changed, {self.unchanged} unchanged"


@dataclass
class ImportReport:
    """The outcome: bad rows (by number), and what was imported when anything was."""

    rows: int = 0
    errors: list[RowError] = field(default_factory=list)
    imported: bool = False
    wards: list[str] = field(default_factory=list)
    counts: dict[str, Counts] = field(default_factory=dict)

    @property
    def bad_rows(self) -> list[int]:
        """Numbers of the rows with errors, as the spreadsheet shows them."""
        return sorted({error.row for error in self.errors})


@contextmanager
def read_table(path: Path) -> Iterator[tuple[Sequence[Cell], Iterator[Sequence[Cell]]]]:
    """The header row and the data rows of a CSV (UTF-8, BOM or not) or an XLSX's first sheet."""
    if path.suffix.casefold() == ".xlsx":
        from openpyxl import load_workbook

        try:
            book = load_workbook(path, read_only=True, data_only=True)
        except _XLSX_UNREADABLE as exc:
            raise RosterUnreadable(f"not an XLSX workbook ({type(exc).__name__})") from None
        try:
            rows = _xlsx_rows(book)
            first: tuple[Any, ...] = next(rows, ())
            yield first, (_padded(row, len(first)) for row in rows)
        finally:
            book.close()
        return
    with path.open(encoding="utf-8-sig", newline="") as text:
        rows_csv = csv.reader(text)
        try:
            header = next(rows_csv, [])
            yield header, rows_csv
        except (UnicodeDecodeError, csv.Error) as exc:
            raise RosterUnreadable(f"not a UTF-8 CSV file ({type(exc).__name__})") from None


_XLSX_UNREADABLE = (
    OSError,  # zipfile.BadZipFile is not one: listed below
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    ValueError,  # also a number past int's digit limit, a date cell out of range
    KeyError,  # a part the workbook names is missing
    IndexError,  # no sheet at all
    TypeError,
    AttributeError,  # openpyxl on parts shaped unlike what it expects
    OverflowError,
    RecursionError,
    SyntaxError,  # xml.etree's ParseError: a part is not XML
    EOFError,
    NotImplementedError,  # a compression method zipfile lacks
    RuntimeError,  # an encrypted archive member
)
"""What openpyxl raises on a file that is not a workbook, or a damaged one (opening or reading)."""


def _xlsx_rows(book: Any) -> Iterator[tuple[Any, ...]]:
    """The first sheet's rows; :class:`RosterUnreadable` when reading the sheet fails part-way."""
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        while True:
            try:
                row = next(rows)
            except StopIteration:
                return
            yield row
    except _XLSX_UNREADABLE as exc:
        raise RosterUnreadable(f"not an XLSX workbook ({type(exc).__name__})") from None


def _padded(row: Sequence[Any], width: int) -> Sequence[Cell]:
    """An XLSX row as wide as the header: a spreadsheet's trailing empty cells are just empty."""
    return tuple(row) + (None,) * (width - len(row))


def _key(prefix: str, *parts: str) -> str:
    """A stable record id from its natural key, so a re-import finds the same rows."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{digest[:20]}"


@dataclass
class _Wanted:
    """The registry rows the file asks for, as plain dicts keyed by primary key."""

    households: dict[str, dict[str, Any]] = field(default_factory=dict)
    residents: dict[str, dict[str, Any]] = field(default_factory=dict)
    vehicles: dict[str, dict[str, Any]] = field(default_factory=dict)
    licences: dict[str, dict[str, Any]] = field(default_factory=dict)


def _resolve(parsed: RosterFile, ward: str | None) -> tuple[_Wanted, list[RowError]]:
    """Registry rows for the good resident rows; rows without a ward are errors."""
    wanted = _Wanted()
    errors = []
    for record in parsed.residents:
        where = record.ward or ward
        if not where:
            errors.append(RowError(record.row, "ward", "no_ward"))
            continue
        where = normalise_ward(where)
        household = _key("h", where, record.household)
        wanted.households[household] = {
            "id": household,
            "ward": where,
            "group_name": normalise_group(record.group),
            "address": record.address,
            "removed": False,
        }
        wanted.residents[record.id_number] = {
            "id_number": record.id_number,
            "household_id": household,
            "full_name": record.full_name,
            "birth_date": record.birth_date,
            "sex": record.sex,
            "phone": record.phone,
            "removed": False,
        }
    return wanted, errors


def _owned(conn: Connection, parsed: RosterFile, wanted: _Wanted) -> list[RowError]:
    """Vehicles and licences whose owner is a good resident row or a resident on file."""
    bad_ids = parsed.bad_residents | {r.id_number for r in parsed.residents}
    owners = {v.id_number for v in parsed.vehicles} | {lc.id_number for lc in parsed.licences}
    known = set(wanted.residents)
    for chunk in _chunks(sorted(owners - known)):
        known.update(
            conn.execute(
                select(Resident.id_number).where(
                    Resident.id_number.in_(chunk), Resident.removed.is_(False)
                )
            ).scalars()
        )
    errors = []
    records: list[VehicleRecord | LicenceRecord] = [*parsed.vehicles, *parsed.licences]
    for record in records:
        if record.id_number not in known:
            reason = "resident_row_bad" if record.id_number in bad_ids else "no_resident"
            errors.append(RowError(record.row, "id_number", reason))
        elif isinstance(record, VehicleRecord):
            key = _key("v", record.plate)
            wanted.vehicles[key] = {
                "id": key,
                "resident_id_number": record.id_number,
                "plate": record.plate,
                "kind": record.kind,
                "brand": record.brand,
                "model": record.model,
                "colour": record.colour,
                "chassis_number": record.chassis_number,
                "engine_number": record.engine_number,
                "owner_name": record.owner_name,
                "owner_id_number": record.owner_id_number,
            }
        else:
            key = _key("l", record.number)
            wanted.licences[key] = {
                "id": key,
                "resident_id_number": record.id_number,
                "number": record.number,
                "class": record.class_,
                "scheme": record.scheme,
                "issue_date": record.issue_date,
                "expiry_date": record.expiry_date,
            }
    return errors


def _chunks(keys: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(keys), _CHUNK):
        yield keys[start : start + _CHUNK]


def _existing(conn: Connection, model: Any, wanted: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The rows on file with the keys of ``wanted``, by key (only the columns the file sets)."""
    table = model.__table__
    key = table.primary_key.columns[0]
    columns = [table.c[name] for name in next(iter(wanted.values()), {})]
    found: dict[str, Any] = {}
    for chunk in _chunks(sorted(wanted)):
        for row in conn.execute(select(*columns).where(key.in_(chunk))):
            found[row._mapping[key.name]] = dict(row._mapping)
    return found


def _update_many(conn: Connection, model: Any, rows: list[dict[str, Any]]) -> None:
    """UPDATE by primary key: one executemany per chunk of rows."""
    if not rows:
        return
    table = model.__table__
    key = table.primary_key.columns[0]
    statement = (
        update(table)
        .where(key == bindparam("k_" + key.name))
        .values({name: bindparam("k_" + name) for name in rows[0] if name != key.name})
    )
    params = [{"k_" + name: value for name, value in row.items()} for row in rows]
    for start in range(0, len(params), _CHUNK):
        conn.execute(statement, params[start : start + _CHUNK])


@dataclass
class _Change:
    """One kind of record: the rows to insert and the rows to update."""

    model: Any
    new: list[dict[str, Any]]
    changed: list[dict[str, Any]]


def _plan(
    conn: Connection, wanted: _Wanted, report: ImportReport
) -> tuple[list[_Change], set[str]]:
    """What differs from the registry, kind by kind, and the residents whose entry changes."""
    changes = []
    touched: set[str] = set()
    for name, model, rows in (
        ("households", Household, wanted.households),
        ("residents", Resident, wanted.residents),
        ("vehicles", Vehicle, wanted.vehicles),
        ("licences", Licence, wanted.licences),
    ):
        existing = _existing(conn, model, rows)
        new = [row for key, row in rows.items() if key not in existing]
        changed = [row for key, row in rows.items() if key in existing and existing[key] != row]
        report.counts[name] = Counts(len(new), len(changed), len(rows) - len(new) - len(changed))
        changes.append(_Change(model, new, changed))
        if model is Resident:
            touched.update(row["id_number"] for row in [*new, *changed])
        elif model is not Household:  # a vehicle or licence: its owner, and its owner before
            touched.update(row["resident_id_number"] for row in [*new, *changed])
            touched.update(existing[row["id"]]["resident_id_number"] for row in changed)
    return changes, touched


def _write(conn: Connection, wanted: _Wanted, report: ImportReport) -> None:
    """Upsert what differs and stamp every household whose roster entry changes, ward by ward.

    A household is stamped when it changed, or a resident moved in or out of it, or a vehicle or
    licence of one of its residents changed: the roster sends whole households.
    """
    changes, touched = _plan(conn, wanted, report)
    ward_of = {key: row["ward"] for key, row in wanted.households.items()}
    stamped = _homes(conn, touched)  # where they live on file, before this import moves anyone
    stamped.update(
        (home, ward_of[home])
        for id_number in touched & wanted.residents.keys()
        for home in [wanted.residents[id_number]["household_id"]]
    )
    households = changes[0]
    stamped.update((row["id"], row["ward"]) for row in [*households.new, *households.changed])
    seqs = {ward: next_seq(conn, ward) for ward in sorted({ward for _, ward in stamped})}
    for change in changes:
        for row in [*change.new, *change.changed]:
            if change.model is Household:
                row["seq"] = seqs[row["ward"]]
            elif change.model is Resident:
                row["seq"] = seqs[ward_of[row["household_id"]]]
        bulk_insert(conn, change.model, change.new)
        _update_many(conn, change.model, change.changed)
    for ward, seq in seqs.items():
        homes = sorted(home for home, where in stamped if where == ward)
        for chunk in _chunks(homes):
            conn.execute(update(Household).where(Household.id.in_(chunk)).values(seq=seq))
    report.wards = sorted(seqs)


def _homes(conn: Connection, ids: set[str]) -> set[tuple[str, str]]:
    """(household, ward) where these residents live on file now."""
    homes: set[tuple[str, str]] = set()
    for chunk in _chunks(sorted(ids)):
        rows = conn.execute(
            select(Resident.household_id, Household.ward)
            .join(Household, Household.id == Resident.household_id)
            .where(Resident.id_number.in_(chunk))
        )
        homes.update((row.household_id, row.ward) for row in rows)
    return homes


def import_roster(
    engine: Engine,
    path: Path,
    *,
    ward: str | None = None,
    skip_bad: bool = False,
    today: date | None = None,
) -> ImportReport:
    """Check ``path`` and, when every row is good (or ``skip_bad``), import it in one transaction.

    Raises :class:`RosterUnreadable` when the file is not a table at all.
    """
    with read_table(path) as (header, rows):
        parsed = parse_roster(header, rows, today=today)
    report = ImportReport(rows=parsed.rows, errors=list(parsed.errors))
    if any(error.row == 1 for error in parsed.errors):  # a bad header: no row was read
        return report
    wanted, ward_errors = _resolve(parsed, ward)
    report.errors += ward_errors
    with engine.connect() as conn:
        report.errors += _owned(conn, parsed, wanted)
    report.errors.sort(key=lambda error: error.row)
    if report.errors and not skip_bad:
        return report
    if not wanted.residents and not wanted.vehicles and not wanted.licences:
        return report
    run_write(engine, lambda conn: _write(conn, wanted, report))
    report.imported = True
    if sum(counts.new for counts in report.counts.values()) > _CHUNK:
        refresh_statistics(engine)
    return report
