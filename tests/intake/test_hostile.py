"""Hostile clients against the real server process (``kiosk-intake serve``) on loopback.

Each test runs while a watcher asks ``/v1/health`` every 0.2 s (5 s timeout): every answer must be
200.  The server runs with its default slots and short header and body timeouts (2 s) so that the
guards act within a test; the defaults are longer, the mechanism the same (``intake.serving``,
``intake.admission``).  No timing is asserted: the machine is shared.
"""

from __future__ import annotations

import contextlib
import random
import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime

import pytest
import requests
from sqlalchemy import select

from intake.config import Settings
from intake.db import make_engine
from intake.models import Submission as ServerSubmission
from kiosk.store import Store
from kiosk.sync.uploader import Uploader
from tests.store.fixtures import clock, config, kiosk_env, store, template_root
from tests.support.hostile import Stallers
from tests.support.intake import ServedProcess, Server, Station, served_process
from tests.support.queue import ICT, add_verified
from tests.sync.helpers import enrol, local_statuses

__all__ = ["clock", "config", "kiosk_env", "store", "template_root"]

GUARD_SECONDS = 2.0
OPTIONS = ("--header-timeout", str(GUARD_SECONDS), "--body-timeout", str(GUARD_SECONDS))
STALLED = 50
UPLOADS = 1000


@dataclass
class Hostile:
    """The served process, a line to its database, and the health answers seen meanwhile."""

    served: ServedProcess
    server: Server
    health: list[int | str] = field(default_factory=list)

    @property
    def address(self) -> tuple[str, int]:
        host, port = self.served.url.removeprefix("http://").split(":")
        return host, int(port)

    def connect(self) -> socket.socket:
        return socket.create_connection(self.address, timeout=10)


def _watch_health(url: str, seen: list[int | str], done: threading.Event) -> None:
    with requests.Session() as session:
        while True:  # at once, every 0.2 s, and once more after the test
            try:
                seen.append(session.get(f"{url}/v1/health", timeout=5).status_code)
            except requests.RequestException as exc:
                seen.append(type(exc).__name__)
            if done.is_set():
                return
            done.wait(0.2)


@pytest.fixture(scope="module")
def served(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedProcess]:
    log = tmp_path_factory.mktemp("hostile") / "server.log"
    with served_process(database_url, log, options=OPTIONS) as process:
        yield process


@pytest.fixture
def hostile(served: ServedProcess, database_url: str) -> Iterator[Hostile]:
    """The server, watched: the test fails if health ever answered other than 200."""
    engine = make_engine(database_url)
    server = Server(served.url, Settings(database_url=database_url), engine)
    watched = Hostile(served, server)
    done = threading.Event()
    watcher = threading.Thread(target=_watch_health, args=(served.url, watched.health, done))
    watcher.start()
    try:
        yield watched
    finally:
        done.set()
        watcher.join(timeout=30)
        for station in server.stations:
            station.session.close()
        engine.dispose()
    assert watched.health and set(watched.health) == {200}, Counter(watched.health)


