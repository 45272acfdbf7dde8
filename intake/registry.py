"""Changes to a ward's registry, each stamped with the ward's next change sequence.

Every change takes the next value of the ward's ``roster_clock`` row with one ``UPDATE … RETURNING``
inside the changing transaction.  The row stays locked until commit, so sequence numbers become
visible in the order they were taken: a roster reader that saw the clock at N will find every later
change above N (see ``intake.roster``).  Stamping the household with each change of its residents
lets the roster send whole households.  Removals are tombstones so that a later pass reports them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, update

from intake.db import insert_for
from intake.models import Household, Resident, RosterClock


class UnknownRecord(LookupError):
    """The household or resident to change is not in the registry."""


def current_seq(conn: Connection, ward: str) -> int:
    """The ward's last committed change sequence (0 before any change)."""
    found = conn.execute(select(RosterClock.seq).where(RosterClock.ward == ward)).scalar()
    return int(found or 0)


def next_seq(conn: Connection, ward: str) -> int:
    """Take the ward's next change sequence, locking its clock row until the transaction ends."""
    bump = (
        update(RosterClock)
        .where(RosterClock.ward == ward)
        .values(seq=RosterClock.seq + 1)
        .returning(RosterClock.seq)
    )
    found = conn.execute(bump).scalar_one_or_none()
    if found is None:
        conn.execute(
            insert_for(conn, RosterClock).values(ward=ward, seq=0).on_conflict_do_nothing()
        )
        found = conn.execute(bump).scalar_one()
    return int(found)


def _stamp(conn: Connection, seq: int, households: Iterable[str], residents: Iterable[str]) -> None:
    """Mark households and residents as changed at ``seq``."""
    residents = sorted(set(residents))
    if residents:
        conn.execute(update(Resident).where(Resident.id_number.in_(residents)).values(seq=seq))
    households = sorted(set(households))
    if households:
        conn.execute(update(Household).where(Household.id.in_(households)).values(seq=seq))


def _resident_home(conn: Connection, id_number: str) -> tuple[str, str]:
    """(household id, ward) of a resident on file, or :class:`UnknownRecord`."""
    row = conn.execute(
        select(Resident.household_id, Household.ward)
        .join(Household, Household.id == Resident.household_id)
        .where(Resident.id_number == id_number, Resident.removed.is_(False))
    ).one_or_none()
    if row is None:
        raise UnknownRecord("resident")
    return row.household_id, row.ward


def _household_ward(conn: Connection, household_id: str) -> str:
    ward = conn.execute(
        select(Household.ward).where(Household.id == household_id, Household.removed.is_(False))
    ).scalar_one_or_none()
    if ward is None:
        raise UnknownRecord("household")
    return ward


def mark_cleaned(conn: Connection, id_numbers: Collection[str], at: datetime, station: str) -> None:
    """Record that these residents' submissions were accepted (``cleaned``), ward by ward."""
    if not id_numbers:
        return
    rows = conn.execute(
        select(Resident.id_number, Resident.household_id, Household.ward)
        .join(Household, Household.id == Resident.household_id)
        .where(Resident.id_number.in_(sorted(set(id_numbers))), Resident.removed.is_(False))
    ).all()
    by_ward: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in rows:
        by_ward[row.ward].append((row.id_number, row.household_id))
    for ward in sorted(by_ward):  # one lock order for every writer: no deadlock between wards
        seq = next_seq(conn, ward)
        ids = sorted(id_number for id_number, _ in by_ward[ward])
        conn.execute(
            update(Resident)
            .where(Resident.id_number.in_(ids))
            .values(cleaned_at=at, cleaned_station=station)
        )
        _stamp(conn, seq, (household for _, household in by_ward[ward]), ids)


def update_resident(conn: Connection, id_number: str, **values: Any) -> int:
    """Change a resident's fields (name, phone, household…); returns the change sequence."""
    household_id, ward = _resident_home(conn, id_number)
    seq = next_seq(conn, ward)
    conn.execute(update(Resident).where(Resident.id_number == id_number).values(**values))
    moved_to = values.get("household_id")
    _stamp(conn, seq, {household_id, moved_to or household_id}, [id_number])
    return seq


def update_household(conn: Connection, household_id: str, **values: Any) -> int:
    """Change a household's fields (address, group); returns the change sequence."""
    seq = next_seq(conn, _household_ward(conn, household_id))
    conn.execute(update(Household).where(Household.id == household_id).values(**values))
    _stamp(conn, seq, [household_id], [])
    return seq


def remove_resident(conn: Connection, id_number: str) -> int:
    """Take a resident off the registry (a tombstone the next roster pass reports)."""
    household_id, ward = _resident_home(conn, id_number)
    seq = next_seq(conn, ward)
    conn.execute(update(Resident).where(Resident.id_number == id_number).values(removed=True))
    _stamp(conn, seq, [household_id], [id_number])
    return seq


def remove_household(conn: Connection, household_id: str) -> int:
    """Take a household and all its residents off the registry."""
    seq = next_seq(conn, _household_ward(conn, household_id))
    members = list(
        conn.execute(
            select(Resident.id_number).where(
                Resident.household_id == household_id, Resident.removed.is_(False)
            )
        ).scalars()
    )
    conn.execute(update(Household).where(Household.id == household_id).values(removed=True))
    if members:
        conn.execute(update(Resident).where(Resident.id_number.in_(members)).values(removed=True))
    _stamp(conn, seq, [household_id], members)
    return seq
