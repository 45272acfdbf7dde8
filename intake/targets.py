"""Daily targets per residential group (issue 22): set on a kiosk or on the server, synced both ways.

An officer sets a group's target for a day on a kiosk (``POST /v1/targets/batch``) or with
``kiosk-intake target set``; setting it again replaces it.  Every change is kept in
``daily_target_change`` under its id (a kiosk's idempotency key, or a new one for the command
line) and takes a new number from the ward's change counter (``arrival``) in the storing
transaction: **the order of arrival decides**, so the change that arrived last is the one
``daily_target`` holds, whatever the kiosks' clocks said.  The kiosks ask for the targets changed
after the last number they hold (``GET /v1/targets?since=N``, :func:`targets_page`).

A kiosk's change is idempotent like a visit outcome: the same id with the same content from the
same station answers ``duplicate`` with the number it got, other content ``conflict``; a group
that is not one of the station's ward (no household of the ward in it, no station of the ward
for it) is ``invalid``.  The server keeps no audit log of its own for these: each change is
logged at INFO with the ward, group, day, figure and arrival, never a name; who set it and when
stay on the change (``set_by``, ``set_at``), and ``target list`` shows them.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any
from uuid import uuid4

from sqlalchemy import Connection, Engine, select, union, update

from intake.auth import StationInfo
from intake.clock import VIETNAM, as_utc, utcnow
from intake.db import insert_for, run_write
from intake.models import DailyTarget, DailyTargetChange, Household, Station
from intake.registry import next_seq
from intake.wards import normalise_group, normalise_ward
from kiosk.exchange.protocol import MAX_TARGET, ItemError, TargetItem, TargetResult

__all__ = [
    "TargetRecord",
    "history",
    "list_targets",
    "process_targets",
    "set_target",
    "targets_for",
    "targets_page",
]

log = logging.getLogger(__name__)

_EARLIEST, _LATEST = date(2000, 1, 1), date(2100, 12, 31)
"""The days a target may be for or set on: beyond them, input noise."""


@dataclass(frozen=True)
class TargetRecord:
    """One group's target for one day (or one change of it, in :func:`history`)."""

    ward: str
    group: str
    day: date
    target: int
    set_by: str
    set_at: datetime
    arrival: int
    change_id: str | None = None
    station_id: str | None = None
    """The kiosk it was set on; None: on the server."""


def _keep(
    conn: Connection,
    ward: str,
    item: TargetItem,
    *,
    change_id: str,
    station_id: str | None,
    sha256: str | None,
    arrival: int,
) -> None:
    """Store one numbered change and make it the group's current target for the day."""
    at = item.set_at.astimezone(UTC)
    conn.execute(
        insert_for(conn, DailyTargetChange).values(
            id=change_id, ward=ward, group_name=item.group, day=item.day, target=item.target,
            set_by=item.set_by, set_at=at, station_id=station_id, sha256=sha256, arrival=arrival,
            received_at=utcnow(),
        )
    )  # fmt: skip
    values = {
        "target": item.target, "set_by": item.set_by, "set_at": at, "arrival": arrival,
        "change_id": change_id, "station_id": station_id,
    }  # fmt: skip
    inserted = conn.execute(
        insert_for(conn, DailyTarget)
        .values(ward=ward, group_name=item.group, day=item.day, **values)
        .on_conflict_do_nothing()
        .returning(DailyTarget.id)
    ).first()
    if inserted is None:
        key = (
            DailyTarget.ward == ward, DailyTarget.group_name == item.group,
            DailyTarget.day == item.day,
        )  # fmt: skip
        conn.execute(update(DailyTarget).where(*key).values(**values))


def _logged(ward: str, group: str, day: date, target: int, arrival: int) -> None:
    log.info(
        "daily target set: %s, %s, %s = %d (arrival %d)",
        ward, group, day.isoformat(), target, arrival,
    )  # fmt: skip


