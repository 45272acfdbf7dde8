"""Admission control: who may hold one of the server's few working slots, and for how long to wait.

uvicorn's ``limit_concurrency`` answers 503 without ``Retry-After``, counts ``/v1/health`` and
counts a connection that has sent half a request, so this is our own ASGI middleware
(DESIGN.md §5, §6).  Headers larger than ``max_header`` bytes in all are refused (``431``): h11
refuses them only when they arrive in pieces.  A request is admitted in four steps, and holds
nothing until the last:

1. **Its whole body arrives**, within ``body_timeout`` seconds (else ``408``) and within
   ``max_body`` bytes (else ``413``, before the rest is read).  A client that sends headers and one
   byte, then nothing, never reaches a slot: it costs a socket until the timeout closes it.
2. **Its token is known** (else ``401``, as the routes answer).  Known tokens are remembered for a
   short while; unknown ones are looked up a few at a time.  The routes check the token again, so
   a revocation still takes effect at once.
3. **Its class of work has room.**  Interactive lookups (``/v1/registry/lookup``,
   ``/v1/submissions/lookup``) have slots of their own and never wait behind uploads; bulk work
   (batches, roster pages, stats, session close) shares the rest; enrolment, the one call without
   a token, has one slot keyed by the client's address.  One station holds at most half of a
   class's slots (rounded up), counting what it has waiting.
4. **It can start promptly.**  Each class keeps a moving average of its recent service times and
   predicts a newcomer's wait: the requests ahead of it and itself, times that average, over the
   slots.  A request predicted to wait longer than ``target`` seconds (or ``wait``, the hard bound)
   is refused at once with ``503`` and a jittered ``Retry-After``, instead of waiting and then being
   served late; one that was queued and still finds no slot within ``wait`` is refused too.  This
   is CoDel's idea (keep the standing queue short, judged by time, not length) applied at
   admission; no kept ASGI library provides it.

Lookups also come first for the processor: while one runs, bulk work steps aside at its next
safe point (:class:`Interactive`, between the items of a batch), since on one core the lookup
would otherwise share the interpreter with every upload in flight.

``503`` is cheap, so the server keeps its throughput under a flood instead of collapsing, and an
admitted request's latency stays near its service time.  The paths in ``bypass`` (the health
check) are never queued or refused.  Limits are per server process: each replica protects itself.
"""

from __future__ import annotations

import asyncio
import json
import random
import threading
import time
from collections import Counter, deque
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass, field
from typing import Any, Literal

from starlette.types import ASGIApp, Message, Receive, Scope, Send

WorkClass = Literal["lookup", "bulk", "enrol"]

LOOKUP_PATHS = frozenset({"/v1/registry/lookup", "/v1/submissions/lookup"})
ENROL_PATH = "/v1/stations/enrol"
API_PREFIX = "/v1/"

_EWMA_WEIGHT = 0.1  # each new service time moves the average by a tenth
_TOKEN_MEMORY = 30.0  # seconds a known token is admitted without asking the database again
_TOKEN_MEMORY_SIZE = 10_000
_TOKEN_CHECKS = 2  # unknown tokens looked up in the database at once


def _body(detail: str) -> bytes:
    return json.dumps({"detail": detail}).encode("ascii")


_BUSY = _body("server busy; try again after Retry-After seconds")
_UNAUTHORISED = _body("token missing, unknown or revoked")
_TOO_LARGE = _body("request body too large")
_TOO_SLOW = _body("request body not received in time")
_HEADERS_TOO_LARGE = _body("request headers too large")


@dataclass(frozen=True)
class Admission:
    """The limits: ``limit`` bulk and ``lookup_limit`` lookup slots, ``queue`` waiting per class up
    to ``wait`` s (admitted only when predicted to wait at most ``target`` s), the ``Retry-After``
    range, and the body's size and time bounds."""

    limit: int
    queue: int
    wait: float
    retry_after: tuple[int, int]
    lookup_limit: int = 2
    target: float = 0.25
    max_body: int = 8 * 1024 * 1024
    body_timeout: float = 30.0
    max_header: int = 16 * 1024

    def __post_init__(self) -> None:
        low, high = self.retry_after
        if (
            self.limit < 1
            or self.lookup_limit < 1
            or self.queue < 0
            or self.wait < 0
            or self.target < 0
            or not 1 <= low <= high
            or self.max_body < 1
            or self.body_timeout <= 0
            or self.max_header < 1
        ):
            raise ValueError(
                "admission: limits >= 1, queue >= 0, wait >= 0, 1 <= retry min <= max, "
                "body size and time > 0"
            )


