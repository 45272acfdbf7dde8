"""Retention: personal data of sent submissions goes after N days; counts and references stay.

DESIGN.md §4 — a sent submission is at the server, so the kiosk keeps only what the daily report
needs: reference code, status, times, vehicle and licence counts and the item answers, and the
day's counts per residential group (:mod:`kiosk.store.daily_counts`), written first.  A purged
submission cannot be sent again, so it goes only once its evening session was reconciled after
it was sent (the server confirmed it holds it); until then it waits.  Submissions made before
sessions existed (no session) go after the period alone.  A draft nobody came back to within
the same period is discarded as ``expired``, erasing what it held.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import Connection, or_, select, update
from sqlalchemy.orm import Session

from kiosk.store.audit import append_event
from kiosk.store.daily_counts import keep_daily_counts, local_day
from kiosk.store.lifecycle import connection
from kiosk.store.models import EveningSession, Submission, SubmissionItem
from kiosk.store.submissions import discard

__all__ = ["expire_drafts", "purge_sent"]


def purge_sent(session: Session, *, at: datetime, days: int = 7) -> int:
    """Drop payload, frozen bytes, ID number and item labels of submissions sent > ``days`` ago
    whose session was reconciled since; the days they were captured on are counted first."""
    if days < 1:
        raise ValueError("the retention period is at least one day")
    cutoff = at - timedelta(days=days)
    reconciled = (
        select(EveningSession.id)
        .where(
            EveningSession.id == Submission.session_id,
            EveningSession.reconciled_at >= Submission.sent_at,
        )
        .exists()
    )
    rows = session.execute(
        select(Submission.id, Submission.captured_at).where(
            Submission.status == "sent",
            Submission.sent_at < cutoff,
            Submission.purged_at.is_(None),
            or_(Submission.session_id.is_(None), reconciled),
        )
    ).all()
    if not rows:
        return 0
    ids = [sub_id for sub_id, _ in rows]
    keep_daily_counts(session, {local_day(c, at) for _, c in rows if c is not None}, at=at)
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


def expire_drafts(session: Session | Connection, *, at: datetime, days: int) -> int:
    """Discard (reason ``expired``) every draft last saved more than ``days`` ago.

    Each goes through :func:`kiosk.store.submissions.discard` (its payload, items and ID number
    erased, one audit event each, by the system); one ``retention.drafts`` event sums them up.
    """
    if days < 1:
        raise ValueError("the retention period is at least one day")
    cutoff = at - timedelta(days=days)
    conn = connection(session)
    ids = list(
        conn.scalars(
            select(Submission.id)
            .where(Submission.status == "draft", Submission.status_at < cutoff)
            .order_by(Submission.status_at, Submission.id)
        )
    )
    for sub_id in ids:
        discard(conn, sub_id, at=at, actor=None, reason="expired")
    if isinstance(session, Session):
        session.expire_all()
    if ids:
        append_event(
            conn,
            at=at,
            actor=None,
            action="retention.drafts",
            details={"submissions": len(ids), "days": days},
        )
    return len(ids)
