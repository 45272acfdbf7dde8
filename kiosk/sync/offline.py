"""The unsent queue to a file for a USB stick, when the network has been gone for days.

The file (format in :mod:`kiosk.exchange.export`) holds every verified or held submission not yet
at the server, encrypted to the server's public key and signed with the station's key; the server
imports it with the same idempotent rules as an upload.  Nothing changes status here: exported
submissions stay queued until the server confirms them (uploading them later answers ``duplicate``).
The file is written next to its final name and renamed into place once it is on disk.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kiosk.exchange.export import ExportItem, b64decode_key, write_export
from kiosk.store import Store
from kiosk.store.audit import append_event
from kiosk.store.enrolment import station_identity
from kiosk.store.outbox import unsent
from kiosk.sync.errors import NotEnrolled

__all__ = ["QUEUE_SUFFIX", "QueueExport", "export_queue"]

log = logging.getLogger(__name__)

QUEUE_SUFFIX = ".queue"


@dataclass(frozen=True)
class QueueExport:
    """The file written and how many submissions it carries."""

    path: Path
    count: int


def _write_durably(path: Path, data: bytes) -> None:
    partial = path.with_name(path.name + ".partial")
    with partial.open("wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    partial.replace(path)
    with contextlib.suppress(OSError):  # directories cannot be opened on Windows
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def export_queue(
    store: Store, path: Path, *, now: Callable[[], datetime], actor: str | None = None
) -> QueueExport:
    """Write the unsent queue to ``path``; :class:`NotEnrolled` without the server's key."""
    at = now()
    with store.reader() as conn:
        station = station_identity(conn)
        queue = unsent(conn)
    if station.server_public_key is None or station.signing_private_key is None:
        raise NotEnrolled("this kiosk is not enrolled: there is no server key to encrypt to")
    data = write_export(
        [ExportItem(q.id, q.sha256, q.canonical) for q in queue],
        station_id=station.id,
        created_at=at,
        recipient_key=b64decode_key(station.server_public_key),
        signing_key=station.signing_private_key,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    _write_durably(path, data)
    with store.transaction() as conn:
        details = {"submissions": len(queue), "file": path.name}
        append_event(conn, at=at, actor=actor, action="export.queue", details=details)
    log.info("export: %d unsent submission(s) written", len(queue))
    return QueueExport(path, len(queue))
