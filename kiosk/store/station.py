"""This kiosk's one ``station`` row: created at first start with a local id until enrolment."""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy.orm import Session

from kiosk.store.audit import append_event
from kiosk.store.models import Station

__all__ = ["ensure_station", "get_station", "set_name", "set_training"]

LOCAL_PREFIX = "st-local-"


def get_station(session: Session) -> Station | None:
    """The station row, or None before the first start finished."""
    return session.query(Station).filter_by(slot=1).one_or_none()


def ensure_station(session: Session, *, at: datetime) -> Station:
    """The station row, created (with a local id, not enrolled) when missing."""
    station = get_station(session)
    if station is None:
        station = Station(id=LOCAL_PREFIX + secrets.token_hex(6), slot=1, created_at=at)
        session.add(station)
        session.flush()
        append_event(session, at=at, actor=None, action="station.create", subject=station.id)
    return station


def set_training(session: Session, *, on: bool, at: datetime, actor: str) -> None:
    """Switch training mode (a settings change: audited)."""
    station = ensure_station(session, at=at)
    if station.training != on:
        station.training = on
        details = {"training": on}
        append_event(
            session,
            at=at,
            actor=actor,
            action="settings.training",
            subject=station.id,
            details=details,
        )


def set_name(session: Session, *, name: str, at: datetime, actor: str) -> str:
    """Rename the station (a settings change: audited with the old and the new name); returns the
    name it had. ``name`` is checked by the caller (``kiosk.services.station``)."""
    station = ensure_station(session, at=at)
    old = station.name
    if old != name:
        station.name = name
        append_event(
            session,
            at=at,
            actor=actor,
            action="station.name",
            subject=station.id,
            details={"old": old, "new": name},
        )
    return old
