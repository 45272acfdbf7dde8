"""The kiosk's rows of the day's report (docs/report.md), from its own store.

- **Figures of submissions** (residents served, vehicle and licence answers) count this kiosk's
  submissions captured that day by the rule of the daily counts (:mod:`kiosk.store.daily_counts`:
  every status but draft, discarded and superseded; training never): live for a day the purge has
  not reached, and from the ``daily_count`` rows kept before the purge for a day it has (they are
  the day's figures from then on).  So a day reads the same before and after its purge.
- **Not yet uploaded**: the day's submissions still captured, returned or verified; a note says
  how many, and how many the server refused or holds (rejected, conflict, held).  Once the queue has
  drained and nothing was refused, the figures equal the server's for this kiosk.
- **Households done** on a day: households whose status is *done* now
  (:func:`kiosk.store.households.household_rows`) and whose last counted member was done that day.
  A member is done on the day of this kiosk's first sent submission of theirs, else the day the
  server accepted one (the roster's ``cleaned_at``), else the day of their final outcome.  A
  household with no counted member is not counted on any day: nothing was cleaned there.  It is
  the ward's figure as far as this kiosk's roster knows it.
- **Refusals**: households and members with a *refused* visit outcome this kiosk recorded that day
  (each once; training never).  Drafts discarded as refused are not counted: the server never
  sees them, and the two reports must agree.
- **Target**: the kiosk's ``daily_target`` for the group and day.

Groups listed: every group of the roster cache, and any other with a figure or a target.

:func:`campaign_days` reads the progress chart's figures (residents served and the target, per
group and day) for a range of days in one pass, by the same rules: a day the purge has reached
from its kept counts, any other live.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from kiosk.domain.address import natural_key
from kiosk.exchange.report import LICENCE_COLUMN, VEHICLE_COLUMN, ReportRow
from kiosk.store.daily_counts import _day_counts, day_start, local_day
from kiosk.store.households import household_rows
from kiosk.store.lifecycle import S, connection
from kiosk.store.models import (
    DailyCount,
    DailyTarget,
    Household,
    Resident,
    Station,
    VisitOutcome,
    table_of,
)
from kiosk.store.sessions import ES, NOT_COUNTED

__all__ = [
    "NOT_ACCEPTED",
    "NOT_UPLOADED",
    "CampaignDays",
    "KioskDay",
    "campaign_days",
    "campaign_start",
    "kiosk_day",
]

NOT_UPLOADED = ("captured", "returned", "verified")
"""Statuses of counted submissions the server does not hold yet."""
NOT_ACCEPTED = ("rejected", "conflict", "held")
"""Statuses of counted submissions the server answered but did not accept."""

_DC = table_of(DailyCount)
_DT = table_of(DailyTarget)
_H = table_of(Household)
_R = table_of(Resident)
_VO = table_of(VisitOutcome)
_STATION = table_of(Station)


@dataclass(frozen=True)
class KioskDay:
    """The kiosk's rows for one day and what its notes say."""

    day: date
    station_id: str
    rows: list[ReportRow]
    kept: bool
    """The submission figures come from the counts kept before the purge."""
    not_uploaded: int
    not_accepted: int


def _measures(counts: Iterable[tuple[str, str, int]]) -> dict[str, dict[str, int]]:
    """``{group: {field: count}}`` from ``(group, measure, count)`` of the daily counts."""
    figures: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for group, measure, n in counts:
        kind, _, answer = measure.partition(".")
        if measure == "residents":
            figures[group]["residents"] += n
        elif kind == "vehicle" and answer in VEHICLE_COLUMN:
            figures[group][VEHICLE_COLUMN[answer]] += n
        elif kind == "licence" and answer in LICENCE_COLUMN:
            figures[group][LICENCE_COLUMN[answer]] += n
    return figures


