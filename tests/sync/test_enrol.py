"""Enrolment: the key pair made here, the server's answer kept in the encrypted database."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest
from sqlalchemy import select

from intake.auth import issue_enrol_code
from intake.models import Station as ServerStation
from kiosk import cli as kiosk_cli
from kiosk.exchange.export import public_signing_key
from kiosk.store import Store
from kiosk.store import submissions as subs
from kiosk.store.models import AuditEvent
from kiosk.sync.enrol import load_identity
from tests.strategies.payloads import make_payload
from tests.support.intake import Server
from tests.support.queue import VOLUNTEER, ensure_operators
from tests.sync.helpers import GROUP, WARD, FakeTime, enrol


def test_enrolment_keeps_what_the_server_gave(store: Store, server: Server) -> None:
    ensure_operators(store)
    at = FakeTime().now()
    with store.write() as session:  # a capture begun before enrolment
        draft = subs.create_draft(session, at=at, actor=VOLUNTEER)
    local_id = load_identity(store).id
    enrol(store, server).close()
    station = load_identity(store)
    assert station.id != local_id and station.id.startswith("st-")
    assert (station.ward, station.home_group) == (WARD, GROUP)
    assert station.server_url == server.url
    assert station.token and station.server_public_key
    assert station.signing_private_key is not None
    assert station.signing_public_key == public_signing_key(station.signing_private_key)
    with server.engine.connect() as conn:
        kept = conn.execute(
            select(ServerStation.signing_key).where(ServerStation.id == station.id)
        ).scalar_one()
    assert base64.b64decode(kept) == station.signing_public_key
    with store.write() as session:  # the draft now captures under the enrolled station
        captured = subs.capture(session, draft.id, make_payload(), at=at, actor=VOLUNTEER)
    assert captured.station_id == station.id
    assert (captured.payload or {})["station_id"] == station.id
    with store.read() as session:
        actions = session.scalars(select(AuditEvent.action)).all()
    assert "station.enrol" in actions


def test_the_enrol_command(
    store: Store, server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    code = issue_enrol_code(server.engine, WARD, GROUP, timedelta(hours=1))
    argv = ["enrol", "--server", server.url, "--code", code.lower(), "--name", "Tổ 1"]
    assert kiosk_cli.main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"enrolled as {load_identity(store).id} ({WARD}, {GROUP})")
    assert kiosk_cli.main(argv) == 1
    assert "already enrolled" in capsys.readouterr().err
    assert kiosk_cli.main([*argv, "--force"]) == 1  # the code was used
    assert "refused the enrolment: enrolment code unknown, used or expired" in (
        capsys.readouterr().err
    )
    assert (
        kiosk_cli.main(["enrol", "--server", "http://127.0.0.1:9", "--code", "X", "--force"]) == 1
    )
    assert "no connection" in capsys.readouterr().err
