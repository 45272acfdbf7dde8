"""Street and alley from a free-text Vietnamese address, for the households screen and the route sheet.

The roster holds one address string per household ("Số 12 ngõ 34 phố Tô Hiệu, Phường Hà Đông, Hà
Nội"). The rounds go street by street and alley by alley, so :func:`street_and_alley` reads both out
of it by the marker words, accents and case aside:

1. The address is cut at commas. Parts before the first administrative part are read; that part
   (it starts with ``phường``, ``xã``, ``quận``, ``huyện``, ``thị xã``, ``thị trấn``, ``thành phố``,
   ``tỉnh``, ``TP`` or ``Hà Nội``) and everything after it are not. A part that starts with ``tổ``
   (the residential group, "Tổ dân phố 5") is skipped. Inside a part, ``phường``, ``xã``, ``quận``,
   ``huyện``, ``tỉnh``, ``TP``, ``thị xã``, ``thị trấn``, ``thành phố`` or ``Hà Nội`` ends the
   reading too ("… phố Huế Phường Hai Bà Trưng" without commas); there only the accented forms
   count, and "Thị" alone is a name ("đường Nguyễn Thị Minh Khai").
2. Marker words: ``phố`` and ``đường`` open the **street**; ``ngõ``, ``ngách`` and ``hẻm`` open an
   **alley** level. A marker's value is the words after it up to the next marker or the end of the
   part; its first word is always value, so "phố Đường Thành" is the street "Phố Đường Thành". A
   leading ``số`` in a value goes ("ngõ số 5" is "Ngõ 5"). A word is a marker when it is the marker
   as written (any case: "Ngõ", "NGÕ") or the marker without any accent ("ngo", "duong"); a word
   with other accents is a name ("Dương" in "phố Dương Khuê" is no "đường").
3. **street**: the first street marker and its value, capitalised ("Phố Tô Hiệu", "Đường Quang
   Trung"); "" when the address names none.
4. **alley**: the first ``ngõ``, then the first ``ngách``, then the first ``hẻm``, in that order,
   joined by " / ", the first capitalised ("Ngõ 34 / ngách 34/5"); "" when none. An alley belongs
   to the street of the same address: lists show and sort it under that street.
5. Words of a value get a capital first letter, the rest in lower case (an upper-case card address
   and a typed one give the same street); numbers are kept as written ("34/5", "12A").

The house number ("Số 12") is neither: it only orders houses along an alley (:func:`natural_key`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, NamedTuple

from kiosk.domain.text import normalize, search_key

__all__ = [
    "Place",
    "address_key",
    "folded_address",
    "locate",
    "natural_key",
    "natural_key_cached",
    "street_and_alley",
]

STREET_MARKERS: Final = ("phố", "đường")
ALLEY_MARKERS: Final = ("ngõ", "ngách", "hẻm")
"""In the order the alley is written: ngõ, then ngách (an alley off the ngõ), then hẻm."""
_ADMIN_PARTS: Final = (
    "phường",
    "xã",
    "quận",
    "huyện",
    "thị",
    "thành",
    "tỉnh",
    "tp",
    "tp.",
    "phuong",
    "quan",
    "huyen",
    "tinh",
)
"""First words of the comma part that starts the administrative tail (ward, district, city)."""
_ADMIN_WORDS: Final = ("phường", "xã", "quận", "huyện", "tỉnh", "tp", "tp.")
"""Words that end the reading inside a part; "thị" and "thành" only before "xã", "trấn", "phố"
("Nguyễn Thị Minh Khai" is a street), and unaccented forms never ("Quan Thánh" typed plain)."""
_ADMIN_PAIRS: Final = {"thị": ("xã", "trấn"), "thành": ("phố",), "hà": ("nội",)}
_SKIPPED_PARTS: Final = ("tổ", "to")
_NUMBER_WORD: Final = ("số", "so")
_SPLIT_DIGITS: Final = re.compile(r"(\d+)")
_HOUSE: Final = re.compile(r"^(?:số|so)\s+\d[\w/.-]*\s*,?\s*", re.IGNORECASE)
"""The house number at the start ("Số 12", "số 5A,"): never a marker, so it can go first."""


class Place(NamedTuple):
    """Where a household is on the round: its street and its alley ("" when not named)."""

    street: str
    alley: str


def _lower(word: str) -> str:
    """A word of a normalised address (NFC already) in lower case."""
    return word.lower()


_MARKERS: Final = {
    **{search_key(m): m for m in (*STREET_MARKERS, *ALLEY_MARKERS)},
    **{m: m for m in (*STREET_MARKERS, *ALLEY_MARKERS)},
}
"""Each marker as written and without its accents ("ngo", "duong"), to the marker."""


def _marker(word: str) -> str | None:
    """The marker ``word`` is (as written in any case, or without any accent), or None: an
    unaccented form counts only for a word with no accent at all ("Dương" is no "đường")."""
    lower = word.lower()
    found = _MARKERS.get(lower)
    if found is None or (lower != found and not lower.isascii()):
        return None
    return found


def _admin_at(words: list[str], index: int) -> bool:
    """Whether the administrative tail starts at ``words[index]`` inside a part."""
    lower = _lower(words[index])
    if lower in _ADMIN_WORDS:
        return True
    following = _ADMIN_PAIRS.get(lower)
    return (
        following is not None and index + 1 < len(words) and _lower(words[index + 1]) in following
    )


def _admin_part(words: list[str]) -> bool:
    """A comma part that starts the administrative tail (ward, district, city)."""
    if not words:
        return False
    first = _lower(words[0])
    if first in ("hà", "ha") and len(words) > 1 and _lower(words[1]) in ("nội", "noi"):
        return True
    return first in _ADMIN_PARTS


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:].lower() if word[:1].isalpha() else word


def _value(words: list[str]) -> str:
    if len(words) > 1 and _lower(words[0]) in _NUMBER_WORD:
        words = words[1:]
    return " ".join(_capitalised(w) for w in words)


def _marked(words: list[str]) -> tuple[list[tuple[str, list[str]]], bool]:
    """The markers of one comma part with their values; whether the administrative tail began."""
    found: list[tuple[str, list[str]]] = []
    for index, word in enumerate(words):
        current = found[-1] if found else None
        if current is not None and not current[1]:  # a marker's first word is always its value
            current[1].append(word)
            continue
        if _admin_at(words, index):
            return found, True
        marker = _marker(word)
        if marker is not None:
            found.append((marker, []))
        elif current is not None:
            current[1].append(word)
    return found, False


def street_and_alley(address: str) -> Place:
    """The street and alley of ``address`` by the rule of this module's docstring."""
    return _place(_HOUSE.sub("", normalize(address), count=1))


