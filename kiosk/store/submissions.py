"""The submission lifecycle of DESIGN.md §4: drafts, capture, verification, upload outcomes.

Every status change goes through :func:`kiosk.store.lifecycle.move` (the one table of allowed
transitions, audited there).  Functions take a write unit of work (``Store.write()``) and an aware
time, and return plain :class:`~kiosk.store.lifecycle.SubmissionRecord` values.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import uuid4

from sqlalchemy import Connection, bindparam, insert, select
from sqlalchemy.orm import Session

from kiosk.domain.payload import SCHEMA_VERSION, canonical_bytes, new_reference
from kiosk.exchange.payload import payload_warnings, validate_payload
from kiosk.store.audit import append_event
from kiosk.store.engine import json_text
from kiosk.store.errors import InvalidTransition, PayloadInvalid
from kiosk.store.lifecycle import (
    TRANSITIONS,
    S,
    StoredJson,
    SubmissionRecord,
    connection,
    drop_items,
    gate,
    load,
    move,
    payload_values,
    save_values,
)
from kiosk.store.models import DISCARD_REASONS, Station, table_of
from kiosk.store.station import ensure_station
from kiosk.store.uploads import (
    QueuedSubmission,
    hold,
    mark_conflict,
    mark_rejected,
    mark_sent,
    ready_for_upload,
)

__all__ = [
    "DISCARD_REASONS",
    "TRANSITIONS",
    "PreparedCapture",
    "QueuedSubmission",
    "SubmissionRecord",
    "UnacknowledgedWarnings",
    "acknowledge",
    "by_reference",
    "capture",
    "create_draft",
    "discard",
    "drafts_by",
    "get",
    "hold",
    "mark_conflict",
    "mark_rejected",
    "mark_sent",
    "prepare_capture",
    "ready_for_upload",
    "retry_held",
    "return_to_volunteer",
    "save_draft",
    "supersede",
    "transition",
    "verify",
    "with_status",
]

_REFERENCE_TRIES = 20
_STORE_KEYS = ("reference", "station_id", "session_id", "captured_at", "captured_by")
_ST = table_of(Station)
_STATION = select(_ST.c.id, _ST.c.training).where(_ST.c.slot == 1)
_REFERENCE_TAKEN = select(S.c.id).where(S.c.reference == bindparam("ref"))
_BY_REFERENCE = select(S).where(S.c.reference == bindparam("ref"))
_NEW = insert(S)
_BY_STATUS = select(S).where(S.c.status == bindparam("status")).order_by(S.c.status_at, S.c.id)
_DRAFTS_BY = (
    select(S)
    .where(S.c.status == "draft", S.c.created_by == bindparam("actor"))
    .order_by(S.c.status_at.desc(), S.c.id)
)

get = load
"""The submission as a record (``NotFound`` when there is none)."""


class UnacknowledgedWarnings(ValueError):
    """Verification needs every warning of the payload acknowledged by the officer."""

    def __init__(self, codes: Sequence[str]) -> None:
        self.codes = tuple(codes)
        super().__init__(f"warnings not acknowledged: {', '.join(self.codes)}")


def _stamp(at: datetime) -> str:
    """Payload times: ISO 8601 with offset, to the second (DESIGN.md §5)."""
    if at.tzinfo is None:
        raise ValueError("times must be timezone-aware")
    return at.isoformat(timespec="seconds")


def _station(session: Session | Connection, at: datetime) -> tuple[str, bool]:
    """This kiosk's station id and training flag (the row is made at first start)."""
    row = connection(session).execute(_STATION).first()
    if row is None:
        if not isinstance(session, Session):
            raise RuntimeError("the station row is missing; open the store first")
        station = ensure_station(session, at=at)
        session.flush()
        return station.id, station.training
    return row[0], bool(row[1])