@dataclass
class _Class:
    """One class of work: its slots, who holds or waits for them, and its recent service time."""

    limit: int
    queue: int
    running: int = 0
    service: float | None = None  # moving average, seconds
    waiting: deque[tuple[str, asyncio.Future[None]]] = field(default_factory=deque)
    per_station: Counter[str] = field(default_factory=Counter)

    @property
    def share(self) -> int:
        """Slots (and queue places) one station may take: half the slots, rounded up."""
        return (self.limit + 1) // 2

    def predicted_wait(self) -> float:
        """Seconds a newcomer would wait: the queue ahead of it and itself, over the slots."""
        if self.running < self.limit and not self.waiting:
            return 0.0
        return (len(self.waiting) + 1) * (self.service or 0.0) / self.limit

    def served(self, seconds: float) -> None:
        if self.service is None:
            self.service = seconds
        else:
            self.service += _EWMA_WEIGHT * (seconds - self.service)

    def forget(self, station: str) -> None:
        """One request of ``station`` no longer holds or waits for a slot."""
        self.per_station[station] -= 1
        if self.per_station[station] <= 0:
            del self.per_station[station]

    def release(self, station: str) -> None:
        """Give the slot to the first one still waiting, or free it."""
        self.forget(station)
        while self.waiting:
            _, future = self.waiting.popleft()
            if not future.done():
                future.set_result(None)  # the slot passes on: ``running`` stays as it is
                return
        self.running -= 1


class Interactive:
    """Whether interactive work (a lookup) is running; bulk work waits for it at safe points.

    The admission middleware (event loop) marks lookups in and out; bulk work on worker threads
    calls :meth:`step_aside` between units of work.  It waits at most ``longest`` seconds, so bulk
    work is slowed by a stream of lookups, never stopped.
    """

    def __init__(self, longest: float = 0.05) -> None:
        self.longest = longest
        self._running = 0
        self._clear = threading.Event()
        self._clear.set()

    def enter(self) -> None:
        self._running += 1
        self._clear.clear()

    def leave(self) -> None:
        self._running -= 1
        if self._running == 0:
            self._clear.set()

    def step_aside(self) -> None:
        """Wait (up to ``longest`` s, the interpreter free meanwhile) while a lookup runs."""
        if not self._clear.is_set():
            self._clear.wait(self.longest)


Identify = Callable[[str], Awaitable[str | None]]
"""The station holding a bearer token, or None (looked up off the event loop)."""


