"""The ward's roster on a USB stick (issue 21, point 6): ``kiosk-intake export-roster`` on the real
server's database, the kiosk's import into the real encrypted store.  A file that fails its
checks (another key, a changed byte, cut short, another ward) changes nothing in the cache; a good
one leaves the cache as a network download does."""

from __future__ import annotations

import gzip
import json
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, text

from intake import cli, registry
from intake.db import run_write
from intake.demo import Population, populate
from kiosk.config import load_config
from kiosk.exchange.export import b64encode_key, new_signing_key
from kiosk.exchange.roster_stick import (
    RosterFileError,
    RosterFileHeader,
    RosterFileOtherWard,
    RosterFileSignatureError,
    RosterFileTruncated,
    write_roster_file,
)
from kiosk.store import Store, open_store
from kiosk.store.keys import KEY_FILE
from kiosk.store.roster_cache import roster_state
from kiosk.sync.downloader import RosterDownloader
from kiosk.sync.errors import NotEnrolled
from kiosk.sync.roster_import import RosterImportProgress, import_roster_file
from tests.store.fixtures import FakeClock, env_for
from tests.support.intake import Server
from tests.sync.helpers import WARD, FakeTime, enrol

RESIDENTS = 3000  # about 850 households: a file of two pages (500 households a page)
OTHER_WARD = "Phường Tây Hồ"


@pytest.fixture
def ward(server: Server) -> Population:
    return populate(server.engine, RESIDENTS, seed=7, ward=WARD)


def export(server: Server, out: Path, ward: str = WARD) -> Path:
    """The real command line, as the ward office runs it."""
    url = server.settings.database_url
    assert (
        cli.main(["export-roster", "--database-url", url, "--ward", ward, "--out", str(out)]) == 0
    )
    return out


def lines(path: Path) -> list[bytes]:
    with gzip.open(path, "rb") as stream:
        return stream.read().splitlines(keepends=True)


def rewrite(path: Path, out: Path, content: list[bytes]) -> Path:
    with gzip.open(out, "wb") as stream:
        stream.write(b"".join(content))
    return out


def snapshot(store: Store) -> dict[str, Any]:
    """Everything the cache holds (internal row ids left out), and where the roster stands."""
    queries = {
        "household": "SELECT id, residential_group, address FROM household ORDER BY id",
        "resident": "SELECT id_number, household_id, full_name, search_key, birth_date, "
        "birth_year, sex, phone, cleaned_at, cleaned_station FROM resident ORDER BY id_number",
        "vehicle": "SELECT v.id, r.id_number, v.plate, v.plate_key, v.kind, v.brand, v.model, "
        "v.colour, v.chassis_number, v.engine_number, v.registered_owner_name, "
        "v.registered_owner_id_number FROM registry_vehicle v JOIN resident r "
        "ON r.id = v.resident_id ORDER BY v.id",
        "licence": "SELECT l.id, r.id_number, l.number, l.licence_class, l.scheme, l.issue_date, "
        "l.expiry_date FROM registry_licence l JOIN resident r ON r.id = l.resident_id "
        "ORDER BY l.id",
    }
    with store.reader() as conn:
        found: dict[str, Any] = {
            name: [tuple(row) for row in conn.execute(text(sql))] for name, sql in queries.items()
        }
        found["cursor"] = roster_state(conn)
    return found


def imports(store: Store) -> list[dict[str, Any]]:
    with store.reader() as conn:
        rows = conn.execute(
            text("SELECT actor, details FROM audit_event WHERE action = 'roster.import'")
        )
        return [{"actor": actor, **json.loads(details)} for actor, details in rows]


@pytest.fixture
def second_store(tmp_path: Path, template_root: Path) -> Iterator[Store]:
    """Another kiosk's store (from the same template), for the network download to compare with."""
    config = load_config(env_for(tmp_path / "second"))
    config.data_dir.mkdir(parents=True)
    config.config_dir.mkdir(parents=True)
    shutil.copy(template_root / "data" / "kiosk.db", config.db_path)
    shutil.copy(template_root / "config" / KEY_FILE, config.config_dir / KEY_FILE)
    with open_store(config, now=FakeClock()) as opened:
        yield opened


