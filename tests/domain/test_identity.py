"""The 12-digit ID number (formats reference §2), old CMND numbers, names and payload dates."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.errors import DomainError
from kiosk.domain.identity import (
    PROVINCES,
    IdNumber,
    InvalidIdNumber,
    check_id_matches,
    check_id_prefix,
    check_name,
    choose_name,
    parse_date,
    parse_id_number,
    parse_old_id_number,
)
from tests.strategies.identity import id_numbers, persons

any_text = st.text(alphabet=st.characters(exclude_categories=()))
TODAY = date(2026, 11, 22)


# --- parse_id_number: formats §2 examples ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("001090012345", IdNumber("001090012345", "001", "Hà Nội", "male", 1990)),
        ("001305012345", IdNumber("001305012345", "001", "Hà Nội", "female", 2005)),
        ("079185000001", IdNumber("079185000001", "079", "TP Hồ Chí Minh", "female", 1985)),
        ("036095001234", IdNumber("036095001234", "036", "Nam Định", "male", 1995)),
        (" 001090012345\r\n", IdNumber("001090012345", "001", "Hà Nội", "male", 1990)),
        ("\t096200000000 ", IdNumber("096200000000", "096", "Cà Mau", "male", 2000)),
    ],
)
def test_parse_id_number_valid(text: str, expected: IdNumber) -> None:
    assert parse_id_number(text, today=TODAY) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("003090012345", "id_number.province"),  # formats §2: there is no province 003
        ("000090012345", "id_number.province"),
        ("100090012345", "id_number.province"),
        ("00109001234", "id_number.format"),  # formats §2: 11 digits
        ("0010900123456", "id_number.format"),
        ("", "id_number.format"),
        ("   ", "id_number.format"),
        ("001 090 012345", "id_number.format"),
        ("001-090-012345", "id_number.format"),
        ("00109001234O", "id_number.format"),
        ("００１０９００１２３４５", "id_number.format"),  # full-width digits
        ("٠٠١٠٩٠٠١٢٣٤٥", "id_number.format"),  # Arabic-Indic digits
        ("001090012345|", "id_number.format"),
        ("001090012345\x00", "id_number.format"),
        ("0" * 10_000, "id_number.format"),
        ("001490012345", "id_number.birth_year_future"),  # 2190
        ("001827012345", "id_number.birth_year_future"),  # 2327
        ("001227012345", "id_number.birth_year_future"),  # 2027, after TODAY
    ],
)
def test_parse_id_number_invalid(text: str, code: str) -> None:
    with pytest.raises(InvalidIdNumber) as caught:
        parse_id_number(text, today=TODAY)
    assert caught.value.code == code
    assert caught.value.field == "id_number"


@pytest.mark.parametrize(
    ("digit", "sex", "century"),
    [
        ("0", "male", 1900),
        ("1", "female", 1900),
        ("2", "male", 2000),
        ("3", "female", 2000),
        ("4", "male", 2100),
        ("5", "female", 2100),
        ("6", "male", 2200),
        ("7", "female", 2200),
        ("8", "male", 2300),
        ("9", "female", 2300),
    ],
)
def test_century_and_sex_digit(digit: str, sex: str, century: int) -> None:
    parsed = parse_id_number(f"001{digit}07123456", today=date(2400, 1, 1))
    assert (parsed.sex, parsed.birth_year) == (sex, century + 7)


def test_birth_year_future_is_relative_to_today() -> None:
    assert parse_id_number("001325012345", today=date(2025, 1, 1)).birth_year == 2025
    with pytest.raises(InvalidIdNumber, match="birth_year_future"):
        parse_id_number("001325012345", today=date(2024, 12, 31))
    with pytest.raises(InvalidIdNumber, match="birth_year_future"):
        parse_id_number("001499012345")  # default today: 2199 is always ahead


def test_every_province_code_and_nothing_else() -> None:
    assert len(PROVINCES) == 63
    assert all(unicodedata.is_normalized("NFC", name) for name in PROVINCES.values())
    for number in range(1000):
        code = f"{number:03d}"
        if code in PROVINCES:
            assert parse_id_number(f"{code}090012345").province == PROVINCES[code]
        else:
            with pytest.raises(InvalidIdNumber, match=r"id_number\.province"):
                parse_id_number(f"{code}090012345")


def test_provinces_is_read_only() -> None:
    with pytest.raises(TypeError):
        PROVINCES["003"] = "Nowhere"  # type: ignore[index]


@given(st.data())
def test_generated_id_numbers_parse_to_what_was_asked(data: st.DataObject) -> None:
    province = data.draw(st.sampled_from(sorted(PROVINCES)))
    sex = data.draw(st.sampled_from(["male", "female"]))
    year = data.draw(st.integers(1900, date.today().year))
    parsed = parse_id_number(data.draw(id_numbers(province, sex, year)))
    assert (parsed.province_code, parsed.sex, parsed.birth_year) == (province, sex, year)


@given(any_text)
def test_parse_id_number_raises_only_its_own_error(text: str) -> None:
    try:
        parsed = parse_id_number(text)
    except InvalidIdNumber as exc:
        assert exc.code.startswith("id_number.")
    else:
        assert parsed.value == text.strip()


def test_id_number_errors_carry_no_personal_data() -> None:
    for text in ["003090012345", "00109001234", "001490012345"]:
        with pytest.raises(InvalidIdNumber) as caught:
            parse_id_number(text)
        assert text not in str(caught.value)
        assert text not in repr(caught.value.args)
        assert caught.value.detail is None or text not in caught.value.detail


# --- check_id_matches -----------------------------------------------------------------------------


def test_check_id_matches_agreeing_card() -> None:
    check_id_matches(parse_id_number("001090012345"), date(1990, 3, 15), "male")
    check_id_matches(parse_id_number("001305012345"), date(2005, 2, 2), "female")


@pytest.mark.parametrize(
    ("birth_date", "sex", "code", "field"),
    [
        (date(1991, 3, 15), "male", "id_number.birth_year_mismatch", "birth_date"),  # formats §2
        (date(2090, 3, 15), "male", "id_number.birth_year_mismatch", "birth_date"),
        (date(1990, 3, 15), "female", "id_number.sex_mismatch", "sex"),
        (date(1990, 3, 15), "other", "id_number.sex_mismatch", "sex"),
    ],
)
def test_check_id_matches_disagreeing(birth_date: date, sex: str, code: str, field: str) -> None:
    with pytest.raises(InvalidIdNumber) as caught:
        check_id_matches(parse_id_number("001090012345"), birth_date, sex)
    assert (caught.value.code, caught.value.field) == (code, field)


@given(persons())
def test_generated_persons_are_consistent(person: dict[str, object]) -> None:
    id_number = parse_id_number(str(person["id_number"]))
    birth_date = person["birth_date"]
    assert isinstance(birth_date, date)
    check_id_matches(id_number, birth_date, str(person["sex"]))
    assert check_name(str(person["full_name"])) == person["full_name"]


# --- parse_old_id_number --------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["012345678", "001090012345", " 012345678 "])
def test_parse_old_id_number_valid(text: str) -> None:
    assert parse_old_id_number(text) == text.strip()


@pytest.mark.parametrize(
    "text",
    [
        "",
        "01234567",
        "0123456789",
        "01234567890",
        "0123456789012",
        "01234567a",
        "０１２３４５６７８",
    ],
)
def test_parse_old_id_number_invalid(text: str) -> None:
    with pytest.raises(InvalidIdNumber) as caught:
        parse_old_id_number(text)
    assert (caught.value.code, caught.value.field) == ("old_id_number.format", "old_id_number")


def test_parse_old_id_number_refuses_huge_input_at_once() -> None:
    with pytest.raises(InvalidIdNumber):
        parse_old_id_number(" " * 1_000_000 + "012345678")


# --- check_name -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nguyễn Văn An", "Nguyễn Văn An"),
        ("NGUYỄN VĂN AN", "NGUYỄN VĂN AN"),  # case is kept as on the card
        (unicodedata.normalize("NFD", "Trần Thị Bình"), "Trần Thị Bình"),
        ("  Lê   Văn\tCường ", "Lê Văn Cường"),
        ("H'Hen Niê", "H'Hen Niê"),
        ("H’Hen Niê", "H’Hen Niê"),
        ("Nguyễn-Trần Minh", "Nguyễn-Trần Minh"),
        ("John Smith Jr.", "John Smith Jr."),
        ("李小龍", "李小龍"),
        ("नमस्ते", "नमस्ते"),  # combining vowel signs after letters
        ("A", "A"),
        ("A" * 100, "A" * 100),
    ],
)
def test_check_name_valid(text: str, expected: str) -> None:
    assert check_name(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        ".",
        "- ' .",
        "An2",
        "Nguyễn Văn An 1990",
        "<script>",
        "Nguyễn|Văn",
        "Lê\x00Văn",
        "Lê\u200bVăn",
        "\u0301An",  # a combining mark with no letter to sit on
        "A" * 101,
        "A " * 1000,
        "😀",
    ],
)
def test_check_name_invalid(text: str) -> None:
    with pytest.raises(DomainError) as caught:
        check_name(text)
    assert caught.value.code == "name.format"
    assert caught.value.field == "full_name"


@given(any_text)
def test_check_name_raises_only_domain_errors(text: str) -> None:
    try:
        name = check_name(text)
    except DomainError as exc:
        assert exc.code == "name.format"
    else:
        assert check_name(name) == name
        assert 1 <= len(name) <= 100


# --- parse_date -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2024-02-29", date(2024, 2, 29)), ("1900-01-01", date(1900, 1, 1)), ("0001-01-01", date.min)],
)
def test_parse_date_valid(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2023-02-29",
        "2024-13-01",
        "2024-00-10",
        "0000-01-01",
        "2024-2-9",
        " 2024-02-29",
        "2024-02-29\n",
        "2024-02-29T00:00",
        "29/02/2024",
        "29022024",
        "２０２４-０２-２９",
        "",
    ],
)
def test_parse_date_invalid(text: str) -> None:
    with pytest.raises(DomainError) as caught:
        parse_date(text, "birth_date")
    assert (caught.value.code, caught.value.field) == ("date.format", "birth_date")


def test_parse_date_field_defaults_to_none() -> None:
    with pytest.raises(DomainError) as caught:
        parse_date("2023-02-29")
    assert caught.value.field is None


@given(st.dates())
def test_parse_date_round_trips(value: date) -> None:
    assert parse_date(value.isoformat()) == value


@given(any_text)
def test_parse_date_raises_only_domain_errors(text: str) -> None:
    try:
        parse_date(text)
    except DomainError as exc:
        assert exc.code == "date.format"


@pytest.mark.parametrize(
    ("digits", "code"),
    [
        ("", None),
        ("0", None),
        ("00", None),
        ("001", None),
        ("9", "id_number.province"),
        ("003", "id_number.province"),
        ("0012", None),
        ("0013", None),
        ("0014", "id_number.birth_year_future"),  # the 22nd century
        ("00120", None),
        ("001226", None),
        ("001227", "id_number.birth_year_future"),
        ("001088123456", None),
        ("00108812345a", "id_number.format"),
        ("0010881234567", "id_number.format"),
        ("٠٠١", "id_number.format"),  # Arabic-Indic digits are digits to Python, not to us
    ],
)
def test_an_id_number_is_checked_digit_by_digit(digits: str, code: str | None) -> None:
    assert check_id_prefix(digits, today=date(2026, 12, 5)) == code


def test_every_prefix_of_a_valid_id_number_passes() -> None:
    for value in ("001088123456", "079305000001", "096199999999"):
        for end in range(13):
            assert check_id_prefix(value[:end], today=date(2026, 12, 5)) is None, value[:end]


@pytest.mark.parametrize(
    ("card", "roster", "shown", "warnings"),
    [
        ("Nguyễn Thị Hoà", "Nguyễn Thị Hoà", "Nguyễn Thị Hoà", ()),
        ("Nguyen Thi Hoa", "Nguyễn Thị Hoà", "Nguyễn Thị Hoà", ()),  # the scanner lost the marks
        ("Nguyễn Thị Hòa", "Nguyễn Thị Hoà", "Nguyễn Thị Hoà", ()),  # tone placement
        ("Nguyễn Thị Hoa", "Nguyễn Thị Hoà", "Nguyễn Thị Hoà", ()),
        ("Nguyễn Thị Hồng", "Nguyễn Thị Hoà", "Nguyễn Thị Hồng", ("card.name_differs",)),
        ("Nguyễn Thị Hoà", None, "Nguyễn Thị Hoà", ()),
    ],
)
def test_which_name_the_page_shows(
    card: str, roster: str | None, shown: str, warnings: tuple[str, ...]
) -> None:
    assert choose_name(card, roster) == (shown, warnings)
