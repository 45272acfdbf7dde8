"""SQLAlchemy 2.x typed models for every table of DESIGN.md §4, with their rules in the database.

Unique keys, foreign keys and CHECK constraints hold even against code that bypasses the store;
the Alembic migrations in ``kiosk/store/migrations`` create exactly these tables (a test compares).
Times are stored as UTC and come back timezone-aware (:class:`UtcDateTime`).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any, ClassVar
from uuid import uuid4

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Dialect,
    ForeignKey,
    Index,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import DateTime, TypeDecorator

__all__ = [
    "DISCARD_REASONS",
    "FINAL_OUTCOMES",
    "LICENCE_ANSWERS",
    "ROLES",
    "STATUSES",
    "VEHICLE_ANSWERS",
    "VEHICLE_KINDS",
    "VISIT_OUTCOMES",
    "AuditAnchor",
    "AuditEvent",
    "AuditHead",
    "Base",
    "DailyCount",
    "DailyTarget",
    "EveningSession",
    "Household",
    "Operator",
    "RegistryLicence",
    "RegistryVehicle",
    "Resident",
    "Station",
    "Submission",
    "SubmissionItem",
    "UtcDateTime",
    "VisitOutcome",
    "table_of",
]

ROLES = ("officer", "volunteer")
STATUSES = (
    "draft",
    "captured",
    "returned",
    "discarded",
    "verified",
    "sent",
    "rejected",
    "conflict",
    "superseded",
    "held",
)
VEHICLE_KINDS = ("car", "motorbike", "electric_motorbike", "other")
VEHICLE_ANSWERS = (
    "confirmed",
    "updated",
    "sold",
    "transferred",
    "scrapped",
    "lost",
    "not_mine",
    "added",
)
LICENCE_ANSWERS = ("confirmed", "updated", "lost", "not_mine", "added")
DISCARD_REASONS = ("abandoned", "refused", "expired")
"""Why a draft was discarded: given up by the operator, refused by the resident, or too old."""
SCHEMES = ("2008", "2024")
VISIT_OUTCOMES = ("absent", "moved_away", "refused", "come_back")
FINAL_OUTCOMES = ("moved_away", "refused")
"""Outcomes that settle a member for the household's status: nothing more will be asked of them."""
FROZEN_STATUSES = ("verified", "sent", "rejected", "conflict", "superseded", "held")
"""Statuses whose payload is frozen: canonical bytes and hash must be present."""
UPLOAD_OUTCOMES = ("sent", "rejected", "conflict", "held", "superseded")
"""Statuses only an upload can lead to: never for a training submission."""


def _in(column: str, values: tuple[str, ...]) -> str:
    """SQL ``column IN ('a', 'b')`` for a CHECK constraint."""
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class UtcDateTime(TypeDecorator[datetime]):
    """Aware datetimes stored as naive UTC; naive input is refused so no local time sneaks in."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Convert to naive UTC for storage."""
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; pass an aware one")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        """Attach UTC to what comes back."""
        return None if value is None else value.replace(tzinfo=UTC)


def table_of(model: type[Base]) -> Table:
    """The Core table of a model, typed as one (for compiled Core statements on hot paths)."""
    table = model.__table__
    assert isinstance(table, Table)
    return table


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with a naming convention, so batch migrations can find every constraint."""

    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UtcDateTime, bytes: LargeBinary}