def _answer(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection (or 10 s pass)."""
    received = b""
    try:
        while chunk := sock.recv(65536):
            received += chunk
    except (ConnectionResetError, TimeoutError):
        pass
    return received


def _served(station: Station) -> None:
    """The server still serves a kiosk: stats, and a lookup."""
    assert station.get("/v1/stats").status_code == 200
    assert station.post("/v1/registry/lookup", {"id_number": "001090999993"}).status_code == 404


def test_fifty_stalled_connections_while_a_kiosk_uploads_a_thousand(
    hostile: Hostile, store: Store
) -> None:
    attacker = hostile.server.enrol()
    client = enrol(store, hostile.server, url=hostile.served.url)
    ids = add_verified(store, UPLOADS)
    refusals: list[str] = []
    with Stallers(hostile.served.url, str(attacker.enrolment["token"]), STALLED) as stallers:
        time.sleep(GUARD_SECONDS / 2)  # the stalled connections are all open before the upload
        uploader = Uploader(
            store,
            client,
            now=lambda: datetime.now(ICT),
            on_progress=lambda p: refusals.append(p.state),
        )
        try:
            final = uploader.run_until_idle()
        finally:
            client.close()
        time.sleep(GUARD_SECONDS * 1.5)  # long enough for the guards to close some of them
    assert stallers.closed_by_server >= STALLED // 2, "the header and body timeouts never acted"
    assert (final.queued, final.sent, final.failed, final.held) == (0, UPLOADS, 0, 0)
    assert local_statuses(store) == {"sent": UPLOADS}
    with hostile.server.engine.connect() as conn:
        stored = Counter(
            conn.execute(select(ServerSubmission.id).where(ServerSubmission.id.in_(ids))).scalars()
        )
    assert set(stored) == set(ids) and set(stored.values()) == {1}
    assert "waiting" not in refusals  # never told to wait: the stalled ones held no slot


def test_a_thousand_connections_opened_and_dropped(hostile: Hostile) -> None:
    station = hostile.server.enrol()
    _served(station)
    before = hostile.served.open_connections()
    rng = random.Random(7)
    for n in range(1000):
        sock = hostile.connect()
        if n % 3 == 1:
            sock.send(b"POST /v1/submissions/batch HTTP/1.1\r\nHost: i")
        elif n % 3 == 2:
            sock.send(b"GET /v1/health HTTP/1.1\r\nHost: intake\r\n\r\n")
        if rng.random() < 0.5:  # reset rather than close: no FIN, an RST
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.close()
    _served(station)
    deadline = time.monotonic() + GUARD_SECONDS * 5
    while hostile.served.open_connections() > before + 5 and time.monotonic() < deadline:
        time.sleep(0.2)  # the server closes the half-open ones at its header timeout
    assert hostile.served.open_connections() <= before + 5


def test_oversized_headers_are_refused_and_the_connection_closed(hostile: Hostile) -> None:
    station = hostile.server.enrol()
    for head in (
        b"GET /v1/stats HTTP/1.1\r\nHost: intake\r\nX-Big: " + b"a" * 64_000 + b"\r\n\r\n",
        b"GET /v1/stats HTTP/1.1\r\nHost: intake\r\n"
        + b"".join(b"X-H%d: v\r\n" % n for n in range(5000))
        + b"\r\n",
    ):
        with hostile.connect() as sock:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                sock.sendall(head)  # the server may close before it is all sent: refused early
            answer = _answer(sock)
        refused = (b"HTTP/1.1 400 ", b"HTTP/1.1 431 ")
        assert answer == b"" or answer.startswith(refused), answer[:80]
    _served(station)


def test_a_body_that_never_ends_is_cut_off(hostile: Hostile) -> None:
    station = hostile.server.enrol()
    token = str(station.enrolment["token"])
    head = (
        "POST /v1/submissions/batch HTTP/1.1\r\nHost: intake\r\n"
        f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
    )
    with hostile.connect() as sock:  # fast and endless: refused once over the size limit
        sock.sendall(head.encode("ascii") + b"Transfer-Encoding: chunked\r\n\r\n")
        chunk = b"%x\r\n%s\r\n" % (1 << 20, b"[" * (1 << 20))
        sent = 0
        try:
            while sent < 64 << 20:
                sock.sendall(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        answer = _answer(sock)
    assert sent < 64 << 20
    assert answer == b"" or answer.startswith(b"HTTP/1.1 413 "), answer[:80]
    with hostile.connect() as sock:  # slow and endless: refused when its time is up
        sock.sendall(head.encode("ascii") + b"Content-Length: 1000000\r\n\r\n[")
        for _ in range(int(GUARD_SECONDS * 4)):
            try:
                sock.sendall(b"[")
            except (BrokenPipeError, ConnectionResetError):
                break
            time.sleep(0.5)
        answer = _answer(sock)
    assert answer.startswith(b"HTTP/1.1 408 "), answer[:80]
    _served(station)


def test_garbage_bytes_are_refused(hostile: Hostile) -> None:
    station = hostile.server.enrol()
    rng = random.Random(11)
    garbage = [
        bytes(rng.randrange(256) for _ in range(4096)),
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(100),  # a TLS hello, on plain HTTP
        b"\r\n" * 100 + b"GET / HTTP/9.9\r\n\r\n",
        b"POST /v1/submissions/batch HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
    ]
    for data in garbage:
        with hostile.connect() as sock:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                sock.sendall(data)
            answer = _answer(sock)
        assert answer == b"" or answer.startswith(b"HTTP/1.1 400 "), answer[:80]
    _served(station)


def test_one_station_flooding_lookups_while_another_gets_its_own(hostile: Hostile) -> None:
    flooder, other = hostile.server.enrol(), hostile.server.enrol()
    stop = threading.Event()

    def flood(_: int) -> Counter[int]:
        seen: Counter[int] = Counter()
        with requests.Session() as session:
            session.headers.update(flooder.session.headers)
            while not stop.is_set():
                body = {"id_number": "001090999994"}
                url = f"{hostile.served.url}/v1/registry/lookup"
                seen[session.post(url, json=body, timeout=30).status_code] += 1
        return seen

    with ThreadPoolExecutor(max_workers=8) as pool:
        flooding = [pool.submit(flood, n) for n in range(8)]
        time.sleep(0.5)
        own = [
            other.post("/v1/registry/lookup", {"id_number": f"0010909999{n:02d}"}).status_code
            for n in range(20)
        ]
        stop.set()
        flooded = sum((f.result() for f in flooding), Counter())
    assert own == [404] * 20  # each answered: not refused, not rate-limited
    assert flooded[429] + flooded[503] > 0, flooded  # the flood itself was held back
