"""The ward's roster in pages, and single-resident lookups, straight from the registry tables.

Cursor: ``since`` (changes already delivered), ``upto`` (the ward's change sequence when this pass
began) and the last ``(seq, id)`` sent.  A pass lists households with ``since < seq <= upto`` in
``(seq, id)`` order; a row changed during the pass moves above ``upto`` and comes in the next pass,
so nothing is lost and nothing waits for a quiet moment.  The last page's cursor is ``since = upto``:
kept by the kiosk, it asks for what changed since.  Each page is five queries whatever its size
(households, residents, vehicles, licences, removed residents) and one for the households' visit
outcomes (:mod:`intake.visits`: a new outcome stamps its household, so it comes in the next pass),
built as plain rows, not ORM objects.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, Row, and_, or_, select

from intake.clock import vietnam_iso
from intake.models import Household, Licence, Resident, Vehicle
from intake.registry import current_seq
from intake.visits import outcomes_json

_CURSOR_VERSION = 1

AnyRow = Row[*tuple[Any, ...]]


class BadCursor(ValueError):
    """The cursor is not one this server wrote for this ward's roster as it is now."""


@dataclass(frozen=True)
class Cursor:
    """Where a roster download stands (see the module docstring)."""

    since: int = 0
    upto: int | None = None
    seq: int | None = None
    id: str | None = None

    def encode(self) -> str:
        """Opaque text for ``next_cursor``."""
        raw = json.dumps([_CURSOR_VERSION, self.since, self.upto, self.seq, self.id])
        return base64.urlsafe_b64encode(raw.encode("utf-8")).decode("ascii").rstrip("=")

    @classmethod
    def decode(cls, text: str) -> Cursor:
        """The cursor behind ``text``; an empty text starts from the beginning."""
        if not text:
            return cls()
        try:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            version, since, upto, seq, last = json.loads(raw)
        except (binascii.Error, ValueError, TypeError):
            raise BadCursor("cursor unreadable") from None
        cursor = cls(since=since, upto=upto, seq=seq, id=last)
        if version != _CURSOR_VERSION or not cursor._well_formed():
            raise BadCursor("cursor unreadable")
        return cursor

    def _well_formed(self) -> bool:
        """Either ``since`` alone, or a pass under way: ``since <= seq <= upto`` and the last id."""
        counts = [self.since] + [v for v in (self.upto, self.seq) if v is not None]
        if not all(type(v) is int and 0 <= v < 2**62 for v in counts):
            return False
        if self.seq is None:
            return self.id is None and self.upto is None
        return (
            isinstance(self.id, str)
            and len(self.id) <= 40
            and self.upto is not None
            and self.since <= self.seq <= self.upto
        )


def cleaned_json(at: Any, station: str | None) -> dict[str, Any] | None:
    """``{"at", "station_id"}`` or None."""
    return None if at is None or station is None else {"at": vietnam_iso(at), "station_id": station}


def vehicle_json(row: AnyRow) -> dict[str, Any]:
    """A vehicle on file as the protocol shows it."""
    owner = None
    if row.owner_name is not None:
        owner = {"full_name": row.owner_name, "id_number": row.owner_id_number}
    return {
        "id": row.id,
        "plate": row.plate,
        "kind": row.kind,
        "brand": row.brand,
        "model": row.model,
        "colour": row.colour,
        "chassis_number": row.chassis_number,
        "engine_number": row.engine_number,
        "registered_owner": owner,
    }


def licence_json(row: AnyRow) -> dict[str, Any]:
    """A licence on file as the protocol shows it."""
    return {
        "id": row.id,
        "number": row.number,
        "class": row.class_,
        "scheme": row.scheme,
        "issue_date": row.issue_date.isoformat(),
        "expiry_date": row.expiry_date.isoformat() if row.expiry_date else None,
    }


_VEHICLE_COLUMNS = (
    Vehicle.id,
    Vehicle.resident_id_number,
    Vehicle.plate,
    Vehicle.kind,
    Vehicle.brand,
    Vehicle.model,
    Vehicle.colour,
    Vehicle.chassis_number,
    Vehicle.engine_number,
    Vehicle.owner_name,
    Vehicle.owner_id_number,
)
_LICENCE_COLUMNS = (
    Licence.id,
    Licence.resident_id_number,
    Licence.number,
    Licence.class_.label("class_"),
    Licence.scheme,
    Licence.issue_date,
    Licence.expiry_date,
)
_RESIDENT_COLUMNS = (
    Resident.id_number,
    Resident.household_id,
    Resident.full_name,
    Resident.birth_date,
    Resident.sex,
    Resident.phone,
    Resident.cleaned_at,
    Resident.cleaned_station,
)