class Station(Base):
    """This kiosk (one row): enrolment, keys, training flag."""

    __tablename__ = "station"
    __table_args__ = (CheckConstraint("slot = 1", name="one_row"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    slot: Mapped[int] = mapped_column(default=1, unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    ward: Mapped[str | None] = mapped_column(String(200))
    home_group: Mapped[str | None] = mapped_column(String(200))
    token: Mapped[str | None] = mapped_column(String(200))
    server_public_key: Mapped[str | None] = mapped_column(String(200))
    server_signing_key: Mapped[str | None] = mapped_column(String(200))
    """The server's Ed25519 public key (base64), pinned at enrolment or at the first signed head."""
    signing_private_key: Mapped[bytes | None]
    signing_public_key: Mapped[bytes | None]
    training: Mapped[bool] = mapped_column(default=False)
    enrolled_at: Mapped[datetime | None]
    created_at: Mapped[datetime]
    server_url: Mapped[str | None] = mapped_column(String(500))
    roster_cursor: Mapped[str | None] = mapped_column(Text)
    roster_pass_started_at: Mapped[datetime | None]


class Operator(Base):
    """A volunteer or officer who signs in with a PIN (hash only; lockout state survives restarts)."""

    __tablename__ = "operator"
    __table_args__ = (
        CheckConstraint(_in("role", ROLES), name="role"),
        CheckConstraint("failed_attempts >= 0", name="failed_attempts"),
        CheckConstraint("length(pin_salt) >= 16", name="salt"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    pin_hash: Mapped[bytes]
    pin_salt: Mapped[bytes]
    pin_params: Mapped[str] = mapped_column(String(64))
    active: Mapped[bool] = mapped_column(default=True)
    must_change_pin: Mapped[bool] = mapped_column(default=False)
    failed_attempts: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime]
    created_by: Mapped[str | None] = mapped_column(ForeignKey("operator.id"))
    disabled_at: Mapped[datetime | None]


class EveningSession(Base):
    """One evening help session at the community house, opened and closed by an officer."""

    __tablename__ = "evening_session"
    __table_args__ = (
        CheckConstraint("closed_at IS NULL OR closed_at >= opened_at", name="closed_after_opened"),
        CheckConstraint("(closed_at IS NULL) = (closed_by IS NULL)", name="closed_by"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    residential_group: Mapped[str] = mapped_column(String(200))
    """The first residential group covered ("" when none is known: an automatic session)."""
    opened_at: Mapped[datetime]
    opened_by: Mapped[str] = mapped_column(ForeignKey("operator.id"))
    closed_at: Mapped[datetime | None]
    closed_by: Mapped[str | None] = mapped_column(ForeignKey("operator.id"))
    groups: Mapped[list[str] | None] = mapped_column(JSON(none_as_null=True))
    """Every residential group covered (names from the roster)."""
    on_duty: Mapped[list[str] | None] = mapped_column(JSON(none_as_null=True))
    """The ids of the operators on duty."""
    automatic: Mapped[bool] = mapped_column(default=False)
    """Opened by the day's first capture, not by an officer."""
    reconciled_at: Mapped[datetime | None]
    """When the server last confirmed it holds every submission sent in the session; one sent
    after this is reconciled again (the nightly sweep) before its personal data may go."""


class DailyTarget(Base):
    """How many residents a residential group should be served on a day: the figure in force.

    One row per day and group.  Set here by an officer (``set_by`` the operator, ``station_id``
    this kiosk's, ``sent_at`` None until the server holds it), or on another kiosk or the server
    (from ``GET /v1/targets``: ``set_by`` None).  ``change_id`` is the id of the change that set it
    (its idempotency key); ``arrival`` the server's order of arrival, None until numbered: the
    later arrival decides, and a change made here and not yet numbered wins until it is.
    """

    __tablename__ = "daily_target"
    __table_args__ = (
        UniqueConstraint("day", "residential_group"),
        CheckConstraint("target >= 0", name="target"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date]
    residential_group: Mapped[str] = mapped_column(String(200))
    target: Mapped[int]
    set_by: Mapped[str | None] = mapped_column(ForeignKey("operator.id"))
    """This kiosk's officer; None for a target set on another kiosk or on the server."""
    set_at: Mapped[datetime]
    set_by_name: Mapped[str] = mapped_column(String(100), default="")
    """The name of whoever set it (shown on every kiosk); :func:`kiosk.store.targets.set_target`
    always writes it."""
    change_id: Mapped[str] = mapped_column(String(36), unique=True, default=lambda: str(uuid4()))
    station_id: Mapped[str | None] = mapped_column(String(64))
    """The kiosk it was set on; None: on the server (``kiosk-intake target set``)."""
    training: Mapped[bool] = mapped_column(default=False)
    """Set in training mode: never sent."""
    sent_at: Mapped[datetime | None]
    arrival: Mapped[int | None] = mapped_column(index=True)


class DailyCount(Base):
    """A day's figure for a residential group, kept before the purge erases what it counts.

    ``measure``: ``residents`` (distinct residents served), ``submissions``, ``refusals``,
    ``vehicle.<answer>`` and ``licence.<answer>`` (kiosk.store.daily_counts).
    """

    __tablename__ = "daily_count"
    __table_args__ = (
        UniqueConstraint("day", "residential_group", "measure"),
        CheckConstraint("count >= 0", name="count"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date]
    residential_group: Mapped[str] = mapped_column(String(200))
    measure: Mapped[str] = mapped_column(String(32))
    count: Mapped[int]
    kept_at: Mapped[datetime]


class Household(Base):
    """A household of the ward roster (cache of the intake server's roster)."""

    __tablename__ = "household"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    residential_group: Mapped[str] = mapped_column(String(200), index=True)
    address: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime]


class Resident(Base):
    """A resident of the roster cache; ``search_key`` is the folded name (kiosk.domain.text)."""

    __tablename__ = "resident"
    __table_args__ = (
        CheckConstraint("length(id_number) = 12", name="id_number"),
        CheckConstraint(_in("sex", ("male", "female")), name="sex"),
        Index("ix_resident_search", "search_key", "birth_year"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    id_number: Mapped[str] = mapped_column(String(12), unique=True)
    household_id: Mapped[str | None] = mapped_column(
        ForeignKey("household.id", ondelete="SET NULL"), index=True
    )
    full_name: Mapped[str] = mapped_column(String(200))
    search_key: Mapped[str] = mapped_column(String(200))
    birth_date: Mapped[date]
    birth_year: Mapped[int]
    sex: Mapped[str] = mapped_column(String(8))
    phone: Mapped[str | None] = mapped_column(String(20))
    cleaned_at: Mapped[datetime | None]
    cleaned_station: Mapped[str | None] = mapped_column(String(64))
    updated_at: Mapped[datetime]


class RegistryVehicle(Base):
    """A vehicle on file for a resident; ``plate_key`` is the plate folded to letters and digits."""

    __tablename__ = "registry_vehicle"
    __table_args__ = (CheckConstraint(_in("kind", VEHICLE_KINDS), name="kind"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    resident_id: Mapped[int] = mapped_column(
        ForeignKey("resident.id", ondelete="CASCADE"), index=True
    )
    plate: Mapped[str] = mapped_column(String(20))
    plate_key: Mapped[str] = mapped_column(String(20), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    brand: Mapped[str | None] = mapped_column(String(100))
    model: Mapped[str | None] = mapped_column(String(100))
    colour: Mapped[str | None] = mapped_column(String(100))
    chassis_number: Mapped[str | None] = mapped_column(String(40))
    engine_number: Mapped[str | None] = mapped_column(String(40))
    registered_owner_name: Mapped[str | None] = mapped_column(String(200))
    registered_owner_id_number: Mapped[str | None] = mapped_column(String(12))


class RegistryLicence(Base):
    """A driving licence on file for a resident."""

    __tablename__ = "registry_licence"
    __table_args__ = (
        CheckConstraint(_in("scheme", SCHEMES), name="scheme"),
        CheckConstraint("expiry_date IS NULL OR expiry_date >= issue_date", name="expiry"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    resident_id: Mapped[int] = mapped_column(
        ForeignKey("resident.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[str] = mapped_column(String(12), index=True)
    licence_class: Mapped[str] = mapped_column(String(8))
    scheme: Mapped[str] = mapped_column(String(4))
    issue_date: Mapped[date]
    expiry_date: Mapped[date | None]


class Submission(Base):
    """One resident's visit: the payload under construction, then frozen bytes and hash."""

    __tablename__ = "submission"
    __table_args__ = (
        CheckConstraint(_in("status", STATUSES), name="status"),
        CheckConstraint(
            f"NOT ({_in('status', FROZEN_STATUSES)}) OR sha256 IS NOT NULL", name="frozen"
        ),
        CheckConstraint(f"NOT (training AND {_in('status', UPLOAD_OUTCOMES)})", name="training"),
        CheckConstraint("status != 'sent' OR sent_at IS NOT NULL", name="sent_at"),
        CheckConstraint("vehicle_count >= 0 AND licence_count >= 0", name="counts"),
        CheckConstraint(
            f"discard_reason IS NULL OR {_in('discard_reason', DISCARD_REASONS)}",
            name="discard_reason",
        ),
        Index("ix_submission_queue", "status", "training", "verified_at"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    reference: Mapped[str] = mapped_column(String(9), unique=True)
    station_id: Mapped[str] = mapped_column(String(64))
    session_id: Mapped[str | None] = mapped_column(ForeignKey("evening_session.id"))
    status: Mapped[str] = mapped_column(String(16))
    training: Mapped[bool] = mapped_column(default=False)
    resident_id_number: Mapped[str | None] = mapped_column(String(12), index=True)
    payload: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    canonical: Mapped[bytes | None]
    sha256: Mapped[str | None] = mapped_column(String(64))
    vehicle_count: Mapped[int] = mapped_column(default=0)
    licence_count: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(ForeignKey("operator.id"))
    captured_at: Mapped[datetime | None]
    captured_by: Mapped[str | None] = mapped_column(ForeignKey("operator.id"))
    verified_at: Mapped[datetime | None]
    verified_by: Mapped[str | None] = mapped_column(ForeignKey("operator.id"))
    sent_at: Mapped[datetime | None]
    status_at: Mapped[datetime]
    return_reason: Mapped[str | None] = mapped_column(Text)
    supersedes_id: Mapped[str | None] = mapped_column(ForeignKey("submission.id"))
    upload_failures: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(Text)
    purged_at: Mapped[datetime | None]
    discard_reason: Mapped[str | None] = mapped_column(String(16))
    """Set when a draft is discarded (:data:`DISCARD_REASONS`); its personal data goes with it."""


class VisitOutcome(Base):
    """What happened at the door or the desk, for a household or one of its members.

    Recorded on this kiosk (``station_id`` its own, ``sent_at`` None until the server holds it) or
    on another kiosk of the ward (it arrives with the roster pages).  ``arrival`` is the server's
    order of arrival, None until the server has numbered it: of two outcomes for one household or
    member, the later by arrival decides, since kiosk clocks drift; both stay in the history.
    ``household_id`` is not a foreign key: an outcome for a household the roster has since removed
    is kept and sent all the same.
    """

    __tablename__ = "visit_outcome"
    __table_args__ = (
        CheckConstraint(_in("outcome", VISIT_OUTCOMES), name="outcome"),
        CheckConstraint(
            "(outcome = 'come_back') = (come_back_on IS NOT NULL)", name="come_back_on"
        ),
        CheckConstraint(
            "resident_id_number IS NULL OR length(resident_id_number) = 12", name="id_number"
        ),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    household_id: Mapped[str] = mapped_column(String(64), index=True)
    resident_id_number: Mapped[str | None] = mapped_column(String(12), index=True)
    """The member it is about; None when it is about the whole household."""
    outcome: Mapped[str] = mapped_column(String(16))
    come_back_on: Mapped[date | None]
    note: Mapped[str | None] = mapped_column(Text)
    recorded_at: Mapped[datetime]
    recorded_by: Mapped[str] = mapped_column(String(100))
    """The name of the operator who recorded it (shown beside it on every kiosk)."""
    operator_id: Mapped[str | None] = mapped_column(ForeignKey("operator.id"))
    """This kiosk's operator, for outcomes recorded here."""
    station_id: Mapped[str] = mapped_column(String(64))
    session_id: Mapped[str | None] = mapped_column(ForeignKey("evening_session.id"))
    """This kiosk's evening session it was recorded in; None for other kiosks' outcomes."""
    training: Mapped[bool] = mapped_column(default=False)
    """Recorded in training mode: never sent (as training submissions are not)."""
    sent_at: Mapped[datetime | None]
    arrival: Mapped[int | None] = mapped_column(index=True)


class SubmissionItem(Base):
    """One vehicle or licence answer of a submission (answers stay after the purge; labels go)."""

    __tablename__ = "submission_item"
    __table_args__ = (
        UniqueConstraint("submission_id", "kind", "position"),
        CheckConstraint(
            f"(kind = 'vehicle' AND {_in('answer', VEHICLE_ANSWERS)}) OR "
            f"(kind = 'licence' AND {_in('answer', LICENCE_ANSWERS)})",
            name="answer",
        ),
        CheckConstraint("position >= 0", name="position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    submission_id: Mapped[str] = mapped_column(ForeignKey("submission.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(8))
    position: Mapped[int]
    answer: Mapped[str] = mapped_column(String(16))
    registry_ref: Mapped[str | None] = mapped_column(String(64))
    label: Mapped[str | None] = mapped_column(String(40))


class AuditEvent(Base):
    """One append-only, hash-chained audit row (triggers refuse UPDATE and DELETE)."""

    __tablename__ = "audit_event"
    __table_args__ = (CheckConstraint("seq >= 1", name="seq"),)

    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str | None] = mapped_column(String(64))
    details: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """The chain's head (count and last hash), updated with each append, so tail deletion shows."""

    __tablename__ = "audit_head"
    __table_args__ = (CheckConstraint("slot = 1", name="one_row"),)

    slot: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    count: Mapped[int]
    head_hash: Mapped[str] = mapped_column(String(64))


class AuditAnchor(Base):
    """The latest audit head the intake server signed for this kiosk (one row, once synced).

    ``signature`` (raw 64 bytes) covers ``kiosk.exchange.signing.audit_head_bytes`` of the other
    columns; ``kiosk check`` verifies it with the pinned ``station.server_signing_key``.
    """

    __tablename__ = "audit_anchor"
    __table_args__ = (CheckConstraint("slot = 1", name="one_row"),)

    slot: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    station_id: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int]
    hash: Mapped[str] = mapped_column(String(64))
    signed_at: Mapped[datetime]
    signature: Mapped[bytes]
