"""The chip ID card QR payload (formats reference §1): examples, scanner damage, lookalikes, fuzz."""

from __future__ import annotations

import dataclasses
import time
import unicodedata
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.identity import IdCard, InvalidCard, parse_card_qr
from tests.strategies.identity import card_cases, card_payloads

TODAY = date(2026, 11, 22)
CARD_1 = (
    "001090012345|012345678|NGUYỄN VĂN AN|15031990|Nam"
    "|Số 1 ngõ 2 phố Huế, Phường Hai Bà Trưng, Hà Nội|10072021"
)
CARD_2 = "001305012345||Trần Thị Bình|02022005|Nữ|Phường Tây Hồ, Hà Nội|20082024||||"
CARD_3 = "036095001234||Lê Văn Cường|01011995|Nam|Xã Đông Anh, Hà Nội|05052022"
EXPECTED_1 = IdCard(
    id_number="001090012345",
    old_id_number="012345678",
    full_name="NGUYỄN VĂN AN",
    birth_date=date(1990, 3, 15),
    sex="male",
    address="Số 1 ngõ 2 phố Huế, Phường Hai Bà Trưng, Hà Nội",
    issue_date=date(2021, 7, 10),
    extra=(),
    warnings=(),
)
EXPECTED_2 = IdCard(
    id_number="001305012345",
    old_id_number=None,
    full_name="Trần Thị Bình",
    birth_date=date(2005, 2, 2),
    sex="female",
    address="Phường Tây Hồ, Hà Nội",
    issue_date=date(2024, 8, 20),
    extra=("", "", "", ""),
    warnings=(),
)
EXPECTED_3 = IdCard(
    id_number="036095001234",
    old_id_number=None,
    full_name="Lê Văn Cường",
    birth_date=date(1995, 1, 1),
    sex="male",
    address="Xã Đông Anh, Hà Nội",
    issue_date=date(2022, 5, 5),
    extra=(),
    warnings=(),
)
EXAMPLES = [(CARD_1, EXPECTED_1), (CARD_2, EXPECTED_2), (CARD_3, EXPECTED_3)]


def with_field(payload: str, index: int, value: str) -> str:
    """``payload`` with field ``index`` replaced."""
    fields = payload.split("|")
    fields[index] = value
    return "|".join(fields)


def as_cp1252(data: bytes) -> str:
    """Decode as Windows does: cp1252, with its five undefined bytes passed through as C1 controls."""
    return "".join(
        bytes([b]).decode("cp1252") if b not in b"\x81\x8d\x8f\x90\x9d" else chr(b) for b in data
    )


# --- the reference examples -----------------------------------------------------------------------


@pytest.mark.parametrize(("payload", "expected"), EXAMPLES)
def test_reference_examples(payload: str, expected: IdCard) -> None:
    assert parse_card_qr(payload, today=TODAY) == expected


@pytest.mark.parametrize(("payload", "expected"), EXAMPLES)
@pytest.mark.parametrize("suffix", ["\r\n", "\n", "\r", "\0", "\r\n\0", "\0\0\0", "  \r\n"])
def test_trailing_scanner_bytes_are_stripped(payload: str, expected: IdCard, suffix: str) -> None:
    assert parse_card_qr(payload + suffix, today=TODAY) == expected
    assert parse_card_qr("\ufeff " + payload + suffix, today=TODAY) == expected


@pytest.mark.parametrize(("payload", "expected"), EXAMPLES)
def test_mojibake_is_repaired_with_a_warning(payload: str, expected: IdCard) -> None:
    repaired = dataclasses.replace(expected, warnings=("card.encoding_repaired",))
    latin1 = payload.encode("utf-8").decode("latin-1")
    assert latin1 != payload
    assert parse_card_qr(latin1 + "\r\n", today=TODAY) == repaired
    assert parse_card_qr(as_cp1252(payload.encode("utf-8")), today=TODAY) == repaired


@pytest.mark.parametrize(("payload", "expected"), EXAMPLES)
def test_decomposed_text_is_composed(payload: str, expected: IdCard) -> None:
    assert parse_card_qr(unicodedata.normalize("NFD", payload), today=TODAY) == expected


