"""The intake client: typed answers and errors, TLS always verified, a user agent, no personal logs."""

from __future__ import annotations

import datetime as dt
import http.server
import ipaddress
import json
import logging
import ssl
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from intake.demo import populate
from kiosk import __version__
from kiosk.exchange import protocol
from kiosk.exchange.protocol import RosterPage
from kiosk.store import Store
from kiosk.store import submissions as subs
from kiosk.sync.client import IntakeClient, parse_roster_page
from kiosk.sync.errors import BadResponse, Refused, Unauthorised, Unreachable
from kiosk.sync.uploader import Uploader
from tests.support.fault_proxy import FaultProxy
from tests.support.intake import Server
from tests.support.queue import add_verified
from tests.sync.helpers import WARD, FakeTime, enrol


def _upstream(server: Server) -> tuple[str, int]:
    host, port = server.url.removeprefix("http://").split(":")
    return host, int(port)


def test_typed_answers_and_refusals(store: Store, server: Server) -> None:
    with IntakeClient(server.url) as anonymous:
        assert anonymous.health().status == "ok"
        with pytest.raises(Refused) as refused:
            anonymous.enrol("0000-0000-0000", "Kiosk", "A" * 42 + "A=")
        assert refused.value.status == 403
        assert "code" in refused.value.detail
        with pytest.raises(Unauthorised):
            anonymous.roster("")
    with enrol(store, server) as client:
        assert client.lookup("001099999999") is None  # 404: the server does not know the ID
        page = client.roster("", 10)
        assert page.next_cursor and not page.more
        with pytest.raises(Refused) as refused:
            client.roster("garbage")
        assert refused.value.status == 409


def test_a_roster_page_checked_in_pieces_is_the_page_checked_whole(
    store: Store, server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    populate(server.engine, 60, seed=5, ward=WARD)
    with enrol(store, server) as client:
        body = client.roster_body("", 10)
    monkeypatch.setattr(protocol, "ROSTER_PIECE", 3)  # 10 households: 4 pieces
    page = parse_roster_page(body)
    assert len(page.households) == 10 and page.more
    assert page == RosterPage.model_validate_json(body)
    whole = json.loads(body)
    in_last_piece = [*whole["households"][:9], {"id": "hh-1", "group": "Tổ 1"}]
    for bad in (
        b"{",
        b"[]",
        b'{"households": 3}',
        json.dumps({**whole, "households": in_last_piece}).encode(),
        json.dumps({**whole, "more": "perhaps"}).encode(),
        json.dumps({**whole, "unknown": 1}).encode(),
    ):
        with pytest.raises(BadResponse):
            parse_roster_page(bad)


def test_bad_settings_are_refused_loudly(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="https"):
        IntakeClient("ftp://intake.example")
    with pytest.raises(ValueError, match="CA bundle"):
        IntakeClient("https://intake.example", ca_bundle=tmp_path / "missing.pem")


def test_every_request_names_the_kiosk_and_no_id_travels_in_a_url(
    store: Store, server: Server, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    token = enrol(store, server).token
    add_verified(store, 3)
    with store.write() as session:  # one the server refuses, so its errors come back too
        bad = subs.ready_for_upload(session, 1)[0].id
        session.execute(subs.S.update().where(subs.S.c.id == bad).values(sha256="f" * 64))
    with FaultProxy(_upstream(server)) as proxy, IntakeClient(proxy.url, token=token) as client:
        assert client.lookup("001090000001") is None
        Uploader(store, client, now=FakeTime().now).run_until_idle()
        heads = list(proxy.heads)
    assert all(f"User-Agent: kiosk/{__version__} ".encode() in head for head in heads)
    assert all(b"001090" not in head for head in heads)
    for secret in ("001090000001", "001090000002", "Nguyễn Văn An", "0912345678"):
        assert secret not in caplog.text


# --- TLS ---------------------------------------------------------------------------------------


def _certificate(directory: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (its own CA) and its key, as PEM files."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "intake test CA")])
    now = dt.datetime.now(dt.UTC)
    public = key.public_key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path


class _Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = json.dumps(
            {"status": "ok", "database": True, "time": dt.datetime.now(dt.UTC).isoformat()}
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """An HTTPS server answering /v1/health with a self-signed certificate; (url, CA file)."""
    cert, key = _certificate(tmp_path)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Health)
    httpd.daemon_threads = False
    httpd.block_on_close = True
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever)
    thread.start()
    try:
        yield f"https://127.0.0.1:{httpd.server_address[1]}", cert
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(10)


def test_tls_is_verified_and_a_ca_bundle_makes_a_private_ca_work(
    tls_server: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, ca = tls_server
    monkeypatch.setenv("CURL_CA_BUNDLE", "")  # would switch verification off if the env counted
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", "")
    with (
        IntakeClient(url, connect_timeout=5, read_timeout=5) as client,
        pytest.raises(Unreachable, match="SSLError"),
    ):
        client.health()
    with IntakeClient(url, ca_bundle=ca) as client:
        assert client.health().database is True
