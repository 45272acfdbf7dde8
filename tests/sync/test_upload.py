"""The upload engine against the real intake server: batches, outcomes, training, progress."""

from __future__ import annotations

import json
import random
import threading
import time
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import select, update

from intake.auth import revoke
from kiosk.store import Store
from kiosk.store import submissions as subs
from kiosk.store.lifecycle import SubmissionRecord
from kiosk.store.models import AuditEvent, Submission
from kiosk.sync.backoff import Backoff
from kiosk.sync.client import IntakeClient
from kiosk.sync.enrol import load_identity
from kiosk.sync.uploader import Uploader, UploadProgress
from tests.support.fault_proxy import FaultProxy
from tests.support.intake import Server, fresh_database, item, running_server
from tests.support.queue import add_verified
from tests.sync.helpers import FakeTime, Recorder, enrol, local_statuses, server_ids


def test_verified_submissions_go_in_batches_oldest_first(store: Store, server: Server) -> None:
    client = enrol(store, server)
    ids = add_verified(store, 250)
    add_verified(store, 3, start=1000, training=True)
    fake, seen = FakeTime(), Recorder()
    uploader = Uploader(store, client, now=fake.now, sleep=fake.sleep,
                        backoff=Backoff(rng=random.Random(1)), on_progress=seen)  # fmt: skip
    try:
        final = uploader.run_until_idle()
    finally:
        client.close()
    assert final.state == "idle"
    assert (final.queued, final.sent, final.failed, final.held) == (0, 250, 0, 0)
    assert sorted(server_ids(server)) == sorted(ids)
    assert local_statuses(store) == {"sent": 250, "verified": 3}  # training ones stay
    assert seen.states.count("sending") == 3
    assert next(p.queued for p in seen.seen if p.state == "sending") == 250


def _engine(
    store: Store, client: IntakeClient, **options: Any
) -> tuple[Uploader, FakeTime, Recorder]:
    fake, seen = FakeTime(), Recorder()
    uploader = Uploader(store, client, now=fake.now, sleep=fake.sleep,
                        backoff=Backoff(rng=random.Random(2)), on_progress=seen, **options)  # fmt: skip
    return uploader, fake, seen


