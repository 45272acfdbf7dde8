"""Sync benchmark: drain 10,000 verified submissions to a local intake server, against bare requests.

Run from the repository root: ``.venv/bin/python bench/bench_sync.py`` (``make bench``).
``BENCH_SYNC_RECORDS`` lowers the count for a quick run.

The intake server runs as its own process (``kiosk-intake serve``) on SQLite.  A station is enrolled
once (through the kiosk's own enrolment) and that server database is copied, so each run starts
from the same fresh, enrolled database.  The kiosk's queue is built once with real verified
submissions (frozen canonical bytes, in one transaction) and copied for each engine run.
``BENCH_SYNC_ROUNDS`` (default 2) runs both sides that many times, alternating; the best of each
counts (the machine's disk and two cores make single runs vary by some 15 %).

- baseline: a bare ``requests.Session`` loop posting the very batch bodies the engine would send
  (100 items each, built beforehand from the same queue) and reading each JSON answer;
- engine: ``kiosk.sync.Uploader.run_until_idle()`` on the encrypted kiosk store: batches read from
  the database, results applied in one transaction per batch (sent, audited), progress reported.

Prints ``sync_drain: N records in Ts = R rec/s; bare requests B rec/s; ratio X (goal >= 0.8)``.

Then the same engine drains the first 1,000 of them twice more to a fresh server, once alone and
once while 50 connections stall on the server (``tests/support/hostile.Stallers``: headers a byte
a second, or headers and a byte of a body, then nothing): ``upload_under_stall`` prints both times
and their ratio (goal <= 1.5: stalled connections hold no slot, so they cost the kiosk little).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import requests  # noqa: E402

from bench.common import intake_server as common_server  # noqa: E402
from bench.common import record  # noqa: E402
from intake.auth import issue_enrol_code  # noqa: E402
from intake.db import make_engine, migrate  # noqa: E402
from kiosk.config import Config, load_config  # noqa: E402
from kiosk.store import open_store  # noqa: E402
from kiosk.store.uploads import ready_for_upload  # noqa: E402
from kiosk.sync.client import IntakeClient, batch_body  # noqa: E402
from kiosk.sync.enrol import enrol_station, load_identity  # noqa: E402
from kiosk.sync.uploader import Uploader  # noqa: E402
from tests.support.hostile import Stallers  # noqa: E402
from tests.support.queue import add_verified  # noqa: E402

RECORDS = int(os.environ.get("BENCH_SYNC_RECORDS", "10000"))
ROUNDS = int(os.environ.get("BENCH_SYNC_ROUNDS", "2"))
GOAL = 0.8
"""The drain through the kiosk's uploader, as a share of bare requests' rate."""
STALL_RECORDS = 1000
STALLED = 50
STALL_GOAL = 1.5
"""The upload's time with the stalled connections, as a multiple of its time without."""
WORK = ROOT / ".bench-cache" / "sync"


def _now() -> datetime:
    return datetime.now().astimezone()


@contextmanager
def intake_server(database: Path) -> Iterator[str]:
    """``kiosk-intake serve`` on ``database`` in its own process; its base URL until the block ends."""
    with common_server(f"sqlite:///{database}", WORK / f"{database.stem}.log") as url:
        yield url


def _kiosk_config(name: str) -> Config:
    return load_config(
        {
            "KIOSK_CONFIG_DIR": str(WORK / name / "config"),
            "KIOSK_DATA_DIR": str(WORK / name / "data"),
            "KIOSK_KEY_STORE": "file",
        }
    )


def prepare(name: str, records: int) -> tuple[Path, list[bytes], str]:
    """A kiosk store enrolled to a template server database, with ``records`` verified ones.

    Returns the template server database, the batch bodies and the station's token; the kiosk
    store is left closed under ``WORK / name`` as the template of every engine round.
    """
    template = WORK / f"intake-{name}.db"
    engine = make_engine(f"sqlite:///{template}")
    migrate(engine)
    code = issue_enrol_code(engine, "Phường Yên Nghĩa", "Tổ dân phố 1", timedelta(hours=1))
    engine.dispose()
    with open_store(_kiosk_config(name)) as store:
        with intake_server(template) as url, IntakeClient(url) as client:
            enrol_station(store, client, code=code, name="Bench kiosk", now=_now)
        started = time.perf_counter()
        add_verified(store, records)
        built = time.perf_counter() - started
        print(f"  {records} verified submissions built in {built:.1f} s", file=sys.stderr)
        with store.reader() as conn:
            queue = ready_for_upload(conn, limit=records)
        bodies = [batch_body(queue[i : i + 100]) for i in range(0, len(queue), 100)]
        token = load_identity(store).token
    assert token is not None
    return template, bodies, token