def _households_done(conn: Connection, day: date, at: datetime) -> dict[str, int]:
    """``{group: households done on day}`` (module rule).  Only households with a member who
    could have been done that day are read: a submission sent of one captured that day, the
    roster's ``cleaned_at`` that day, or an outcome recorded that day (the screen opens on a
    ward's store in one read of those few, not of every household)."""
    start = day_start(day, at)
    end = start + timedelta(days=1)
    sent_that_day = select(S.c.resident_id_number).where(
        S.c.status == "sent",
        S.c.training.is_(False),
        S.c.captured_at >= start,
        S.c.captured_at < end,
    )
    touched = set(
        conn.scalars(
            select(_R.c.household_id).where(
                _R.c.household_id.is_not(None),
                _R.c.id_number.in_(sent_that_day)
                | ((_R.c.cleaned_at >= start) & (_R.c.cleaned_at < end)),
            )
        )
    )
    touched |= set(
        conn.scalars(
            select(_VO.c.household_id).where(_VO.c.recorded_at >= start, _VO.c.recorded_at < end)
        )
    )
    if not touched:
        return {}
    rows = [row for row in household_rows(conn, touched) if row.status == "done"]
    members = {m.id_number for row in rows for m in row.members if m.on_file}
    if not members:
        return {}
    own = dict(
        conn.execute(
            select(S.c.resident_id_number, func.min(S.c.captured_at))
            .where(S.c.status == "sent", S.c.training.is_(False))
            .where(S.c.resident_id_number.is_not(None))
            .group_by(S.c.resident_id_number)
        ).all()
    )
    cleaned = dict(
        conn.execute(
            select(_R.c.id_number, _R.c.cleaned_at).where(_R.c.cleaned_at.is_not(None))
        ).all()
    )
    found: dict[str, int] = defaultdict(int)
    for row in rows:
        days: list[date] = []
        for member in row.members:
            if not member.on_file:
                continue
            moment = own.get(member.id_number) or cleaned.get(member.id_number)
            if moment is None and member.outcome is not None and member.outcome.final:
                moment = member.outcome.recorded_at
            if moment is None:
                break
            days.append(local_day(moment, at))
        else:
            if days and max(days) == day:
                found[row.group] += 1
    return found


def _refusals(
    conn: Connection, station_id: str, start: datetime, end: datetime, home: str
) -> dict[str, int]:
    """``{group: households and members this kiosk recorded as refused in [start, end)}``."""
    query = (
        select(_VO.c.household_id, _VO.c.resident_id_number, _H.c.residential_group)
        .outerjoin(_H, _H.c.id == _VO.c.household_id)
        .where(
            _VO.c.station_id == station_id,
            _VO.c.training.is_(False),
            _VO.c.outcome == "refused",
            _VO.c.recorded_at >= start,
            _VO.c.recorded_at < end,
        )
    )
    subjects: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
    for household, id_number, group in conn.execute(query):
        subjects[group or home].add((household, id_number))
    return {group: len(found) for group, found in subjects.items()}


def _pending(conn: Connection, start: datetime, end: datetime) -> tuple[int, int]:
    """(not uploaded, not accepted) of the counted submissions captured in [start, end)."""
    query = (
        select(S.c.status, func.count())
        .where(S.c.captured_at >= start, S.c.captured_at < end, S.c.training.is_(False))
        .group_by(S.c.status)
    )
    by_status = {str(status): int(n) for status, n in conn.execute(query)}
    return (
        sum(by_status.get(s, 0) for s in NOT_UPLOADED),
        sum(by_status.get(s, 0) for s in NOT_ACCEPTED),
    )


def kiosk_day(session: Session | Connection, day: date, *, at: datetime) -> KioskDay:
    """The kiosk's report rows for ``day`` (a local day in the zone of ``at``, which is now)."""
    conn = connection(session)
    station = conn.execute(select(_STATION.c.id, _STATION.c.home_group)).first()
    station_id, home = (str(station[0]), station[1] or "") if station else ("", "")
    start = day_start(day, at)
    end = start + timedelta(days=1)
    kept_rows = conn.execute(
        select(_DC.c.residential_group, _DC.c.measure, _DC.c.count).where(_DC.c.day == day)
    ).all()
    kept = bool(kept_rows)
    counts: Iterable[tuple[str, str, int]] = (
        [(str(g), str(m), int(n)) for g, m, n in kept_rows]
        if kept
        else [(g, m, n) for (g, m), n in _day_counts(conn, start, end, home).items()]
    )
    figures: dict[str, dict[str, Any]] = _measures(counts)
    for group, n in _refusals(conn, station_id, start, end, home).items():
        figures[group]["refusals"] = n
    for group, n in _households_done(conn, day, at).items():
        figures[group]["households_done"] = n
    targets = {
        str(g): int(t)
        for g, t in conn.execute(
            select(_DT.c.residential_group, _DT.c.target).where(
                _DT.c.day == day, _DT.c.training.is_(False)
            )
        )
    }
    groups = {g for g, found in figures.items() if any(found.values())} | set(targets)
    groups |= set(conn.scalars(select(_H.c.residential_group).distinct()))
    rows = [
        ReportRow(day, group, **dict(figures.get(group, {})), target=targets.get(group))
        for group in sorted(groups, key=natural_key)
    ]
    not_uploaded, not_accepted = _pending(conn, start, end)
    return KioskDay(day, station_id, rows, kept, not_uploaded, not_accepted)