def _post(server: Server, token: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    with requests.Session() as session:
        answer = session.post(f"{server.url}/v1/submissions/batch", json={"items": items},
                              headers={"Authorization": f"Bearer {token}"}, timeout=30)  # fmt: skip
    answer.raise_for_status()
    results: list[dict[str, Any]] = answer.json()["results"]
    return results


def _record(store: Store, submission_id: str) -> SubmissionRecord:
    with store.read() as session:
        return subs.get(session, submission_id)


def test_each_outcome_is_applied(store: Store, server: Server) -> None:
    client = enrol(store, server)
    token = client.token
    assert token is not None
    ok, bad_hash, replay, other = add_verified(store, 4)
    with store.write() as session:  # frozen bytes whose hash does not match: the server refuses
        session.execute(update(Submission).where(Submission.id == bad_hash).values(sha256="0" * 64))
    for sub_id, change in ((replay, {}), (other, {"consent": True, "licences": []})):
        payload = dict(_record(store, sub_id).payload or {}) | change
        assert _post(server, token, [item(payload, sub_id)])[0]["status"] == "accepted"
    uploader, _fake, _seen = _engine(store, client)
    final = uploader.run_until_idle()
    client.close()
    assert (final.sent, final.rejected) == (2, 2)
    assert _record(store, ok).status == "sent"
    assert _record(store, replay).status == "sent"  # the server had it already: a duplicate
    assert _record(store, other).status == "conflict"
    rejected = _record(store, bad_hash)
    assert (rejected.status, rejected.last_error) == ("rejected", "payload.sha256")
    with store.read() as session:
        sent = session.execute(
            select(AuditEvent.subject, AuditEvent.details).where(
                AuditEvent.action == "submission.sent"
            )
        ).all()
    duplicates = {subject: json.loads(details)["duplicate"] for subject, details in sent}
    assert duplicates == {ok: False, replay: True}


def test_a_body_too_large_halves_the_batch(store: Store, tmp_path: Path) -> None:
    with (
        fresh_database("sqlite", tmp_path) as url,
        running_server(url, max_body_bytes=70_000) as server,
    ):
        client = enrol(store, server)
        ids = add_verified(store, 120)
        uploader, _fake, seen = _engine(store, client)
        final = uploader.run_until_idle()
        client.close()
        assert sorted(server_ids(server)) == sorted(ids)
    assert (final.state, final.sent, final.failed) == ("idle", 120, 0)
    sizes = [p.queued for p in seen.seen if p.state == "sending"]
    assert sizes[0] == 120
    assert len(sizes) > 4  # 100 -> 50 -> 25 items at most per body


def test_batches_stay_under_the_byte_limit(store: Store, server: Server) -> None:
    client = enrol(store, server)
    add_verified(store, 40)
    one = len(_record(store, add_verified(store, 1, start=99)[0]).canonical or b"")
    uploader, _fake, seen = _engine(store, client, max_bytes=10 * (one + 200))
    assert uploader.run_until_idle().sent == 41
    client.close()
    assert seen.states.count("sending") == 5  # 10 + 10 + 10 + 10 + 1


def test_a_revoked_token_stops_the_engine_and_marks_nothing_sent(
    store: Store, server: Server
) -> None:
    client = enrol(store, server)
    add_verified(store, 30)
    assert revoke(server.engine, load_identity(store).id)
    uploader, _fake, seen = _engine(store, client)
    final = uploader.run_until_idle()
    client.close()
    assert final.state == "reenrol"
    assert final.sent == 0
    assert final.reason is not None and "enrol again" in final.reason
    assert local_statuses(store) == {"verified": 30}
    assert server_ids(server) == []
    assert seen.states == ["sending", "reenrol"]


def test_not_enrolled_sends_nothing(store: Store, server: Server) -> None:
    with IntakeClient(server.url) as client:
        final = Uploader(store, client, now=FakeTime().now).run_until_idle()
    assert final.state == "not_enrolled"


def test_a_clock_ten_minutes_off_is_reported(store: Store, server: Server) -> None:
    token = enrol(store, server).token
    add_verified(store, 3)
    reported: list[float] = []
    with IntakeClient(server.url, token=token, clock=lambda: time.time() - 600,
                      on_clock_skew=reported.append) as client:  # fmt: skip
        uploader, _fake, _seen = _engine(store, client)
        final = uploader.run_until_idle()
    assert final.sent == 3
    assert len(reported) == 1
    assert 590 < reported[0] < 610
    assert final.clock_skew is not None and 590 < final.clock_skew < 610


def test_it_starts_again_by_itself_when_the_server_answers(store: Store, server: Server) -> None:
    token = enrol(store, server).token
    ids = add_verified(store, 150)
    fake, seen = FakeTime(), Recorder()
    with FaultProxy(None) as proxy, IntakeClient(proxy.url, token=token) as client:
        stop = threading.Event()
        host, port = server.url.removeprefix("http://").split(":")

        def sleep(seconds: float) -> None:
            fake.sleep(seconds)
            if len(fake.slept) == 6:  # the network comes back after a while
                proxy.upstream = (host, int(port))
            if seen.seen[-1].state == "idle":  # everything sent: the kiosk is closing
                stop.set()

        uploader = Uploader(store, client, now=fake.now, sleep=sleep, on_progress=seen,
                            backoff=Backoff(rng=random.Random(3)))  # fmt: skip
        final = uploader.run_forever(stop, poll=60)
    assert final.state == "stopped"
    assert sorted(server_ids(server)) == sorted(ids)
    waits = fake.slept[:5]
    assert all(0 <= w <= 2 * 2**i for i, w in enumerate(waits))  # full jitter, doubling ceiling
    assert seen.states[:2] == ["sending", "waiting"]
    assert "idle" in seen.states


def test_a_body_the_server_stopped_waiting_for_is_sent_again(store: Store, tmp_path: Path) -> None:
    """The link stops halfway through a batch: the server answers 408 when its body time is up
    (the batch held no slot meanwhile); the kiosk takes it as a timeout and sends it again."""
    with (
        fresh_database("sqlite", tmp_path) as url,
        running_server(url, body_timeout=0.5) as server,
    ):
        token = enrol(store, server).token
        ids = add_verified(store, 30)
        with FaultProxy(_upstream(server)) as proxy, IntakeClient(proxy.url, token=token) as client:
            proxy.script("stall_body")
            uploader, _fake, seen = _engine(store, client)
            final = uploader.run_until_idle()
        assert proxy.stats["stall_body"] == 1
        assert "waiting" in seen.states  # backed off after the 408, as after a timeout
        assert (final.sent, final.failed, final.held) == (30, 1, 0)  # one attempt, no item held
        assert next(p.reason for p in seen.seen if p.state == "waiting") == (
            "the server stopped waiting for the request"
        )
        assert sorted(server_ids(server)) == sorted(ids)


def _upstream(server: Server) -> tuple[str, int]:
    host, port = server.url.removeprefix("http://").split(":")
    return host, int(port)


def test_run_forever_on_a_thread_wakes_on_kick_and_stops_at_once(
    store: Store, server: Server
) -> None:
    client = enrol(store, server)
    done = threading.Event()

    def on_progress(progress: UploadProgress) -> None:
        if progress.state == "idle" and progress.sent == 25:
            done.set()

    uploader = Uploader(store, client, now=FakeTime().now, on_progress=on_progress)
    worker = threading.Thread(target=uploader.run_forever, kwargs={"poll": 3600})
    worker.start()
    try:
        add_verified(store, 25)
        uploader.kick()  # a verification: upload now, not in an hour
        assert done.wait(30)
    finally:
        uploader.stop()
        worker.join(10)
        client.close()
    assert not worker.is_alive()
    assert local_statuses(store) == {"sent": 25}
