"""The ward's server as the lookup service's online registry: one request, within a time budget.

A volunteer looks up a resident standing at the desk, so a lookup never waits out the client's
upload timeouts (5 s to connect, 30 s to read): :meth:`ServerRegistry.lookup` gives the whole
exchange ``timeout_s`` seconds (:meth:`IntakeClient.lookup`) and never retries; a 429 or an answer
that is not the protocol raises at once, and the lookup service answers from the cache.  The
station's identity is read from the store at each call (an enrolment may have changed it), and
clients are kept per identity, one per calling thread at a time, so connections are reused.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kiosk.store import Store
from kiosk.sync.client import IntakeClient
from kiosk.sync.enrol import client_for, load_identity

__all__ = ["ServerRegistry"]

_IDLE_CLIENTS = 4
"""Clients kept for reuse between lookups (more only when lookups overlap)."""


class ServerRegistry:
    """:class:`kiosk.services.lookup.OnlineRegistry` on the enrolled station's intake server.

    Thread-safe: each lookup borrows a client of its own.  Raises :class:`NotEnrolled` before
    enrolment and the :mod:`kiosk.sync.errors` types when the server cannot answer in time.
    """

    def __init__(
        self,
        store: Store,
        *,
        ca_bundle: str | Path | None = None,
        allow_insecure_http: bool = False,
    ) -> None:
        self._store = store
        self._ca_bundle = ca_bundle
        self._allow_insecure_http = allow_insecure_http
        self._lock = threading.Lock()
        self._idle: list[tuple[tuple[str, str], IntakeClient]] = []
        self._closed = False

    def lookup(self, id_number: str, *, timeout_s: float) -> Mapping[str, Any] | None:
        """The server's answer for one ID number, None when it does not know it (404)."""
        started = time.monotonic()
        identity = load_identity(self._store)
        key = (identity.server_url or "", identity.token or "")
        client = self._borrow(key)
        if client is None:
            client = client_for(  # NotEnrolled before enrolment
                identity,
                ca_bundle=self._ca_bundle,
                allow_insecure_http=self._allow_insecure_http,
            )
        try:
            left = timeout_s - (time.monotonic() - started)  # the budget counts from the call
            answer = client.lookup(id_number, timeout_s=max(left, 0.0))
        finally:
            self._give_back(key, client)
        return None if answer is None else answer.model_dump(mode="json", by_alias=True)

    def _borrow(self, key: tuple[str, str]) -> IntakeClient | None:
        """An idle client for this identity; clients of an older identity are closed."""
        with self._lock:
            stale = [client for held, client in self._idle if held != key]
            mine = [(held, client) for held, client in self._idle if held == key]
            found = mine.pop()[1] if mine else None
            self._idle = mine
        for client in stale:
            client.close()
        return found

    def _give_back(self, key: tuple[str, str], client: IntakeClient) -> None:
        with self._lock:
            if not self._closed and len(self._idle) < _IDLE_CLIENTS:
                self._idle.append((key, client))
                return
        client.close()

    def close(self) -> None:
        """Close the idle clients (lookups under way close theirs when they end)."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for _key, client in idle:
            client.close()