def create_draft(
    session: Session | Connection,
    *,
    at: datetime,
    actor: str,
    session_id: str | None = None,
    payload: Mapping[str, Any] | None = None,
    rng: random.Random | None = None,
) -> SubmissionRecord:
    """A new draft with its UUID and a reference code unique in this database (retry on a clash).

    The write unit of work holds the write lock (``BEGIN IMMEDIATE``), so the check is race-free.
    """
    conn = connection(session)
    station_id, training = _station(session, at)
    for _ in range(_REFERENCE_TRIES):
        reference = new_reference(rng)
        if conn.execute(_REFERENCE_TAKEN, {"ref": reference}).first() is None:
            break
    else:  # pragma: no cover - 32**8 codes; twenty clashes in a row means a broken rng
        raise RuntimeError("could not find a free reference code")
    sub_id = str(uuid4())
    row = {
        "id": sub_id, "reference": reference, "station_id": station_id,
        "session_id": session_id, "status": "draft", "training": training,
        "created_at": at, "created_by": actor, "status_at": at, "vehicle_count": 0,
        "licence_count": 0, "upload_failures": 0,
    }  # fmt: skip
    conn.execute(_NEW, row)
    content = {"schema": SCHEMA_VERSION, **(payload or {})}
    save_values(conn, load(conn, sub_id), payload_values(conn, sub_id, content))
    details = {"reference": reference, "training": training}
    append_event(
        conn, at=at, actor=actor, action="submission.create", subject=sub_id, details=details
    )
    return load(conn, sub_id)


def save_draft(
    session: Session | Connection,
    submission_id: str,
    payload: Mapping[str, Any],
    *,
    at: datetime,
    actor: str,
) -> SubmissionRecord:
    """Keep the payload under construction of a draft or returned submission (no checks yet)."""
    record = load(session, submission_id)
    if record.status not in ("draft", "returned"):
        raise InvalidTransition(
            record.status, record.status, "only drafts and returned ones change"
        )
    values = payload_values(session, submission_id, payload)
    if record.status == "draft":  # a draft's age counts from its last save (expiry, Home's list)
        values["status_at"] = at
    record = save_values(session, record, values)
    details = {"reference": record.reference, "status": record.status}
    append_event(
        connection(session), at=at, actor=actor, action="submission.save", subject=record.id,
        details=details,
    )  # fmt: skip
    return record


@dataclass(frozen=True)
class PreparedCapture:
    """A payload checked by :func:`prepare_capture` for one submission and operator.

    The review screen prepares it (rules run, errors shown) and Save hands it to :func:`capture`,
    which then only writes: the check is not paid twice and Save is pure persistence.
    """

    submission_id: str
    reference: str
    actor: str
    at: datetime
    payload: StoredJson


def prepare_capture(
    record: SubmissionRecord, payload: Mapping[str, Any], *, at: datetime, actor: str
) -> PreparedCapture:
    """The payload with the keys the store owns filled in, checked; raises :class:`PayloadInvalid`.

    Pure (no database).  The stored JSON is made here, once, and the record's copy is parsed
    back from it, so later changes to the caller's dicts cannot reach what is written.
    """
    gate(record.status, record.training, "captured")
    full = dict(payload)
    full.update(
        schema=SCHEMA_VERSION, reference=record.reference, station_id=record.station_id,
        session_id=record.session_id, captured_at=_stamp(at), captured_by=actor,
        verified_at=None, verified_by=None,
    )  # fmt: skip
    full["warnings_acknowledged"] = []  # only the verifying officer acknowledges (four eyes)
    probe = {**full, "verified_at": full["captured_at"], "verified_by": actor}
    errors = validate_payload(probe, today=at.date())
    if errors:
        raise PayloadInvalid(errors)
    text = json_text(full)
    return PreparedCapture(
        record.id, record.reference, actor, at, StoredJson(json.loads(text), text)
    )


def capture(
    session: Session | Connection,
    submission_id: str,
    payload: Mapping[str, Any] | PreparedCapture,
    *,
    at: datetime,
    actor: str,
) -> SubmissionRecord:
    """draft/returned -> captured: the payload must pass every rule but verification's own keys.

    Given a :class:`PreparedCapture` (checked at review), it is written as it is; given a plain
    payload, it is checked here first.
    """
    record = load(session, submission_id)
    gate(record.status, record.training, "captured")
    if isinstance(payload, PreparedCapture):
        prepared = payload
        mine = (prepared.submission_id, prepared.reference, prepared.actor)
        if mine != (record.id, record.reference, actor):
            raise ValueError("this capture was prepared for another submission or operator")
    else:
        prepared = prepare_capture(record, payload, at=at, actor=actor)
    content = prepared.payload
    values = payload_values(session, submission_id, content.value, content)
    values.update(captured_at=prepared.at, captured_by=actor, return_reason=None)
    return move(session, record, "captured", at=at, actor=actor, values=values)


