"""Configuration: TOML file in the config dir, environment overrides, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import CONFIG_FILE, DEFAULT_IHANOI_URL, ConfigError, load_config, replace
from kiosk.domain.scan import ScanThresholds
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


def test_scan_thresholds_default_to_the_detectors(tmp_path: Path) -> None:
    config = load_config(env_for(tmp_path))
    assert config.scan_thresholds == ScanThresholds()


def test_scan_thresholds_from_file_then_environment(tmp_path: Path) -> None:
    env = env_for(tmp_path)
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / CONFIG_FILE).write_text(
        "scan_max_mean_gap_ms = 25\nscan_min_length = 8\nscan_quiet_gap_ms = 150.5\n",
        encoding="utf-8",
    )
    config = load_config({**env, "KIOSK_SCAN_MAX_KEY_GAP_MS": "120", "KIOSK_SCAN_MIN_LENGTH": "7"})
    assert config.scan_thresholds == ScanThresholds(25.0, 7, 150.5, 120.0)
    assert isinstance(config.scan_max_mean_gap_ms, float)
    assert isinstance(config.scan_max_key_gap_ms, float)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("scan_max_mean_gap_ms = 'fast'", "scan_max_mean_gap_ms must be a number"),
        ("scan_quiet_gap_ms = true", "scan_quiet_gap_ms must be a number"),
        ("scan_quiet_gap_ms = nan", "scan_quiet_gap_ms must be a number"),
        ("scan_max_key_gap_ms = inf", "scan_max_key_gap_ms must be a number"),
        ("scan_min_length = 6.5", "scan_min_length must be a whole number"),
        ("scan_min_length = 0", "scan_min_length must be from 1 to 1000"),
        ("scan_max_mean_gap_ms = -1", "scan_max_mean_gap_ms must be from 1 to 500"),
        ("scan_quiet_gap_ms = 5", "scan_quiet_gap_ms must be from 10 to 2000"),
        ("scan_max_key_gap_ms = 20", "must not be above scan_max_key_gap_ms"),
    ],
)
def test_bad_scan_values_are_named(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / CONFIG_FILE).write_text(text + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(env_for(tmp_path))


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("KIOSK_SCAN_MAX_MEAN_GAP_MS", "quick"),
        ("KIOSK_SCAN_QUIET_GAP_MS", "inf"),
        ("KIOSK_SCAN_MIN_LENGTH", "6.0"),
    ],
)
def test_bad_scan_environment_values(tmp_path: Path, name: str, value: str) -> None:
    with pytest.raises(ConfigError, match=name):
        load_config(env_for(tmp_path, **{name: value}))


def test_replace_checks_scan_values(tmp_path: Path) -> None:
    config = load_config(env_for(tmp_path))
    assert replace(config, scan_quiet_gap_ms=200).scan_thresholds.quiet_gap_ms == 200.0
    with pytest.raises(ConfigError):
        replace(config, scan_max_mean_gap_ms=100)  # above the 90 ms single-gap bound


def test_visit_texts_default_to_the_built_in_ones(tmp_path: Path) -> None:
    config = load_config(env_for(tmp_path))
    assert config.consent_text is None
    assert config.ihanoi_url == DEFAULT_IHANOI_URL == "https://ihanoi.hanoi.gov.vn"


def test_visit_texts_from_file_then_environment(tmp_path: Path) -> None:
    env = env_for(tmp_path)
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / CONFIG_FILE).write_text(
        'consent_text = """\nTôi đồng ý cho Công an phường xử lý dữ liệu cá nhân.\n"""\n'
        'ihanoi_url = "https://ihanoi.example.vn/tai-ung-dung"\n',
        encoding="utf-8",
    )
    config = load_config(env)
    assert config.consent_text == "Tôi đồng ý cho Công an phường xử lý dữ liệu cá nhân."
    assert config.ihanoi_url == "https://ihanoi.example.vn/tai-ung-dung"
    config = load_config(
        {**env, "KIOSK_CONSENT_TEXT": "Đồng ý.", "KIOSK_IHANOI_URL": "https://x.vn/a"}
    )
    assert (config.consent_text, config.ihanoi_url) == ("Đồng ý.", "https://x.vn/a")
    assert replace(config, consent_text=" Khác ").consent_text == "Khác"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("consent_text = '   '", "consent_text must not be blank"),
        ("consent_text = 13", "consent_text must be a str"),
        (f"consent_text = '{'x' * 2001}'", "consent_text must be at most 2000 characters"),
        ("ihanoi_url = 'http://ihanoi.hanoi.gov.vn'", "ihanoi_url must be an https:// address"),
        ("ihanoi_url = 'https://'", "ihanoi_url must be an https:// address"),
        ("ihanoi_url = 'ihanoi.hanoi.gov.vn'", "ihanoi_url must be an https:// address"),
        ("ihanoi_url = 'https://a b.vn'", "ihanoi_url must not contain spaces"),
        (f"ihanoi_url = 'https://{'a' * 293}'", "ihanoi_url must be at most 300 characters"),
    ],
)
def test_bad_visit_texts_are_named(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / CONFIG_FILE).write_text(text + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(env_for(tmp_path))


def test_visit_texts_at_their_bounds_pass(tmp_path: Path) -> None:
    url = "https://" + "a" * 292
    config = load_config(env_for(tmp_path, KIOSK_CONSENT_TEXT="x" * 2000, KIOSK_IHANOI_URL=url))
    assert (len(config.consent_text or ""), config.ihanoi_url) == (2000, url)
    with pytest.raises(ConfigError, match="consent_text must not be blank"):
        load_config(env_for(tmp_path, KIOSK_CONSENT_TEXT=""))
    with pytest.raises(ConfigError, match="ihanoi_url"):
        load_config(env_for(tmp_path, KIOSK_IHANOI_URL="ftp://ihanoi.hanoi.gov.vn"))


def test_plain_http_elsewhere_is_off_unless_the_file_or_environment_allows_it(
    tmp_path: Path,
) -> None:
    env = env_for(tmp_path)
    assert load_config(env).allow_insecure_http is False
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / CONFIG_FILE).write_text("allow_insecure_http = true\n", encoding="utf-8")
    assert load_config(env).allow_insecure_http is True
    assert load_config({**env, "KIOSK_ALLOW_INSECURE_HTTP": "off"}).allow_insecure_http is False
    (tmp_path / "config" / CONFIG_FILE).unlink()
    assert load_config({**env, "KIOSK_ALLOW_INSECURE_HTTP": "yes"}).allow_insecure_http is True


def test_bad_allow_insecure_http_values_are_named(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="KIOSK_ALLOW_INSECURE_HTTP must be true or false"):
        load_config(env_for(tmp_path, KIOSK_ALLOW_INSECURE_HTTP="maybe"))
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / CONFIG_FILE).write_text(
        "allow_insecure_http = 'true'\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError, match="allow_insecure_http must be a bool"):
        load_config(env_for(tmp_path))
    config = load_config(env_for(tmp_path / "other"))
    assert replace(config, allow_insecure_http=True).allow_insecure_http is True
    with pytest.raises(ConfigError, match="allow_insecure_http must be a bool"):
        replace(config, allow_insecure_http=1)
