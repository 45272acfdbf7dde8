"""Daily targets per residential group: set here by an officer, or on another kiosk or the server.

One row per day and group holds the figure in force (``daily_target``).  An officer's change here
takes a new id (its idempotency key at the server), is audited (``target.set``: group, day and
figure; never a name) and waits for the next sync (``sent_at`` None).  The server numbers every
change in its order of arrival (``arrival``) and **the later arrival decides**; a change made here
and not yet numbered wins over what the server sends until it is numbered (it will be, after
every change the server holds now).  A training station's changes are marked and never sent.

Sync: :func:`pending_targets` are those to send, :func:`mark_sent` notes that the server holds
them, :func:`apply_server_targets` keeps the ward's targets the server sends back
(``GET /v1/targets?since=``:func:`last_arrival`), this kiosk's own among them with their numbers.  Every change the
server took stays in its history; here the audit log keeps this kiosk's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import uuid4

from sqlalchemy import Connection, func, insert, literal, select, update
from sqlalchemy.orm import Session

from kiosk.domain.text import normalize
from kiosk.exchange.protocol import MAX_TARGET, TargetChange
from kiosk.store.audit import append_event
from kiosk.store.lifecycle import connection
from kiosk.store.models import DailyTarget, Household, Operator, Station, table_of

__all__ = [
    "MAX_TARGET",
    "TargetRecord",
    "apply_server_targets",
    "last_arrival",
    "mark_sent",
    "pending_count",
    "pending_targets",
    "set_target",
    "target_for",
    "targets_between",
    "ward_groups",
]

DT = table_of(DailyTarget)
_OP = table_of(Operator)
_ST = table_of(Station)
_HH = table_of(Household)


@dataclass(frozen=True)
class TargetRecord:
    """One group's target for one day, as the screens and the sync see it."""

    day: date
    group: str
    target: int
    set_by_name: str
    set_at: datetime
    change_id: str
    station_id: str | None
    """The kiosk it was set on; None: on the server."""
    sent_at: datetime | None
    arrival: int | None

    @property
    def pending(self) -> bool:
        """Set here and not yet held by the server."""
        return self.sent_at is None


_COLUMNS = (
    DT.c.day, DT.c.residential_group, DT.c.target, DT.c.set_by_name, DT.c.set_at, DT.c.change_id,
    DT.c.station_id, DT.c.sent_at, DT.c.arrival,
)  # fmt: skip


def _record(row: Sequence[Any]) -> TargetRecord:
    return TargetRecord(*row)


def set_target(
    session: Session | Connection,
    *,
    day: date,
    group: str,
    target: int,
    actor: str,
    station_id: str,
    at: datetime,
) -> TargetRecord:
    """Set (or replace) ``group``'s target for ``day`` here, audited ``target.set``.

    The change waits for the next sync; it is the group's target at once on this kiosk.
    """
    name = normalize(group)
    if not name:
        raise ValueError("a target is for a residential group")
    if isinstance(target, bool) or not 0 <= target <= MAX_TARGET:
        raise ValueError(f"a target is a number of residents: 0 to {MAX_TARGET}")
    conn = connection(session)
    who = conn.execute(select(_OP.c.name).where(_OP.c.id == actor)).scalar_one()
    training = bool(conn.execute(select(_ST.c.training).where(_ST.c.slot == 1)).scalar())
    change_id = str(uuid4())
    values = {
        "target": target, "set_by": actor, "set_by_name": who, "set_at": at,
        "change_id": change_id, "station_id": station_id, "training": training, "sent_at": None,
        "arrival": None,
    }  # fmt: skip
    key = (DT.c.day == day, DT.c.residential_group == name)
    if conn.execute(update(DT).where(*key).values(**values)).rowcount == 0:
        conn.execute(insert(DT).values(day=day, residential_group=name, **values))
    details = {"group": name, "day": day.isoformat(), "target": target}
    append_event(conn, at=at, actor=actor, action="target.set", subject=change_id, details=details)
    return _record(conn.execute(select(*_COLUMNS).where(DT.c.change_id == change_id)).one())


def target_for(session: Session | Connection, day: date, group: str) -> int | None:
    """``group``'s target for ``day``; None when none is set."""
    query = select(DT.c.target).where(DT.c.day == day, DT.c.residential_group == group)
    found = connection(session).execute(query).scalar()
    return None if found is None else int(found)