def verify(
    session: Session | Connection,
    submission_id: str,
    *,
    at: datetime,
    actor: str,
    acknowledged: Iterable[str] | None = None,
) -> SubmissionRecord:
    """captured -> verified: validate, check warnings are acknowledged, freeze bytes and hash.

    held -> verified is the officer's retry: the frozen payload stays exactly as it was.
    """
    record = load(session, submission_id)
    gate(record.status, record.training, "verified")
    if record.status == "held":
        return move(session, record, "verified", at=at, actor=actor, details={"retry": True})
    payload = dict(record.payload or {})
    if acknowledged is not None:
        payload["warnings_acknowledged"] = sorted(set(acknowledged))
    payload["verified_at"] = _stamp(at)
    payload["verified_by"] = actor
    errors = validate_payload(payload, today=at.date())
    if errors:
        raise PayloadInvalid(errors)
    seen = set(payload["warnings_acknowledged"])
    missing = sorted({w["code"] for w in payload_warnings(payload, today=at.date())} - seen)
    if missing:
        raise UnacknowledgedWarnings(missing)
    frozen = canonical_bytes(payload)
    digest = hashlib.sha256(frozen).hexdigest()
    values: dict[str, Any] = {"payload": payload, "canonical": frozen, "sha256": digest}
    values |= {"verified_at": at, "verified_by": actor}
    return move(session, record, "verified", at=at, actor=actor, values=values,
                details={"sha256": digest})  # fmt: skip


def acknowledge(
    session: Session | Connection,
    submission_id: str,
    codes: Iterable[str],
    *,
    at: datetime,
    actor: str,
) -> SubmissionRecord:
    """Record the warning codes an officer saw and accepted, before verifying."""
    record = load(session, submission_id)
    if record.status != "captured":
        raise InvalidTransition(record.status, record.status, "acknowledge before verifying")
    chosen = sorted(set(codes))
    record = save_values(
        session, record, {"payload": {**(record.payload or {}), "warnings_acknowledged": chosen}}
    )
    append_event(
        connection(session), at=at, actor=actor, action="submission.acknowledge",
        subject=record.id, details={"reference": record.reference, "codes": chosen},
    )  # fmt: skip
    return record


def return_to_volunteer(
    session: Session | Connection,
    submission_id: str,
    *,
    reason: str,
    at: datetime,
    actor: str | None,
) -> SubmissionRecord:
    """captured/held/rejected -> returned with a reason; the frozen bytes are dropped."""
    record = load(session, submission_id)
    gate(record.status, record.training, "returned")
    if not reason.strip():
        raise ValueError("a returned submission needs a reason")
    payload = {**(record.payload or {}), "verified_at": None, "verified_by": None}
    values: dict[str, Any] = {"payload": payload, "canonical": None, "sha256": None}
    values |= {"verified_at": None, "verified_by": None, "return_reason": reason.strip()}
    return move(session, record, "returned", at=at, actor=actor, values=values)


def discard(
    session: Session | Connection,
    submission_id: str,
    *,
    at: datetime,
    actor: str | None,
    reason: str,
) -> SubmissionRecord:
    """draft -> discarded with a reason (:data:`DISCARD_REASONS`), erasing what the draft captured.

    In the same transaction: payload and items go, counts become 0, ``purged_at`` is set.  Only
    the reference, the times, the operator and the reason remain, and for ``refused`` the
    resident's ID number too (a refusal is a visit outcome, DESIGN.md §5).  ``actor`` is None for
    the system (draft expiry).  The audit event names the reference and the reason, nothing
    personal.
    """
    if reason not in DISCARD_REASONS:
        raise ValueError(f"a discard reason is one of {', '.join(DISCARD_REASONS)}")
    record = load(session, submission_id)
    values: dict[str, Any] = {"payload": None, "canonical": None, "vehicle_count": 0}
    values |= {"licence_count": 0, "purged_at": at, "discard_reason": reason}
    if reason != "refused":
        values["resident_id_number"] = None
    discarded = move(session, record, "discarded", at=at, actor=actor, values=values,
                     details={"reason": reason})  # fmt: skip
    drop_items(session, submission_id)
    return discarded


