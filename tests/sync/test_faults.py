"""The engine through a fault-injecting proxy: nothing lost, nothing doubled, one bad record held.

``SYNC_FAULT_SUBMISSIONS`` lowers the size of the big run for a quick local check (default 5,000,
as issue 6 asks).  Backoff waits go to a fake clock: the faults are real, the waiting is not.
"""

from __future__ import annotations

import os
import random
from collections import Counter
from pathlib import Path

import pytest

from kiosk.store import Store
from kiosk.store import submissions as subs
from kiosk.sync.backoff import Backoff
from kiosk.sync.client import IntakeClient
from kiosk.sync.uploader import Uploader, UploadProgress
from tests.support.fault_proxy import FaultPlan, FaultProxy
from tests.support.intake import Server, fresh_database
from tests.support.queue import OFFICER, add_verified
from tests.sync.helpers import FakeTime, Recorder, Restartable, enrol, local_statuses, server_ids

SUBMISSIONS = int(os.environ.get("SYNC_FAULT_SUBMISSIONS", "5000"))
BATCH = "/v1/submissions/batch"
LOOKUP = "/v1/submissions/lookup"


def _upstream(server: Server) -> tuple[str, int]:
    host, port = server.url.removeprefix("http://").split(":")
    return host, int(port)


def _requests_to(proxy: FaultProxy, path: str) -> int:
    """How many requests the proxy saw for ``path``."""
    return sum(1 for head in proxy.heads if head.split(b" ")[1].split(b"?")[0] == path.encode())


def _uploader(
    store: Store, client: IntakeClient, fake: FakeTime, seen: Recorder, seed: int = 1
) -> Uploader:
    return Uploader(store, client, now=fake.now, sleep=fake.sleep,
                    backoff=Backoff(rng=random.Random(seed)), on_progress=seen)  # fmt: skip


@pytest.mark.slow
def test_thirty_percent_faults_lose_nothing_and_double_nothing(
    store: Store, server: Server
) -> None:
    token = enrol(store, server).token
    ids = add_verified(store, SUBMISSIONS)
    plan = FaultPlan.mixed(0.30, delay_seconds=0.02)
    fake, seen = FakeTime(), Recorder()
    with (
        FaultProxy(_upstream(server), plan, seed=6) as proxy,
        IntakeClient(proxy.url, token=token, read_timeout=10) as client,
    ):
        final = _uploader(store, client, fake, seen).run_until_idle()
    assert final.state == "idle"
    assert local_statuses(store) == {"sent": SUBMISSIONS}  # none held, none rejected
    on_server = server_ids(server)
    assert len(on_server) == len(set(on_server)) == SUBMISSIONS
    assert set(on_server) == set(ids)
    requests = sum(proxy.stats.values())
    faults = requests - proxy.stats["relayed"]
    if requests >= 40:  # a quick local run with few batches may draw few faults
        assert faults / requests > 0.2, proxy.stats
        assert final.failed > 0


def test_one_poisoned_submission_is_held_and_the_rest_flow(store: Store, server: Server) -> None:
    token = enrol(store, server).token
    ids = add_verified(store, 240)
    poisoned = ids[117]
    fake, seen = FakeTime(), Recorder()
    with FaultProxy(_upstream(server)) as proxy, IntakeClient(proxy.url, token=token) as client:
        proxy.fail_when_body_contains(poisoned.encode(), path=BATCH)
        final = _uploader(store, client, fake, seen).run_until_idle()
    assert final.state == "idle"
    assert (final.sent, final.held, final.needs_officer, final.queued) == (239, 1, 1, 0)
    assert set(server_ids(server)) == set(ids) - {poisoned}
    assert local_statuses(store) == {"sent": 239, "held": 1}
    with store.read() as session:
        record = subs.get(session, poisoned)
    assert record.status == "held"
    assert record.upload_failures == 3  # held, retried twice once the queue was empty, held
    assert record.last_error == "server error (500)"
    assert proxy.stats["status_500"] == 3 * 8 + 2 * 3  # 240 -> 120 -> … -> 1, then two retries
    # the server was asked before each split and hold (8), and before each release and hold (2 x 2)
    assert _requests_to(proxy, LOOKUP) == 8 + 2 * 2
    # set aside while others still waited; tried again alone once everything else was sent
    first_hold = next(p for p in seen.seen if p.held == 1)
    assert first_hold.sent < 200
    assert first_hold.queued > 0
    retries = [p for p in seen.seen if p.state == "sending" and p.queued == 1 and p.held == 0]
    assert retries
    assert all(p.sent == 239 for p in retries[-6:])


def test_an_officer_retries_a_held_submission_once_the_server_is_fixed(
    store: Store, server: Server
) -> None:
    token = enrol(store, server).token
    (poisoned,) = add_verified(store, 1)
    fake, seen = FakeTime(), Recorder()
    with FaultProxy(_upstream(server)) as proxy, IntakeClient(proxy.url, token=token) as client:
        proxy.fail_when_body_contains(poisoned.encode())
        assert _uploader(store, client, fake, seen).run_until_idle().needs_officer == 1
    with store.write() as session:
        subs.retry_held(session, poisoned, at=fake.now(), actor=OFFICER)
    with IntakeClient(server.url, token=token) as client:
        final = _uploader(store, client, fake, seen).run_until_idle()
    assert (final.sent, final.held, final.needs_officer) == (1, 0, 0)
    assert server_ids(server) == [poisoned]


