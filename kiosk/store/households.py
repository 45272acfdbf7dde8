"""Every household of the ward with its status and members: the households screen and the route sheet.

A member **counts** when the registry has a vehicle or a licence on file for them; members with
nothing on file have nothing to clean. A member is **done** when the ward's server accepted a
submission of theirs (the roster's ``cleaned_at``, or a submission of this kiosk ``sent``) or their
latest outcome is final (moved away, refused). A household's status, first match wins:

1. its latest household outcome is *moved away* → ``moved_away``; *refused* → ``refused``;
2. every counted member is done → ``done`` (so is a household with no counted member: nothing to
   clean there);
3. its latest household outcome is *absent* or *come back* → ``absent``;
4. some counted member is done → ``partial``;
5. else ``not_started``.

"Not yet done" is ``not_started``, ``partial`` and ``absent``. "Latest" is the server's order of
arrival (:mod:`kiosk.store.outcomes`). An outcome about a household the roster has since removed
stays in the history but is no row here. The whole ward is read in a handful of set-based queries
and one Python pass (the screen opens on 30,000 residents in well under a frame budget of 300 ms).
"""

from __future__ import annotations

import gc
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from typing import Any, NamedTuple

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from kiosk.domain.address import folded_address, locate, natural_key_cached
from kiosk.store.lifecycle import connection
from kiosk.store.outcomes import FINAL_OUTCOMES, OutcomeRecord, latest_outcomes

__all__ = [
    "HOUSEHOLD_STATUSES",
    "NOT_YET_DONE",
    "HouseholdRow",
    "MemberRow",
    "household_rows",
    "household_status",
    "search_texts",
]

HOUSEHOLD_STATUSES = ("not_started", "partial", "done", "absent", "moved_away", "refused")
"""chưa làm, làm một phần, đã xong, vắng nhà, đã chuyển đi, từ chối."""
NOT_YET_DONE = ("not_started", "partial", "absent")
"""The statuses tonight's round still visits."""


class MemberRow(NamedTuple):
    """One resident of a household, as the screen and the route sheet show them (a named tuple:
    30,000 are made each time the screen opens, three times faster than frozen dataclasses)."""

    id_number: str
    full_name: str
    birth_year: int
    on_file: bool
    """A vehicle or licence is on file: the member counts for the household's status."""
    done: bool
    """Accepted by the ward's server, or their latest outcome is final."""
    outcome: OutcomeRecord | None
    """Their latest outcome (any kind), or None."""


class HouseholdRow(NamedTuple):
    """One household with its place on the round, its status and its members (roster order)."""

    id: str
    group: str
    address: str
    street: str
    alley: str
    status: str
    members: tuple[MemberRow, ...]
    outcome: OutcomeRecord | None
    """The latest outcome about the whole household, or None."""

    @property
    def counted(self) -> int:
        """Members with a vehicle or licence on file."""
        return sum(1 for m in self.members if m.on_file)

    @property
    def counted_done(self) -> int:
        """Counted members who are done."""
        return sum(1 for m in self.members if m.on_file and m.done)


def household_status(members: Collection[MemberRow], outcome: OutcomeRecord | None) -> str:
    """The status of a household with ``members`` and latest household ``outcome`` (module rule)."""
    kind = None if outcome is None else outcome.outcome
    if kind in ("moved_away", "refused"):
        return str(kind)
    counted = [m for m in members if m.on_file]
    if all(m.done for m in counted):
        return "done"
    if kind in ("absent", "come_back"):
        return "absent"
    return "partial" if any(m.done for m in counted) else "not_started"


_HOUSEHOLDS = "SELECT id, residential_group, address FROM household"
_MEMBERS = (
    "SELECT r.household_id, r.id_number, r.full_name, r.birth_year,"
    " EXISTS (SELECT 1 FROM registry_vehicle v WHERE v.resident_id = r.id)"
    " OR EXISTS (SELECT 1 FROM registry_licence l WHERE l.resident_id = r.id),"
    " r.cleaned_at IS NOT NULL OR EXISTS (SELECT 1 FROM submission s"
    " WHERE s.resident_id_number = r.id_number AND s.status = 'sent')"
    " FROM resident r WHERE r.household_id IS NOT NULL"
)
"""Each member, whether anything is on file for them, whether the server accepted them: the
residents' table read once, the three tests by index (covering indexes on ``resident_id``)."""
_KEYS = "SELECT household_id, search_key, id_number FROM resident WHERE household_id IS NOT NULL"
_CHUNK = 500