class AdmissionControl:
    """ASGI middleware enforcing an :class:`Admission` on the API's HTTP requests."""

    def __init__(
        self,
        app: ASGIApp,
        admission: Admission,
        identify: Identify,
        interactive: Interactive | None = None,
        bypass: Collection[str] = (),
        rng: random.Random | None = None,
    ) -> None:
        self.app = app
        self.admission = admission
        self.identify = identify
        self.interactive = interactive or Interactive()
        self.bypass = frozenset(bypass)
        self.rng = rng or random.Random()
        self.classes: dict[WorkClass, _Class] = {
            "bulk": _Class(admission.limit, admission.queue),
            "lookup": _Class(admission.lookup_limit, admission.queue),
            "enrol": _Class(1, 1),
        }
        self.known: dict[str, tuple[str, float]] = {}
        self.token_checks = asyncio.Semaphore(_TOKEN_CHECKS)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Read the body, check the token, then run the request in a slot of its class, or refuse."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if (
            sum(len(name) + len(value) + 4 for name, value in scope["headers"])
            > self.admission.max_header
        ):
            await _answer(send, 431, _HEADERS_TOO_LARGE, [(b"connection", b"close")])
            return
        path = scope["path"]
        if not path.startswith(API_PREFIX) or path in self.bypass:
            await self.app(scope, receive, send)
            return
        kind: WorkClass = (
            "enrol" if path == ENROL_PATH else "lookup" if path in LOOKUP_PATHS else "bulk"
        )
        if kind == "enrol":
            client = scope.get("client")
            station = f"address {client[0]}" if client else "address unknown"
        else:
            found = await self._station(scope)
            if found is None:
                await _answer(send, 401, _UNAUTHORISED, [(b"www-authenticate", b"Bearer")])
                return
            station = found
        work = self.classes[kind]
        # Read even a body that will be refused: answering before it is in makes the server
        # close a connection with unread bytes, and the client may see a reset, not the 503.
        body = await self._read_body(scope, receive, send)
        if body is None:
            return
        if not await self._admit(work, station):
            await self._busy(send)
            return
        started = time.perf_counter()
        if kind == "lookup":
            self.interactive.enter()
        try:
            await self.app(scope, _replay(body, receive), send)
        finally:
            if kind == "lookup":
                self.interactive.leave()
            work.served(time.perf_counter() - started)
            work.release(station)

    async def _busy(self, send: Send) -> None:
        low, high = self.admission.retry_after
        retry = str(self.rng.randint(low, high)).encode("ascii")
        await _answer(send, 503, _BUSY, [(b"retry-after", retry)])

    def _refusal(self, work: _Class, station: str) -> bool:
        """Whether a request of ``station`` would be refused now: over its share, or it could
        not start promptly (its predicted wait above the target or the hard bound)."""
        if work.per_station[station] >= work.share:
            return True
        if work.running < work.limit and not work.waiting:
            return False
        prompt = min(self.admission.wait, self.admission.target)
        return len(work.waiting) >= work.queue or work.predicted_wait() > prompt

    async def _read_body(self, scope: Scope, receive: Receive, send: Send) -> bytes | None:
        """The whole body within the size and time bounds; None when answered (413, 408) or gone.

        A declared length over the limit is refused at once, a chunked body as soon as it passes
        it; the connection lets the rest drain so that the client sees the answer
        (:mod:`intake.serving`).
        """
        limit = self.admission.max_body
        for name, value in scope["headers"]:
            if name == b"content-length" and value.isdigit() and int(value) > limit:
                await _answer(send, 413, _TOO_LARGE, [(b"connection", b"close")])
                return None
        chunks: list[bytes] = []
        size = 0
        deadline = asyncio.get_running_loop().time() + self.admission.body_timeout
        while True:
            remaining = deadline - asyncio.get_running_loop().time()
            try:
                message = await asyncio.wait_for(receive(), max(remaining, 0.0))
            except TimeoutError:
                await _answer(send, 408, _TOO_SLOW, [(b"connection", b"close")])
                return None
            if message["type"] == "http.disconnect":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                await _answer(send, 413, _TOO_LARGE, [(b"connection", b"close")])
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    async def _station(self, scope: Scope) -> str | None:
        """The station of the request's bearer token: remembered, else asked, else None."""
        token = ""
        for name, value in scope["headers"]:
            if name == b"authorization":
                scheme, _, credentials = value.decode("latin-1").partition(" ")
                if scheme.lower() == "bearer":
                    token = credentials.strip()
        if not token:
            return None
        now = time.monotonic()
        remembered = self.known.get(token)
        if remembered is not None and remembered[1] > now:
            return remembered[0]
        async with self.token_checks:
            station = await self.identify(token)
        if station is not None:
            if len(self.known) >= _TOKEN_MEMORY_SIZE:
                self.known.clear()
            self.known[token] = (station, now + _TOKEN_MEMORY)
        return station

    async def _admit(self, work: _Class, station: str) -> bool:
        """Take a slot: at once, or after a wait predicted to be short; False when refused."""
        if self._refusal(work, station):
            return False
        if work.running < work.limit and not work.waiting:
            work.running += 1
            work.per_station[station] += 1
            return True
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        entry = (station, future)
        work.waiting.append(entry)
        work.per_station[station] += 1
        try:
            await asyncio.wait_for(asyncio.shield(future), self.admission.wait)
        except (TimeoutError, asyncio.CancelledError) as exc:
            if future.done():  # the slot arrived as the wait ended: take it, or hand it on
                if isinstance(exc, asyncio.CancelledError):
                    work.release(station)
                    raise
                return True
            future.cancel()
            work.waiting.remove(entry)
            work.forget(station)
            if isinstance(exc, asyncio.CancelledError):
                raise
            return False
        return True


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that hands the app the body already read, then listens for a disconnect."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _answer(send: Send, status: int, body: bytes, extra: list[tuple[bytes, bytes]]) -> None:
    headers: list[Any] = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode("ascii")),
        *extra,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
