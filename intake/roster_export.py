"""The ward's whole roster as a file the server signs, for kiosks without network
(``kiosk-intake export-roster``; format in :mod:`kiosk.exchange.roster_stick`).

The pages are the very ``RosterPage`` bodies ``GET /v1/roster`` serves (:func:`intake.roster.roster_page`,
500 households a page as the kiosk asks), so the kiosk applies them as it applies a download and
keeps the last page's cursor: once the network is back it asks only for what changed since the
file.  A household changed while the pages are read moves past the pass (``intake.roster``), so
passes of what changed follow the first until one finds nothing (at most :data:`CATCH_UP_PASSES`).
The pages are counted into a spool first (the header, first in the file, carries the counts), then
written through gzip next to the target and renamed into place once on disk.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Final

from sqlalchemy import Engine

from intake.clock import utcnow
from intake.keys import server_signing_key, server_signing_private_key
from intake.roster import Cursor, roster_page
from intake.routes.registry import PAGE_DEFAULT
from intake.wards import normalise_ward
from kiosk.exchange.roster_stick import FORMAT, VERSION, RosterFileHeader, write_roster_file
from kiosk.exchange.signing import signing_time

__all__ = ["CATCH_UP_PASSES", "EmptyWard", "RosterExport", "export_roster"]

CATCH_UP_PASSES: Final = 5


class EmptyWard(ValueError):
    """The ward has no households on this server (a misspelt ward, or no roster imported yet)."""


@dataclass(frozen=True)
class RosterExport:
    """The file written and what it holds."""

    path: Path
    ward: str
    households: int
    residents: int
    vehicles: int
    licences: int
    pages: int


def _listed(page: dict[str, Any]) -> bool:
    removed = page["removed"]
    return bool(page["households"] or removed["households"] or removed["residents"])


def _spool_pages(engine: Engine, ward: str, spool: IO[bytes]) -> dict[str, int]:
    """Every page of ``ward`` into ``spool`` (one JSON line each); the counts of what they list."""
    counts = {"households": 0, "residents": 0, "vehicles": 0, "licences": 0, "pages": 0}
    cursor, passes = "", 0
    while True:
        page = roster_page(engine, ward, Cursor.decode(cursor), PAGE_DEFAULT)
        if passes and not _listed(page) and not page["more"] and page["next_cursor"] == cursor:
            break  # nothing changed since the last pass
        line = json.dumps(page, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        spool.write(line + b"\n")
        counts["pages"] += 1
        for household in page["households"]:
            counts["households"] += 1
            for person in household["residents"]:
                counts["residents"] += 1
                counts["vehicles"] += len(person["vehicles"])
                counts["licences"] += len(person["licences"])
        cursor = page["next_cursor"]
        if not page["more"]:
            passes += 1
            if passes > CATCH_UP_PASSES:
                break
    return counts


def _lines(spool: IO[bytes]) -> Iterator[bytes]:
    spool.seek(0)
    for line in spool:
        yield line.rstrip(b"\n")


def export_roster(
    engine: Engine, ward: str, target: Path, *, now: Callable[[], datetime] = utcnow
) -> RosterExport:
    """Write ``ward``'s roster, signed with the server's key, to ``target``; :class:`EmptyWard`
    (and nothing written) when the ward has no households."""
    ward = normalise_ward(ward)
    generated_at = signing_time(now())
    with engine.begin() as conn:
        private_key = server_signing_private_key(conn)
        public_key = server_signing_key(conn)
    with tempfile.TemporaryFile() as spool:
        counts = _spool_pages(engine, ward, spool)
        if not counts["households"]:
            raise EmptyWard(f"no households of {ward} on this server")
        header = RosterFileHeader(
            format=FORMAT,
            version=VERSION,
            ward=ward,
            generated_at=generated_at,
            households=counts["households"],
            residents=counts["residents"],
            vehicles=counts["vehicles"],
            licences=counts["licences"],
            pages=counts["pages"],
            signing_key=public_key,
        )
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        try:
            with partial.open("wb") as out:
                write_roster_file(out, header, _lines(spool), private_key=private_key)
                out.flush()
                os.fsync(out.fileno())
            partial.replace(target)
        finally:
            partial.unlink(missing_ok=True)
    return RosterExport(
        path=target,
        ward=ward,
        households=header.households,
        residents=header.residents,
        vehicles=header.vehicles,
        licences=header.licences,
        pages=header.pages,
    )
