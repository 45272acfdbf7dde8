"""At rest: no personal data in the file or its WAL; wrong key and plain files fail clearly."""

from __future__ import annotations

import logging
import sqlite3
import stat
import sys
import tempfile
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.config import Config, load_config, replace
from kiosk.domain.text import search_key
from kiosk.store import DatabaseKeyError, KeyMissingError, Store, open_store
from kiosk.store.engine import PLAIN_HEADER, connect_raw
from kiosk.store.keys import KEY_FILE, load_or_create_key
from kiosk.store.registry import save_resident
from tests.store.fixtures import START, env_for
from tests.strategies.identity import persons


def _forms(text: str) -> set[bytes]:
    """Every byte form a name could leak in: NFC, NFD, upper case, the folded search key."""
    variants = {text, text.upper(), search_key(text), search_key(text).upper()}
    out: set[bytes] = set()
    for value in variants:
        for form in ("NFC", "NFD"):
            out.add(unicodedata.normalize(form, value).encode("utf-8"))
    return out


def _file_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    wal = Path(f"{path}-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


def _insert(store: Store, people: list[dict[str, Any]]) -> None:
    for person in people:
        with store.write() as session:  # one commit each: the WAL holds them before a checkpoint
            save_resident(session, person, at=START)


def _person_record(person: dict[str, Any]) -> dict[str, Any]:
    return {**person, "birth_date": person["birth_date"].isoformat(), "phone": None}


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(persons(), min_size=3, max_size=12, unique_by=lambda p: p["id_number"]))
def test_no_name_or_id_number_is_readable_in_the_file_or_wal(people: list[dict[str, Any]]) -> None:
    records = [_person_record(p) for p in people]
    with tempfile.TemporaryDirectory() as tmp:
        config = load_config(env_for(Path(tmp)))
        with open_store(config) as store:
            _insert(store, records)
            assert Path(f"{config.db_path}-wal").stat().st_size > 0
            raw = _file_bytes(config.db_path)
            assert not raw.startswith(PLAIN_HEADER)
            for person in records:
                assert person["id_number"].encode() not in raw
                for form in _forms(person["full_name"]):
                    assert form not in raw
        raw = _file_bytes(config.db_path)
        for person in records:
            assert person["id_number"].encode() not in raw


def test_the_same_data_in_a_plain_database_is_readable(tmp_path: Path) -> None:
    """The check above can fail: without encryption the names are right there in the bytes."""
    config = load_config(env_for(tmp_path, KIOSK_ENCRYPT="false"))
    person = _person_record(
        {
            "id_number": "001190012345",
            "full_name": "Đặng Thị Hoà",
            "sex": "female",
            "birth_date": date(1990, 3, 15),
        }
    )
    with open_store(config) as store:
        _insert(store, [person])
        raw = _file_bytes(config.db_path)
    assert b"001190012345" in raw
    assert any(form in raw for form in _forms("Đặng Thị Hoà"))


def test_wrong_key_fails_with_a_clear_error(config: Config) -> None:
    with pytest.raises(DatabaseKeyError, match="cannot be opened with this kiosk's key"):
        connect_raw(config.db_path, b"\x01" * 32)
    (config.config_dir / KEY_FILE).write_text("ab" * 32 + "\n", encoding="ascii")
    with pytest.raises(DatabaseKeyError, match="key is wrong"):
        open_store(config)


def test_plain_sqlite_cannot_read_the_encrypted_file(config: Config) -> None:
    conn = sqlite3.connect(config.db_path)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="not a database"):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()
    with pytest.raises(DatabaseKeyError, match="encryption is switched off"):
        open_store(replace(config, encrypt=False))


def test_a_plain_file_is_refused_when_encryption_is_on(tmp_path: Path) -> None:
    config = load_config(env_for(tmp_path))
    config.data_dir.mkdir(parents=True)
    plain = sqlite3.connect(config.db_path)
    plain.execute("CREATE TABLE t (x)")
    plain.commit()
    plain.close()
    config.config_dir.mkdir(parents=True)
    (config.config_dir / KEY_FILE).write_text("cd" * 32, encoding="ascii")
    with pytest.raises(DatabaseKeyError, match="plain, unencrypted"):
        open_store(config)


def test_an_existing_database_without_its_key_is_not_given_a_new_one(config: Config) -> None:
    (config.config_dir / KEY_FILE).unlink()
    with pytest.raises(KeyMissingError, match="a new key cannot read the data"):
        open_store(config)
    assert not (config.config_dir / KEY_FILE).exists()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_key_file_is_owner_only(tmp_path: Path) -> None:
    key = load_or_create_key(tmp_path, store="file")
    path = tmp_path / KEY_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert len(key) == 32
    assert load_or_create_key(tmp_path, store="file", create=False) == key


def test_connections_have_the_pragmas_of_the_design(store: Store) -> None:
    with store.engine.connect() as conn:
        pragma = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    assert pragma == {"journal_mode": "wal", "synchronous": 2, "foreign_keys": 1,
                      "busy_timeout": 5000}  # fmt: skip
    assert store.encrypted


def test_plain_mode_warns_at_every_open(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    config = load_config(env_for(tmp_path, KIOSK_ENCRYPT="false"))
    for _ in range(2):
        with caplog.at_level(logging.WARNING, logger="kiosk.store"), open_store(config) as store:
            assert not store.encrypted
    warnings = [r for r in caplog.records if "encryption is OFF" in r.getMessage()]
    assert len(warnings) == 2
    assert config.db_path.read_bytes().startswith(PLAIN_HEADER)
