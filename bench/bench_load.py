"""Load benchmark: the intake server under the evening peak, at 1x, 3x and 10x its sustainable rate.

Run from the repository root: ``.venv/bin/python bench/bench_load.py [--pg URL]`` (``make bench``).
SQLite once; PostgreSQL ``BENCH_LOAD_PG_RUNS`` times (default 3) with ``--pg URL`` or
``INTAKE_TEST_DATABASE_URL`` when it answers.  ``BENCH_LOAD_SECONDS`` (default 15) is the length
of each level; ``BENCH_LOAD_KIOSKS`` (default 100) the number of simulated kiosks: keep it well
above the server's slots, or no load can bring a ``503``.  About 10 minutes in all.

The server is ``kiosk-intake serve`` with its default admission limits, in its own process pinned
to CPU 0 (``taskset -c 0``); the kiosks are asyncio sessions in another process pinned to CPU 1,
each enrolled as its own station with its own connection.  Like the uploader, a kiosk sends one
batch of 100 at a time, oldest first; on ``503``/``429`` it waits ``Retry-After`` and sends the same
batch again; on a timeout or a dropped connection it backs off and sends it again (the replay
comes back ``duplicate``).  New batches arrive at each kiosk at its share of the offered rate;
what it cannot send yet waits in its queue (dropped, never sent, when the level ends).  A level
ends when its time is up and every kiosk has an answer for the batch it had sent.

Meanwhile 40 other stations make a registry lookup every 0.1 s between them, as volunteers do
with a resident at the desk (round robin, so each stays under its rate limit), from a process of
their own (also on CPU 1, where the kiosks' process runs niced, so that building their batches
does not delay the lookups: in the ward these are other machines); their
latency is measured unloaded first, then during every level.

**1x**, the sustainable rate, is the highest offered rate at which nothing is refused: a ramp
(x1.4 every ``RAMP_STEP`` s) finds the first rate with a ``503``; the last clean one is then run
for a whole level, and lowered by a fifth until a whole level passes with no ``503`` and no
timeout (a short ramp step can miss the queue a longer run builds).  That clean level is 1x; then
3x and 10x.  Per level: accepted records/s, p50/p99 latency of admitted uploads, share of ``503``,
goodput as a fraction of 1x, lookup p99.  At the end the database must hold exactly the ids the
kiosks were told ``accepted`` or ``duplicate``, each once.  Goals: goodput at 10x >= 0.9 of 1x
(on PostgreSQL: in the median of its runs, and no run below 0.8); p99 of admitted uploads at
10x <= 2x their p99 at 1x; lookup p99 during 10x <= 3x unloaded and <= 300 ms.
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
import time
import uuid
from collections.abc import Iterator, Sequence
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
PG_RUNS = int(os.environ.get("BENCH_LOAD_PG_RUNS", "3"))
BATCH = 100
RAMP_START = 2.0  # batches/s offered at the first ramp step
RAMP_FACTOR = 1.4
RAMP_STEP = max(3.0, SECONDS / 3)
RAMP_STEPS = 16
SETTLE_FACTOR = 0.8  # 1x lowered by this until a whole level passes clean
SETTLE_TRIES = 10
LEVELS = (1, 3, 10)
GOAL = 0.9
FLOOR = 0.8  # no PostgreSQL run below this
LATENCY_GOAL = 2.0  # p99 of admitted uploads at 10x, as a multiple of p99 at 1x
LOOKUP_GOAL = 3.0  # lookup p99 during 10x, as a multiple of unloaded
LOOKUP_CEILING_MS = 300.0
PROBERS = 40
PROBE_EVERY = 0.1
UNLOADED_LOOKUPS = 100
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
    window: tuple[float, float] = (0.0, 0.0)  # wall-clock start and end, to match the lookups

    @property
    def clean(self) -> bool:
        return self.refused == 0 and self.timeouts == 0 and self.other == 0


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

    async def lookup(self) -> tuple[float, float, bool]:
        """One registry lookup (an ID the ward does not have: 404): (wall time, seconds, answered)."""
        loop = asyncio.get_running_loop()
        body = json.dumps({"id_number": f"0010909{random.randrange(10**5):05d}"}).encode()
        sent, at = loop.time(), time.time()
        answer = await self.post("/v1/registry/lookup", body)
        return at, loop.time() - sent, answer is not None and answer[0] == 404

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
    start, wall = asyncio.get_running_loop().time(), time.time()
    share = rate / len(kiosks)
    await asyncio.gather(*(k.run(level, share, start, start + seconds) for k in kiosks))
    level.window = (wall, wall + seconds)
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
    rate = clean[-1] if clean else ramp[0].rate
    settling = []
    for _ in range(SETTLE_TRIES):
        base = await _level(kiosks, rate, SECONDS)
        settling.append(base)
        if base.clean:
            break
        rate *= SETTLE_FACTOR
    levels = [base] + [await _level(kiosks, rate * n, SECONDS) for n in LEVELS[1:]]
    for kiosk in kiosks:
        kiosk.close()
    return {
        "sustainable": rate,
        "ramp": [(s.rate, s.accepted / s.seconds, s.refused) for s in ramp],
        "settling": [(s.rate, s.refused, s.timeouts) for s in settling],
        "levels": [level.__dict__ for level in levels],
        "told": sorted(told),
    }


async def _prober(config: dict[str, Any]) -> dict[str, Any]:
    """Lookups: UNLOADED_LOOKUPS first (then says ``ready``), then one every PROBE_EVERY s, round
    robin over the probers, until its input closes."""
    counter = iter(range(10**6))
    probers = [Kiosk(config["host"], config["port"], set(), counter) for _ in config["probers"]]
    for prober, code in zip(probers, config["probers"], strict=True):
        await prober.enrol(code)
    unloaded = [await probers[n % len(probers)].lookup() for n in range(UNLOADED_LOOKUPS)]
    print("ready", flush=True)
    loop = asyncio.get_running_loop()
    closed = loop.run_in_executor(None, sys.stdin.read)
    seen = []
    n = 0
    while not closed.done():
        due = loop.time() + PROBE_EVERY
        seen.append(await probers[n % len(probers)].lookup())
        n += 1
        await asyncio.sleep(max(0.0, due - loop.time()))
    for prober in probers:
        prober.close()
    return {"unloaded": unloaded, "seen": seen}


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


@dataclass(frozen=True)
class Outcome:
    """One run's figures."""

    base: float  # records/s accepted at 1x
    goodput: float  # accepted at 10x over 1x
    p99: tuple[float, float]  # admitted uploads' p99 at 1x and 10x, ms
    lookup_p99: tuple[float, float]  # lookups' p99 unloaded and during 10x, ms
    intact: bool
    clean: bool  # nothing refused at 1x


