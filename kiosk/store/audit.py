"""The append-only, hash-chained audit log (DESIGN.md §6: who did what, and proof nobody edited it).

Each row's ``hash`` is SHA-256 over the previous row's hash and the row's own canonical content
(sequence number included, so rows cannot be reordered).  ``audit_head`` holds the row count and
the last hash and moves in the same transaction as each append: deleting the last row, which
leaves a perfectly consistent shorter chain, still shows.  Without a secret this is tamper
*evidence* against edits through SQL, not proof against someone rewriting the whole chain.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from kiosk.domain.masking import mask_id_number
from kiosk.store.models import AuditEvent, AuditHead

__all__ = [
    "GENESIS",
    "AppendedEvent",
    "AuditProblem",
    "AuditReport",
    "append_event",
    "current_head",
    "event_hash",
    "sanitize_details",
    "verify_audit_chain",
]

GENESIS = "0" * 64
SYSTEM = "system"
# ID numbers (9 or 12 digits) and phone numbers (10) standing alone; not digits inside hashes.
_DIGIT_RUN = re.compile(r"(?<![0-9A-Za-z])[0-9]{9,}(?![0-9A-Za-z])")


def _mask_text(text: str) -> str:
    """Mask every run of nine or more digits: details never carry a full ID or phone number."""
    return _DIGIT_RUN.sub(lambda m: mask_id_number(m.group(0)), text)


def sanitize_details(details: Any) -> Any:
    """Details with every long digit run masked, recursively (a safety net under the callers)."""
    if isinstance(details, str):
        return _mask_text(details)
    if isinstance(details, Mapping):
        return {str(k): sanitize_details(v) for k, v in details.items()}
    if isinstance(details, list | tuple):
        return [sanitize_details(v) for v in details]
    if details is None or isinstance(details, bool | int | float):
        return details
    return _mask_text(str(details))


def _stamp(at: datetime) -> str:
    """A fixed text form of the time, part of the hashed content."""
    if at.tzinfo is None:
        raise ValueError("audit times must be timezone-aware")
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def event_hash(
    prev_hash: str, seq: int, at: str, actor: str, action: str, subject: str | None, details: str
) -> str:
    """SHA-256 (hex) of the previous hash followed by this row's canonical content."""
    content = json.dumps(
        [seq, at, actor, action, subject, details], ensure_ascii=False, separators=(",", ":")
    )
    return hashlib.sha256((prev_hash + content).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AppendedEvent:
    """The row :func:`append_event` wrote."""

    seq: int
    at: str
    actor: str
    action: str
    subject: str | None
    details: str
    prev_hash: str
    hash: str


_HEAD = "SELECT count, head_hash FROM audit_head WHERE slot = 1"
_NEW_HEAD = "INSERT INTO audit_head (slot, count, head_hash) VALUES (1, 0, ?)"
_NEW_EVENT = (
    "INSERT INTO audit_event (seq, at, actor, action, subject, details, prev_hash, hash) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_MOVE_HEAD = "UPDATE audit_head SET count = ?, head_hash = ? WHERE slot = 1"


def _driver(session: Session | Connection) -> Any:
    """The DB-API connection under a unit of work, inside its transaction.

    Every value of an audit row is text or an integer, so the row goes to the driver directly:
    this runs with every change and every lookup, and SQLAlchemy's per-statement work would be
    most of its cost.
    """
    conn = session.connection() if isinstance(session, Session) else session
    driver = conn.connection.driver_connection
    assert driver is not None
    return driver


def append_event(
    session: Session | Connection,
    *,
    at: datetime,
    actor: str | None,
    action: str,
    subject: str | None = None,
    details: Mapping[str, Any] | None = None,
) -> AppendedEvent:
    """Append one event in the caller's (write) transaction, so it commits with the change."""
    db = _driver(session)
    head = db.execute(_HEAD).fetchone()
    if head is None:
        count, prev = 0, GENESIS
        db.execute(_NEW_HEAD, (GENESIS,))
    else:
        count, prev = head
    text = json.dumps(
        sanitize_details(dict(details or {})),
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    seq = count + 1
    stamp = _stamp(at)
    who = actor or SYSTEM
    digest = event_hash(prev, seq, stamp, who, action, subject, text)
    event = AppendedEvent(seq, stamp, who, action, subject, text, prev, digest)
    db.execute(_NEW_EVENT, (seq, stamp, who, action, subject, text, prev, digest))
    db.execute(_MOVE_HEAD, (seq, digest))
    return event


def current_head(session: Session | Connection) -> tuple[int, str]:
    """The chain's head as recorded: its row count (the last row's ``seq``) and last hash."""
    head = session.execute(select(AuditHead.count, AuditHead.head_hash)).first()
    return (0, GENESIS) if head is None else (head[0], head[1])


ProblemKind = Literal["edited", "inserted", "deleted", "head"]


@dataclass(frozen=True)
class AuditProblem:
    """One finding: which row (sequence number) and what happened to it."""

    seq: int
    kind: ProblemKind
    message: str


@dataclass(frozen=True)
class AuditReport:
    """Result of :func:`verify_audit_chain`; ``ok`` when no problem was found."""

    rows: int
    problems: tuple[AuditProblem, ...]

    @property
    def ok(self) -> bool:
        """True when the chain is intact."""
        return not self.problems

    def kinds(self) -> set[str]:
        """The kinds of problems found (for tests and summaries)."""
        return {p.kind for p in self.problems}


def _check_rows(rows: Iterable[Any], head_count: int) -> tuple[list[AuditProblem], int, str]:
    """Walk the chain in order; returns problems, rows seen and the last good hash."""
    problems: list[AuditProblem] = []
    prev = GENESIS
    expected = 1
    seen = 0
    flagged_before = False  # the previous row already explains a broken link
    for seq, at, actor, action, subject, details, prev_hash, digest in rows:
        seen += 1
        if seq > head_count:
            problems.append(AuditProblem(seq, "inserted", f"row {seq} is past the chain's head"))
            flagged_before = True
            prev = digest
            continue
        gap = seq > expected
        if gap:
            first, last = expected, seq - 1
            span = str(first) if first == last else f"{first}-{last}"
            problems.append(AuditProblem(first, "deleted", f"row(s) {span} are missing"))
        own = event_hash(prev_hash, seq, at, actor, action, subject, details) == digest
        if not own:
            problems.append(AuditProblem(seq, "edited", f"row {seq} does not match its hash"))
        elif prev_hash != prev and not gap and not flagged_before:
            where = seq - 1
            if where >= 1:
                message = f"row {where} was changed (row {seq} no longer links to it)"
                problems.append(AuditProblem(where, "edited", message))
            else:
                problems.append(
                    AuditProblem(seq, "edited", "the first row does not start the chain")
                )
        flagged_before = not own
        prev = digest
        expected = seq + 1
    return problems, seen, prev


def verify_audit_chain(session: Session) -> AuditReport:
    """Check every audit row and the head; report edited, inserted and deleted rows."""
    head = session.execute(select(AuditHead.count, AuditHead.head_hash)).first()
    rows = session.execute(
        select(
            AuditEvent.seq,
            AuditEvent.at,
            AuditEvent.actor,
            AuditEvent.action,
            AuditEvent.subject,
            AuditEvent.details,
            AuditEvent.prev_hash,
            AuditEvent.hash,
        )
        .order_by(AuditEvent.seq)
        .execution_options(yield_per=2000)
    )
    head_count, head_hash = (head[0], head[1]) if head is not None else (0, GENESIS)
    problems, seen, _ = _check_rows(rows, head_count)
    if head is None and seen:
        problems.append(AuditProblem(1, "head", "the chain's head record is missing"))
    last_in_chain = session.execute(
        select(AuditEvent.seq, AuditEvent.hash)
        .where(AuditEvent.seq <= head_count)
        .order_by(AuditEvent.seq.desc())
        .limit(1)
    ).first()
    last_seq = last_in_chain[0] if last_in_chain is not None else 0
    if head is not None and last_seq < head_count:
        first = last_seq + 1
        span = str(first) if first == head_count else f"{first}-{head_count}"
        problems.append(AuditProblem(first, "deleted", f"row(s) {span} at the end are missing"))
    elif last_in_chain is not None and last_in_chain[1] != head_hash:
        message = f"row {last_seq} does not match the chain's head"
        problems.append(AuditProblem(last_seq, "edited", message))
    return AuditReport(rows=seen, problems=tuple(problems))