def bare(template: Path, bodies: list[bytes], token: str) -> float:
    """Seconds for a plain requests loop to post every body to a fresh copy of the server."""
    database = WORK / "intake-bare.db"
    shutil.copy(template, database)
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    with intake_server(database) as url, requests.Session() as session:
        started = time.perf_counter()
        for body in bodies:
            answer = session.post(f"{url}/v1/submissions/batch", data=body, headers=headers,
                                  timeout=(5, 60))  # fmt: skip
            answer.raise_for_status()
            assert all(r["status"] == "accepted" for r in answer.json()["results"])
        return time.perf_counter() - started


def engine(template: Path, name: str, records: int, stalled: int = 0) -> float:
    """Seconds for the upload engine to drain a fresh copy of the queue ``name`` to a fresh
    server, while ``stalled`` connections stall on it."""
    database = WORK / "intake-engine.db"
    shutil.copy(template, database)
    shutil.rmtree(WORK / "kiosk-run", ignore_errors=True)
    shutil.copytree(WORK / name, WORK / "kiosk-run")
    with (
        open_store(_kiosk_config("kiosk-run")) as store,
        intake_server(database) as url,
        IntakeClient(url, token=load_identity(store).token) as client,
    ):
        token = client.token or ""
        with Stallers(url, token, stalled) if stalled else contextlib.nullcontext():
            if stalled:
                time.sleep(1.0)  # every stalled connection open before the upload starts
            started = time.perf_counter()
            final = Uploader(store, client, now=_now).run_until_idle()
            elapsed = time.perf_counter() - started
    assert (final.state, final.sent, final.queued) == ("idle", records, 0), final
    return elapsed


def under_stall() -> bool:
    """The 1,000-submission upload alone and with STALLED stalled connections; goal met?"""
    template, _, _ = prepare("kiosk-small", STALL_RECORDS)
    alone, stalled = [], []
    for _ in range(ROUNDS):
        alone.append(engine(template, "kiosk-small", STALL_RECORDS))
        stalled.append(engine(template, "kiosk-small", STALL_RECORDS, STALLED))
    ratio = min(stalled) / min(alone)
    print(
        f"upload_under_stall: {STALL_RECORDS} submissions in {min(alone):.2f}s alone, "
        f"{min(stalled):.2f}s with {STALLED} stalled connections; ratio {ratio:.2f} "
        f"(goal <= {STALL_GOAL}); all accepted both times"
    )
    record(
        "upload_under_stall",
        f"{min(stalled):.2f} s for {STALL_RECORDS} with {STALLED} stalled connections",
        f"ratio <= {STALL_GOAL}, all accepted",
        f"the same upload alone: {min(alone):.2f} s",
        f"{ratio:.2f}",
        ratio <= STALL_GOAL,
    )
    return ratio <= STALL_GOAL


def main() -> int:
    """Build once; then, ROUNDS times, the baseline and the engine; the best of each counts."""
    shutil.rmtree(WORK, ignore_errors=True)
    WORK.mkdir(parents=True)
    template, bodies, token = prepare("kiosk", RECORDS)
    bare_runs, engine_runs = [], []
    for _ in range(ROUNDS):
        bare_runs.append(bare(template, bodies, token))
        engine_runs.append(engine(template, "kiosk", RECORDS))
    print(
        "  rounds (s): bare " + ", ".join(f"{t:.1f}" for t in bare_runs)
        + "; engine " + ", ".join(f"{t:.1f}" for t in engine_runs),
        file=sys.stderr,
    )  # fmt: skip
    engine_seconds, bare_seconds = min(engine_runs), min(bare_runs)
    rate, bare_rate = RECORDS / engine_seconds, RECORDS / bare_seconds
    print(
        f"sync_drain: {RECORDS} records in {engine_seconds:.1f}s = {rate:.0f} rec/s; "
        f"bare requests {bare_rate:.0f} rec/s; ratio {rate / bare_rate:.2f} (goal >= {GOAL})"
    )
    record(
        "sync_drain",
        f"{rate:.0f} rec/s ({RECORDS} records, best of {ROUNDS})",
        f"ratio >= {GOAL}",
        f"the same batches by bare requests: {bare_rate:.0f} rec/s",
        f"{rate / bare_rate:.2f}",
        rate / bare_rate >= GOAL,
    )
    stall_ok = under_stall()
    return 0 if rate / bare_rate >= GOAL and stall_ok else 1


if __name__ == "__main__":
    sys.exit(main())
