"""``kiosk-intake``: the commands an officer runs, and a served server whose logs hold no personal data."""

from __future__ import annotations

import base64
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

from intake.cli import main
from intake.db import make_engine
from intake.models import Household, Resident, Station
from kiosk.domain.payload import payload_sha256
from tests.strategies.payloads import make_payload

CODE = re.compile(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")


@pytest.fixture
def url(tmp_path: Path) -> str:
    """A fresh SQLite database, migrated by the command line."""
    database = f"sqlite:///{tmp_path / 'intake.db'}"
    assert main(["migrate", "--database-url", database]) == 0
    assert main(["migrate", "--database-url", database]) == 0  # idempotent
    return database


def _count(url: str, model: type, ward: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            if model is Household:
                where = Household.ward == ward
            else:
                where = Resident.household_id.in_(
                    select(Household.id).where(Household.ward == ward)
                )
            return int(
                conn.execute(select(func.count()).select_from(model).where(where)).scalar_one()
            )
    finally:
        engine.dispose()


def test_enrol_code_prints_only_the_code(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["enrol-code", "--ward", "Yên Nghĩa", "--group", "2", "--database-url", url]) == 0
    out, err = capsys.readouterr()
    assert CODE.fullmatch(out.rstrip("\n"))
    assert out.count("\n") == 1
    assert err == ""


def test_revoke_a_station(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    engine = make_engine(url)
    try:
        with engine.begin() as conn:
            conn.execute(
                Station.__table__.insert().values(
                    id="st-1", name="n", ward="Phường Yên Nghĩa", group_name="Tổ dân phố 1",
                    signing_key="k", token_hash="0" * 64, created_at=func.now(),
                )
            )  # fmt: skip
    finally:
        engine.dispose()
    assert main(["revoke", "st-1", "--database-url", url]) == 0
    assert main(["revoke", "st-1", "--database-url", url]) == 1
    assert main(["revoke", "st-nobody", "--database-url", url]) == 1
    assert capsys.readouterr().out == ""


def test_demo_data_refuses_to_overwrite_unless_asked(
    url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [
        "demo-data",
        "--residents",
        "250",
        "--seed",
        "5",
        "--ward",
        "Hồng Hà",
        "--database-url",
        url,
    ]
    assert main(args) == 0
    assert _count(url, Resident, "Phường Hồng Hà") == 250
    assert main(args) == 1
    assert "--replace" in capsys.readouterr().err
    assert main([*args, "--replace"]) == 0
    assert _count(url, Resident, "Phường Hồng Hà") == 250
    assert _count(url, Household, "Phường Hồng Hà") > 40


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_served_logs_carry_no_personal_data(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo-data", "--residents", "30", "--seed", "2", "--database-url", url]) == 0
    assert main(["enrol-code", "--ward", "Yên Nghĩa", "--group", "1", "--database-url", url]) == 0
    code = capsys.readouterr().out.strip()
    port = _free_port()
    log = (tmp_path / "server.log").open("w+")
    command = [
        sys.executable,
        "-m",
        "intake.cli",
        "serve",
        "--port",
        str(port),
        "--database-url",
        url,
    ]
    server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env={**os.environ})
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert server.poll() is None, "the server exited"
            try:
                if requests.get(f"{base}/v1/health", timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.05)
        key = base64.b64encode(bytes(32)).decode()
        enrolled = requests.post(
            f"{base}/v1/stations/enrol",
            json={"code": code, "name": "x", "signing_key": key},
            timeout=10,
        ).json()
        auth = {"Authorization": f"Bearer {enrolled['token']}"}
        payload = make_payload(station_id=enrolled["station_id"])
        body = {
            "items": [
                {
                    "id": "6f1c1c0e-5a8b-4c8e-9a53-0d6f3e2a9b72",
                    "sha256": payload_sha256(payload),
                    "payload": payload,
                }
            ]
        }
        assert (
            requests.post(
                f"{base}/v1/submissions/batch", json=body, headers=auth, timeout=10
            ).status_code
            == 200
        )
        lookup = {"id_number": payload["resident"]["id_number"]}
        assert (
            requests.post(
                f"{base}/v1/registry/lookup", json=lookup, headers=auth, timeout=10
            ).status_code
            == 404
        )
    finally:
        server.send_signal(signal.SIGINT)
        assert server.wait(timeout=30) == 0
        log.seek(0)
        text = log.read()
        log.close()
    assert "POST /v1/registry/lookup" in text  # the access log is on
    for secret in (
        payload["resident"]["id_number"],
        payload["resident"]["full_name"],
        enrolled["token"],
        code,
    ):
        assert secret not in text