def run(backend: str, label: str) -> Outcome:
    """One run on a fresh database: serve, load, check the database; print the levels."""
    with fresh_database(backend, WORK) as url:
        engine = make_engine(url)
        codes = [
            issue_enrol_code(engine, "Phường Yên Nghĩa", "Tổ dân phố 1", timedelta(hours=2))
            for _ in range(KIOSKS + PROBERS)
        ]
        engine.dispose()
        with intake_server(url, WORK / f"server-{label}.log", cpu=0) as base:
            host, port = base.removeprefix("http://").split(":")
            server = {"host": host, "port": int(port)}
            prober = subprocess.Popen(
                _pinned(1, [sys.executable, __file__, "--probe"]),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                cwd=ROOT,
                text=True,
            )
            assert prober.stdin is not None and prober.stdout is not None
            prober.stdin.write(json.dumps(server | {"probers": codes[KIOSKS:]}) + "\n")
            prober.stdin.flush()
            assert prober.stdout.readline().strip() == "ready"
            client = subprocess.run(
                # niced: on the shared core, building the kiosks' batches must not delay the
                # probers' lookups (in the ward they are other machines)
                _pinned(1, ["nice", "-n", "10", sys.executable, __file__, "--client"]),
                input=json.dumps(server | {"codes": codes[:KIOSKS]}).encode(),
                capture_output=True,
                check=True,
                cwd=ROOT,
            )
            probed, _ = prober.communicate(timeout=60)
        result = json.loads(client.stdout) | json.loads(probed)
        count, ids = _stored(url)
    return _report(label, result, count, ids)


def _report(label: str, result: dict[str, Any], count: int, ids: set[str]) -> Outcome:
    ramp = ", ".join(f"{rate:.1f}{'*' if refused else ''}" for rate, _, refused in result["ramp"])
    settling = ", ".join(
        f"{rate:.1f}{'' if refused == timeouts == 0 else '*'}"
        for rate, refused, timeouts in result["settling"]
    )
    print(
        f"  ramp[{label}] offered batches/s: {ramp}; whole levels: {settling} "
        "(* = some 503 or timeout)",
        file=sys.stderr,
    )
    levels = [Level(**level) for level in result["levels"]]
    base = levels[0].accepted / levels[0].seconds
    unloaded = percentiles([seconds for _, seconds, _ in result["unloaded"]])[1]
    lookups = [_within(result["seen"], level.window) for level in levels]
    print(f"load[{label}] lookups unloaded: p99={unloaded:.0f}ms over {UNLOADED_LOOKUPS}")
    for n, level, (answered, refused) in zip(LEVELS, levels, lookups, strict=True):
        rate = level.accepted / level.seconds
        p50, p99 = percentiles(level.latencies) if level.latencies else (0.0, 0.0)
        share = level.refused / level.attempts if level.attempts else 0.0
        lookup = percentiles(answered)[1] if answered else float("inf")
        print(
            f"load[{label}] {n}x: offered {level.rate * BATCH:.0f} rec/s; accepted {rate:.0f} rec/s; "
            f"p50={p50:.0f}ms p99={p99:.0f}ms (admitted); 503 share {share:.1%}; "
            f"timeouts {level.timeouts}; goodput {rate / base:.2f} of 1x; lookups p99={lookup:.0f}ms "
            f"({len(answered)} answered, {refused} refused)"
        )
    told = set(result["told"])
    intact = count == len(ids) == len(told) and ids == told
    print(
        f"load[{label}]: database {count} rows, {len(ids)} distinct ids, {len(told)} told "
        "accepted/duplicate: " + ("nothing lost or doubled" if intact else "MISMATCH")
    )
    last = levels[-1]
    return Outcome(
        base=base,
        goodput=last.accepted / last.seconds / base,
        p99=(percentiles(levels[0].latencies)[1], percentiles(last.latencies)[1]),
        lookup_p99=(
            unloaded,
            percentiles(lookups[-1][0])[1] if lookups[-1][0] and not lookups[-1][1] else 1e9,
        ),
        intact=intact,
        clean=levels[0].clean,
    )


