"""A campaign's days in a kiosk's store, for the progress chart's tests and benchmark (issue 22).

Residential groups named as the demo ward's (``Tổ dân phố N``), each day of the campaign with
residents served and a target: days older than the retention period as the purge leaves them
(their counts kept in ``daily_count``, no submission left), the recent days as verified
submissions captured that day, each in an evening session of its group.  Targets every day but
one a week (none set on those days).  Synthetic throughout: generated ID numbers, no names.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from uuid import uuid4

from sqlalchemy import bindparam, insert, update

from kiosk.store import Store
from kiosk.store.models import DailyCount, DailyTarget, EveningSession, Submission, table_of
from tests.support.queue import CAPTURED, OFFICER, add_verified, ensure_operators

__all__ = ["add_campaign", "group_name"]


def group_name(n: int) -> str:
    """The ``n``-th residential group (from 1), as the demo ward names it."""
    return f"Tổ dân phố {n}"


def add_campaign(
    store: Store,
    *,
    today: date,
    at: datetime,
    days: int = 60,
    groups: int = 20,
    live_days: int = 7,
    most: int = 12,
    seed: int = 22,
    start: int = 100_000,
) -> None:
    """``days`` days up to ``today`` of ``groups`` groups: the last ``live_days`` live, the rest
    kept counts; up to ``most`` residents a group a day; times in the zone of ``at``.  ``start``
    numbers the submissions' references (clear of any the test made itself)."""
    rng = random.Random(seed)
    ensure_operators(store)
    names = [group_name(n) for n in range(1, groups + 1)]
    first = today - timedelta(days=days - 1)
    sessions = {name: str(uuid4()) for name in names}
    kept: list[dict[str, object]] = []
    live: list[tuple[date, str]] = []
    targets: list[dict[str, object]] = []
    synced = "change_id" in table_of(DailyTarget).c  # the targets sync's columns (issue 22)
    for n in range(days):
        day = first + timedelta(days=n)
        for name in names:
            served = rng.randint(0, most)
            if (today - day).days >= live_days:
                kept += [
                    {"day": day, "residential_group": name, "measure": measure, "count": count,
                     "kept_at": at}
                    for measure, count in (("residents", served), ("submissions", served),
                                           ("vehicle.confirmed", rng.randint(0, served)))
                    if count
                ]  # fmt: skip
            else:
                live += [(day, name)] * served
            if n % 7 != 6:
                target = {"day": day, "residential_group": name, "target": rng.randint(4, most),
                          "set_by": OFFICER, "set_at": at}  # fmt: skip
                if synced:
                    target |= {"set_by_name": "Officer", "change_id": str(uuid4())}
                targets.append(target)
    with store.transaction() as conn:
        conn.execute(
            insert(table_of(EveningSession)),
            [{"id": sid, "residential_group": name, "opened_at": CAPTURED, "opened_by": OFFICER}
             for name, sid in sessions.items()],
        )  # fmt: skip
        if kept:
            conn.execute(insert(table_of(DailyCount)), kept)
        conn.execute(insert(table_of(DailyTarget)), targets)
    ids = add_verified(store, len(live), start=start) if live else []
    table = table_of(Submission)
    moved = [
        {"sub_id": sub_id, "sid": sessions[name],
         "at": datetime.combine(day, time(19, 5), tzinfo=at.tzinfo) + timedelta(seconds=k)}
        for k, (sub_id, (day, name)) in enumerate(zip(ids, live, strict=True))
    ]  # fmt: skip
    if moved:
        with store.transaction() as conn:
            conn.execute(
                update(table)
                .where(table.c.id == bindparam("sub_id"))
                .values(session_id=bindparam("sid"), captured_at=bindparam("at")),
                moved,
            )
