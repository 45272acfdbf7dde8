"""Plates, chassis and engine numbers: every example of formats reference §3 and §5, and properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.errors import DomainError
from kiosk.domain.plates import (
    PLATE_PROVINCES,
    VEHICLE_KINDS,
    InvalidPlate,
    Plate,
    check_chassis_number,
    check_engine_number,
    parse_plate,
)
from tests.strategies.vehicles import plates, vins

# --- reference §3 examples ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("30A-123.45", Plate("30", "A", "12345", "car", "30A-123.45", ())),
        ("29A-1234", Plate("29", "A", "1234", "car", "29A-1234", ())),
        ("29-B1 123.45", Plate("29", "B1", "12345", "motorbike", "29-B1 123.45", ())),
        ("29-AA 123.45", Plate("29", "AA", "12345", "motorbike", "29-AA 123.45", ())),
        ("29-MĐ1 013.53", Plate("29", "MĐ1", "01353", "electric_motorbike", "29-MĐ1 013.53", ())),
        ("29-B1 2345", Plate("29", "B1", "2345", "motorbike", "29-B1 2345", ())),
        ("80-011-NG-01", Plate("80", "NG", "011-01", "other", "80-011-NG-01", ())),
    ],
)
def test_reference_valid_examples(text: str, expected: Plate) -> None:
    assert parse_plate(text) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("30I-123.45", "plate.series"),  # I is no series letter
        ("29-B0 123.45", "plate.series"),  # digit after the letter is 1-9
        ("29-W1 123.45", "plate.series"),  # W is no series letter
        ("03A-123.45", "plate.province"),  # province code below 11
    ],
)
def test_reference_invalid_examples(text: str, code: str) -> None:
    with pytest.raises(InvalidPlate) as caught:
        parse_plate(text)
    assert caught.value.code == code
    assert caught.value.field == "plate"


@pytest.mark.parametrize(
    ("text", "display", "kind"),
    [
        ("30A-123.45", "30A-123.45", "car"),
        ("29A-1234", "29A-1234", "car"),
        ("29-B1 123.45", "29-B1 123.45", "motorbike"),
        ("29-B1 2345", "29-B1 2345", "motorbike"),
        ("29-AA 123.45", "29-AA 123.45", "motorbike"),
        ("29-MĐ1 013.53", "29-MĐ1 013.53", "electric_motorbike"),
        ("51LD-123.45", "51LD-123.45", "other"),
        ("29KT-1234", "29KT-1234", "other"),
        ("29DA12345", "29DA-123.45", "other"),
        ("29MK-123.45", "29MK-123.45", "other"),
        ("29R-012.34", "29R-012.34", "other"),
        ("29RM-123.45", "29RM-123.45", "other"),
        ("29TĐ-123.45", "29TĐ-123.45", "other"),
        ("29HC-123.45", "29HC-123.45", "other"),
        ("80-011-NG-01", "80-011-NG-01", "other"),
        ("41 123 QT 123", "41-123-QT-123", "other"),
        ("80-011-NN-02", "80-011-NN-02", "other"),
        ("80-011-CV-03", "80-011-CV-03", "other"),
        ("KA-12-34", "KA-12-34", "other"),
        ("tm 1234", "TM-12-34", "other"),
        ("30Q-1234", "30Q-1234", "car"),  # obsolete letters exist on old 4-digit car plates
    ],
)
def test_canonical_displays(text: str, display: str, kind: str) -> None:
    plate = parse_plate(text)
    assert (plate.display, plate.kind) == (display, kind)
    assert parse_plate(plate.display) == plate
    assert parse_plate(plate.display, plate.kind) == plate


@pytest.mark.parametrize(
    "text",
    [
        "30a-123.45",
        "30A12345",
        " 30 A - 123 45 ",
        "30A.123-45",
        "30A 123.45",
        "30a/123/45",
        "30A-123.45\n",
        "30A\t-\t123.45",
    ],
)
def test_any_case_spacing_punctuation(text: str) -> None:
    assert parse_plate(text).display == "30A-123.45"


@pytest.mark.parametrize(
    "text",
    ["29-b1 123.45", "29B1-123.45", "29b112345", "29 B1 12345", "29-B1-123.45", "29B1.12345"],
)
def test_motorbike_spellings(text: str) -> None:
    assert parse_plate(text).display == "29-B1 123.45"


@pytest.mark.parametrize("text", ["29-mđ1 013.53", "29MĐ101353", "29-MÐ1 013.53", "29 mđ1-01353"])
def test_electric_spellings(text: str) -> None:
    """Lower-case đ, and the Icelandic eth (U+00D0) some keyboards type for Đ, both read as Đ."""
    assert parse_plate(text).display == "29-MĐ1 013.53"


# --- ambiguity: punctuation first, then the kind, then the reference's preference ---------------


@pytest.mark.parametrize(
    ("text", "kind", "display", "result_kind"),
    [
        ("30A12345", None, "30A-123.45", "car"),  # no punctuation: the modern car plate
        ("30A12345", "car", "30A-123.45", "car"),
        ("30A12345", "motorbike", "30-A1 2345", "motorbike"),
        ("30A12345", "electric_motorbike", "30-A1 2345", "electric_motorbike"),
        ("30A12345", "other", "30A-123.45", "other"),
        ("30A-123.45", None, "30A-123.45", "car"),  # hyphen after one series letter: a car
        ("30A-12345", "car", "30A-123.45", "car"),
        ("30-A12345", None, "30-A1 2345", "motorbike"),  # hyphen after the province: a motorbike
        ("30A1-2345", None, "30-A1 2345", "motorbike"),
        ("30-A1 2345", "other", "30-A1 2345", "other"),
        ("30 A-123.45", None, "30A-123.45", "car"),  # punctuation fitting no layout is ignored
        ("30 A-123.45", "motorbike", "30-A1 2345", "motorbike"),
        ("30A-123.456", None, "30-A1 234.56", "motorbike"),  # only one layout has these chars
        ("30A-12.34", None, "30A-1234", "car"),
        ("29LD12345", None, "29LD-123.45", "other"),  # a special series
        ("29LD12345", "car", "29LD-123.45", "car"),
        ("29LD12345", "motorbike", "29-LD 123.45", "motorbike"),  # two-letter motorbike series
        ("29LD-123.45", None, "29LD-123.45", "other"),
        ("29LD-123.45", "motorbike", "29-LD 123.45", "motorbike"),
        ("29-LD 123.45", None, "29-LD 123.45", "motorbike"),
        ("29-LD 123.45", "other", "29-LD 123.45", "other"),
        ("29R12345", None, "29R-123.45", "other"),  # R is the trailer series, not a car letter
        ("29-B1 123.45", "electric_motorbike", "29-B1 123.45", "electric_motorbike"),
        ("29-MĐ1 013.53", "other", "29-MĐ1 013.53", "other"),
        ("80-011-NG-01", "car", "80-011-NG-01", "car"),
        ("KA-12-34", "motorbike", "KA-12-34", "motorbike"),
    ],
)
def test_ambiguity(text: str, kind: str | None, display: str, result_kind: str) -> None:
    plate = parse_plate(text, kind)
    assert (plate.display, plate.kind) == (display, result_kind)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("30A-123.45", "motorbike"),  # punctuation says car
        ("30A-123.45", "electric_motorbike"),
        ("29A-1234", "motorbike"),
        ("29-B1 123.45", "car"),
        ("29-B1 2345", "car"),  # punctuation says motorbike
        ("29-AA 123.45", "car"),
        ("29B112345", "car"),
        ("29-MĐ1 013.53", "motorbike"),  # an MĐ plate is an electric motorbike's
        ("29-MĐ1 013.53", "car"),
        ("29R-123.45", "motorbike"),
        ("29RM-1234", "electric_motorbike"),
        ("30A-123.45", "truck"),  # not a vehicle kind at all
    ],
)
def test_kind_mismatch(text: str, kind: str) -> None:
    with pytest.raises(InvalidPlate) as caught:
        parse_plate(text, kind)
    assert (caught.value.code, caught.value.field) == ("plate.kind_mismatch", "kind")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "plate.format"),
        ("   -. ", "plate.format"),
        ("ABC", "plate.format"),
        ("30A-1234.567", "plate.format"),
        ("30AB-12.34", "plate.format"),
        ("3A-123.45", "plate.format"),
        ("30-ABC 123.45", "plate.format"),
        ("80-011-XX-01", "plate.format"),
        ("KA-12-345", "plate.format"),
        ("x" * 65, "plate.format"),
        ("00A-123.45", "plate.province"),
        ("10-B1 123.45", "plate.province"),
        ("09-011-NG-01", "plate.province"),
        ("30Đ-123.45", "plate.series"),
        ("29-I1 2345", "plate.series"),
        ("29-OA 123.45", "plate.series"),
        ("29-MĐ0 013.53", "plate.series"),
        ("ZA-12-34", "plate.series"),  # not a military unit category
        ("KĐ-12-34", "plate.series"),
        ("30A-000.00", "plate.number"),
        ("29-B1 000.00", "plate.number"),
        ("80-011-NG-00", "plate.number"),
        ("KA-00-00", "plate.number"),
    ],
)
def test_errors(text: str, code: str) -> None:
    with pytest.raises(InvalidPlate) as caught:
        parse_plate(text)
    assert caught.value.code == code


def test_not_a_string_is_a_format_error() -> None:
    with pytest.raises(InvalidPlate) as caught:
        parse_plate(12345)  # type: ignore[arg-type]
    assert caught.value.code == "plate.format"


def test_error_never_contains_the_input() -> None:
    for text in ("30I-987.65", "03A-987.65", "30A-987.65", "29-W1 987.65", "987654321ABCDEF"):
        for kind in (None, "motorbike"):
            try:
                parse_plate(text, kind)
            except InvalidPlate as error:
                assert "987" not in str(error)
                assert "987" not in (error.detail or "")


# --- province table -----------------------------------------------------------------------------


def test_province_table() -> None:
    assert all(code.isdigit() and 11 <= int(code) <= 99 for code in PLATE_PROVINCES)
    hanoi = {code for code, name in PLATE_PROVINCES.items() if name == "Hà Nội"}
    assert hanoi == {"29", "30", "31", "32", "33", "40"}
    hcmc = {code for code, name in PLATE_PROVINCES.items() if name == "TP Hồ Chí Minh"}
    assert hcmc == {"41", *(str(n) for n in range(50, 60))}
    assert PLATE_PROVINCES["15"] == PLATE_PROVINCES["16"] == "Hải Phòng"
    assert PLATE_PROVINCES["39"] == PLATE_PROVINCES["60"] == "Đồng Nai"
    assert PLATE_PROVINCES["80"] == "Cơ quan trung ương"
    unlisted = {str(n) for n in range(11, 100)} - set(PLATE_PROVINCES)
    assert unlisted == {"13", "42", "44", "45", "46", "87", "91", "96"}


@pytest.mark.parametrize("code", ["13", "42", "44", "45", "46", "87", "91", "96"])
def test_unlisted_province_is_only_a_warning(code: str) -> None:
    plate = parse_plate(f"{code}A-123.45")
    assert plate.province_code == code
    assert plate.warnings == ("plate.province_unlisted",)


def test_military_plates_have_no_province() -> None:
    plate = parse_plate("QA-56-78")
    assert (plate.province_code, plate.series, plate.number, plate.warnings) == (
        "",
        "QA",
        "5678",
        (),
    )


def test_vehicle_kinds() -> None:
    assert VEHICLE_KINDS == ("car", "motorbike", "electric_motorbike", "other")


# --- properties ---------------------------------------------------------------------------------

_SEPARATORS = st.sampled_from([" ", "-", ".", "  ", "_", "/", "\t"])


@given(plates())
def test_display_round_trips(pair: tuple[str, str]) -> None:
    display, kind = pair
    plate = parse_plate(display)
    assert (plate.display, plate.kind, plate.warnings) == (display, kind, ())
    assert parse_plate(display, kind) == plate


@given(st.sampled_from(VEHICLE_KINDS).flatmap(plates))
def test_display_round_trips_with_kind(pair: tuple[str, str]) -> None:
    display, kind = pair
    plate = parse_plate(display, kind)
    assert (plate.display, plate.kind) == (display, kind)


@given(plates(), st.data())
def test_spellings_round_trip(pair: tuple[str, str], data: st.DataObject) -> None:
    """Lower case, other separators, extra spaces: same plate; without punctuation, with the kind."""
    display, kind = pair
    separator = data.draw(_SEPARATORS)
    respelled = "".join(separator if c in " -." else c for c in display)
    padded = data.draw(st.sampled_from(["", " ", "  \t"]))
    assert parse_plate(padded + respelled.lower() + padded).display == display
    assert parse_plate(display.replace(" ", "   ")).display == display
    bare = "".join(c for c in display if c not in " -.")
    assert parse_plate(bare, kind).display == display
    assert parse_plate(bare.lower(), kind).display == display


_PLATE_CHARS = "0123456789ABDHKLMNGQRTVWĐđ -.ab"


@settings(max_examples=300)
@given(
    st.one_of(
        st.text(),
        st.text(alphabet=_PLATE_CHARS, max_size=16),
        st.text(st.characters(codec="ascii"), max_size=20),
        st.binary().map(lambda b: b.decode("utf-8", "replace")),
        st.binary().map(lambda b: b.decode("latin-1")),
    ),
    st.sampled_from([None, *VEHICLE_KINDS]),
)
def test_no_input_raises_anything_but_invalid_plate(text: str, kind: str | None) -> None:
    try:
        plate = parse_plate(text, kind)
    except InvalidPlate as error:
        assert error.code.startswith("plate.")
    else:
        assert parse_plate(plate.display, plate.kind) == plate


@pytest.mark.parametrize("filler", ["x", "1", "\x00", "Đ", "30A-123.45"])
def test_megabyte_strings(filler: str) -> None:
    text = filler * (1_000_000 // len(filler))
    with pytest.raises(InvalidPlate):
        parse_plate(text)
    with pytest.raises(DomainError):
        check_chassis_number(text, "car")
    with pytest.raises(DomainError):
        check_engine_number(text)


# --- chassis and engine numbers (reference §5) --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "value", "warnings"),
    [
        ("1HGCM82633A004352", "car", "1HGCM82633A004352", ()),
        (" 1hgcm 82633 a004352 ", "car", "1HGCM82633A004352", ()),
        ("1HGCM82633A00435", "car", "1HGCM82633A00435", ("vehicle.vin_unusual",)),  # 16 chars
        ("1HGCM82633AO04352", "car", "1HGCM82633AO04352", ("vehicle.vin_unusual",)),  # O
        ("RLHJC5210-AY123456", "car", "RLHJC5210-AY123456", ("vehicle.vin_unusual",)),
        ("RLHJC5210AY123456", "motorbike", "RLHJC5210AY123456", ()),
        ("RLHJC52.10AY", "motorbike", "RLHJC52.10AY", ()),
        ("ABCDE", "electric_motorbike", "ABCDE", ()),
        ("A" * 20, "other", "A" * 20, ()),
    ],
)
def test_chassis_numbers(text: str, kind: str, value: str, warnings: tuple[str, ...]) -> None:
    assert check_chassis_number(text, kind) == (value, warnings)


@pytest.mark.parametrize("text", ["", "ABCD", "A" * 21, "ABC#12345", "ABCDÉ12345", "AB_CD1234"])
def test_chassis_number_errors(text: str) -> None:
    with pytest.raises(DomainError) as caught:
        check_chassis_number(text, "motorbike")
    assert (caught.value.code, caught.value.field) == ("vehicle.chassis_number", "chassis_number")
    assert not text or text not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "value"), [("jc52e-1234567", "JC52E-1234567"), ("1NZ 1234567", "1NZ1234567")]
)
def test_engine_numbers(text: str, value: str) -> None:
    assert check_engine_number(text) == value


@pytest.mark.parametrize("text", ["", "1234", "E" * 21, "ENG!12345", None])
def test_engine_number_errors(text: str | None) -> None:
    with pytest.raises(DomainError) as caught:
        check_engine_number(text)  # type: ignore[arg-type]
    assert (caught.value.code, caught.value.field) == ("vehicle.engine_number", "engine_number")


@given(vins())
def test_vins_never_warn(vin: str) -> None:
    assert check_chassis_number(vin, "car") == (vin, ())


@given(st.one_of(st.text(max_size=40), st.binary().map(lambda b: b.decode("utf-8", "replace"))))
def test_chassis_and_engine_raise_only_domain_errors(text: str) -> None:
    for call in (lambda: check_chassis_number(text, "car"), lambda: check_engine_number(text)):
        try:
            call()
        except DomainError as error:
            assert error.code.startswith("vehicle.")
