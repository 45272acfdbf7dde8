"""What the sync tests share: an enrolled kiosk, a stepping clock that never really sleeps, counts."""

from __future__ import annotations

from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select

from intake.auth import issue_enrol_code
from intake.models import Submission as ServerSubmission
from kiosk.store import Store
from kiosk.store.models import Submission
from kiosk.sync.client import IntakeClient
from kiosk.sync.enrol import enrol_station
from kiosk.sync.uploader import UploadProgress
from tests.support.intake import Server, running_server
from tests.support.queue import ICT

WARD = "Phường Yên Nghĩa"
GROUP = "Tổ dân phố 1"


@dataclass
class FakeTime:
    """Wall time that moves only when the engine "sleeps": backoff waits cost nothing."""

    now_value: datetime = datetime(2025, 11, 22, 20, 0, tzinfo=ICT)
    slept: list[float] = field(default_factory=list)

    def now(self) -> datetime:
        return self.now_value

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now_value += timedelta(seconds=seconds)


@dataclass
class Recorder:
    """Every progress the engine reported, in order."""

    seen: list[UploadProgress] = field(default_factory=list)

    def __call__(self, progress: UploadProgress) -> None:
        self.seen.append(progress)

    @property
    def states(self) -> list[str]:
        return [p.state for p in self.seen]


def enrol(store: Store, server: Server, url: str | None = None, **options: Any) -> IntakeClient:
    """Enrol the kiosk of ``store`` with ``server`` (through ``url`` when given); its client."""
    code = issue_enrol_code(server.engine, WARD, GROUP, timedelta(hours=1))
    client = IntakeClient(url or server.url, **options)
    enrol_station(store, client, code=code, name="Nhà văn hoá tổ 1", now=lambda: datetime.now(ICT))
    return client


def local_statuses(store: Store) -> Counter[str]:
    """How many of the kiosk's submissions are in each status."""
    with store.read() as session:
        rows = session.execute(select(Submission.status, func.count()).group_by(Submission.status))
        return Counter({status: int(n) for status, n in rows})


def server_ids(server: Server) -> list[str]:
    """Every submission id the server holds (duplicates would show twice)."""
    with server.engine.connect() as conn:
        return list(conn.execute(select(ServerSubmission.id)).scalars())


class Restartable:
    """An intake server on one database that a test stops and starts again (a new port each time)."""

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url
        self.server: Server | None = None
        self.starts = 0
        self._stack: ExitStack | None = None

    def start(self) -> Server:
        self._stack = ExitStack()
        self.server = self._stack.enter_context(running_server(self.database_url))
        self.starts += 1
        return self.server

    def current(self) -> Server:
        assert self.server is not None
        return self.server

    def stop(self) -> None:
        if self._stack is not None:
            self._stack.close()
        self._stack, self.server = None, None

    def __enter__(self) -> Restartable:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
