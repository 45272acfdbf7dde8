"""The ward's roster from a USB stick into the cache, for a kiosk without network for days.

The file (:mod:`kiosk.exchange.roster_stick`) is checked whole first: its signature against the
server's signing key pinned at enrolment, and its ward against the station's.  Nothing is applied
from a file that fails.  Then its pages are applied one transaction each, exactly as
:class:`kiosk.sync.downloader.RosterDownloader` applies downloaded pages (the same garbage
collection pause, the first page starting a full pass that ends by sweeping what the file did not
list, the last page's cursor kept): a kiosk stopped half-way keeps a consistent cache, and the
next download, or the file again, goes on from there.  Cancelling stops between two pages.
The import is audited (``roster.import``: the outcome, the ward, the file's date and counts).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from kiosk.exchange.export import ExportError, b64decode_key
from kiosk.exchange.roster_stick import (
    RosterFileChanged,
    RosterFileError,
    RosterFileOtherWard,
    RosterFileSignatureError,
    RosterFileTruncated,
    verify_roster_file,
)
from kiosk.store import Store
from kiosk.store.audit import append_event
from kiosk.store.enrolment import station_identity
from kiosk.store.roster_cache import apply_roster_page
from kiosk.sync.downloader import collection_paused
from kiosk.sync.errors import NotEnrolled

__all__ = ["RosterImport", "RosterImportProgress", "import_roster_file"]

log = logging.getLogger(__name__)

Stage = Literal["checking", "importing"]


@dataclass(frozen=True)
class RosterImportProgress:
    """Where an import stands: the file being checked, then its pages applied."""

    stage: Stage
    pages_done: int
    pages: int
    residents_done: int
    residents: int


@dataclass(frozen=True)
class RosterImport:
    """What an import did: the file's ward and date, pages and residents applied of the total."""

    ward: str
    generated_at: str
    pages_done: int
    pages: int
    residents_done: int
    residents: int
    households: int
    vehicles: int
    licences: int
    complete: bool
    """Every page applied (else cancelled between two pages)."""


def _refusal(error: RosterFileError) -> str:
    """A short code for the audit trail."""
    if isinstance(error, RosterFileChanged):
        return "changed"
    if isinstance(error, RosterFileSignatureError):
        return "other_key" if error.other_key else "signature"
    if isinstance(error, RosterFileOtherWard):
        return "other_ward"
    if isinstance(error, RosterFileTruncated):
        return "truncated"
    return "unreadable"


def _audit(
    store: Store, now: Callable[[], datetime], actor: str | None, details: dict[str, object]
) -> None:
    with store.transaction() as conn:
        append_event(conn, at=now(), actor=actor, action="roster.import", details=details)


def import_roster_file(
    store: Store,
    path: Path,
    *,
    now: Callable[[], datetime],
    actor: str | None = None,
    on_progress: Callable[[RosterImportProgress], None] | None = None,
    cancel: threading.Event | None = None,
) -> RosterImport:
    """Check ``path`` and apply its pages; :class:`NotEnrolled` without a pinned key or a ward,
    a :class:`~kiosk.exchange.roster_stick.RosterFileError` (audited, nothing applied) for a file
    that fails its checks.  ``on_progress`` is called from this thread."""

    def report(progress: RosterImportProgress) -> None:
        if on_progress is not None:
            on_progress(progress)

    with store.reader() as conn:
        station = station_identity(conn)
    if not station.enrolled or station.server_signing_key is None or not station.ward:
        raise NotEnrolled("this kiosk is not enrolled: there is no server key to check the file")
    try:
        pinned = b64decode_key(station.server_signing_key)
    except ExportError:
        raise NotEnrolled("the pinned server key is damaged: enrol again") from None

    def checking(done: int, pages: int) -> None:
        report(RosterImportProgress("checking", done, pages, 0, 0))

    try:
        verified = verify_roster_file(path, signing_key=pinned, ward=station.ward, on_page=checking)
    except RosterFileError as exc:
        _audit(
            store, now, actor, {"outcome": "refused", "reason": _refusal(exc), "file": path.name}
        )
        log.warning("roster file refused: %s", _refusal(exc))
        raise
    header = verified.header
    cursor, pages_done, residents_done = "", 0, 0
    report(RosterImportProgress("importing", 0, header.pages, 0, header.residents))
    details = {"ward": header.ward, "generated_at": header.generated_at, "file": path.name}
    try:
        with closing(verified.pages()) as pages:
            while cancel is None or not cancel.is_set():
                with collection_paused():  # as the downloader: from the parse until freed
                    page = next(pages, None)
                    if page is None:
                        break
                    with store.transaction() as conn:
                        applied = apply_roster_page(conn, page, cursor=cursor, at=now())
                    cursor = page.next_cursor
                    del page
                pages_done += 1
                residents_done += applied.residents
                report(
                    RosterImportProgress(
                        "importing", pages_done, header.pages, residents_done, header.residents
                    )
                )
    except RosterFileError as exc:  # changed since it was checked: what was applied is consistent
        counts = {"pages": pages_done, "of_pages": header.pages}
        _audit(
            store, now, actor, {**details, **counts, "outcome": "failed", "reason": _refusal(exc)}
        )
        raise
    result = RosterImport(
        ward=header.ward,
        generated_at=header.generated_at,
        pages_done=pages_done,
        pages=header.pages,
        residents_done=residents_done,
        residents=header.residents,
        households=header.households,
        vehicles=header.vehicles,
        licences=header.licences,
        complete=pages_done == header.pages,
    )
    outcome = "imported" if result.complete else "cancelled"
    counts = {"pages": pages_done, "of_pages": header.pages, "residents": residents_done}
    _audit(store, now, actor, {**details, **counts, "outcome": outcome})
    log.info("roster file: %d of %d page(s) applied", pages_done, header.pages)
    return result
