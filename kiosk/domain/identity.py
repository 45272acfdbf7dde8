"""The 12-digit personal ID number, the chip ID card (CCCD) QR payload, and person names.

Rules from formats reference §1 and §2.  Errors never carry the input value (personal data): only
the code, the field and, at most, a count.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Literal

from kiosk.domain.errors import DomainError
from kiosk.domain.text import normalize, repair_mojibake, search_key

__all__ = [
    "PROVINCES",
    "IdCard",
    "IdNumber",
    "InvalidCard",
    "InvalidIdNumber",
    "check_id_matches",
    "check_id_prefix",
    "check_name",
    "choose_name",
    "parse_card_qr",
    "parse_date",
    "parse_id_number",
    "parse_old_id_number",
]

Sex = Literal["male", "female"]

PROVINCES: Mapping[str, str] = MappingProxyType(
    {
        "001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn",
        "008": "Tuyên Quang", "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu",
        "014": "Sơn La", "015": "Yên Bái", "017": "Hòa Bình", "019": "Thái Nguyên",
        "020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang", "025": "Phú Thọ",
        "026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương", "031": "Hải Phòng",
        "033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định",
        "037": "Ninh Bình", "038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh",
        "044": "Quảng Bình", "045": "Quảng Trị", "046": "Thừa Thiên Huế", "048": "Đà Nẵng",
        "049": "Quảng Nam", "051": "Quảng Ngãi", "052": "Bình Định", "054": "Phú Yên",
        "056": "Khánh Hòa", "058": "Ninh Thuận", "060": "Bình Thuận", "062": "Kon Tum",
        "064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông", "068": "Lâm Đồng",
        "070": "Bình Phước", "072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai",
        "077": "Bà Rịa–Vũng Tàu", "079": "TP Hồ Chí Minh", "080": "Long An", "082": "Tiền Giang",
        "083": "Bến Tre", "084": "Trà Vinh", "086": "Vĩnh Long", "087": "Đồng Tháp",
        "089": "An Giang", "091": "Kiên Giang", "092": "Cần Thơ", "093": "Hậu Giang",
        "094": "Sóc Trăng", "095": "Bạc Liêu", "096": "Cà Mau",
    }
)  # fmt: skip
"""Province where the birth was registered (the ID's first three digits) -> province name.

All 63 pre-2025 provinces: the 2025 merger renumbered nobody (formats reference §2)."""

_ID_NUMBER = re.compile(r"[0-9]{12}")
_OLD_ID_NUMBER = re.compile(r"[0-9]{9}|[0-9]{12}")
_CARD_DATE = re.compile(r"[0-9]{8}")  # ddmmyyyy
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_MAX_ID_INPUT = 64  # longer input cannot be an ID number even with padding; refuse before work
_MAX_CARD_PAYLOAD = 2000  # real payloads are a few hundred characters; refuse megabytes at once
_MAX_NAME = 100
_NAME_PUNCTUATION = frozenset(" '’-.")  # ’ as typed by phones for Ê Đê names like H’Hen
_CARD_FIELDS = (7, 11)
_SEXES: Mapping[str, Sex] = MappingProxyType({"nam": "male", "nữ": "female"})
_TRAILING_JUNK = "\r\n\0"
_PAYLOAD = "payload"  # the ``field`` of errors about the payload as a whole


class InvalidIdNumber(DomainError):
    """An ID number (or old CMND number) that breaks the structure rules of formats §2."""


class InvalidCard(DomainError):
    """A card QR payload that is not a valid chip ID card; ``field`` names the card field."""


@dataclass(frozen=True)
class IdNumber:
    """A structurally valid 12-digit personal ID number and what its digits say."""

    value: str
    province_code: str
    province: str
    sex: Sex
    birth_year: int


@dataclass(frozen=True)
class IdCard:
    """What a chip ID card's QR says, checked; ``extra`` keeps fields 7-10 raw (unconfirmed)."""

    id_number: str
    old_id_number: str | None
    full_name: str
    birth_date: date
    sex: Sex
    address: str
    issue_date: date
    extra: tuple[str, ...]
    warnings: tuple[str, ...]


def parse_id_number(text: str, *, today: date | None = None) -> IdNumber:
    """Check a 12-digit ID number's structure (``PPP G YY NNNNNN``) and decode it.

    There is no check digit, so structure is all that can be checked: exactly 12 ASCII digits, a
    known province, and a birth year not after ``today``'s year.
    """
    if len(text) > _MAX_ID_INPUT:
        raise InvalidIdNumber("id_number.format", "id_number")
    value = text.strip()
    if not _ID_NUMBER.fullmatch(value):
        raise InvalidIdNumber("id_number.format", "id_number")
    code = value[:3]
    province = PROVINCES.get(code)
    if province is None:
        raise InvalidIdNumber("id_number.province", "id_number")
    century_sex = int(value[3])
    birth_year = 1900 + 100 * (century_sex // 2) + int(value[4:6])
    if birth_year > (today or date.today()).year:
        raise InvalidIdNumber("id_number.birth_year_future", "id_number")
    sex: Sex = "female" if century_sex % 2 else "male"
    return IdNumber(value, code, province, sex, birth_year)


def check_id_matches(id_number: IdNumber, birth_date: date, sex: str) -> None:
    """Raise when the birth year or sex disagrees with what the ID number encodes.

    A mismatch means a typo in one of them or someone else's card; either way it blocks saving.
    """
    if birth_date.year != id_number.birth_year:
        raise InvalidIdNumber("id_number.birth_year_mismatch", "birth_date")
    if sex != id_number.sex:
        raise InvalidIdNumber("id_number.sex_mismatch", "sex")


def parse_old_id_number(text: str) -> str:
    """Check an old ID (CMND) number: 9 or 12 ASCII digits after trimming; return it trimmed."""
    value = text.strip() if len(text) <= _MAX_ID_INPUT else ""
    if not _OLD_ID_NUMBER.fullmatch(value):
        raise InvalidIdNumber("old_id_number.format", "old_id_number")
    return value


def check_name(text: str) -> str:
    """Return a person's name normalized (NFC, single spaces), or raise ``name.format``.

    Names hold letters of any script (Vietnamese included), spaces, apostrophes, hyphens and dots;
    case is kept as given, since cards print some names in upper case.
    """
    if len(text) > 4 * _MAX_NAME:  # far too long even before whitespace is collapsed
        raise DomainError("name.format", "full_name")
    name = normalize(text)
    if not 1 <= len(name) <= _MAX_NAME or not _is_name(name):
        raise DomainError("name.format", "full_name")
    return name


def _is_name(name: str) -> bool:
    """Tell whether ``name`` is made of letters, marks after letters, and name punctuation only."""
    has_letter = False
    previous_is_letter = False
    for ch in name:
        if ch.isalpha():
            has_letter = previous_is_letter = True
        elif unicodedata.category(ch).startswith("M") and previous_is_letter:
            continue  # a combining mark NFC could not compose (scripts other than Vietnamese)
        elif ch in _NAME_PUNCTUATION:
            previous_is_letter = False
        else:
            return False
    return has_letter


def parse_date(text: str, field: str | None = None) -> date:
    """Parse a strict ``YYYY-MM-DD`` date (the payload's format); raise ``date.format`` otherwise."""
    match = _ISO_DATE.fullmatch(text)
    if match is None:
        raise DomainError("date.format", field)
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        raise DomainError("date.format", field) from None


def parse_card_qr(text: str, *, today: date | None = None) -> IdCard:
    """Parse and check the text a scanner reads from a chip ID card's QR code (formats §1).

    Scanner damage is undone first (trailing CR/LF/NUL, latin-1 mojibake, NFD); then every field is
    checked, and the birth year and sex are cross-checked against the ID number.
    """
    if len(text) > _MAX_CARD_PAYLOAD:
        raise InvalidCard("card.not_a_card", _PAYLOAD, "payload too long")
    fields, warnings = _split_payload(text)
    today = today or date.today()

    try:
        id_number = parse_id_number(fields[0], today=today)
    except InvalidIdNumber as exc:
        raise InvalidCard(exc.code, "id_number") from None

    old_id_number: str | None = None
    if fields[1].strip():
        try:
            old_id_number = parse_old_id_number(fields[1])
        except InvalidIdNumber:
            raise InvalidCard("old_id_number.format", "old_id_number") from None

    try:
        full_name = check_name(fields[2])
    except DomainError:
        raise InvalidCard("card.full_name", "full_name") from None

    birth_date = _card_date(fields[3], "birth_date", "card.birth_date", today)
    sex = _SEXES.get(fields[4].strip().casefold())
    if sex is None:
        raise InvalidCard("card.sex", "sex")
    try:
        check_id_matches(id_number, birth_date, sex)
    except InvalidIdNumber as exc:
        raise InvalidCard(exc.code, exc.field) from None

    address = normalize(fields[5])
    if not address or any(unicodedata.category(ch) == "Cc" for ch in address):
        raise InvalidCard("card.address", "address")

    issue_date = _card_date(fields[6], "issue_date", "card.issue_date", today)
    if issue_date < birth_date:
        raise InvalidCard("card.issue_before_birth", "issue_date")

    extra = tuple(fields[7:])
    if any(extra):
        warnings.append("card.extra_fields")
    return IdCard(
        id_number=id_number.value,
        old_id_number=old_id_number,
        full_name=full_name,
        birth_date=birth_date,
        sex=sex,
        address=address,
        issue_date=issue_date,
        extra=extra,
        warnings=tuple(warnings),
    )


def _split_payload(text: str) -> tuple[list[str], list[str]]:
    """Undo scanner damage and split the payload into its 7 or 11 fields; return (fields, warnings).

    Field 0 decides whether this is an ID card at all: health-insurance cards, URLs and other
    barcodes either have no ``|`` or do not start with 12 digits.
    """
    warnings: list[str] = []
    # Strip only what scanners add before repairing: C1 controls such as \x85 are part of
    # latin-1 mojibake and str.strip() would eat them.
    cleaned = text.strip(_TRAILING_JUNK + " \t\ufeff")
    cleaned, repaired = repair_mojibake(cleaned)
    if repaired:
        warnings.append("card.encoding_repaired")
    cleaned = unicodedata.normalize("NFC", cleaned).strip().strip("\0").strip()
    if not cleaned:
        raise InvalidCard("card.empty", _PAYLOAD)
    if "|" not in cleaned:
        raise InvalidCard("card.not_a_card", _PAYLOAD, "no field separator")
    fields = cleaned.split("|")
    if not _ID_NUMBER.fullmatch(fields[0].strip()):
        raise InvalidCard("card.not_a_card", _PAYLOAD, "field 0 is not 12 digits")
    if len(fields) not in _CARD_FIELDS:
        raise InvalidCard("card.field_count", _PAYLOAD, f"{len(fields)} fields")
    return fields, warnings


def _card_date(text: str, field: str, code: str, today: date) -> date:
    """Parse a card date (``ddmmyyyy``): a real date, not after ``today``."""
    value = text.strip()
    if not _CARD_DATE.fullmatch(value):
        raise InvalidCard(code, field)
    try:
        parsed = date(int(value[4:]), int(value[2:4]), int(value[:2]))
    except ValueError:
        raise InvalidCard(code, field) from None
    if parsed > today:
        raise InvalidCard("date.future", field)
    return parsed


def check_id_prefix(digits: str, *, today: date | None = None) -> str | None:
    """The rule code a partly typed ID number already breaks, or None while it can still be one.

    For a keypad that checks each digit as it arrives: the province code (digits 1-3), the century
    and sex digit (4) and the birth year (5-6) are judged as soon as they are there.
    """
    if len(digits) > 12 or (not (digits.isascii() and digits.isdigit()) and digits):
        return "id_number.format"
    code = digits[:3]
    if not any(known.startswith(code) for known in PROVINCES):
        return "id_number.province"
    year = (today or date.today()).year
    if len(digits) >= 4:
        earliest = 1900 + 100 * (int(digits[3]) // 2)
        born = earliest + (int(digits[4:6]) if len(digits) >= 6 else 0)
        if born > year:
            return "id_number.birth_year_future"
    return None


def choose_name(card_name: str, roster_name: str | None) -> tuple[str, tuple[str, ...]]:
    """The name to show and carry when a card and the ward's roster both name the resident.

    The card's, as it arrived; but when the two differ only by what folding drops (diacritics a
    scanner lost, case, tone placement), the roster's spelling. Any other difference is kept as
    the card's with the warning ``card.name_differs`` for the officer.
    """
    if roster_name is None or card_name == roster_name:
        return card_name, ()
    if search_key(card_name) == search_key(roster_name):
        return roster_name, ()
    return card_name, ("card.name_differs",)
