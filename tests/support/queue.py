"""Thousands of real verified submissions in one transaction, for the sync tests and the bench.

Capturing and verifying through the services costs about 3 ms a submission (two payload checks,
items, three audit events).  Here the fixed payload of ``make_payload`` is checked once, then each
copy gets its own id, reference and ID number, its canonical bytes frozen and hashed as
``kiosk.store.submissions.verify`` freezes them, and the rows (submission and items) are inserted
by executemany.  Every copy is a valid payload the server accepts.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import insert

from kiosk.domain.payload import REFERENCE_ALPHABET, canonical_bytes
from kiosk.exchange.payload import payload_warnings, validate_payload
from kiosk.store import Store, append_event
from kiosk.store.models import EveningSession, Operator, Submission, SubmissionItem, table_of
from kiosk.store.station import get_station
from tests.strategies.payloads import make_payload

__all__ = ["ICT", "OFFICER", "VOLUNTEER", "add_verified", "ensure_operators", "open_session"]

ICT = timezone(timedelta(hours=7))
OFFICER = "op-sync-officer"
VOLUNTEER = "op-sync-volunteer"
CAPTURED = datetime(2025, 11, 22, 19, 5, 11, tzinfo=ICT)
VERIFIED = datetime(2025, 11, 22, 19, 9, 40, tzinfo=ICT)
_S = table_of(Submission)
_ITEMS = table_of(SubmissionItem)


def reference_for(n: int) -> str:
    """A distinct reference code for each ``n`` (base-32 digits of n)."""
    chars = []
    for _ in range(8):
        n, digit = divmod(n, 32)
        chars.append(REFERENCE_ALPHABET[digit])
    return "".join(chars[:4]) + "-" + "".join(chars[4:])


def ensure_operators(store: Store) -> None:
    """An officer and a volunteer to capture and verify as (no PINs needed here)."""
    with store.write() as session:
        for op_id, role in ((OFFICER, "officer"), (VOLUNTEER, "volunteer")):
            if session.get(Operator, op_id) is None:
                session.add(
                    Operator(
                        id=op_id,
                        name=op_id,
                        role=role,
                        pin_hash=b"-",
                        pin_salt=b"-" * 16,
                        pin_params="-",
                        created_at=CAPTURED,
                    )
                )


def open_session(store: Store) -> str:
    """A new evening session (opened by the officer); its id."""
    ensure_operators(store)
    session_id = str(uuid.uuid4())
    with store.write() as session:
        session.add(
            EveningSession(
                id=session_id,
                residential_group="Tổ dân phố 1",
                opened_at=CAPTURED,
                opened_by=OFFICER,
            )
        )
    return session_id


def _items(sub_id: str, payload: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for kind, key, label in (("vehicle", "vehicles", "plate"), ("licence", "licences", "number")):
        for position, entry in enumerate(payload[key]):
            rows.append(
                {
                    "submission_id": sub_id,
                    "kind": kind,
                    "position": position,
                    "answer": entry["answer"],
                    "registry_ref": entry["registry_ref"],
                    "label": entry[label][:40],
                }
            )
    return rows


def add_verified(
    store: Store,
    count: int,
    *,
    start: int = 0,
    session_id: str | None = None,
    training: bool = False,
    residents: Sequence[Mapping[str, Any]] = (),
) -> list[str]:
    """``count`` verified submissions numbered ``start…``, oldest first; their ids in that order.
    Their residents are the template's with ``residents`` laid over it in order (an ID number, a
    birth date and sex that agree with it), then with generated ID numbers."""
    ensure_operators(store)
    with store.read() as session:
        station = get_station(session)
        assert station is not None
        station_id = station.id
    template = make_payload(
        station_id=station_id,
        session_id=session_id,
        captured_by=VOLUNTEER,
        verified_by=OFFICER,
        captured_at=CAPTURED.isoformat(),
        verified_at=VERIFIED.isoformat(),
    )
    assert validate_payload(template) == []
    acknowledged = set(template["warnings_acknowledged"])
    assert {w["code"] for w in payload_warnings(template)} <= acknowledged
    rows: list[dict[str, Any]] = []
    items: list[dict[str, Any]] = []
    for n in range(start, start + count):
        sub_id = str(uuid.uuid4())
        payload = {**template, "reference": reference_for(n)}
        given = n - start
        over = residents[given] if given < len(residents) else {"id_number": f"001090{n:06d}"}
        payload["resident"] = {**template["resident"], **over}
        frozen = canonical_bytes(payload)
        at = VERIFIED + timedelta(milliseconds=n)
        rows.append(
            {
                "id": sub_id,
                "reference": payload["reference"],
                "station_id": station_id,
                "session_id": session_id,
                "status": "verified",
                "training": training,
                "resident_id_number": payload["resident"]["id_number"],
                "payload": payload,
                "canonical": frozen,
                "sha256": hashlib.sha256(frozen).hexdigest(),
                "vehicle_count": len(payload["vehicles"]),
                "licence_count": len(payload["licences"]),
                "created_at": CAPTURED,
                "created_by": VOLUNTEER,
                "captured_at": CAPTURED,
                "captured_by": VOLUNTEER,
                "verified_at": at,
                "verified_by": OFFICER,
                "status_at": at,
                "upload_failures": 0,
            }
        )
        items += _items(sub_id, payload)
    with store.transaction() as conn:
        conn.execute(insert(_S), rows)
        conn.execute(insert(_ITEMS), items)
        details = {"submissions": count, "training": training}
        append_event(conn, at=VERIFIED, actor=OFFICER, action="test.bulk_verified", details=details)
    return [row["id"] for row in rows]
