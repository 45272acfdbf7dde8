"""The intake server under test: real uvicorn on a loopback port, real database, `requests` clients.

Shared by the server's own tests (``tests/intake``) and the kiosk's sync tests (``tests/sync``).

``running_server`` migrates a database, starts ``create_app`` under uvicorn in a background thread
on a socket bound to a free loopback port, and shuts it down cleanly.  ``RestartableServer`` stops
it and starts it again on the same port and database (an outage).  ``served_process`` runs
``kiosk-intake serve`` itself in a process of its own, for tests and benches of the whole server
(its connection handling included).  ``Station`` is an enrolled kiosk as the tests drive it.
"""

from __future__ import annotations

import base64
import contextlib
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import psycopg
import pytest
import requests
import uvicorn
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import Engine
from sqlalchemy.engine import make_url

from intake.app import create_app
from intake.auth import issue_enrol_code
from intake.config import Settings
from intake.db import make_engine, migrate
from intake.serving import uvicorn_config
from kiosk.domain.payload import REFERENCE_ALPHABET, payload_sha256
from tests.strategies.payloads import make_payload

PG_ENV = "INTAKE_TEST_DATABASE_URL"
BACKENDS = ["sqlite", "postgresql"] if os.environ.get(PG_ENV) else ["sqlite"]
START_TIMEOUT = 20.0


@contextmanager
def fresh_database(backend: str, directory: Path) -> Iterator[str]:
    """A migrated, empty database: a SQLite file, or a new PostgreSQL schema dropped afterwards."""
    if backend == "sqlite":
        url = f"sqlite:///{directory / 'intake.db'}"
        _migrate(url)
        yield url
        return
    base = make_url(os.environ[PG_ENV])
    schema = f"intake_test_{uuid.uuid4().hex[:12]}"
    admin = base.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    url = base.update_query_dict({"options": f"-csearch_path={schema}"})
    rendered = url.render_as_string(hide_password=False)
    try:
        _migrate(rendered)
        yield rendered
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def _migrate(url: str) -> None:
    engine = make_engine(url)
    try:
        migrate(engine)
    finally:
        engine.dispose()


@dataclass
class Server:
    """A running intake server and a direct line to its database for arranging and checking."""

    url: str
    settings: Settings
    engine: Engine
    stations: list[Station] = field(default_factory=list)

    def enrol(self, ward: str = "Phường Yên Nghĩa", group: str = "Tổ dân phố 1") -> Station:
        """Issue a code and enrol a new station with it."""
        code = issue_enrol_code(self.engine, ward, group, timedelta(hours=1))
        key = Ed25519PrivateKey.generate().public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        session = requests.Session()
        body = {"code": code, "name": "Nhà văn hoá", "signing_key": base64.b64encode(key).decode()}
        answer = session.post(f"{self.url}/v1/stations/enrol", json=body, timeout=30)
        answer.raise_for_status()
        enrolled = answer.json()
        session.headers["Authorization"] = f"Bearer {enrolled['token']}"
        station = Station(self.url, enrolled, session)
        self.stations.append(station)
        return station


