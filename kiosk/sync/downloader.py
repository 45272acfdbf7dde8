"""The ward's roster into the local cache, and online lookups for the lookup service.

:meth:`RosterDownloader.download` asks for pages after the kept cursor until ``more`` is false; each
page and its ``next_cursor`` are saved in one transaction (:mod:`kiosk.store.roster_cache`), so a
download killed half-way resumes at the first page it did not save.  A cursor the server refuses
(409: another server, a rebuilt database) starts a full download again.

:meth:`RosterDownloader.lookup` is the :class:`kiosk.services.lookup.OnlineRegistry` the lookup
service asks first: the server's answer (also kept in the cache), None for an unknown ID, and an
exception when the server cannot answer, so the service falls back to the cache.

A page is tens of thousands of Python objects (models, rows) that live only while it is parsed and
saved. Left to the garbage collector they would survive its young collections and, every few pages,
set off a full collection of the whole process: one stretch of 60-150 ms with the GIL held, during
which the UI thread cannot run (measured by ``bench/bench_scan.py``, DESIGN.md §3: no stall over
50 ms). So automatic collection is off from the parse of a page until its objects are gone again
(:func:`collection_paused`; the network waits are outside); they are freed by their reference
counts, never promoted, and the download never sets off a full collection.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.store import Store
from kiosk.store.roster_cache import apply_roster_page, cache_lookup, roster_state
from kiosk.sync.client import IntakeClient, parse_roster_page
from kiosk.sync.errors import Refused

__all__ = ["RosterDownloader", "RosterResult", "collection_paused"]

log = logging.getLogger(__name__)


@contextmanager
def collection_paused() -> Iterator[None]:
    """Automatic garbage collection off for the block (unless it was off already), then on again.

    For a burst of short-lived objects freed by their reference counts before the block ends: the
    collector would only promote them and later scan the whole heap for nothing. Process-wide:
    keep the block short (CPU work and local writes, never a network wait).
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


@dataclass(frozen=True)
class RosterResult:
    """What a download did: pages saved, and whether the cache is now up to date."""

    pages: int
    households: int
    residents: int
    removed_households: int
    removed_residents: int
    complete: bool
    restarted: bool
    """The server refused the kept cursor and the download started from the beginning."""


class RosterDownloader:
    """Keeps the roster cache current and answers online lookups (one client, one thread)."""

    def __init__(
        self,
        store: Store,
        client: IntakeClient,
        *,
        now: Callable[[], datetime],
        page_size: int = 500,
        cache_lookups: bool = True,
    ) -> None:
        self._store = store
        self._client = client
        self._now = now
        self._page_size = page_size
        self._cache_lookups = cache_lookups

    def download(
        self, stop: threading.Event | None = None, *, max_pages: int | None = None
    ) -> RosterResult:
        """Pages until the server has nothing more (or ``stop``, or ``max_pages``).

        Network failures raise (:mod:`kiosk.sync.errors`); what was saved stays saved.
        """
        with self._store.reader() as conn:
            cursor, _started = roster_state(conn)
        totals = {"pages": 0, "households": 0, "residents": 0, "rh": 0, "rr": 0}
        restarted = False
        while True:
            if stop is not None and stop.is_set():
                break
            if max_pages is not None and totals["pages"] >= max_pages:
                break
            try:
                body = self._client.roster_body(cursor, self._page_size)
            except Refused as exc:
                if exc.status != 409 or restarted or not cursor:
                    raise
                log.warning("roster: the server refused the kept cursor; downloading it all again")
                restarted, cursor = True, ""
                continue
            with collection_paused():  # the page's objects are gone before it ends (module doc)
                page = parse_roster_page(body)
                with self._store.transaction() as conn:
                    applied = apply_roster_page(conn, page, cursor=cursor, at=self._now())
                cursor, more = page.next_cursor, page.more
                del page, body
            totals["pages"] += 1
            totals["households"] += applied.households
            totals["residents"] += applied.residents
            totals["rh"] += applied.removed_households
            totals["rr"] += applied.removed_residents
            if not more:
                return self._result(totals, complete=True, restarted=restarted)
        return self._result(totals, complete=False, restarted=restarted)

    @staticmethod
    def _result(totals: dict[str, int], *, complete: bool, restarted: bool) -> RosterResult:
        log.info("roster: %d page(s), %d household(s)", totals["pages"], totals["households"])
        return RosterResult(
            pages=totals["pages"],
            households=totals["households"],
            residents=totals["residents"],
            removed_households=totals["rh"],
            removed_residents=totals["rr"],
            complete=complete,
            restarted=restarted,
        )

    def lookup(self, id_number: str, *, timeout_s: float | None = None) -> Mapping[str, Any] | None:
        """The server's answer for one ID number (``OnlineRegistry``); raises when it cannot say.

        ``timeout_s``: a budget for the exchange (else the client's timeouts).
        """
        answer = self._client.lookup(id_number, timeout_s=timeout_s)
        if answer is None:
            return None
        if self._cache_lookups:
            try:
                with self._store.transaction() as conn:
                    cache_lookup(conn, answer, at=self._now())
            except Exception as exc:  # the answer is good even if the cache could not keep it
                log.warning(
                    "lookup: could not keep the answer in the cache (%s)", type(exc).__name__
                )
        return answer.model_dump(mode="json", by_alias=True)