def test_a_server_restart_mid_run(store: Store, tmp_path: Path) -> None:
    fake, seen = FakeTime(), Recorder()
    with fresh_database("sqlite", tmp_path) as url, Restartable(url) as servers:
        token = enrol(store, servers.start()).token
        ids = add_verified(store, 600)
        upstream = _upstream(servers.current())
        with FaultProxy(upstream) as proxy, IntakeClient(proxy.url, token=token) as client:

            def on_progress(progress: UploadProgress) -> None:
                seen(progress)
                if progress.state == "sending" and progress.sent >= 300 and servers.starts == 1:
                    servers.stop()  # the server goes away between two batches

            def sleep(seconds: float) -> None:
                fake.sleep(seconds)
                if servers.server is None and len(fake.slept) >= 3:  # a while later it is back
                    proxy.upstream = _upstream(servers.start())

            uploader = Uploader(store, client, now=fake.now, sleep=sleep, on_progress=on_progress)
            final = uploader.run_until_idle()
        on_server = server_ids(servers.current())
    assert final.state == "idle"
    assert servers.starts == 2
    assert len(on_server) == len(set(on_server)) == 600
    assert set(on_server) == set(ids)
    assert local_statuses(store) == {"sent": 600}
    waits = [p for p in seen.seen if p.state == "waiting"]
    assert len(waits) >= 3
    assert all(p.reason and p.reason.startswith("no connection") for p in waits)
    assert all(p.next_attempt_at is not None for p in waits)


def test_bad_gateway_pages_cut_answers_and_a_slow_server(store: Store, server: Server) -> None:
    token = enrol(store, server).token
    ids = add_verified(store, 450)
    fake, seen = FakeTime(), Recorder()
    plan = FaultPlan(slow_seconds=6.0, retry_after="7")
    with (
        FaultProxy(_upstream(server), plan) as proxy,
        IntakeClient(proxy.url, token=token, read_timeout=3.0) as client,
    ):
        proxy.script("html_502", "truncate", "slow", "status_503", "cut", "error_after",
                     "drop_after", "status_429", "drop_before", "truncate")  # fmt: skip
        final = _uploader(store, client, fake, seen).run_until_idle()
    assert final.state == "idle"
    on_server = server_ids(server)
    assert len(on_server) == len(set(on_server)) == 450
    assert set(on_server) == set(ids)
    assert local_statuses(store) == {"sent": 450}
    reasons = Counter(p.reason for p in seen.seen if p.state == "waiting")
    assert reasons["server error (502)"] == 1
    assert reasons["the server's answer is not a BatchResponse"] >= 1  # the 200 cut in half
    assert reasons["the server did not answer in time"] == 1
    assert reasons["server busy (503)"] == reasons["server busy (429)"] == 1
    assert reasons["server error (500)"] == 1
    assert sum(n for r, n in reasons.items() if r and r.startswith("no connection")) == 3, reasons
    assert 7.0 in fake.slept  # Retry-After honoured (the draw alone stays under 7 s here)
    assert final.failed == 10


def test_a_server_failing_everything_is_an_outage_not_a_bad_record(
    store: Store, server: Server
) -> None:
    token = enrol(store, server).token
    ids = add_verified(store, 30)
    fake, seen = FakeTime(), Recorder()
    with FaultProxy(_upstream(server)) as proxy, IntakeClient(proxy.url, token=token) as client:
        proxy.fail_when_body_contains(b"")  # every request, health too: 500

        def sleep(seconds: float) -> None:
            fake.sleep(seconds)
            if len(fake.slept) == 12:  # repaired after a while
                proxy.clear_rules()

        uploader = Uploader(store, client, now=fake.now, sleep=sleep, on_progress=seen,
                            backoff=Backoff(rng=random.Random(4)))  # fmt: skip
        final = uploader.run_until_idle()
    assert (final.state, final.sent, final.held) == ("idle", 30, 0)
    assert set(server_ids(server)) == set(ids)
    assert max(p.held for p in seen.seen) == 0  # never set aside: nothing was split
    assert all(p.queued in (30, 0) for p in seen.seen)


def test_a_timeout_marks_nothing_sent(store: Store, server: Server) -> None:
    token = enrol(store, server).token
    ids = add_verified(store, 5)
    fake, seen = FakeTime(), Recorder()
    during_wait: list[Counter[str]] = []
    with (
        FaultProxy(_upstream(server), FaultPlan(slow_seconds=6.0)) as proxy,
        IntakeClient(proxy.url, token=token, read_timeout=3.0) as client,
    ):
        proxy.script("slow")  # the server stores the batch; its answer comes too late

        def sleep(seconds: float) -> None:
            during_wait.append(local_statuses(store))
            fake.sleep(seconds)

        uploader = Uploader(store, client, now=fake.now, sleep=sleep, on_progress=seen)
        final = uploader.run_until_idle()
    assert during_wait == [Counter({"verified": 5})]
    assert seen.seen[1].state == "waiting" and seen.seen[1].sent == 0
    assert final.sent == 5
    assert sorted(server_ids(server)) == sorted(ids)  # stored once: the replay was a duplicate
