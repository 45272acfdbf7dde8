"""Shared fixtures of the store and service tests: a config, a store on its own file, a clock.

Every test gets its own database file: a migrated template is built once per session and copied
(with its key file) into the test's ``tmp_path``, which is much faster than migrating each time.
The key always lives in a key file (``KIOSK_KEY_STORE=file``): no test touches a real keyring.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from kiosk.config import Config, load_config
from kiosk.services.pins import PinParams, hash_pin
from kiosk.store import Store, open_store
from kiosk.store.keys import KEY_FILE
from kiosk.store.models import Operator

ICT = timezone(timedelta(hours=7))
FAST_PINS = PinParams(n=2**10, r=8, p=1)
"""Cheap scrypt parameters so tests do not spend 0.1 s per PIN (production ones are tested once)."""
START = datetime(2025, 11, 22, 19, 0, tzinfo=ICT)


@dataclass
class FakeClock:
    """A clock that stands still until told to move."""

    now: datetime = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


def env_for(root: Path, **extra: str) -> dict[str, str]:
    """Environment selecting dirs under ``root`` and the key file."""
    return {
        "KIOSK_CONFIG_DIR": str(root / "config"),
        "KIOSK_DATA_DIR": str(root / "data"),
        "KIOSK_KEY_STORE": "file",
        **extra,
    }


@pytest.fixture(scope="session")
def template_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated, encrypted database with its key file, built once."""
    root = tmp_path_factory.mktemp("template")
    with open_store(load_config(env_for(root))):
        pass
    return root


@pytest.fixture
def kiosk_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """This test's dirs in the environment (for code that calls ``load_config()`` itself)."""
    env = env_for(tmp_path)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    return env


@pytest.fixture
def config(tmp_path: Path, template_root: Path, kiosk_env: dict[str, str]) -> Config:
    """This test's config, with a copy of the template database in its data dir."""
    cfg = load_config(kiosk_env)
    cfg.data_dir.mkdir(parents=True)
    cfg.config_dir.mkdir(parents=True)
    shutil.copy(template_root / "data" / "kiosk.db", cfg.db_path)
    shutil.copy(template_root / "config" / KEY_FILE, cfg.config_dir / KEY_FILE)
    return cfg


@pytest.fixture
def clock() -> FakeClock:
    """A fixed clock (19:00 Hanoi time on a campaign evening)."""
    return FakeClock()


@pytest.fixture
def store(config: Config, clock: FakeClock) -> Iterator[Store]:
    """The open store of this test (closed afterwards)."""
    with open_store(config, now=clock) as opened:
        yield opened


def add_operator(store: Store, name: str, role: str, pin: str = "246810") -> str:
    """Insert an operator directly (fast PIN parameters); return its id."""
    digest, salt = hash_pin(pin, FAST_PINS)
    op_id = f"op-{name.lower()}"
    with store.write() as session:
        session.add(
            Operator(
                id=op_id,
                name=name,
                role=role,
                pin_hash=digest,
                pin_salt=salt,
                pin_params=FAST_PINS.encode(),
                created_at=START,
            )
        )
    return op_id
