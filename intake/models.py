"""The intake server's tables (SQLAlchemy 2.x typed models); Alembic migrations create them.

Registry rows (households, residents, vehicles, licences) carry a change sequence ``seq`` taken from
the ward's ``roster_clock`` in the same transaction as the change, so a roster cursor can ask for
"everything after N" on SQLite and PostgreSQL alike and across replicas.  Removals are tombstones
(``removed``) so that a later pass can report them.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with a naming convention, so migrations name constraints the same way."""

    metadata = MetaData(naming_convention=NAMING)


class ServerKey(Base):
    """The server's key pairs, each created once: row 1 X25519 (kiosks encrypt export files to
    it), row 2 Ed25519 (signs what kiosks check: audit heads).  Both keys are raw 32 bytes."""

    __tablename__ = "server_key"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    private_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    public_key: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class EnrolCode(Base):
    """A one-time, expiring enrolment code issued by an officer; only its SHA-256 is kept."""

    __tablename__ = "enrol_code"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    ward: Mapped[str] = mapped_column(String(100))
    group_name: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    station_id: Mapped[str | None] = mapped_column(String(40))


class Station(Base):
    """An enrolled kiosk: its ward and home group, signing key, and the hash of its token."""

    __tablename__ = "station"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    ward: Mapped[str] = mapped_column(String(100))
    group_name: Mapped[str] = mapped_column(String(100))
    signing_key: Mapped[str] = mapped_column(String(64))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class StationAuditHead(Base):
    """An audit head (row count and last hash) a station reported; the server signed it back.

    One hash per station and row: the same row reported again with another hash means the
    station's audit history was rewritten, and is refused.
    """

    __tablename__ = "audit_head"

    station_id: Mapped[str] = mapped_column(ForeignKey("station.id"), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    hash: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class RosterClock(Base):
    """A ward's change counter: bumped (row-locked) by every transaction that changes its registry."""

    __tablename__ = "roster_clock"

    ward: Mapped[str] = mapped_column(String(100), primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)


class Household(Base):
    """A household of a ward's registry, in a residential group."""

    __tablename__ = "household"
    __table_args__ = (Index("ix_household_ward_seq_id", "ward", "seq", "id"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    ward: Mapped[str] = mapped_column(String(100))
    group_name: Mapped[str] = mapped_column(String(100))
    address: Mapped[str] = mapped_column(String(500))
    seq: Mapped[int] = mapped_column(BigInteger)
    removed: Mapped[bool] = mapped_column(Boolean, default=False)


class Resident(Base):
    """A resident on file; ``cleaned_*`` says when and where a submission of theirs was accepted."""

    __tablename__ = "resident"

    id_number: Mapped[str] = mapped_column(String(12), primary_key=True)
    household_id: Mapped[str] = mapped_column(ForeignKey("household.id"), index=True)
    full_name: Mapped[str] = mapped_column(String(100))
    birth_date: Mapped[date] = mapped_column(Date)
    sex: Mapped[str] = mapped_column(String(6))
    phone: Mapped[str | None] = mapped_column(String(20))
    cleaned_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    cleaned_station: Mapped[str | None] = mapped_column(String(40))
    seq: Mapped[int] = mapped_column(BigInteger)
    removed: Mapped[bool] = mapped_column(Boolean, default=False)


class Vehicle(Base):
    """A vehicle on file for a resident; ``owner_*`` is the registered owner when not the resident."""

    __tablename__ = "vehicle"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    resident_id_number: Mapped[str] = mapped_column(ForeignKey("resident.id_number"), index=True)
    plate: Mapped[str] = mapped_column(String(20))
    kind: Mapped[str] = mapped_column(String(20))
    brand: Mapped[str | None] = mapped_column(String(100))
    model: Mapped[str | None] = mapped_column(String(100))
    colour: Mapped[str | None] = mapped_column(String(100))
    chassis_number: Mapped[str | None] = mapped_column(String(40))
    engine_number: Mapped[str | None] = mapped_column(String(40))
    owner_name: Mapped[str | None] = mapped_column(String(100))
    owner_id_number: Mapped[str | None] = mapped_column(String(12))


class Licence(Base):
    """A driving licence on file for a resident."""

    __tablename__ = "licence"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    resident_id_number: Mapped[str] = mapped_column(ForeignKey("resident.id_number"), index=True)
    number: Mapped[str] = mapped_column(String(12))
    class_: Mapped[str] = mapped_column("class", String(4))
    scheme: Mapped[str] = mapped_column(String(4))
    issue_date: Mapped[date] = mapped_column(Date)
    expiry_date: Mapped[date | None] = mapped_column(Date)


class Submission(Base):
    """An accepted submission, stored as the canonical bytes it was received as.

    The id is the kiosk's idempotency key; the reference is unique per station.  ``repeat`` marks a
    resident's second and later accepted submissions; ``day`` and ``group_name`` feed the stats.
    """

    __tablename__ = "submission"
    __table_args__ = (
        UniqueConstraint("station_id", "reference", name="uq_submission_station_reference"),
        Index("ix_submission_ward_day", "ward", "day"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    station_id: Mapped[str] = mapped_column(ForeignKey("station.id"))
    reference: Mapped[str] = mapped_column(String(9))
    sha256: Mapped[str] = mapped_column(String(64))
    payload: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    session_id: Mapped[str | None] = mapped_column(String(36))
    resident_id_number: Mapped[str] = mapped_column(String(12), index=True)
    ward: Mapped[str] = mapped_column(String(100))
    group_name: Mapped[str] = mapped_column(String(100))
    day: Mapped[date] = mapped_column(Date)
    repeat: Mapped[bool] = mapped_column(Boolean, default=False)


class SessionClose(Base):
    """A station's evening session closed: when, and how many ids it reconciled and missed."""

    __tablename__ = "session_close"

    station_id: Mapped[str] = mapped_column(ForeignKey("station.id"), primary_key=True)
    session_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    closed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ids: Mapped[int] = mapped_column(Integer)
    missing: Mapped[int] = mapped_column(Integer)


class VisitOutcome(Base):
    """What happened at a household's door or at the desk, as a kiosk recorded it (DESIGN.md §5).

    ``arrival`` is the server's order of arrival: a number the ward's change counter gives, so it
    only grows and a roster cursor finds the household again after it.  Of two outcomes for one
    household or member, the later by arrival decides (kiosk clocks drift); both stay here.
    ``household_id`` is not a foreign key: an outcome for a household removed from the roster
    meanwhile is kept as history.  ``sha256`` is of the item as received, for idempotent replays.
    """

    __tablename__ = "visit_outcome"
    __table_args__ = (
        UniqueConstraint("ward", "arrival", name="uq_visit_outcome_ward_arrival"),
        Index("ix_visit_outcome_ward_household", "ward", "household_id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    station_id: Mapped[str] = mapped_column(ForeignKey("station.id"))
    ward: Mapped[str] = mapped_column(String(100))
    arrival: Mapped[int] = mapped_column(BigInteger)
    household_id: Mapped[str] = mapped_column(String(40))
    resident_id_number: Mapped[str | None] = mapped_column(String(12))
    outcome: Mapped[str] = mapped_column(String(16))
    come_back_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    recorded_by: Mapped[str] = mapped_column(String(100))
    session_id: Mapped[str | None] = mapped_column(String(36))
    sha256: Mapped[str] = mapped_column(String(64))
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class DailyTarget(Base):
    """How many residents a residential group of a ward should be served on a day.

    One row per ward, group and day: setting it again replaces the figure.  ``arrival`` is the
    server's order of arrival (the ward's change counter, as for visit outcomes), renewed with
    each change, so kiosks can ask for the targets changed after N and the later arrival decides.
    """

    __tablename__ = "daily_target"
    __table_args__ = (
        UniqueConstraint("ward", "group_name", "day", name="uq_daily_target_ward_group_day"),
        Index("ix_daily_target_ward_arrival", "ward", "arrival"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ward: Mapped[str] = mapped_column(String(100))
    group_name: Mapped[str] = mapped_column(String(100))
    day: Mapped[date] = mapped_column(Date)
    target: Mapped[int] = mapped_column(Integer)
    set_by: Mapped[str] = mapped_column(String(100))
    """Who set it: the officer's name on a kiosk, ``--by`` on the command line."""
    set_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    arrival: Mapped[int] = mapped_column(BigInteger)
    change_id: Mapped[str | None] = mapped_column(String(36))
    """The :class:`DailyTargetChange` that set it (null: set before changes were kept)."""
    station_id: Mapped[str | None] = mapped_column(String(40))
    """The kiosk it was set on; null: on the server (``kiosk-intake target set``)."""


class DailyTargetChange(Base):
    """Every change of a daily target the server took, from a kiosk or the command line: history.

    ``id`` is the change's idempotency key (a kiosk's, or a new one for the command line);
    ``sha256`` of the item as received (null for the command line's).  The change with the
    ward's latest ``arrival`` for a group and day is the one :class:`DailyTarget` holds.
    """

    __tablename__ = "daily_target_change"
    __table_args__ = (
        UniqueConstraint("ward", "arrival", name="uq_daily_target_change_ward_arrival"),
        Index("ix_daily_target_change_ward_group_day", "ward", "group_name", "day"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    ward: Mapped[str] = mapped_column(String(100))
    group_name: Mapped[str] = mapped_column(String(100))
    day: Mapped[date] = mapped_column(Date)
    target: Mapped[int] = mapped_column(Integer)
    set_by: Mapped[str] = mapped_column(String(100))
    set_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    station_id: Mapped[str | None] = mapped_column(String(40))
    sha256: Mapped[str | None] = mapped_column(String(64))
    arrival: Mapped[int] = mapped_column(BigInteger)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
