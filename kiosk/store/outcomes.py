"""Visit outcomes: what happened at the door or the desk, for a household or one of its members.

An outcome is *absent*, *moved away*, *refused* or *come back* on a given day, with an optional
note, who recorded it and when.  Outcomes recorded here wait for the next sync (``sent_at``);
those of the ward's other kiosks arrive with the roster pages.  Of the outcomes about one subject
(a household, or one member of it), the **latest** decides: the one the server numbered last
(``arrival``), and after every numbered one, those not yet sent, by the time they were recorded
(kiosk clocks drift, so the server's order of arrival is the one that counts once known).  Every
outcome stays in the history.

Sync: :func:`pending_outcomes` are those to send (never a training station's), :func:`mark_sent`
keeps the numbers the server answered, and :func:`apply_roster_outcomes` keeps those a roster page
brings (the ward's, this kiosk's own among them), by id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import uuid4

from sqlalchemy import Connection, func, insert, literal, select, update
from sqlalchemy.dialects.sqlite import insert as upsert
from sqlalchemy.orm import Session

from kiosk.domain.text import CONTROL_CHARACTERS, normalize
from kiosk.exchange.protocol import MAX_NOTE, RosterOutcome
from kiosk.store.audit import append_event
from kiosk.store.lifecycle import connection
from kiosk.store.models import (
    FINAL_OUTCOMES,
    VISIT_OUTCOMES,
    Operator,
    Station,
    VisitOutcome,
    table_of,
)

__all__ = [
    "FINAL_OUTCOMES",
    "MAX_NOTE",
    "VISIT_OUTCOMES",
    "OutcomeRecord",
    "apply_roster_outcomes",
    "history",
    "latest_outcomes",
    "mark_sent",
    "pending_count",
    "pending_outcomes",
    "record_outcome",
]

VO = table_of(VisitOutcome)
_OP = table_of(Operator)
_ST = table_of(Station)
_CONTROL = re.compile(f"[{CONTROL_CHARACTERS}]")
_CHUNK = 500
Subject = tuple[str, str | None]
"""``(household id, member's ID number or None for the whole household)``."""


@dataclass(frozen=True)
class OutcomeRecord:
    """One outcome as the screens show it."""

    id: str
    household_id: str
    resident_id_number: str | None
    outcome: str
    come_back_on: date | None
    note: str | None
    recorded_at: datetime
    recorded_by: str
    station_id: str
    session_id: str | None
    sent_at: datetime | None
    arrival: int | None

    @property
    def final(self) -> bool:
        """Moved away or refused: nothing more will be asked of the member (or household)."""
        return self.outcome in FINAL_OUTCOMES


_COLUMNS = (
    VO.c.id, VO.c.household_id, VO.c.resident_id_number, VO.c.outcome, VO.c.come_back_on, VO.c.note,
    VO.c.recorded_at, VO.c.recorded_by, VO.c.station_id, VO.c.session_id, VO.c.sent_at, VO.c.arrival,
)  # fmt: skip
_LATEST_LAST = (VO.c.arrival.is_(None), VO.c.arrival, VO.c.recorded_at, VO.c.id)
"""The order in which outcomes about one subject happened: the last one decides."""


def _record(row: Sequence[Any]) -> OutcomeRecord:
    return OutcomeRecord(*row)


def record_outcome(
    session: Session | Connection,
    *,
    household_id: str,
    resident_id_number: str | None,
    outcome: str,
    come_back_on: date | None = None,
    note: str | None = None,
    actor: str,
    station_id: str,
    session_id: str | None,
    at: datetime,
) -> OutcomeRecord:
    """Record an outcome of this kiosk (audited ``outcome.record``: the kind, never the note).

    The note is kept on one line (whitespace runs collapsed, control characters dropped, as the
    protocol carries it) and may be :data:`MAX_NOTE` characters long.  A training station's
    outcomes are marked and never sent.
    """
    if outcome not in VISIT_OUTCOMES:
        raise ValueError(f"unknown outcome {outcome!r}")
    if (outcome == "come_back") != (come_back_on is not None):
        raise ValueError("a day to come back goes with 'come_back', and only with it")
    text = normalize(_CONTROL.sub(" ", note or "")) or None
    if text is not None and len(text) > MAX_NOTE:
        raise ValueError(f"a note is at most {MAX_NOTE} characters")
    conn = connection(session)
    name = conn.execute(select(_OP.c.name).where(_OP.c.id == actor)).scalar_one()
    training = bool(conn.execute(select(_ST.c.training).where(_ST.c.slot == 1)).scalar())
    outcome_id = str(uuid4())
    conn.execute(
        insert(VO).values(
            id=outcome_id, household_id=household_id, resident_id_number=resident_id_number,
            outcome=outcome, come_back_on=come_back_on, note=text, recorded_at=at,
            recorded_by=name, operator_id=actor, station_id=station_id, session_id=session_id,
            training=training,
        )
    )  # fmt: skip
    details = {"outcome": outcome}
    append_event(
        conn, at=at, actor=actor, action="outcome.record", subject=outcome_id, details=details
    )
    return _record(conn.execute(select(*_COLUMNS).where(VO.c.id == outcome_id)).one())


def history(session: Session | Connection, household_id: str) -> list[OutcomeRecord]:
    """Every outcome about a household and its members, the latest first."""
    rows = connection(session).execute(
        select(*_COLUMNS)
        .where(VO.c.household_id == household_id)
        .order_by(*(column.desc() for column in _LATEST_LAST))
    )
    return [_record(row) for row in rows]


def latest_outcomes(
    session: Session | Connection, household_ids: Iterable[str] | None = None
) -> dict[Subject, OutcomeRecord]:
    """The deciding outcome of each subject (of ``household_ids``, or of the whole ward)."""
    query = select(*_COLUMNS).order_by(*_LATEST_LAST)
    if household_ids is not None:
        query = query.where(VO.c.household_id.in_(list(household_ids)))
    latest: dict[Subject, OutcomeRecord] = {}
    for row in connection(session).execute(query):
        record = _record(row)
        latest[(record.household_id, record.resident_id_number)] = record  # later rows win
    return latest


def pending_outcomes(session: Session | Connection, limit: int = 100) -> list[OutcomeRecord]:
    """Outcomes recorded here that the server does not hold yet, oldest first (training ones
    never)."""
    rows = connection(session).execute(
        select(*_COLUMNS)
        .where(VO.c.sent_at.is_(None), VO.c.training.is_(False))
        .order_by(VO.c.recorded_at, VO.c.id)
        .limit(limit)
    )
    return [_record(row) for row in rows]


def pending_count(session: Session | Connection) -> int:
    """How many outcomes wait to be sent."""
    query = select(func.count()).where(VO.c.sent_at.is_(None), VO.c.training.is_(False))
    return int(connection(session).execute(query).scalar_one())


def mark_sent(session: Session | Connection, arrivals: Mapping[str, int], *, at: datetime) -> int:
    """The server holds these outcomes (accepted, or a replay): sent now, with its numbers."""
    conn = connection(session)
    sent = literal(at, VO.c.sent_at.type)  # typed, so the time is stored as UTC like the rest
    changed = 0
    for outcome_id, arrival in sorted(arrivals.items()):
        changed += conn.execute(
            update(VO)
            .where(VO.c.id == outcome_id)
            .values(arrival=arrival, sent_at=func.coalesce(VO.c.sent_at, sent))
        ).rowcount
    return changed


def apply_roster_outcomes(
    session: Session | Connection,
    outcomes: Sequence[tuple[str, RosterOutcome]],
    *,
    at: datetime,
) -> int:
    """Keep the outcomes of a roster page (``(household id, outcome)``) by id: another kiosk's
    are added as they are; one of this kiosk's takes its ``arrival`` (and ``sent_at``, now) from
    the page if it had none: the page is the server's word that it holds it."""
    if not outcomes:
        return 0
    rows = [
        {
            "id": o.id, "household_id": household, "resident_id_number": o.id_number,
            "outcome": o.outcome, "come_back_on": o.come_back_on, "note": o.note,
            "recorded_at": o.recorded_at, "recorded_by": o.recorded_by, "operator_id": None,
            "station_id": o.station_id, "session_id": None, "training": False, "sent_at": at,
            "arrival": o.arrival,
        }
        for household, o in outcomes
    ]  # fmt: skip
    conn = connection(session)
    for start in range(0, len(rows), _CHUNK):
        statement = upsert(VO)
        keep = {
            "arrival": func.coalesce(VO.c.arrival, statement.excluded.arrival),
            "sent_at": func.coalesce(VO.c.sent_at, statement.excluded.sent_at),
        }
        conn.execute(
            statement.on_conflict_do_update(index_elements=[VO.c.id], set_=keep),
            rows[start : start + _CHUNK],
        )
    return len(rows)
