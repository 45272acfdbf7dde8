"""Fast lookups in the roster cache: by ID number, folded-name prefix (+ birth year), plate, licence.

The hot path of the main screen (DESIGN.md §2 step 3).  The SQL is written once as SQLAlchemy
Core statements (so it follows the models) and compiled to text at import; at run time it goes
straight to a DB-API connection that the store keeps per thread (``Store.lookup_connection()``,
read-only), so a lookup costs little more than the bare query (``bench/bench_store.py``).
Records are named tuples: immutable like frozen dataclasses, and made at C speed for lists.
Every result carries what opens its resident: the full ID number (lists show it masked,
DESIGN.md §6), the name, the birth date, and the household's address and residential group.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, FromClause, Select, Table, bindparam, select
from sqlalchemy.dialects import sqlite

from kiosk.domain.masking import mask_id_number
from kiosk.domain.text import search_key
from kiosk.store.models import Household, RegistryLicence, RegistryVehicle, Resident, table_of
from kiosk.store.registry import plate_key

__all__ = [
    "Holder",
    "LicenceRecord",
    "ResidentRecord",
    "VehicleRecord",
    "household_members",
    "licences_by_number",
    "prefix_bounds",
    "resident_by_id_number",
    "residents_by_name",
    "vehicles_by_plate",
]

MAX_RESULTS = 200


class VehicleRecord(NamedTuple):
    """A vehicle on file (the resident it is filed under comes beside it: :class:`Holder`)."""

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


class Holder(NamedTuple):
    """The resident a vehicle or licence is filed under: enough to list them and to open them.

    ``id_number`` is the full number (the resident's page opens with it); lists show
    :attr:`masked_id`.
    """

    id_number: str
    full_name: str
    birth_date: date
    address: str | None
    residential_group: str | None

    @property
    def masked_id(self) -> str:
        """The ID as lists show it (``001•••••345``)."""
        return mask_id_number(self.id_number)


class ResidentRecord(NamedTuple):
    """A resident with the records on file; ``source`` says where the answer came from.

    ``address`` and ``residential_group`` are the household's (None without one); ``household``
    holds the other members' full names, oldest first (filled for one resident, empty in lists).
    """

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
    address: str | None = None
    residential_group: str | None = None
    household: tuple[str, ...] = ()
    updated_at: datetime | None = None
    """When this kiosk's copy of the resident was last refreshed from the ward (None: online)."""

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


_RT, _HT = table_of(Resident), table_of(Household)
_R = _RT.c
_H = _HT.c
_V = table_of(RegistryVehicle).c
_L = table_of(RegistryLicence).c
_HOME = _RT.outerjoin(_HT, _R.household_id == _H.id)  # a resident without a household stays
_RESIDENT = (_R.id, _R.id_number, _R.full_name, _R.birth_date, _R.sex, _R.phone,
             _R.household_id, _R.cleaned_at, _R.cleaned_station, _H.address,
             _H.residential_group, _R.updated_at)  # fmt: skip


def _holder_of(records: Table, resident_id: ColumnElement[Any]) -> FromClause:
    """``records JOIN resident LEFT JOIN household``: each record with its holder's home."""
    return records.join(_RT, resident_id == _R.id).outerjoin(_HT, _R.household_id == _H.id)


_HOLDER = (_R.id_number, _R.full_name, _R.birth_date, _H.address, _H.residential_group)
_VEHICLE = (_V.id, _V.plate, _V.kind, _V.brand, _V.model, _V.colour, _V.chassis_number,
            _V.engine_number, _V.registered_owner_name, _V.registered_owner_id_number)  # fmt: skip
_LICENCE = (_L.id, _L.number, _L.licence_class, _L.scheme, _L.issue_date, _L.expiry_date)
_NAME_RANGE = (_R.search_key >= bindparam("low"), _R.search_key < bindparam("high"))

BY_ID_NUMBER = _Sql(
    select(*_RESIDENT).select_from(_HOME).where(_R.id_number == bindparam("id_number"))
)
_INDEX_ORDER = (_R.search_key, _R.birth_year, _R.id)  # ix_resident_search order: no sort step
BY_NAME = _Sql(
    select(*_RESIDENT)
    .select_from(_HOME)
    .where(*_NAME_RANGE)
    .order_by(*_INDEX_ORDER)
    .limit(bindparam("n"))
)
BY_NAME_YEAR = _Sql(
    select(*_RESIDENT)
    .select_from(_HOME)
    .where(*_NAME_RANGE, _R.birth_year == bindparam("year"))
    .order_by(*_INDEX_ORDER)
    .limit(bindparam("n"))
)
VEHICLES_OF = _Sql(select(*_VEHICLE).where(_V.resident_id == bindparam("rid")).order_by(_V.id))
LICENCES_OF = _Sql(select(*_LICENCE).where(_L.resident_id == bindparam("rid")).order_by(_L.id))
MEMBERS_OF = _Sql(
    select(_R.full_name)
    .where(_R.household_id == bindparam("household"), _R.id_number != bindparam("id_number"))
    .order_by(_R.birth_date, _R.id)  # oldest first, as a household book lists them
)
VEHICLES_BY_PLATE = _Sql(
    select(*_VEHICLE, *_HOLDER)
    .select_from(_holder_of(table_of(RegistryVehicle), _V.resident_id))
    .where(_V.plate_key == bindparam("key"))
    .limit(MAX_RESULTS)
)
LICENCES_BY_NUMBER = _Sql(
    select(*_LICENCE, *_HOLDER)
    .select_from(_holder_of(table_of(RegistryLicence), _L.resident_id))
    .where(_L.number == bindparam("number"))
    .limit(MAX_RESULTS)
)


_NEW_RESIDENT = ResidentRecord._make
_NEW_VEHICLE = VehicleRecord._make
_NEW_LICENCE = LicenceRecord._make
_NEW_HOLDER = Holder._make


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


def _holder(row: Sequence[Any], start: int) -> Holder:
    id_number, name, born, address, group = row[start : start + 5]
    return _NEW_HOLDER((id_number, name, date.fromisoformat(born), address, group))


def _resident(
    row: Sequence[Any],
    vehicles: tuple[Any, ...],
    licences: tuple[Any, ...],
    members: tuple[str, ...] = (),
) -> ResidentRecord:
    """A resident row as a record; ``_make`` builds the tuple in C (name lists make 20 at a time)."""
    (_, id_number, name, born, sex, phone, household, cleaned_at, cleaned_station, address,
     group, updated_at) = row  # fmt: skip
    cleaned = None if cleaned_at is None else _moment(cleaned_at)
    return _NEW_RESIDENT(
        (id_number, name, date.fromisoformat(born), sex, phone, household, cleaned,
         cleaned_station, vehicles, licences, "cache", address, group, members,
         _moment(updated_at))
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
        household = row[6]
        members = () if household is None else household_members(conn, household, id_number)
        return _resident(
            row, tuple(_vehicle(v) for v in vehicles), tuple(_licence(x) for x in licences), members
        )
    finally:
        conn.execute("COMMIT")


def household_members(conn: Any, household_id: str, id_number: str) -> tuple[str, ...]:
    """The full names of the cached household's members but ``id_number``, oldest first."""
    args = MEMBERS_OF.args(household=household_id, id_number=id_number)
    return tuple(name for (name,) in conn.execute(MEMBERS_OF.text, args).fetchall())


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


def vehicles_by_plate(conn: Any, plate: str) -> list[tuple[VehicleRecord, Holder]]:
    """Vehicles on file with this plate however typed, each with the resident it is filed under."""
    rows = conn.execute(VEHICLES_BY_PLATE.text, VEHICLES_BY_PLATE.args(key=plate_key(plate)))
    return [(_vehicle(row), _holder(row, 10)) for row in rows.fetchall()]


def licences_by_number(conn: Any, number: str) -> list[tuple[LicenceRecord, Holder]]:
    """Licences on file with this number, each with the resident it is filed under."""
    args = LICENCES_BY_NUMBER.args(number="".join(number.split()))
    rows = conn.execute(LICENCES_BY_NUMBER.text, args).fetchall()
    return [(_licence(row), _holder(row, 6)) for row in rows]
