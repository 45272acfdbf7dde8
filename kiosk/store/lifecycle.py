"""The machinery under :mod:`kiosk.store.submissions`: the transition table, records, the one move.

Every status change, whoever asks (services or sync), goes through :func:`move`, which checks
:data:`TRANSITIONS` and the training rule, updates the row only if its status is still the one
read (so two writers cannot both move it), and writes the audit event in the same transaction.
Capture and verify are on the operator's path, so the SQL goes to the driver directly, with
SQLAlchemy's own column converters (:class:`_Codec`) for times, JSON and booleans.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType
from typing import Any

from sqlalchemy import Connection, Dialect
from sqlalchemy.orm import Session

from kiosk.store.audit import append_event
from kiosk.store.errors import InvalidTransition, NotFound, TrainingSubmissionError
from kiosk.store.models import (
    LICENCE_ANSWERS,
    VEHICLE_ANSWERS,
    Submission,
    table_of,
)

__all__ = [
    "TRANSITIONS",
    "StoredJson",
    "SubmissionRecord",
    "connection",
    "drop_items",
    "gate",
    "load",
    "move",
    "payload_values",
]

TRANSITIONS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "draft": frozenset({"captured", "discarded"}),
        "captured": frozenset({"verified", "returned"}),
        "returned": frozenset({"captured"}),
        "verified": frozenset({"sent", "rejected", "conflict", "held"}),
        "rejected": frozenset({"returned"}),
        "conflict": frozenset({"superseded"}),
        "held": frozenset({"verified", "returned"}),
        "sent": frozenset(),
        "discarded": frozenset(),
        "superseded": frozenset(),
    }
)
"""Allowed status changes, exactly the diagram of DESIGN.md §4; anything else raises."""

S = table_of(Submission)
_DROP_ITEMS = "DELETE FROM submission_item WHERE submission_id = ?"
_ADD_ITEMS = (
    "INSERT INTO submission_item (submission_id, kind, position, answer, registry_ref, label) "
    "VALUES (?, ?, ?, ?, ?, ?)"
)


@dataclass(frozen=True)
class StoredJson:
    """A payload serialised once, as the JSON column stores it, and written as is."""

    value: dict[str, Any]
    text: str


def _plain(values: Mapping[str, Any]) -> dict[str, Any]:
    """Column values as a record holds them (a :class:`StoredJson` becomes its dict)."""
    return {k: v.value if isinstance(v, StoredJson) else v for k, v in values.items()}


@dataclass(frozen=True)
class SubmissionRecord:
    """A submission row as plain data (safe to hand to another thread; no ORM session)."""

    id: str
    reference: str
    station_id: str
    session_id: str | None
    status: str
    training: bool
    resident_id_number: str | None
    payload: dict[str, Any] | None
    canonical: bytes | None
    sha256: str | None
    vehicle_count: int
    licence_count: int
    created_at: datetime
    created_by: str
    captured_at: datetime | None
    captured_by: str | None
    verified_at: datetime | None
    verified_by: str | None
    sent_at: datetime | None
    status_at: datetime
    return_reason: str | None
    supersedes_id: str | None
    upload_failures: int
    last_error: str | None
    purged_at: datetime | None
    discard_reason: str | None


def connection(session: Session | Connection) -> Connection:
    """The Core connection of a unit of work (a write session begins ``BEGIN IMMEDIATE``)."""
    return session.connection() if isinstance(session, Session) else session


class _Codec:
    """SQLAlchemy's own per-column converters of the submission table, for driver-level SQL.

    Capture and verification run on the operator's path; going to the driver with these
    converters (UTC times, JSON, booleans exactly as the ORM stores them) skips SQLAlchemy's
    per-statement work, which cost more than the statements themselves.
    """

    def __init__(self, dialect: Dialect) -> None:
        types = {c.name: c.type.dialect_impl(dialect) for c in S.c}
        self.bind = {name: kind.bind_processor(dialect) for name, kind in types.items()}
        self.names = tuple(f.name for f in dataclasses.fields(SubmissionRecord))
        self.result = tuple(types[name].result_processor(dialect, None) for name in self.names)
        self.select = f"SELECT {', '.join(self.names)} FROM submission WHERE id = ?"

    def to_db(self, name: str, value: Any) -> Any:
        """One value as the column stores it."""
        if isinstance(value, StoredJson):
            return value.text
        convert = self.bind[name]
        return value if convert is None else convert(value)

    def record(self, row: Sequence[Any]) -> SubmissionRecord:
        """A row of :attr:`select` as a record."""
        values: list[Any] = [
            v if f is None else f(v) for f, v in zip(self.result, row, strict=True)
        ]
        return SubmissionRecord(**dict(zip(self.names, values, strict=True)))


@functools.lru_cache(maxsize=4)
def _codec(dialect: Dialect) -> _Codec:
    return _Codec(dialect)


@functools.lru_cache(maxsize=64)
def _update_sql(columns: tuple[str, ...], guarded: bool) -> str:
    """``UPDATE submission SET … WHERE id = ? [AND status = ?]``, written once per shape."""
    sets = ", ".join(f"{name} = ?" for name in columns)
    return f"UPDATE submission SET {sets} WHERE id = ?" + (" AND status = ?" if guarded else "")


def _driver(conn: Connection) -> Any:
    """The DB-API connection under ``conn``, inside its transaction."""
    driver = conn.connection.driver_connection
    assert driver is not None
    return driver


def _update(
    session: Session | Connection,
    record: SubmissionRecord,
    values: Mapping[str, Any],
    guarded: bool,
) -> int:
    """Write ``values`` to the row (only if its status is unchanged when ``guarded``)."""
    conn = connection(session)
    codec = _codec(conn.dialect)
    params = [codec.to_db(name, value) for name, value in values.items()]
    params.append(record.id)
    if guarded:
        params.append(record.status)
    cursor = _driver(conn).execute(_update_sql(tuple(values), guarded), params)
    return int(cursor.rowcount)


def load(session: Session | Connection, submission_id: str) -> SubmissionRecord:
    """The submission as a record, or :class:`NotFound`."""
    conn = connection(session)
    codec = _codec(conn.dialect)
    row = _driver(conn).execute(codec.select, (submission_id,)).fetchone()
    if row is None:
        raise NotFound("no such submission")
    return codec.record(row)


def gate(current: str, training: bool, target: str) -> None:
    """Raise unless ``current -> target`` is in the table and allowed for training mode."""
    if target not in TRANSITIONS.get(current, frozenset()):
        raise InvalidTransition(current, target)
    if training and current == "verified":
        raise TrainingSubmissionError(current, target, "training submissions are never uploaded")


def move(
    session: Session | Connection,
    record: SubmissionRecord,
    target: str,
    *,
    at: datetime,
    actor: str | None,
    values: Mapping[str, Any] | None = None,
    details: Mapping[str, Any] | None = None,
) -> SubmissionRecord:
    """The one place a status changes: table check, the update, its audit event."""
    gate(record.status, record.training, target)
    changes = {"status": target, "status_at": at, **(values or {})}
    conn = connection(session)
    if _update(conn, record, changes, guarded=True) != 1:
        raise InvalidTransition(record.status, target, "it was changed at the same time")
    info = {"from": record.status, "to": target, "reference": record.reference, **(details or {})}
    append_event(
        conn, at=at, actor=actor, action=f"submission.{target}", subject=record.id, details=info
    )
    return dataclasses.replace(record, **_plain(changes))


def _item_rows(submission_id: str, payload: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One item per well-formed vehicle or licence answer (drafts may hold partial entries)."""
    rows: list[dict[str, Any]] = []
    kinds: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
        ("vehicle", "vehicles", VEHICLE_ANSWERS, "plate"),
        ("licence", "licences", LICENCE_ANSWERS, "number"),
    )
    for kind, key, answers, label_key in kinds:
        entries = payload.get(key)
        if not isinstance(entries, list):
            continue
        for position, entry in enumerate(entries):
            if not isinstance(entry, Mapping) or entry.get("answer") not in answers:
                continue
            ref, label = entry.get("registry_ref"), entry.get(label_key)
            rows.append(
                {
                    "submission_id": submission_id,
                    "kind": kind,
                    "position": position,
                    "answer": entry["answer"],
                    "registry_ref": ref if isinstance(ref, str) else None,
                    "label": label[:40] if isinstance(label, str) else None,
                }
            )
    return rows


