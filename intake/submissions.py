"""The batch upload: per-item checks in the order of DESIGN.md §5, idempotent in the database.

For each item: a stored id answers ``duplicate`` (same hash) or ``conflict`` (other hash); a new id
is checked against its hash, then ``validate_payload``, and only then stored.  Storing is one
transaction: a multi-row ``INSERT … ON CONFLICT DO NOTHING … RETURNING id`` (rows in id order, so
concurrent batches lock in one order) followed by a compare for the rows it did not insert.  The
unique id makes exactly one of any number of concurrent replays ``accepted``; the unique
``(station, reference)`` turns a reused reference into an ``invalid`` item.  The same transaction
marks repeats and stamps the residents' ``cleaned`` (a roster change).
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Engine, String, func, literal, select, union_all, update

from intake.auth import StationInfo
from intake.clock import VIETNAM, utcnow, vietnam_today
from intake.db import insert_for, run_write
from intake.models import Household, Resident, SessionClose, Submission
from intake.registry import mark_cleaned
from kiosk.domain.payload import canonical_bytes
from kiosk.exchange.payload import validate_payload
from kiosk.exchange.protocol import (
    BatchItem,
    FoundSubmission,
    ItemError,
    ItemResult,
    ItemStatus,
)

log = logging.getLogger(__name__)

Error = dict[str, str]


def _result(
    item_id: str, status: ItemStatus, reference: str | None, errors: Sequence[Error] = ()
) -> ItemResult:
    """One item's answer (protocol ``ItemResult``)."""
    return ItemResult(
        id=item_id,
        status=status,
        reference=reference,
        errors=[ItemError(path=e["path"], code=e["code"]) for e in errors],
    )


@dataclass(frozen=True)
class _Candidate:
    """A new, valid item waiting to be stored."""

    index: int
    id: str
    sha256: str
    payload: dict[str, Any]
    canonical: str


def _reference(payload: dict[str, Any]) -> str | None:
    """The payload's reference to echo: any text UTF-8 can carry, else None."""
    value = payload.get("reference")
    if not isinstance(value, str):
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: JSON can carry it, the response cannot
        return None
    return value


def _known(conn: Connection, ids: Sequence[str]) -> dict[str, str]:
    """Stored ids among ``ids`` with their hashes."""
    if not ids:
        return {}
    rows = conn.execute(select(Submission.id, Submission.sha256).where(Submission.id.in_(ids)))
    return {row.id: row.sha256 for row in rows}


def _replay(item_id: str, sha: str, stored: str, reference: str | None) -> ItemResult:
    """A stored id again: a replay when the hash is the same, else a conflict."""
    return _result(item_id, "duplicate" if sha == stored else "conflict", reference)


def _check(item: BatchItem, station: StationInfo, today: date) -> list[Error] | str:
    """The errors of a new item, or its canonical JSON text when it may be stored."""
    try:
        canonical = canonical_bytes(item.payload)
    except (ValueError, TypeError, RecursionError):  # e.g. a lone surrogate cannot be UTF-8
        return [{"path": "", "code": "payload.sha256"}]
    if hashlib.sha256(canonical).hexdigest() != item.sha256:  # payload_sha256, serialised once
        return [{"path": "", "code": "payload.sha256"}]
    errors = validate_payload(item.payload, today=today)
    if errors:
        return errors
    if item.payload["station_id"] != station.id:
        return [{"path": "/station_id", "code": "payload.station_id"}]
    return canonical.decode("utf-8")


def _day(payload: dict[str, Any]) -> date:
    """The capture's date in Vietnam: the day the resident counts for."""
    return datetime.fromisoformat(payload["captured_at"]).astimezone(VIETNAM).date()


def _groups(conn: Connection, station: StationInfo, id_numbers: set[str]) -> dict[str, str]:
    """The residential group of each resident on file in the station's ward."""
    rows = conn.execute(
        select(Resident.id_number, Household.group_name)
        .join(Household, Household.id == Resident.household_id)
        .where(Resident.id_number.in_(sorted(id_numbers)), Household.ward == station.ward)
    )
    return {row.id_number: row.group_name for row in rows}


def _store(conn: Connection, station: StationInfo, todo: list[_Candidate]) -> list[ItemResult]:
    """Insert-or-compare ``todo`` in this transaction; results in the order of ``todo``."""
    now = utcnow()
    residents = {c.payload["resident"]["id_number"] for c in todo}
    groups = _groups(conn, station, residents)
    # Of two items with one reference and different ids, the first in the batch gets it.
    first_with: dict[str, str] = {}
    for c in todo:
        first_with.setdefault(c.payload["reference"], c.id)
    insertable = [c for c in todo if first_with[c.payload["reference"]] == c.id]
    ordered = sorted(insertable, key=lambda c: (c.id, c.index))
    rows = [
        {
            "id": c.id,
            "station_id": station.id,
            "reference": c.payload["reference"],
            "sha256": c.sha256,
            "payload": c.canonical,
            "received_at": now,
            "session_id": c.payload["session_id"],
            "resident_id_number": c.payload["resident"]["id_number"],
            "ward": station.ward,
            "group_name": groups.get(c.payload["resident"]["id_number"], station.group),
            "day": _day(c.payload),
            "repeat": False,
        }
        for c in ordered
    ]
    statement = insert_for(conn, Submission).values(rows).on_conflict_do_nothing()
    inserted = set(conn.execute(statement.returning(Submission.id)).scalars())
    accepted: list[_Candidate] = []
    for c in ordered:
        if c.id in inserted:
            inserted.discard(c.id)  # a second item with this id in the batch compares below
            accepted.append(c)
    accepted_at = {c.index for c in accepted}
    stored = _known(conn, sorted({c.id for c in todo if c.index not in accepted_at}))
    by_index: dict[int, ItemResult] = {}
    for c in todo:
        reference = c.payload["reference"]
        if c.index in accepted_at:
            by_index[c.index] = _result(c.id, "accepted", reference)
        elif c.id in stored:
            by_index[c.index] = _replay(c.id, c.sha256, stored[c.id], reference)
        else:  # not stored, no such id: the station already used this reference
            error = {"path": "/reference", "code": "payload.reference_taken"}
            by_index[c.index] = _result(c.id, "invalid", reference, [error])
    if accepted:
        cleaned = {c.payload["resident"]["id_number"] for c in accepted}
        mark_cleaned(conn, cleaned, now, station.id)  # locks the wards' clocks: after the inserts
        _mark_repeats(conn, accepted)
    return [by_index[c.index] for c in todo]


