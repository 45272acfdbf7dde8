"""The configuration refusing uploads pauses the queue; a 500 after the commit never doubles a visit.

DESIGN.md §5: a 403 or 404 on the batch path while ``/v1/health`` answers is the configuration (a
proxy letting only some paths through, a wrong base path): the engine pauses in ``misconfigured``,
holds nothing and counts no submission's failure.  Before it splits a batch, sets a submission aside
or releases held ones, and before an officer retries or sends one back (``check_held``), the kiosk
asks ``POST /v1/submissions/lookup`` whether the server holds it already.
"""

from __future__ import annotations

import json
import random
import threading
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from intake.models import Submission as ServerSubmission
from kiosk.store import Store
from kiosk.store import submissions as subs
from kiosk.store.models import AuditEvent, Submission
from kiosk.store.uploads import hold, mark_rejected
from kiosk.sync import check_held
from kiosk.sync.backoff import Backoff
from kiosk.sync.client import IntakeClient
from kiosk.sync.errors import BadResponse, SyncError
from kiosk.sync.uploader import PAUSE_CAP, PAUSE_FIRST, Uploader, UploadProgress
from tests.support.fault_proxy import FaultProxy
from tests.support.intake import Server, item
from tests.support.queue import OFFICER, add_verified
from tests.sync.helpers import FakeTime, Recorder, enrol, local_statuses, server_ids

BATCH = "/v1/submissions/batch"
LOOKUP = "/v1/submissions/lookup"
HEALTH = "/v1/health"


def _upstream(server: Server) -> tuple[str, int]:
    host, port = server.url.removeprefix("http://").split(":")
    return host, int(port)


def _requests_to(proxy: FaultProxy, path: str) -> int:
    return sum(1 for head in proxy.heads if head.split(b" ")[1].split(b"?")[0] == path.encode())


def _failures(store: Store) -> int:
    """Every submission's ``upload_failures``, summed."""
    with store.read() as session:
        return int(session.execute(select(func.sum(Submission.upload_failures))).scalar_one() or 0)


def _sent_details(store: Store) -> dict[str, dict[str, Any]]:
    with store.read() as session:
        rows = session.execute(
            select(AuditEvent.subject, AuditEvent.details).where(
                AuditEvent.action == "submission.sent"
            )
        ).all()
    return {str(subject): json.loads(details) for subject, details in rows}


def _copies_per_id(server: Server) -> dict[str, int]:
    with server.engine.connect() as conn:
        rows = conn.execute(
            select(ServerSubmission.id, func.count()).group_by(ServerSubmission.id)
        ).all()
    return {str(i): int(n) for i, n in rows}


def _payload_copies(server: Server) -> int:
    """Submissions whose payload the server holds more than once (under any ids)."""
    with server.engine.connect() as conn:
        rows = conn.execute(
            select(ServerSubmission.sha256, func.count()).group_by(ServerSubmission.sha256)
        ).all()
    return sum(int(n) - 1 for _sha, n in rows)


# --- 403/404 on the batch path: the configuration, not the batch --------------------------------


