"""The first look: what the sign-in screen needs, read before the store opens, or None."""

from __future__ import annotations

import hashlib

import pytest
from sqlalchemy import text, update

from kiosk.config import Config, replace
from kiosk.store import keys, open_store
from kiosk.store.first_look import FirstLook, OperatorTile, first_look, open_marker
from kiosk.store.keys import KEY_FILE
from kiosk.store.models import Operator
from kiosk.store.station import set_training
from tests.store.fixtures import START, FakeClock, add_operator


def _ready(config: Config) -> tuple[str, str]:
    """A closed store with an officer, two volunteers (one disabled), training on."""
    with open_store(config, now=FakeClock()) as store:
        officer = add_operator(store, "Trần Thị Hoà", "officer")
        add_operator(store, "Đặng Văn Nam", "volunteer")
        gone = add_operator(store, "Lê Hoàng Bảo Ngọc", "volunteer")
        with store.write() as session:
            session.execute(update(Operator).where(Operator.id == gone).values(active=False))
            set_training(session, on=True, at=START, actor=officer)
    return officer, gone


def test_a_ready_database_gives_the_sign_in_screen_what_it_needs(config: Config) -> None:
    officer, gone = _ready(config)
    before = hashlib.sha256(config.db_path.read_bytes()).hexdigest()
    look = first_look(config)
    assert look == FirstLook(
        training=True,
        operators=(  # in the database's order of names, as AuthService.operators() gives them
            OperatorTile(officer, "Trần Thị Hoà", "officer", False),
            OperatorTile("op-đặng văn nam", "Đặng Văn Nam", "volunteer", False),
        ),
    )
    assert all(tile.id != gone for tile in look.operators)
    assert hashlib.sha256(config.db_path.read_bytes()).hexdigest() == before  # nothing written


def test_the_unusual_cases_take_the_ordinary_road(config: Config) -> None:
    assert first_look(config) is None  # no operator yet (first start): setup comes first
    _ready(config)
    marker = open_marker(config.db_path)
    marker.touch()  # the last run crashed: the full open checks first
    assert first_look(config) is None
    marker.unlink()
    with open_store(config, now=FakeClock()) as store, store.transaction() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = 'older'"))
    assert first_look(config) is None  # a migration is pending
    config.db_path.unlink()
    assert first_look(config) is None  # no database at all


def test_a_wrong_key_answers_none_not_an_error(config: Config) -> None:
    _ready(config)
    key_file = next(config.config_dir.iterdir())
    key_file.write_bytes(bytes(len(key_file.read_bytes())))
    assert first_look(config) is None


def test_the_first_look_never_asks_a_keyring(
    config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ready(config)

    def no_keyring() -> None:
        raise AssertionError("the first look asked for a keyring (about 160 ms of discovery)")

    monkeypatch.setattr(keys, "usable_keyring", no_keyring)
    auto = replace(config, key_store="auto")
    assert first_look(auto) is not None  # the key file is the key: read without a keyring
    assert first_look(replace(config, key_store="keyring")) is None  # the full open asks it
    (config.config_dir / KEY_FILE).unlink()  # where a keyring holds the key, there is no file
    assert first_look(auto) is None
