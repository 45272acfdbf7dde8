"""Visit outcomes from the kiosks (``POST /v1/visits/batch``): idempotent by id, numbered as
they arrive.

Each outcome is stored once under its id with the SHA-256 of the item as received: the same id
again with the same content answers ``duplicate`` (with the number it got), with other content or
from another station ``conflict``, and stores nothing.  A new outcome is numbered from the
ward's ``roster_clock`` in the storing transaction (:func:`intake.registry.next_seq` locks that row
until commit, SQLite's write lock does the same), so numbers only grow, in the order outcomes
became visible, and the household it is about is stamped with the last one: the next incremental
roster page lists it again, with its outcomes (:mod:`intake.roster`).  An outcome for a household
the ward no longer has (or never had) is stored all the same: it is history; it stamps nothing.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, Engine, select, update

from intake.auth import StationInfo
from intake.clock import VIETNAM, as_utc, utcnow
from intake.db import insert_for, run_write
from intake.models import Household, RosterClock, VisitOutcome
from intake.registry import next_seq
from kiosk.exchange.protocol import ItemError, VisitItem, VisitResult

__all__ = ["outcomes_json", "process_visits"]

log = logging.getLogger(__name__)

_EARLIEST, _LATEST = date(2000, 1, 1), date(2100, 12, 31)
"""The days an outcome may be recorded on or name for coming back: beyond them, input noise."""


def _digest(station: StationInfo, item: VisitItem) -> str:
    """The SHA-256 of the item as received and of the station that sent it."""
    content = {"station_id": station.id, **item.model_dump(mode="json")}
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _errors(item: VisitItem) -> list[ItemError]:
    """What makes an item unstorable beyond its shape (the schema checks that)."""
    errors: list[ItemError] = []
    if (item.outcome == "come_back") != (item.come_back_on is not None):
        errors.append(ItemError(path="/come_back_on", code="outcome.come_back_on"))
    elif item.come_back_on is not None and not _EARLIEST <= item.come_back_on <= _LATEST:
        errors.append(ItemError(path="/come_back_on", code="outcome.date"))
    at = item.recorded_at
    if at.tzinfo is None or at.utcoffset() is None:
        errors.append(ItemError(path="/recorded_at", code="outcome.time_offset"))
    elif not _EARLIEST <= at.date() <= _LATEST:
        errors.append(ItemError(path="/recorded_at", code="outcome.date"))
    texts = {"/household_id": item.household_id, "/recorded_by": item.recorded_by}
    for path, text in {**texts, "/note": item.note or ""}.items():
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: JSON carries it, the database cannot
            errors.append(ItemError(path=path, code="text.encoding"))
    return errors


def _take_arrivals(conn: Connection, ward: str, count: int) -> int:
    """The first of ``count`` new numbers of the ward's change counter (locked until commit)."""
    last = next_seq(conn, ward)
    if count > 1:
        bump = (
            update(RosterClock)
            .where(RosterClock.ward == ward)
            .values(seq=RosterClock.seq + (count - 1))
            .returning(RosterClock.seq)
        )
        last = int(conn.execute(bump).scalar_one())
    return last - count + 1


def _stored(conn: Connection, ids: Sequence[str]) -> dict[str, tuple[str, int]]:
    """Stored outcomes among ``ids``: their hash and arrival."""
    if not ids:
        return {}
    rows = conn.execute(
        select(VisitOutcome.id, VisitOutcome.sha256, VisitOutcome.arrival).where(
            VisitOutcome.id.in_(ids)
        )
    )
    return {row.id: (row.sha256, int(row.arrival)) for row in rows}


def _replay(item_id: str, digest: str, stored: tuple[str, int]) -> VisitResult:
    if stored[0] == digest:
        return VisitResult(id=item_id, status="duplicate", arrival=stored[1], errors=[])
    return VisitResult(id=item_id, status="conflict", arrival=None, errors=[])


