"""The audit chain anchored at the server (DESIGN.md §6), with the real intake server and store.

A sync reports the kiosk's audit head and keeps the server's signed answer; ``kiosk check`` then
finds, offline, a history re-hashed from an early row on, which the chain's own check cannot see.
"""

from __future__ import annotations

import base64
import dataclasses
import json
import logging
import random

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select, update

from intake.keys import server_signing_key
from intake.models import StationAuditHead
from kiosk.cli_store import check
from kiosk.config import Config
from kiosk.exchange.export import b64encode_key
from kiosk.exchange.signing import AUDIT_HEAD, audit_head_bytes, sign
from kiosk.store import Store, verify_audit_chain
from kiosk.store.anchor import SignedHead, keep_signed_head, signed_head
from kiosk.store.audit import current_head, event_hash
from kiosk.store.models import AuditEvent, Station
from kiosk.sync.backoff import Backoff
from kiosk.sync.client import IntakeClient
from kiosk.sync.enrol import load_identity
from kiosk.sync.uploader import Uploader
from tests.support.fault_proxy import FaultProxy
from tests.support.intake import Server
from tests.support.queue import add_verified
from tests.sync.helpers import FakeTime, enrol, local_statuses

HEAD = "/v1/audit/head"


def _sync(store: Store, client: IntakeClient) -> str:
    """One upload cycle, to idle; its final state."""
    fake = FakeTime()
    uploader = Uploader(store, client, now=fake.now, sleep=fake.sleep,
                        backoff=Backoff(rng=random.Random(5)))  # fmt: skip
    return uploader.run_until_idle().state


def _server_key(server: Server) -> str:
    with server.engine.begin() as conn:
        return server_signing_key(conn)


def _anchored(store: Store) -> SignedHead | None:
    with store.read() as session:
        return signed_head(session)


def _head(store: Store) -> tuple[int, str]:
    with store.read() as session:
        return current_head(session)


def _rewrite_history(store: Store, seq: int) -> None:
    """What someone holding the database key can do: edit row ``seq``'s details, re-hash every
    row after it and move the head to match, with the append-only triggers out of the way and
    put back afterwards."""
    with store.transaction() as conn:
        triggers = conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name LIKE 'audit%'"
        ).all()
        for name, _sql in triggers:
            conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
        rows = conn.execute(select(AuditEvent).order_by(AuditEvent.seq)).all()
        prev = rows[0].prev_hash
        for row in rows:
            details = row.details
            if row.seq == seq:
                details = json.dumps({"edited": True}, separators=(",", ":"))
            digest = event_hash(prev, row.seq, row.at, row.actor, row.action, row.subject, details)
            conn.execute(
                update(AuditEvent)
                .where(AuditEvent.seq == row.seq)
                .values(details=details, prev_hash=prev, hash=digest)
            )
            prev = digest
        conn.exec_driver_sql("UPDATE audit_head SET head_hash = ? WHERE slot = 1", (prev,))
        for _name, sql in triggers:
            conn.exec_driver_sql(sql)


def test_enrolment_pins_the_servers_signing_key(store: Store, server: Server) -> None:
    enrol(store, server).close()
    assert load_identity(store).server_signing_key == _server_key(server)
    assert _anchored(store) is None


def test_a_sync_keeps_the_signed_head_and_kiosk_check_says_it_holds(
    store: Store, server: Server, config: Config, capsys: pytest.CaptureFixture[str]
) -> None:
    with enrol(store, server) as client:
        add_verified(store, 5)
        assert _sync(store, client) == "idle"
    assert local_statuses(store)["sent"] == 5
    with store.read() as session:
        seq, head_hash = current_head(session)
    anchor = _anchored(store)
    assert anchor is not None
    identity = load_identity(store)
    assert (anchor.station_id, anchor.seq, anchor.hash) == (identity.id, seq, head_hash)
    assert anchor.verifies(_server_key(server))
    with server.engine.connect() as conn:
        kept = conn.execute(
            select(StationAuditHead.hash).where(
                StationAuditHead.station_id == identity.id, StationAuditHead.seq == seq
            )
        ).scalar_one()
    assert kept == head_hash

    assert check(config) == 0
    out = capsys.readouterr().out
    assert f"audit chain: {seq} rows, ok" in out
    assert f"audit chain: anchored at row {seq}, signed {anchor.signed_at:%Y-%m-%dT%H:%M:%S}" in out


def test_kiosk_check_says_when_nothing_was_signed_yet(
    store: Store, config: Config, capsys: pytest.CaptureFixture[str]
) -> None:
    assert check(config) == 0
    assert "audit chain: no head signed by the server yet" in capsys.readouterr().out