def drop_items(session: Session | Connection, submission_id: str) -> None:
    """Delete the submission's items (a discarded draft keeps none)."""
    _driver(connection(session)).execute(_DROP_ITEMS, (submission_id,))


def payload_values(
    session: Session | Connection,
    submission_id: str,
    payload: Mapping[str, Any],
    stored: StoredJson | None = None,
) -> dict[str, Any]:
    """Replace the items from ``payload``; return the submission columns that go with it.

    ``stored`` is the same payload already serialised (a checked capture): written as is.
    """
    db = _driver(connection(session))
    rows = _item_rows(submission_id, payload)
    db.execute(_DROP_ITEMS, (submission_id,))
    if rows:
        db.executemany(_ADD_ITEMS, [tuple(r.values()) for r in rows])
    resident = payload.get("resident")
    id_number = resident.get("id_number") if isinstance(resident, Mapping) else None
    return {
        "payload": stored if stored is not None else dict(payload),
        "resident_id_number": id_number if isinstance(id_number, str) else None,
        "vehicle_count": sum(1 for r in rows if r["kind"] == "vehicle"),
        "licence_count": sum(1 for r in rows if r["kind"] == "licence"),
    }


def save_values(
    session: Session | Connection, record: SubmissionRecord, values: Mapping[str, Any]
) -> SubmissionRecord:
    """Update columns without a status change (drafts, acknowledgements)."""
    _update(session, record, values, guarded=False)
    return dataclasses.replace(record, **_plain(values))
