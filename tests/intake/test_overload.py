"""The evening peak: admission control (503 + Retry-After), body limit (413), lookup flood (429).

A server with one slot and a one-place queue is flooded by kiosks posting batches at once: the
ones not admitted get ``503`` with a ``Retry-After`` in the configured range, ``/v1/health``
answers 200 all along (5 s client timeout), and afterwards every submission a kiosk was told
``accepted`` is in the database exactly once, while refused ones were not stored.  No timing is
asserted: the machine is shared.
"""

from __future__ import annotations

import json
import socket
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from intake.cli import main
from intake.models import Submission
from intake.ratelimit import LookupLimiter
from tests.intake.helpers import Server, running_server

KIOSKS = 16
BATCHES = 3
BATCH = 20
RETRY_AFTER = (2, 9)
TIGHT = {
    "max_in_flight": 1,
    "queue_length": 1,
    "queue_wait": 0.05,
    "retry_after": RETRY_AFTER,
    "lookup_burst": 1000,
    "lookup_per_minute": 60_000.0,
}
LIMIT = 4000


def _flood(server: Server) -> tuple[list[tuple[int, str | None, list[dict[str, Any]]]], set[str]]:
    """KIOSKS stations post BATCHES batches each, all at once; (status, Retry-After, results)."""
    stations = [server.enrol() for _ in range(KIOSKS)]
    bodies = [
        [[s.submission(k * BATCH + n) for n in range(BATCH)] for k in range(BATCHES)]
        for s in stations
    ]
    barrier = threading.Barrier(KIOSKS, timeout=60)

    def kiosk(index: int) -> list[tuple[int, str | None, list[dict[str, Any]]]]:
        station = stations[index]
        barrier.wait()
        answers = []
        for items in bodies[index]:
            answer = station.post("/v1/submissions/batch", {"items": items})
            results = answer.json()["results"] if answer.status_code == 200 else []
            answers.append((answer.status_code, answer.headers.get("Retry-After"), results))
        return answers

    with ThreadPoolExecutor(max_workers=KIOSKS) as pool:
        answers = [a for chunk in pool.map(kiosk, range(KIOSKS)) for a in chunk]
    sent = {i["id"] for per_station in bodies for items in per_station for i in items}
    return answers, sent


def _health_while(server: Server, done: threading.Event, seen: list[int]) -> None:
    """Ask /v1/health again and again (5 s timeout each) until ``done``."""
    with requests.Session() as session:
        while True:
            seen.append(session.get(f"{server.url}/v1/health", timeout=5).status_code)
            if done.wait(0.05):
                return


def test_a_flood_gets_503_with_retry_after_and_loses_or_doubles_nothing(
    database_url: str,
) -> None:
    with running_server(database_url, **TIGHT) as server:
        done = threading.Event()
        health: list[int] = []
        watcher = threading.Thread(target=_health_while, args=(server, done, health))
        watcher.start()
        try:
            answers, sent = _flood(server)
        finally:
            done.set()
            watcher.join(timeout=60)
        stations = [s.id for s in server.stations]
        with server.engine.connect() as conn:
            stored = Counter(
                conn.execute(
                    select(Submission.id).where(Submission.station_id.in_(stations))
                ).scalars()
            )

    statuses = Counter(status for status, _, _ in answers)
    assert set(statuses) == {200, 503}, statuses
    assert statuses[503] >= 1 and statuses[200] >= 1
    for status, retry_after, _ in answers:
        if status == 503:
            assert retry_after is not None and retry_after.isdigit()
            assert RETRY_AFTER[0] <= int(retry_after) <= RETRY_AFTER[1]
    assert health and set(health) == {200}

    accepted = [r["id"] for _, _, results in answers for r in results if r["status"] == "accepted"]
    assert Counter(r["status"] for _, _, results in answers for r in results) == {
        "accepted": len(accepted)
    }
    assert set(stored.values()) == {1}
    assert set(stored) == set(accepted)
    assert len(accepted) == statuses[200] * BATCH
    assert set(stored) <= sent


