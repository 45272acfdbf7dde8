"""Driver's licences: formats reference §4 as tables, the strategies, and robustness properties."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.identity import PROVINCES
from kiosk.domain.licences import (
    CLASSES,
    CONVERSIONS,
    SCHEMES,
    InvalidLicence,
    check_class,
    check_licence,
    expected_expiry,
    parse_licence_number,
    scheme_for,
)
from tests.strategies.vehicles import licences

UNCONFIRMED = ("licence.expiry_unconfirmed",)

# --- schemes and classes --------------------------------------------------------------------------


def test_schemes_and_classes() -> None:
    assert SCHEMES == ("2008", "2024")
    assert set(CLASSES) == set(SCHEMES)
    assert CLASSES["2024"] == {
        *("A1", "A", "B1", "B", "C1", "C", "D1", "D2", "D"),
        *("BE", "C1E", "CE", "D1E", "D2E", "DE"),
    }
    assert CLASSES["2008"] == {
        *("A1", "A2", "A3", "A4", "B1", "B2", "C", "D", "E"),
        *("FB2", "FC", "FD", "FE"),
    }


@pytest.mark.parametrize(
    ("issue", "scheme"),
    [
        (date(2010, 5, 1), "2008"),
        (date(2024, 12, 31), "2008"),
        (date(2025, 1, 1), "2024"),
        (date(2026, 11, 22), "2024"),
        (datetime(2024, 12, 31, 23, 59), "2008"),
        (datetime(2025, 1, 1, 0, 0), "2024"),
    ],
)
def test_scheme_for(issue: date, scheme: str) -> None:
    assert scheme_for(issue) == scheme


@pytest.mark.parametrize(
    ("cls", "scheme", "value"),
    [
        *((c, "2024", c) for c in sorted(CLASSES["2024"])),
        *((c, "2008", c) for c in sorted(CLASSES["2008"])),
        ("b", "2024", "B"),
        (" c1e ", "2024", "C1E"),
        ("f b2", "2008", "FB2"),
        ("B11", "2008", "B1"),  # the automatic-only B1 variant, stored as B1
        ("b11", "2008", "B1"),
    ],
)
def test_check_class_valid(cls: str, scheme: str, value: str) -> None:
    assert check_class(cls, scheme) == value


@pytest.mark.parametrize(
    ("cls", "scheme", "issue", "code", "field"),
    [
        ("B2", "2024", None, "licence.class_scheme", "class"),
        ("B2", "2024", date(2025, 3, 1), "licence.class_scheme", "class"),  # B2 issued 2025
        ("B2", "2008", date(2025, 3, 1), "licence.scheme_date", "scheme"),  # B2 issued 2025
        ("B", "2024", date(2024, 12, 31), "licence.scheme_date", "scheme"),
        ("A", "2008", None, "licence.class_scheme", "class"),
        ("C1E", "2008", None, "licence.class_scheme", "class"),
        ("FE", "2024", None, "licence.class_scheme", "class"),
        ("B11", "2024", None, "licence.class_scheme", "class"),
        ("Z", "2024", None, "licence.class", "class"),
        ("", "2008", None, "licence.class", "class"),
        ("B 1 1 1", "2008", None, "licence.class", "class"),
        ("B" * 41, "2008", None, "licence.class", "class"),
        ("B", "2019", None, "licence.class_scheme", "scheme"),
        ("B", "", date(2025, 3, 1), "licence.class_scheme", "scheme"),
    ],
)
def test_check_class_errors(
    cls: str, scheme: str, issue: date | None, code: str, field: str
) -> None:
    with pytest.raises(InvalidLicence) as caught:
        check_class(cls, scheme, issue)
    assert (caught.value.code, caught.value.field) == (code, field)


def test_check_class_not_a_string() -> None:
    with pytest.raises(InvalidLicence) as caught:
        check_class(None, "2024")  # type: ignore[arg-type]
    assert caught.value.code == "licence.class"


# --- licence number -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "warnings"),
    [
        ("010123456789", "010123456789", ()),  # DESIGN.md §5 example, Hà Nội
        (" 0101 2345 6789 ", "010123456789", ()),
        ("790000000001", "790000000001", ()),
        ("010000000000", "010000000000", ("licence.number_unconfirmed",)),  # placeholder-like
        ("969999999999", "969999999999", ("licence.number_unconfirmed",)),
    ],
)
def test_licence_numbers(text: str, value: str, warnings: tuple[str, ...]) -> None:
    assert parse_licence_number(text) == (value, warnings)


@pytest.mark.parametrize("prefix", sorted(code[1:] for code in PROVINCES))
def test_every_province_prefix(prefix: str) -> None:
    assert parse_licence_number(prefix + "0123456789")[0].startswith(prefix)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("01012345678", "licence.number"),  # 11 digits
        ("0101234567890", "licence.number"),  # 13 digits
        ("01-2345", "licence.number"),
        ("01-0123-456789", "licence.number"),
        ("٠١٠١٢٣٤٥٦٧٨٩", "licence.number"),  # Arabic-Indic digits are digits, not ours
        ("", "licence.number"),
        ("0" * 41, "licence.number"),
        ("030123456789", "licence.province"),  # no province 03
        ("000123456789", "licence.province"),
        ("990123456789", "licence.province"),
    ],
)
def test_licence_number_errors(text: str, code: str) -> None:
    with pytest.raises(InvalidLicence) as caught:
        parse_licence_number(text)
    assert (caught.value.code, caught.value.field) == (code, "number")
    assert not text or text not in str(caught.value)


@pytest.mark.parametrize("text", ["AB123456", "hn 0123456", "01012345678A"])
def test_old_paper_licence_numbers_are_accepted_with_a_warning(text: str) -> None:
    value, warnings = parse_licence_number(text)
    assert value == "".join(text.upper().split())
    assert warnings == ("licence.number_unconfirmed",)


def test_licence_number_not_a_string() -> None:
    with pytest.raises(InvalidLicence):
        parse_licence_number(10123456789)  # type: ignore[arg-type]


# --- expiry ------------------------------------------------------------------------------------

ISSUE = date(2020, 6, 15)
ISSUE_2024 = date(2025, 6, 15)


@pytest.mark.parametrize(
    ("cls", "scheme", "issue", "expected"),
    [
        ("A1", "2024", ISSUE_2024, (None, ())),  # confirmed: no expiry
        ("A", "2024", ISSUE_2024, (None, ())),
        ("B1", "2024", ISSUE_2024, (None, ())),
        # Unconfirmed rules give no date (issue 2): the operator types it from the card.
        *(
            (c, "2024", ISSUE_2024, (None, UNCONFIRMED))
            for c in ("B", "C1", "C", "D1", "D2", "D", "BE", "C1E", "CE", "D1E", "D2E", "DE")
        ),
        ("A1", "2008", ISSUE, (None, UNCONFIRMED)),
        ("A2", "2008", ISSUE, (None, UNCONFIRMED)),
        ("A3", "2008", ISSUE, (None, UNCONFIRMED)),
        ("A4", "2008", ISSUE, (None, UNCONFIRMED)),  # no rule in the reference
        ("B1", "2008", ISSUE, (None, UNCONFIRMED)),  # no rule in the reference
        ("B11", "2008", ISSUE, (None, UNCONFIRMED)),
        *(
            (c, "2008", ISSUE, (None, UNCONFIRMED))
            for c in ("B2", "C", "D", "E", "FB2", "FC", "FD", "FE")
        ),
        ("A", "2024", datetime(2025, 6, 15, 8, 30), (None, ())),
    ],
)
def test_expected_expiry(
    cls: str, scheme: str, issue: date, expected: tuple[date | None, tuple[str, ...]]
) -> None:
    assert expected_expiry(cls, scheme, issue) == expected


def test_expected_expiry_out_of_range() -> None:
    with pytest.raises(InvalidLicence) as caught:
        check_licence("010123456789", "B", "2024", date(9995, 1, 1), None)
    assert caught.value.field == "issue_date"


# --- conversions -------------------------------------------------------------------------------


def test_conversions_table() -> None:
    assert dict(CONVERSIONS) == {
        "B1": (("B", "C1"), True),
        "B2": (("B", "C1"), True),
        "A2": (("A",), False),
        "C": (("C",), False),
        "D": (("D2",), False),
        "E": (("D",), False),
        "FB2": (("BE",), False),
        "FC": (("CE",), False),
        "FD": (("D2E",), False),
        "FE": (("DE",), False),
    }
    for old, (new, _) in CONVERSIONS.items():
        assert old in CLASSES["2008"]
        assert set(new) <= CLASSES["2024"]


# --- whole licence -------------------------------------------------------------------------------

NUMBER = "010123456789"


@pytest.mark.parametrize(
    ("cls", "scheme", "issue", "expiry", "warnings"),
    [
        ("B", "2024", date(2025, 3, 1), date(2035, 3, 1), UNCONFIRMED),  # DESIGN.md §5 example
        ("B", "2024", date(2025, 3, 1), date(2035, 2, 28), UNCONFIRMED),  # a day of slack
        ("B", "2024", date(2025, 3, 1), date(2035, 3, 2), UNCONFIRMED),
        (
            "B",
            "2024",
            date(2025, 3, 1),
            date(2030, 3, 1),
            (*UNCONFIRMED, "licence.expiry_unexpected"),
        ),
        ("B", "2024", date(2025, 3, 1), None, (*UNCONFIRMED, "licence.expiry_unexpected")),
        ("A1", "2024", date(2025, 3, 1), None, ()),
        ("A", "2024", date(2025, 3, 1), date(2035, 3, 1), ("licence.expiry_unexpected",)),
        ("A2", "2008", date(2015, 3, 1), None, UNCONFIRMED),
        (
            "A2",
            "2008",
            date(2015, 3, 1),
            date(2025, 3, 1),
            (*UNCONFIRMED, "licence.expiry_unexpected"),
        ),
        ("B1", "2008", date(2015, 3, 1), date(2040, 3, 1), UNCONFIRMED),  # rule unknown: no opinion
        ("B1", "2008", date(2015, 3, 1), None, UNCONFIRMED),
        ("B11", "2008", date(2015, 3, 1), date(2040, 3, 1), UNCONFIRMED),
        ("B2", "2008", date(2015, 3, 1), date(2025, 3, 1), UNCONFIRMED),
        ("FC", "2008", date(2024, 12, 31), date(2029, 12, 31), UNCONFIRMED),
        ("B", "2024", datetime(2025, 3, 1, 9), datetime(2035, 3, 1, 9), UNCONFIRMED),
    ],
)
def test_check_licence(
    cls: str, scheme: str, issue: date, expiry: date | None, warnings: tuple[str, ...]
) -> None:
    assert check_licence(NUMBER, cls, scheme, issue, expiry) == warnings


def test_check_licence_keeps_number_warnings() -> None:
    warnings = check_licence("010000000000", "A1", "2024", date(2025, 3, 1), None)
    assert warnings == ("licence.number_unconfirmed",)


@pytest.mark.parametrize(
    ("number", "cls", "scheme", "issue", "expiry", "code", "field"),
    [
        ("0101", "B", "2024", date(2025, 3, 1), None, "licence.number", "number"),
        ("030123456789", "B", "2024", date(2025, 3, 1), None, "licence.province", "number"),
        (NUMBER, "X9", "2024", date(2025, 3, 1), None, "licence.class", "class"),
        (NUMBER, "B2", "2024", date(2025, 3, 1), None, "licence.class_scheme", "class"),
        (NUMBER, "B2", "2008", date(2025, 3, 1), None, "licence.scheme_date", "scheme"),
        (NUMBER, "B", "2024", date(2025, 3, 1), date(2025, 2, 28), "licence.expiry_before_issue",
         "expiry_date"),
        (NUMBER, "A1", "2024", date(2025, 3, 1), date(2020, 1, 1), "licence.expiry_before_issue",
         "expiry_date"),
    ],
)  # fmt: skip
def test_check_licence_errors(
    number: str, cls: str, scheme: str, issue: date, expiry: date | None, code: str, field: str
) -> None:
    with pytest.raises(InvalidLicence) as caught:
        check_licence(number, cls, scheme, issue, expiry)
    assert (caught.value.code, caught.value.field) == (code, field)
    assert field in {"number", "class", "scheme", "issue_date", "expiry_date"}


# --- properties ------------------------------------------------------------------------------------


@given(licences())
def test_generated_licences_pass(licence: dict[str, object]) -> None:
    issue = date.fromisoformat(str(licence["issue_date"]))
    expiry = licence["expiry_date"]
    warnings = check_licence(
        str(licence["number"]),
        str(licence["class"]),
        str(licence["scheme"]),
        issue,
        None if expiry is None else date.fromisoformat(str(expiry)),
    )
    assert "licence.expiry_unexpected" not in warnings
    assert "licence.number_unconfirmed" not in warnings
    assert licence["scheme"] == scheme_for(issue)


@given(st.sampled_from(SCHEMES).flatmap(lambda s: licences(s, iso=False)))
def test_generated_licences_with_dates(licence: dict[str, object]) -> None:
    issue, expiry = licence["issue_date"], licence["expiry_date"]
    assert isinstance(issue, date)
    assert expiry is None or isinstance(expiry, date)
    check_licence(
        str(licence["number"]), str(licence["class"]), str(licence["scheme"]), issue, expiry
    )


_TEXT = st.one_of(
    st.text(max_size=30),
    st.text(alphabet="0123456789ABCDEF b", max_size=14),
    st.binary(max_size=30).map(lambda b: b.decode("utf-8", "replace")),
)


@given(
    _TEXT,
    _TEXT,
    st.sampled_from([*SCHEMES, "", "2019"]),
    st.dates(),
    st.one_of(st.none(), st.dates()),
)
def test_no_input_raises_anything_but_invalid_licence(
    number: str, cls: str, scheme: str, issue: date, expiry: date | None
) -> None:
    try:
        warnings = check_licence(number, cls, scheme, issue, expiry)
    except InvalidLicence as error:
        assert error.field in {"number", "class", "scheme", "issue_date", "expiry_date"}
    else:
        assert all(code.startswith("licence.") for code in warnings)


@pytest.mark.parametrize("filler", ["0", "B", "\x00"])
def test_megabyte_strings(filler: str) -> None:
    text = filler * 1_000_000
    with pytest.raises(InvalidLicence):
        parse_licence_number(text)
    with pytest.raises(InvalidLicence):
        check_class(text, "2024")


def test_unconfirmed_rule_still_flags_an_unusual_expiry_as_a_warning() -> None:
    """A B2 issued on 29 February: the 10-year rule gives 28 February; far from it only warns."""
    leap = date(2020, 2, 29)
    assert check_licence("010123456789", "B2", "2008", leap, date(2030, 2, 28)) == (
        "licence.expiry_unconfirmed",
    )
    assert "licence.expiry_unexpected" in check_licence(
        "010123456789", "B2", "2008", leap, date(2031, 6, 1)
    )