@pytest.mark.parametrize(("token", "sex"), [("Nam", "male"), ("NAM", "male"), ("nam", "male")])
def test_sex_tokens_male(token: str, sex: str) -> None:
    assert parse_card_qr(with_field(CARD_1, 4, token), today=TODAY).sex == sex


@pytest.mark.parametrize("token", ["Nữ", "NỮ", "nữ", unicodedata.normalize("NFD", "NỮ")])
def test_sex_tokens_female(token: str) -> None:
    assert parse_card_qr(with_field(CARD_2, 4, token), today=TODAY).sex == "female"


def test_old_id_number_of_twelve_digits() -> None:
    card = parse_card_qr(with_field(CARD_3, 1, "036095001234"), today=TODAY)
    assert card.old_id_number == "036095001234"


def test_non_empty_extra_fields_are_kept_raw_with_a_warning() -> None:
    payload = CARD_2[: -len("||||")] + "| x ||Y|"
    card = parse_card_qr(payload, today=TODAY)
    assert card.extra == (" x ", "", "Y", "")
    assert card.warnings == ("card.extra_fields",)
    mangled = parse_card_qr(payload.encode().decode("latin-1"), today=TODAY)
    assert mangled.warnings == ("card.encoding_repaired", "card.extra_fields")


def test_province_is_never_compared_with_the_address() -> None:
    # Born in Cà Mau (096), living in Hà Nội.
    card = parse_card_qr(with_field(CARD_3, 0, "096095001234"), today=TODAY)
    assert card.address.endswith("Hà Nội")


def test_issue_on_the_birth_day_and_today_is_allowed() -> None:
    payload = with_field(with_field(CARD_2, 3, "22112026"), 6, "22112026")
    payload = with_field(payload, 0, "001326012345")
    card = parse_card_qr(payload, today=TODAY)
    assert card.birth_date == card.issue_date == TODAY


# --- invalid payloads -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("payload", "code", "field"),
    [
        # formats §1: 6 fields; an 11-digit field 0; 29 Feb 2001; sex against the ID's sex digit
        (CARD_1.rsplit("|", 1)[0], "card.field_count", "payload"),
        (with_field(CARD_1, 0, "00109001234"), "card.not_a_card", "payload"),
        (with_field(CARD_1, 3, "29022001"), "card.birth_date", "birth_date"),
        (with_field(CARD_1, 4, "Nữ"), "id_number.sex_mismatch", "sex"),
        # formats §2: no province 003; a 1991 birth date on a 1990 ID
        (with_field(CARD_1, 0, "003090012345"), "id_number.province", "id_number"),
        (with_field(CARD_1, 3, "15031991"), "id_number.birth_year_mismatch", "birth_date"),
        # field counts
        (CARD_1 + "|", "card.field_count", "payload"),
        (CARD_2 + "|", "card.field_count", "payload"),
        (CARD_2[:-1], "card.field_count", "payload"),
        ("001090012345|", "card.field_count", "payload"),
        # the ID number
        (with_field(CARD_1, 0, "001490012345"), "id_number.birth_year_future", "id_number"),
        (with_field(CARD_1, 0, "００１０９００１２３４５"), "card.not_a_card", "payload"),
        (with_field(CARD_1, 1, "0123456789"), "old_id_number.format", "old_id_number"),
        (with_field(CARD_1, 1, "ABC"), "old_id_number.format", "old_id_number"),
        # the name
        (with_field(CARD_1, 2, ""), "card.full_name", "full_name"),
        (with_field(CARD_1, 2, "NGUYEN VAN AN 2"), "card.full_name", "full_name"),
        (with_field(CARD_1, 2, "A" * 101), "card.full_name", "full_name"),
        # dates
        (with_field(CARD_1, 3, "15/03/1990"), "card.birth_date", "birth_date"),
        (with_field(CARD_1, 3, "1990-03-15"), "card.birth_date", "birth_date"),
        (with_field(CARD_1, 3, "19900315"), "card.birth_date", "birth_date"),
        (with_field(CARD_1, 3, "00001990"), "card.birth_date", "birth_date"),
        (with_field(CARD_1, 3, ""), "card.birth_date", "birth_date"),
        (with_field(CARD_1, 6, "32072021"), "card.issue_date", "issue_date"),
        (with_field(CARD_1, 6, "10/07/2021"), "card.issue_date", "issue_date"),
        (with_field(CARD_1, 6, "10072027"), "date.future", "issue_date"),
        (with_field(CARD_1, 6, "14031990"), "card.issue_before_birth", "issue_date"),
        # sex and address
        (with_field(CARD_1, 4, "Male"), "card.sex", "sex"),
        (with_field(CARD_1, 4, "Nu"), "card.sex", "sex"),
        (with_field(CARD_1, 4, ""), "card.sex", "sex"),
        (with_field(CARD_1, 5, ""), "card.address", "address"),
        (with_field(CARD_1, 5, " \t "), "card.address", "address"),
        (with_field(CARD_1, 5, "Số 1\x00 phố Huế"), "card.address", "address"),
    ],
)
def test_invalid_payloads(payload: str, code: str, field: str) -> None:
    with pytest.raises(InvalidCard) as caught:
        parse_card_qr(payload, today=TODAY)
    assert (caught.value.code, caught.value.field) == (code, field)


