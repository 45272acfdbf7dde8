"""``import-queue``: a kiosk's offline export file, checked and stored with the upload's rules.

The file names its station in clear; the station's enrolled Ed25519 key must verify the signature
over the whole file before anything is decrypted (with the server's X25519 key).  The items then go
through :func:`intake.submissions.process_batch` in batches of 100, exactly as an upload would:
a submission already uploaded answers ``duplicate``, and uploading one after the import does too.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Engine, select

from intake.auth import StationInfo
from intake.db import run_write
from intake.keys import server_private_key
from intake.models import Station
from intake.submissions import process_batch
from kiosk.exchange.export import (
    ExportError,
    b64decode_key,
    open_export,
    read_header,
)
from kiosk.exchange.protocol import MAX_BATCH_ITEMS, BatchItem

__all__ = ["ImportRefused", "ImportReport", "import_queue"]

log = logging.getLogger(__name__)


class ImportRefused(Exception):
    """The file is not imported; the message says why (never any of its content)."""


@dataclass(frozen=True)
class ImportReport:
    """What an import did: the station, the items in the file, and how each was answered."""

    station_id: str
    items: int
    counts: dict[str, int]


def _station(engine: Engine, station_id: str, allow_revoked: bool) -> tuple[StationInfo, bytes]:
    """The enrolled station the file names, with its signing key."""
    with engine.connect() as conn:
        row = conn.execute(
            select(
                Station.id,
                Station.ward,
                Station.group_name,
                Station.signing_key,
                Station.revoked_at,
            ).where(Station.id == station_id)
        ).one_or_none()
    if row is None:
        raise ImportRefused(f"station {station_id} is not enrolled at this server")
    if row.revoked_at is not None and not allow_revoked:
        raise ImportRefused(
            f"station {station_id} is revoked; import with --allow-revoked if its queue is wanted"
        )
    try:
        key = b64decode_key(row.signing_key)
    except ExportError:
        raise ImportRefused(f"station {station_id} has no usable signing key") from None
    return StationInfo(id=row.id, ward=row.ward, group=row.group_name), key


def _items(raw: list[dict[str, Any]]) -> tuple[list[BatchItem], int]:
    """The file's items as batch items, and how many could not be read as one."""
    items: list[BatchItem] = []
    unreadable = 0
    for entry in raw:
        try:
            items.append(BatchItem.model_validate(entry))
        except ValidationError:
            unreadable += 1
    return items, unreadable


def import_queue(engine: Engine, data: bytes, *, allow_revoked: bool = False) -> ImportReport:
    """Verify, decrypt and store an export file; :class:`ImportRefused` when it cannot be used."""
    try:
        header = read_header(data)
        station, signing_key = _station(engine, header.station_id, allow_revoked)
        private = run_write(engine, lambda conn: server_private_key(conn).private_bytes_raw())
        opened = open_export(data, signing_public_key=signing_key, private_key=private)
    except ExportError as exc:
        raise ImportRefused(str(exc)) from None
    items, unreadable = _items(opened.items)
    counts: Counter[str] = Counter()
    if unreadable:
        counts["invalid"] += unreadable
    for start in range(0, len(items), MAX_BATCH_ITEMS):
        results = process_batch(engine, station, items[start : start + MAX_BATCH_ITEMS])
        counts.update(result.status for result in results)
    log.info("import from %s: %s", station.id, dict(sorted(counts.items())))
    return ImportReport(station_id=station.id, items=len(opened.items), counts=dict(counts))
