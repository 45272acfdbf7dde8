"""Evening sessions: opened by an officer (or by the day's first capture), closed, reconciled.

A session is *open* until an officer closes it, then *closed, not reconciled* until the intake
server has confirmed it holds every submission the session sent (``reconciled_at``), which the
sync thread does as soon as the server answers.  A submission sent after its session's last
reconciliation is reconciled again by the nightly sweep (:func:`to_reconcile` with ``late``)
before the purge may erase it (:mod:`kiosk.store.retention`).  Each change is audited.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal
from uuid import uuid4

from sqlalchemy import (
    ColumnElement,
    Connection,
    Row,
    and_,
    case,
    exists,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Session

from kiosk.store.audit import append_event
from kiosk.store.errors import NotFound
from kiosk.store.lifecycle import S, connection
from kiosk.store.models import (
    EveningSession,
    Household,
    Operator,
    Resident,
    Station,
    SubmissionItem,
    table_of,
)

__all__ = [
    "NOT_COUNTED",
    "OperatorCount",
    "SessionClosed",
    "SessionFigures",
    "SessionRecord",
    "SessionSummary",
    "close_session",
    "figures",
    "get_session",
    "mark_reconciled",
    "open_session",
    "open_sessions",
    "session_for_capture",
    "summary",
    "take_over",
    "to_reconcile",
]

NOT_COUNTED = ("draft", "discarded", "superseded")
"""Statuses of submissions that serve nobody (yet, or any more): never counted."""
ES = table_of(EveningSession)
_ITEMS = table_of(SubmissionItem)
_COUNTED = S.c.status.not_in(NOT_COUNTED)
SessionState = Literal["open", "closed", "reconciled"]


class SessionClosed(Exception):
    """The session was closed already (by another officer, or a second tap)."""


@dataclass(frozen=True)
class SessionRecord:
    """One evening session as plain data."""

    id: str
    groups: tuple[str, ...]
    on_duty: tuple[str, ...]
    opened_at: datetime
    opened_by: str
    closed_at: datetime | None
    closed_by: str | None
    automatic: bool
    reconciled_at: datetime | None

    @property
    def state(self) -> SessionState:
        """``open``; ``closed`` (not reconciled yet); ``reconciled``."""
        if self.closed_at is None:
            return "open"
        return "closed" if self.reconciled_at is None else "reconciled"


@dataclass(frozen=True)
class SessionFigures:
    """Home's running figures of a session."""

    served: int
    """Distinct residents whose visit was captured (whatever became of it since)."""
    verified: int
    """Captures an officer approved."""
    uploaded: int
    """At the ward's server (sent)."""
    held: int
    """Set aside by the upload (the server kept failing on them)."""


@dataclass(frozen=True)
class OperatorCount:
    """What one operator did in a session: visits captured, captures verified."""

    name: str
    captured: int
    verified: int


@dataclass(frozen=True)
class SessionSummary:
    """What the officer reads before closing a session."""

    session: SessionRecord
    figures: SessionFigures
    vehicle_answers: dict[str, int]
    licence_answers: dict[str, int]
    households: int
    """Distinct roster households of the residents served."""
    refusals: int
    operators: tuple[OperatorCount, ...]


def _record(row: Row[Any]) -> SessionRecord:
    m = row._mapping
    groups = tuple(m["groups"] or ([m["residential_group"]] if m["residential_group"] else []))
    return SessionRecord(
        m["id"], groups, tuple(m["on_duty"] or ()), m["opened_at"], m["opened_by"],
        m["closed_at"], m["closed_by"], bool(m["automatic"]), m["reconciled_at"],
    )  # fmt: skip


def get_session(session: Session | Connection, session_id: str) -> SessionRecord:
    """The session, or :class:`NotFound`."""
    row = connection(session).execute(select(ES).where(ES.c.id == session_id)).first()
    if row is None:
        raise NotFound("no such evening session")
    return _record(row)


def open_sessions(session: Session | Connection) -> list[SessionRecord]:
    """Every session not closed yet, the newest first."""
    query = select(ES).where(ES.c.closed_at.is_(None)).order_by(ES.c.opened_at.desc(), ES.c.id)
    return [_record(row) for row in connection(session).execute(query)]


def open_session(
    session: Session | Connection,
    *,
    at: datetime,
    actor: str,
    groups: Sequence[str],
    on_duty: Sequence[str],
    automatic: bool = False,
) -> SessionRecord:
    """A new open session (audited ``session.open``: counts and groups, no names)."""
    conn = connection(session)
    session_id = str(uuid4())
    kept = list(dict.fromkeys(g for g in groups if g))
    duty = list(dict.fromkeys(on_duty))
    conn.execute(
        insert(ES).values(
            id=session_id, residential_group=kept[0] if kept else "", groups=kept, on_duty=duty,
            opened_at=at, opened_by=actor, automatic=automatic,
        )
    )  # fmt: skip
    details = {"groups": kept, "on_duty": len(duty), "automatic": automatic}
    append_event(
        conn, at=at, actor=actor, action="session.open", subject=session_id, details=details
    )
    return get_session(conn, session_id)


def take_over(
    session: Session | Connection,
    session_id: str,
    *,
    at: datetime,
    actor: str,
    groups: Sequence[str],
    on_duty: Sequence[str],
) -> SessionRecord:
    """An officer takes over a session the day's first capture opened: their groups, the
    operators on duty added to those already working (audited ``session.take_over``)."""
    conn = connection(session)
    record = get_session(conn, session_id)
    if record.closed_at is not None:
        raise SessionClosed("this evening session is closed already")
    kept = list(dict.fromkeys(g for g in groups if g)) or list(record.groups)
    duty = list(dict.fromkeys([*record.on_duty, *on_duty]))
    conn.execute(
        update(ES).where(ES.c.id == session_id).values(
            residential_group=kept[0] if kept else "", groups=kept, on_duty=duty, automatic=False
        )
    )  # fmt: skip
    details = {"groups": kept, "on_duty": len(duty)}
    append_event(
        conn, at=at, actor=actor, action="session.take_over", subject=session_id, details=details
    )
    return get_session(conn, session_id)


