"""The roster file an officer imports into the intake server (``kiosk-intake import-roster``).

One table (a CSV or the first sheet of an XLSX workbook), one row per record: a ``record`` column
says whether the row is a ``resident`` (with their household), a ``vehicle`` or a ``licence`` on
file; every row carries the resident's ``id_number``, which ties vehicles and licences to their
owner.  That is what an officer can export from the spreadsheets they keep: residents listed with
their household key, vehicles and licences below them, columns that do not apply left empty.

The columns are defined here once (``COLUMNS``); ``docs/roster-import.md`` explains them.  A row is
checked with the rules of ``kiosk.domain`` and becomes a typed record, or a list of
:class:`RowError` (row number as the spreadsheet shows it, header = row 1; column; reason code) that
never quotes the value: rows hold personal data.  Standard library and ``kiosk.domain`` only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from typing import Any, Final, Literal

from kiosk.domain.errors import CODES, DomainError
from kiosk.domain.identity import check_id_matches, check_name, parse_date, parse_id_number
from kiosk.domain.licences import check_class, check_licence, parse_licence_number, scheme_for
from kiosk.domain.phone import parse_phone
from kiosk.domain.plates import (
    VEHICLE_KINDS,
    check_chassis_number,
    check_engine_number,
    parse_plate,
)
from kiosk.domain.text import normalize

__all__ = [
    "COLUMNS",
    "RECORD_KINDS",
    "Column",
    "LicenceRecord",
    "ResidentRecord",
    "RosterFile",
    "RowError",
    "VehicleRecord",
    "parse_roster",
]

RecordKind = Literal["resident", "vehicle", "licence"]
RECORD_KINDS: Final[tuple[RecordKind, ...]] = ("resident", "vehicle", "licence")
HEADER_ROW: Final = 1
MAX_KEY: Final = 40
MAX_TEXT: Final = 100
MAX_ADDRESS: Final = 500

Cell = str | date | int | float | None
"""What a cell holds: text from a CSV; text, a date or a number from an XLSX sheet; None if empty."""


@dataclass(frozen=True)
class Column:
    """A column of the roster file: its header name, the rows it applies to, what it means."""

    name: str
    kinds: tuple[RecordKind, ...]
    required: bool
    meaning: str


_ALL = RECORD_KINDS
COLUMNS: Final[tuple[Column, ...]] = (
    Column("record", _ALL, True, "resident, vehicle or licence: what this row is"),
    Column("id_number", _ALL, True, "the resident's 12-digit ID number (the owner, on other rows)"),
    Column("household", ("resident",), True, "the household's key in the officer's list"),
    Column("group", ("resident",), True, 'residential group: "Tổ dân phố 3" or "3"'),
    Column("address", ("resident",), True, "the household's address"),
    Column("full_name", ("resident",), True, "full name with diacritics"),
    Column("birth_date", ("resident",), True, "YYYY-MM-DD (or a date cell)"),
    Column("sex", ("resident",), True, "male or female (Nam or Nữ)"),
    Column("phone", ("resident",), False, "phone number"),
    Column("ward", ("resident",), False, "the ward (Phường X); else --ward"),
    Column("plate", ("vehicle",), True, "plate, as on the registration (30A-123.45)"),
    Column("vehicle_kind", ("vehicle",), True, ", ".join(VEHICLE_KINDS)),
    Column("brand", ("vehicle",), False, "make"),
    Column("model", ("vehicle",), False, "model"),
    Column("colour", ("vehicle",), False, "colour"),
    Column("chassis_number", ("vehicle",), False, "chassis (frame) number"),
    Column("engine_number", ("vehicle",), False, "engine number"),
    Column("owner_name", ("vehicle",), False, "registered owner when not the resident"),
    Column("owner_id_number", ("vehicle",), False, "that owner's ID number, if known"),
    Column("licence_number", ("licence",), True, "licence number (12 digits on card licences)"),
    Column("licence_class", ("licence",), True, "class: A1, B2, B, C1 ..."),
    Column("issue_date", ("licence",), True, "YYYY-MM-DD (or a date cell); gives the scheme"),
    Column("expiry_date", ("licence",), False, "YYYY-MM-DD (or a date cell); empty: none"),
)
_BY_NAME: Final = {column.name: column for column in COLUMNS}
_SEXES: Final = {"male": "male", "female": "female", "nam": "male", "nữ": "female"}


@dataclass(frozen=True)
class RowError:
    """Why a row (or the header, row 1) cannot be imported; ``reason`` is a code, never a value."""

    row: int
    column: str
    reason: str

    def describe(self) -> str:
        """``row 7, column birth_date: date.format (not a real date (YYYY-MM-DD))``."""
        meaning = REASONS.get(self.reason) or CODES.get(self.reason)
        detail = f" ({meaning})" if meaning else ""
        return f"row {self.row}, column {self.column}: {self.reason}{detail}"


@dataclass(frozen=True)
class ResidentRecord:
    """A resident row: the person and the household they live in."""

    row: int
    id_number: str
    household: str
    group: str
    address: str
    ward: str | None
    full_name: str
    birth_date: date
    sex: str
    phone: str | None


@dataclass(frozen=True)
class VehicleRecord:
    """A vehicle row: a vehicle on file for the resident ``id_number``."""

    row: int
    id_number: str
    plate: str
    kind: str
    brand: str | None
    model: str | None
    colour: str | None
    chassis_number: str | None
    engine_number: str | None
    owner_name: str | None
    owner_id_number: str | None


@dataclass(frozen=True)
class LicenceRecord:
    """A licence row: a driving licence on file for the resident ``id_number``."""

    row: int
    id_number: str
    number: str
    class_: str
    scheme: str
    issue_date: date
    expiry_date: date | None


@dataclass
class RosterFile:
    """A checked roster table: the good records, and the errors of every bad row."""

    residents: list[ResidentRecord] = field(default_factory=list)
    vehicles: list[VehicleRecord] = field(default_factory=list)
    licences: list[LicenceRecord] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    rows: int = 0
    """Data rows read (blank rows aside)."""
    bad_residents: set[str] = field(default_factory=set)
    """ID numbers of bad resident rows (when the ID itself is good): their records cannot go in."""

    @property
    def bad_rows(self) -> list[int]:
        """The numbers of the rows that have errors, in order."""
        return sorted({error.row for error in self.errors})


_Check = Callable[[str], Any]
_Field = tuple[str, str, _Check | None, bool, int]
"""(record attribute, column, check of the text or None, required, longest text allowed)."""


def _sex(text: str) -> str:
    sex = _SEXES.get(text.casefold())
    if sex is None:
        raise _Bad("sex")
    return sex


def _vehicle_kind(text: str) -> str:
    if text not in VEHICLE_KINDS:
        raise _Bad("vehicle_kind")
    return text


def _licence_number(text: str) -> str:
    return parse_licence_number(text)[0]


def _id_number(today: date) -> _Check:
    return lambda text: parse_id_number(text, today=today).value


_RESIDENT: Final[tuple[_Field, ...]] = (
    ("household", "household", None, True, MAX_KEY),
    ("group", "group", None, True, MAX_TEXT),
    ("address", "address", None, True, MAX_ADDRESS),
    ("ward", "ward", None, False, MAX_TEXT),
    ("full_name", "full_name", check_name, True, MAX_TEXT),
    ("birth_date", "birth_date", parse_date, True, MAX_TEXT),
    ("sex", "sex", _sex, True, MAX_TEXT),
    ("phone", "phone", lambda text: parse_phone(text).value, False, MAX_TEXT),
)
_VEHICLE: Final[tuple[_Field, ...]] = (
    ("kind", "vehicle_kind", _vehicle_kind, True, MAX_TEXT),
    ("plate", "plate", None, True, MAX_TEXT),
    ("brand", "brand", None, False, MAX_TEXT),
    ("model", "model", None, False, MAX_TEXT),
    ("colour", "colour", None, False, MAX_TEXT),
    ("chassis_number", "chassis_number", None, False, MAX_KEY),
    ("engine_number", "engine_number", check_engine_number, False, MAX_KEY),
    ("owner_name", "owner_name", check_name, False, MAX_TEXT),
    ("owner_id_number", "owner_id_number", None, False, MAX_TEXT),
)
_LICENCE: Final[tuple[_Field, ...]] = (
    ("number", "licence_number", _licence_number, True, MAX_TEXT),
    ("class_", "licence_class", None, True, MAX_TEXT),
    ("issue_date", "issue_date", parse_date, True, MAX_TEXT),
    ("expiry_date", "expiry_date", parse_date, False, MAX_TEXT),
)

REASONS: Final[dict[str, str]] = {
    "missing": "empty, but this kind of row needs it",
    "too_long": "longer than the column allows",
    "field_count": "more or fewer fields than the header has",
    "record": "not resident, vehicle or licence",
    "sex": "neither male nor female (Nam, Nữ)",
    "vehicle_kind": "not one of " + ", ".join(VEHICLE_KINDS),
    "unknown_column": "not a roster column (see docs/roster-import.md)",
    "duplicate_column": "this column is in the header twice",
    "missing_column": "a required column is missing from the header",
    "duplicate_id_number": "a resident row with this ID number came earlier in the file",
    "duplicate_plate": "a vehicle row with this plate came earlier in the file",
    "duplicate_licence_number": "a licence row with this number came earlier in the file",
    "household_differs": "the same household key has another group, address or ward above",
    "no_ward": "no ward: fill the ward column or give --ward",
    "no_resident": "no resident row for this ID number, in the file or on file",
    "resident_row_bad": "the resident row for this ID number is bad",
}
"""The roster file's own reason codes; the rest are the domain's (``kiosk.domain.errors``)."""


class _Bad(Exception):
    """A field failed a check of this module: its reason code."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _text(cell: Cell) -> str:
    """A cell as text: dates as YYYY-MM-DD, whole numbers without ``.0``, NFC, spaces collapsed."""
    if cell is None:
        return ""
    if isinstance(cell, datetime):
        cell = cell.date()
    if isinstance(cell, date):
        return cell.isoformat()
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    return normalize(str(cell))


