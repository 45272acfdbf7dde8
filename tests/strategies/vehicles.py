"""Hypothesis strategies for plates, licences and VINs that are valid by construction.

Built from the formats reference (§3-§5), not from the parsers, so they also check the parsers.
Other test folders import them: ``from tests.strategies.vehicles import plates, licences, vins``.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import strategies as st

from kiosk.domain.identity import PROVINCES
from kiosk.domain.licences import CLASSES
from kiosk.domain.plates import PLATE_PROVINCES

__all__ = ["licences", "plates", "vins"]

SERIES_LETTERS = "ABCDEFGHKLMNPSTUVXYZ"
SPECIAL_SERIES = ("LD", "KT", "DA", "MK", "R", "RM", "TĐ", "HC")
DIPLOMATIC_SERIES = ("NG", "QT", "NN", "CV")
MILITARY_FIRST = "ABHKPQT"
VIN_ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"

_provinces = st.sampled_from(sorted(PLATE_PROVINCES))
_letter = st.sampled_from(SERIES_LETTERS)
_digit_1_9 = st.sampled_from("123456789")
_five = st.integers(1, 99_999).map(lambda n: f"{n:05d}")
_four = st.integers(1, 9_999).map(lambda n: f"{n:04d}")


def _dotted(number: str) -> str:
    return f"{number[:3]}.{number[3:]}" if len(number) == 5 else number


def _car() -> st.SearchStrategy[str]:
    return st.builds(
        lambda p, s, n: f"{p}{s}-{_dotted(n)}", _provinces, _letter, st.one_of(_five, _four)
    )


def _motorbike() -> st.SearchStrategy[str]:
    one_letter = st.builds(lambda letter, digit: letter + digit, _letter, _digit_1_9)
    two_letters = st.builds(lambda a, b: a + b, _letter, _letter)
    return st.one_of(
        st.builds(lambda p, s, n: f"{p}-{s} {_dotted(n)}", _provinces, one_letter, _five),
        st.builds(lambda p, s, n: f"{p}-{s} {n}", _provinces, one_letter, _four),
        st.builds(lambda p, s, n: f"{p}-{s} {_dotted(n)}", _provinces, two_letters, _five),
    )


def _electric() -> st.SearchStrategy[str]:
    return st.builds(lambda p, d, n: f"{p}-MĐ{d} {_dotted(n)}", _provinces, _digit_1_9, _five)


def _other() -> st.SearchStrategy[str]:
    special = st.builds(
        lambda p, s, n: f"{p}{s}-{_dotted(n)}",
        _provinces,
        st.sampled_from(SPECIAL_SERIES),
        st.one_of(_five, _four),
    )
    diplomatic = st.builds(
        lambda p, c, s, n: f"{p}-{c:03d}-{s}-{n:02d}",
        _provinces,
        st.integers(1, 999),
        st.sampled_from(DIPLOMATIC_SERIES),
        st.integers(1, 99),
    )
    military = st.builds(
        lambda a, b, n: f"{a}{b}-{n[:2]}-{n[2:]}",
        st.sampled_from(MILITARY_FIRST),
        st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        _four,
    )
    return st.one_of(special, diplomatic, military)


_BY_KIND = {
    "car": _car,
    "motorbike": _motorbike,
    "electric_motorbike": _electric,
    "other": _other,
}


def plates(kind: str | None = None) -> st.SearchStrategy[tuple[str, str]]:
    """``(display, kind)`` pairs: canonical plate displays (listed provinces only, so no warnings).

    ``parse_plate(display)`` and ``parse_plate(display, kind)`` both give back ``display`` and
    ``kind``.  With ``kind`` given, only plates of that kind.
    """
    kinds = list(_BY_KIND) if kind is None else [kind]
    return st.one_of(*(st.tuples(_BY_KIND[k](), st.just(k)) for k in kinds))


def vins() -> st.SearchStrategy[str]:
    """Modern 17-character VINs (``[A-HJ-NPR-Z0-9]``), which ``check_chassis_number`` never warns on."""
    return st.text(alphabet=VIN_ALPHABET, min_size=17, max_size=17)


_LICENCE_PREFIXES = sorted(code[1:] for code in PROVINCES)
_YEARS_2024 = {"A1": None, "A": None, "B1": None, "B": 10, "C1": 10}  # others 5
_YEARS_2008 = {"A1": None, "A2": None, "A3": None, "A4": None, "B1": None, "B2": 10}  # others 5
_CLASSES_2024 = sorted(CLASSES["2024"])
_CLASSES_2008 = sorted(CLASSES["2008"])


def _add_years(start: date, years: int) -> date:
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February
        return start.replace(year=start.year + years, day=28)


def _licence_number() -> st.SearchStrategy[str]:
    rest = (
        st.integers(0, 9_999_999_999).map(lambda n: f"{n:010d}").filter(lambda r: len(set(r)) > 1)
    )
    return st.builds(lambda p, r: p + r, st.sampled_from(_LICENCE_PREFIXES), rest)


@st.composite
def _licence(draw: st.DrawFn, scheme: str | None, iso: bool) -> dict[str, Any]:
    scheme = scheme or draw(st.sampled_from(("2008", "2024")))
    if scheme == "2008":
        cls = draw(st.sampled_from(_CLASSES_2008))
        issue = draw(st.dates(date(2013, 1, 1), date(2024, 12, 31)))
        years = _YEARS_2008.get(cls, 5)
    else:
        cls = draw(st.sampled_from(_CLASSES_2024))
        issue = draw(st.dates(date(2025, 1, 1), date(2026, 6, 30)))
        years = _YEARS_2024.get(cls, 5)
    expiry = None if years is None else _add_years(issue, years)
    return {
        "number": draw(_licence_number()),
        "class": cls,
        "scheme": scheme,
        "issue_date": issue.isoformat() if iso else issue,
        "expiry_date": expiry.isoformat() if iso and expiry else expiry,
    }


def licences(scheme: str | None = None, *, iso: bool = True) -> st.SearchStrategy[dict[str, Any]]:
    """Licence dicts ``{number, class, scheme, issue_date, expiry_date}`` (the payload's keys).

    Dates are ``YYYY-MM-DD`` strings (``expiry_date`` may be None), or ``datetime.date`` with
    ``iso=False``; every one passes ``check_licence`` without error and without
    ``licence.expiry_unexpected`` or ``licence.number_unconfirmed``.  Issue dates are 2013-2026-06.
    """
    return _licence(scheme, iso)
