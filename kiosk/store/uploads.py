"""Upload outcomes: what the sync engine records for a verified submission, and its queue.

DESIGN.md §5: accepted or duplicate -> ``sent``; invalid -> ``rejected``; other content under the
same id -> ``conflict``; failing alone again and again -> ``held``.  Every change goes through
:func:`kiosk.store.lifecycle.move`; a training submission can never take any of these steps.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, bindparam, select
from sqlalchemy.orm import Session

from kiosk.store.lifecycle import S, SubmissionRecord, connection, load, move

__all__ = [
    "QueuedSubmission",
    "hold",
    "mark_conflict",
    "mark_rejected",
    "mark_sent",
    "ready_for_upload",
]

_QUEUE = (
    select(S.c.id, S.c.reference, S.c.sha256, S.c.canonical)
    .where(S.c.status == "verified", S.c.training.is_(False))
    .order_by(S.c.verified_at, S.c.id)
    .limit(bindparam("limit"))
)


@dataclass(frozen=True)
class QueuedSubmission:
    """What the upload engine needs of one verified submission: id, hash and frozen bytes."""

    id: str
    reference: str
    sha256: str
    canonical: bytes


def mark_sent(
    session: Session | Connection, submission_id: str, *, at: datetime, duplicate: bool = False
) -> SubmissionRecord:
    """verified -> sent: the server accepted it (or already had it: a replay)."""
    record = load(session, submission_id)
    values = {"sent_at": at, "last_error": None}
    return move(session, record, "sent", at=at, actor=None, values=values,
                details={"duplicate": duplicate})  # fmt: skip


def mark_rejected(
    session: Session | Connection,
    submission_id: str,
    *,
    at: datetime,
    errors: Sequence[Mapping[str, str]],
) -> SubmissionRecord:
    """verified -> rejected: the server found it invalid and stored nothing."""
    codes = sorted({str(e.get("code")) for e in errors})
    values = {"last_error": ",".join(codes)[:500]}
    record = load(session, submission_id)
    return move(session, record, "rejected", at=at, actor=None, values=values,
                details={"codes": codes})  # fmt: skip


def mark_conflict(
    session: Session | Connection, submission_id: str, *, at: datetime
) -> SubmissionRecord:
    """verified -> conflict: the server holds other content under this id."""
    return move(session, load(session, submission_id), "conflict", at=at, actor=None)


def hold(
    session: Session | Connection, submission_id: str, *, at: datetime, error: str
) -> SubmissionRecord:
    """verified -> held: it alone keeps failing at the server; set aside."""
    record = load(session, submission_id)
    values = {"last_error": error[:500], "upload_failures": record.upload_failures + 1}
    return move(session, record, "held", at=at, actor=None, values=values)


def ready_for_upload(session: Session | Connection, limit: int = 100) -> list[QueuedSubmission]:
    """Verified, non-training submissions, oldest verification first (the upload queue)."""
    rows = connection(session).execute(_QUEUE, {"limit": limit})
    return [QueuedSubmission(i, r, h, c) for i, r, h, c in rows if h is not None and c is not None]