class _Row:
    """One data row: its cells by column, and the errors found so far."""

    def __init__(self, number: int, cells: dict[str, str]) -> None:
        self.number = number
        self.cells = cells
        self.errors: list[RowError] = []

    def fail(self, column: str, reason: str) -> None:
        self.errors.append(RowError(self.number, column, reason))

    def run(self, column: str, check: Callable[[], Any]) -> Any:
        """``check()``, or None with the error recorded under ``column``."""
        try:
            return check()
        except DomainError as exc:
            self.fail(column, exc.code)
        except _Bad as exc:
            self.fail(column, exc.reason)
        return None

    def fields(self, fields: tuple[_Field, ...]) -> dict[str, Any]:
        """Every field checked alone; values by record attribute (None when empty or bad)."""
        values: dict[str, Any] = {}
        for attribute, column, check, required, limit in fields:
            text = self.cells.get(column, "")
            values[attribute] = None
            if len(text) > limit:
                self.fail(column, "too_long")
            elif not text:
                if required:
                    self.fail(column, "missing")
            elif check is None:
                values[attribute] = text
            else:
                values[attribute] = self.run(column, partial(check, text))
        return values


def _resident(row: _Row, id_number: str | None) -> ResidentRecord | None:
    values = row.fields(_RESIDENT)
    if id_number and values["birth_date"] and values["sex"]:
        parsed = parse_id_number(id_number)  # already checked: cannot fail
        row.run("birth_date", lambda: check_id_matches(parsed, values["birth_date"], values["sex"]))
    if row.errors or id_number is None:
        return None
    return ResidentRecord(row=row.number, id_number=id_number, **values)


