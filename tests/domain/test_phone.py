"""Vietnamese phone numbers: mobiles, landlines with a warning, everything else refused."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.phone import InvalidPhone, Phone, parse_phone
from tests.strategies.identity import MOBILE_PREFIXES, mobile_phones


@pytest.mark.parametrize(
    "text",
    [
        "0912345678",
        "091 234 5678",
        "0912 345 678",
        "091.234.5678",
        "091-234-5678",
        " 0912345678\n",
        "+84912345678",
        "+84 91 234 5678",
        "+84-912-345-678",
        "84912345678",
        "0084912345678",
        "+84 (0) 912 345 678",
        "(+84) 912345678",
    ],
)
def test_mobile_spellings_normalise(text: str) -> None:
    assert parse_phone(text) == Phone("0912345678", "mobile", ())


@pytest.mark.parametrize("prefix", ["03", "05", "07", "08", "09"])
def test_every_mobile_prefix(prefix: str) -> None:
    assert parse_phone(prefix + "12345678").kind == "mobile"


@pytest.mark.parametrize(
    "text", ["02438251234", "024 3825 1234", "(024) 3825 1234", "+84 24 3825 1234", "842838251234"]
)
def test_landlines_are_accepted_with_a_warning(text: str) -> None:
    phone = parse_phone(text)
    assert phone.kind == "landline"
    assert phone.warnings == ("phone.landline",)
    assert phone.value.startswith("02")
    assert len(phone.value) == 11


@pytest.mark.parametrize(
    "text",
    ["0112345678", "0212345678", "0412345678", "0612345678", "0012345678", "+84 41 234 5678"],
)
def test_ten_digits_with_an_unused_prefix(text: str) -> None:
    with pytest.raises(InvalidPhone) as caught:
        parse_phone(text)
    assert (caught.value.code, caught.value.field) == ("phone.prefix", "phone")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "091234567",  # 9 digits
        "09123456789",  # 11 digits, not a landline
        "01612345678",  # an old 11-digit mobile, renumbered in 2018
        "0243825123",  # a landline one digit short is a 10-digit 02 number: prefix
        "024382512345",  # 12 digits
        "+1 212 555 0100",
        "+",
        "++84912345678",
        "0912345678x",
        "0912/345678",
        "091２３４５６７８",  # full-width digits
        "0912345678" + " " * 40,
        "+84",
        "84",
    ],
)
def test_not_a_phone_number(text: str) -> None:
    with pytest.raises(InvalidPhone) as caught:
        parse_phone(text)
    assert caught.value.code in {"phone.format", "phone.prefix"}
    assert caught.value.field == "phone"
    assert text.strip() == "" or text.strip() not in str(caught.value)


def test_format_and_prefix_codes_are_told_apart() -> None:
    with pytest.raises(InvalidPhone, match=r"phone\.format"):
        parse_phone("01612345678")
    with pytest.raises(InvalidPhone, match=r"phone\.prefix"):
        parse_phone("0243825123")


@given(mobile_phones())
def test_generated_mobiles_parse_to_themselves(number: str) -> None:
    assert number[:3] in MOBILE_PREFIXES
    assert parse_phone(number) == Phone(number, "mobile", ())


@given(mobile_phones(), st.sampled_from(["+84 ", "84", "0084", "+84 (0)"]), st.sampled_from(" .-"))
def test_generated_mobiles_in_other_spellings(number: str, country: str, sep: str) -> None:
    spelled = country + sep.join([number[1:4], number[4:7], number[7:]])
    assert parse_phone(spelled) == Phone(number, "mobile", ())


@given(st.text(alphabet=st.characters(exclude_categories=())))
def test_random_text_raises_only_invalid_phone(text: str) -> None:
    try:
        phone = parse_phone(text)
    except InvalidPhone as exc:
        assert exc.code in {"phone.format", "phone.prefix"}
    else:
        assert phone.value.isascii()
        assert phone.value.isdigit()
        assert parse_phone(phone.value) == phone


@given(st.text(alphabet="0123456789+ .-()", max_size=20))
def test_digit_soup_raises_only_invalid_phone(text: str) -> None:
    try:
        phone = parse_phone(text)
    except InvalidPhone as exc:
        assert exc.code in {"phone.format", "phone.prefix"}
    else:
        assert phone.value.isdigit()
