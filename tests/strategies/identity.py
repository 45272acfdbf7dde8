"""Hypothesis strategies for people: ID numbers, names, card QR payloads, mobile numbers.

Everything generated is valid by the rules of ``kiosk.domain.identity`` and ``kiosk.domain.phone``
(formats reference §1, §2) as of today, so other tests can build on it without re-checking.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import strategies as st

from kiosk.domain.identity import PROVINCES

__all__ = [
    "ADDRESSES",
    "FAMILY_NAMES",
    "GIVEN_NAMES",
    "MIDDLE_NAMES",
    "MOBILE_PREFIXES",
    "card_cases",
    "card_payloads",
    "id_numbers",
    "mobile_phones",
    "persons",
]

PROVINCE_CODES: tuple[str, ...] = tuple(sorted(PROVINCES))

FAMILY_NAMES: tuple[str, ...] = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
    "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Lương", "Mai",
)  # fmt: skip
MIDDLE_NAMES: dict[str, tuple[str, ...]] = {
    "male": ("Văn", "Hữu", "Đức", "Minh", "Quốc", "Xuân", "Thanh", "Công", "Đình"),
    "female": ("Thị", "Ngọc", "Thu", "Minh", "Thanh", "Diệu", "Kim", "Xuân"),
}
GIVEN_NAMES: tuple[str, ...] = (
    "An", "Bình", "Cường", "Dũng", "Đạt", "Hoà", "Hòa", "Thủy", "Thuỷ", "Hương", "Lan", "Nga",
    "Tuấn", "Hùng", "Khoa", "Phương", "Yến", "Ánh", "Quỳnh", "Nguyệt", "Trường", "Hiếu", "Ngữ",
)  # fmt: skip
ADDRESSES: tuple[str, ...] = (
    "Số 1 ngõ 2 phố Huế, Phường Hai Bà Trưng, Hà Nội",
    "Phường Tây Hồ, Hà Nội",
    "Xã Đông Anh, Hà Nội",
    "Số 12 đường Quang Trung, Phường Hà Đông, Hà Nội",
    "Thôn Đoài, Xã Sóc Sơn, Hà Nội",
    "Tổ dân phố 5, Phường Yên Nghĩa, Hà Nội",
    "Số 45, tổ 3, phường Phúc Xá, quận Ba Đình, Hà Nội",
    "Xóm Chùa, xã Mỹ Đức, huyện Mỹ Đức, Hà Nội",
)
# Prefixes in use since the 2018 renumbering (Viettel, Vinaphone, MobiFone, Vietnamobile, Gmobile).
MOBILE_PREFIXES: tuple[str, ...] = (
    "032", "033", "034", "035", "036", "037", "038", "039", "052", "055", "056", "058", "059",
    "070", "076", "077", "078", "079", "081", "082", "083", "084", "085", "086", "087", "088",
    "089", "090", "091", "092", "093", "094", "096", "097", "098", "099",
)  # fmt: skip

_FIRST_CARD_YEAR = date(2016, 1, 1)  # the 12-digit citizen ID card was first issued in 2016
_SEXES = ("male", "female")


def _digits(count: int) -> st.SearchStrategy[str]:
    """Strings of exactly ``count`` ASCII digits."""
    return st.text(alphabet="0123456789", min_size=count, max_size=count)


@st.composite
def id_numbers(
    draw: st.DrawFn,
    province: str | None = None,
    sex: str | None = None,
    birth_year: int | None = None,
) -> str:
    """Valid 12-digit ID numbers, optionally with a fixed province code, sex or birth year."""
    if province is not None and province not in PROVINCES:
        raise ValueError("unknown province code")
    if sex is not None and sex not in _SEXES:
        raise ValueError("sex must be 'male' or 'female'")
    today = date.today()
    if birth_year is not None and not 1900 <= birth_year <= today.year:
        raise ValueError("birth year must be between 1900 and this year")
    code = province if province is not None else draw(st.sampled_from(PROVINCE_CODES))
    sex = sex if sex is not None else draw(st.sampled_from(_SEXES))
    year = birth_year if birth_year is not None else draw(st.integers(1900, today.year))
    century_sex = 2 * ((year - 1900) // 100) + (1 if sex == "female" else 0)
    return f"{code}{century_sex}{year % 100:02d}{draw(_digits(6))}"


@st.composite
def persons(draw: st.DrawFn) -> dict[str, Any]:
    """A person whose ID number, birth date and sex agree; ``full_name`` is NFC Vietnamese."""
    sex: str = draw(st.sampled_from(_SEXES))
    birth_date: date = draw(st.dates(min_value=date(1900, 1, 1), max_value=date.today()))
    given = draw(st.lists(st.sampled_from(GIVEN_NAMES), min_size=1, max_size=2))
    full_name = " ".join(
        [
            draw(st.sampled_from(FAMILY_NAMES)),
            draw(st.sampled_from(MIDDLE_NAMES[sex])),
            *given,
        ]
    )
    return {
        "id_number": draw(id_numbers(sex=sex, birth_year=birth_date.year)),
        "full_name": full_name,
        "birth_date": birth_date,
        "sex": sex,
    }


@st.composite
def card_cases(draw: st.DrawFn, fields: int | None = None) -> tuple[dict[str, Any], str]:
    """A valid card QR payload and the ``IdCard`` fields a parser must give back for it.

    ``fields`` is 7 (cards before late 2024), 11 (newer cards, slots 7-10 empty) or None (either).
    """
    if fields not in (7, 11, None):
        raise ValueError("fields must be 7, 11 or None")
    person = draw(persons())
    today = date.today()
    old_id = draw(st.sampled_from(("", "9", "12")))
    old_id_number = draw(_digits(int(old_id))) if old_id else ""
    full_name = person["full_name"]
    if draw(st.booleans()):
        full_name = full_name.upper()  # some cards print the name in capitals
    address = draw(st.sampled_from(ADDRESSES))
    birth_date: date = person["birth_date"]
    issue_date: date = draw(st.dates(min_value=max(birth_date, _FIRST_CARD_YEAR), max_value=today))
    count = fields if fields is not None else draw(st.sampled_from((7, 11)))
    parts = [
        person["id_number"],
        old_id_number,
        full_name,
        birth_date.strftime("%d%m%Y"),
        "Nam" if person["sex"] == "male" else "Nữ",
        address,
        issue_date.strftime("%d%m%Y"),
    ]
    extra = ("",) * (count - 7)
    expected = {
        "id_number": person["id_number"],
        "old_id_number": old_id_number or None,
        "full_name": full_name,
        "birth_date": birth_date,
        "sex": person["sex"],
        "address": address,
        "issue_date": issue_date,
        "extra": extra,
        "warnings": (),
    }
    return expected, "|".join([*parts, *extra])


def card_payloads(fields: int | None = None) -> st.SearchStrategy[str]:
    """Valid card QR text of real-card shape: 7 fields, or 11 with the last four empty."""
    return card_cases(fields).map(lambda case: case[1])


def mobile_phones() -> st.SearchStrategy[str]:
    """Valid mobile numbers in national form, ``0`` and nine digits, with a prefix in use."""
    return st.builds(
        lambda prefix, rest: prefix + rest, st.sampled_from(MOBILE_PREFIXES), _digits(7)
    )
