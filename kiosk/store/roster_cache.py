"""The roster cache filled from the intake server's pages, in bulk, with the cursor in the same commit.

A roster page lists whole households: each replaces the cached copy (members not listed any more
leave it), then ``removed`` households and residents go.  Every page is applied in one transaction
together with its ``next_cursor``, so a download killed at any moment resumes at the first page not
saved.  A full download (from an empty cursor: first start, or the server refused the old cursor)
remembers when it began and, at its last page, drops every cached household and resident it did not
see.  Statements are executemany upserts (a page is a handful of statements, not one per row).
Names and plates are folded as :mod:`kiosk.store.registry` folds them.  The households' visit
outcomes are kept by id (:func:`kiosk.store.outcomes.apply_roster_outcomes`) and stay when a
household leaves the cache: they are history.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from kiosk.domain.text import normalize, search_key
from kiosk.exchange.protocol import (
    LookupResponse,
    RosterLicence,
    RosterPage,
    RosterResident,
    RosterVehicle,
)
from kiosk.store.lifecycle import connection
from kiosk.store.models import (
    Household,
    RegistryLicence,
    RegistryVehicle,
    Resident,
    Station,
    table_of,
)
from kiosk.store.outcomes import apply_roster_outcomes
from kiosk.store.registry import plate_key

__all__ = ["RosterApplied", "apply_roster_page", "cache_lookup", "roster_state"]

H = table_of(Household)
R = table_of(Resident)
V = table_of(RegistryVehicle)
L = table_of(RegistryLicence)
ST = table_of(Station)
_CHUNK = 500


@dataclass(frozen=True)
class RosterApplied:
    """What one page changed in the cache."""

    households: int
    residents: int
    removed_households: int
    removed_residents: int
    swept: int
    outcomes: int = 0
    """Visit outcomes the page listed (new here, or already known)."""


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def roster_state(session: Session | Connection) -> tuple[str, datetime | None]:
    """``(cursor to ask with, start of the full download under way or None)``."""
    row = connection(session).execute(
        select(ST.c.roster_cursor, ST.c.roster_pass_started_at).where(ST.c.slot == 1)
    )
    found = row.first()
    if found is None:
        return "", None
    return found[0] or "", found[1]


def _resident_row(person: RosterResident | Any, household_id: str, at: datetime) -> dict[str, Any]:
    cleaned = person.cleaned
    return {
        "id_number": person.id_number,
        "household_id": household_id,
        "full_name": normalize(person.full_name),
        "search_key": search_key(person.full_name),
        "birth_date": person.birth_date,
        "birth_year": person.birth_date.year,
        "sex": person.sex,
        "phone": person.phone,
        "cleaned_at": cleaned.at if cleaned else None,
        "cleaned_station": cleaned.station_id if cleaned else None,
        "updated_at": at,
    }


def _vehicle_row(vehicle: RosterVehicle, resident_id: int) -> dict[str, Any]:
    owner = vehicle.registered_owner
    return {
        "id": vehicle.id,
        "resident_id": resident_id,
        "plate": vehicle.plate,
        "plate_key": plate_key(vehicle.plate),
        "kind": vehicle.kind,
        "brand": vehicle.brand,
        "model": vehicle.model,
        "colour": vehicle.colour,
        "chassis_number": vehicle.chassis_number,
        "engine_number": vehicle.engine_number,
        "registered_owner_name": owner.full_name if owner else None,
        "registered_owner_id_number": owner.id_number if owner else None,
    }


def _licence_row(licence: RosterLicence, resident_id: int) -> dict[str, Any]:
    return {
        "id": licence.id,
        "resident_id": resident_id,
        "number": licence.number,
        "licence_class": licence.class_,
        "scheme": licence.scheme,
        "issue_date": licence.issue_date,
        "expiry_date": licence.expiry_date,
    }


def _upsert(conn: Connection, table: Any, rows: list[dict[str, Any]], key: str) -> None:
    """INSERT … ON CONFLICT (key) DO UPDATE every other column, as one executemany."""
    if not rows:
        return
    statement = insert(table)
    changes = {name: statement.excluded[name] for name in rows[0] if name != key}
    conn.execute(statement.on_conflict_do_update(index_elements=[key], set_=changes), rows)


def _save_people(
    conn: Connection,
    people: list[tuple[str, RosterResident | Any]],
    at: datetime,
) -> None:
    """Upsert residents (with their household id) and replace their vehicles and licences."""
    if not people:
        return
    _upsert(conn, R, [_resident_row(p, household, at) for household, p in people], "id_number")
    numbers = [p.id_number for _, p in people]
    ids: dict[str, int] = {}
    for chunk in _chunks(numbers):
        found = conn.execute(select(R.c.id_number, R.c.id).where(R.c.id_number.in_(chunk)))
        ids.update((number, int(rid)) for number, rid in found)
    resident_ids = sorted(ids.values())
    for chunk in _chunks(resident_ids):
        conn.execute(delete(V).where(V.c.resident_id.in_(chunk)))
        conn.execute(delete(L).where(L.c.resident_id.in_(chunk)))
    vehicles = [_vehicle_row(v, ids[p.id_number]) for _, p in people for v in p.vehicles]
    licences = [_licence_row(x, ids[p.id_number]) for _, p in people for x in p.licences]
    _upsert(conn, V, vehicles, "id")  # a vehicle may have moved from someone not on this page
    _upsert(conn, L, licences, "id")


def _drop_residents(conn: Connection, numbers: Sequence[str]) -> int:
    gone = 0
    for chunk in _chunks(sorted(set(numbers))):
        gone += conn.execute(delete(R).where(R.c.id_number.in_(chunk))).rowcount
    return gone


def _sweep(conn: Connection, started: datetime) -> int:
    """After a full download: drop what it did not list (the server no longer has it)."""
    gone = conn.execute(delete(R).where(R.c.updated_at < started)).rowcount
    return gone + conn.execute(delete(H).where(H.c.updated_at < started)).rowcount


def apply_roster_page(
    session: Session | Connection, page: RosterPage, *, cursor: str, at: datetime
) -> RosterApplied:
    """Apply one page fetched with ``cursor`` and keep its ``next_cursor``, in this transaction."""
    conn = connection(session)
    _saved, started = roster_state(conn)
    if not cursor and started is None:
        started = at  # a full download begins: remember when, to sweep at its end
    stamp = max(at, started) if started is not None else at  # a clock set back must not sweep
    _upsert(
        conn,
        H,
        [
            {"id": h.id, "residential_group": h.group, "address": h.address, "updated_at": stamp}
            for h in page.households
        ],
        "id",
    )
    listed = {p.id_number for h in page.households for p in h.residents}
    left: list[str] = []
    for chunk in _chunks([h.id for h in page.households]):
        members = conn.execute(select(R.c.id_number).where(R.c.household_id.in_(chunk)))
        left += [number for number in members.scalars() if number not in listed]
    removed_people = _drop_residents(conn, left + list(page.removed.residents))
    _save_people(conn, [(h.id, p) for h in page.households for p in h.residents], stamp)
    outcomes = [(h.id, o) for h in page.households for o in h.outcomes]
    apply_roster_outcomes(conn, outcomes, at=at)
    removed_households = 0
    for chunk in _chunks(sorted(set(page.removed.households))):
        removed_people += conn.execute(delete(R).where(R.c.household_id.in_(chunk))).rowcount
        removed_households += conn.execute(delete(H).where(H.c.id.in_(chunk))).rowcount
    swept = 0
    if not page.more and started is not None:
        swept = _sweep(conn, started)
        started = None
    conn.execute(
        update(ST)
        .where(ST.c.slot == 1)
        .values(roster_cursor=page.next_cursor, roster_pass_started_at=started)
    )
    return RosterApplied(
        households=len(page.households),
        residents=len(listed),
        removed_households=removed_households,
        removed_residents=removed_people,
        swept=swept,
        outcomes=len(outcomes),
    )


def cache_lookup(session: Session | Connection, answer: LookupResponse, *, at: datetime) -> None:
    """Keep an online lookup's answer in the cache (its household's other members stay as they are)."""
    conn = connection(session)
    person = answer.resident
    household = {"id": person.household_id, "residential_group": person.group}
    _upsert(conn, H, [{**household, "address": person.address, "updated_at": at}], "id")
    record = RosterResident(
        id_number=person.id_number,
        full_name=person.full_name,
        birth_date=person.birth_date,
        sex=person.sex,
        phone=person.phone,
        vehicles=answer.vehicles,
        licences=answer.licences,
        cleaned=answer.cleaned,
    )
    _save_people(conn, [(person.household_id, record)], at)
