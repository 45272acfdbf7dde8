"""Daily targets per residential group (issue 22): set on the server, read by the day's report.

An officer sets a group's target for a day with ``kiosk-intake target set``; setting it again
replaces it.  Each change takes a new number from the ward's change counter (``arrival``), so the
kiosks' later sync can ask for the targets changed after N, and of two changes the later arrival
decides.  The server keeps no audit log of its own for command-line actions: each change is logged
at INFO with the ward, group, day, figure and arrival, no name; who set it (``--by``) and when stay
on the row (``set_by``, ``set_at``), and ``target list`` shows them.
"""

from __future__ import annotations

import logging
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, Engine, select, update

from intake.clock import utcnow
from intake.db import insert_for, run_write
from intake.models import DailyTarget
from intake.registry import next_seq
from intake.wards import normalise_group, normalise_ward

__all__ = ["TargetRecord", "list_targets", "set_target", "targets_for"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TargetRecord:
    """One group's target for one day."""

    ward: str
    group: str
    day: date
    target: int
    set_by: str
    set_at: datetime
    arrival: int


def set_target(
    engine: Engine, ward: str, group: str, day: date, target: int, *, set_by: str
) -> TargetRecord:
    """Set (or replace) ``group``'s target for ``day``; the stored record."""
    if target < 0:
        raise ValueError("a target is a number of residents: 0 or more")
    if not set_by.strip():
        raise ValueError("say who sets the target")
    ward, group = normalise_ward(ward), normalise_group(group)

    def work(conn: Connection) -> TargetRecord:
        arrival = next_seq(conn, ward)
        at = utcnow().replace(microsecond=0)
        who = set_by.strip()
        values = {"target": target, "set_by": who, "set_at": at, "arrival": arrival}
        key = (
            DailyTarget.ward == ward, DailyTarget.group_name == group, DailyTarget.day == day
        )  # fmt: skip
        inserted = conn.execute(
            insert_for(conn, DailyTarget)
            .values(ward=ward, group_name=group, day=day, **values)
            .on_conflict_do_nothing()
            .returning(DailyTarget.id)
        ).first()
        if inserted is None:
            conn.execute(update(DailyTarget).where(*key).values(**values))
        return TargetRecord(ward, group, day, target, who, at, arrival)

    record = run_write(engine, work)
    log.info(
        "daily target set: %s, %s, %s = %d (arrival %d)",
        record.ward, record.group, record.day.isoformat(), record.target, record.arrival,
    )  # fmt: skip
    return record


def list_targets(engine: Engine, ward: str, day: date | None = None) -> list[TargetRecord]:
    """The ward's targets (of one day, or every day), by day and group."""
    query = select(DailyTarget).where(DailyTarget.ward == normalise_ward(ward))
    if day is not None:
        query = query.where(DailyTarget.day == day)
    with engine.connect() as conn:
        rows = conn.execute(query.order_by(DailyTarget.day, DailyTarget.group_name)).all()
    return [
        TargetRecord(r.ward, r.group_name, r.day, r.target, r.set_by, r.set_at, int(r.arrival))
        for r in rows
    ]


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
