"""Load benchmark: the intake server under the evening peak, at 1x, 3x and 10x its sustainable rate.

Run from the repository root: ``.venv/bin/python bench/bench_load.py [--pg URL]`` (``make bench``).
SQLite always; PostgreSQL too with ``--pg URL`` or ``INTAKE_TEST_DATABASE_URL`` when it answers.
``BENCH_LOAD_SECONDS`` (default 15) is the length of each level (a ramp step is a third of it);
``BENCH_LOAD_KIOSKS`` (default 100) the number of simulated kiosks: keep it well above the
server's slots plus queue (4 + 16), or no load can bring a ``503``.  About 4 minutes for both.

The server is ``kiosk-intake serve`` with its default admission limits, in its own process pinned
to CPU 0 (``taskset -c 0``); the kiosks are asyncio sessions in another process pinned to CPU 1,
each enrolled as its own station with its own connection.  Like the uploader, a kiosk sends one
batch of 100 at a time, oldest first; on ``503``/``429`` it waits ``Retry-After`` and sends the same
batch again; on a timeout or a dropped connection it backs off and sends it again (the replay
comes back ``duplicate``).  New batches arrive at each kiosk at its share of the offered rate;
what it cannot send yet waits in its queue (dropped, never sent, when the level ends).  A level
ends when its time is up and every kiosk has an answer for the batch it had sent.

A ramp (offered rate x1.4 every step) finds the sustainable rate, the highest offered rate with no
``503``: that is 1x.  Then 1x, 3x and 10x for ``BENCH_LOAD_SECONDS`` each.  Per level: accepted
records/s, p50/p99 latency of admitted requests, share of ``503``, goodput as a fraction of 1x.
At the end the database must hold exactly the ids the kiosks were told ``accepted`` or
``duplicate``, each once.  Goal: goodput at 10x >= 0.9 of 1x.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import random
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402
from sqlalchemy import func, select  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from bench.common import intake_server, percentiles, record  # noqa: E402
from intake.auth import issue_enrol_code  # noqa: E402
from intake.db import make_engine  # noqa: E402
from intake.models import Submission  # noqa: E402
from kiosk.domain.payload import payload_sha256  # noqa: E402
from tests.strategies.payloads import make_payload, make_resident  # noqa: E402
from tests.support.intake import PG_ENV, fresh_database, reference  # noqa: E402

SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "15"))
KIOSKS = int(os.environ.get("BENCH_LOAD_KIOSKS", "100"))
BATCH = 100
RAMP_START = 2.0  # batches/s offered at the first ramp step
RAMP_FACTOR = 1.4
RAMP_STEP = max(3.0, SECONDS / 3)  # long enough for the queue to fill above the sustainable rate
RAMP_STEPS = 16
LEVELS = (1, 3, 10)
GOAL = 0.9
TIMEOUT = 30.0  # seconds a kiosk waits for an answer before it gives up and sends again
IDLE_RECONNECT = 4.0  # uvicorn closes idle connections after 5 s: reconnect before that
WORK = ROOT / ".bench-cache" / "load"


# --- the kiosks (the client process) ------------------------------------------------------------


@dataclass
class Level:
    """What the kiosks saw during one level (window: its BENCH_LOAD_SECONDS, not the drain)."""

    rate: float
    seconds: float
    latencies: list[float] = field(default_factory=list)
    accepted: int = 0
    attempts: int = 0
    refused: int = 0
    timeouts: int = 0
    other: int = 0


class Kiosk:
    """One station: its token, its connection, its counters, and what the server told it."""

    def __init__(self, host: str, port: int, told: set[str], counter: Iterator[int]) -> None:
        self.host, self.port = host, port
        self.told = told
        self.counter = counter
        self.token = ""
        self.station = ""
        self.made = 0
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
        self.last_used = 0.0

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None

    async def _exchange(self, path: str, body: bytes) -> tuple[int, dict[str, str], bytes]:
        loop = asyncio.get_running_loop()
        if self.streams is not None and loop.time() - self.last_used > IDLE_RECONNECT:
            self.close()
        if self.streams is None:
            self.streams = await asyncio.open_connection(self.host, self.port)
        reader, writer = self.streams
        auth = f"Authorization: Bearer {self.token}\r\n" if self.token else ""
        head = (
            f"POST {path} HTTP/1.1\r\nHost: {self.host}\r\n{auth}"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        )
        writer.write(head.encode("ascii") + body)
        await writer.drain()
        status = int((await reader.readline()).split()[1])
        headers = {}
        while (line := await reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "-1"))
        data = await reader.readexactly(length) if length >= 0 else await reader.read()
        if length < 0 or headers.get("connection") == "close":
            self.close()
        self.last_used = loop.time()
        return status, headers, data

    async def post(self, path: str, body: bytes) -> tuple[int, dict[str, str], bytes] | None:
        """POST; None on a timeout or a dropped connection (the connection is closed)."""
        try:
            return await asyncio.wait_for(self._exchange(path, body), TIMEOUT)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError, IndexError):
            self.close()
            return None

    async def enrol(self, code: str) -> None:
        key = base64.b64encode(_public_key()).decode("ascii")
        body = json.dumps({"code": code, "name": "Bench kiosk", "signing_key": key}).encode()
        while (answer := await self.post("/v1/stations/enrol", body)) is None or answer[0] == 503:
            await asyncio.sleep(1.0)
        assert answer[0] == 200, answer
        enrolled = json.loads(answer[2])
        self.token, self.station = enrolled["token"], enrolled["station_id"]

    def batch(self) -> bytes:
        """The next 100 submissions of this kiosk, as the uploader's body."""
        items = []
        for _ in range(BATCH):
            resident = make_resident(id_number=f"001090{next(self.counter):06d}")
            payload = make_payload(
                station_id=self.station, reference=reference(self.made), resident=resident
            )
            self.made += 1
            items.append(
                {"id": str(uuid.uuid4()), "sha256": payload_sha256(payload), "payload": payload}
            )
        return json.dumps({"items": items}, ensure_ascii=False).encode("utf-8")

    async def run(self, level: Level, share: float, start: float, end: float) -> None:
        """Offered ``share`` batches/s from ``start``; send until ``end``, then finish the batch sent."""
        loop = asyncio.get_running_loop()
        interval = 1.0 / share
        due = start + random.uniform(0, interval)
        body: bytes | None = None
        backoff = 1.0
        while True:
            now = loop.time()
            if body is None:
                if now >= end:
                    return
                if now < due:
                    await asyncio.sleep(min(due, end) - now)
                    continue
                body = self.batch()
                due += interval
            sent = loop.time()
            answer = await self.post("/v1/submissions/batch", body)
            done = loop.time()
            counted = sent < end
            level.attempts += counted
            if answer is None:
                level.timeouts += counted
                await asyncio.sleep(random.uniform(0, backoff))
                backoff = min(backoff * 2, 60.0)
                continue
            status, headers, data = answer
            if status == 200:
                results = json.loads(data)["results"]
                self.told.update(
                    r["id"] for r in results if r["status"] in ("accepted", "duplicate")
                )
                if done <= end:
                    level.latencies.append(done - sent)
                    level.accepted += sum(r["status"] == "accepted" for r in results)
                body, backoff = None, 1.0
            elif status in (429, 503):
                level.refused += counted
                await asyncio.sleep(int(headers["retry-after"]))
            else:
                level.other += counted
                await asyncio.sleep(1.0)


