"""The offline export file: readable only by the server, refused when changed, imported idempotently."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select

from intake import cli as intake_cli
from intake.auth import revoke
from intake.importer import ImportRefused, import_queue
from intake.models import Submission as ServerSubmission
from kiosk import cli as kiosk_cli
from kiosk.domain.payload import canonical_bytes, payload_sha256
from kiosk.exchange import export
from kiosk.exchange.export import (
    ExportDecryptError,
    ExportFormatError,
    ExportItem,
    ExportSignatureError,
    new_signing_key,
    open_export,
    read_header,
    write_export,
)
from kiosk.store import Store
from kiosk.sync.enrol import load_identity
from kiosk.sync.offline import export_queue
from kiosk.sync.uploader import Uploader
from tests.strategies.payloads import make_payload
from tests.support.intake import Server
from tests.support.queue import add_verified
from tests.sync.helpers import FakeTime, enrol, local_statuses, server_ids

AT = datetime(2025, 11, 23, 8, 0, tzinfo=UTC)


def _server_keys() -> tuple[bytes, bytes]:
    private = X25519PrivateKey.generate()
    return private.private_bytes_raw(), private.public_key().public_bytes_raw()


def _file(items: list[ExportItem], recipient: bytes, signing: bytes) -> bytes:
    return write_export(
        items, station_id="st-0001", created_at=AT, recipient_key=recipient, signing_key=signing
    )


def _items(count: int) -> list[ExportItem]:
    payloads = [make_payload(reference=f"K7QM-4M{n:02d}") for n in range(count)]
    return [
        ExportItem(f"00000000-0000-4000-8000-{n:012d}", payload_sha256(p), canonical_bytes(p))
        for n, p in enumerate(payloads)
    ]


def test_only_the_servers_private_key_reads_it() -> None:
    server_private, server_public = _server_keys()
    signing_private, signing_public = new_signing_key()
    items = _items(3)
    data = _file(items, server_public, signing_private)
    for secret in (b"Nguy", "Nguyễn".encode(), b"001090012345", b"K7QM-4M01", b"0912345678"):
        assert secret not in data  # nothing personal travels in clear
    header = read_header(data)
    assert (header.station_id, header.count, header.version) == ("st-0001", 3, 1)
    opened = open_export(data, signing_public_key=signing_public, private_key=server_private)
    assert [i["id"] for i in opened.items] == [i.id for i in items]
    assert [canonical_bytes(i["payload"]) for i in opened.items] == [i.canonical for i in items]
    other_private, _ = _server_keys()
    with pytest.raises(ExportDecryptError):
        open_export(data, signing_public_key=signing_public, private_key=other_private)


def test_a_changed_or_foreign_file_is_refused() -> None:
    server_private, server_public = _server_keys()
    signing_private, signing_public = new_signing_key()
    data = _file(_items(2), server_public, signing_private)
    keys = {"signing_public_key": signing_public, "private_key": server_private}
    for at in (len(export.MAGIC) + 10, len(data) // 2, len(data) - 70, len(data) - 1):
        changed = bytearray(data)
        changed[at] ^= 0x01
        with pytest.raises((ExportSignatureError, ExportFormatError)):
            open_export(bytes(changed), **keys)
    _other_private, other_public = new_signing_key()
    with pytest.raises(ExportSignatureError):
        open_export(data, signing_public_key=other_public, private_key=server_private)
    with pytest.raises(ExportFormatError):
        open_export(data[:-1], **keys)
    with pytest.raises(ExportFormatError):
        open_export(b"PK\x03\x04 not an export", **keys)
    newer = data.replace(b'"version":1', b'"version":2', 1)
    with pytest.raises(ExportFormatError, match="version 2"):
        read_header(newer)


def test_import_then_upload_doubles_nothing(store: Store, server: Server, tmp_path: Path) -> None:
    client = enrol(store, server)
    ids = add_verified(store, 130)
    fake = FakeTime()
    Uploader(store, client, now=fake.now, max_items=20).run_until_idle()  # some get through
    more = add_verified(store, 70, start=500)
    written = export_queue(store, tmp_path / "usb" / "kiosk.queue", now=fake.now)
    assert written.count == 70
    assert local_statuses(store) == {"sent": 130, "verified": 70}  # queued until confirmed
    report = import_queue(server.engine, written.path.read_bytes())
    assert report.counts == {"accepted": 70}
    again = import_queue(server.engine, written.path.read_bytes())
    assert again.counts == {"duplicate": 70}
    final = Uploader(store, client, now=fake.now).run_until_idle()
    client.close()
    assert final.sent == 70  # as duplicates: confirmed, nothing doubled
    on_server = server_ids(server)
    assert len(on_server) == len(set(on_server)) == 200
    assert set(on_server) == set(ids + more)


def test_the_import_checks_the_station(store: Store, server: Server, tmp_path: Path) -> None:
    enrol(store, server).close()
    add_verified(store, 5)
    path = export_queue(store, tmp_path / "kiosk.queue", now=FakeTime().now).path
    data = path.read_bytes()
    changed = bytearray(data)
    changed[len(data) // 2] ^= 0xFF
    with pytest.raises(ImportRefused, match="signature"):
        import_queue(server.engine, bytes(changed))
    header = json.dumps({"station_id": load_identity(store).id}, separators=(",", ":")).encode()
    assert header[1:-1] in data  # the header names the station in clear …
    foreign = data.replace(load_identity(store).id.encode(), b"st-ffffffffffffffff", 1)
    with pytest.raises(ImportRefused, match="not enrolled"):  # … which must be enrolled
        import_queue(server.engine, foreign)
    assert revoke(server.engine, load_identity(store).id)
    with pytest.raises(ImportRefused, match="revoked"):
        import_queue(server.engine, data)
    assert import_queue(server.engine, data, allow_revoked=True).counts == {"accepted": 5}


def _stored(server: Server) -> dict[str, tuple[Any, ...]]:
    """Every submission row the server holds, by id (the columns an import writes)."""
    columns = (ServerSubmission.sha256, ServerSubmission.payload, ServerSubmission.received_at)
    with server.engine.connect() as conn:
        rows = conn.execute(select(ServerSubmission.id, *columns)).all()
    return {row[0]: tuple(row[1:]) for row in rows}


def test_the_commands(
    store: Store, server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    enrol(store, server).close()
    ids = add_verified(store, 12)
    usb = tmp_path / "usb" / "queue.queue"
    assert kiosk_cli.main(["export-queue", str(usb)]) == 0
    assert "12 unsent submission(s) written" in capsys.readouterr().out
    assert kiosk_cli.main(["backup", str(tmp_path / "stick")]) == 0
    out = capsys.readouterr().out
    (backup,) = (tmp_path / "stick").glob("kiosk-*.db")
    (beside,) = (tmp_path / "stick").glob("kiosk-*.queue")
    assert beside.stem == backup.stem
    assert "12 unsent" in out
    url = server.settings.database_url
    assert intake_cli.main(["import-queue", str(beside), "--database-url", url]) == 0
    assert capsys.readouterr().out.endswith(": 12 submission(s): 12 accepted\n")
    assert intake_cli.main(["import-queue", str(usb), "--database-url", url]) == 0
    assert "12 duplicate" in capsys.readouterr().out
    before = _stored(server)
    assert sorted(before) == sorted(ids)
    # The broken file holds the 12 stored ones (still unconfirmed on the kiosk) and 5 new ones.
    new = add_verified(store, 5, start=100)
    fresh = tmp_path / "usb" / "more.queue"
    assert kiosk_cli.main(["export-queue", str(fresh)]) == 0
    assert "17 unsent submission(s) written" in capsys.readouterr().out
    broken = tmp_path / "broken.queue"
    broken.write_bytes(fresh.read_bytes()[:-3] + b"xyz")
    assert intake_cli.main(["import-queue", str(broken), "--database-url", url]) == 1
    assert "refused: the signature does not match" in capsys.readouterr().err
    on_server = server_ids(server)
    assert not set(new) & set(on_server)  # no row of the broken file's new items was stored …
    assert len(on_server) == len(set(on_server))  # … nothing twice …
    assert set(on_server) == set(ids)  # … the ids stored are exactly the ones imported before …
    assert _stored(server) == before  # … and not one of their rows was touched
    assert intake_cli.main(["import-queue", str(fresh), "--database-url", url]) == 0
    assert capsys.readouterr().out.endswith(": 17 submission(s): 5 accepted, 12 duplicate\n")
    assert sorted(server_ids(server)) == sorted(ids + new)  # the intact file still imports


def test_a_backup_where_it_cannot_write_says_so(
    store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A stick that is not there (a file stands where its folder would be): one line, exit 1."""
    not_a_drive = tmp_path / "K:"
    not_a_drive.write_text("not a drive", encoding="utf-8")
    assert kiosk_cli.main(["backup", str(not_a_drive / "kiosk-backups")]) == 1
    error = capsys.readouterr().err
    assert error.startswith("kiosk: error: ")
    assert str(not_a_drive) in error
    assert kiosk_cli.main(["check"]) == 0


def test_an_unenrolled_kiosk_cannot_export(store: Store, tmp_path: Path) -> None:
    add_verified(store, 1)
    assert kiosk_cli.main(["export-queue", str(tmp_path / "x.queue")]) == 1
    assert kiosk_cli.main(["backup", str(tmp_path / "b")]) == 0  # the backup itself still works
    assert not list((tmp_path / "b").glob("*.queue"))