def _store(
    conn: Connection, station: StationInfo, todo: list[tuple[int, VisitItem, str]]
) -> dict[int, VisitResult]:
    """Number and insert ``todo`` (index, item, digest) in this transaction."""
    known = _stored(conn, sorted({item.id for _, item, _ in todo}))
    results: dict[int, VisitResult] = {}
    new: list[tuple[int, VisitItem, str]] = []
    firsts: set[str] = set()
    for index, item, digest in todo:
        if item.id in known or item.id in firsts:
            continue
        firsts.add(item.id)
        new.append((index, item, digest))
    if new:
        first = _take_arrivals(conn, station.ward, len(new))
        now = utcnow()
        rows = [
            {
                "id": item.id, "station_id": station.id, "ward": station.ward,
                "arrival": first + n, "household_id": item.household_id,
                "resident_id_number": item.id_number, "outcome": item.outcome,
                "come_back_on": item.come_back_on, "note": item.note,
                "recorded_at": item.recorded_at.astimezone(UTC), "recorded_by": item.recorded_by,
                "session_id": item.session_id, "sha256": digest, "received_at": now,
            }
            for n, (_, item, digest) in enumerate(new)
        ]  # fmt: skip
        statement = insert_for(conn, VisitOutcome).values(rows).on_conflict_do_nothing()
        inserted = set(conn.execute(statement.returning(VisitOutcome.id)).scalars())
        arrivals = {item.id: first + n for n, (_, item, _) in enumerate(new)}
        for index, item, _ in new:
            if item.id in inserted:
                results[index] = VisitResult(
                    id=item.id, status="accepted", arrival=arrivals[item.id], errors=[]
                )
        _stamp_households(
            conn, station.ward, {i.household_id for _, i, _ in new}, first + len(new) - 1
        )
        known = _stored(conn, sorted({item.id for i, item, _ in todo if i not in results}))
    for index, item, digest in todo:
        if index not in results:
            results[index] = _replay(item.id, digest, known[item.id])
    return results


def _stamp_households(conn: Connection, ward: str, households: set[str], seq: int) -> None:
    """The ward's live households among ``households`` changed at ``seq`` (the roster sends them
    again); removed or unknown ones, and other wards', are left as they are."""
    conn.execute(
        update(Household)
        .where(
            Household.id.in_(sorted(households)),
            Household.ward == ward,
            Household.removed.is_(False),
        )
        .values(seq=seq)
    )


def process_visits(
    engine: Engine,
    station: StationInfo,
    items: Sequence[VisitItem],
    step_aside: Callable[[], None] = lambda: None,
) -> list[VisitResult]:
    """Answer every outcome of a batch, in order, storing the new ones."""
    results: dict[int, VisitResult] = {}
    checked: list[tuple[int, VisitItem, str]] = []
    for index, item in enumerate(items):
        step_aside()
        errors = _errors(item)
        if errors:
            results[index] = VisitResult(id=item.id, status="invalid", arrival=None, errors=errors)
        else:
            checked.append((index, item, _digest(station, item)))
    with engine.connect() as conn:
        known = _stored(conn, sorted({item.id for _, item, _ in checked}))
    todo = []
    for index, item, digest in checked:
        if item.id in known:
            results[index] = _replay(item.id, digest, known[item.id])
        else:
            todo.append((index, item, digest))
    if todo:
        step_aside()
        results.update(run_write(engine, lambda conn: _store(conn, station, todo)))
    answered = [results[index] for index in range(len(items))]
    counts = Counter(result.status for result in answered)
    log.info("visit outcomes from %s: %s", station.id, dict(sorted(counts.items())))
    return answered


def _iso(value: datetime) -> str:
    return as_utc(value).astimezone(VIETNAM).isoformat()


def outcomes_json(
    conn: Connection, ward: str, households: Sequence[str]
) -> dict[str, list[dict[str, Any]]]:
    """The ward's outcomes about ``households`` (protocol ``RosterOutcome``), by household, in
    order of arrival."""
    found: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if not households:
        return found
    rows = conn.execute(
        select(
            VisitOutcome.id, VisitOutcome.household_id, VisitOutcome.resident_id_number,
            VisitOutcome.outcome, VisitOutcome.come_back_on, VisitOutcome.note,
            VisitOutcome.recorded_at, VisitOutcome.recorded_by, VisitOutcome.station_id,
            VisitOutcome.arrival,
        )
        .where(VisitOutcome.ward == ward, VisitOutcome.household_id.in_(households))
        .order_by(VisitOutcome.arrival)
    )  # fmt: skip
    for row in rows:
        found[row.household_id].append(
            {
                "id": row.id,
                "id_number": row.resident_id_number,
                "outcome": row.outcome,
                "come_back_on": row.come_back_on.isoformat() if row.come_back_on else None,
                "note": row.note,
                "recorded_at": _iso(row.recorded_at),
                "recorded_by": row.recorded_by,
                "station_id": row.station_id,
                "arrival": int(row.arrival),
            }
        )
    return found
