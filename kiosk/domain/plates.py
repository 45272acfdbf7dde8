"""Vietnamese licence plates, chassis and engine numbers (formats reference §3 and §5).

A plate is read from whatever the operator or a scanner typed: any case, spacing and punctuation.
The text is reduced to ``0-9 A-Z Đ`` and matched against the known layouts; the punctuation that was
there only decides between layouts that share the same characters (``30A-123.45`` is a car,
``30-A1 2345`` an old motorbike plate).  Errors never carry the input value.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Literal

from kiosk.domain.errors import DomainError

__all__ = [
    "PLATE_LETTERS",
    "PLATE_PROVINCES",
    "VEHICLE_KINDS",
    "InvalidPlate",
    "Plate",
    "VehicleKind",
    "check_chassis_number",
    "check_engine_number",
    "parse_plate",
    "plate_prefix",
]

VehicleKind = Literal["car", "motorbike", "electric_motorbike", "other"]
VEHICLE_KINDS: tuple[str, ...] = ("car", "motorbike", "electric_motorbike", "other")
"""Every vehicle kind, in the order the UI offers them."""

_HANOI, _HCMC, _CENTRAL = "Hà Nội", "TP Hồ Chí Minh", "Cơ quan trung ương"
PLATE_PROVINCES: Mapping[str, str] = MappingProxyType(
    {
        "11": "Cao Bằng", "12": "Lạng Sơn", "14": "Quảng Ninh", "15": "Hải Phòng",
        "16": "Hải Phòng", "17": "Thái Bình", "18": "Nam Định", "19": "Phú Thọ",
        "20": "Thái Nguyên", "21": "Yên Bái", "22": "Tuyên Quang", "23": "Hà Giang",
        "24": "Lào Cai", "25": "Lai Châu", "26": "Sơn La", "27": "Điện Biên", "28": "Hòa Bình",
        "29": _HANOI, "30": _HANOI, "31": _HANOI, "32": _HANOI, "33": _HANOI,
        "34": "Hải Dương", "35": "Ninh Bình", "36": "Thanh Hóa", "37": "Nghệ An",
        "38": "Hà Tĩnh", "39": "Đồng Nai", "40": _HANOI, "41": _HCMC, "43": "Đà Nẵng",
        "47": "Đắk Lắk", "48": "Đắk Nông", "49": "Lâm Đồng",
        "50": _HCMC, "51": _HCMC, "52": _HCMC, "53": _HCMC, "54": _HCMC,
        "55": _HCMC, "56": _HCMC, "57": _HCMC, "58": _HCMC, "59": _HCMC,
        "60": "Đồng Nai", "61": "Bình Dương", "62": "Long An", "63": "Tiền Giang",
        "64": "Vĩnh Long", "65": "Cần Thơ", "66": "Đồng Tháp", "67": "An Giang",
        "68": "Kiên Giang", "69": "Cà Mau", "70": "Tây Ninh", "71": "Bến Tre",
        "72": "Bà Rịa–Vũng Tàu", "73": "Quảng Bình", "74": "Quảng Trị", "75": "Thừa Thiên Huế",
        "76": "Quảng Ngãi", "77": "Bình Định", "78": "Phú Yên", "79": "Khánh Hòa",
        "80": _CENTRAL, "81": "Gia Lai", "82": "Kon Tum", "83": "Sóc Trăng", "84": "Trà Vinh",
        "85": "Ninh Thuận", "86": "Bình Thuận", "88": "Vĩnh Phúc", "89": "Hưng Yên",
        "90": "Hà Nam", "92": "Quảng Nam", "93": "Bình Phước", "94": "Bạc Liêu",
        "95": "Hậu Giang", "97": "Bắc Kạn", "98": "Bắc Giang", "99": "Bắc Ninh",
    }
)  # fmt: skip
"""Province code on plates -> province (Circular 58/2020 table; not checked against the text, so an
unlisted code from 11 to 99 is only a warning)."""

PLATE_LETTERS: tuple[str, ...] = tuple("ABCDĐEFGHKLMNPSTUVXYZ")
"""The letters of today's plates in alphabetical order (Đ after D), for a keypad: the series letters
and the Đ of ``MĐ`` and ``TĐ``.  :func:`plate_prefix` says where each may go."""
_SERIES_LETTERS = frozenset(PLATE_LETTERS) - {"Đ"}
"""Letters a plate series may use (no I, J, O, Q, R, W)."""
_OBSOLETE_CAR_LETTERS = frozenset("IJOQW")
"""Extra letters seen on obsolete 4-digit car plates only (R is the trailer special series)."""
_MILITARY_FIRST_LETTERS = frozenset("ABHKPQT")
"""First letter of military plates (unit category); kept narrow because the shape is short."""
_SPECIAL_SERIES = ("LD", "KT", "DA", "MK", "RM", "R", "TĐ", "HC")
"""Special series written where a car's series letter goes (``51LD-123.45``); kind ``other``."""
_DIPLOMATIC_SERIES = ("NG", "QT", "NN", "CV")
"""Diplomatic and international series (``80-011-NG-01``); kind ``other``."""

