"""The roster file and the export file answer any input with their own errors only (issue 20)."""

from __future__ import annotations

import contextlib
import io
import json
import os
import struct
import tempfile
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import given
from hypothesis import strategies as st

from intake.roster_import import RosterUnreadable, read_table
from kiosk.exchange import export
from kiosk.exchange.export import (
    CIPHER,
    MAGIC,
    ExportError,
    ExportItem,
    new_signing_key,
    open_export,
    read_header,
    verify_export,
    write_export,
)
from kiosk.exchange.roster_file import COLUMNS, RowError, parse_roster
from tests.strategies.hostile import FUZZ, json_values

hostile_json = st.sampled_from(
    [
        b"[" * 60_000,
        b"[" * 100_000,
        b"[" * 30_000 + b"]" * 30_000,
        b'{"a":' * 12_000,
        b'{"version":1,"x":' + b"[" * 30_000 + b"]" * 30_000 + b"}",
        b"9" * 5000,
        b'{"version":1,"count":' + b"9" * 5000 + b"}",
        b'{"version":1e999,"count":-1e999}',
        b'{"version":NaN,"count":Infinity}',
        b"NaN",
        b"\xff\xfe\x00",
        b"",
        b'"' + b"a" * 60_000 + b'"',
    ]
)
json_bytes = (
    hostile_json
    | st.binary(max_size=200)
    | json_values.map(lambda v: json.dumps(v, allow_nan=True).encode("utf-8"))
)

NOW = datetime(2025, 3, 1, 12, tzinfo=UTC)
SERVER = X25519PrivateKey.generate()
SERVER_PUBLIC = SERVER.public_key().public_bytes_raw()
SIGNING, SIGNING_PUBLIC = new_signing_key()


def _header_fields() -> dict[str, Any]:
    good = write_export(
        [],
        station_id="s1",
        created_at=NOW,
        recipient_key=SERVER_PUBLIC,
        signing_key=SIGNING,
    )
    (length,) = struct.unpack_from(">I", good, len(MAGIC))
    fields: dict[str, Any] = json.loads(good[len(MAGIC) + 4 : len(MAGIC) + 4 + length])
    return fields


GOOD_HEADER = _header_fields()


def _signed(header: bytes, plaintext: bytes | None = None) -> bytes:
    """A file with this header (and these items, encrypted to SERVER), signed by SIGNING."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    nonce = os.urandom(12)
    prefix = MAGIC + struct.pack(">I", len(header)) + header
    if plaintext is None:
        ciphertext = b"\0" * 16
    else:
        key = export._aes_key(
            ephemeral.exchange(SERVER.public_key()), ephemeral_public, SERVER_PUBLIC
        )
        ciphertext = AESGCM(key).encrypt(nonce, plaintext, prefix)
    body = prefix + struct.pack(">Q", len(ciphertext)) + ciphertext
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return body + Ed25519PrivateKey.from_private_bytes(SIGNING).sign(body)


@st.composite
def headers(draw: st.DrawFn) -> bytes:
    """Header bytes: hostile JSON, or the good header with one field replaced."""
    if draw(st.booleans()):
        return draw(json_bytes)
    fields = dict(GOOD_HEADER)
    key = draw(st.sampled_from([*sorted(fields), "extra"]))
    fields[key] = draw(json_values)
    return json.dumps(fields, allow_nan=True).encode("utf-8")


def _open(data: bytes) -> None:
    for reader in (
        read_header,
        lambda d: verify_export(d, SIGNING_PUBLIC),
        lambda d: open_export(
            d, signing_public_key=SIGNING_PUBLIC, private_key=SERVER.private_bytes_raw()
        ),
    ):
        with contextlib.suppress(ExportError):
            reader(data)


def test_a_deeply_nested_header_is_an_export_error() -> None:
    data = _signed(b"[" * 60_000)  # under the 64 KB header bound
    with pytest.raises(ExportError, match="header is not readable"):
        read_header(data)


@FUZZ
@given(header=headers())
def test_any_export_header_raises_only_export_errors(header: bytes) -> None:
    _open(_signed(header))


@FUZZ
@given(plaintext=json_bytes)
def test_any_decrypted_body_raises_only_export_errors(plaintext: bytes) -> None:
    fields = {**GOOD_HEADER, "count": 1, "cipher": CIPHER}
    data = _signed(json.dumps(fields).encode("utf-8"), plaintext)
    # the ephemeral key in GOOD_HEADER is not the one used: rebuild the header with the right one
    _open(data)
    _open(_real_file(plaintext))


def _real_file(plaintext: bytes) -> bytes:
    """write_export's own file, with the decrypted body swapped for ``plaintext``."""
    original = export._plaintext
    try:
        export._plaintext = lambda items: plaintext  # type: ignore[assignment]
        return write_export(
            [ExportItem("a", "b", b"{}")],
            station_id="s1",
            created_at=NOW,
            recipient_key=SERVER_PUBLIC,
            signing_key=SIGNING,
        )
    finally:
        export._plaintext = original