def set_target(
    engine: Engine, ward: str, group: str, day: date, target: int, *, set_by: str
) -> TargetRecord:
    """Set (or replace) ``group``'s target for ``day`` on the server; the stored record."""
    if not 0 <= target <= MAX_TARGET:
        raise ValueError(f"a target is a number of residents: 0 to {MAX_TARGET}")
    if not set_by.strip():
        raise ValueError("say who sets the target")
    ward, group, who = normalise_ward(ward), normalise_group(group), set_by.strip()
    at = utcnow().replace(microsecond=0)
    item = TargetItem.model_construct(
        id=str(uuid4()), group=group, day=day, target=target, set_at=at, set_by=who
    )

    def work(conn: Connection) -> int:
        arrival = next_seq(conn, ward)
        _keep(conn, ward, item, change_id=item.id, station_id=None, sha256=None, arrival=arrival)
        return arrival

    arrival = run_write(engine, work)
    _logged(ward, group, day, target, arrival)
    return TargetRecord(ward, group, day, target, who, at, arrival, item.id, None)


# --- from the kiosks ----------------------------------------------------------------------------


def _digest(station: StationInfo, item: TargetItem) -> str:
    """The SHA-256 of the item as received and of the station that sent it."""
    content = {"station_id": station.id, **item.model_dump(mode="json")}
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def ward_groups(conn: Connection, ward: str) -> set[str]:
    """The residential groups of ``ward``: its households' and its stations' home groups."""
    query = union(
        select(Household.group_name).where(Household.ward == ward),
        select(Station.group_name).where(Station.ward == ward),
    )
    return {row[0] for row in conn.execute(query)}


def _errors(item: TargetItem, groups: Collection[str]) -> list[ItemError]:
    """What makes a change unstorable beyond its shape (the schema checks that)."""
    errors: list[ItemError] = []
    try:
        item.group.encode("utf-8")
        item.set_by.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: JSON carries it, the database cannot
        return [ItemError(path="/group", code="text.encoding")]
    if item.group not in groups:
        errors.append(ItemError(path="/group", code="target.group"))
    if not _EARLIEST <= item.day <= _LATEST:
        errors.append(ItemError(path="/day", code="target.date"))
    at = item.set_at
    if at.tzinfo is None or at.utcoffset() is None:
        errors.append(ItemError(path="/set_at", code="target.time_offset"))
    elif not _EARLIEST <= at.date() <= _LATEST:
        errors.append(ItemError(path="/set_at", code="target.date"))
    return errors


def _stored(conn: Connection, ids: Sequence[str]) -> dict[str, tuple[str | None, int]]:
    """Stored changes among ``ids``: their hash and arrival."""
    if not ids:
        return {}
    rows = conn.execute(
        select(DailyTargetChange.id, DailyTargetChange.sha256, DailyTargetChange.arrival).where(
            DailyTargetChange.id.in_(ids)
        )
    )
    return {row.id: (row.sha256, int(row.arrival)) for row in rows}


def _replay(item_id: str, digest: str, stored: tuple[str | None, int]) -> TargetResult:
    if stored[0] == digest:
        return TargetResult(id=item_id, status="duplicate", arrival=stored[1], errors=[])
    return TargetResult(id=item_id, status="conflict", arrival=None, errors=[])


def _store(
    conn: Connection, station: StationInfo, todo: Sequence[tuple[int, TargetItem, str]]
) -> tuple[dict[int, TargetResult], list[tuple[TargetItem, int]]]:
    """Number and keep ``todo`` (index, item, digest) in this transaction, in order."""
    known = _stored(conn, sorted({item.id for _, item, _ in todo}))
    results: dict[int, TargetResult] = {}
    kept: list[tuple[TargetItem, int]] = []
    for index, item, digest in todo:
        if item.id in known:
            results[index] = _replay(item.id, digest, known[item.id])
            continue
        arrival = next_seq(conn, station.ward)
        _keep(
            conn, station.ward, item, change_id=item.id, station_id=station.id, sha256=digest,
            arrival=arrival,
        )  # fmt: skip
        known[item.id] = (digest, arrival)
        kept.append((item, arrival))
        results[index] = TargetResult(id=item.id, status="accepted", arrival=arrival, errors=[])
    return results, kept