_MAX_INPUT = 64
"""Longer text is no plate: rejected before any work, so megabyte pastes cost nothing."""
_MAX_NUMBER = 100
"""Chassis and engine numbers longer than this are rejected before normalising."""
_KEEP = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZĐ")
_LOOKALIKES = {"Ð": "Đ"}  # Icelandic eth (U+00D0), typed for Đ by some keyboard layouts
_ALL_KINDS = frozenset(VEHICLE_KINDS)
_KIND_NAMES: dict[str, VehicleKind] = {
    "car": "car",
    "motorbike": "motorbike",
    "electric_motorbike": "electric_motorbike",
    "other": "other",
}


class InvalidPlate(DomainError):
    """The text is not a plate (``plate.*`` codes); ``field`` is ``"plate"`` or ``"kind"``."""


@dataclass(frozen=True)
class Plate:
    """A parsed plate; ``display`` is the canonical spelling stored and shown everywhere.

    ``province_code`` is ``""`` for military plates (they carry no province); for diplomatic plates
    ``number`` is ``"<country>-<sequence>"``.
    """

    province_code: str
    series: str
    number: str
    kind: VehicleKind
    display: str
    warnings: tuple[str, ...]


def _dotted(number: str) -> str:
    """Five-digit plate numbers are written ``123.45``; four-digit ones stay as they are."""
    return f"{number[:3]}.{number[3:]}" if len(number) == 5 else number


def _car_display(groups: tuple[str, ...]) -> str:
    province, series, number = groups
    return f"{province}{series}-{_dotted(number)}"


def _motorbike_display(groups: tuple[str, ...]) -> str:
    province, series, number = groups
    return f"{province}-{series} {_dotted(number)}"


def _diplomatic_display(groups: tuple[str, ...]) -> str:
    return "-".join(groups)


def _military_display(groups: tuple[str, ...]) -> str:
    series, number = groups
    return f"{series}-{number[:2]}-{number[2:]}"


_Part = str | tuple[str, ...]
"""One group of a layout: its spellings in the layout notation (one, or a tuple of alternatives)."""

_NOTATION = {"#": "[0-9]", "@": "[A-ZĐ]"}
"""Layout notation: ``#`` is a digit, ``@`` a letter (``A-Z`` or ``Đ``), anything else itself."""
_FILLERS = {"#": "1", "@": "A"}
"""What stands for a character not typed yet: ``1`` and ``A`` break no rule a layout checks
(province 11 and up, series letters, a digit 1-9 after the letter, a serial not all zeros)."""


@dataclass(frozen=True)
class _Layout:
    """One way a plate can be written; ``kinds`` may carry it, ``native`` prefer it.

    ``shapes`` spells out every length and alternative of the layout in the notation
    (``##@#####``), for reading a plate that is only begun.
    """

    name: str
    pattern: re.Pattern[str]
    shapes: tuple[str, ...]
    display: Callable[[tuple[str, ...]], str]
    default_kind: VehicleKind
    kinds: frozenset[str]
    native: frozenset[str]


_CAR = frozenset({"car", "other"})
_BIKE = frozenset({"motorbike", "electric_motorbike", "other"})


def _layout(
    name: str,
    parts: tuple[_Part, ...],
    display: Callable[[tuple[str, ...]], str],
    kinds: frozenset[str],
) -> _Layout:
    default: VehicleKind
    if name.startswith("car"):
        default, native = "car", frozenset({"car"})
    elif name == "electric":
        default, native = "electric_motorbike", frozenset({"electric_motorbike"})
    elif name.startswith("motorbike"):
        default, native = "motorbike", frozenset({"motorbike", "electric_motorbike"})
    else:
        default, native = "other", frozenset({"other"})
    groups = [(part,) if isinstance(part, str) else part for part in parts]
    pattern = "".join(
        "(" + "|".join("".join(_NOTATION.get(c, re.escape(c)) for c in alt) for alt in group) + ")"
        for group in groups
    )
    shapes = tuple("".join(spelling) for spelling in itertools.product(*groups))
    return _Layout(name, re.compile(pattern), shapes, display, default, kinds, native)