def test_birth_date_after_today_in_the_id_year() -> None:
    payload = with_field(with_field(CARD_2, 0, "001326012345"), 3, "23112026")
    with pytest.raises(InvalidCard) as caught:
        parse_card_qr(payload, today=TODAY)
    assert (caught.value.code, caught.value.field) == ("date.future", "birth_date")


@pytest.mark.parametrize("payload", ["", " ", "\r\n", "\0", "\r\n\0", "\0 \0", "\ufeff"])
def test_empty_payloads(payload: str) -> None:
    with pytest.raises(InvalidCard, match=r"card\.empty"):
        parse_card_qr(payload)


@pytest.mark.parametrize(
    "payload",
    [
        "001090012345",  # an ID number alone, typed or from another barcode
        "https://ihanoi.hanoi.gov.vn/app",
        "https://example.vn/?a=1|b=2|c=3|d=4|e=5|f=6",
        # health-insurance card: `|`-separated too, with a letter-prefixed card number
        "GD4797922123456|Nguyễn Văn An|15/03/1990|1|Hà Nội|01/01/2025|31/12/2025|01-123|4",
        "HS4010120123456|TRẦN THỊ BÌNH|02/02/2005|2|Phường Tây Hồ, Hà Nội|01/01/2024|-",
        "hello world",
        '{"id": "001090012345"}',
        "WIFI:S:cafe;T:WPA;P:12345678;;",
        "8934588063053",  # an EAN-13 product barcode
        "|" * 6,
        " 1234567890123|a|b|c|d|e|f",
        "001090012345 012345678 NGUYỄN VĂN AN 15031990 Nam Hà Nội 10072021",
        CARD_1.replace("|", ";"),
        CARD_1.replace("|", "\t"),
    ],
)
def test_lookalikes_are_not_cards(payload: str) -> None:
    with pytest.raises(InvalidCard) as caught:
        parse_card_qr(payload)
    assert (caught.value.code, caught.value.field) == ("card.not_a_card", "payload")