def test_a_good_file_fills_the_cache_as_a_download_does(
    store: Store, second_store: Store, server: Server, ward: Population, tmp_path: Path
) -> None:
    enrol(store, server).close()
    path = export(server, tmp_path / "stick" / "yen-nghia.roster")
    header = json.loads(lines(path)[0])
    assert header["ward"] == WARD and header["residents"] == RESIDENTS
    assert header["households"] == len(ward.households) and header["pages"] >= 2
    seen: list[RosterImportProgress] = []
    result = import_roster_file(
        store, path, now=FakeTime().now, actor="op-officer", on_progress=seen.append
    )
    assert result.complete and result.ward == WARD
    assert (result.residents_done, result.pages_done) == (RESIDENTS, header["pages"])
    checking = [p for p in seen if p.stage == "checking"]
    importing = [p for p in seen if p.stage == "importing"]
    assert [p.pages_done for p in checking] == list(range(1, header["pages"] + 1))
    assert importing[-1].residents_done == importing[-1].residents == RESIDENTS
    done = [p.residents_done for p in importing]
    assert done == sorted(done)

    with enrol(second_store, server) as client:
        assert RosterDownloader(second_store, client, now=FakeTime().now).download().complete
    from_file, downloaded = snapshot(store), snapshot(second_store)
    assert {r[0] for r in from_file["resident"]} == {r["id_number"] for r in ward.residents}
    assert {v[0] for v in from_file["vehicle"]} == {v["id"] for v in ward.vehicles}
    assert {x[0] for x in from_file["licence"]} == {x["id"] for x in ward.licences}
    for table in ("household", "resident", "vehicle", "licence"):
        assert from_file[table] == downloaded[table], table
    assert from_file["cursor"][1] is None  # the full pass is over: nothing left to sweep
    (event,) = imports(store)
    assert event["outcome"] == "imported" and event["residents"] == RESIDENTS
    assert event["actor"] == "op-officer" and event["ward"] == WARD
    text_of_event = json.dumps(event, ensure_ascii=False)
    for person in ward.residents[:50]:
        assert person["id_number"] not in text_of_event
        assert person["full_name"] not in text_of_event


def test_the_network_goes_on_from_the_file(
    store: Store, server: Server, ward: Population, tmp_path: Path
) -> None:
    """The file's last cursor is kept: back online, the kiosk asks only for what changed since."""
    client = enrol(store, server)
    path = export(server, tmp_path / "ward.roster")
    assert import_roster_file(store, path, now=FakeTime().now).complete
    person = ward.residents[0]["id_number"]
    run_write(server.engine, lambda c: registry.update_resident(c, person, full_name="Lê Văn Mới"))
    with client:
        result = RosterDownloader(store, client, now=FakeTime().now).download()
    assert result.complete and not result.restarted and result.households == 1
    with store.reader() as conn:
        name = conn.execute(
            text("SELECT full_name FROM resident WHERE id_number = :n"), {"n": person}
        ).scalar_one()
    assert name == "Lê Văn Mới"


@pytest.fixture
def cached(store: Store, server: Server, ward: Population, tmp_path: Path) -> dict[str, Any]:
    """A kiosk whose cache was downloaded before a resident changed at the server; the roster
    file is exported after the change (an import would show it)."""
    with enrol(store, server) as client:
        assert RosterDownloader(store, client, now=FakeTime().now).download().complete
    person = ward.residents[0]["id_number"]

    def rename(conn: Connection) -> None:
        registry.update_resident(conn, person, full_name="Nguyễn Thị Đổi Tên")

    run_write(server.engine, rename)
    return snapshot(store)


def refused(store: Store, path: Path, error: type[RosterFileError]) -> RosterFileError:
    with pytest.raises(error) as raised:
        import_roster_file(store, path, now=FakeTime().now, actor="op-officer")
    return raised.value


def test_a_file_signed_by_another_key_is_refused(
    store: Store, server: Server, cached: dict[str, Any], tmp_path: Path
) -> None:
    good = lines(export(server, tmp_path / "good.roster"))
    header = RosterFileHeader.model_validate_json(good[0])
    private, public = new_signing_key()
    pages = [line.rstrip(b"\n") for line in good[1:-1]]
    other = header.model_copy(update={"signing_key": b64encode_key(public)})
    with (tmp_path / "other.roster").open("wb") as out:
        write_roster_file(out, other, pages, private_key=private)
    assert refused(store, tmp_path / "other.roster", RosterFileSignatureError).other_key
    # the same, claiming the pinned key: the signature does not verify with it
    with (tmp_path / "forged.roster").open("wb") as out:
        write_roster_file(out, header, pages, private_key=private)
    assert not refused(store, tmp_path / "forged.roster", RosterFileSignatureError).other_key
    assert snapshot(store) == cached
    assert [e["reason"] for e in imports(store)] == ["other_key", "signature"]