def _vehicle(row: _Row, id_number: str | None, today: date) -> VehicleRecord | None:
    values = row.fields(_VEHICLE)
    kind = values["kind"]
    if values["plate"] and kind:
        values["plate"] = row.run("plate", lambda: parse_plate(values["plate"], kind).display)
    chassis = row.cells.get("chassis_number", "")
    if chassis and kind and len(chassis) <= MAX_KEY:
        values["chassis_number"] = row.run(
            "chassis_number", lambda: check_chassis_number(chassis, kind)[0]
        )
    if values["owner_id_number"]:
        owner = values["owner_id_number"]
        values["owner_id_number"] = row.run("owner_id_number", lambda: _id_number(today)(owner))
    if row.errors or id_number is None:
        return None
    return VehicleRecord(row=row.number, id_number=id_number, **values)


def _licence(row: _Row, id_number: str | None) -> LicenceRecord | None:
    values = row.fields(_LICENCE)
    issue = values["issue_date"]
    if issue and values["class_"]:
        scheme = scheme_for(issue)
        values["scheme"] = scheme
        values["class_"] = row.run("licence_class", lambda: check_class(values["class_"], scheme))
        if values["number"] and values["class_"]:
            row.run(
                "expiry_date",
                lambda: check_licence(
                    values["number"], values["class_"], scheme, issue, values["expiry_date"]
                ),
            )
    if row.errors or id_number is None:
        return None
    return LicenceRecord(row=row.number, id_number=id_number, **values)