@pytest.mark.parametrize("size", [2001, 100_000, 10_000_000])
def test_huge_payloads_are_refused_at_once(size: int) -> None:
    payload = (CARD_1 + "|") * (size // len(CARD_1) + 1)
    started = time.perf_counter()
    with pytest.raises(InvalidCard, match=r"card\.not_a_card"):
        parse_card_qr(payload[:size])
    assert time.perf_counter() - started < 0.5  # generous: the check is a length test


@pytest.mark.parametrize(
    "payload",
    [
        with_field(CARD_1, 2, "NGUYỄN VĂN AN 2"),
        with_field(CARD_1, 4, "Nữ"),
        with_field(CARD_1, 3, "15031991"),
        with_field(CARD_1, 5, ""),
        with_field(CARD_1, 6, "14031990"),
        with_field(CARD_1, 0, "003090012345"),
        CARD_1 + "|",
    ],
)
def test_errors_carry_no_personal_data(payload: str) -> None:
    with pytest.raises(InvalidCard) as caught:
        parse_card_qr(payload, today=TODAY)
    shown = f"{caught.value} {caught.value.args!r} {caught.value.detail}"
    for secret in ["001090012345", "003090012345", "012345678", "NGUYỄN", "Huế", "1503199"]:
        assert secret not in shown
    assert caught.value.__cause__ is None


# --- properties -----------------------------------------------------------------------------------


def as_fields(card: IdCard) -> dict[str, Any]:
    """The card as a plain dict, to compare with what the strategy generated."""
    return dataclasses.asdict(card)


@given(card_cases())
def test_generated_cards_round_trip(case: tuple[dict[str, Any], str]) -> None:
    expected, payload = case
    assert as_fields(parse_card_qr(payload)) == expected


@given(card_cases(), st.sampled_from(["", "\r\n", "\r", "\n", "\0", "\r\n\0"]), st.booleans())
def test_generated_cards_survive_scanner_damage(
    case: tuple[dict[str, Any], str], suffix: str, mangle: bool
) -> None:
    expected, payload = case
    payload = unicodedata.normalize("NFD", payload) + suffix
    if mangle:
        payload = payload.encode("utf-8").decode("latin-1")
        expected = {**expected, "warnings": ("card.encoding_repaired",)}
    assert as_fields(parse_card_qr(payload)) == expected


@pytest.mark.parametrize("fields", [7, 11])
@given(data=st.data())
def test_card_payloads_have_the_asked_field_count(fields: int, data: st.DataObject) -> None:
    payload = data.draw(card_payloads(fields))
    assert payload.count("|") == fields - 1
    assert parse_card_qr(payload).warnings == ()


def test_strategy_refuses_other_field_counts() -> None:
    @given(card_payloads(6))
    def draw(payload: str) -> None:
        raise AssertionError("unreachable")

    with pytest.raises(ValueError, match="fields"):
        draw()


def parse_or_invalid(payload: str) -> None:
    """Parse ``payload``; only ``InvalidCard`` may come out of it."""
    try:
        card = parse_card_qr(payload)
    except InvalidCard as exc:
        assert exc.field is not None
    else:
        assert len(card.id_number) == 12


any_text = st.text(alphabet=st.characters(exclude_categories=()))
control_text = st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp"]))


@given(st.one_of(any_text, control_text))
def test_random_text_raises_only_invalid_card(payload: str) -> None:
    parse_or_invalid(payload)


@given(
    st.binary(max_size=400),
    st.sampled_from(["utf-8", "latin-1", "cp1252", "utf-16-le"]),
    st.sampled_from(["replace", "surrogateescape", "ignore"]),
)
def test_decoded_random_bytes_raise_only_invalid_card(data: bytes, codec: str, errors: str) -> None:
    try:
        text = data.decode(codec, errors=errors)
    except UnicodeDecodeError:  # surrogateescape only works for codecs that can fail
        return
    parse_or_invalid(text)


@settings(deadline=None)
@given(st.text(max_size=8), st.integers(1_000, 3_000_000))
def test_megabyte_strings_raise_only_invalid_card(unit: str, size: int) -> None:
    parse_or_invalid((unit or "x") * (size // max(len(unit), 1)))


@given(card_payloads(), st.data())
def test_damaged_cards_raise_only_invalid_card(payload: str, data: st.DataObject) -> None:
    fields = payload.split("|")
    index = data.draw(st.integers(0, len(fields) - 1))
    fields[index] = data.draw(st.one_of(any_text, st.text(alphabet="0123456789/-|", max_size=14)))
    parse_or_invalid("|".join(fields))


@given(card_payloads(), st.data())
def test_cards_with_stray_characters_raise_only_invalid_card(
    payload: str, data: st.DataObject
) -> None:
    at = data.draw(st.integers(0, len(payload)))
    stray = data.draw(
        st.text(alphabet=st.characters(exclude_categories=()), min_size=1, max_size=3)
    )
    parse_or_invalid(payload[:at] + stray + payload[at:])