@pytest.mark.parametrize("kind", ["status_404", "status_403"])
def test_a_refused_batch_path_pauses_the_queue_until_the_proxy_is_fixed(
    store: Store, server: Server, kind: str
) -> None:
    token = enrol(store, server).token
    ids = add_verified(store, 40)
    fake, seen = FakeTime(), Recorder()
    during_pause: list[tuple[str, int, int]] = []
    with FaultProxy(_upstream(server)) as proxy, IntakeClient(proxy.url, token=token) as client:
        proxy.fail_path(BATCH, kind)  # lookups, health and the roster pass: only uploads refused

        def sleep(seconds: float) -> None:
            statuses = local_statuses(store)
            during_pause.append((seen.seen[-1].state, statuses["verified"], _failures(store)))
            fake.sleep(seconds)
            if len(fake.slept) == 4:  # an administrator fixes the proxy
                proxy.clear_rules()

        uploader = Uploader(store, client, now=fake.now, sleep=sleep, on_progress=seen,
                            backoff=Backoff(rng=random.Random(5)))  # fmt: skip
        final = uploader.run_until_idle()
    status = int(kind.removeprefix("status_"))
    assert during_pause == [("misconfigured", 40, 0)] * 4  # nothing held, split or counted
    assert _requests_to(proxy, LOOKUP) == 0  # nothing was about to be split or held
    paused = [p for p in seen.seen if p.state == "misconfigured"]
    reason = {403: "Forbidden", 404: "Not Found"}[status]
    assert all(p.reason == f"refused ({status}): {reason}" for p in paused)
    assert all(p.next_attempt_at is not None and p.held == 0 for p in paused)
    assert all(p.queued == 40 for p in paused)
    ceilings = [min(PAUSE_CAP, PAUSE_FIRST * 2**n) for n in range(4)]
    assert all(c / 2 <= w <= c for w, c in zip(fake.slept, ceilings, strict=True)), fake.slept
    assert (final.state, final.sent, final.held, final.needs_officer) == ("idle", 40, 0, 0)
    assert local_statuses(store) == {"sent": 40}
    assert _copies_per_id(server) == dict.fromkeys(ids, 1)  # every one, exactly once
    assert set(_sent_details(store)) == set(ids)
    assert _failures(store) == 0


def test_sync_now_ends_the_pause_at_once(store: Store, server: Server) -> None:
    token = enrol(store, server).token
    ids = add_verified(store, 10)
    paused, done = threading.Event(), threading.Event()
    states: list[str] = []

    def on_progress(progress: UploadProgress) -> None:
        states.append(progress.state)
        if progress.state == "misconfigured":
            paused.set()
        if progress.state == "idle":
            done.set()

    with FaultProxy(_upstream(server)) as proxy, IntakeClient(proxy.url, token=token) as client:
        proxy.fail_path(BATCH, "status_404")
        uploader = Uploader(store, client, now=FakeTime().now, on_progress=on_progress)
        worker = threading.Thread(target=uploader.run_until_idle)
        worker.start()
        try:
            assert paused.wait(30)
            assert not done.wait(0.5)  # a wait of ten minutes or more: still paused
            proxy.clear_rules()
            uploader.kick()  # "Sync now"
            assert done.wait(30)
        finally:
            uploader.stop()
            worker.join(30)
    assert not worker.is_alive()
    assert states[:2] == ["sending", "misconfigured"]
    assert sorted(server_ids(server)) == sorted(ids)
    assert local_statuses(store) == {"sent": 10}


def test_a_refused_batch_path_with_no_health_either_is_an_outage(
    store: Store, server: Server
) -> None:
    token = enrol(store, server).token
    ids = add_verified(store, 12)
    fake, seen = FakeTime(), Recorder()
    with FaultProxy(_upstream(server)) as proxy, IntakeClient(proxy.url, token=token) as client:
        proxy.fail_path(BATCH, "status_404")
        proxy.fail_path(HEALTH, "status_503")

        def sleep(seconds: float) -> None:
            fake.sleep(seconds)
            if len(fake.slept) == 5:
                proxy.clear_rules()

        uploader = Uploader(store, client, now=fake.now, sleep=sleep, on_progress=seen,
                            backoff=Backoff(rng=random.Random(6)))  # fmt: skip
        final = uploader.run_until_idle()
    waits = [p for p in seen.seen if p.state == "waiting"]
    assert len(waits) == 5 and "misconfigured" not in seen.states
    assert all(w <= 2 * 2**n for n, w in enumerate(fake.slept))  # the outage's backoff
    assert max(p.held for p in seen.seen) == 0
    assert (final.state, final.sent) == ("idle", 12)
    assert sorted(server_ids(server)) == sorted(ids)
    assert _failures(store) == 0


# --- a 500 after the commit ----------------------------------------------------------------------