def session_for_capture(
    session: Session | Connection, *, at: datetime, day_start: datetime, actor: str
) -> str:
    """The session a new capture belongs to: the newest one open since ``day_start`` (today's),
    else one opened now for the day, automatically, by ``actor`` for the station's home group."""
    conn = connection(session)
    query = (
        select(ES.c.id)
        .where(ES.c.closed_at.is_(None), ES.c.opened_at >= day_start)
        .order_by(ES.c.opened_at.desc(), ES.c.id)
        .limit(1)
    )
    found = conn.execute(query).scalar()
    if found is not None:
        return str(found)
    station = table_of(Station)
    group = conn.execute(select(station.c.home_group).where(station.c.slot == 1)).scalar()
    record = open_session(
        conn, at=at, actor=actor, groups=[group] if group else [], on_duty=[actor], automatic=True
    )
    return record.id


def close_session(
    session: Session | Connection, session_id: str, *, at: datetime, actor: str
) -> SessionRecord:
    """open -> closed (not reconciled yet); audited ``session.close`` with the session's figures."""
    conn = connection(session)
    record = get_session(conn, session_id)
    if record.closed_at is not None:
        raise SessionClosed("this evening session is closed already")
    conn.execute(
        update(ES).where(ES.c.id == session_id).values(closed_at=max(at, record.opened_at),
                                                       closed_by=actor)
    )  # fmt: skip
    append_event(
        conn, at=at, actor=actor, action="session.close", subject=session_id,
        details=vars(figures(conn, session_id)),
    )  # fmt: skip
    return get_session(conn, session_id)


def mark_reconciled(session: Session | Connection, session_id: str, *, at: datetime) -> None:
    """The server confirmed it holds what the session sent, as of ``at``."""
    connection(session).execute(update(ES).where(ES.c.id == session_id).values(reconciled_at=at))


def to_reconcile(session: Session | Connection, *, late: bool = False) -> list[str]:
    """Closed sessions never reconciled, oldest first; with ``late``, also those with a
    submission sent after their last reconciliation (the nightly sweep)."""
    pending: ColumnElement[bool] = ES.c.reconciled_at.is_(None)
    if late:
        sent_after = exists().where(
            S.c.session_id == ES.c.id, S.c.status == "sent", S.c.purged_at.is_(None),
            S.c.sent_at > ES.c.reconciled_at,
        )  # fmt: skip
        pending = pending | sent_after
    query = select(ES.c.id).where(ES.c.closed_at.is_not(None), pending)
    rows = connection(session).execute(query.order_by(ES.c.closed_at, ES.c.id))
    return [str(i) for i in rows.scalars()]


def figures(session: Session | Connection, session_id: str) -> SessionFigures:
    """Residents served, verified, uploaded and held in the session."""
    mine = and_(S.c.session_id == session_id, _COUNTED)
    query = select(
        func.count(func.distinct(S.c.resident_id_number)),
        func.count(S.c.verified_at),
        func.count(case((S.c.status == "sent", 1))),
        func.count(case((S.c.status == "held", 1))),
    ).where(mine)
    served, verified, uploaded, held = connection(session).execute(query).one()
    return SessionFigures(int(served), int(verified), int(uploaded), int(held))


def summary(session: Session | Connection, session_id: str) -> SessionSummary:
    """The session's figures, answers by type, households covered, refusals, per operator."""
    conn = connection(session)
    record = get_session(conn, session_id)
    mine = and_(S.c.session_id == session_id, _COUNTED)
    answers: dict[str, Counter[str]] = {"vehicle": Counter(), "licence": Counter()}
    items = (
        select(_ITEMS.c.kind, _ITEMS.c.answer, func.count())
        .join(S, S.c.id == _ITEMS.c.submission_id)
        .where(mine)
        .group_by(_ITEMS.c.kind, _ITEMS.c.answer)
    )
    for kind, answer, n in conn.execute(items):
        answers[kind][answer] += int(n)
    resident, household = table_of(Resident), table_of(Household)
    households = conn.execute(
        select(func.count(func.distinct(household.c.id)))
        .select_from(S.join(resident, resident.c.id_number == S.c.resident_id_number))
        .join(household, household.c.id == resident.c.household_id)
        .where(mine)
    ).scalar()
    refusals = conn.execute(
        select(func.count()).where(
            S.c.session_id == session_id, S.c.status == "discarded",
            S.c.discard_reason == "refused",
        )
    ).scalar()  # fmt: skip
    people: dict[str, list[int]] = {}
    for column, index in ((S.c.captured_by, 0), (S.c.verified_by, 1)):
        rows = conn.execute(
            select(column, func.count()).where(mine, column.is_not(None)).group_by(column)
        )
        for operator_id, n in rows:
            people.setdefault(str(operator_id), [0, 0])[index] = int(n)
    op = table_of(Operator)
    named = conn.execute(select(op.c.id, op.c.name).where(op.c.id.in_(list(people))))
    names = {str(i): str(name) for i, name in named}
    per_operator = sorted(
        (OperatorCount(names.get(i, "?"), c, v) for i, (c, v) in people.items()),
        key=lambda o: o.name,
    )
    return SessionSummary(
        record, figures(conn, session_id), dict(answers["vehicle"]), dict(answers["licence"]),
        int(households or 0), int(refusals or 0), tuple(per_operator),
    )  # fmt: skip
