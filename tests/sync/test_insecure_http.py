"""Plain http:// only to this computer, unless the configuration allows it (DESIGN.md §6):
refused at once, before any socket is opened, with its own error type."""

from __future__ import annotations

import logging
import socket
import time
from typing import Any

import pytest

from kiosk.store.enrolment import StationIdentity
from kiosk.sync.client import IntakeClient
from kiosk.sync.enrol import client_for
from kiosk.sync.errors import InsecureAddress, SyncError, Unreachable
from kiosk.sync.registry import ServerRegistry

ELSEWHERE = "http://192.0.2.1:9/"  # TEST-NET-1: routed nowhere, a connect would hang to its timeout


@pytest.fixture
def no_connections(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every attempt to open a connection, recorded and failed (none is expected)."""
    attempts: list[Any] = []

    def refuse(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        attempts.append(address)
        raise OSError("a connection was attempted")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr("urllib3.util.connection.create_connection", refuse)
    return attempts


def _identity(server_url: str) -> StationIdentity:
    return StationIdentity(
        id="K-TEST",
        name="Nhà văn hoá tổ 1",
        ward=None,
        home_group=None,
        server_url=server_url,
        token="t" * 32,
        server_public_key=None,
        server_signing_key=None,
        signing_private_key=None,
        signing_public_key=None,
        training=False,
        enrolled_at=None,
    )


@pytest.mark.parametrize(
    "url",
    [
        ELSEWHERE,
        "http://intake.example:8000",
        "http://localhost.example.com",
        "http://127.0.0.1.example.com/",
        "http://10.0.0.5",
        "http://[2001:db8::1]:8000",
        "HTTP://192.0.2.1",
    ],
)
def test_plain_http_elsewhere_is_refused_at_once_without_a_connection(
    url: str, no_connections: list[Any]
) -> None:
    started = time.monotonic()
    with pytest.raises(InsecureAddress, match="https://"):
        IntakeClient(url, connect_timeout=5.0)
    assert time.monotonic() - started < 0.5  # well under the 5 s connect timeout
    assert no_connections == []


def test_the_refusal_is_a_sync_error_not_a_transient_one() -> None:
    assert issubclass(InsecureAddress, SyncError)
    # never retried, never taken for "no network" or a malformed address
    assert not issubclass(InsecureAddress, Unreachable | ValueError)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9",
        "http://127.8.9.10:8000/",
        "http://localhost:8000",
        "http://LOCALHOST:8000",
        "http://[::1]:8000",
    ],
)
def test_plain_http_to_this_computer_is_allowed(
    url: str, no_connections: list[Any], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="kiosk.sync.client"), IntakeClient(url) as client:
        assert client.base_url == url.rstrip("/")
    assert caplog.records == []  # nothing to warn about on loopback
    assert no_connections == []  # making a client connects nowhere


def test_plain_http_elsewhere_is_allowed_with_the_setting_and_logged(
    no_connections: list[Any], caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="kiosk.sync.client"):
        client = IntakeClient(ELSEWHERE, allow_insecure_http=True, connect_timeout=1.0)
    assert "plain http" in caplog.text
    with client, pytest.raises(Unreachable):
        client.health()  # the setting lets the call go out: it does try to connect
    assert no_connections != []


def test_https_elsewhere_needs_no_setting(no_connections: list[Any]) -> None:
    with IntakeClient("https://intake.example") as client:
        assert client.base_url == "https://intake.example"
    assert no_connections == []


def test_the_stored_address_is_checked_again_for_every_client(no_connections: list[Any]) -> None:
    """A station enrolled over plain http while it was allowed: switched off, nothing is sent."""
    with pytest.raises(InsecureAddress):
        client_for(_identity(ELSEWHERE))
    client_for(_identity(ELSEWHERE), allow_insecure_http=True).close()
    client_for(_identity("http://127.0.0.1:9")).close()
    assert no_connections == []


def test_the_lookup_registry_refuses_too(
    monkeypatch: pytest.MonkeyPatch, no_connections: list[Any]
) -> None:
    monkeypatch.setattr("kiosk.sync.registry.load_identity", lambda store: _identity(ELSEWHERE))
    registry = ServerRegistry(object())  # type: ignore[arg-type]  # the store is not read
    with pytest.raises(InsecureAddress):
        registry.lookup("001085000345", timeout_s=3.0)
    registry.close()
    allowing = ServerRegistry(object(), allow_insecure_http=True)  # type: ignore[arg-type]
    with pytest.raises(Unreachable):
        allowing.lookup("001085000345", timeout_s=3.0)
    allowing.close()
    assert [address[0] for address in no_connections] == ["192.0.2.1"]