async def _level(kiosks: list[Kiosk], rate: float, seconds: float) -> Level:
    level = Level(rate, seconds)
    start = asyncio.get_running_loop().time()
    share = rate / len(kiosks)
    await asyncio.gather(*(k.run(level, share, start, start + seconds) for k in kiosks))
    return level


async def _client(config: dict[str, Any]) -> dict[str, Any]:
    told: set[str] = set()
    counter = iter(range(10**6))
    kiosks = [Kiosk(config["host"], config["port"], told, counter) for _ in config["codes"]]
    for kiosk, code in zip(kiosks, config["codes"], strict=True):
        await kiosk.enrol(code)
    ramp = []
    rate = RAMP_START
    for _ in range(RAMP_STEPS):
        step = await _level(kiosks, rate, RAMP_STEP)
        ramp.append(step)
        if step.refused:
            break
        rate *= RAMP_FACTOR
    clean = [step.rate for step in ramp if not step.refused]
    sustainable = clean[-1] if clean else ramp[0].rate
    levels = [await _level(kiosks, sustainable * n, SECONDS) for n in LEVELS]
    for kiosk in kiosks:
        kiosk.close()
    return {
        "sustainable": sustainable,
        "ramp": [(s.rate, s.accepted / s.seconds, s.refused) for s in ramp],
        "levels": [level.__dict__ for level in levels],
        "told": sorted(told),
    }


