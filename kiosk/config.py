"""The kiosk's configuration: one TOML file in the platform config dir plus environment overrides.

DESIGN.md §3: configuration lives in the platform config dir (platformdirs), data in the platform
data dir, and nothing is ever written next to the code.  ``KIOSK_CONFIG_DIR`` and ``KIOSK_DATA_DIR``
select other dirs (tests always point them at a temporary folder); ``KIOSK_<FIELD>`` overrides one
field of the file, e.g. ``KIOSK_KEY_STORE=file``.
"""

from __future__ import annotations

import logging
import math
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, cast

import platformdirs

if TYPE_CHECKING:
    from kiosk.domain.scan import ScanThresholds

__all__ = [
    "CONFIG_FILE",
    "DEFAULT_IHANOI_URL",
    "Config",
    "ConfigError",
    "KeyStore",
    "load_config",
    "replace",
]

log = logging.getLogger(__name__)

APP_NAME = "kiosk"
CONFIG_FILE = "kiosk.toml"
KeyStore = Literal["auto", "keyring", "file"]
_KEY_STORES = ("auto", "keyring", "file")
DEFAULT_IHANOI_URL = "https://ihanoi.hanoi.gov.vn"
"""The iHanoi app's install page (the receipt's second QR code)."""
CONSENT_TEXT_MAX = 2000
IHANOI_URL_MAX = 300


class ConfigError(Exception):
    """The configuration file or an override cannot be used; the message names the field."""


class Config(NamedTuple):
    """Settings the composition root hands to the store and services (no globals, DESIGN.md §3)."""

    config_dir: Path
    data_dir: Path
    encrypt: bool = True
    """SQLCipher at rest; ``false`` gives plain SQLite and a warning at every open."""
    key_store: KeyStore = "auto"
    """Where the database key lives: OS keyring when one works (``auto``), or a 0600 key file."""
    backups_keep: int = 10
    """How many automatic backups stay in the backups dir (older ones are deleted)."""
    retention_days: int = 7
    """Personal data of sent submissions is purged this many days after sending (DESIGN.md §4)."""
    busy_timeout_ms: int = 5000
    """How long a write waits for another writer before SQLite gives up."""
    ca_bundle: str | None = None
    """A CA bundle (PEM file) that verifies the intake server's certificate instead of the system's
    CA store (a ward's own CA); verification itself is never switched off."""
    allow_insecure_http: bool = False
    """Let the kiosk talk to an intake server not on this computer over plain ``http://``
    (records and the station's token cross the network unencrypted; officers see a red notice on
    Home).  Off: such an address is refused before any connection (DESIGN.md §6)."""
    scan_max_mean_gap_ms: float = 30.0
    """A keyboard-wedge scan averages at most this between keys (``kiosk.domain.scan``)."""
    scan_min_length: int = 6
    """A scan has this many keys in a row at scanner pace, unless it has a chip ID card's shape."""
    scan_quiet_gap_ms: float = 100.0
    """No key for this long ends a scan from a scanner that sends no Enter/Tab suffix."""
    scan_max_key_gap_ms: float = 90.0
    """One gap longer than this ends a burst: a person is typing (a slow 40 ms scanner passes)."""
    consent_text: str | None = None
    """The ward's own consent text (Decree 13/2023/NĐ-CP), shown instead of the kiosk's built-in,
    translated one; None: the built-in text.  At most 2000 characters."""
    ihanoi_url: str = DEFAULT_IHANOI_URL
    """The iHanoi app's install page, shown as a QR code on the receipt (``https://`` only)."""

    @property
    def db_path(self) -> Path:
        """The database file."""
        return self.data_dir / "kiosk.db"

    @property
    def backups_dir(self) -> Path:
        """Where automatic and manual backups go unless another dir is named."""
        return self.data_dir / "backups"

    @property
    def scan_thresholds(self) -> ScanThresholds:
        """The scan detector's thresholds (imported here: the config loads before the first frame)."""
        from kiosk.domain.scan import ScanThresholds

        return ScanThresholds(
            max_mean_gap_ms=self.scan_max_mean_gap_ms,
            min_length=self.scan_min_length,
            quiet_gap_ms=self.scan_quiet_gap_ms,
            max_key_gap_ms=self.scan_max_key_gap_ms,
        )


_FIELDS: dict[str, type] = {"encrypt": bool, "key_store": str, "backups_keep": int}
_FIELDS |= {"retention_days": int, "busy_timeout_ms": int, "ca_bundle": str}
_FIELDS |= {"allow_insecure_http": bool}
_FIELDS |= {"scan_max_mean_gap_ms": float, "scan_min_length": int}
_FIELDS |= {"scan_quiet_gap_ms": float, "scan_max_key_gap_ms": float}
_FIELDS |= {"consent_text": str, "ihanoi_url": str}
_RANGES: dict[str, tuple[float, float]] = {
    "scan_max_mean_gap_ms": (1, 500),
    "scan_min_length": (1, 1000),
    "scan_quiet_gap_ms": (10, 2000),
    "scan_max_key_gap_ms": (1, 2000),
}
_BOOL_WORDS = {"1": True, "true": True, "yes": True, "on": True}
_BOOL_WORDS |= {"0": False, "false": False, "no": False, "off": False}


