"""Vietnamese phone numbers: mobiles (10 digits) and landlines (11 digits, area code 02x).

Mobile prefixes since the 2018 renumbering start 03, 05, 07, 08 or 09; landlines start 02 and are
accepted with a warning, since the campaign wants a number that can receive a text message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from kiosk.domain.errors import DomainError

__all__ = ["InvalidPhone", "Phone", "parse_phone"]

_MAX_INPUT = 40  # "+84 (0) 912 345 678" with generous spacing stays far below this
_SEPARATORS = re.compile(r"[ \t.\-()]")
_DIGITS = re.compile(r"\+?[0-9]+")
_MOBILE = re.compile(r"0[35789][0-9]{8}")
_LANDLINE = re.compile(r"02[0-9]{9}")
_TEN_DIGITS = re.compile(r"0[0-9]{9}")


class InvalidPhone(DomainError):
    """A phone number that is not a Vietnamese mobile or landline number."""


@dataclass(frozen=True)
class Phone:
    """A checked phone number in national form (``0…``) and whether it is a mobile or landline."""

    value: str
    kind: Literal["mobile", "landline"]
    warnings: tuple[str, ...]


def parse_phone(text: str) -> Phone:
    """Check a phone number and return it in national form, ``0`` followed by the digits.

    Spaces, dots, dashes and parentheses are allowed; ``+84``, ``84`` and ``0084`` become ``0``.
    """
    if len(text) > _MAX_INPUT:
        raise InvalidPhone("phone.format", "phone")
    compact = _SEPARATORS.sub("", text.strip())
    if not _DIGITS.fullmatch(compact):
        raise InvalidPhone("phone.format", "phone")
    value = _national(compact)
    if _MOBILE.fullmatch(value):
        return Phone(value, "mobile", ())
    if _LANDLINE.fullmatch(value):
        return Phone(value, "landline", ("phone.landline",))
    if _TEN_DIGITS.fullmatch(value):
        raise InvalidPhone("phone.prefix", "phone")
    raise InvalidPhone("phone.format", "phone")


def _national(compact: str) -> str:
    """Turn an international form (``+84…``, ``0084…``, ``84…``) into the national ``0…`` form."""
    for prefix in ("+84", "0084"):
        if compact.startswith(prefix):
            rest = compact[len(prefix) :]
            break
    else:
        if compact.startswith("0") or not compact.startswith("84"):
            return compact  # already national, or not a number this function can fix
        rest = compact[2:]
    # "+84 (0)912 345 678" keeps the trunk 0 some people write after the country code.
    return rest if rest.startswith("0") else "0" + rest
