"""Audit heads at the server: kept once per station and row, signed with the key enrolment gave,
and a row reported again with another hash refused (DESIGN.md §6)."""

from __future__ import annotations

import base64
import hashlib
import logging
from datetime import UTC, datetime, timedelta

import pytest
import requests
from sqlalchemy import select

from intake.models import StationAuditHead
from kiosk.exchange.signing import AUDIT_HEAD, SignatureError, audit_head_bytes, verify
from tests.intake.helpers import Server, Station

HEAD = "/v1/audit/head"


def _hash(n: int) -> str:
    return hashlib.sha256(f"row {n}".encode()).hexdigest()


def _kept(server: Server, station: Station) -> list[tuple[int, str]]:
    with server.engine.connect() as conn:
        rows = conn.execute(
            select(StationAuditHead.seq, StationAuditHead.hash)
            .where(StationAuditHead.station_id == station.id)
            .order_by(StationAuditHead.seq)
        )
        return [(row.seq, row.hash) for row in rows]


def _verify(station: Station, signed: dict[str, object]) -> None:
    """Check ``signed`` with the signing key the station got at enrolment (raises if it fails)."""
    key = base64.b64decode(station.enrolment["server_signing_key"])
    signed_at = datetime.fromisoformat(str(signed["signed_at"]))
    statement = audit_head_bytes(str(signed["station_id"]), int(str(signed["seq"])),
                                 str(signed["hash"]), signed_at)  # fmt: skip
    verify(key, AUDIT_HEAD, statement, base64.b64decode(str(signed["signature"])))


def test_a_head_is_kept_and_signed_with_the_key_given_at_enrolment(
    server: Server, station: Station
) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    answer = station.post(HEAD, {"seq": 7, "hash": _hash(7)})
    assert answer.status_code == 200, answer.text
    signed = answer.json()
    assert set(signed) == {"station_id", "seq", "hash", "signed_at", "signing_key", "signature"}
    assert (signed["station_id"], signed["seq"], signed["hash"]) == (station.id, 7, _hash(7))
    assert signed["signing_key"] == station.enrolment["server_signing_key"]
    signed_at = datetime.fromisoformat(signed["signed_at"])
    assert before <= signed_at <= datetime.now(UTC) + timedelta(seconds=1)
    assert signed_at.microsecond == 0
    _verify(station, signed)
    assert _kept(server, station) == [(7, _hash(7))]

    again = station.post(HEAD, {"seq": 7, "hash": _hash(7)})  # every sync reports it: idempotent
    assert again.status_code == 200
    _verify(station, again.json())
    later = station.post(HEAD, {"seq": 9, "hash": _hash(9)})
    assert later.status_code == 200
    assert _kept(server, station) == [(7, _hash(7)), (9, _hash(9))]


def test_a_forged_or_altered_statement_does_not_verify(station: Station) -> None:
    signed = station.post(HEAD, {"seq": 3, "hash": _hash(3)}).json()
    _verify(station, signed)
    with pytest.raises(SignatureError):
        _verify(station, {**signed, "hash": _hash(4)})  # the statement changed
    with pytest.raises(SignatureError):
        _verify(station, {**signed, "seq": 4})
    with pytest.raises(SignatureError):
        _verify(station, {**signed, "signed_at": "2030-01-01T00:00:00+00:00"})
    forged = bytearray(base64.b64decode(signed["signature"]))
    forged[0] ^= 1
    with pytest.raises(SignatureError):
        _verify(station, {**signed, "signature": base64.b64encode(bytes(forged)).decode()})
    key = base64.b64decode(station.enrolment["server_signing_key"])
    statement = audit_head_bytes(
        station.id, 3, _hash(3), datetime.fromisoformat(signed["signed_at"])
    )
    with pytest.raises(SignatureError):  # the same bytes signed for another purpose do not pass
        verify(key, "kiosk roster v1", statement, base64.b64decode(signed["signature"]))


def test_the_same_row_with_another_hash_is_refused_and_logged(
    server: Server, station: Station, caplog: pytest.LogCaptureFixture
) -> None:
    assert station.post(HEAD, {"seq": 5, "hash": _hash(5)}).status_code == 200
    assert station.post(HEAD, {"seq": 8, "hash": _hash(8)}).status_code == 200
    with caplog.at_level(logging.WARNING, logger="intake.audit_heads"):
        rewritten = station.post(HEAD, {"seq": 5, "hash": _hash(50)})
    assert rewritten.status_code == 409
    assert rewritten.json() == {
        "detail": "this audit row was reported before with another hash: the history was rewritten"
    }
    assert _kept(server, station) == [(5, _hash(5)), (8, _hash(8))]  # nothing replaced
    (record,) = [r for r in caplog.records if r.name == "intake.audit_heads"]
    assert station.id in record.getMessage()
    assert "row 5" in record.getMessage()
    assert _hash(5) not in record.getMessage() and _hash(50) not in record.getMessage()
    other = server.enrol()  # another station's rows are its own
    assert other.post(HEAD, {"seq": 5, "hash": _hash(50)}).status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        pytest.param({"seq": -1, "hash": "a" * 64}, id="negative-seq"),
        pytest.param({"seq": 2**53, "hash": "a" * 64}, id="seq-too-large"),
        pytest.param({"seq": 1.5, "hash": "a" * 64}, id="fractional-seq"),
        pytest.param({"seq": "1", "hash": "a" * 64}, id="seq-as-text"),
        pytest.param({"seq": 1, "hash": "A" * 64}, id="upper-case-hash"),
        pytest.param({"seq": 1, "hash": "a" * 63}, id="short-hash"),
        pytest.param({"seq": 1}, id="no-hash"),
        pytest.param({"seq": 1, "hash": "a" * 64, "at": "now"}, id="unknown-key"),
    ],
)
def test_a_head_that_is_not_one_is_refused(station: Station, body: dict[str, object]) -> None:
    answer = station.post(HEAD, body)
    assert answer.status_code == 422
    assert all(set(problem) == {"path", "code"} for problem in answer.json()["detail"])


def test_a_head_needs_a_token(server: Server) -> None:
    answer = requests.post(f"{server.url}{HEAD}", json={"seq": 1, "hash": "a" * 64}, timeout=30)
    assert answer.status_code == 401