def process_targets(
    engine: Engine,
    station: StationInfo,
    items: Sequence[TargetItem],
    step_aside: Callable[[], None] = lambda: None,
) -> list[TargetResult]:
    """Answer every target change of a batch, in order, keeping the new ones."""
    results: dict[int, TargetResult] = {}
    with engine.connect() as conn:
        groups = ward_groups(conn, station.ward)
    checked: list[tuple[int, TargetItem, str]] = []
    for index, item in enumerate(items):
        step_aside()
        errors = _errors(item, groups)
        if errors:
            results[index] = TargetResult(id=item.id, status="invalid", arrival=None, errors=errors)
        else:
            checked.append((index, item, _digest(station, item)))
    if checked:
        step_aside()
        stored, kept = run_write(engine, lambda conn: _store(conn, station, checked))
        results.update(stored)
        for item, arrival in kept:
            _logged(station.ward, item.group, item.day, item.target, arrival)
    answered = [results[index] for index in range(len(items))]
    counts = Counter(result.status for result in answered)
    log.info("daily targets from %s: %s", station.id, dict(sorted(counts.items())))
    return answered


def targets_page(engine: Engine, ward: str, since: int, limit: int) -> dict[str, Any]:
    """The ward's current targets changed after ``since`` (protocol ``TargetsPage``), in order of
    arrival, at most ``limit``."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(DailyTarget)
            .where(DailyTarget.ward == ward, DailyTarget.arrival > since)
            .order_by(DailyTarget.arrival)
            .limit(limit + 1)
        ).all()
    targets = [
        {
            "id": row.change_id or f"arrival-{row.arrival}",
            "group": row.group_name,
            "day": row.day.isoformat(),
            "target": int(row.target),
            "set_by": row.set_by,
            "set_at": as_utc(row.set_at).astimezone(VIETNAM).isoformat(),
            "station_id": row.station_id,
            "arrival": int(row.arrival),
        }
        for row in rows[:limit]
    ]
    return {"targets": targets, "more": len(rows) > limit}


# --- reading ------------------------------------------------------------------------------------


def list_targets(engine: Engine, ward: str, day: date | None = None) -> list[TargetRecord]:
    """The ward's targets (of one day, or every day), by day and group."""
    query = select(DailyTarget).where(DailyTarget.ward == normalise_ward(ward))
    if day is not None:
        query = query.where(DailyTarget.day == day)
    with engine.connect() as conn:
        rows = conn.execute(query.order_by(DailyTarget.day, DailyTarget.group_name)).all()
    return [
        TargetRecord(
            r.ward, r.group_name, r.day, r.target, r.set_by, r.set_at, int(r.arrival),
            r.change_id, r.station_id,
        )
        for r in rows
    ]  # fmt: skip


def history(engine: Engine, ward: str, group: str, day: date) -> list[TargetRecord]:
    """Every change of one group's target for one day the server took, in order of arrival."""
    ward, group = normalise_ward(ward), normalise_group(group)
    with engine.connect() as conn:
        rows = conn.execute(
            select(DailyTargetChange)
            .where(
                DailyTargetChange.ward == ward,
                DailyTargetChange.group_name == group,
                DailyTargetChange.day == day,
            )
            .order_by(DailyTargetChange.arrival)
        ).all()
    return [
        TargetRecord(
            r.ward, r.group_name, r.day, r.target, r.set_by, r.set_at, int(r.arrival), r.id,
            r.station_id,
        )
        for r in rows
    ]  # fmt: skip


def targets_for(conn: Connection, ward: str, days: Collection[date]) -> dict[tuple[date, str], int]:
    """``{(day, group): target}`` of the ward for ``days`` (the report's last column)."""
    if not days:
        return {}
    rows = conn.execute(
        select(DailyTarget.day, DailyTarget.group_name, DailyTarget.target).where(
            DailyTarget.ward == ward, DailyTarget.day.in_(sorted(days))
        )
    )
    return {(r.day, r.group_name): int(r.target) for r in rows}