@dataclass(frozen=True)
class CampaignDays:
    """Residents served and the target per residential group, for each day of a range."""

    days: list[date]
    """Every day from the first to the last, in order: the lists below follow them."""
    groups: list[str]
    """The groups of the roster cache and any other with residents served or a target, in their
    natural order."""
    served: dict[str, list[int]]
    """``{group: residents served each day}``."""
    targets: dict[str, list[int | None]]
    """``{group: the target each day}``, None where no target was set."""


def campaign_start(session: Session | Connection, *, at: datetime) -> date | None:
    """The first day (in the zone of ``at``) with counts kept, a counted capture or a target;
    None before any."""
    conn = connection(session)
    kept = conn.execute(select(func.min(_DC.c.day))).scalar()
    target = conn.execute(select(func.min(_DT.c.day)).where(_DT.c.training.is_(False))).scalar()
    first = conn.execute(
        select(func.min(S.c.captured_at)).where(
            S.c.training.is_(False), S.c.status.not_in(NOT_COUNTED)
        )
    ).scalar()
    days = [d for d in (kept, target) if d is not None]
    if first is not None:
        days.append(local_day(first, at))
    return min(days) if days else None


def campaign_days(
    session: Session | Connection, first: date, last: date, *, at: datetime
) -> CampaignDays:
    """The progress chart's figures from ``first`` to ``last`` (local days in the zone of ``at``):
    four queries for the whole range, not one :func:`kiosk_day` a day.  Each day's residents
    served equal that day's :func:`kiosk_day` rows (a test checks it): the kept counts for a day
    the purge has reached, else the distinct residents of its counted captures by the rule of
    :mod:`kiosk.store.daily_counts`."""
    conn = connection(session)
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    where = {day: n for n, day in enumerate(days)}
    served: dict[str, list[int]] = defaultdict(lambda: [0] * len(days))
    kept_days: set[date] = set()
    kept = select(_DC.c.day, _DC.c.residential_group, _DC.c.measure, _DC.c.count).where(
        _DC.c.day >= first, _DC.c.day <= last
    )
    for day, group, measure, n in conn.execute(kept):
        kept_days.add(day)
        if measure == "residents":
            served[str(group)][where[day]] += int(n)
    home = conn.execute(select(_STATION.c.home_group)).scalar() or ""
    live = (
        select(
            S.c.id,
            S.c.resident_id_number,
            S.c.captured_at,
            _H.c.residential_group,
            ES.c.residential_group,
        )
        .select_from(S)
        .outerjoin(_R, _R.c.id_number == S.c.resident_id_number)
        .outerjoin(_H, _H.c.id == _R.c.household_id)
        .outerjoin(ES, ES.c.id == S.c.session_id)
        .where(
            S.c.captured_at >= day_start(first, at),
            S.c.captured_at < day_start(last + timedelta(days=1), at),
            S.c.status.not_in(NOT_COUNTED),
            S.c.training.is_(False),
        )
    )
    people: dict[tuple[str, date], set[str]] = defaultdict(set)
    for sub_id, id_number, captured_at, roster, by_session in conn.execute(live):
        day = local_day(captured_at, at)
        if day not in kept_days:
            people[roster or by_session or home, day].add(id_number or str(sub_id))
    for (group, day), found in people.items():
        served[group][where[day]] = len(found)
    targets: dict[str, list[int | None]] = defaultdict(lambda: [None] * len(days))
    set_targets = select(_DT.c.day, _DT.c.residential_group, _DT.c.target).where(
        _DT.c.day >= first, _DT.c.day <= last, _DT.c.training.is_(False)
    )
    for day, group, target in conn.execute(set_targets):
        targets[str(group)][where[day]] = int(target)
    groups = {g for g, counts in served.items() if any(counts)} | set(targets)
    groups |= set(conn.scalars(select(_H.c.residential_group).distinct()))
    ordered = sorted(groups, key=natural_key)
    return CampaignDays(
        days, ordered, {g: served[g] for g in ordered}, {g: targets[g] for g in ordered}
    )
