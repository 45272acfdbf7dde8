"""Field types of submission payload v1: strict strings with their format checks and enums.

Each check raises a pydantic error whose type is one of our codes (``kiosk.domain.errors``), so
``validate_payload`` reports it unchanged; ``WithJsonSchema`` keeps the JSON Schema exact.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Final, Literal

from pydantic import AfterValidator, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError

from kiosk.domain.errors import ERROR_CODES, DomainError
from kiosk.domain.identity import parse_date
from kiosk.domain.payload import REFERENCE_PATTERN, SCHEMA_VERSION, is_reference
from kiosk.domain.text import has_control_character

__all__ = [
    "AddressText",
    "CodeText",
    "ConsentGiven",
    "DateText",
    "DateTimeText",
    "IdText",
    "LicenceAnswer",
    "NameText",
    "NoteText",
    "NumberText",
    "Paper",
    "ReferenceText",
    "SchemaNumber",
    "Scheme",
    "Sex",
    "ShortText",
    "Source",
    "UuidText",
    "VehicleAnswer",
    "VehicleKind",
]

_DATE_PATTERN: Final = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_DATETIME_RE: Final = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,6})?(Z|[+-][0-9]{2}:[0-9]{2})"
)
_UUID_PATTERN: Final = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
_UUID_RE: Final = re.compile(_UUID_PATTERN)
_MAX_DATETIME: Final = 64  # twice "2026-11-22T19:05:11.123456+07:00": longer is not a time


def _fail(code: str) -> PydanticCustomError:
    """A pydantic error whose type is our own code, so the mapping to paths keeps it as is."""
    return PydanticCustomError(code, ERROR_CODES[code])


def _check_control(value: str) -> str:
    """No control character (C0 with tab and newline, DEL, C1) in any text of a payload."""
    if has_control_character(value):
        raise _fail("text.control_character")
    return value


def _check_date(value: str) -> str:
    try:
        parse_date(value)
    except DomainError:
        raise _fail("date.format") from None
    return value


def _check_datetime(value: str) -> str:
    if _DATETIME_RE.fullmatch(value) is None:
        raise _fail("payload.datetime")
    try:
        datetime.fromisoformat(value)
    except ValueError:
        raise _fail("payload.datetime") from None
    return value


def _check_uuid(value: str) -> str:
    if _UUID_RE.fullmatch(value) is None:
        raise _fail("payload.uuid")
    return value


def _check_reference(value: str) -> str:
    if not is_reference(value):
        raise _fail("payload.reference")
    return value


def _check_schema(value: int) -> int:
    if value != SCHEMA_VERSION:
        raise _fail("payload.schema")
    return value


def _check_consent(value: bool) -> bool:
    if value is not True:
        raise _fail("payload.consent")
    return value


def _check_not_blank(value: str) -> str:
    if not value.strip():
        raise _fail("payload.empty")
    return value


DateText = Annotated[
    str,
    AfterValidator(_check_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": _DATE_PATTERN}),
]
DateTimeText = Annotated[
    str,
    StringConstraints(max_length=_MAX_DATETIME),
    AfterValidator(_check_datetime),
    WithJsonSchema({"type": "string", "format": "date-time", "maxLength": _MAX_DATETIME}),
]
UuidText = Annotated[
    str,
    AfterValidator(_check_uuid),
    WithJsonSchema({"type": "string", "format": "uuid", "pattern": _UUID_PATTERN}),
]
ReferenceText = Annotated[
    str,
    AfterValidator(_check_reference),
    WithJsonSchema({"type": "string", "pattern": REFERENCE_PATTERN.pattern}),
]
SchemaNumber = Annotated[
    int, AfterValidator(_check_schema), WithJsonSchema({"type": "integer", "const": SCHEMA_VERSION})
]
ConsentGiven = Annotated[
    bool, AfterValidator(_check_consent), WithJsonSchema({"type": "boolean", "const": True})
]
# Free text: never blank (null says "absent"), bounded so one payload cannot carry megabytes, and
# single-line: no control character (a name, an address or a note never needs a tab or a newline).
ShortText = Annotated[
    str,
    StringConstraints(min_length=1, max_length=100),
    AfterValidator(_check_not_blank),
    AfterValidator(_check_control),
]
IdText = ShortText  # station, operator and registry ids
AddressText = Annotated[
    str,
    StringConstraints(min_length=1, max_length=500),
    AfterValidator(_check_not_blank),
    AfterValidator(_check_control),
]
NoteText = Annotated[
    str,
    StringConstraints(min_length=1, max_length=1000),
    AfterValidator(_check_not_blank),
    AfterValidator(_check_control),
]
# Text the domain rules check in full (names, ID and phone numbers, plates, licence numbers and
# classes, warning codes): bounded here too, so no rule ever sees megabytes, and no control character.
NameText = Annotated[str, StringConstraints(max_length=200), AfterValidator(_check_control)]
NumberText = Annotated[str, StringConstraints(max_length=64), AfterValidator(_check_control)]
CodeText = Annotated[str, StringConstraints(max_length=64), AfterValidator(_check_control)]

Sex = Literal["male", "female"]
Source = Literal["card_qr", "manual"]
VehicleKind = Literal["car", "motorbike", "electric_motorbike", "other"]
VehicleAnswer = Literal[
    "confirmed", "updated", "sold", "transferred", "scrapped", "lost", "not_mine", "added"
]
LicenceAnswer = Literal["confirmed", "updated", "lost", "not_mine", "added"]
Scheme = Literal["2008", "2024"]
Paper = Literal["registration_certificate", "sale_contract", "handwritten_sale_paper", "none"]