def _mark_repeats(conn: Connection, accepted: list[_Candidate]) -> None:
    """Mark as repeats the accepted submissions whose resident already had one accepted.

    One count per resident, each an equality on the indexed column, so PostgreSQL probes the index
    whatever its statistics say.  A single ``IN`` list of up to 100 residents is planned from the
    statistics: on a table not analysed since it was small (autovacuum behind, or off) that plan
    is a scan of the whole table, and every batch grew it (the load bench's goodput fell by a third).
    """
    in_order = sorted(accepted, key=lambda c: c.index)
    in_batch = Counter(c.payload["resident"]["id_number"] for c in in_order)
    residents = union_all(
        *(select(literal(r, String).label("resident")) for r in sorted(in_batch))
    ).subquery()
    stored = (
        select(func.count())
        .where(Submission.resident_id_number == residents.c.resident)
        .scalar_subquery()
    )
    totals = conn.execute(select(residents.c.resident, stored.label("stored")))
    # This transaction's own rows are among those counted: what was stored before is the rest.
    seen: Counter[str] = Counter({r.resident: r.stored - in_batch[r.resident] for r in totals})
    repeats: list[str] = []
    for c in in_order:
        resident = c.payload["resident"]["id_number"]
        if seen[resident]:
            repeats.append(c.id)
        seen[resident] += 1
    if repeats:
        conn.execute(update(Submission).where(Submission.id.in_(repeats)).values(repeat=True))


def process_batch(
    engine: Engine,
    station: StationInfo,
    items: Sequence[BatchItem],
    step_aside: Callable[[], None] = lambda: None,
) -> list[ItemResult]:
    """Answer every item of a batch, in order, storing the new valid ones; ``step_aside`` is
    called between items (the server lets a lookup run first there)."""
    today = vietnam_today()
    with engine.connect() as conn:
        known = _known(conn, sorted({item.id for item in items}))
    results: dict[int, ItemResult] = {}
    todo: list[_Candidate] = []
    for index, item in enumerate(items):
        step_aside()
        reference = _reference(item.payload)
        if item.id in known:
            results[index] = _replay(item.id, item.sha256, known[item.id], reference)
            continue
        checked = _check(item, station, today)
        if isinstance(checked, list):
            results[index] = _result(item.id, "invalid", reference, checked)
        else:
            todo.append(_Candidate(index, item.id, item.sha256, item.payload, checked))
    if todo:
        step_aside()
        stored = run_write(engine, lambda conn: _store(conn, station, todo))
        results.update((c.index, result) for c, result in zip(todo, stored, strict=True))
    answered = [results[index] for index in range(len(items))]
    counts = Counter(result.status for result in answered)
    log.info("batch from %s: %s", station.id, dict(sorted(counts.items())))
    return answered


def _stored_ids(conn: Connection, station_id: str, ids: Sequence[str]) -> set[str]:
    """Which of ``ids`` this station's submissions hold."""
    found: set[str] = set()
    unique = sorted(set(ids))
    for start in range(0, len(unique), 500):
        chunk = unique[start : start + 500]
        found.update(
            conn.execute(
                select(Submission.id).where(
                    Submission.id.in_(chunk), Submission.station_id == station_id
                )
            ).scalars()
        )
    return found


def find_submissions(
    engine: Engine, station: StationInfo, ids: Sequence[str]
) -> list[FoundSubmission]:
    """The submissions among ``ids`` this station has stored, in the order asked (each once).

    The kiosk asks before it sets aside or sends back a submission whose upload kept failing: a
    500 may have come after the commit, and a visit must never be stored twice under two ids.
    Another station's ids are not reported: to this station they are not here.
    """
    unique = list(dict.fromkeys(ids))
    query = select(Submission.id, Submission.sha256, Submission.repeat).where(
        Submission.id.in_(unique), Submission.station_id == station.id
    )
    with engine.connect() as conn:
        rows = {row.id: row for row in conn.execute(query)}
    log.info("submission lookup from %s: %d asked, %d found", station.id, len(unique), len(rows))
    return [
        FoundSubmission(
            id=i, sha256=rows[i].sha256, status="repeat" if rows[i].repeat else "accepted"
        )
        for i in unique
        if i in rows
    ]


def close_session(
    engine: Engine, station: StationInfo, session_id: str, ids: Sequence[str]
) -> list[str]:
    """Reconcile an evening session: the ids (in the kiosk's order) this station has not stored."""
    with engine.connect() as conn:
        have = _stored_ids(conn, station.id, ids)
    missing = list(dict.fromkeys(i for i in ids if i not in have))
    values = {"closed_at": utcnow(), "ids": len(set(ids)), "missing": len(missing)}

    def record(conn: Connection) -> None:
        statement = insert_for(conn, SessionClose).values(
            station_id=station.id, session_id=session_id, **values
        )
        conn.execute(
            statement.on_conflict_do_update(
                index_elements=["station_id", "session_id"], set_=values
            )
        )

    run_write(engine, record)
    return missing