def _from_env(name: str, text: str) -> object:
    """Turn an environment string into the field's type."""
    kind = _FIELDS[name]
    if kind is bool:
        try:
            return _BOOL_WORDS[text.strip().lower()]
        except KeyError:
            raise ConfigError(f"KIOSK_{name.upper()} must be true or false") from None
    if kind is int:
        try:
            return int(text)
        except ValueError:
            raise ConfigError(f"KIOSK_{name.upper()} must be a whole number") from None
    if kind is float:
        try:
            value = float(text)
        except ValueError:
            raise ConfigError(f"KIOSK_{name.upper()} must be a number") from None
        if not math.isfinite(value):
            raise ConfigError(f"KIOSK_{name.upper()} must be a number")
        return value
    return text


def _check(values: Mapping[str, Any]) -> dict[str, Any]:
    """Type- and range-check the fields; the message names the field, never a personal value."""
    checked: dict[str, Any] = {}
    for name, value in values.items():
        kind = _FIELDS[name]
        if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
            raise ConfigError(f"{name} must be a whole number")
        if kind is float:
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ConfigError(f"{name} must be a number")
            if not math.isfinite(value):
                raise ConfigError(f"{name} must be a number")
            value = float(value)
        if not isinstance(value, kind):
            raise ConfigError(f"{name} must be a {kind.__name__}")
        checked[name] = value
    if checked.get("key_store", "auto") not in _KEY_STORES:
        raise ConfigError(f"key_store must be one of {', '.join(_KEY_STORES)}")
    for name in ("backups_keep", "retention_days", "busy_timeout_ms"):
        if name in checked and checked[name] < 1:
            raise ConfigError(f"{name} must be at least 1")
    for name, (low, high) in _RANGES.items():
        if name in checked and not low <= checked[name] <= high:
            raise ConfigError(f"{name} must be from {low:g} to {high:g}")
    if "consent_text" in checked:
        checked["consent_text"] = _consent_text(checked["consent_text"])
    if "ihanoi_url" in checked:
        checked["ihanoi_url"] = _ihanoi_url(checked["ihanoi_url"])
    return checked


def _consent_text(text: str) -> str:
    """The ward's consent text, without surrounding blank space: not empty, not too long."""
    text = text.strip()
    if not text:
        raise ConfigError("consent_text must not be blank (leave it out for the built-in text)")
    if len(text) > CONSENT_TEXT_MAX:
        raise ConfigError(f"consent_text must be at most {CONSENT_TEXT_MAX} characters")
    return text


def _ihanoi_url(url: str) -> str:
    """The iHanoi install page: an ``https://`` address of bounded length, without spaces."""
    url = url.strip()
    if not url.startswith("https://") or len(url) == len("https://"):
        raise ConfigError("ihanoi_url must be an https:// address")
    if any(c.isspace() or not c.isprintable() for c in url):
        raise ConfigError("ihanoi_url must not contain spaces or control characters")
    if len(url) > IHANOI_URL_MAX:
        raise ConfigError(f"ihanoi_url must be at most {IHANOI_URL_MAX} characters")
    return url


def load_config(env: Mapping[str, str] | None = None) -> Config:
    """Read the TOML file (if any) and apply ``KIOSK_*`` overrides from ``env`` (default os.environ)."""
    env = os.environ if env is None else env
    config_dir = Path(env.get("KIOSK_CONFIG_DIR") or platformdirs.user_config_dir(APP_NAME, False))
    data_dir = Path(env.get("KIOSK_DATA_DIR") or platformdirs.user_data_dir(APP_NAME, False))
    values: dict[str, Any] = {}
    path = config_dir / CONFIG_FILE
    if path.is_file():
        import tomllib  # only with a file: its import compiles regexes in front of the first frame

        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path} is not valid TOML: {exc}") from None
        for name, value in raw.items():
            if name in _FIELDS:
                values[name] = value
            else:
                log.warning("config: unknown setting %r in %s is ignored", name, path)
    for name in _FIELDS:
        text = env.get(f"KIOSK_{name.upper()}")
        if text is not None:
            values[name] = _from_env(name, text)
    checked = _check(values)
    if "key_store" in checked:
        checked["key_store"] = cast(KeyStore, checked["key_store"])
    return _check_together(Config(config_dir=config_dir, data_dir=data_dir, **checked))


def replace(config: Config, **changes: Any) -> Config:
    """A copy of ``config`` with some fields changed (settings screen, tests)."""
    checked = _check({name: value for name, value in changes.items() if name in _FIELDS})
    return _check_together(config._replace(**{**changes, **checked}))


def _check_together(config: Config) -> Config:
    """Rules between fields: a scan's mean gap cannot be allowed more than its longest single gap."""
    if config.scan_max_mean_gap_ms > config.scan_max_key_gap_ms:
        raise ConfigError("scan_max_mean_gap_ms must not be above scan_max_key_gap_ms")
    return config
