"""Telex and VNI typing (kiosk/domain/telex.py), checked on real words from Debian's hunspell-vi.

Every single-syllable word of ``/usr/share/hunspell/vi_VN.dic`` is typed back from keys built by
an inverse written here (base letters, mark keys right after their letter, the tone key at the
end or right after the vowel that carries it) and must come out exactly as the dictionary spells it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.domain.identity import PROVINCES
from kiosk.domain.telex import Method, ToneStyle, compose, is_modifier_key
from tests.strategies.identity import ADDRESSES, FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES

DICTIONARY = Path("/usr/share/hunspell/vi_VN.dic")
METHODS: tuple[Method, ...] = ("telex", "vni")

# --- the dictionary -----------------------------------------------------------------------------

_TONE_MARKS = "\u0301\u0300\u0309\u0303\u0323"  # sắc, huyền, hỏi, ngã, nặng
_BASE_VOWELS = "aăâeêioôơuưy"
_ALL_VOWELS = "".join(
    unicodedata.normalize("NFC", v + t) for v in _BASE_VOWELS for t in ("", *_TONE_MARKS)
)
_SYLLABLE = re.compile(
    rf"(?P<onset>ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
    rf"(?P<nucleus>[{_ALL_VOWELS}]{{1,3}})"
    rf"(?P<final>ch|ng|nh|[cmnpt])?"
)


@dataclass(frozen=True)
class Word:
    """A dictionary word split the way the tests need it."""

    text: str
    nucleus: str  # without tone, without the u of qu and the i of gi + vowel
    style: ToneStyle  # "old" (hòa), "new" (hoà) or "new" when the styles agree


def _strip_tones(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONE_MARKS))


_OLD_STYLE = re.compile(r"(?<!q)(?:[òóỏõọ][ae]|[ùúủũụ]y)$")
_NEW_STYLE = re.compile(r"(?<!q)(?:o[àáảãạ]|o[èéẻẽẹ]|u[ỳýỷỹỵ])$")


def _style(text: str) -> ToneStyle:
    """Old style puts the tone of a final oa/oe/uy on the first vowel: hòa, khỏe, thủy."""
    return "old" if _OLD_STYLE.search(text.lower()) else "new"


def _word(text: str) -> Word | None:
    match = _SYLLABLE.fullmatch(text.lower())
    toned = sum(unicodedata.normalize("NFD", c)[-1] in _TONE_MARKS for c in text)
    if match is None or toned > 1:
        return None
    return Word(text, _strip_tones(match["nucleus"]), _style(text))


@cache
def _dictionary() -> tuple[Word, ...]:
    if not DICTIONARY.exists():
        pytest.fail(f"{DICTIONARY} is missing: apt-get install hunspell-vi", pytrace=False)
    lines = DICTIONARY.read_text(encoding="utf-8").splitlines()[1:]  # the first line is the count
    entries = sorted({unicodedata.normalize("NFC", line.split("/")[0]) for line in lines})
    return tuple(w for w in map(_word, entries) if w is not None)


# --- the inverse: keys that type a word ---------------------------------------------------------

TELEX_MARKS = {"â": "aa", "ă": "aw", "ê": "ee", "ô": "oo", "ơ": "ow", "ư": "uw", "đ": "dd"}
TELEX_TONES = dict(zip(_TONE_MARKS, "sfrxj", strict=True))
VNI_MARKS = {"â": "a6", "ă": "a8", "ê": "e6", "ô": "o6", "ơ": "o7", "ư": "u7", "đ": "d9"}
VNI_TONES = dict(zip(_TONE_MARKS, "12345", strict=True))


def _letters(text: str) -> tuple[list[str], str, int | None]:
    """The letters without tone, the tone mark and the index of the letter that carries it."""
    letters: list[str] = []
    tone, carrier = "", None
    for i, char in enumerate(text):
        marks = [c for c in unicodedata.normalize("NFD", char) if c in _TONE_MARKS]
        if marks:
            tone, carrier = marks[0], i
        letters.append(_strip_tones(char))
    return letters, tone, carrier


def _with_case(keys: str, upper: bool) -> str:
    return keys.upper() if upper else keys


def keys_for(
    text: str, method: Method = "telex", *, tone_after_vowel: bool = False, short_uo: bool = False
) -> str:
    """Keys that type ``text``; ``short_uo`` types ươ as uow (VNI uo7) instead of uwow (u7o7)."""
    marks, tones = (TELEX_MARKS, TELEX_TONES) if method == "telex" else (VNI_MARKS, VNI_TONES)
    letters, tone, carrier = _letters(text)
    keys: list[str] = []
    for i, letter in enumerate(letters):
        low = letter.lower()
        typed = marks.get(low, low)
        if short_uo and low == "ư" and letters[i + 1 : i + 2] in (["ơ"], ["Ơ"]):
            typed = "u"
        elif method == "telex" and low in "aeo" and low in "".join(letters[:i]).lower():
            typed = low * 2  # xoong: the second o would mark the first; typing it again undoes that
        keys.append(_with_case(typed, letter.isupper()))
        if tone_after_vowel and i == carrier:
            keys.append(_with_case(tones[tone], letter.isupper()))
    if tone and not tone_after_vowel:
        keys.append(tones[tone])
    return "".join(keys)


def _mistyped(words: Iterable[Word], method: Method, **options: bool) -> list[tuple[str, str, str]]:
    wrong = []
    for word in words:
        keys = keys_for(word.text, method, **options)
        got = compose(keys, method, word.style)
        if got != word.text:
            wrong.append((word.text, keys, got))
    return wrong


# --- the word list itself -----------------------------------------------------------------------


def _nuclei(words: Iterable[Word]) -> set[str]:
    return {w.nucleus for w in words}


def test_the_dictionary_covers_every_rule() -> None:
    words = _dictionary()
    assert len(words) >= 200
    seen = {unicodedata.normalize("NFC", c) for w in words for c in w.text.lower()}
    missing = sorted(set(_ALL_VOWELS) - seen)
    assert missing == [], "every tone (and none) on every vowel"
    assert any("đ" in w.text for w in words)
    lowered = [w.text.lower() for w in words]
    for pattern in ("oà", "oá", "oẻ", "oé", "uỷ", "uý"):  # new-style oa, oe, uy at the word's end
        assert any(t.endswith(pattern) and not t.startswith("qu") for t in lowered), pattern
    assert {"ươ", "ươi", "ươu", "uơ"} <= _nuclei(words)
    assert sum(t.startswith("qu") for t in lowered) >= 50
    assert sum(t.startswith("gi") and len(t) > 2 for t in lowered) >= 50
    assert {"gì", "gìn", "giữa", "quá", "thuở", "người", "khuỷu", "ngoài"} <= set(lowered)
    three = {"oai", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "iêu", "yêu", "uyê", "uya", "uyu"}
    assert three <= _nuclei(words)


# --- every dictionary word ----------------------------------------------------------------------


def test_dictionary_words_typed_in_telex_tone_last() -> None:
    assert _mistyped(_dictionary(), "telex") == []


def test_dictionary_words_typed_in_telex_tone_after_its_vowel() -> None:
    assert _mistyped(_dictionary(), "telex", tone_after_vowel=True) == []


def test_dictionary_words_typed_in_telex_with_uow_for_uo_horn() -> None:
    words = [w for w in _dictionary() if w.nucleus.startswith("ươ")]
    assert len(words) >= 100
    assert _mistyped(words, "telex", short_uo=True) == []
    assert _mistyped(words, "telex", short_uo=True, tone_after_vowel=True) == []


def test_dictionary_words_typed_in_vni() -> None:
    words = _dictionary()
    assert _mistyped(words, "vni") == []
    assert _mistyped(words, "vni", tone_after_vowel=True) == []
    assert _mistyped(words, "vni", short_uo=True) == []


def _old_style(text: str) -> str:
    """hoà → hòa: the tone of a final oa/oe/uy moves to the first vowel."""
    letters, tone, _ = _letters(text)
    letters[-2] = unicodedata.normalize("NFC", letters[-2] + tone)
    return "".join(letters)


def test_new_style_words_respelled_old_style() -> None:
    """hunspell-vi 7.5 writes only the new style (hoà, khoẻ, thuỷ): the old style is respelled.

    Old-style words in a later version are typed with ``style="old"`` by the tests above.
    """
    new = [w for w in _dictionary() if _NEW_STYLE.search(w.text.lower())]
    assert len(new) >= 10
    assert {w.nucleus for w in new} >= {"oa", "oe", "uy"}
    for word in new:
        old = _old_style(word.text)
        for method in METHODS:
            assert compose(keys_for(old, method), method, "old") == old
            assert compose(keys_for(old, method), method, "new") == word.text
            assert compose(keys_for(word.text, method), method, "old") == old


def test_every_prefix_of_every_word_is_nfc() -> None:
    for word in _dictionary():
        keys = keys_for(word.text)
        for end in range(len(keys) + 1):
            shown = compose(keys[:end])
            assert shown == unicodedata.normalize("NFC", shown), (keys, end)


# --- names --------------------------------------------------------------------------------------

# Formats reference §1 (card samples) and §6 (Hanoi wards); §2's provinces come from PROVINCES.
REFERENCE_NAMES = (
    "NGUYỄN VĂN AN", "Trần Thị Bình", "Lê Văn Cường", "Nam", "Nữ", "Căn cước",
    "Yên Nghĩa", "Tây Hồ", "Hà Đông", "Dương Nội", "Kiến Hưng", "Bồ Đề", "Việt Hưng", "Phúc Lợi",
    "Hồng Hà", "Sơn Tây", "Phường Hai Bà Trưng", "Xã Đông Anh", "Hà Nội",
)  # fmt: skip
FULL_NAMES = (
    "Nguyễn Thị Hường", "Trần Thị Hoà", "Đặng Văn Nam", "Phạm Quốc Khánh", "Lê Thị Thuỷ",
    "Ngô Gia Khiêm", "Bùi Thị Ngọc Giàu", "Hoàng Văn Quyết",
)  # fmt: skip


def _names() -> Iterator[str]:
    yield from REFERENCE_NAMES
    yield from FULL_NAMES
    yield from sorted(set(PROVINCES.values()))
    yield from FAMILY_NAMES
    yield from GIVEN_NAMES
    for names in MIDDLE_NAMES.values():
        yield from names
    for address in ADDRESSES:
        yield " ".join(w for w in re.split(r"[\s,]+", address) if w and not w.isdigit())


def _type_name(name: str, method: Method, **options: bool) -> str:
    words = re.split(r"([ –])", name)
    return "".join(
        w if w in " –" else compose(keys_for(w, method, **options), method, _style(w))
        for w in words
    )


@pytest.mark.parametrize("name", sorted(set(_names())))
def test_names_typed_word_by_word(name: str) -> None:
    assert _type_name(name, "telex") == name
    assert _type_name(name, "telex", tone_after_vowel=True) == name
    assert _type_name(name, "vni") == name


def test_names_in_both_tone_styles() -> None:
    assert _type_name("Hòa Bình", "telex") == "Hòa Bình"
    assert compose("Hoaf") == "Hoà"
    assert compose("Hoaf", style="old") == "Hòa"
    assert compose("Thanh") + " " + compose("Hoas", style="old") == "Thanh Hóa"
    assert compose("Thuyr") == "Thuỷ"
    assert compose("Thuyr", style="old") == "Thủy"
    assert compose("khoer") == "khoẻ"
    assert compose("khoer", style="old") == "khỏe"


# --- the rules, one by one ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ("ass", "as"), ("asss", "ass"), ("aff", "af"), ("tanss", "tans"), ("asns", "ans"),
        ("aaa", "aa"), ("aaaa", "aaa"), ("eee", "ee"), ("ooo", "oo"), ("xooong", "xoong"),
        ("ddd", "dd"), ("dddd", "ddd"), ("aww", "aw"), ("oww", "ow"), ("uww", "uw"),
        ("ww", "w"), ("www", "ww"), ("tww", "tw"), ("uowww", "uow"),
    ],
)  # fmt: skip
def test_telex_undo(keys: str, expected: str) -> None:
    assert compose(keys) == expected


@pytest.mark.parametrize(
    ("keys", "expected"),
    [("a11", "a1"), ("a22", "a2"), ("a66", "a6"), ("a88", "a8"), ("o77", "o7"), ("d99", "d9"),
     ("uo777", "uo7"), ("a666", "a66")],
)  # fmt: skip
def test_vni_undo(keys: str, expected: str) -> None:
    assert compose(keys, "vni") == expected


@pytest.mark.parametrize(
    ("keys", "expected"),
    [("a86", "â"), ("a68", "ă"), ("o76", "ô"), ("uo6", "uô"), ("ie6", "iê"), ("eo6", "eô"),
     ("oa8", "oă"), ("ua7", "ưa"), ("9", "9"), ("da9", "đa")],
)  # fmt: skip
def test_vni_marks_replace_each_other_and_land_on_the_nearest_vowel(
    keys: str, expected: str
) -> None:
    assert compose(keys, "vni") == expected


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ("DDaang", "Đâng"), ("Nguyeenx", "Nguyễn"), ("HUWOWNGF", "HƯỜNG"), ("Dd", "Đ"),
        ("dD", "đ"), ("aA", "â"), ("Aa", "Â"), ("AS", "Á"), ("As", "Á"), ("aS", "á"),
        ("ASS", "AS"), ("AaA", "AA"), ("W", "Ư"), ("TW", "TƯ"), ("Ww", "w"), ("HOAF", "HOÀ"),
    ],
)  # fmt: skip
def test_case_follows_the_letter_not_the_mark_key(keys: str, expected: str) -> None:
    assert compose(keys) == expected


@pytest.mark.parametrize(
    ("keys", "expected"),
    [("w", "ư"), ("tw", "tư"), ("nhw", "như"), ("twf", "từ"), ("nhwngx", "những"),
     ("giwx", "giữ"), ("iw", "iw"), ("clw", "clw"), ("7", "7")],
)  # fmt: skip
def test_lone_w(keys: str, expected: str) -> None:
    assert compose(keys) == expected


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ("huwowngf", "hường"), ("huowngf", "hường"), ("huongwf", "hường"), ("huongfw", "hường"),
        ("huow", "huơ"), ("huowng", "hương"), ("thuowr", "thuở"), ("thuowngr", "thưởng"),
        ("nguoiw", "ngươi"), ("nguoiwf", "người"), ("ruouwj", "rượu"), ("uow", "uơ"),
        ("uoww", "ươ"), ("uwo", "ưo"), ("uwow", "ươ"), ("quow", "quơ"), ("quowr", "quở"),
    ],
)  # fmt: skip
def test_w_on_uo(keys: str, expected: str) -> None:
    assert compose(keys) == expected


def test_vni_uo7() -> None:
    assert compose("uo7", "vni") == "uơ"
    assert compose("huo7ng2", "vni") == "hường"
    assert compose("nguoi72", "vni") == "người"
    assert compose("thuo73", "vni") == "thuở"


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ("hoafng", "hoàng"), ("hoangf", "hoàng"), ("toasn", "toán"), ("toans", "toán"),
        ("tieengs", "tiếng"), ("tieesng", "tiếng"), ("tiengse", "tiếng"),
        ("muaf", "mùa"), ("mufa", "mùa"), ("chasu", "cháu"), ("chaus", "cháu"),
        ("ngoaif", "ngoài"), ("ngofai", "ngoài"), ("khuyru", "khuỷu"), ("khuryu", "khuỷu"),
    ],
)  # fmt: skip
def test_tone_before_or_after_the_final_consonants(keys: str, expected: str) -> None:
    assert compose(keys) == expected


@pytest.mark.parametrize(
    ("keys", "expected"),
    [("tiene", "tiên"), ("khuaat", "khuât"), ("dand", "đan"), ("dongf", "dòng"),
     ("hoawcj", "hoặc"), ("muaw", "mưa"), ("huuw", "hưu"), ("quawng", "quăng")],
)  # fmt: skip
def test_marks_after_the_final_consonants(keys: str, expected: str) -> None:
    assert compose(keys) == expected


@pytest.mark.parametrize(
    ("keys", "method", "expected"),
    [
        ("asz", "telex", "a"), ("az", "telex", "az"), ("hoangfz", "telex", "hoang"),
        ("Nguyeenxz", "telex", "Nguyên"), ("a10", "vni", "a"), ("a0", "vni", "a0"),
        ("hoang20", "vni", "hoang"), ("asf", "telex", "à"), ("a12", "vni", "à"),
    ],
)  # fmt: skip
def test_tone_removal_and_replacement(keys: str, method: Method, expected: str) -> None:
    assert compose(keys, method) == expected


@pytest.mark.parametrize(
    ("keys", "expected"),
    [("quas", "quá"), ("quyeets", "quyết"), ("gif", "gì"), ("ginf", "gìn"), ("giuwax", "giữa"),
     ("giaf", "già"), ("gioir", "giỏi"), ("quys", "quý"), ("thuowr", "thuở")],
)  # fmt: skip
def test_qu_and_gi(keys: str, expected: str) -> None:
    assert compose(keys) == expected


def test_prefixes_show_what_is_typed_so_far() -> None:
    keys = "nguyeenx"
    shown = [compose(keys[:n]) for n in range(1, len(keys) + 1)]
    assert shown == ["n", "ng", "ngu", "nguy", "nguye", "nguyê", "nguyên", "nguyễn"]


def test_prefixes_of_huowngf() -> None:
    keys = "huowngf"
    shown = [compose(keys[:n]) for n in range(1, len(keys) + 1)]
    assert shown == ["h", "hu", "huo", "huơ", "hươn", "hương", "hường"]


@pytest.mark.parametrize(
    ("keys", "expected"),
    [("s", "s"), ("sas", "sá"), ("xx", "xx"), ("clas", "clas"), ("Anna", "Anna"),
     ("bankas", "bankas"), ("fas", "fas"), ("ddaa", "đâ"), ("adda", "adda")],
)  # fmt: skip
def test_keys_act_only_while_the_word_can_be_a_syllable(keys: str, expected: str) -> None:
    assert compose(keys) == expected


def test_is_modifier_key() -> None:
    assert all(is_modifier_key(k, "telex") for k in "sfrxjzaeowdSW")
    assert not any(is_modifier_key(k, "telex") for k in "bcnqt16")
    assert all(is_modifier_key(k, "vni") for k in "0123456789")
    assert not any(is_modifier_key(k, "vni") for k in "sfwa")


@given(st.text(max_size=12))
def test_any_text_gives_nfc_text(keys: str) -> None:
    for method in METHODS:
        shown = compose(keys, method)
        assert shown == unicodedata.normalize("NFC", shown)


@given(st.text(alphabet="abcdeghiklmnopqrstuvwxyzAEODW0123456789", max_size=12))
def test_any_keys_give_nfc_text_no_longer_than_the_keys(keys: str) -> None:
    for method in METHODS:
        shown = compose(keys, method)
        assert shown == unicodedata.normalize("NFC", shown)
        assert len(shown) <= len(keys)
        assert compose(keys.upper(), method) == compose(keys.lower(), method).upper()