def _within(seen: list[list[Any]], window: Sequence[float]) -> tuple[list[float], int]:
    """The lookups made during ``window``: their latencies, and how many were not answered."""
    start, end = window
    during = [(seconds, answered) for at, seconds, answered in seen if start <= at < end]
    return [seconds for seconds, answered in during if answered], sum(not a for _, a in during)


def judge(backend: str, outcomes: list[Outcome]) -> bool:
    """Print and record the backend's figures (the median run's, for several); goals met?"""
    middle = sorted(outcomes, key=lambda o: o.goodput)[len(outcomes) // 2]
    goodputs = ", ".join(f"{o.goodput:.2f}" for o in outcomes)
    intact = all(o.intact for o in outcomes)
    clean = all(o.clean for o in outcomes)
    floor_ok = all(o.goodput >= FLOOR for o in outcomes) if len(outcomes) > 1 else True
    goodput_ok = middle.goodput >= GOAL and floor_ok and intact and clean
    runs = f"{len(outcomes)} runs: {goodputs}; median" if len(outcomes) > 1 else "one run:"
    print(
        f"load[{backend}]: 1x = {middle.base:.0f} rec/s accepted, "
        + ("nothing refused" if clean else "NOT CLEAN (refusals at 1x)")
        + "; goodput at 10x "
        f"({runs}) {middle.goodput:.2f} of 1x (goal >= {GOAL}"
        + (f", none < {FLOOR}" if len(outcomes) > 1 else "")
        + "); "
        + ("nothing lost or doubled" if intact else "MISMATCH in the database")
    )
    record(
        f"load[{backend}]",
        f"at 10x: {middle.goodput * middle.base:.0f} rec/s accepted ({runs} {middle.goodput:.2f})"
        + ("" if intact else "; MISMATCH in the database"),
        f"ratio >= {GOAL}"
        + (f", no run < {FLOOR}" if len(outcomes) > 1 else "")
        + ", nothing lost or doubled",
        f"1x, the sustainable rate: {middle.base:.0f} rec/s accepted, nothing refused",
        f"{middle.goodput:.2f}",
        goodput_ok,
    )
    one, ten = middle.p99
    latency_ok = ten <= LATENCY_GOAL * one
    print(
        f"load_latency[{backend}]: p99 of admitted uploads {ten:.0f}ms at 10x, {one:.0f}ms at 1x; "
        f"ratio {ten / one:.2f} (goal <= {LATENCY_GOAL})"
    )
    record(
        f"load_latency[{backend}]",
        f"p99 {ten:.0f} ms at 10x (admitted uploads)",
        f"ratio <= {LATENCY_GOAL}",
        f"p99 at 1x: {one:.0f} ms",
        f"{ten / one:.2f}",
        latency_ok,
    )
    unloaded, flooded = middle.lookup_p99
    lookup_ok = flooded <= LOOKUP_GOAL * unloaded and flooded <= LOOKUP_CEILING_MS
    print(
        f"lookup_latency[{backend}]: lookup p99 {flooded:.0f}ms during the 10x flood, "
        f"{unloaded:.0f}ms unloaded; ratio {flooded / unloaded:.2f} "
        f"(goal <= {LOOKUP_GOAL} and <= {LOOKUP_CEILING_MS:.0f} ms)"
    )
    record(
        f"lookup_latency[{backend}]",
        f"p99 {flooded:.0f} ms during the 10x upload flood",
        f"ratio <= {LOOKUP_GOAL}, <= {LOOKUP_CEILING_MS:.0f} ms",
        f"unloaded p99: {unloaded:.0f} ms",
        f"{flooded / unloaded:.2f}",
        lookup_ok,
    )
    return goodput_ok and latency_ok and lookup_ok


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
    parser.add_argument("--probe", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.client:
        result = asyncio.run(_client(json.loads(sys.stdin.read())))
        sys.stdout.write(json.dumps(result))
        return 0
    if args.probe:
        result = asyncio.run(_prober(json.loads(sys.stdin.readline())))
        sys.stdout.write(json.dumps(result))
        return 0
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    results = [judge("sqlite", [run("sqlite", "sqlite")])]
    pg = _postgres(args.pg or os.environ.get(PG_ENV))
    if pg:
        os.environ[PG_ENV] = pg
        outcomes = [run("postgresql", f"postgresql#{n + 1}") for n in range(PG_RUNS)]
        results.append(judge("postgresql", outcomes))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