def test_a_500_after_the_commit_is_settled_by_asking_the_server(
    store: Store, server: Server
) -> None:
    token = enrol(store, server).token
    ids = add_verified(store, 8)
    fake, seen = FakeTime(), Recorder()
    with FaultProxy(_upstream(server)) as proxy, IntakeClient(proxy.url, token=token) as client:
        proxy.fail_path(BATCH, "error_after")  # the server stores the batch; the kiosk gets 500
        uploader = Uploader(store, client, now=fake.now, sleep=fake.sleep, on_progress=seen,
                            backoff=Backoff(rng=random.Random(7)))  # fmt: skip
        final = uploader.run_until_idle()
    assert (final.state, final.sent, final.held, final.queued) == ("idle", 8, 0, 0)
    assert max(p.held for p in seen.seen) == 0  # never split, never set aside
    assert proxy.stats["error_after"] == 3  # three 500s, then the lookup instead of a split
    assert _requests_to(proxy, LOOKUP) == 1
    assert local_statuses(store) == {"sent": 8}
    assert _copies_per_id(server) == dict.fromkeys(ids, 1)
    assert _payload_copies(server) == 0
    assert {i: d["duplicate"] for i, d in _sent_details(store).items()} == dict.fromkeys(ids, True)


def test_held_after_a_500_after_the_commit_are_found_at_the_server(
    store: Store, server: Server
) -> None:
    """The lookup cannot be asked at first (an older server, a proxy): the batch is split down and
    the first single one held; once the lookup answers, the rest are found at the server instead
    of being held, and the held one is found before the engine would try it again."""
    token = enrol(store, server).token
    ids = add_verified(store, 4)
    fake, seen = FakeTime(), Recorder()
    with FaultProxy(_upstream(server)) as proxy, IntakeClient(proxy.url, token=token) as client:
        proxy.fail_path(BATCH, "error_after")
        proxy.fail_path(LOOKUP, "status_404")

        def sleep(seconds: float) -> None:
            fake.sleep(seconds)
            # two waits for each of the 4, the older 2 and the first one; the first is held
            if len(fake.slept) == 7:  # during the second one's waits the lookup starts answering
                proxy.clear_rules()
                proxy.fail_path(BATCH, "error_after")

        uploader = Uploader(store, client, now=fake.now, sleep=sleep, on_progress=seen,
                            backoff=Backoff(rng=random.Random(8)))  # fmt: skip
        final = uploader.run_until_idle()
    assert (final.state, final.sent, final.held, final.needs_officer) == ("idle", 4, 0, 0)
    # three 500s each for the 4, the older 2, the first, the second, the newer 2; none again
    assert proxy.stats["error_after"] == 3 * 5
    assert _requests_to(proxy, LOOKUP) == 6  # 3 refused (404), then 2 before a hold, 1 a release
    assert local_statuses(store) == {"sent": 4}
    assert _copies_per_id(server) == dict.fromkeys(ids, 1)
    assert _payload_copies(server) == 0
    with store.read() as session:
        events = session.execute(
            select(AuditEvent.action, AuditEvent.subject, AuditEvent.details)
            .where(AuditEvent.action.in_(("submission.held", "submission.verified")))
            .order_by(AuditEvent.seq)
        ).all()
    assert [(e.action, e.subject) for e in events] == [
        ("submission.held", ids[0]),
        ("submission.verified", ids[0]),
    ]
    assert json.loads(events[1].details)["retry"] == "server_check"  # held -> verified -> sent
    assert {i: d["duplicate"] for i, d in _sent_details(store).items()} == dict.fromkeys(ids, True)