def test_a_file_with_one_byte_changed_is_refused(
    store: Store, server: Server, cached: dict[str, Any], tmp_path: Path
) -> None:
    path = export(server, tmp_path / "good.roster")
    content = lines(path)
    page = content[2]
    at = page.index(b'"full_name":"') + len(b'"full_name":"')
    content[2] = page[:at] + bytes([page[at] ^ 0x01]) + page[at + 1 :]  # a name's first letter
    refused(store, rewrite(path, tmp_path / "changed.roster", content), RosterFileSignatureError)
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0xFF  # a byte of the gzip stream itself
    (tmp_path / "flipped.roster").write_bytes(bytes(raw))
    refused(store, tmp_path / "flipped.roster", RosterFileError)
    assert snapshot(store) == cached


def test_a_truncated_file_is_refused(
    store: Store, server: Server, cached: dict[str, Any], tmp_path: Path
) -> None:
    path = export(server, tmp_path / "good.roster")
    data = path.read_bytes()
    (tmp_path / "half.roster").write_bytes(data[: len(data) // 2])
    refused(store, tmp_path / "half.roster", RosterFileTruncated)
    content = lines(path)
    refused(store, rewrite(path, tmp_path / "no-trailer.roster", content[:-1]), RosterFileTruncated)
    refused(store, rewrite(path, tmp_path / "pages-gone.roster", content[:2]), RosterFileTruncated)
    assert snapshot(store) == cached
    assert {e["reason"] for e in imports(store)} == {"truncated"}


def test_a_file_of_another_ward_is_refused(
    store: Store, server: Server, cached: dict[str, Any], tmp_path: Path
) -> None:
    populate(server.engine, 60, seed=8, ward=OTHER_WARD)
    path = export(server, tmp_path / "tay-ho.roster", OTHER_WARD)
    error = refused(store, path, RosterFileOtherWard)
    assert isinstance(error, RosterFileOtherWard) and error.ward == OTHER_WARD
    assert snapshot(store) == cached
    assert [e["reason"] for e in imports(store)] == ["other_ward"]


def test_a_station_not_enrolled_has_no_key_to_check_with(
    store: Store, server: Server, ward: Population, tmp_path: Path
) -> None:
    path = export(server, tmp_path / "ward.roster")
    before = snapshot(store)
    with pytest.raises(NotEnrolled):
        import_roster_file(store, path, now=FakeTime().now)
    assert snapshot(store) == before


def test_a_cancelled_import_leaves_a_consistent_cache_and_goes_on_later(
    store: Store, second_store: Store, server: Server, ward: Population, tmp_path: Path
) -> None:
    enrol(store, server).close()
    path = export(server, tmp_path / "ward.roster")
    cancel = threading.Event()

    def stop_after_the_first_page(progress: RosterImportProgress) -> None:
        if progress.stage == "importing" and progress.pages_done == 1:
            cancel.set()

    first = import_roster_file(
        store, path, now=FakeTime().now, on_progress=stop_after_the_first_page, cancel=cancel
    )
    assert not first.complete and first.pages_done == 1 and 0 < first.residents_done < RESIDENTS
    half = snapshot(store)
    assert len(half["resident"]) == first.residents_done
    assert half["cursor"][1] is not None  # a full pass under way, as a download cut short
    assert import_roster_file(store, path, now=FakeTime().now).complete
    with enrol(second_store, server) as client:
        assert RosterDownloader(second_store, client, now=FakeTime().now).download().complete
    again, downloaded = snapshot(store), snapshot(second_store)
    for table in ("household", "resident", "vehicle", "licence"):
        assert again[table] == downloaded[table], table
    assert [e["outcome"] for e in imports(store)] == ["cancelled", "imported"]


def test_export_roster_of_an_empty_ward_writes_nothing(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = server.settings.database_url
    out = tmp_path / "none.roster"
    argv = ["export-roster", "--database-url", url, "--ward", "Không Có", "--out", str(out)]
    assert cli.main(argv) == 1
    assert "no households of Phường Không Có" in capsys.readouterr().err
    assert not out.exists() and not list(tmp_path.glob("*.partial"))
