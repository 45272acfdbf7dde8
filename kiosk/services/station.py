"""The station: its name, training mode, what the settings screen shows of it, the day's counts
for Home.

It imports SQLAlchemy, so the UI imports it only on the database worker
(``kiosk.app.build_backend``), never before the first paint.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import and_, func, or_, select

from kiosk.domain.text import normalize
from kiosk.services.base import Actor, Clock, require_role
from kiosk.store import Store
from kiosk.store.daily_counts import day_start
from kiosk.store.models import DailyTarget, Submission
from kiosk.store.outbox import OFFICER_AFTER
from kiosk.store.sessions import NOT_COUNTED
from kiosk.store.station import get_station, set_name, set_training

WAITING_UPLOAD = ("verified", "held")
NEEDS_ATTENTION = or_(
    Submission.status.in_(("rejected", "conflict")),
    and_(Submission.status == "held", Submission.upload_failures >= OFFICER_AFTER),
)
"""What an officer must act on after the upload (training records never get there)."""
NAME_MAX = 100
"""The longest station name, in characters (what enrolment sends the server allows)."""


def clean_station_name(name: str) -> str:
    """``name`` as kept: NFC, trimmed, inner spaces collapsed; ValueError unless it is 1 to
    :data:`NAME_MAX` characters without control characters."""
    cleaned = normalize(name)
    if not cleaned or len(cleaned) > NAME_MAX:
        raise ValueError(f"a station name is 1 to {NAME_MAX} characters")
    if any(unicodedata.category(char) == "Cc" for char in cleaned):
        raise ValueError("a station name has no control characters")
    return cleaned


@dataclass(frozen=True)
class HomeCounts:
    """Home's figures for today: residents captured, waiting for an officer, waiting to be sent."""

    today: int
    target: int | None
    waiting_verification: int
    waiting_upload: int
    training: bool
    needs_attention: int = 0
    """Rejected, in conflict, or held for good: the officer's "needs attention" list
    (:meth:`kiosk.services.verify.VerifyService.attention`)."""


@dataclass(frozen=True)
class StationInfo:
    """What the settings screen shows about this station."""

    station_id: str
    enrolled: bool
    training: bool
    encrypted: bool
    server_url: str | None = None
    ward: str | None = None
    group: str | None = None
    name: str = ""
    """The community house's name, printed on receipts ("" until set)."""


@dataclass(frozen=True)
class QueueSummary:
    """The status area's local half: enrolled or not, records waiting, the last one sent."""

    enrolled: bool
    waiting_upload: int
    last_sent_at: datetime | None


def _day_bounds(day: date, clock: Clock) -> tuple[datetime, datetime]:
    """The local day ``day`` as a UTC interval (the store keeps UTC)."""
    start = day_start(day, clock())
    return start.astimezone(UTC), (start + timedelta(days=1)).astimezone(UTC)


class StationService:
    """The station's name, training mode and the day's counts, from the local database."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def training(self) -> bool:
        """Whether the station is in training mode."""
        with self._store.read() as session:
            station = get_station(session)
            return bool(station is not None and station.training)

    def set_training(self, actor: Actor, on: bool) -> bool:
        """An officer switches training mode (audited as a settings change); returns the new state."""
        require_role(actor, "change training mode", "officer")
        with self._store.write() as session:
            set_training(session, on=on, at=self._clock(), actor=actor.operator_id)
        return on

    def name(self) -> str:
        """The community house's name as receipts print it ("" until set)."""
        with self._store.read() as session:
            station = get_station(session)
            return "" if station is None else station.name

    def set_name(self, actor: Actor, name: str) -> str:
        """An officer names the station after its community house (audited as ``station.name``
        with the old and the new name: a place, not personal data); returns the name kept.
        ValueError for a blank, too long or control-character name (:func:`clean_station_name`)."""
        require_role(actor, "rename the station", "officer")
        cleaned = clean_station_name(name)
        with self._store.write() as session:
            set_name(session, name=cleaned, at=self._clock(), actor=actor.operator_id)
        return cleaned

    def info(self) -> StationInfo:
        """Identity and state of this station for the settings screen."""
        with self._store.read() as session:
            station = get_station(session)
            if (
                station is None
            ):  # open_store makes it; only a store opened without migrations lacks it
                raise RuntimeError("the station row is missing")
            return StationInfo(
                station.id,
                station.token is not None,
                station.training,
                self._store.encrypted,
                station.server_url,
                station.ward,
                station.home_group,
                station.name,
            )

    def summary(self) -> QueueSummary:
        """Enrolled or not, how many records wait to be sent, when the last one was sent."""
        with self._store.read() as session:
            station = get_station(session)
            waiting = session.scalar(
                select(func.count())
                .select_from(Submission)
                .where(Submission.status.in_(WAITING_UPLOAD), Submission.training.is_(False))
            )
            last_sent = session.scalar(
                select(func.max(Submission.status_at)).where(Submission.status == "sent")
            )
            enrolled = station is not None and station.token is not None
        return QueueSummary(enrolled, waiting or 0, last_sent)  # max() keeps the UTC type

    def home_counts(self, day: date | None = None) -> HomeCounts:
        """Residents captured on ``day`` (default today; counts count residents, not visits)."""
        day = day or self._clock().date()
        start, end = _day_bounds(day, self._clock)
        with self._store.read() as session:
            station = get_station(session)
            training = bool(station is not None and station.training)
            today = session.scalar(
                select(func.count(func.distinct(Submission.resident_id_number))).where(
                    Submission.captured_at >= start,
                    Submission.captured_at < end,
                    Submission.status.not_in(NOT_COUNTED),
                    Submission.training.is_(training),
                )
            )
            waiting_verification = session.scalar(
                select(func.count())
                .select_from(Submission)
                .where(Submission.status == "captured", Submission.training.is_(training))
            )
            waiting_upload = session.scalar(
                select(func.count())
                .select_from(Submission)
                .where(Submission.status.in_(WAITING_UPLOAD), Submission.training.is_(False))
            )
            needs_attention = session.scalar(
                select(func.count()).select_from(Submission).where(NEEDS_ATTENTION)
            )
            target = None
            group = station.home_group if station is not None else None
            if group:
                target = session.scalar(
                    select(DailyTarget.target).where(
                        DailyTarget.day == day, DailyTarget.residential_group == group
                    )
                )
        return HomeCounts(
            today or 0,
            target,
            waiting_verification or 0,
            waiting_upload or 0,
            training,
            needs_attention or 0,
        )