# In order of preference when several layouts fit the same characters (formats reference §3).
_LAYOUTS = (
    _layout("car5", ("##", "@", "#####"), _car_display, _CAR),
    _layout("car4", ("##", "@", "####"), _car_display, _CAR),
    _layout("electric", ("##", "MĐ#", "#####"), _motorbike_display, _BIKE - {"motorbike"}),
    _layout("motorbike5", ("##", "@#", "#####"), _motorbike_display, _BIKE),
    _layout("motorbike4", ("##", "@#", "####"), _motorbike_display, _BIKE),
    _layout("special", ("##", _SPECIAL_SERIES, ("####", "#####")), _car_display, _CAR),
    _layout("motorbike2", ("##", "@@", "#####"), _motorbike_display, _BIKE),
    _layout(
        "diplomatic",
        ("##", "###", _DIPLOMATIC_SERIES, ("##", "###")),
        _diplomatic_display,
        _ALL_KINDS,
    ),
    _layout("military", ("@@", "####"), _military_display, _ALL_KINDS),
)


@dataclass(frozen=True)
class _Candidate:
    layout: _Layout
    plate: Plate
    breaks: frozenset[int]


def _compact(text: str) -> tuple[str, frozenset[int]]:
    """Reduce text to ``0-9 A-Z Đ`` and remember where something else stood between kept chars."""
    kept: list[str] = []
    breaks: set[int] = set()
    for char in unicodedata.normalize("NFC", text).upper():
        char = _LOOKALIKES.get(char, char)
        if char in _KEEP:
            kept.append(char)
        elif kept:
            breaks.add(len(kept))
    breaks.discard(len(kept))
    return "".join(kept), frozenset(breaks)


def _series_error(layout: _Layout, series: str) -> str | None:
    """The code for a series this layout cannot carry, or None when it is fine."""
    letters = series.rstrip("0123456789")
    digit = series[len(letters) :]
    allowed = _SERIES_LETTERS
    if layout.name == "car4":
        allowed = _SERIES_LETTERS | _OBSOLETE_CAR_LETTERS
    elif layout.name == "military":
        ok = series[0] in _MILITARY_FIRST_LETTERS and series[1] != "Đ"
        return None if ok else "plate.series"
    elif layout.name in ("special", "diplomatic", "electric"):
        allowed = frozenset(letters)  # fixed by the pattern
    if any(letter not in allowed for letter in letters) or digit == "0":
        return "plate.series"
    return None


def _candidate(layout: _Layout, match: re.Match[str]) -> _Candidate | InvalidPlate:
    """Build the plate one layout reads, or the error that layout finds in it."""
    groups = match.groups()
    if layout.name == "military":
        province, series, number = "", groups[0], groups[1]
    elif layout.name == "diplomatic":
        province, series, number = groups[0], groups[2], f"{groups[1]}-{groups[3]}"
    else:
        province, series, number = groups
    if province and int(province) < 11:
        return InvalidPlate("plate.province", "plate")
    code = _series_error(layout, series)
    if code:
        return InvalidPlate(code, "plate")
    serial = groups[-1]
    if set(serial) == {"0"}:
        return InvalidPlate("plate.number", "plate")
    warnings = ("plate.province_unlisted",) if province and province not in PLATE_PROVINCES else ()
    display = layout.display(groups)
    plate = Plate(province, series, number, layout.default_kind, display, warnings)
    return _Candidate(layout, plate, _compact(display)[1])


def _choose(candidates: list[_Candidate], breaks: frozenset[int], kind: str | None) -> _Candidate:
    """Punctuation first, then the operator's kind, then the reference's order of preference."""
    fitting = [c for c in candidates if breaks <= c.breaks] or candidates
    if kind is None:
        return fitting[0]
    fitting = [c for c in fitting if kind in c.layout.kinds]
    if not fitting:
        raise InvalidPlate("plate.kind_mismatch", "kind", "format cannot be this vehicle kind")
    return min(fitting, key=lambda c: kind not in c.layout.native)


