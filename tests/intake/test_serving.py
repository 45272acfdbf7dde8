"""The connection under a body answered before it was read: the client sees the answer, not a reset.

A ``413`` for a declared length over the limit goes out before the body is read.  Closed at once,
the connection's unread bytes make the kernel reset it, and a client still sending (the kiosk's
``requests`` among them) gets a connection error instead of the ``413`` that tells it to halve its
batch.  The server lets the rest of the body drain, for a bounded time.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from intake.serving import GuardedH11Protocol
from tests.intake.helpers import Server, fresh_database, running_server

LIMIT = 70_000


@pytest.fixture(scope="module")
def small_bodies(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    with (
        fresh_database("sqlite", tmp_path_factory.mktemp("serving")) as url,
        running_server(url, max_body_bytes=LIMIT) as server,
    ):
        yield server


def test_a_client_still_sending_a_body_far_over_the_limit_reads_the_413(
    small_bodies: Server,
) -> None:
    station = small_bodies.enrol()
    body = b'{"items": [' + b" " * (300 * LIMIT) + b"]}"
    for _ in range(20):
        answer = station.session.post(
            f"{small_bodies.url}/v1/submissions/batch",
            data=body,
            headers={"content-type": "application/json"},
            timeout=30,
        )
        assert answer.status_code == 413
        assert answer.headers["connection"] == "close"


def test_the_rest_of_an_answered_body_is_drained_for_a_bounded_time(
    small_bodies: Server,
) -> None:
    station = small_bodies.enrol()
    address = urlsplit(small_bodies.url)
    with socket.create_connection((address.hostname, address.port), timeout=30) as conn:
        conn.sendall(
            b"POST /v1/submissions/batch HTTP/1.1\r\nhost: intake\r\n"
            + f"authorization: {station.session.headers['Authorization']}\r\n".encode()
            + f"content-type: application/json\r\ncontent-length: {10 * LIMIT}\r\n\r\n".encode()
            + b" " * (2 * LIMIT)
        )
        answer = b""
        while b"\r\n\r\n" not in answer:
            answer += conn.recv(65536)
        assert answer.startswith(b"HTTP/1.1 413 ")
        started = time.monotonic()
        closed_after = None
        while closed_after is None and time.monotonic() - started < GuardedH11Protocol.linger + 5:
            try:
                conn.sendall(b" " * 1000)  # read and dropped while the server lingers
            except OSError:  # reset: the server has closed its end
                closed_after = time.monotonic() - started
            time.sleep(0.1)
    assert closed_after is not None, "the server never closed the connection"
    assert GuardedH11Protocol.linger - 1 < closed_after < GuardedH11Protocol.linger + 2