@FUZZ
@given(data=st.binary(max_size=300), cut=st.integers(0, 400))
def test_any_bytes_raise_only_export_errors(data: bytes, cut: int) -> None:
    _open(data)
    _open(MAGIC + data)
    _open(_signed(b"{}")[:cut] + data)


# --- the roster file ----------------------------------------------------------------------------

NAMES = [column.name for column in COLUMNS]
cells = (
    st.none()
    | st.text(max_size=20)
    | st.sampled_from(["resident", "vehicle", "licence", "001090000001", "1990-01-01", "9" * 5000])
    | st.integers()
    | st.just(10**4000)
    | st.floats()
    | st.dates()
    | st.datetimes()
)


@FUZZ
@given(
    header=st.one_of(st.just(NAMES), st.lists(cells, max_size=25)),
    rows=st.lists(st.lists(cells, min_size=len(NAMES), max_size=len(NAMES) + 2), max_size=4),
)
def test_any_roster_table_gives_row_errors_only(header: list[Any], rows: list[list[Any]]) -> None:
    parsed = parse_roster(header, rows, today=date(2025, 3, 1))
    assert all(isinstance(error, RowError) for error in parsed.errors)


def _workbook() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(NAMES)
    sheet.append(["resident", "001090000001", "h1", "3", "1 Main St", "Nguyễn Văn A", "1990-01-01"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


WORKBOOK = _workbook()
MEMBERS = zipfile.ZipFile(io.BytesIO(WORKBOOK)).namelist()
hostile_xml = st.sampled_from(
    [
        b"<a>" * 100_000,
        b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>'
        + b"9" * 5000
        + b"</v></c></row></sheetData></worksheet>",
        b'<!DOCTYPE a [<!ENTITY b "' + b"x" * 1000 + b'">]><a>&b;&b;&b;</a>',
        b"\xff\xfe",
        b"",
    ]
) | st.binary(max_size=200)


@st.composite
def xlsx_files(draw: st.DrawFn) -> bytes:
    """The good workbook with one part replaced or dropped, or bytes that are no zip at all."""
    if draw(st.integers(0, 4)) == 0:
        return draw(st.binary(max_size=200))
    target = draw(st.sampled_from(MEMBERS))
    content = draw(hostile_xml)
    drop = draw(st.booleans())
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(WORKBOOK)) as source, zipfile.ZipFile(out, "w") as dest:
        for name in source.namelist():
            if name != target:
                dest.writestr(name, source.read(name))
            elif not drop:
                dest.writestr(name, content)
    return out.getvalue()


def _read(path: Path) -> None:
    try:
        with read_table(path) as (header, rows):
            parse_roster(header, rows, today=date(2025, 3, 1))
    except RosterUnreadable:
        pass


@pytest.mark.filterwarnings("ignore::UserWarning")  # openpyxl on a damaged style part: not an error
@FUZZ
@given(data=xlsx_files())
def test_any_xlsx_file_raises_only_roster_unreadable(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "roster.xlsx"
        path.write_bytes(data)
        _read(path)


@FUZZ
@given(data=st.binary(max_size=300) | hostile_json | st.just(b'"' + b"x" * 200_000))
def test_any_csv_file_raises_only_roster_unreadable(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "roster.csv"
        path.write_bytes(",".join(NAMES).encode() + b"\n" + data)
        _read(path)
        path.write_bytes(data)
        _read(path)
