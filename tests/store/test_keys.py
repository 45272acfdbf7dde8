"""The database key: keyring when a real one works, the key file otherwise; never a real keyring here."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import KeyringLocked

from kiosk.store.keys import KEY_FILE, KeyMissingError, load_or_create_key, usable_keyring


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in a dict."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


class LockedKeyring(MemoryKeyring):
    """A keyring that refuses everything (a locked desktop keyring)."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("locked")


def test_a_working_keyring_holds_the_key(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    key = load_or_create_key(tmp_path, keyring_backend=backend)
    assert len(key) == 32
    assert list(backend.items.values()) == [key.hex()]
    assert not (tmp_path / KEY_FILE).exists()
    assert load_or_create_key(tmp_path, keyring_backend=backend, create=False) == key


def test_keyring_errors_fall_back_to_the_key_file(tmp_path: Path) -> None:
    key = load_or_create_key(tmp_path, keyring_backend=LockedKeyring())
    assert (tmp_path / KEY_FILE).read_text(encoding="ascii").strip() == key.hex()
    assert load_or_create_key(tmp_path, keyring_backend=LockedKeyring(), create=False) == key


def test_a_key_file_is_still_found_when_a_keyring_appears_later(tmp_path: Path) -> None:
    key = load_or_create_key(tmp_path, store="file")
    assert load_or_create_key(tmp_path, keyring_backend=MemoryKeyring(), create=False) == key


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()])
def test_fail_and_null_backends_do_not_count(
    backend: KeyringBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyring, "get_keyring", lambda: backend)
    assert usable_keyring() is None


def test_keyring_mode_without_a_keyring_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
    with pytest.raises(KeyMissingError, match="no working OS keyring"):
        load_or_create_key(tmp_path, store="keyring")


@pytest.mark.parametrize("content", [b"not hex", b"\xff" * 64, b"ab" * 31 + b"\xc3\xa9"])
def test_a_damaged_key_file_is_reported(tmp_path: Path, content: bytes) -> None:
    (tmp_path / KEY_FILE).write_bytes(content)
    with pytest.raises(KeyMissingError, match="damaged"):
        load_or_create_key(tmp_path, store="file")