def test_a_stalled_body_holds_no_slot_and_is_answered_408(database_url: str) -> None:
    """Headers and one byte of a body, then nothing: the only slot stays free for the others,
    and once the body's time is up the stalled client gets ``408`` and its connection closes."""
    with running_server(database_url, **{**TIGHT, "body_timeout": 1.0}) as server:
        station = server.enrol()
        host, port = server.url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=10) as stalled:
            stalled.sendall(
                "POST /v1/submissions/batch HTTP/1.1\r\nHost: test\r\n"
                f"Authorization: {station.session.headers['Authorization']}\r\n"
                "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{".encode()
            )
            assert [station.get("/v1/stats").status_code for _ in range(5)] == [200] * 5
            assert station.batch([station.submission(0)])[0]["status"] == "accepted"
            answer = b""
            while chunk := stalled.recv(65536):
                answer += chunk
        assert answer.startswith(b"HTTP/1.1 408 ")
        assert answer.endswith(b'{"detail": "request body not received in time"}')
        assert requests.get(f"{server.url}/v1/health", timeout=5).status_code == 200


def _raw_answer(server: Server, head: str, body: bytes) -> tuple[int, bytes]:
    """Send ``head`` and part of a body, never the end of it; the status line and what follows."""
    host, port = server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(head.encode("ascii") + body)
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = sock.recv(65536)
            assert chunk, "connection closed before an answer"
            answer += chunk
    status = int(answer.split(b" ", 2)[1])
    return status, answer


def test_a_body_over_the_limit_is_refused_before_it_is_all_sent(database_url: str) -> None:
    with running_server(database_url, max_body_bytes=LIMIT) as server:
        station = server.enrol()
        token = str(station.session.headers["Authorization"])
        head = (
            "POST /v1/submissions/batch HTTP/1.1\r\n"
            f"Host: test\r\nAuthorization: {token}\r\nContent-Type: application/json\r\n"
        )
        declared, _ = _raw_answer(server, head + f"Content-Length: {3 * LIMIT}\r\n\r\n", b"{")
        assert declared == 413
        chunk = b"x" * 500
        streamed = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(10))
        chunked, _ = _raw_answer(server, head + "Transfer-Encoding: chunked\r\n\r\n", streamed)
        assert chunked == 413

        items = [station.submission(n) for n in range(5)]
        big = json.dumps({"items": items}).encode("utf-8")
        assert len(big) > LIMIT
        whole = station.session.post(
            f"{server.url}/v1/submissions/batch",
            data=big,
            headers={"Content-Type": "application/json"},
            timeout=30,
        )
        assert whole.status_code == 413
        assert station.batch(items[:1])[0]["status"] == "accepted"  # a small one still goes in
        with server.engine.connect() as conn:
            count = select(func.count()).where(Submission.station_id == station.id)
            assert conn.execute(count).scalar_one() == 1


def test_a_lookup_flood_gets_429_with_retry_after(database_url: str) -> None:
    """One lookup after another, as fast as they are answered (several at once from one station
    are over its share of the lookup slots: ``test_admission.py``)."""
    with running_server(database_url, lookup_burst=3, lookup_per_minute=0.6) as server:
        station = server.enrol()
        body = {"id_number": "001090999993"}
        answers = [station.post("/v1/registry/lookup", body) for _ in range(24)]
    statuses = Counter(a.status_code for a in answers)
    assert set(statuses) == {404, 429}
    assert statuses[404] <= 4  # the burst, and at most one token refilled meanwhile
    for answer in answers:
        if answer.status_code == 429:
            assert int(answer.headers["Retry-After"]) >= 1


def test_serve_refuses_limits_that_make_no_sense(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--database-url", database_url, "--retry-after", "9-3"]) == 2
    assert main(["serve", "--database-url", database_url, "--max-in-flight", "0"]) == 2
    assert "admission" in capsys.readouterr().err


def test_the_lookup_bucket_refills_at_its_rate_and_says_how_long_to_wait() -> None:
    now = [1000.0]
    limiter = LookupLimiter(burst=2, per_minute=6.0, clock=lambda: now[0])  # one per 10 s
    assert [limiter.take("st-a"), limiter.take("st-a")] == [None, None]
    assert limiter.take("st-a") == 10
    assert limiter.take("st-b") is None  # another station has its own bucket
    now[0] += 4.0
    assert limiter.take("st-a") == 6  # 0.4 of a token back: 6 s more
    now[0] += 6.0
    assert limiter.take("st-a") is None
    now[0] += 3600.0
    assert [limiter.take("st-a") for _ in range(3)] == [None, None, 10]  # never above the burst
