"""Canonical bytes, hash and reference codes of the submission payload (kiosk.domain.payload)."""

from __future__ import annotations

import json
import random
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.payload import (
    REFERENCE_ALPHABET,
    REFERENCE_PATTERN,
    SCHEMA_VERSION,
    canonical_bytes,
    is_reference,
    new_reference,
    payload_sha256,
)

# A fixed vector: keys out of order at two levels, Vietnamese text, every JSON type but float.
VECTOR = {
    "d": {},
    "c": [True, None, {"z": -2, "y": "\u0110"}],
    "b": 1,
    "a": "Nguy\u1ec5n V\u0103n An",
}
VECTOR_BYTES = (
    b'{"a":"Nguy\xe1\xbb\x85n V\xc4\x83n An","b":1,"c":[true,null,{"y":"\xc4\x90","z":-2}],"d":{}}'
)
VECTOR_SHA256 = "a57c04b6b09deab74c250c3932c2fdfe923da51d262a2f36cfdcc52978142df0"

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=10,
)


def test_schema_version_is_one() -> None:
    assert SCHEMA_VERSION == 1


def test_canonical_bytes_of_the_fixed_vector() -> None:
    assert canonical_bytes(VECTOR) == VECTOR_BYTES
    assert payload_sha256(VECTOR) == VECTOR_SHA256


def test_canonical_bytes_sort_keys_drop_spaces_and_keep_text_unescaped() -> None:
    data = canonical_bytes({"b": [1, 2], "a": {"y": "Hòa", "x": None}})
    assert data == '{"a":{"x":null,"y":"Hòa"},"b":[1,2]}'.encode()
    assert b" " not in data and b"\\u" not in data


def test_canonical_bytes_follow_the_design_formula_exactly() -> None:
    payload = {"z": "Đặng Thị Hoà", "a": [True, {"k": 1}]}
    formula = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert canonical_bytes(payload) == formula.encode("utf-8")


@given(st.dictionaries(st.text(max_size=8), json_values, max_size=4))
def test_canonical_bytes_round_trip_and_ignore_key_order(payload: dict[str, object]) -> None:
    data = canonical_bytes(payload)
    assert json.loads(data) == payload
    reordered = dict(reversed(list(payload.items())))
    assert canonical_bytes(reordered) == data
    assert payload_sha256(reordered) == payload_sha256(payload)


def test_sha256_is_lower_case_hex() -> None:
    digest = payload_sha256({"schema": 1})
    assert len(digest) == 64
    assert set(digest) <= set("0123456789abcdef")


def test_text_that_utf8_cannot_hold_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        canonical_bytes({"note": "\ud800"})


# --- reference codes ------------------------------------------------------------------------------


def test_alphabet_is_crockford_base32() -> None:
    assert len(REFERENCE_ALPHABET) == len(set(REFERENCE_ALPHABET)) == 32
    assert set(REFERENCE_ALPHABET) == set(string.digits + string.ascii_uppercase) - set("ILOU")


def test_pattern_is_the_design_pattern_and_agrees_with_the_alphabet() -> None:
    assert REFERENCE_PATTERN.pattern == "^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$"
    for char in map(chr, range(0x20, 0x7F)):
        assert is_reference(f"{char}AAA-AAAA") == (char in REFERENCE_ALPHABET), char


@pytest.mark.parametrize("text", ["K7QM-4M2X", "0000-ZZZZ", "ABCD-EFGH", "9Y8X-7W6V"])
def test_good_references(text: str) -> None:
    assert is_reference(text)


@pytest.mark.parametrize(
    "text",
    [
        "k7qm-4m2x",  # lower case
        "K7QM4M2X",  # no hyphen
        "K7QM-4M2",  # short
        "K7QM-4M2XX",  # long
        "K7QI-4M2X",  # I
        "K7QL-4M2X",  # L
        "K7QO-4M2X",  # O
        "K7QU-4M2X",  # U
        "K7QM-4M2X\n",  # Python's $ would accept this one
        " K7QM-4M2X",
        "K7QM_4M2X",
        "K7QM-4M2Ｘ",  # full-width X
        "",
    ],
)
def test_bad_references(text: str) -> None:
    assert not is_reference(text)


@pytest.mark.parametrize("value", [None, 12345678, b"K7QM-4M2X", ["K7QM-4M2X"]])
def test_a_non_string_is_no_reference(value: object) -> None:
    assert not is_reference(value)


def test_new_references_are_valid_and_unique() -> None:
    codes = [new_reference() for _ in range(2000)]
    assert all(is_reference(code) for code in codes)
    assert len(set(codes)) == len(codes)


def test_new_reference_is_deterministic_with_a_seeded_rng() -> None:
    first = [new_reference(random.Random(7)) for _ in range(3)]
    assert len(set(first)) == 1 and is_reference(first[0])
    rng_a, rng_b = random.Random(42), random.Random(42)
    assert [new_reference(rng_a) for _ in range(50)] == [new_reference(rng_b) for _ in range(50)]
    assert new_reference(random.Random(1)) != new_reference(random.Random(2))


@given(st.randoms(use_true_random=False))
def test_new_reference_with_any_rng_is_valid(rng: random.Random) -> None:
    assert is_reference(new_reference(rng))