def _select(conn: Connection, sql: str, column: str, ids: list[str] | None) -> list[Any]:
    """Rows of ``sql`` straight from the driver (no statement or row overhead: 30,000 rows are
    on the screen's path), for every household or, by chunks, those of ``ids``."""
    driver = conn.connection.driver_connection
    assert driver is not None
    order = " ORDER BY r.id" if column.startswith("r.") else ""
    if ids is None:
        return driver.execute(sql + order).fetchall()  # type: ignore[no-any-return]
    join = " AND " if " WHERE " in sql else " WHERE "
    rows: list[Any] = []
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        rows += driver.execute(f"{sql}{join}{column} IN ({marks}){order}", chunk).fetchall()
    return rows


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector waits while the rows are built: every one of the 100,000
    and more objects made is kept, yet each of its passes would walk them all (and everything
    else alive) for nothing, a third of the time taken."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def household_rows(
    session: Session | Connection, household_ids: Collection[str] | None = None
) -> list[HouseholdRow]:
    """Every household of the ward (or those of ``household_ids``) with status and members,
    ordered by group, street (none named: last), alley (the street's own houses first) and
    address, numbers by value."""
    with _collector_paused():
        return _household_rows(connection(session), household_ids)


def _household_rows(conn: Connection, household_ids: Collection[str] | None) -> list[HouseholdRow]:
    ids = None if household_ids is None else list(household_ids)
    households = _select(conn, _HOUSEHOLDS, "id", ids)
    latest = latest_outcomes(conn, ids)
    by_member = {number: o for (_home, number), o in latest.items() if number is not None}
    members: dict[str, list[MemberRow]] = {}
    make = MemberRow
    for home, id_number, name, year, on_file, accepted in _select(
        conn, _MEMBERS, "r.household_id", ids
    ):  # the hot loop of the screen's opening: 30,000 turns, kept plain
        outcome = by_member.get(id_number)
        if outcome is not None and outcome.household_id != home:
            outcome = None  # about them in another household
        done = accepted == 1 or (outcome is not None and outcome.outcome in FINAL_OUTCOMES)
        row = make(id_number, name, year, on_file == 1, done, outcome)
        found = members.get(home)
        if found is None:
            members[home] = [row]
        else:
            found.append(row)
    rows = []
    keys = {}
    for home, group, address in households:
        people = tuple(members.get(home, ()))
        outcome = latest.get((home, None))
        (street, alley), order = locate(address)
        rows.append(
            HouseholdRow(
                home, group, address, street, alley, household_status(people, outcome), people,
                outcome,
            )
        )  # fmt: skip
        keys[home] = (
            natural_key_cached(group), not street, natural_key_cached(street),
            natural_key_cached(alley), order, home,
        )  # fmt: skip
    rows.sort(key=lambda row: keys[row.id])
    return rows


def search_texts(session: Session | Connection) -> dict[str, str]:
    """Each household's text to search in, folded (kiosk.domain.text): its address, its members'
    names (the roster's own folded keys) and ID numbers, one a line. The screen asks for it at
    the first search, not when it opens."""
    with _collector_paused():
        return _search_texts(connection(session))


def _search_texts(conn: Connection) -> dict[str, str]:
    people: dict[str, list[str]] = {}
    numbers: dict[str, list[str]] = {}
    for home, key, id_number in _select(conn, _KEYS, "household_id", None):
        people.setdefault(home, []).append(key)
        numbers.setdefault(home, []).append(id_number)
    texts = {}
    for home, _group, address in _select(conn, _HOUSEHOLDS, "id", None):
        lines = [folded_address(address), *people.get(home, ()), *numbers.get(home, ())]
        texts[home] = "\n".join(lines)
    return texts