def test_a_rehashed_history_is_found_against_the_signed_head(
    store: Store,
    server: Server,
    config: Config,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    with enrol(store, server) as client:
        add_verified(store, 3)
        assert _sync(store, client) == "idle"
        anchor = _anchored(store)
        assert anchor is not None and anchor.seq > 2
        assert check(config) == 0  # untouched, it holds
        capsys.readouterr()

        _rewrite_history(store, 2)
        with store.read() as session:
            assert verify_audit_chain(session).ok  # the chain alone cannot tell
            assert current_head(session)[0] == anchor.seq
        assert check(config) == 1
        out = capsys.readouterr().out
        assert f"audit chain: {anchor.seq} rows, ok" in out
        signed = f"{anchor.signed_at:%Y-%m-%dT%H:%M:%S}"
        assert f"audit chain: REWRITTEN after the head the server signed at {signed}" in out
        assert f"(row {anchor.seq})" in out

        # More rows, then a sync: the server has not seen the new head and signs it, but the
        # head kept stays, so the rewrite still shows; uploads go on as ever.
        add_verified(store, 2, start=100)
        with caplog.at_level(logging.WARNING, logger="kiosk.sync.anchor"):
            assert _sync(store, client) == "idle"
    assert local_statuses(store)["sent"] == 5
    assert _anchored(store) == anchor
    assert any("no longer matches" in r.getMessage() for r in caplog.records)
    assert check(config) == 1
    assert "REWRITTEN" in capsys.readouterr().out


def test_the_server_refuses_a_head_rewritten_at_a_row_it_signed(
    store: Store, server: Server, caplog: pytest.LogCaptureFixture
) -> None:
    with enrol(store, server) as client:
        assert _sync(store, client) == "idle"
        anchor = _anchored(store)
        assert anchor is not None
        _rewrite_history(store, 1)
        with caplog.at_level(logging.WARNING):
            assert _sync(store, client) == "idle"  # nothing to send; the head goes: 409
    assert _anchored(store) == anchor  # the signed head kept is not replaced
    warnings = [r.getMessage() for r in caplog.records if r.name == "kiosk.sync.uploader"]
    assert any("refused the audit head" in message for message in warnings)
    assert any(
        "rewritten" in r.getMessage() for r in caplog.records if r.name == "intake.audit_heads"
    )


def test_a_forged_signature_is_not_kept(store: Store, server: Server) -> None:
    with enrol(store, server) as client:
        answer = client.audit_head(*_head(store))
    identity = load_identity(store)
    signature = base64.b64decode(answer.signature)
    good = SignedHead(answer.station_id, answer.seq, answer.hash, answer.signed_at, signature)
    flipped = dataclasses.replace(
        good, signature=bytes([good.signature[0] ^ 1]) + good.signature[1:]
    )
    attacker = Ed25519PrivateKey.generate()
    statement = audit_head_bytes(good.station_id, good.seq, good.hash, good.signed_at)
    by_attacker = dataclasses.replace(
        good, signature=sign(attacker.private_bytes_raw(), AUDIT_HEAD, statement)
    )
    attacker_key = b64encode_key(attacker.public_key().public_bytes_raw())
    with store.write() as session:
        assert keep_signed_head(session, flipped, answer.signing_key) == "refused"
        assert (
            keep_signed_head(session, by_attacker, attacker_key) == "refused"
        )  # not the pinned key
        other = dataclasses.replace(good, station_id="st-elsewhere")
        assert keep_signed_head(session, other, answer.signing_key) == "refused"
    assert _anchored(store) is None
    assert load_identity(store).server_signing_key == identity.server_signing_key
    with store.write() as session:
        assert keep_signed_head(session, good, answer.signing_key) == "kept"
        assert keep_signed_head(session, good, answer.signing_key) == "unchanged"


def test_a_kiosk_enrolled_before_signing_pins_the_key_of_its_first_signed_head(
    store: Store, server: Server
) -> None:
    with enrol(store, server) as client:
        with store.write() as session:  # as a kiosk enrolled before this change is
            session.execute(update(Station).values(server_signing_key=None))
        assert load_identity(store).server_signing_key is None
        assert _sync(store, client) == "idle"
    assert load_identity(store).server_signing_key == _server_key(server)
    anchor = _anchored(store)
    assert anchor is not None and anchor.verifies(_server_key(server))


def test_a_failing_audit_call_never_holds_uploads_back(store: Store, server: Server) -> None:
    token = enrol(store, server).token
    add_verified(store, 4)
    host, port = server.url.removeprefix("http://").split(":")
    with FaultProxy((host, int(port))) as proxy, IntakeClient(proxy.url, token=token) as client:
        proxy.fail_path(HEAD, "status_500")
        assert _sync(store, client) == "idle"
    assert local_statuses(store)["sent"] == 4
    assert _anchored(store) is None
