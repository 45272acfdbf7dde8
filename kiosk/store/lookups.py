"""Fast lookups in the roster cache: by ID number, folded-name prefix (+ birth year), plate, licence.

The hot path of the main screen (DESIGN.md §2 step 3).  The SQL is written once as SQLAlchemy
Core statements (so it follows the models) and compiled to text at import; at run time it goes
straight to a DB-API connection that the store keeps per thread (``Store.lookup_connection()``,
read-only), so a lookup costs little more than the bare query (``bench/bench_store.py``).
Records are named tuples: immutable like frozen dataclasses, and made at C speed for lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

from sqlalchemy import Select, bindparam, select
from sqlalchemy.dialects import sqlite

from kiosk.domain.masking import mask_id_number
from kiosk.domain.text import search_key
from kiosk.store.models import RegistryLicence, RegistryVehicle, Resident, table_of
from kiosk.store.registry import plate_key

__all__ = [
    "LicenceRecord",
    "ResidentRecord",
    "VehicleRecord",
    "licences_by_number",
    "prefix_bounds",
    "resident_by_id_number",
    "residents_by_name",
    "vehicles_by_plate",
]

MAX_RESULTS = 200


class VehicleRecord(NamedTuple):
    """A vehicle on file; ``holder_id_number`` is the resident it is filed under."""

    id: str
    plate: str
    kind: str
    brand: str | None
    model: str | None
    colour: str | None
    chassis_number: str | None
    engine_number: str | None
    registered_owner_name: str | None
    registered_owner_id_number: str | None


class LicenceRecord(NamedTuple):
    """A licence on file."""

    id: str
    number: str
    licence_class: str
    scheme: str
    issue_date: date
    expiry_date: date | None


class ResidentRecord(NamedTuple):
    """A resident with the records on file; ``source`` says where the answer came from."""

    id_number: str
    full_name: str
    birth_date: date
    sex: str
    phone: str | None
    household_id: str | None
    cleaned_at: datetime | None
    cleaned_station: str | None
    vehicles: tuple[VehicleRecord, ...]
    licences: tuple[LicenceRecord, ...]
    source: str = "cache"

    @property
    def masked_id(self) -> str:
        """The ID as lists show it (``001•••••345``)."""
        return mask_id_number(self.id_number)


class _Sql:
    """A Core statement compiled once to SQLite text, with its parameters in order."""

    def __init__(self, stmt: Select[Any]) -> None:
        compiled = stmt.compile(dialect=sqlite.dialect())
        self.text = str(compiled)
        self.names = tuple(compiled.positiontup or ())
        self.defaults = dict(compiled.params)

    def args(self, **params: Any) -> tuple[Any, ...]:
        """Positional arguments for the DB-API, defaults (e.g. OFFSET 0) filled in."""
        return tuple(params[n] if n in params else self.defaults[n] for n in self.names)


_R = table_of(Resident).c
_V = table_of(RegistryVehicle).c
_L = table_of(RegistryLicence).c
_RESIDENT = (_R.id, _R.id_number, _R.full_name, _R.birth_date, _R.sex, _R.phone,
             _R.household_id, _R.cleaned_at, _R.cleaned_station)  # fmt: skip
_VEHICLE = (_V.id, _V.plate, _V.kind, _V.brand, _V.model, _V.colour, _V.chassis_number,
            _V.engine_number, _V.registered_owner_name, _V.registered_owner_id_number)  # fmt: skip
_LICENCE = (_L.id, _L.number, _L.licence_class, _L.scheme, _L.issue_date, _L.expiry_date)
_NAME_RANGE = (_R.search_key >= bindparam("low"), _R.search_key < bindparam("high"))

BY_ID_NUMBER = _Sql(select(*_RESIDENT).where(_R.id_number == bindparam("id_number")))
_INDEX_ORDER = (_R.search_key, _R.birth_year, _R.id)  # ix_resident_search order: no sort step
BY_NAME = _Sql(select(*_RESIDENT).where(*_NAME_RANGE).order_by(*_INDEX_ORDER).limit(bindparam("n")))
BY_NAME_YEAR = _Sql(
    select(*_RESIDENT)
    .where(*_NAME_RANGE, _R.birth_year == bindparam("year"))
    .order_by(*_INDEX_ORDER)
    .limit(bindparam("n"))
)
VEHICLES_OF = _Sql(select(*_VEHICLE).where(_V.resident_id == bindparam("rid")).order_by(_V.id))
LICENCES_OF = _Sql(select(*_LICENCE).where(_L.resident_id == bindparam("rid")).order_by(_L.id))
VEHICLES_BY_PLATE = _Sql(
    select(*_VEHICLE, _R.id_number)
    .join_from(table_of(RegistryVehicle), table_of(Resident), _V.resident_id == _R.id)
    .where(_V.plate_key == bindparam("key"))
    .limit(MAX_RESULTS)
)
LICENCES_BY_NUMBER = _Sql(
    select(*_LICENCE, _R.id_number)
    .join_from(table_of(RegistryLicence), table_of(Resident), _L.resident_id == _R.id)
    .where(_L.number == bindparam("number"))
    .limit(MAX_RESULTS)
)


_NEW_RESIDENT = ResidentRecord._make
_NEW_VEHICLE = VehicleRecord._make
_NEW_LICENCE = LicenceRecord._make


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _moment(text: str | None) -> datetime | None:
    """Stored naive UTC text back to an aware time (as :class:`~kiosk.store.models.UtcDateTime`)."""
    return None if text is None else datetime.fromisoformat(text).replace(tzinfo=UTC)


def _vehicle(row: Sequence[Any]) -> VehicleRecord:
    return _NEW_VEHICLE(row[:10])


def _licence(row: Sequence[Any]) -> LicenceRecord:
    ident, number, cls, scheme, issued, expires = row[:6]
    return _NEW_LICENCE((ident, number, cls, scheme, date.fromisoformat(issued), _day(expires)))


def _resident(
    row: Sequence[Any], vehicles: tuple[Any, ...], licences: tuple[Any, ...]
) -> ResidentRecord:
    """A resident row as a record; ``_make`` builds the tuple in C (name lists make 20 at a time)."""
    _, id_number, name, born, sex, phone, household, cleaned_at, cleaned_station = row
    cleaned = None if cleaned_at is None else _moment(cleaned_at)
    return _NEW_RESIDENT(
        (id_number, name, date.fromisoformat(born), sex, phone, household, cleaned,
         cleaned_station, vehicles, licences, "cache")
    )  # fmt: skip


def resident_by_id_number(conn: Any, id_number: str) -> ResidentRecord | None:
    """The cached resident with this ID number and the records on file, read in one snapshot."""
    conn.execute("BEGIN")
    try:
        row = conn.execute(BY_ID_NUMBER.text, (id_number,)).fetchone()
        if row is None:
            return None
        vehicles = conn.execute(VEHICLES_OF.text, (row[0],)).fetchall()
        licences = conn.execute(LICENCES_OF.text, (row[0],)).fetchall()
        return _resident(
            row, tuple(_vehicle(v) for v in vehicles), tuple(_licence(x) for x in licences)
        )
    finally:
        conn.execute("COMMIT")


def prefix_bounds(text: str) -> tuple[str, str] | None:
    """``(low, high)`` so that ``low <= search_key < high`` is "starts with" on the index."""
    key = search_key(text)
    if not key:
        return None
    return key, key[:-1] + chr(ord(key[-1]) + 1)


def residents_by_name(
    conn: Any, text: str, birth_year: int | None = None, limit: int = 20
) -> list[ResidentRecord]:
    """Residents whose folded name starts with the folded ``text`` (and born in ``birth_year``).

    Without their vehicles and licences: a list to pick from, then :func:`resident_by_id_number`.
    """
    bounds = prefix_bounds(text)
    if bounds is None:
        return []
    low, high = bounds
    n = min(limit, MAX_RESULTS)
    if birth_year is None:
        rows = conn.execute(BY_NAME.text, BY_NAME.args(low=low, high=high, n=n)).fetchall()
    else:
        args = BY_NAME_YEAR.args(low=low, high=high, year=birth_year, n=n)
        rows = conn.execute(BY_NAME_YEAR.text, args).fetchall()
    return [_resident(row, (), ()) for row in rows]


def vehicles_by_plate(conn: Any, plate: str) -> list[tuple[VehicleRecord, str]]:
    """Vehicles on file with this plate however typed, each with its holder's ID number."""
    rows = conn.execute(VEHICLES_BY_PLATE.text, VEHICLES_BY_PLATE.args(key=plate_key(plate)))
    return [(_vehicle(row), row[10]) for row in rows.fetchall()]


def licences_by_number(conn: Any, number: str) -> list[tuple[LicenceRecord, str]]:
    """Licences on file with this number, each with its holder's ID number."""
    args = LICENCES_BY_NUMBER.args(number="".join(number.split()))
    rows = conn.execute(LICENCES_BY_NUMBER.text, args).fetchall()
    return [(_licence(row), row[6]) for row in rows]
