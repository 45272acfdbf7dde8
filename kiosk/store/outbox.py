"""The upload queue as the sync engine sees it: batches, counts, held submissions, manifests.

Status changes still go through :mod:`kiosk.store.uploads` and :func:`kiosk.store.lifecycle.move`;
this module only reads the queue, and releases a held submission back into it (DESIGN.md §5: a
submission set aside is retried once the rest of the queue is empty).  Training submissions are
never in any of these lists.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, and_, func, or_, select
from sqlalchemy.orm import Session

from kiosk.store.lifecycle import S, SubmissionRecord, connection, load, move
from kiosk.store.uploads import QueuedSubmission

__all__ = [
    "OFFICER_AFTER",
    "Batch",
    "QueueCounts",
    "frozen_submissions",
    "needing_officer",
    "next_batch",
    "queue_counts",
    "releasable_held",
    "release_held",
    "session_manifest",
    "unsent",
]

OFFICER_AFTER = 3
"""After this many lone failures (times held) the engine stops retrying and an officer sees it."""

_LIVE = S.c.training.is_(False)
_COUNTS = (
    select(S.c.status, func.count())
    .where(S.c.status.in_(("verified", "held")), _LIVE)
    .group_by(S.c.status)
)
_OFFICER = select(func.count()).where(
    S.c.status == "held", _LIVE, S.c.upload_failures >= OFFICER_AFTER
)
_FROZEN_COLUMNS = (S.c.id, S.c.reference, S.c.sha256, S.c.canonical)


@dataclass(frozen=True)
class QueueCounts:
    """What the screen shows: waiting to upload, set aside, and set aside for good (officer)."""

    queued: int
    held: int
    needs_officer: int


def queue_counts(session: Session | Connection) -> QueueCounts:
    """Counts of the upload queue (non-training only)."""
    conn = connection(session)
    by_status: dict[str, int] = {str(k): int(v) for k, v in conn.execute(_COUNTS)}
    officer = conn.execute(_OFFICER).scalar_one()
    return QueueCounts(by_status.get("verified", 0), by_status.get("held", 0), int(officer))


@dataclass(frozen=True)
class Batch:
    """The next submissions to send, and the queue position after them (for the batch after)."""

    items: list[QueuedSubmission]
    last: tuple[datetime, str] | None


_BATCH_COLUMNS = (S.c.id, S.c.reference, S.c.sha256, S.c.canonical, S.c.verified_at)
_READY = and_(S.c.status == "verified", _LIVE, S.c.canonical.is_not(None), S.c.sha256.is_not(None))


def next_batch(
    session: Session | Connection,
    *,
    max_items: int,
    max_bytes: int,
    after: tuple[datetime, str] | None = None,
) -> Batch:
    """The oldest verified submissions (after the position ``after``, when given): at most
    ``max_items`` and, beyond the first, at most ``max_bytes`` of frozen payload."""
    query = select(*_BATCH_COLUMNS).where(_READY)
    if after is not None:
        at, last_id = after
        query = query.where(
            or_(S.c.verified_at > at, and_(S.c.verified_at == at, S.c.id > last_id))
        )
    rows = connection(session).execute(query.order_by(S.c.verified_at, S.c.id).limit(max_items))
    items: list[QueuedSubmission] = []
    last: tuple[datetime, str] | None = None
    size = 0
    for sub_id, reference, digest, canonical, verified_at in rows:
        cost = len(canonical) + 200  # id, hash and JSON punctuation around each payload
        if items and size + cost > max_bytes:
            break
        items.append(QueuedSubmission(sub_id, reference, digest, canonical))
        last = (verified_at, sub_id)
        size += cost
    return Batch(items, last)


def releasable_held(session: Session | Connection, *, limit: int = 1000) -> list[str]:
    """Held submissions the engine may retry by itself (fewer than OFFICER_AFTER lone failures)."""
    query = (
        select(S.c.id)
        .where(S.c.status == "held", _LIVE, S.c.upload_failures < OFFICER_AFTER)
        .order_by(S.c.verified_at, S.c.id)
        .limit(limit)
    )
    return list(connection(session).execute(query).scalars())


def release_held(
    session: Session | Connection, submission_id: str, *, at: datetime
) -> SubmissionRecord:
    """held -> verified by the upload engine (no officer): the queue was otherwise empty."""
    record = load(session, submission_id)
    return move(session, record, "verified", at=at, actor=None, details={"retry": "automatic"})


def needing_officer(session: Session | Connection) -> list[SubmissionRecord]:
    """Held submissions the engine gave up on: an officer retries them or sends them back."""
    query = select(S.c.id).where(S.c.status == "held", _LIVE, S.c.upload_failures >= OFFICER_AFTER)
    ids = connection(session).execute(query.order_by(S.c.status_at, S.c.id)).scalars().all()
    return [load(session, i) for i in ids]


def unsent(session: Session | Connection) -> list[QueuedSubmission]:
    """Every frozen submission not yet at the server (verified or held), oldest first: the export."""
    query = (
        select(*_FROZEN_COLUMNS)
        .where(S.c.status.in_(("verified", "held")), _LIVE, S.c.canonical.is_not(None))
        .order_by(S.c.verified_at, S.c.id)
    )
    rows = connection(session).execute(query)
    return [QueuedSubmission(i, r, h, c) for i, r, h, c in rows]


def session_manifest(session: Session | Connection, session_id: str) -> dict[str, str]:
    """``{id: status}`` of an evening session's submissions that should be (or go) to the server."""
    query = select(S.c.id, S.c.status).where(
        S.c.session_id == session_id, _LIVE, S.c.status.in_(("sent", "verified", "held"))
    )
    rows = connection(session).execute(query.order_by(S.c.id))
    return {str(i): str(status) for i, status in rows}


def frozen_submissions(session: Session | Connection, ids: Sequence[str]) -> list[QueuedSubmission]:
    """The frozen bytes of these submissions (those still holding them: not purged), in id order."""
    found: list[QueuedSubmission] = []
    unique = sorted(set(ids))
    for start in range(0, len(unique), 500):  # stay under SQLite's bound-parameter limit
        chunk = unique[start : start + 500]
        query = select(*_FROZEN_COLUMNS).where(
            and_(S.c.id.in_(chunk), S.c.canonical.is_not(None), S.c.sha256.is_not(None))
        )
        rows = connection(session).execute(query.order_by(S.c.id))
        found += [QueuedSubmission(i, r, h, c) for i, r, h, c in rows]
    return found