def parse_plate(text: str, kind: str | None = None) -> Plate:
    """Read a plate written any way and return it with its canonical ``display``.

    ``kind`` is the vehicle kind when the operator knows it: it resolves ``30A12345`` (a car unless
    the kind says motorbike, then ``30-A1 2345``) and raises ``plate.kind_mismatch`` when no layout
    of the plate fits it.  Kind ``other`` fits every plate; an ``MĐ`` plate fits only
    ``electric_motorbike`` (not ``motorbike``), while ordinary motorbike plates also fit
    ``electric_motorbike``; special series (LD, R, ...) fit ``car``; diplomatic and military plates
    fit every kind.  Without a kind, special, diplomatic and military plates read as ``other``.
    The returned ``kind`` is the given one, else the plate's.  Raises :class:`InvalidPlate`.
    """
    if kind is not None and kind not in _ALL_KINDS:
        raise InvalidPlate("plate.kind_mismatch", "kind", "unknown vehicle kind")
    if not isinstance(text, str) or len(text) > _MAX_INPUT:
        raise InvalidPlate("plate.format", "plate", "not a plate-sized text")
    compact, breaks = _compact(text)
    candidates: list[_Candidate] = []
    first_error: InvalidPlate | None = None
    for layout in _LAYOUTS:
        match = layout.pattern.fullmatch(compact)
        if match is None:
            continue
        result = _candidate(layout, match)
        if isinstance(result, _Candidate):
            candidates.append(result)
        elif first_error is None:
            first_error = result
    if not candidates:
        raise first_error or InvalidPlate("plate.format", "plate", "no plate layout fits")
    chosen = _choose(candidates, breaks, kind)
    if kind is None:
        return chosen.plate
    return replace(chosen.plate, kind=_KIND_NAMES[kind])


def _begun(layout: _Layout, compact: str) -> str | None:
    """The display of the first plate of this layout that starts with ``compact``, if any."""
    for shape in layout.shapes:
        if len(compact) > len(shape):
            continue
        filled = compact + "".join(_FILLERS.get(c, c) for c in shape[len(compact) :])
        match = layout.pattern.fullmatch(filled)
        result = None if match is None else _candidate(layout, match)
        if isinstance(result, _Candidate):
            return result.plate.display
    return None


def _cut(display: str, count: int) -> str:
    """``display`` up to its ``count``-th plate character (punctuation after it left out)."""
    kept = 0
    for index, char in enumerate(display):
        if kept == count:
            return display[:index]
        if char in _KEEP:
            kept += 1
    return display


def plate_prefix(text: str, kind: str | None = None) -> str | None:
    """A plate being typed, written as far as it goes; None when no plate can start like this.

    ``parse_plate`` and this share the layouts and rules: ``text`` is a possible start when some
    layout, filled up with characters that break no rule, reads as a plate ``kind`` may carry.  So
    ``03`` (no province below 11), ``30I`` (no series I on 5-digit plates), a sixth digit after
    ``30A`` for a car: None.  A whole plate gives its ``parse_plate`` display; a begun one is
    punctuated the way the first layout that can still finish it writes plates (``30A123`` ->
    ``30A-123``), the kind's own layouts first.  Never raises.
    """
    if kind is not None and kind not in _ALL_KINDS:
        return None
    if not isinstance(text, str) or len(text) > _MAX_INPUT:
        return None
    try:
        return parse_plate(text, kind).display
    except InvalidPlate:
        pass
    compact, _ = _compact(text)
    layouts = [layout for layout in _LAYOUTS if kind is None or kind in layout.kinds]
    layouts.sort(key=lambda layout: kind is not None and kind not in layout.native)
    for layout in layouts:
        display = _begun(layout, compact)
        if display is not None:
            return _cut(display, len(compact))
    return None


_FRAME = re.compile(r"[A-Z0-9.\-]{5,20}")
_VIN = re.compile(r"[A-HJ-NPR-Z0-9]{17}")


def _normalise_number(text: str, code: str, field: str) -> str:
    """Upper-case, spaces removed, then the loose frame/engine number shape of reference §5."""
    if not isinstance(text, str) or len(text) > _MAX_NUMBER:
        raise DomainError(code, field, "not a number-sized text")
    value = "".join(unicodedata.normalize("NFC", text).upper().split())
    if not _FRAME.fullmatch(value):
        raise DomainError(code, field, "expected 5-20 of A-Z 0-9 . -")
    return value


def check_chassis_number(text: str, kind: str) -> tuple[str, tuple[str, ...]]:
    """Normalise a chassis (frame) number; a car's that is no 17-character VIN is only warned about.

    No check digit is mandatory in Vietnam, so a VIN is never rejected for it.  Raises
    :class:`DomainError` ``vehicle.chassis_number``.
    """
    value = _normalise_number(text, "vehicle.chassis_number", "chassis_number")
    if kind == "car" and not _VIN.fullmatch(value):
        return value, ("vehicle.vin_unusual",)
    return value, ()


def check_engine_number(text: str) -> str:
    """Normalise an engine number (5-20 of ``A-Z 0-9 . -``); raises ``vehicle.engine_number``."""
    return _normalise_number(text, "vehicle.engine_number", "engine_number")
