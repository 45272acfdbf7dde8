"""Vietnamese text: normal form, search key (formats reference §7), mojibake repair."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.errors import DomainError
from kiosk.domain.text import (
    check_no_control_characters,
    has_control_character,
    normalize,
    repair_mojibake,
    search_key,
)
from tests.strategies.identity import ADDRESSES, persons

# Every code point, surrogates and controls included: what a broken scanner or IME can send.
any_text = st.text(alphabet=st.characters(exclude_categories=()))


def nfd(text: str) -> str:
    """The decomposed form some input methods send."""
    return unicodedata.normalize("NFD", text)


def as_cp1252(data: bytes) -> str:
    """Decode as Windows does: cp1252, with its five undefined bytes passed through as C1 controls."""
    return "".join(
        bytes([b]).decode("cp1252") if b not in b"\x81\x8d\x8f\x90\x9d" else chr(b) for b in data
    )


# --- normalize ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Nguyễn Văn An", "Nguyễn Văn An"),
        (nfd("Nguyễn Văn An"), "Nguyễn Văn An"),
        ("  Trần \t Thị\n\nBình  ", "Trần Thị Bình"),
        ("Lê\u00a0Văn\u3000Cường", "Lê Văn Cường"),
        ("", ""),
        (" \t\r\n", ""),
    ],
)
def test_normalize_examples(raw: str, expected: str) -> None:
    assert normalize(raw) == expected
    assert unicodedata.is_normalized("NFC", normalize(raw))


@given(any_text)
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert once == once.strip()
    assert "  " not in once


# --- search_key ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "variants",
    [
        ("Đặng Thị Hoà", "ĐẶNG THỊ HÒA", "Đặng Thị Hòa", "  dang   THI hoa ", "dang thi hoa"),
        ("thủy", "thuỷ", "THỦY", "THUỶ", "thuy"),
        ("hòa", "hoà", "HOÀ", "hoa"),
        ("Nguyễn Văn An", nfd("Nguyễn Văn An"), nfd("NGUYỄN VĂN AN"), "nguyen van an"),
        ("Đỗ Đức Đạt", "đỗ đức đạt", "ÐỖ ÐỨC ÐẠT", "do duc dat"),  # Ð: the eth that looks like Đ
        ("Phường Tây Hồ, Hà Nội", "phuong tay ho, ha noi"),
    ],
)
def test_search_key_folds_variants_together(variants: tuple[str, ...]) -> None:
    keys = {search_key(v) for v in variants}
    assert len(keys) == 1
    assert keys.pop() == variants[-1]


def test_search_key_of_empty_and_blank_text() -> None:
    assert search_key("") == ""
    assert search_key(" \t\n ") == ""


def test_search_key_keeps_different_names_apart() -> None:
    assert search_key("Lê Văn An") != search_key("Lê Văn Anh")
    assert search_key("Nguyễn Thị Hương") != search_key("Nguyễn Thị Hướng Dương")


def test_search_key_handles_long_text() -> None:
    text = "Đặng Thị Hoà " * 20_000
    assert search_key(text) == ("dang thi hoa " * 20_000).strip()


@given(any_text)
def test_search_key_is_idempotent_and_total(text: str) -> None:
    key = search_key(text)
    assert search_key(key) == key
    assert not any(unicodedata.category(ch) == "Mn" for ch in key)
    assert "đ" not in key


@given(any_text)
def test_search_key_ignores_normal_form_and_spacing(text: str) -> None:
    assert search_key(normalize(text)) == search_key(text)
    assert search_key(nfd(text)) == search_key(text)


@given(persons())
def test_search_key_folds_generated_names(person: dict[str, object]) -> None:
    name = str(person["full_name"])
    key = search_key(name)
    assert key == search_key(name.upper()) == search_key(nfd(name))
    assert key.isascii()


# --- repair_mojibake ----------------------------------------------------------------------------


def test_repair_mojibake_reference_example() -> None:
    # The form seen in the wild (formats §1): cp1252 shows byte 0x85 as "…".
    assert repair_mojibake("Nguyá»…n") == ("Nguyễn", True)
    # The same bytes decoded as latin-1 give a C1 control instead.
    assert repair_mojibake("Nguyễn".encode().decode("latin-1")) == ("Nguyễn", True)


@pytest.mark.parametrize(
    "text",
    [
        "Nguyễn Văn An",
        "NGUYỄN VĂN AN",
        "Trần Thị Bình",
        "Lê Văn Cường",
        "Đặng Thị Hoà",
        "Ngữ",
        *ADDRESSES,
    ],
)
def test_repair_mojibake_both_decodings(text: str) -> None:
    data = text.encode("utf-8")
    assert repair_mojibake(data.decode("latin-1")) == (text, True)
    assert repair_mojibake(as_cp1252(data)) == (text, True)


@pytest.mark.parametrize(
    "text",
    ["", "plain ascii 123", "Nguyễn Văn An", "Hà Nội", "Tô Hà", "café", "à", "Ê Đê", "H’Hen Niê"],
)
def test_repair_mojibake_leaves_good_text_alone(text: str) -> None:
    assert repair_mojibake(text) == (text, False)


def test_repair_mojibake_undoes_double_mangling() -> None:
    once = "Nguyễn".encode().decode("latin-1")
    twice = once.encode().decode("latin-1")
    assert repair_mojibake(twice) == ("Nguyễn", True)


@given(persons(), st.sampled_from(ADDRESSES), st.booleans())
def test_repair_mojibake_round_trips_generated_text(
    person: dict[str, object], address: str, windows: bool
) -> None:
    text = f"{person['full_name']}|{address}"
    assert repair_mojibake(text) == (text, False)
    data = text.encode("utf-8")
    mangled = as_cp1252(data) if windows else data.decode("latin-1")
    assert repair_mojibake(mangled) == (text, True)


@given(any_text)
def test_repair_mojibake_never_raises(text: str) -> None:
    repaired, changed = repair_mojibake(text)
    assert isinstance(repaired, str)
    assert changed == (repaired != text)


@given(st.binary())
def test_repair_mojibake_on_decoded_random_bytes(data: bytes) -> None:
    repaired, changed = repair_mojibake(data.decode("latin-1"))
    if not changed:
        assert repaired == data.decode("latin-1")


@pytest.mark.parametrize("text", ["a\x00b", "\t", "line\n", "\x1f", "\x7f", "a\x85", "\x9f"])
def test_control_characters_are_refused(text: str) -> None:
    assert has_control_character(text)
    with pytest.raises(DomainError) as caught:
        check_no_control_characters(text, "full_name")
    assert caught.value.code == "text.control_character"
    assert text not in str(caught.value)


@pytest.mark.parametrize(
    "text", ["", "Nguyễn Văn An", "Số 1, ngõ 2 — Hà Nội", "a\u00a0b", "\u2028"]
)
def test_text_without_control_characters_passes(text: str) -> None:
    assert not has_control_character(text)
    assert check_no_control_characters(text) == text
