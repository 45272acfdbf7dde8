"""Retention: personal data of sent submissions goes after N days; counts and references stay.

DESIGN.md §4 — a sent submission is at the server, so the kiosk keeps only what the daily report
needs: reference code, status, times, vehicle and licence counts and the item answers.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from kiosk.store.audit import append_event
from kiosk.store.models import Submission, SubmissionItem

__all__ = ["purge_sent"]


def purge_sent(session: Session, *, at: datetime, days: int = 7) -> int:
    """Drop payload, frozen bytes, ID number and item labels of submissions sent > ``days`` ago."""
    if days < 1:
        raise ValueError("the retention period is at least one day")
    cutoff = at - timedelta(days=days)
    ids = list(
        session.scalars(
            select(Submission.id).where(
                Submission.status == "sent",
                Submission.sent_at < cutoff,
                Submission.purged_at.is_(None),
            )
        )
    )
    if not ids:
        return 0
    for start in range(0, len(ids), 500):  # stay under SQLite's bound-parameter limit
        chunk = ids[start : start + 500]
        session.execute(
            update(Submission)
            .where(Submission.id.in_(chunk))
            .values(payload=None, canonical=None, resident_id_number=None, purged_at=at)
            .execution_options(synchronize_session=False)
        )
        session.execute(
            update(SubmissionItem)
            .where(SubmissionItem.submission_id.in_(chunk))
            .values(label=None)
            .execution_options(synchronize_session=False)
        )
    session.expire_all()
    append_event(
        session,
        at=at,
        actor=None,
        action="retention.purge",
        details={"submissions": len(ids), "days": days},
    )
    return len(ids)