@lru_cache(maxsize=32_768)
def locate(address: str) -> tuple[Place, tuple[tuple[str | int, ...], tuple[str | int, ...]]]:
    """:func:`street_and_alley` and :func:`address_key` of ``address`` at once, kept for the
    ward's addresses (the households screen reads 10,000 of them at every opening)."""
    text = normalize(address)
    house = _HOUSE.match(text)
    number = house.group(0) if house else ""
    rest = text[len(number) :]
    return _place(rest), (_plain_key(rest), _plain_key(number))


def _plain_key(text: str) -> tuple[str | int, ...]:
    """:func:`natural_key` with case folded but not accents: a tie-break between houses whose
    street and alley already matched, at a tenth of the cost."""
    parts = _SPLIT_DIGITS.split(text.casefold())
    return tuple(int(p) if index % 2 else p for index, p in enumerate(parts))


@lru_cache(maxsize=16_384)
def _place(address: str) -> Place:
    """The rule, on an address without its house number: the houses of one alley share it, so
    a ward of 10,000 households reads a few thousand distinct ones."""
    street = ""
    alleys: dict[str, str] = {}
    for part in address.split(","):
        words = part.split()
        if _admin_part(words):
            break
        if words and _lower(words[0]) in _SKIPPED_PARTS:
            continue
        found, ended = _marked(words)
        for marker, value in found:
            if not value:
                continue
            if marker in STREET_MARKERS:
                street = street or f"{_capitalised(marker)} {_value(value)}"
            else:
                alleys.setdefault(marker, _value(value))
        if ended:
            break
    alley = " / ".join(f"{m} {alleys[m]}" for m in ALLEY_MARKERS if m in alleys)
    return Place(street, alley[:1].upper() + alley[1:])


def address_key(address: str) -> tuple[tuple[str | int, ...], tuple[str | int, ...]]:
    """A sort key for the houses of one street and alley: the address without its house number
    (case folded, numbers by value), then the house number by its value ("Số 9" before
    "Số 12", "Số 12A" after "Số 12")."""
    return locate(address)[1]


def folded_address(address: str) -> str:
    """``address`` folded for search (:func:`kiosk.domain.text.search_key`), the part after the
    house number folded once for all the houses of an alley."""
    text = normalize(address)
    house = _HOUSE.match(text)
    number = house.group(0) if house else ""
    return " ".join(p for p in (search_key(number), _folded(text[len(number) :])) if p)


def natural_key(text: str) -> tuple[str | int, ...]:
    """A sort key that folds accents and case and orders numbers by value: "Tổ dân phố 2" before
    "Tổ dân phố 10", "Số 9 ngõ 3" before "Số 12 ngõ 3". Strings and numbers alternate at the same
    places in every key, so any two keys compare."""
    parts = _SPLIT_DIGITS.split(search_key(text))
    return tuple(int(p) if index % 2 else p for index, p in enumerate(parts))


natural_key_cached = lru_cache(maxsize=16_384)(natural_key)
""":func:`natural_key` for texts that repeat (groups, streets, alleys, an alley's addresses)."""
_folded = lru_cache(maxsize=16_384)(search_key)
