"""The signed roster file (``kiosk.exchange.roster_stick``): what is written reads back, and any
input — not gzip, cut short, garbage lines, deep nesting, huge numbers, signed nonsense — is
answered with a ``RosterFileError`` and nothing else (issue 21)."""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.exchange.export import b64encode_key, new_signing_key
from kiosk.exchange.protocol import RosterPage
from kiosk.exchange.roster_stick import (
    RosterFileChanged,
    RosterFileError,
    RosterFileHeader,
    RosterFileOtherWard,
    RosterFileSignatureError,
    RosterFileUnreadable,
    verify_roster_file,
    write_roster_file,
)
from tests.strategies.hostile import FUZZ, json_values

WARD = "Phường Yên Nghĩa"
PRIVATE, PUBLIC = new_signing_key()


def _page(n: int, more: bool) -> bytes:
    resident = {
        "id_number": f"00109001{n:04d}",
        "full_name": "Nguyễn Văn An",
        "birth_date": "1990-03-15",
        "sex": "male",
        "phone": None,
        "vehicles": [],
        "licences": [],
        "cleaned": None,
    }
    household = {
        "id": f"hh-{n}",
        "group": "Tổ dân phố 1",
        "address": "Số 1",
        "residents": [resident],
    }
    page = {
        "households": [household],
        "removed": {"households": [], "residents": []},
        "next_cursor": f"c{n}",
        "more": more,
    }
    return json.dumps(page, ensure_ascii=False, separators=(",", ":")).encode()


def _header(pages: int, **changes: object) -> RosterFileHeader:
    values: dict[str, object] = {
        "format": "kiosk-roster",
        "version": 1,
        "ward": WARD,
        "generated_at": "2026-12-05T10:00:00+00:00",
        "households": pages,
        "residents": pages,
        "vehicles": 0,
        "licences": 0,
        "pages": pages,
        "signing_key": b64encode_key(PUBLIC),
    }
    return RosterFileHeader.model_validate({**values, **changes})


def _signed(pages: list[bytes], header: RosterFileHeader | None = None) -> bytes:
    target = io.BytesIO()
    write_roster_file(target, header or _header(len(pages)), pages, private_key=PRIVATE)
    return target.getvalue()


GOOD = _signed([_page(1, True), _page(2, True), _page(3, False)])


def _write(tmp: Path, data: bytes) -> Path:
    path = tmp / "ward.roster"
    path.write_bytes(data)
    return path


def test_what_is_written_reads_back(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    verified = verify_roster_file(
        _write(tmp_path, GOOD),
        signing_key=PUBLIC,
        ward=WARD,
        on_page=lambda done, total: seen.append((done, total)),
    )
    assert verified.header.pages == 3 and seen == [(1, 3), (2, 3), (3, 3)]
    pages = list(verified.pages())
    assert pages == [RosterPage.model_validate_json(_page(n, n < 3)) for n in (1, 2, 3)]


def test_the_key_the_signature_and_the_ward_are_checked(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD)
    _, other = new_signing_key()
    with pytest.raises(RosterFileSignatureError) as raised:
        verify_roster_file(path, signing_key=other, ward=WARD)
    assert raised.value.other_key
    with pytest.raises(RosterFileOtherWard) as wrong:
        verify_roster_file(path, signing_key=PUBLIC, ward="Phường Tây Hồ")
    assert wrong.value.ward == WARD
    with gzip.open(path, "rb") as stream:
        content = stream.read()
    changed = content.replace(b"hh-2", b"hh-7", 1)
    with pytest.raises(RosterFileSignatureError) as forged:
        verify_roster_file(_write(tmp_path, gzip.compress(changed)), signing_key=PUBLIC, ward=WARD)
    assert not forged.value.other_key


def test_a_file_changed_between_the_check_and_the_import_gives_nothing_more(
    tmp_path: Path,
) -> None:
    path = _write(tmp_path, GOOD)
    verified = verify_roster_file(path, signing_key=PUBLIC, ward=WARD)
    other = _signed([_page(1, True), _page(9, True), _page(3, False)])
    (tmp_path / "other").mkdir()
    _write(tmp_path / "other", other).replace(path)  # the stick swapped under the kiosk
    pages = verified.pages()
    assert next(pages).next_cursor == "c1"  # the same page as the one checked
    with pytest.raises(RosterFileChanged):
        next(pages)


def test_a_signed_page_that_is_not_a_page_is_unreadable(tmp_path: Path) -> None:
    path = _write(tmp_path, _signed([b'{"households": 1}']))
    verified = verify_roster_file(path, signing_key=PUBLIC, ward=WARD)
    with pytest.raises(RosterFileUnreadable):
        list(verified.pages())


hostile_lines = st.sampled_from(
    [
        b"[" * 100_000,
        b"[" * 30_000 + b"]" * 30_000,
        b'{"a":' * 50_000,
        b'{"households":[' + b"{" * 5000 + b"}",
        b"9" * 5000,
        b'{"format":"kiosk-roster","version":1,"pages":' + b"9" * 5000 + b"}",
        b'{"households":[],"next_cursor":' + b"9" * 5000 + b"}",
        b'{"version":1e999,"pages":-1e999}',
        b'{"households":[1e999, NaN, -Infinity]}',
        b"NaN",
        b"\xff\xfe\x00",
        b"",
    ]
)
any_line = (
    hostile_lines
    | st.binary(max_size=200).map(lambda b: b.replace(b"\n", b" "))
    | json_values.map(lambda v: json.dumps(v, allow_nan=True).encode())
)


@st.composite
def files(draw: st.DrawFn) -> bytes:
    kind = draw(st.integers(0, 5))
    if kind == 0:  # anything at all
        return draw(st.binary(max_size=400))
    if kind == 1:  # gzip of anything
        return gzip.compress(draw(st.binary(max_size=400)))
    if kind == 2:  # lines of garbage
        return gzip.compress(b"\n".join(draw(st.lists(any_line, max_size=5))) + b"\n")
    if kind == 3:  # signed by the right key, pages of garbage
        return _signed(draw(st.lists(any_line, min_size=1, max_size=3)))
    data = bytearray(GOOD if kind == 4 else gzip.decompress(GOOD))
    at = draw(st.integers(0, len(data) - 1))
    if draw(st.booleans()):
        del data[at:]  # cut short
    else:
        data[at] ^= draw(st.integers(1, 255))  # a byte changed
    return bytes(data) if kind == 4 else gzip.compress(bytes(data))


@FUZZ
@given(data=files())
def test_any_file_raises_only_roster_file_errors(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), data)
        with contextlib.suppress(RosterFileError):
            verified = verify_roster_file(path, signing_key=PUBLIC, ward=WARD)
            for _ in verified.pages():
                pass
