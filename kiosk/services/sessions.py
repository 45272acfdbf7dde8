"""The evening session: an officer opens it (groups covered, who is on duty) and closes it.

Volunteers work under the open session: every capture carries its id
(:meth:`kiosk.services.capture.CaptureService.new_draft`, which opens one for the day when no
officer did).  Closing shows the officer a summary first; the reconciliation with the ward's
server is the network's part (``kiosk.sync.reconcile``), done by the window or, when the server
does not answer, by the sync thread later.  A session left open past midnight is offered for
closing at the next officer's sign-in (:meth:`SessionService.left_open`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from kiosk.services.base import Actor, Clock, require_role
from kiosk.store import Store
from kiosk.store import sessions as store_sessions
from kiosk.store.daily_counts import day_start
from kiosk.store.models import Household
from kiosk.store.sessions import SessionFigures, SessionRecord, SessionSummary
from kiosk.store.station import get_station

__all__ = [
    "SessionAlreadyOpen",
    "SessionFigures",
    "SessionRecord",
    "SessionService",
    "SessionStatus",
    "SessionSummary",
]


@dataclass(frozen=True)
class SessionStatus:
    """Home's evening-session card."""

    session: SessionRecord | None
    """The newest open session, or None."""
    figures: SessionFigures | None
    waiting: int
    """Closed sessions the ward's server has not confirmed yet (closed, not reconciled)."""


class SessionAlreadyOpen(Exception):
    """Today's evening session is open already: close it before opening another."""


class SessionService:
    """Open, follow and close evening sessions; opening and closing are for officers."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def groups(self) -> list[str]:
        """The residential groups an officer may pick: the station's home group first, then
        the roster's, in order."""
        with self._store.read() as session:
            station = get_station(session)
            roster = session.scalars(
                select(Household.residential_group).distinct().order_by(Household.residential_group)
            ).all()
        home = station.home_group if station is not None and station.home_group else None
        return list(dict.fromkeys([*([home] if home else []), *roster]))

    def current(self) -> SessionStatus:
        """The newest open session with its running figures, and how many closed sessions the
        server has not confirmed yet (Home)."""
        with self._store.reader() as conn:
            found = store_sessions.open_sessions(conn)
            waiting = len(store_sessions.to_reconcile(conn))
            if not found:
                return SessionStatus(None, None, waiting)
            return SessionStatus(found[0], store_sessions.figures(conn, found[0].id), waiting)

    def open(self, actor: Actor, groups: Sequence[str], on_duty: Sequence[str]) -> SessionRecord:
        """An officer opens today's session, or takes over the one the day's first capture
        opened; :class:`SessionAlreadyOpen` if an officer opened today's already."""
        require_role(actor, "open the evening session", "officer")
        at = self._clock()
        duty = list(dict.fromkeys([actor.operator_id, *on_duty]))
        with self._store.transaction() as conn:
            midnight = day_start(at.date(), at)
            today = [s for s in store_sessions.open_sessions(conn) if s.opened_at >= midnight]
            if today and not today[0].automatic:
                raise SessionAlreadyOpen("today's evening session is open already")
            if today:
                return store_sessions.take_over(
                    conn, today[0].id, at=at, actor=actor.operator_id, groups=groups, on_duty=duty
                )
            return store_sessions.open_session(
                conn, at=at, actor=actor.operator_id, groups=groups, on_duty=duty
            )

    def left_open(self, actor: Actor) -> list[SessionRecord]:
        """Sessions still open from an earlier day (past midnight), oldest first: an officer
        signing in is asked to close them."""
        require_role(actor, "close the evening session", "officer")
        at = self._clock()
        with self._store.reader() as conn:
            found = store_sessions.open_sessions(conn)
        return [s for s in reversed(found) if s.opened_at < day_start(at.date(), at)]

    def summary(self, actor: Actor, session_id: str) -> SessionSummary:
        """What the officer reads before closing (or after: the figures as they stand)."""
        require_role(actor, "close the evening session", "officer")
        with self._store.reader() as conn:
            return store_sessions.summary(conn, session_id)

    def close(self, actor: Actor, session_id: str) -> SessionRecord:
        """An officer closes the session: closed, not reconciled yet (the network's part)."""
        require_role(actor, "close the evening session", "officer")
        with self._store.transaction() as conn:
            return store_sessions.close_session(
                conn, session_id, at=self._clock(), actor=actor.operator_id
            )