def test_an_officer_checks_held_ones_before_sending_them_back(store: Store, server: Server) -> None:
    token = enrol(store, server).token
    ids = add_verified(store, 3)
    fake, seen = FakeTime(), Recorder()
    with FaultProxy(_upstream(server)) as proxy, IntakeClient(proxy.url, token=token) as client:
        proxy.fail_path(BATCH, "error_after")
        proxy.fail_path(LOOKUP, "status_404")  # never answers during the run
        final = Uploader(store, client, now=fake.now, sleep=fake.sleep, on_progress=seen,
                         backoff=Backoff(rng=random.Random(9))).run_until_idle()  # fmt: skip
        assert (final.held, final.needs_officer) == (3, 3)  # the engine gave up on them
        with pytest.raises(SyncError):  # cannot ask: nothing changes, nothing goes back
            check_held(store, client, ids, now=fake.now, actor=OFFICER)
        assert local_statuses(store) == {"held": 3}
        proxy.clear_rules()
        outcomes = check_held(store, client, ids, now=fake.now, actor=OFFICER)
    assert outcomes == dict.fromkeys(ids, "sent")
    assert local_statuses(store) == {"sent": 3}
    assert _copies_per_id(server) == dict.fromkeys(ids, 1)  # one copy each, never a second id
    with store.read() as session:
        check = session.execute(
            select(AuditEvent.actor, AuditEvent.details).where(
                AuditEvent.action == "sync.check_held"
            )
        ).one()
    assert (check.actor, json.loads(check.details)) == (OFFICER, {"sent": 3})


def _post(server: Server, token: str, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    with requests.Session() as session:
        answer = session.post(f"{server.url}{BATCH}", json={"items": items},
                              headers={"Authorization": f"Bearer {token}"}, timeout=30)  # fmt: skip
    answer.raise_for_status()
    results: list[dict[str, Any]] = answer.json()["results"]
    return results


def test_check_held_outcomes(store: Store, server: Server) -> None:
    client = enrol(store, server)
    token = client.token
    assert token is not None
    same, other, absent, rejected, rejected_there, queued = add_verified(store, 6)
    fake = FakeTime()
    changed = _payload(store, other) | {"consent": True, "licences": []}
    results = _post(server, token, [item(_payload(store, same), same), item(changed, other),
                                    item(_payload(store, rejected_there), rejected_there)])  # fmt: skip
    assert [r["status"] for r in results] == ["accepted"] * 3
    with store.transaction() as conn:
        for sub_id in (same, other, absent):
            hold(conn, sub_id, at=fake.now(), error="server error (500)")
        for sub_id in (rejected, rejected_there):
            mark_rejected(conn, sub_id, at=fake.now(), errors=[{"path": "", "code": "x"}])
    unknown = "00000000-0000-4000-8000-000000000000"
    asked = [same, other, absent, rejected, rejected_there, queued, unknown, same]
    with client:
        outcomes = check_held(store, client, asked, now=fake.now, actor=OFFICER)
    assert outcomes == {
        same: "sent",
        other: "conflict",
        absent: "not_at_server",
        rejected: "not_at_server",
        rejected_there: "at_server",  # the lifecycle has no rejected -> sent: left, reported
        queued: "not_checked",  # verified: in the queue, the engine's business
        unknown: "not_checked",
    }
    statuses = {i: _status(store, i) for i in (same, other, absent, rejected, rejected_there)}
    assert statuses == {same: "sent", other: "conflict", absent: "held", rejected: "rejected",
                        rejected_there: "rejected"}  # fmt: skip


def _payload(store: Store, submission_id: str) -> dict[str, Any]:
    with store.read() as session:
        return dict(subs.get(session, submission_id).payload or {})


def _status(store: Store, submission_id: str) -> str:
    with store.read() as session:
        return subs.get(session, submission_id).status


def test_the_client_checks_the_lookup_answer(store: Store, server: Server) -> None:
    with enrol(store, server) as client:
        with pytest.raises(ValueError, match="1 to 100"):
            client.find_submissions([])
        with pytest.raises(ValueError, match="1 to 100"):
            client.find_submissions([f"00000000-0000-4000-8000-{n:012d}" for n in range(101)])
        assert client.find_submissions(["00000000-0000-4000-8000-000000000001"]) == {}

    class Liar(IntakeClient):
        def _request(self, method: str, path: str, **kwargs: Any) -> requests.Response:
            response = requests.Response()
            response.status_code = 200
            response._content = json.dumps({"found": [
                {"id": "00000000-0000-4000-8000-000000000009", "sha256": "0" * 64,
                 "status": "accepted"}]}).encode()  # fmt: skip
            return response

    with Liar(server.url, token="t") as liar, pytest.raises(BadResponse):
        liar.find_submissions(["00000000-0000-4000-8000-000000000001"])
