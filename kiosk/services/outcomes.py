"""Visit outcomes: what happened at a household's door or at the desk, recorded by either role.

An outcome belongs to the evening session as a capture does: today's open one, or one opened now
for the day when no officer opened any (:func:`kiosk.store.sessions.session_for_capture`).  It
waits for the next sync; the ward's other kiosks get it with the roster pages, and the server's
order of arrival decides between outcomes about one household or member (DESIGN.md §5).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import Connection, select

from kiosk.services.base import Actor, Clock, Role, require_role
from kiosk.store import Store, sessions
from kiosk.store.daily_counts import day_start
from kiosk.store.models import Station, table_of
from kiosk.store.outcomes import (
    FINAL_OUTCOMES,
    VISIT_OUTCOMES,
    OutcomeRecord,
    Subject,
    history,
    latest_outcomes,
    record_outcome,
)

__all__ = ["FINAL_OUTCOMES", "VISIT_OUTCOMES", "OutcomeRecord", "OutcomeService", "record_here"]

_ANYONE: tuple[Role, ...] = ("officer", "volunteer")
_ST = table_of(Station)


def record_here(
    conn: Connection,
    actor: Actor,
    *,
    household_id: str,
    id_number: str | None,
    outcome: str,
    come_back_on: date | None = None,
    note: str | None = None,
    session_id: str | None = None,
    clock: Clock,
) -> OutcomeRecord:
    """In the caller's transaction: an outcome of this station, in ``session_id`` (default:
    today's evening session, opened now if there is none yet, as for a capture)."""
    at = clock()
    if session_id is None:
        session_id = sessions.session_for_capture(
            conn, at=at, day_start=day_start(at.date(), at), actor=actor.operator_id
        )
    station_id = conn.execute(select(_ST.c.id).where(_ST.c.slot == 1)).scalar_one()
    return record_outcome(
        conn,
        household_id=household_id,
        resident_id_number=id_number,
        outcome=outcome,
        come_back_on=come_back_on,
        note=note,
        actor=actor.operator_id,
        station_id=station_id,
        session_id=session_id,
        at=at,
    )


class OutcomeService:
    """Record visit outcomes and read a household's history; both roles."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def record(
        self,
        actor: Actor,
        household_id: str,
        id_number: str | None,
        outcome: str,
        come_back_on: date | None = None,
        note: str | None = None,
    ) -> OutcomeRecord:
        """Record what happened for a household (``id_number`` None) or one member; audited
        with its kind only.  ``ValueError`` for an unknown kind, a day to come back without
        ``come_back`` (or the reverse), or a note too long."""
        require_role(actor, "record visit outcomes", *_ANYONE)
        with self._store.transaction() as conn:
            return record_here(
                conn,
                actor,
                household_id=household_id,
                id_number=id_number,
                outcome=outcome,
                come_back_on=come_back_on,
                note=note,
                clock=self._clock,
            )

    def history(self, household_id: str) -> list[OutcomeRecord]:
        """Every outcome about a household and its members, the deciding ones first."""
        with self._store.reader() as conn:
            return history(conn, household_id)

    def latest(self, household_ids: Iterable[str] | None = None) -> dict[Subject, OutcomeRecord]:
        """The deciding outcome of each household and member (of ``household_ids``, or all)."""
        with self._store.reader() as conn:
            return latest_outcomes(conn, household_ids)