def _public_key() -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


# --- the orchestrator ---------------------------------------------------------------------------


def _pinned(cpu: int, command: list[str]) -> list[str]:
    return ["taskset", "-c", str(cpu), *command] if shutil.which("taskset") else command


def _stored(url: str) -> tuple[int, set[str]]:
    """How many submissions the database holds, and their distinct ids."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            count = conn.execute(select(func.count()).select_from(Submission)).scalar_one()
            ids = set(conn.execute(select(Submission.id)).scalars())
    finally:
        engine.dispose()
    return int(count), ids


def run(backend: str) -> bool:
    """One backend: serve, load, check the database; print the figures; True if the goal holds."""
    with fresh_database(backend, WORK) as url:
        engine = make_engine(url)
        codes = [
            issue_enrol_code(engine, "Phường Yên Nghĩa", "Tổ dân phố 1", timedelta(hours=2))
            for _ in range(KIOSKS)
        ]
        engine.dispose()
        with intake_server(url, WORK / f"server-{backend}.log", cpu=0) as base:
            host, port = base.removeprefix("http://").split(":")
            config = json.dumps({"host": host, "port": int(port), "codes": codes})
            client = subprocess.run(
                _pinned(1, [sys.executable, __file__, "--client"]),
                input=config.encode(),
                capture_output=True,
                check=True,
                cwd=ROOT,
            )
        result = json.loads(client.stdout)
        count, ids = _stored(url)
    return _report(backend, result, count, ids)


def _report(backend: str, result: dict[str, Any], count: int, ids: set[str]) -> bool:
    ramp = ", ".join(f"{rate:.1f}{'*' if refused else ''}" for rate, _, refused in result["ramp"])
    print(f"  ramp[{backend}] offered batches/s: {ramp} (* = some 503)", file=sys.stderr)
    levels = [Level(**level) for level in result["levels"]]
    base = levels[0].accepted / levels[0].seconds
    for n, level in zip(LEVELS, levels, strict=True):
        rate = level.accepted / level.seconds
        p50, p99 = percentiles(level.latencies) if level.latencies else (0.0, 0.0)
        share = level.refused / level.attempts if level.attempts else 0.0
        print(
            f"load[{backend}] {n}x: offered {level.rate * BATCH:.0f} rec/s; accepted {rate:.0f} rec/s; "
            f"p50={p50:.0f}ms p99={p99:.0f}ms (admitted); 503 share {share:.1%}; "
            f"timeouts {level.timeouts}; goodput {rate / base:.2f} of 1x"
        )
    told = set(result["told"])
    intact = count == len(ids) == len(told) and ids == told
    goodput = levels[-1].accepted / levels[-1].seconds / base
    print(
        f"load[{backend}]: 1x = {result['sustainable'] * BATCH:.0f} rec/s offered; goodput at 10x "
        f"{goodput:.2f} of 1x (goal >= {GOAL}); database {count} rows, {len(ids)} distinct ids, "
        f"{len(told)} told accepted/duplicate: "
        + ("nothing lost or doubled" if intact else "MISMATCH")
    )
    record(
        f"load[{backend}]",
        f"at 10x: {levels[-1].accepted / levels[-1].seconds:.0f} rec/s accepted"
        + ("" if intact else "; MISMATCH in the database"),
        f"ratio >= {GOAL}, nothing lost or doubled",
        f"1x, the sustainable rate: {base:.0f} rec/s accepted",
        f"{goodput:.2f}",
        intact and goodput >= GOAL,
    )
    return intact and goodput >= GOAL


def _postgres(url: str | None) -> str | None:
    """The PostgreSQL URL if one is given and answers, else None."""
    if not url:
        return None
    admin = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    try:
        psycopg.connect(admin, connect_timeout=3).close()
    except psycopg.OperationalError:
        print("  PostgreSQL does not answer: SQLite only", file=sys.stderr)
        return None
    return url


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pg", help=f"PostgreSQL URL (default {PG_ENV})")
    parser.add_argument("--client", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client:
        result = asyncio.run(_client(json.loads(sys.stdin.read())))
        sys.stdout.write(json.dumps(result))
        return 0
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    backends = ["sqlite"]
    pg = _postgres(args.pg or os.environ.get(PG_ENV))
    if pg:
        os.environ[PG_ENV] = pg
        backends.append("postgresql")
    results = [run(backend) for backend in backends]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