def retry_held(
    session: Session | Connection, submission_id: str, *, at: datetime, actor: str
) -> SubmissionRecord:
    """held -> verified, unchanged: an officer retries it."""
    record = load(session, submission_id)
    if record.status != "held":
        raise InvalidTransition(record.status, "verified", "only held submissions are retried")
    return verify(session, submission_id, at=at, actor=actor)


def supersede(
    session: Session | Connection, submission_id: str, *, at: datetime, actor: str
) -> SubmissionRecord:
    """conflict -> superseded, and a new draft (new id and reference) with the same content.

    Returns the new draft.
    """
    old = load(session, submission_id)
    gate(old.status, old.training, "superseded")
    new = create_draft(session, at=at, actor=actor, session_id=old.session_id)
    payload = {k: v for k, v in (old.payload or {}).items() if k not in _STORE_KEYS}
    payload["verified_at"] = payload["verified_by"] = None
    values = payload_values(session, new.id, payload) | {"supersedes_id": old.id}
    new = save_values(session, new, values)
    move(session, old, "superseded", at=at, actor=actor, details={"by": new.id})
    return new


def transition(
    session: Session | Connection,
    submission_id: str,
    target: str,
    *,
    at: datetime,
    actor: str,
    reason: str | None = None,
    acknowledged: Iterable[str] | None = None,
) -> SubmissionRecord:
    """Any allowed change by target name, for callers that get the status from elsewhere
    (``acknowledged``: the warnings the officer accepted, for ``verified``).

    ``reason``: why it is returned, held or discarded (a discard defaults to ``abandoned``).
    For ``superseded`` this returns the old, now superseded submission.
    """
    record = load(session, submission_id)
    gate(record.status, record.training, target)
    sid = submission_id
    if target == "captured":
        return capture(session, sid, dict(record.payload or {}), at=at, actor=actor)
    if target == "verified":
        return verify(session, sid, at=at, actor=actor, acknowledged=acknowledged)
    if target == "returned":
        return return_to_volunteer(session, sid, reason=reason or "returned", at=at, actor=actor)
    if target == "superseded":
        supersede(session, sid, at=at, actor=actor)
        return load(session, sid)
    simple = {
        "discarded": lambda: discard(
            session, sid, at=at, actor=actor, reason=reason or "abandoned"
        ),
        "sent": lambda: mark_sent(session, sid, at=at),
        "rejected": lambda: mark_rejected(session, sid, at=at, errors=[]),
        "conflict": lambda: mark_conflict(session, sid, at=at),
        "held": lambda: hold(session, sid, at=at, error=reason or "held"),
    }
    return simple[target]()


def with_status(session: Session | Connection, status: str) -> list[SubmissionRecord]:
    """Submissions in one status, oldest change first (pending, returned, held lists)."""
    rows = connection(session).execute(_BY_STATUS, {"status": status}).mappings()
    return [SubmissionRecord(**row) for row in rows]


def drafts_by(session: Session | Connection, operator_id: str) -> list[SubmissionRecord]:
    """The drafts ``operator_id`` started (training ones too), newest ``status_at`` first.

    A draft's ``status_at`` is when it was started: :func:`save_draft` does not move it.
    """
    rows = connection(session).execute(_DRAFTS_BY, {"actor": operator_id}).mappings()
    return [SubmissionRecord(**row) for row in rows]


def by_reference(session: Session | Connection, reference: str) -> SubmissionRecord | None:
    """The submission with this reference code (``XXXX-XXXX``, any status), or None."""
    row = connection(session).execute(_BY_REFERENCE, {"ref": reference}).mappings().first()
    return None if row is None else SubmissionRecord(**row)
