"""Admission control: a bounded number of requests at once, a short queue, beyond it 503.

uvicorn's ``limit_concurrency`` answers 503 without ``Retry-After`` and counts ``/v1/health`` too,
so this is our own ASGI middleware.  At most ``limit`` requests run at once; up to ``queue`` more
wait at most ``wait`` seconds for a slot; any other request is answered at once ``503`` with a
jittered ``Retry-After`` (whole seconds), which the kiosk honours before sending the same batch
again.  Refusing early is cheap, so the server keeps its throughput under a flood instead of
collapsing.  The paths in ``bypass`` (the health check) are never queued or refused.

The limit is per server process: each replica behind a load balancer protects itself.
"""

from __future__ import annotations

import asyncio
import json
import random
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

_BODY = json.dumps({"detail": "server busy; try again after Retry-After seconds"}).encode("ascii")


@dataclass(frozen=True)
class Admission:
    """The limits: ``limit`` at once, ``queue`` waiting up to ``wait`` s, ``Retry-After`` range."""

    limit: int
    queue: int
    wait: float
    retry_after: tuple[int, int]

    def __post_init__(self) -> None:
        low, high = self.retry_after
        if self.limit < 1 or self.queue < 0 or self.wait < 0 or not 1 <= low <= high:
            raise ValueError("admission: limit >= 1, queue >= 0, wait >= 0, 1 <= retry min <= max")


class AdmissionControl:
    """ASGI middleware enforcing an :class:`Admission` on HTTP requests."""

    def __init__(
        self,
        app: ASGIApp,
        admission: Admission,
        bypass: Collection[str] = (),
        rng: random.Random | None = None,
    ) -> None:
        self.app = app
        self.admission = admission
        self.bypass = frozenset(bypass)
        self.rng = rng or random.Random()
        self.slots = asyncio.Semaphore(admission.limit)
        self.waiting = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the request in a slot, after a short wait for one if need be, or refuse it."""
        if scope["type"] != "http" or scope["path"] in self.bypass:
            await self.app(scope, receive, send)
            return
        if not await self._admit():
            await self._refuse(send)
            return
        try:
            await self.app(scope, receive, send)
        finally:
            self.slots.release()

    async def _admit(self) -> bool:
        """Take a slot: at once, or after queueing up to ``wait`` seconds; False when refused."""
        if not self.slots.locked():
            await self.slots.acquire()  # a free slot: returns without yielding to others
            return True
        if self.waiting >= self.admission.queue or self.admission.wait <= 0:
            return False
        self.waiting += 1
        try:
            await asyncio.wait_for(self.slots.acquire(), self.admission.wait)
        except TimeoutError:
            return False
        finally:
            self.waiting -= 1
        return True

    async def _refuse(self, send: Send) -> None:
        """503 with a jittered ``Retry-After``, so refused kiosks do not all come back together."""
        low, high = self.admission.retry_after
        headers: list[Any] = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(_BODY)).encode("ascii")),
            (b"retry-after", str(self.rng.randint(low, high)).encode("ascii")),
        ]
        await send({"type": "http.response.start", "status": 503, "headers": headers})
        await send({"type": "http.response.body", "body": _BODY})