def targets_between(
    session: Session | Connection,
    first: date,
    last: date,
    groups: Iterable[str] | None = None,
) -> list[TargetRecord]:
    """The targets of the days ``first`` to ``last`` (of ``groups``, or every group), by day
    and group."""
    query = select(*_COLUMNS).where(DT.c.day >= first, DT.c.day <= last)
    if groups is not None:
        query = query.where(DT.c.residential_group.in_(sorted(set(groups))))
    rows = connection(session).execute(query.order_by(DT.c.day, DT.c.residential_group))
    return [_record(row) for row in rows]


def ward_groups(session: Session | Connection) -> list[str]:
    """The ward's residential groups this kiosk knows: the roster cache's and its home group,
    and any group a target names, sorted."""
    conn = connection(session)
    groups = set(conn.execute(select(_HH.c.residential_group).distinct()).scalars())
    home = conn.execute(select(_ST.c.home_group).where(_ST.c.slot == 1)).scalar()
    if home:
        groups.add(home)
    groups.update(conn.execute(select(DT.c.residential_group).distinct()).scalars())
    return sorted(groups)


def pending_targets(session: Session | Connection, limit: int = 100) -> list[TargetRecord]:
    """Changes made here that the server does not hold yet, oldest first (training ones never)."""
    rows = connection(session).execute(
        select(*_COLUMNS)
        .where(DT.c.sent_at.is_(None), DT.c.training.is_(False))
        .order_by(DT.c.set_at, DT.c.id)
        .limit(limit)
    )
    return [_record(row) for row in rows]


def pending_count(session: Session | Connection) -> int:
    """How many target changes wait to be sent."""
    query = select(func.count()).where(DT.c.sent_at.is_(None), DT.c.training.is_(False))
    return int(connection(session).execute(query).scalar_one())


def mark_sent(session: Session | Connection, change_ids: Iterable[str], *, at: datetime) -> int:
    """The server holds these changes (accepted, or a replay): sent now.

    Their numbers are not kept from the answer: a change's ``arrival`` comes with the targets
    the server sends back (the round asks for them next), so the highest number held here is
    always one the server's list was read up to (:func:`last_arrival`), never one that jumps
    over another kiosk's change numbered just before this one.
    """
    conn = connection(session)
    sent = literal(at, DT.c.sent_at.type)  # typed, so the time is stored as UTC like the rest
    changed = 0
    for change_id in sorted(set(change_ids)):
        changed += conn.execute(
            update(DT)
            .where(DT.c.change_id == change_id)
            .values(sent_at=func.coalesce(DT.c.sent_at, sent))
        ).rowcount
    return changed


def last_arrival(session: Session | Connection) -> int:
    """The highest arrival number held here, every one of them read from the server's list: ask
    it for the targets changed after this one."""
    found = connection(session).execute(select(func.max(DT.c.arrival))).scalar()
    return int(found or 0)


def apply_server_targets(
    session: Session | Connection, changes: Sequence[TargetChange], *, at: datetime
) -> int:
    """Keep the targets the server sends (its current ones, in order of arrival); how many
    changed here.

    A change of this kiosk's takes its ``arrival`` (and ``sent_at``) from the server if it had
    none; another change replaces the figure unless the one here arrived later or is not sent
    yet (that one will arrive later still).
    """
    conn = connection(session)
    applied = 0
    for change in changes:
        key = (DT.c.day == change.day, DT.c.residential_group == change.group)
        here = conn.execute(select(DT.c.change_id, DT.c.sent_at, DT.c.arrival).where(*key)).first()
        values = {
            "target": change.target, "set_by": None, "set_by_name": change.set_by,
            "set_at": change.set_at, "change_id": change.id, "station_id": change.station_id,
            "training": False, "sent_at": at, "arrival": change.arrival,
        }  # fmt: skip
        if here is None:
            conn.execute(
                insert(DT).values(day=change.day, residential_group=change.group, **values)
            )
        elif here.change_id == change.id:
            sent = literal(at, DT.c.sent_at.type)
            conn.execute(
                update(DT)
                .where(*key)
                .values(
                    arrival=func.coalesce(DT.c.arrival, change.arrival),
                    sent_at=func.coalesce(DT.c.sent_at, sent),
                )
            )
            continue
        elif here.sent_at is None or (here.arrival is not None and here.arrival >= change.arrival):
            continue
        else:
            conn.execute(update(DT).where(*key).values(**values))
        applied += 1
    return applied
