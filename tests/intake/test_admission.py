"""Admission control, step by step, on the middleware itself (DESIGN.md §5).

The app behind the middleware is a small real ASGI app whose requests hold their slot until the
test lets them go, so who holds a slot, who waits and who is refused can be read off exactly; the
whole server under hostile clients is ``test_hostile.py``.  No timing is asserted beyond "has not
finished yet" and "finished": the machine is shared.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable, Coroutine
from typing import Any

from starlette.types import Message, Receive, Scope, Send

from intake.admission import Admission, AdmissionControl, Interactive

TOKENS = {"token-a": "st-a", "token-b": "st-b", "token-c": "st-c"}
ADMISSION = Admission(limit=4, queue=16, wait=2.0, retry_after=(2, 3), lookup_limit=2)


class HeldApp:
    """An ASGI app that answers 200 with the body it read, once the test releases the request."""

    def __init__(self) -> None:
        self.entered: list[str] = []
        self.release = asyncio.Event()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        message = await receive()
        self.entered.append(scope["path"])
        await self.release.wait()
        body = message.get("body", b"")
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": body})


async def _identify(token: str) -> str | None:
    return TOKENS.get(token)


def _control(app: HeldApp, admission: Admission = ADMISSION) -> AdmissionControl:
    return AdmissionControl(app, admission, _identify, bypass={"/v1/health"})


class Client:
    """One request through the middleware: its body arrives in ``chunks``, then ends (or not)."""

    def __init__(
        self,
        control: AdmissionControl,
        path: str,
        token: str | None = "token-a",
        chunks: tuple[bytes, ...] = (b"{}",),
        headers: list[tuple[bytes, bytes]] | None = None,
        ends: bool = True,
    ) -> None:
        self.sent: list[Message] = []
        self.stalled = not ends
        self.chunks = list(chunks)
        heads = [(b"authorization", f"Bearer {token}".encode())] if token else []
        scope = {
            "type": "http",
            "method": "POST",
            "path": path,
            "headers": heads + (headers or []),
            "client": ("127.0.0.1", 5000),
        }
        self.task = asyncio.ensure_future(control(scope, self.receive, self.send))

    async def receive(self) -> Message:
        if self.chunks:
            chunk = self.chunks.pop(0)
            more = self.stalled or bool(self.chunks)
            return {"type": "http.request", "body": chunk, "more_body": more}
        await asyncio.Event().wait()  # a body that never ends (or, after it, no disconnect)
        raise AssertionError("unreachable")

    async def send(self, message: Message) -> None:
        self.sent.append(message)

    @property
    def status(self) -> int | None:
        starts = [m for m in self.sent if m["type"] == "http.response.start"]
        return starts[0]["status"] if starts else None

    def header(self, name: bytes) -> bytes | None:
        start = next(m for m in self.sent if m["type"] == "http.response.start")
        return dict(start["headers"]).get(name)

    @property
    def body(self) -> bytes:
        return b"".join(m.get("body", b"") for m in self.sent if m["type"] == "http.response.body")


async def _settle() -> None:
    """Let every ready task run until each waits on something."""
    for _ in range(20):
        await asyncio.sleep(0)


def run(test: Callable[[], Coroutine[Any, Any, None]]) -> None:
    asyncio.run(test())


def test_a_stalled_body_holds_no_slot_and_times_out_with_408() -> None:
    async def scenario() -> None:
        app = HeldApp()
        control = _control(app, Admission(**{**ADMISSION.__dict__, "body_timeout": 0.2}))
        stalled = [
            Client(control, "/v1/submissions/batch", chunks=(b"{",), ends=False) for _ in range(10)
        ]
        await _settle()
        assert app.entered == [] and control.classes["bulk"].running == 0
        served = Client(control, "/v1/stats", token="token-b")
        await _settle()
        assert app.entered == ["/v1/stats"]
        await asyncio.gather(*(client.task for client in stalled))
        assert {client.status for client in stalled} == {408}
        assert stalled[0].header(b"connection") == b"close"
        app.release.set()
        await served.task
        assert served.status == 200

    run(scenario)


def test_an_unknown_or_missing_token_is_refused_401_without_a_slot() -> None:
    async def scenario() -> None:
        app = HeldApp()
        control = _control(app)
        unknown = Client(control, "/v1/submissions/batch", token="forged")
        missing = Client(control, "/v1/registry/lookup", token=None)
        await asyncio.gather(unknown.task, missing.task)
        assert unknown.status == missing.status == 401
        assert unknown.header(b"www-authenticate") == b"Bearer"
        assert json.loads(unknown.body) == {"detail": "token missing, unknown or revoked"}
        assert app.entered == []
        assert all(work.running == 0 for work in control.classes.values())

    run(scenario)


def test_a_body_over_the_limit_is_refused_413_declared_or_streamed() -> None:
    async def scenario() -> None:
        app = HeldApp()
        control = _control(app, Admission(**{**ADMISSION.__dict__, "max_body": 10}))
        declared = Client(
            control, "/v1/submissions/batch", headers=[(b"content-length", b"11")], ends=False
        )
        streamed = Client(control, "/v1/submissions/batch", chunks=(b"x" * 6, b"y" * 6), ends=False)
        fits = Client(control, "/v1/submissions/batch", chunks=(b"x" * 5, b"y" * 5))
        await asyncio.gather(declared.task, streamed.task)
        # declared over the limit: before a byte of it is read; chunked: once past it
        assert declared.status == streamed.status == 413
        assert declared.chunks and not streamed.chunks
        await _settle()
        app.release.set()
        await fits.task
        assert fits.status == 200 and fits.body == b"x" * 5 + b"y" * 5  # the body reaches the app

    run(scenario)


def test_lookups_have_slots_of_their_own_and_never_wait_behind_uploads() -> None:
    async def scenario() -> None:
        app = HeldApp()
        control = _control(app)
        uploads = [
            Client(control, "/v1/submissions/batch", token=token)
            for token in ("token-a", "token-a", "token-b", "token-b")
        ]
        await _settle()
        assert control.classes["bulk"].running == 4
        one_more = Client(control, "/v1/submissions/batch", token="token-c")
        lookup = Client(control, "/v1/registry/lookup", token="token-c")
        await _settle()
        assert app.entered.count("/v1/registry/lookup") == 1  # in at once: its own slot
        assert one_more.status is None and len(control.classes["bulk"].waiting) == 1
        app.release.set()
        await asyncio.gather(lookup.task, one_more.task, *(u.task for u in uploads))
        assert {c.status for c in (lookup, one_more, *uploads)} == {200}

    run(scenario)


def test_one_station_holds_at_most_half_the_slots() -> None:
    async def scenario() -> None:
        app = HeldApp()
        control = _control(app)
        own = [Client(control, "/v1/submissions/batch", token="token-a") for _ in range(3)]
        await _settle()
        assert [c.status for c in own] == [None, None, 503]  # two of four slots, no more
        assert own[2].header(b"retry-after") in {b"2", b"3"}
        others = [Client(control, "/v1/roster", token="token-b") for _ in range(2)]
        await _settle()
        assert len(app.entered) == 4
        lookups = [Client(control, "/v1/registry/lookup", token="token-a") for _ in range(2)]
        await _settle()
        assert [c.status for c in lookups] == [None, 503]  # one of the two lookup slots
        app.release.set()
        await asyncio.gather(*(c.task for c in (*own, *others, *lookups)))
        assert all(work.running == 0 and not work.per_station for work in control.classes.values())

    run(scenario)


def test_a_request_that_cannot_start_promptly_is_refused_at_once() -> None:
    """One slot, recent service times of a second, a one-second target: the first in line would
    wait a second and is queued; the next would wait two: refused now, not after waiting.  With a
    target above the two-second hard bound, the bound decides."""

    async def scenario(target: float, service: float, queued: bool) -> None:
        app = HeldApp()
        admission = Admission(**{**ADMISSION.__dict__, "limit": 1, "target": target})
        control = _control(app, admission)
        bulk = control.classes["bulk"]
        bulk.served(service)
        holder = Client(control, "/v1/submissions/batch", token="token-a")
        await _settle()
        first = Client(control, "/v1/stats", token="token-b")
        await _settle()
        assert (first.status is None) is queued and len(bulk.waiting) == int(queued)
        if queued:
            assert bulk.predicted_wait() == 2 * service
            second = Client(control, "/v1/roster", token="token-c")
            await _settle()
            assert second.status == 503 and second.header(b"retry-after") in {b"2", b"3"}
        else:
            assert first.status == 503
        app.release.set()
        await holder.task
        assert holder.status == 200
        if queued:
            await first.task
            assert first.status == 200
        assert bulk.running == 0 and not bulk.waiting

    asyncio.run(scenario(target=1.0, service=1.0, queued=True))
    asyncio.run(scenario(target=1.0, service=1.5, queued=False))  # 1.5 s predicted: over target
    asyncio.run(scenario(target=10.0, service=3.0, queued=False))  # 3 s: over the 2 s hard bound


def test_a_queued_request_is_refused_when_the_wait_runs_out_and_leaves_no_trace() -> None:
    async def scenario() -> None:
        app = HeldApp()
        control = _control(app, Admission(**{**ADMISSION.__dict__, "limit": 1, "wait": 0.2}))
        holder = Client(control, "/v1/submissions/batch", token="token-a")
        await _settle()
        waiter = Client(control, "/v1/submissions/batch", token="token-b")
        gone = Client(control, "/v1/submissions/batch", token="token-c")
        await _settle()
        assert len(control.classes["bulk"].waiting) == 2
        gone.task.cancel()  # the client went away while it waited
        await waiter.task
        assert waiter.status == 503
        bulk = control.classes["bulk"]
        assert not bulk.waiting and dict(bulk.per_station) == {"st-a": 1}
        app.release.set()
        await holder.task
        assert holder.status == 200 and bulk.running == 0 and not bulk.per_station

    run(scenario)


def test_enrolment_needs_no_token_and_health_and_other_paths_pass_by() -> None:
    async def scenario() -> None:
        app = HeldApp()
        control = _control(app)
        app.release.set()
        enrol = Client(control, "/v1/stations/enrol", token=None)
        health = Client(control, "/v1/health", token=None)
        schema = Client(control, "/openapi.json", token=None)
        await asyncio.gather(enrol.task, health.task, schema.task)
        assert enrol.status == health.status == schema.status == 200

    run(scenario)


def test_bulk_work_steps_aside_while_a_lookup_runs() -> None:
    async def scenario() -> None:
        app = HeldApp()
        interactive = Interactive(longest=30.0)
        control = AdmissionControl(app, ADMISSION, _identify, interactive)
        lookup = Client(control, "/v1/registry/lookup")
        await _settle()
        assert app.entered == ["/v1/registry/lookup"]
        stepped = threading.Thread(target=interactive.step_aside)
        stepped.start()
        await asyncio.sleep(0.2)
        assert stepped.is_alive()  # the bulk thread waits while the lookup runs
        app.release.set()
        await lookup.task
        await asyncio.to_thread(stepped.join, 30)
        assert not stepped.is_alive()
        interactive.step_aside()  # no lookup running: returns at once

    run(scenario)
