"""The day's figures per residential group, kept before the purge erases what they count.

Units report their counts every day (DESIGN.md §1), and the campaign's figures must outlive the
retention period: the first purge that reaches a day writes that day's counts to ``daily_count``
from every submission captured that day (none of them purged yet), and they stay as written.
A day the purge reaches is over: only submissions sent more than a day ago are purged.

A submission's residential group is its resident's household's in the roster cache, else its
session's, else the station's home group, else "".  Training submissions are never counted.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import ColumnElement, Connection, insert, select
from sqlalchemy.orm import Session

from kiosk.store.lifecycle import S, connection
from kiosk.store.models import DailyCount, Household, Resident, Station, SubmissionItem, table_of
from kiosk.store.sessions import ES, NOT_COUNTED

__all__ = ["day_start", "keep_daily_counts", "local_day"]

_DC = table_of(DailyCount)
_ITEMS = table_of(SubmissionItem)
_RESIDENT = table_of(Resident)
_HOUSEHOLD = table_of(Household)
_STATION = table_of(Station)


def local_day(moment: datetime, at: datetime) -> date:
    """The day ``moment`` falls on in the zone of ``at`` (the kiosk's local time)."""
    return moment.astimezone(at.tzinfo or UTC).date()


def day_start(day: date, at: datetime) -> datetime:
    """Midnight at the start of ``day`` in the zone of ``at``."""
    return datetime.combine(day, time(0), tzinfo=at.tzinfo or UTC)


def _grouped(
    conn: Connection, where: ColumnElement[bool], home: str
) -> list[tuple[str, str | None, str]]:
    """(id, resident ID number, residential group) of the submissions ``where`` selects."""
    query = (
        select(
            S.c.id, S.c.resident_id_number, _HOUSEHOLD.c.residential_group, ES.c.residential_group
        )
        .select_from(S)
        .outerjoin(_RESIDENT, _RESIDENT.c.id_number == S.c.resident_id_number)
        .outerjoin(_HOUSEHOLD, _HOUSEHOLD.c.id == _RESIDENT.c.household_id)
        .outerjoin(ES, ES.c.id == S.c.session_id)
        .where(where, S.c.training.is_(False))
    )
    return [(str(i), n, roster or session or home) for i, n, roster, session in conn.execute(query)]


def _day_counts(
    conn: Connection, start: datetime, end: datetime, home: str
) -> dict[tuple[str, str], int]:
    """``{(group, measure): count}`` of the day between ``start`` and ``end``."""
    counts: defaultdict[tuple[str, str], int] = defaultdict(int)
    served = _grouped(
        conn,
        (S.c.captured_at >= start) & (S.c.captured_at < end) & S.c.status.not_in(NOT_COUNTED),
        home,
    )
    residents: defaultdict[str, set[str]] = defaultdict(set)
    group_of: dict[str, str] = {}
    for sub_id, id_number, group in served:
        counts[group, "submissions"] += 1
        residents[group].add(id_number or sub_id)
        group_of[sub_id] = group
    for group, people in residents.items():
        counts[group, "residents"] = len(people)
    ids = sorted(group_of)
    for first in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
        query = select(_ITEMS.c.submission_id, _ITEMS.c.kind, _ITEMS.c.answer).where(
            _ITEMS.c.submission_id.in_(ids[first : first + 500])
        )
        for sub_id, kind, answer in conn.execute(query):
            counts[group_of[sub_id], f"{kind}.{answer}"] += 1
    refused = (S.c.status == "discarded") & (S.c.discard_reason == "refused")
    for _sub_id, _id_number, group in _grouped(
        conn, refused & (S.c.status_at >= start) & (S.c.status_at < end), home
    ):
        counts[group, "refusals"] += 1
    return counts


def keep_daily_counts(session: Session | Connection, days: Iterable[date], *, at: datetime) -> int:
    """Write the counts of each of ``days`` (local days, in the zone of ``at``) not kept yet;
    how many days were written."""
    conn = connection(session)
    home = conn.execute(select(_STATION.c.home_group).where(_STATION.c.slot == 1)).scalar() or ""
    written = 0
    for day in sorted(set(days)):
        if conn.execute(select(_DC.c.id).where(_DC.c.day == day).limit(1)).first() is not None:
            continue
        start = day_start(day, at)
        counts = _day_counts(conn, start, start + timedelta(days=1), home)
        rows = [
            {"day": day, "residential_group": group, "measure": measure, "count": n, "kept_at": at}
            for (group, measure), n in sorted(counts.items())
        ]
        if rows:
            conn.execute(insert(_DC), rows)
            written += 1
    return written
