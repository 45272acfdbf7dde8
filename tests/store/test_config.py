"""Configuration: TOML file in the config dir, environment overrides, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import CONFIG_FILE, ConfigError, load_config, replace
from tests.store.fixtures import env_for


def test_defaults_and_dirs(tmp_path: Path) -> None:
    config = load_config(env_for(tmp_path))
    assert config.encrypt is True
    assert (config.retention_days, config.backups_keep) == (7, 10)
    assert config.db_path == tmp_path / "data" / "kiosk.db"
    assert config.backups_dir == tmp_path / "data" / "backups"
    assert config.key_store == "file"


def test_file_then_environment(tmp_path: Path) -> None:
    env = env_for(tmp_path)
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / CONFIG_FILE).write_text(
        "encrypt = false\nbackups_keep = 3\nretention_days = 14\nfuture_setting = 1\n",
        encoding="utf-8",
    )
    config = load_config(env)
    assert (config.encrypt, config.backups_keep, config.retention_days) == (False, 3, 14)
    config = load_config({**env, "KIOSK_ENCRYPT": "yes", "KIOSK_RETENTION_DAYS": "30"})
    assert (config.encrypt, config.retention_days) == (True, 30)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("encrypt = 'no'", "encrypt must be a bool"),
        ("backups_keep = 0", "backups_keep must be at least 1"),
        ("retention_days = true", "retention_days must be a whole number"),
        ("key_store = 'vault'", "key_store must be one of"),
        ("encrypt = ", "not valid TOML"),
    ],
)
def test_bad_values_are_named(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / CONFIG_FILE).write_text(text + "\n", encoding="utf-8")
    env = env_for(tmp_path)
    del env["KIOSK_KEY_STORE"]  # the file's own value must be checked
    with pytest.raises(ConfigError, match=message):
        load_config(env)


def test_bad_environment_values(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="KIOSK_ENCRYPT"):
        load_config(env_for(tmp_path, KIOSK_ENCRYPT="maybe"))
    with pytest.raises(ConfigError, match="KIOSK_BACKUPS_KEEP"):
        load_config(env_for(tmp_path, KIOSK_BACKUPS_KEEP="many"))


def test_replace_checks_too(tmp_path: Path) -> None:
    config = load_config(env_for(tmp_path))
    assert replace(config, encrypt=False).encrypt is False
    with pytest.raises(ConfigError):
        replace(config, retention_days=0)
