"""Driver's licences: number, classes of the 2008 and 2024 schemes, expiry, conversions (reference §4).

Rules the reference marks UNCONFIRMED give warnings, never errors.  Errors never carry the input.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime
from types import MappingProxyType
from typing import NamedTuple

from kiosk.domain.errors import DomainError
from kiosk.domain.identity import PROVINCES

__all__ = [
    "CLASSES",
    "CONVERSIONS",
    "SCHEMES",
    "InvalidLicence",
    "check_class",
    "check_licence",
    "expected_expiry",
    "parse_licence_number",
    "scheme_for",
]

SCHEMES: tuple[str, ...] = ("2008", "2024")
"""Licence schemes: Law 2008 (issued before 2025) and Law 36/2024/QH15 (issued from 2025)."""

CLASSES: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "2008": frozenset({"A1", "A2", "A3", "A4", "B1", "B2", "C", "D", "E", "FB2", "FC", "FD", "FE"}),
        "2024": frozenset({"A1", "A", "B1", "B", "C1", "C", "D1", "D2", "D", "BE", "C1E", "CE", "D1E",
                           "D2E", "DE"}),
    }
)  # fmt: skip
"""Scheme -> its classes.  A1 and B1 exist in both with different meanings, hence the scheme."""

_ALIASES: Mapping[str, str] = MappingProxyType({"B11": "B1"})
"""2008 spellings folded to their class: ``B11`` is the automatic-only B1, stored as ``B1``."""

CONVERSIONS: Mapping[str, tuple[tuple[str, ...], bool]] = MappingProxyType(
    {
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
)
"""Old 2008 class -> (2024 classes it converts to, confirmed?) — Law 36/2024 art. 89."""

_SCHEME_2024_FROM = date(2025, 1, 1)
_PREFIXES = frozenset(code[1:] for code in PROVINCES)
"""Licence province prefixes: the 2-digit statistical codes, i.e. the ID codes without the 0."""
_KNOWN = CLASSES["2008"] | CLASSES["2024"] | frozenset(_ALIASES)
_MAX_INPUT = 40
_PAPER_NUMBER = re.compile(r"[A-Z0-9]{6,15}")
"""Shape accepted, with a warning, for old paper licence numbers (letters and digits)."""


class InvalidLicence(DomainError):
    """A licence value broke a rule; ``field`` is number, class, scheme, issue_date or expiry_date."""


class _Rule(NamedTuple):
    """Expiry rule of one class: ``years`` None with ``no_expiry`` False means the rule is unknown."""

    years: int | None
    no_expiry: bool
    confirmed: bool


_NEVER = _Rule(None, no_expiry=True, confirmed=True)
_NEVER_UNCONFIRMED = _Rule(None, no_expiry=True, confirmed=False)
_UNKNOWN = _Rule(None, no_expiry=False, confirmed=False)
_RULES: Mapping[str, Mapping[str, _Rule]] = MappingProxyType(
    {
        "2024": {
            **dict.fromkeys(CLASSES["2024"], _Rule(5, no_expiry=False, confirmed=False)),
            **dict.fromkeys(("A1", "A", "B1"), _NEVER),
            **dict.fromkeys(("B", "C1"), _Rule(10, no_expiry=False, confirmed=False)),
        },
        "2008": {
            **dict.fromkeys(CLASSES["2008"], _Rule(5, no_expiry=False, confirmed=False)),
            **dict.fromkeys(("A1", "A2", "A3"), _NEVER_UNCONFIRMED),
            "B2": _Rule(10, no_expiry=False, confirmed=False),
            # The reference gives no rule for A4 and B1 (B1's is said to depend on age).
            **dict.fromkeys(("A4", "B1"), _UNKNOWN),
        },
    }
)


def _as_date(value: date) -> date:
    """A datetime is a date to Python but does not compare with one: keep its date."""
    return value.date() if isinstance(value, datetime) else value


def scheme_for(issue_date: date) -> str:
    """The scheme of a licence issued on ``issue_date``: ``"2008"`` before 2025, else ``"2024"``."""
    return "2008" if _as_date(issue_date) < _SCHEME_2024_FROM else "2024"


def parse_licence_number(text: str) -> tuple[str, tuple[str, ...]]:
    """Check a licence number: the card (PET) form is 12 digits (spaces ignored) with a province prefix.

    Old paper licences differ (reference §4), so a letters-and-digits number of 6-15 characters is
    accepted with ``licence.number_unconfirmed`` for an officer to acknowledge; so is a card number
    whose ten digits after the prefix are one repeated digit (``010000000000``, a placeholder look).
    An all-digit number of the wrong length is a typo and raises :class:`InvalidLicence`
    ``licence.number``; an unknown prefix raises ``licence.province``.
    """
    if not isinstance(text, str) or len(text) > _MAX_INPUT:
        raise InvalidLicence("licence.number", "number", "not a number-sized text")
    value = "".join(unicodedata.normalize("NFC", text).upper().split())
    if _PAPER_NUMBER.fullmatch(value) and not value.isdigit():
        return value, ("licence.number_unconfirmed",)
    if len(value) != 12 or not (value.isascii() and value.isdigit()):
        raise InvalidLicence("licence.number", "number", "expected 12 digits")
    if value[:2] not in _PREFIXES:
        raise InvalidLicence("licence.province", "number")
    warnings = ("licence.number_unconfirmed",) if len(set(value[2:])) == 1 else ()
    return value, warnings


def _normalise_class(cls: str) -> str:
    if not isinstance(cls, str) or len(cls) > _MAX_INPUT:
        raise InvalidLicence("licence.class", "class", "not a class-sized text")
    return "".join(unicodedata.normalize("NFC", cls).upper().split())


def check_class(cls: str, scheme: str, issue_date: date | None = None) -> str:
    """Return the normalised class (upper case, no spaces; 2008 ``B11`` -> ``B1``) valid in ``scheme``.

    With ``issue_date`` the scheme must also be the one of that date (``B2`` issued in 2025 fails).
    Raises :class:`InvalidLicence`: ``licence.class`` (no such class in any scheme),
    ``licence.class_scheme`` (not in this scheme, or an unknown scheme with ``field="scheme"``),
    ``licence.scheme_date`` (``field="scheme"``).
    """
    if scheme not in CLASSES:
        raise InvalidLicence("licence.class_scheme", "scheme", "unknown scheme")
    value = _normalise_class(cls)
    if value in _ALIASES and scheme == "2008":
        value = _ALIASES[value]
    if value not in _KNOWN:
        raise InvalidLicence("licence.class", "class")
    if issue_date is not None and scheme_for(issue_date) != scheme:
        raise InvalidLicence("licence.scheme_date", "scheme")
    if value not in CLASSES[scheme]:
        raise InvalidLicence("licence.class_scheme", "class")
    return value


def _add_years(start: date, years: int) -> date:
    """Same day ``years`` later; 29 February falls back to the 28th."""
    year = start.year + years
    if year > date.max.year:
        raise InvalidLicence("date.format", "issue_date", "issue date out of range")
    try:
        return start.replace(year=year)
    except ValueError:
        return start.replace(year=year, day=28)


def _rule(cls: str, scheme: str) -> tuple[str, _Rule]:
    value = check_class(cls, scheme)
    return value, _RULES[scheme][value]


def _rule_expiry(rule: _Rule, issue_date: date) -> date | None:
    """The date a rule gives, confirmed or not (None: never expires, or no rule known)."""
    return None if rule.years is None else _add_years(_as_date(issue_date), rule.years)


def expected_expiry(cls: str, scheme: str, issue_date: date) -> tuple[date | None, tuple[str, ...]]:
    """The expiry date where the reference confirms the rule, else None and ``licence.expiry_unconfirmed``.

    Only "2024 A1, A, B1 never expire" is confirmed, so they give ``(None, ())``; every other rule
    (2024 B/C1 10 years, others 5 years; 2008 A1-A3 none, B2 10 years, C-F 5 years; nothing known for
    2008 A4 and B1) is unconfirmed and gives ``(None, ("licence.expiry_unconfirmed",))``: the
    operator types the date from the card.
    """
    _, rule = _rule(cls, scheme)
    if not rule.confirmed:
        return None, ("licence.expiry_unconfirmed",)
    return _rule_expiry(rule, issue_date), ()


def check_licence(
    number: str, cls: str, scheme: str, issue_date: date, expiry_date: date | None
) -> tuple[str, ...]:
    """Check one licence as captured; return its warnings or raise :class:`InvalidLicence`.

    ``licence.expiry_unexpected`` (a warning) when an expiry is given for a class that never expires,
    missing for one that does, or more than a day away from the rule's date (a day of slack for
    29 February and for offices that count the issue day).
    """
    _, warnings = parse_licence_number(number)
    check_class(cls, scheme, issue_date)
    issue = _as_date(issue_date)
    expiry = None if expiry_date is None else _as_date(expiry_date)
    if expiry is not None and expiry < issue:
        raise InvalidLicence("licence.expiry_before_issue", "expiry_date")
    _, rule = _rule(cls, scheme)
    _, expiry_warnings = expected_expiry(cls, scheme, issue)
    # Unconfirmed rules still flag an unusual date, as a warning only (never blocking).
    expected = _rule_expiry(rule, issue)
    unexpected = False
    if rule.no_expiry:
        unexpected = expiry is not None
    elif expected is not None:
        unexpected = expiry is None or abs((expiry - expected).days) > 1
    found = [*warnings, *expiry_warnings]
    if unexpected:
        found.append("licence.expiry_unexpected")
    return tuple(found)