def _records(
    conn: Connection, households: Sequence[str]
) -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[dict[str, Any]]]]:
    """Vehicles and licences of the current residents of ``households``, by ID number."""
    live = and_(Resident.household_id.in_(households), Resident.removed.is_(False))
    vehicles: dict[str, list[dict[str, Any]]] = defaultdict(list)
    vehicle_rows = conn.execute(
        select(*_VEHICLE_COLUMNS)
        .join(Resident, Resident.id_number == Vehicle.resident_id_number)
        .where(live)
        .order_by(Vehicle.id)
    )
    for row in vehicle_rows:
        vehicles[row.resident_id_number].append(vehicle_json(row))
    licences: dict[str, list[dict[str, Any]]] = defaultdict(list)
    licence_rows = conn.execute(
        select(*_LICENCE_COLUMNS)
        .join(Resident, Resident.id_number == Licence.resident_id_number)
        .where(live)
        .order_by(Licence.id)
    )
    for licence in licence_rows:
        licences[licence.resident_id_number].append(licence_json(licence))
    return vehicles, licences


def _resident_json(
    row: AnyRow, vehicles: dict[str, list[dict[str, Any]]], licences: dict[str, list[Any]]
) -> dict[str, Any]:
    return {
        "id_number": row.id_number,
        "full_name": row.full_name,
        "birth_date": row.birth_date.isoformat(),
        "sex": row.sex,
        "phone": row.phone,
        "vehicles": vehicles.get(row.id_number, []),
        "licences": licences.get(row.id_number, []),
        "cleaned": cleaned_json(row.cleaned_at, row.cleaned_station),
    }


def _read(engine: Engine) -> Connection:
    """A read connection; on PostgreSQL one snapshot for all the queries of a page."""
    conn = engine.connect()
    if engine.dialect.name == "postgresql":
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
    return conn


def roster_page(engine: Engine, ward: str, cursor: Cursor, limit: int) -> dict[str, Any]:
    """One roster page (protocol ``RosterPage``) of ``ward`` after ``cursor``, ``limit`` households."""
    with _read(engine) as conn, conn.begin():
        now = current_seq(conn, ward)
        if max(cursor.since, cursor.upto or 0) > now:  # from another server, or a rebuilt one
            raise BadCursor("cursor is ahead of the roster")
        upto = cursor.upto if cursor.upto is not None else now
        query = select(
            Household.id, Household.group_name, Household.address, Household.removed, Household.seq
        ).where(Household.ward == ward, Household.seq <= upto)
        if cursor.seq is None:
            query = query.where(Household.seq > cursor.since)
        else:
            after = or_(Household.seq > cursor.seq, Household.id > cursor.id)
            query = query.where(Household.seq >= cursor.seq, after)
        if cursor.since == 0:  # a first download: the kiosk has nothing to remove
            query = query.where(Household.removed.is_(False))
        rows = conn.execute(query.order_by(Household.seq, Household.id).limit(limit + 1)).all()
        more = len(rows) > limit
        rows = rows[:limit]
        live = [row.id for row in rows if not row.removed]
        members: dict[str, list[dict[str, Any]]] = defaultdict(list)
        outcomes = outcomes_json(conn, ward, live)
        if live:
            vehicles, licences = _records(conn, live)
            residents = conn.execute(
                select(*_RESIDENT_COLUMNS)
                .where(Resident.household_id.in_(live), Resident.removed.is_(False))
                .order_by(Resident.household_id, Resident.id_number)
            )
            for row in residents:
                members[row.household_id].append(_resident_json(row, vehicles, licences))
        gone: list[str] = []
        if cursor.since > 0 and rows:
            gone = list(
                conn.execute(
                    select(Resident.id_number)
                    .where(
                        Resident.household_id.in_([row.id for row in rows]),
                        Resident.removed.is_(True),
                        Resident.seq > cursor.since,
                    )
                    .order_by(Resident.id_number)
                ).scalars()
            )
    if more:
        following = Cursor(since=cursor.since, upto=upto, seq=rows[-1].seq, id=rows[-1].id)
    else:
        following = Cursor(since=upto)
    return {
        "households": [
            {
                "id": row.id,
                "group": row.group_name,
                "address": row.address,
                "residents": members[row.id],
                "outcomes": outcomes.get(row.id, []),
            }
            for row in rows
            if not row.removed
        ],
        "removed": {"households": [row.id for row in rows if row.removed], "residents": gone},
        "next_cursor": following.encode(),
        "more": more,
    }


def lookup(conn: Connection, ward: str, id_number: str) -> dict[str, Any] | None:
    """A resident of ``ward`` with their records on file (protocol ``LookupResponse``), or None.

    On the caller's connection, which has read the station's token already; no snapshot is needed
    (:func:`intake.db.quick_read`): a roster import between the three reads changes nothing a
    kiosk could act on."""
    row = conn.execute(
        select(*_RESIDENT_COLUMNS, Household.group_name, Household.address)
        .join(Household, Household.id == Resident.household_id)
        .where(
            Resident.id_number == id_number,
            Resident.removed.is_(False),
            Household.ward == ward,
            Household.removed.is_(False),
        )
    ).one_or_none()
    if row is None:
        return None
    vehicles, licences = _records(conn, [row.household_id])
    return {
        "resident": {
            "id_number": row.id_number,
            "full_name": row.full_name,
            "birth_date": row.birth_date.isoformat(),
            "sex": row.sex,
            "phone": row.phone,
            "household_id": row.household_id,
            "group": row.group_name,
            "address": row.address,
        },
        "vehicles": vehicles.get(row.id_number, []),
        "licences": licences.get(row.id_number, []),
        "cleaned": cleaned_json(row.cleaned_at, row.cleaned_station),
    }