def _header(header: Sequence[Cell]) -> tuple[list[str], list[RowError]]:
    """The column names of the header row, and what is wrong with it."""
    names = [_text(cell).casefold() for cell in header]
    while names and not names[-1]:
        names.pop()
    errors = []
    seen: set[str] = set()
    for index, name in enumerate(names, start=1):
        if name not in _BY_NAME:
            errors.append(RowError(HEADER_ROW, name or f"#{index}", "unknown_column"))
        elif name in seen:
            errors.append(RowError(HEADER_ROW, name, "duplicate_column"))
        seen.add(name)
    for column in COLUMNS:
        if column.required and column.name not in seen:
            errors.append(RowError(HEADER_ROW, column.name, "missing_column"))
    return names, errors


class _Uniques:
    """Keys that must not repeat in a file, and households that must agree with themselves."""

    def __init__(self) -> None:
        self.keys: dict[str, set[str]] = {"id_number": set(), "plate": set(), "number": set()}
        self.households: dict[str, tuple[str, str, str | None]] = {}

    def first(self, row: _Row, column: str, key: str, value: str) -> None:
        seen = self.keys[key]
        if value in seen:
            row.fail(column, f"duplicate_{column}")
        seen.add(value)

    def household(self, row: _Row, record: ResidentRecord) -> None:
        shape = (record.group, record.address, record.ward)
        if self.households.setdefault(record.household, shape) != shape:
            row.fail("household", "household_differs")


def parse_roster(
    header: Sequence[Cell], rows: Iterable[Sequence[Cell]], *, today: date | None = None
) -> RosterFile:
    """Check a roster table (``header`` is row 1, ``rows`` follow) row by row.

    With a bad header nothing else is checked.  Blank rows are skipped but still counted, so row
    numbers match what the spreadsheet shows.
    """
    today = today or date.today()
    result = RosterFile()
    names, result.errors = _header(header)
    if result.errors:
        return result
    uniques = _Uniques()
    check_id = _id_number(today)
    for number, cells in enumerate(rows, start=HEADER_ROW + 1):
        texts = [_text(cell) for cell in cells]
        while len(texts) > len(names) and not texts[-1]:
            texts.pop()
        if not any(texts):
            continue
        result.rows += 1
        row = _Row(number, dict(zip(names, texts, strict=False)))
        if len(texts) != len(names):
            row.fail(f"#{len(texts)}", "field_count")
            result.errors += row.errors
            continue
        kind = row.cells["record"].casefold()
        id_text = row.cells["id_number"]
        id_number = row.run("id_number", partial(check_id, id_text)) if id_text else None
        if not id_text:
            row.fail("id_number", "missing")
        if kind == "resident":
            resident = _resident(row, id_number)
            if id_number:
                uniques.first(row, "id_number", "id_number", id_number)
            if resident is not None:
                uniques.household(row, resident)
            if resident is not None and not row.errors:
                result.residents.append(resident)
            elif id_number:
                result.bad_residents.add(id_number)
        elif kind == "vehicle":
            vehicle = _vehicle(row, id_number, today)
            if vehicle is not None:
                uniques.first(row, "plate", "plate", vehicle.plate)
            if vehicle is not None and not row.errors:
                result.vehicles.append(vehicle)
        elif kind == "licence":
            licence = _licence(row, id_number)
            if licence is not None:
                uniques.first(row, "licence_number", "number", licence.number)
            if licence is not None and not row.errors:
                result.licences.append(licence)
        else:
            row.fail("record", "record")
        result.errors += row.errors
    return result
