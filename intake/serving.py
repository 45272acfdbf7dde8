"""How uvicorn serves the app: one configuration for ``kiosk-intake serve`` and for the tests.

What uvicorn and h11 provide is used as they provide it: ``h11_max_incomplete_event_size`` refuses
oversized headers (400, connection closed), ``timeout_keep_alive`` closes idle connections between
requests.  One thing they do not provide: a connection that opens and then sends its headers a
byte at a time, or not at all, stays open for ever (uvicorn arms no timer before the first
request, and any byte disarms the keep-alive one).  :class:`GuardedH11Protocol` closes a
connection whose request headers are not complete ``header_timeout`` seconds after the connection
opened or the previous response ended.  The body's own bound is the admission middleware's
(:mod:`intake.admission`).  Behind nginx, its ``client_header_timeout`` and ``client_body_timeout``
do the same work earlier (docs/deploy.md).

A request answered before its body was read (``413``, ``408``) is answered with the connection
closed; closed at once, the unread bytes make the kernel reset the connection, and a client still
sending, the kiosk among them, sees the reset instead of the answer (it would take a ``413`` for
"no connection" and never halve its batch).  Like nginx's ``lingering_close``, the connection
then only stops sending: what still arrives is read and dropped until the client closes,
``linger`` seconds have passed or ``linger_bytes`` have been dropped.
"""

from __future__ import annotations

import asyncio
import copy
from typing import Any

import h11
import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from intake.config import Settings

SWITCH_INTERVAL = 0.001
"""Seconds a thread may hold the interpreter before another that waits gets it (CPython's default
is 0.005).  Upload batches keep worker threads busy; a lookup, the event loop and the health check
each take the interpreter many times per request, and waited up to 5 ms each time: lookups'
p99 under the upload flood fell from ~180 ms to ~100 ms with 1 ms, before the other measures
(``bench/bench_load.py``; 0.5 ms gave nothing more)."""


class _LingeringTransport:
    """The connection's transport as uvicorn sees it: closing it while the request's body is
    still arriving stops sending and lets the body drain (for at most ``linger`` seconds)."""

    def __init__(self, transport: asyncio.Transport, protocol: GuardedH11Protocol) -> None:
        self.real = transport
        self._protocol = protocol
        self.lingering = False
        self.dropped = 0
        self._deadline: asyncio.TimerHandle | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)

    def is_closing(self) -> bool:
        return self.lingering or self.real.is_closing()

    def close(self) -> None:
        if self.is_closing():
            return
        if self._protocol.conn.their_state is not h11.SEND_BODY:
            self.real.close()
            return
        self.lingering = True
        if self.real.can_write_eof():  # not under TLS: there the answer waits for the close
            self.real.write_eof()
        self.real.resume_reading()  # uvicorn pauses reading while a body waits unread
        self._deadline = self._protocol.loop.call_later(self._protocol.linger, self.real.close)

    def forget(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, closing connections that take too long to send request headers,
    and letting a body answered before it was read drain before the connection closes."""

    header_timeout = 10.0
    linger = 5.0
    linger_bytes = 32 << 20

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        self._lingering = _LingeringTransport(transport, self)
        super().connection_made(self._lingering)  # type: ignore[arg-type]
        self._header_deadline: asyncio.TimerHandle | None = None
        self._arm(None)

    def _arm(self, previous: object) -> None:
        """Expect the headers of the request after ``previous`` (a cycle, or None) in time."""
        self._disarm()
        self._waiting_after = previous
        self._header_deadline = self.loop.call_later(self.header_timeout, self._headers_late)

    def _disarm(self) -> None:
        if self._header_deadline is not None:
            self._header_deadline.cancel()
            self._header_deadline = None

    def data_received(self, data: bytes) -> None:
        if self._lingering.lingering:  # the rest of a body already answered: dropped
            self._lingering.dropped += len(data)
            if self._lingering.dropped > self.linger_bytes:
                self._lingering.real.close()
            return
        super().data_received(data)
        if self.cycle is not self._waiting_after:  # a new request's headers are complete
            self._disarm()

    def on_response_complete(self) -> None:
        finished = self.cycle
        super().on_response_complete()
        if not self.transport.is_closing() and self.cycle is finished:
            self._arm(finished)

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        self._lingering.forget()
        super().connection_lost(exc)

    def _headers_late(self) -> None:
        self._header_deadline = None
        if not self.transport.is_closing():
            self._lingering.real.close()


def uvicorn_config(app: Any, settings: Settings, **options: Any) -> uvicorn.Config:
    """uvicorn's configuration for ``app`` with the server's connection limits from ``settings``;
    ``options`` (host, port, TLS files, logging) pass on to :class:`uvicorn.Config`."""
    protocol = type(
        "IntakeH11Protocol", (GuardedH11Protocol,), {"header_timeout": settings.header_timeout}
    )
    return uvicorn.Config(
        app,
        http=protocol,
        h11_max_incomplete_event_size=settings.max_header_bytes,
        timeout_keep_alive=settings.keep_alive,
        proxy_headers=False,
        **options,
    )


def log_config() -> dict[str, Any]:
    """uvicorn's own logging, plus the server's loggers (counts and error types, never bodies)."""
    config = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    config["loggers"]["intake"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config
