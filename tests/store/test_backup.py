"""Backups (encrypted, checked, pruned), restore, the CLI, and quick_check stopping writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.config import Config, load_config
from kiosk.store import (
    DatabaseKeyError,
    IntegrityCheckError,
    Store,
    StoreReadOnlyError,
    open_store,
)
from kiosk.store.backup import backup_database, check_backup, prune_backups
from kiosk.store.engine import PLAIN_HEADER
from kiosk.store.keys import KEY_FILE, load_or_create_key
from kiosk.store.migrate import head_revision
from kiosk.store.models import Household
from kiosk.store.registry import save_household
from tests.store.fixtures import START, env_for


def _key(config: Config) -> bytes:
    return load_or_create_key(config.config_dir, store="file", create=False)


def _households(store: Store) -> set[str]:
    with store.read() as session:
        return {h.id for h in session.query(Household)}


def _add_household(store: Store, hid: str) -> None:
    with store.write() as session:
        save_household(
            session, {"id": hid, "group": "Tổ 5", "address": "Số 9 ngõ Huyền Bí"}, at=START
        )


def test_backup_is_encrypted_checked_and_readable(store: Store, config: Config) -> None:
    _add_household(store, "hh-1")
    path = store.backup()
    data = path.read_bytes()
    assert not data.startswith(PLAIN_HEADER)
    assert "Huyền Bí".encode() not in data
    assert check_backup(path, _key(config)) == head_revision()
    with pytest.raises(DatabaseKeyError):
        check_backup(path, b"\x02" * 32)


def test_prune_keeps_the_newest(tmp_path: Path) -> None:
    for stamp in ("20250101", "20250102", "20250103", "20250104"):
        (tmp_path / f"kiosk-{stamp}T000000Z-manual.db").write_bytes(b"x")
    gone = prune_backups(tmp_path, keep=2)
    assert [p.name[6:14] for p in gone] == ["20250101", "20250102"]
    assert len(list(tmp_path.glob("*.db"))) == 2


def test_cli_backup_and_restore_round_trip(
    config: Config, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_store(config) as store:
        _add_household(store, "hh-before")
    assert main(["backup", str(config.data_dir / "stick")]) == 0
    backup = next((config.data_dir / "stick").glob("kiosk-*.db"))
    with open_store(config) as store:
        _add_household(store, "hh-after")
    assert main(["restore", str(backup)]) == 0
    with open_store(config) as store:
        assert _households(store) == {"hh-before"}
    assert any(config.backups_dir.glob("*pre-restore.db"))
    assert main(["check"]) == 0
    assert "audit chain" in capsys.readouterr().out


def test_cli_restore_refuses_while_the_kiosk_is_open(
    config: Config, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    backup = store.backup()
    assert main(["restore", str(backup)]) == 1
    assert "running or did not close cleanly" in capsys.readouterr().err


def test_cli_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert all(command in out for command in ("backup", "restore", "check", "enrol", "--kiosk"))


def test_cli_backup_without_a_key_fails_clearly(
    config: Config, capsys: pytest.CaptureFixture[str]
) -> None:
    (config.config_dir / KEY_FILE).unlink()
    assert main(["backup"]) == 1
    assert "key" in capsys.readouterr().err


def _fill(store: Store) -> None:
    """Enough households that the second half of the file is table data, not the schema."""
    with store.write() as session:
        for i in range(400):
            address = f"Số {i} ngõ Huyền Bí " + "x" * 200
            save_household(
                session, {"id": f"hh-{i}", "group": "Tổ 5", "address": address}, at=START
            )


def _damage(path: Path) -> None:
    """Overwrite part of a page in the second half: the schema still opens, a full read fails."""
    pages = path.stat().st_size // 4096
    with path.open("r+b") as f:
        f.seek(4096 * (pages * 3 // 4) + 100)
        f.write(b"\x00" * 2000)


def test_damage_after_a_crash_stops_writes(config: Config) -> None:
    with open_store(config) as store:
        _fill(store)
    _damage(config.db_path)
    config.db_path.with_name("kiosk.db.open").write_text("1", encoding="ascii")  # a crash
    with open_store(config) as store:
        assert store.unclean_start
        assert store.read_only
        with pytest.raises(StoreReadOnlyError, match="read-only"):
            store.write().__enter__()
        with pytest.raises(IntegrityCheckError, match="kiosk restore"):
            store.quick_check()


def test_a_clean_start_skips_the_check_and_the_background_check_finds_damage(
    config: Config,
) -> None:
    with open_store(config) as store:
        _fill(store)
    _damage(config.db_path)
    with open_store(config) as store:
        assert not store.unclean_start
        assert not store.read_only
        with pytest.raises(IntegrityCheckError):
            store.quick_check()  # what the app runs in the background after the first screen
        assert store.read_only


def test_a_damaged_first_page_is_not_called_a_wrong_key(config: Config) -> None:
    with open_store(config) as store:
        _fill(store)
    pages = config.db_path.stat().st_size // 4096
    with config.db_path.open("r+b") as f:  # every page but the first: the schema cannot load
        for page in range(1, pages):
            f.seek(4096 * page + 50)
            f.write(b"\xff" * 100)
    with pytest.raises(IntegrityCheckError, match="opens with this kiosk's key but is damaged"):
        open_store(config)


def test_backup_of_a_plain_database(tmp_path: Path) -> None:
    config = load_config(env_for(tmp_path, KIOSK_ENCRYPT="false"))
    with open_store(config) as store:
        path = backup_database(config.db_path, None, tmp_path / "b")
        assert path.read_bytes().startswith(PLAIN_HEADER)
        assert store.path == config.db_path
