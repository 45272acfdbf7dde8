"""The database key: 256 random bits, kept in the OS keyring when one works, else in a 0600 key file.

DESIGN.md §4: SQLCipher gets the key raw (``PRAGMA key = "x'…'"``), so opening costs no key
derivation.  The keyring is used only when a real backend answers (never keyring's ``fail`` or
``null`` backends); any keyring error falls back to the key file, so a broken desktop keyring never
locks the kiosk out.  A key found nowhere for an existing database is an error, never a new key:
a new key would make the data unreadable.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from typing import Any, Literal

__all__ = [
    "KEY_BYTES",
    "KEY_FILE",
    "KeyMissingError",
    "hex_key",
    "key_file_key",
    "load_or_create_key",
    "usable_keyring",
]

log = logging.getLogger(__name__)

KEY_BYTES = 32
KEY_FILE = "database.key"
KEYRING_SERVICE = "kiosk-database"
KEYRING_USER = "sqlcipher-key"


class KeyMissingError(Exception):
    """The database exists but its key is in neither the keyring nor the key file."""


def hex_key(key: bytes) -> str:
    """The key as 64 hex digits, the form ``PRAGMA key = "x'…'"`` takes."""
    if len(key) != KEY_BYTES:
        raise ValueError("the database key must be 32 bytes")
    return key.hex()


def _decode(text: str) -> bytes | None:
    """Bytes of a stored hex key, or None when the text is not one."""
    text = text.strip()
    try:
        key = bytes.fromhex(text)
    except ValueError:
        return None
    return key if len(key) == KEY_BYTES else None


def usable_keyring() -> Any | None:
    """The active keyring backend when it is a real one, else None (fail/null backends, errors)."""
    try:
        import keyring
        from keyring.backends import fail, null

        backend = keyring.get_keyring()
    except Exception as exc:  # any import or backend discovery failure means "no keyring"
        log.info("keyring unavailable: %s", type(exc).__name__)
        return None
    if isinstance(backend, fail.Keyring | null.Keyring):
        return None
    if getattr(backend, "priority", 1) <= 0:
        return None
    return backend


def _keyring_get(backend: Any) -> bytes | None:
    """The key from the keyring, or None; keyring errors are logged and treated as absence."""
    try:
        text = backend.get_password(KEYRING_SERVICE, KEYRING_USER)
    except Exception as exc:
        log.warning("keyring read failed (%s); using the key file", type(exc).__name__)
        return None
    return _decode(text) if text else None


def _keyring_put(backend: Any, key: bytes) -> bool:
    """Store the key in the keyring and read it back; False when that did not work."""
    try:
        backend.set_password(KEYRING_SERVICE, KEYRING_USER, key.hex())
    except Exception as exc:
        log.warning("keyring write failed (%s); using the key file", type(exc).__name__)
        return False
    return _keyring_get(backend) == key


def _file_get(path: Path) -> bytes | None:
    """The key from the key file, or None when there is no file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    key = _decode(raw.decode("ascii", errors="replace"))  # a stray byte is damage, like "xyz"
    if key is None:
        raise KeyMissingError(f"the key file {path} is damaged (not 64 hex digits)")
    return key


def key_file_key(config_dir: Path) -> bytes | None:
    """The key from the key file alone, never asking a keyring (None without a file).

    For the first look at the database before the first frame: keyring's import and backend
    discovery alone take about 160 ms here. A key file exists only where no keyring could hold
    the key, so it is the key whenever it is there. Raises :class:`KeyMissingError` for a
    damaged file.
    """
    return _file_get(config_dir / KEY_FILE)


def _file_put(path: Path, key: bytes) -> None:
    """Write the key file readable by the kiosk user only (0600), never replacing one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(key.hex() + "\n")
        out.flush()
        os.fsync(out.fileno())
    with contextlib.suppress(OSError):  # Windows ignores modes; the user profile dir protects it
        path.chmod(0o600)


def load_or_create_key(
    config_dir: Path,
    *,
    store: Literal["auto", "keyring", "file"] = "auto",
    create: bool = True,
    keyring_backend: Any | None = None,
) -> bytes:
    """Find the database key (keyring, then key file) or make one when ``create`` is true.

    ``store="file"`` never touches a keyring (tests, headless kiosks); ``keyring_backend`` lets
    a caller pass a backend explicitly instead of keyring's discovery.
    """
    path = config_dir / KEY_FILE
    backend = None
    if store != "file":
        backend = keyring_backend if keyring_backend is not None else usable_keyring()
        if backend is None and store == "keyring":
            raise KeyMissingError("key_store is 'keyring' but no working OS keyring was found")
    if backend is not None and (key := _keyring_get(backend)) is not None:
        return key
    if (key := _file_get(path)) is not None:
        return key
    if not create:
        raise KeyMissingError(
            "the database exists but its key was found neither in the OS keyring nor in "
            f"{path}; restore the key or the key file (a new key cannot read the data)"
        )
    key = os.urandom(KEY_BYTES)  # what secrets.token_bytes does, without its import (first frame)
    if backend is not None and _keyring_put(backend, key):
        log.info("database key created in the OS keyring")
        return key
    _file_put(path, key)
    log.info("database key created in %s", path)
    return key
