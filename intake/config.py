"""Server settings: built once at start-up from the command line and the environment.

``INTAKE_DATABASE_URL`` picks the database (SQLite in the data dir by default; PostgreSQL with a
``postgresql+psycopg://`` URL); ``INTAKE_DATA_DIR`` the data dir.  Nothing writes next to the code.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "kiosk-intake"


def default_data_dir(env: Mapping[str, str] | None = None) -> Path:
    """The data dir: ``INTAKE_DATA_DIR`` or the platform's per-user data dir."""
    env = os.environ if env is None else env
    return Path(env.get("INTAKE_DATA_DIR") or user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class Settings:
    """Everything the app needs to run; tests build one directly."""

    database_url: str
    lookup_burst: int = 30
    """Registry lookups a station may make at once before the rate limit applies."""
    lookup_per_minute: float = 30.0
    """Sustained registry lookups per station per minute (a kiosk needs about one per resident)."""
    enrol_code_ttl: timedelta = timedelta(hours=24)
    max_body_bytes: int = 8 * 1024 * 1024
    """Larger request bodies get 413 and the kiosk halves its batch (100 items fit many times)."""
    max_in_flight: int = 2
    """Bulk requests (batches, roster pages, stats) processed at once: more only makes each one
    slower, and lookups wait longer for the processor (``bench/bench_load.py``, server on one
    core: 2 slots gave the same records/s as 4 at 10x load, with half the latency)."""
    lookup_slots: int = 2
    """Interactive lookups processed at once, in slots of their own (never behind uploads)."""
    queue_length: int = 16
    """Requests of a class that may wait for a slot, beyond them 503 at once."""
    queue_target: float = 0.25
    """A request predicted to wait longer than this for a slot (the requests ahead times the
    class's recent service time, over its slots) is refused at once rather than served late."""
    queue_wait: float = 2.0
    """Seconds a request waits for a slot at most before it gets 503."""
    header_timeout: float = 10.0
    """Seconds a connection has to send a request's headers, or it is closed."""
    body_timeout: float = 30.0
    """Seconds a request has to send its whole body (408 after); it holds no slot meanwhile."""
    max_header_bytes: int = 16 * 1024
    """Larger request headers are refused (400) and the connection closed."""
    keep_alive: int = 5
    """Seconds an idle connection stays open between requests."""
    retry_after: tuple[int, int] = (2, 10)
    """Range of the jittered ``Retry-After`` (whole seconds) sent with 503."""

    @classmethod
    def from_env(
        cls, database_url: str | None = None, env: Mapping[str, str] | None = None
    ) -> Settings:
        """Settings from an explicit URL, else ``INTAKE_DATABASE_URL``, else SQLite in the data dir."""
        env = os.environ if env is None else env
        url = database_url or env.get("INTAKE_DATABASE_URL")
        if not url:
            data_dir = default_data_dir(env)
            data_dir.mkdir(parents=True, exist_ok=True)
            url = f"sqlite:///{data_dir / 'intake.db'}"
        return cls(database_url=url)