@dataclass
class Station:
    """An enrolled kiosk: its enrolment answer and an authenticated `requests` session."""

    url: str
    enrolment: dict[str, Any]
    session: requests.Session

    @property
    def id(self) -> str:
        """The station id the server gave."""
        return str(self.enrolment["station_id"])

    def post(self, path: str, body: Any = None, **kwargs: Any) -> requests.Response:
        """POST JSON to the server."""
        return self.session.post(f"{self.url}{path}", json=body, timeout=120, **kwargs)

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        """GET from the server."""
        return self.session.get(f"{self.url}{path}", timeout=120, **kwargs)

    def batch(self, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Upload a batch that must be answered 200; the per-item results."""
        answer = self.post("/v1/submissions/batch", {"items": items})
        assert answer.status_code == 200, answer.text
        results: list[dict[str, Any]] = answer.json()["results"]
        return results

    def submission(self, n: int = 0, **overrides: Any) -> dict[str, Any]:
        """A valid item for this station: id, sha256 and payload (overrides go into the payload)."""
        payload = make_payload(station_id=self.id, reference=reference(n), **overrides)
        return item(payload)


def item(payload: dict[str, Any], submission_id: str | None = None) -> dict[str, Any]:
    """A batch item for ``payload`` with the right hash."""
    return {
        "id": submission_id or str(uuid.uuid4()),
        "sha256": payload_sha256(payload),
        "payload": payload,
    }


def reference(n: int) -> str:
    """A distinct reference code for each ``n`` (base 32 digits of n)."""
    chars = []
    for _ in range(8):
        n, digit = divmod(n, 32)
        chars.append(REFERENCE_ALPHABET[digit])
    return "".join(chars[:4]) + "-" + "".join(chars[4:])


class _Server(uvicorn.Server):
    """uvicorn's server, telling the test thread when it is ready to serve."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.ready = threading.Event()

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        """Start as uvicorn does, then say so."""
        await super().startup(sockets)
        self.ready.set()


@contextmanager
def running_server(database_url: str, *, port: int = 0, **settings: Any) -> Iterator[Server]:
    """Serve ``create_app`` under uvicorn on a loopback port (``port``, or a free one) until the
    block ends."""
    config_settings = Settings(database_url=database_url, **settings)
    app = create_app(config_settings)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(2048)
    port = sock.getsockname()[1]
    config = uvicorn_config(
        app, config_settings, log_level="warning", access_log=False, lifespan="on"
    )
    server = _Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    engine = make_engine(database_url)
    running = Server(f"http://127.0.0.1:{port}", config_settings, engine)
    try:
        assert server.ready.wait(START_TIMEOUT), "the server did not start"
        yield running
    finally:
        for station in running.stations:
            station.session.close()
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()
        engine.dispose()
        assert not thread.is_alive(), "the server did not stop"


class RestartableServer:
    """An intake server that a test stops and starts again on one database and one loopback port,
    as an outage looks to a kiosk: refused while down, then back at the address it was given.

    Entering starts it; ``engine`` reads the database whether the server is up or not.
    """

    def __init__(self, database_url: str, **settings: Any) -> None:
        self.database_url = database_url
        self.engine = make_engine(database_url)
        self.server: Server | None = None
        self.starts = 0
        self._settings = settings
        self._port = 0
        self._stack: ExitStack | None = None

    def start(self) -> Server:
        """Serve (again, on the first start's port); the running server."""
        assert self._stack is None, "the server is running already"
        with ExitStack() as stack:
            server = stack.enter_context(
                running_server(self.database_url, port=self._port, **self._settings)
            )
            self._stack = stack.pop_all()
        self._port = urlsplit(server.url).port or 0
        self.server = server
        self.starts += 1
        return server

    def stop(self) -> None:
        """Stop serving (uvicorn answers the requests under way first); nothing if stopped."""
        stack, self._stack, self.server = self._stack, None, None
        if stack is not None:
            stack.close()

    def __enter__(self) -> RestartableServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.stop()
        finally:
            self.engine.dispose()


@pytest.fixture(name="server")
def one_test_server(tmp_path: Path) -> Iterator[Server]:
    """``server``: a real intake server on its own fresh SQLite database, for one test (the kiosk's
    sync and UI tests import it; the server's own tests have theirs, per module and backend)."""
    directory = tmp_path / "intake"
    directory.mkdir()
    with fresh_database("sqlite", directory) as url, running_server(url) as running:
        yield running


@dataclass
class ServedProcess:
    """``kiosk-intake serve`` running in a process of its own."""

    url: str
    process: subprocess.Popen[bytes]

    def open_connections(self) -> int:
        """How many client connections the server still holds: its port's TCP entries that a
        socket of its own keeps (established, or closed by the client and not yet by the server;
        not the listening socket, not TIME_WAIT, which no process holds)."""
        port = f"{urlsplit(self.url).port:04X}"
        held = {"01", "08"}  # ESTABLISHED, CLOSE_WAIT
        count = 0
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            with contextlib.suppress(OSError), Path(table).open(encoding="ascii") as lines:
                next(lines)
                for line in lines:
                    local, state = line.split()[1], line.split()[3]
                    count += local.rsplit(":", 1)[1] == port and state in held
        return count


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def served_process(
    database_url: str, log: Path, cpu: int | None = None, options: tuple[str, ...] = ()
) -> Iterator[ServedProcess]:
    """``kiosk-intake serve`` on a free loopback port (pinned to ``cpu`` with taskset when given,
    with ``options`` on its command line) until the block ends; its output goes to ``log``."""
    port = _free_port()
    command = [sys.executable, "-m", "intake.cli", "serve", "--port", str(port),
               "--database-url", database_url, "--log-level", "warning", *options]  # fmt: skip
    if cpu is not None and shutil.which("taskset"):
        command = ["taskset", "-c", str(cpu), *command]
    url = f"http://127.0.0.1:{port}"
    root = Path(__file__).resolve().parents[2]
    with log.open("wb") as out:  # the server logs each batch: not on the caller's output
        proc = subprocess.Popen(command, cwd=root, stdout=out, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + START_TIMEOUT
            with requests.Session() as probe:
                while True:
                    try:
                        if probe.get(f"{url}/v1/health", timeout=1).ok:
                            break
                    except requests.ConnectionError:
                        pass
                    if time.monotonic() > deadline or proc.poll() is not None:
                        raise RuntimeError(f"the intake server did not start; see {log}")
                    time.sleep(0.05)  # polling a starting process: nothing to wait on but the port
            yield ServedProcess(url, proc)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
