"""Daily counts per residential group for a ward: residents once, however many submissions.

A submission counts for the day it was captured (in Vietnam) and for the resident's residential
group on file, or the uploading station's home group when the resident is not on the ward's roster.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import Engine, func, select

from intake.models import Submission


def ward_stats(engine: Engine, ward: str, day: date | None) -> dict[str, Any]:
    """Counts for ``ward`` (protocol ``StatsResponse``): one day, or every day when ``day`` is None."""
    where = [Submission.ward == ward]
    if day is not None:
        where.append(Submission.day == day)
    residents = func.count(Submission.resident_id_number.distinct())
    submissions = func.count()
    with engine.connect() as conn:
        groups = conn.execute(
            select(
                Submission.day,
                Submission.group_name,
                residents.label("residents"),
                submissions.label("submissions"),
                func.count().filter(Submission.repeat.is_(True)).label("repeats"),
            )
            .where(*where)
            .group_by(Submission.day, Submission.group_name)
            .order_by(Submission.day, Submission.group_name)
        ).all()
        days = {
            row.day: (row.residents, row.submissions)
            for row in conn.execute(
                select(
                    Submission.day, residents.label("residents"), submissions.label("submissions")
                )
                .where(*where)
                .group_by(Submission.day)
            )
        }
        total = conn.execute(select(residents, submissions).where(*where)).one()
    by_day: dict[date, list[dict[str, Any]]] = defaultdict(list)
    for row in groups:
        by_day[row.day].append(
            {
                "group": row.group_name,
                "residents": row.residents,
                "submissions": row.submissions,
                "repeats": row.repeats,
            }
        )
    return {
        "ward": ward,
        "days": [
            {
                "date": when.isoformat(),
                "residents": days[when][0],
                "submissions": days[when][1],
                "groups": by_day[when],
            }
            for when in sorted(by_day)
        ],
        "total": {"residents": total[0], "submissions": total[1]},
    }
