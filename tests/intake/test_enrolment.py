"""Enrolment and tokens: one-time expiring codes, the keys exchanged, revocation, 401s."""

from __future__ import annotations

import base64
import re
from datetime import timedelta

import pytest
import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from sqlalchemy import select, update

from intake.auth import issue_enrol_code, revoke
from intake.keys import digest, server_private_key
from intake.models import EnrolCode, Station
from tests.intake.helpers import Server

KEY = base64.b64encode(bytes(range(32))).decode()


def _enrol(
    server: Server, code: str, key: str = KEY, name: str = "Nhà văn hoá tổ 3"
) -> requests.Response:
    body = {"code": code, "name": name, "signing_key": key}
    return requests.post(f"{server.url}/v1/stations/enrol", json=body, timeout=30)


def test_enrolment_gives_a_station_a_token_and_the_server_key(server: Server) -> None:
    code = issue_enrol_code(server.engine, "yên nghĩa", "3", timedelta(hours=1))
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", code)
    answer = _enrol(server, code.lower().replace("-", " "))  # typed sloppily: still the code
    assert answer.status_code == 200, answer.text
    enrolled = answer.json()
    assert set(enrolled) == {
        "station_id", "token", "server_public_key", "server_signing_key", "ward", "group"
    }  # fmt: skip
    assert (enrolled["ward"], enrolled["group"]) == ("Phường Yên Nghĩa", "Tổ dân phố 3")
    assert len(base64.urlsafe_b64decode(enrolled["token"] + "=")) == 32
    server_key = base64.b64decode(enrolled["server_public_key"], validate=True)
    X25519PublicKey.from_public_bytes(server_key)
    with server.engine.connect() as conn:
        row = conn.execute(
            select(Station.token_hash, Station.signing_key).where(
                Station.id == enrolled["station_id"]
            )
        ).one()
        assert row.token_hash == digest(enrolled["token"])  # only the hash is kept
        assert row.signing_key == KEY
        private = server_private_key(conn)
    raw = private.public_key().public_bytes_raw()
    assert raw == server_key
    signing_key = base64.b64decode(enrolled["server_signing_key"], validate=True)
    Ed25519PublicKey.from_public_bytes(signing_key)
    assert signing_key != server_key  # two key pairs, one per use
    second = _enrol(server, issue_enrol_code(server.engine, "Tây Hồ", "1", timedelta(hours=1)))
    assert second.json()["server_public_key"] == enrolled["server_public_key"]  # created once
    assert second.json()["server_signing_key"] == enrolled["server_signing_key"]


def test_a_code_works_once(server: Server) -> None:
    code = issue_enrol_code(server.engine, "Yên Nghĩa", "1", timedelta(hours=1))
    assert _enrol(server, code).status_code == 200
    reused = _enrol(server, code)
    assert reused.status_code == 403
    assert reused.json() == {"detail": "enrolment code unknown, used or expired"}


def test_an_expired_code_is_refused(server: Server) -> None:
    code = issue_enrol_code(server.engine, "Yên Nghĩa", "1", timedelta(hours=1))
    with server.engine.begin() as conn:
        conn.execute(
            update(EnrolCode)
            .where(EnrolCode.code_hash == digest(code))
            .values(expires_at=EnrolCode.created_at - timedelta(seconds=1))
        )
    assert _enrol(server, code).status_code == 403
    assert _enrol(server, "0000-0000-0000").status_code == 403


@pytest.mark.parametrize(
    "key",
    [
        pytest.param(base64.b64encode(bytes(31)).decode(), id="31-bytes"),
        pytest.param(base64.b64encode(bytes(33)).decode(), id="33-bytes"),
        pytest.param(base64.urlsafe_b64encode(b"\xff" * 32).decode(), id="url-safe-alphabet"),
        pytest.param("not base64 at all", id="text"),
    ],
)
def test_a_bad_signing_key_is_refused_and_the_code_kept(server: Server, key: str) -> None:
    code = issue_enrol_code(server.engine, "Yên Nghĩa", "1", timedelta(hours=1))
    assert _enrol(server, code, key).status_code == 422
    assert _enrol(server, code).status_code == 200


def test_a_revoked_token_gets_401_everywhere(server: Server) -> None:
    station = server.enrol()
    assert station.get("/v1/stats").status_code == 200
    assert revoke(server.engine, station.id)
    assert not revoke(server.engine, station.id)
    calls = [
        station.post("/v1/submissions/batch", {"items": [station.submission(1)]}),
        station.post("/v1/registry/lookup", {"id_number": "001090012345"}),
        station.get("/v1/roster"),
        station.post(f"/v1/sessions/{'0' * 8}-0000-4000-8000-{'0' * 12}/close", {"ids": []}),
        station.get("/v1/stats"),
    ]
    for answer in calls:
        assert answer.status_code == 401
        assert answer.headers["WWW-Authenticate"] == "Bearer"
        assert "date" in answer.headers


@pytest.mark.parametrize("header", [None, "Bearer ", "Bearer unknown-token", "Basic dXNlcjpwYXNz"])
def test_missing_or_unknown_tokens_get_401(server: Server, header: str | None) -> None:
    headers = {"Authorization": header} if header is not None else {}
    answer = requests.get(f"{server.url}/v1/roster", headers=headers, timeout=30)
    assert answer.status_code == 401


def test_a_blank_name_is_refused(server: Server) -> None:
    code = issue_enrol_code(server.engine, "Yên Nghĩa", "1", timedelta(hours=1))
    assert _enrol(server, code, name="   ").status_code == 422
    assert _enrol(server, code, name=" Nhà văn hoá ").json()["group"] == "Tổ dân phố 1"
