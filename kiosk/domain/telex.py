"""Vietnamese Telex and VNI typing: the text of one word from the keys typed for it.

The kiosk's on-screen keyboard keeps the keys typed for the word under the cursor and calls
:func:`compose` after every key, so the engine is a pure function of the keys: no hidden state,
and every prefix reads as what a person expects to see while typing.  We follow the published
Telex/VNI conventions as Unikey and EVKey implement them (the ``bogo`` package is unmaintained).

Keys.  Telex: ``aa ee oo`` → â ê ô, ``aw ow uw`` → ă ơ ư, ``dd`` → đ; tones ``s f r x j``
(sắc huyền hỏi ngã nặng), ``z`` removes the tone.  VNI: ``6`` circumflex, ``7`` horn, ``8`` breve,
``9`` đ, ``1``-``5`` tones, ``0`` removes the tone.

Choices where engines differ (each one is tested):

* A mark or tone key acts only while the word reads as one Vietnamese syllable so far: a
  consonant cluster that can start a syllable, one run of vowels, then nothing or a (prefix of a)
  final consonant (c ch m n ng nh p t, and k for Đắk Lắk).  Otherwise the key is typed as a
  letter: ``clas`` stays "clas", ``Anna`` stays "Anna".  Marks and tones already placed stay.
  There is no vowel-sequence or spelling check beyond that (``hoaa`` gives "hoâ").
* Marks may come after the final consonants ("free marking"): ``tiene`` → tiên,
  ``nguoiwf`` → người, ``dand`` → đan (``d`` strokes a d that starts the word).
* A tone is stored for the word and placed when the text is drawn, so it moves as letters arrive:
  ``hoafng`` == ``hoangf`` == hoàng.
* Undo: a mark or tone key that finds its own mark already there removes it and types itself;
  from then on that key is only a letter in this word (``aaa`` → "aa", ``aaaa`` → "aaa",
  ``ass`` → "as", ``asss`` → "ass").  ``oo`` words such as "xoong" are typed ``xooong``.
* ``w`` where no vowel can take it types ư (``w`` → ư, ``nhw`` → như, ``giwx`` → giữ); undoing
  that ư gives the w back (``ww`` → "w").  After other vowels with nothing to mark it is a letter.
* ``w`` (VNI ``7``) on ``uo`` gives ``uơ`` while nothing follows, and ``ươ`` as soon as a letter
  follows (``huow`` → huơ, ``thuowr`` → thuở, ``huowngf`` → hường); on ``ưo`` or ``uơ`` it gives
  ``ươ``; on ``ươ`` it undoes both horns.  This is Unikey's rule with its "th" exception made
  general, so the dictionary's "huơ", "khuơ" and "uở" can be typed too.
* Which vowel a hook key marks: ``uo`` as above; in ``oa`` the a (``hoawcj`` → hoặc); otherwise
  the first a/o/u of the vowel run (``muaw`` → mưa, ``huuw`` → hưu).  Circumflex keys mark the
  last matching vowel (``tieen``, ``khuaat`` → khuât, VNI ``uo6`` → uô).
* Case: a mark or tone takes the case of the letter it lands on, whatever the case of the key
  (``aA`` → â, ``Dd`` → Đ); letters typed by an undo keep the case of their key.
* Not done: Unikey's refusal of huyền/hỏi/ngã after c ch p t, spell-check, word restoration,
  dictionaries.

Tone placement: the u of ``qu`` and the i of ``gi`` + vowel belong to the consonant (quá, giữa,
but gì, gìn); a marked vowel takes the tone (the last one: ươ → ơ); otherwise one vowel takes it,
three vowels → the middle one, two vowels → the second before a final consonant and the first at
the end of the word, except ``oa oe uy`` at the end: the second with ``style="new"`` (hoà, khoẻ,
thuỷ — the kiosk's own texts), the first with ``style="old"`` (hòa, khỏe, thủy).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from typing import Literal

__all__ = ["Method", "ToneStyle", "compose", "is_modifier_key"]

Method = Literal["telex", "vni"]
ToneStyle = Literal["new", "old"]

_VOWELS = frozenset("aeiouy")
_ONSETS = frozenset(
    {"", "b", "c", "ch", "d", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh"}
    | {"p", "ph", "q", "r", "s", "t", "th", "tr", "v", "x"}
)
# k ends the minority-language place names the kiosk writes: Đắk Lắk, Đắk Nông (formats §2).
_FINALS = frozenset({"", "c", "ch", "k", "m", "n", "ng", "nh", "p", "t"})
_NEW_STYLE_PAIRS = frozenset({"oa", "oe", "uy"})

# Marks are the combining characters themselves, so drawing a letter is base + marks + NFC.
_CIRCUMFLEX = "\u0302"
_BREVE = "\u0306"
_HORN = "\u031b"
_STROKE = "stroke"  # đ has no decomposition: drawn as itself, never combined
_HOOK = "hook"  # what w does: breve on a, horn on o and u
_TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # none, sắc, huyền, hỏi, ngã, nặng

_TONE_KEYS: dict[str, dict[str, int]] = {
    "telex": {"z": 0, "s": 1, "f": 2, "r": 3, "x": 4, "j": 5},
    "vni": {"0": 0, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5},
}


@dataclass(frozen=True, slots=True)
class _MarkKey:
    """What a mark key does: which mark, on which base vowels, and the special cases it allows."""

    mark: str
    bases: str
    first: bool = False  # hook keys pick the first candidate vowel, circumflex keys the last
    uo: bool = False  # acts on the uo pair as a whole
    lone: bool = False  # with no vowel to mark, types ư (Telex w)


_MARK_KEYS: dict[str, dict[str, _MarkKey]] = {
    "telex": {
        "a": _MarkKey(_CIRCUMFLEX, "a"),
        "e": _MarkKey(_CIRCUMFLEX, "e"),
        "o": _MarkKey(_CIRCUMFLEX, "o"),
        "w": _MarkKey(_HOOK, "aou", first=True, uo=True, lone=True),
        "d": _MarkKey(_STROKE, "d"),
    },
    "vni": {
        "6": _MarkKey(_CIRCUMFLEX, "aeo"),
        "7": _MarkKey(_HOOK, "ou", first=True, uo=True),
        "8": _MarkKey(_HOOK, "a"),
        "9": _MarkKey(_STROKE, "d"),
    },
}


@dataclass(slots=True)
class _Letter:
    """One letter of the word: the key as typed (for its case), its base letter and its mark."""

    key: str
    base: str
    mark: str = ""
    from_w: bool = False  # an ư typed by a lone Telex w: undoing it gives the w back


@dataclass(slots=True)
class _Word:
    """The word being built: its letters, one tone for the whole word (placed when drawn)."""

    letters: list[_Letter] = field(default_factory=list)
    tone: int = 0
    spent: set[str] = field(default_factory=set)  # keys that undid themselves: letters from now on

    def type_letter(self, key: str) -> None:
        lowered = key.lower()  # "İ".lower() is two characters: keep one base per letter
        self.letters.append(_Letter(key, lowered if len(lowered) == 1 else key))

    def bases(self) -> str:
        return "".join(letter.base for letter in self.letters)


@dataclass(frozen=True, slots=True)
class _Nucleus:
    """The vowel run that carries marks and the tone, without the u of qu and the i of gi."""

    start: int
    end: int
    has_final: bool


def is_modifier_key(key: str, method: Method = "telex") -> bool:
    """Whether ``key`` can act as a mark or tone key in ``method`` (the keyboard may highlight it)."""
    lowered = key.lower()
    return lowered in _TONE_KEYS[method] or lowered in _MARK_KEYS[method]


def compose(keys: str, method: Method = "telex", style: ToneStyle = "new") -> str:
    """The text of one word from the keys typed for it, in NFC."""
    word = _Word()
    for key in keys:
        _press(word, key, method)
        _lift_uo(word)
    return _draw(word, style)


def _press(word: _Word, key: str, method: Method) -> None:
    lowered = key.lower()
    if lowered in word.spent or not _is_syllable(word.bases()):
        word.type_letter(key)
    elif lowered in _TONE_KEYS[method]:
        _press_tone(word, key, _TONE_KEYS[method][lowered])
    elif lowered in _MARK_KEYS[method]:
        _press_mark(word, key, _MARK_KEYS[method][lowered])
    else:
        word.type_letter(key)


def _is_syllable(bases: str) -> bool:
    """Whether the word so far can still become one Vietnamese syllable: onset, vowels, final."""
    onset_end = _first_vowel(bases)
    vowels_end = _vowel_run_end(bases, onset_end)
    return bases[:onset_end] in _ONSETS and bases[vowels_end:] in _FINALS


def _first_vowel(bases: str) -> int:
    return next((i for i, base in enumerate(bases) if base in _VOWELS), len(bases))


def _vowel_run_end(bases: str, start: int) -> int:
    end = start
    while end < len(bases) and bases[end] in _VOWELS:
        end += 1
    return end


def _nucleus(bases: str) -> _Nucleus | None:
    start = _first_vowel(bases)
    end = _vowel_run_end(bases, start)
    if start == end:
        return None
    if end - start > 1 and (bases[:start], bases[start]) in {("q", "u"), ("g", "i")}:
        start += 1
    return _Nucleus(start, end, end < len(bases))


def _press_tone(word: _Word, key: str, tone: int) -> None:
    """Set, replace or undo the word's tone; a tone key before any vowel is a letter (s in sáng)."""
    if _nucleus(word.bases()) is None or (tone == 0 and word.tone == 0):
        word.type_letter(key)
    elif tone == word.tone:
        word.tone = 0
        _undo(word, key)
    else:
        word.tone = tone


def _undo(word: _Word, key: str) -> None:
    word.type_letter(key)
    word.spent.add(key.lower())


def _press_mark(word: _Word, key: str, spec: _MarkKey) -> None:
    if spec.mark == _STROKE:
        _press_stroke(word, key)
        return
    nucleus = _nucleus(word.bases())
    if nucleus is not None and spec.uo and _press_uo(word, key, nucleus):
        return
    target = _mark_target(word, nucleus, spec)
    if target is not None:
        _toggle(word, key, target, _resolve(spec.mark, word.letters[target].base))
    elif spec.lone and _takes_lone_w(word.bases()):
        word.letters.append(_Letter(key, "u", _HORN, from_w=True))
    else:
        word.type_letter(key)


def _press_stroke(word: _Word, key: str) -> None:
    """dd → đ: the d that starts the word, even when vowels came in between (dad → đa)."""
    if word.letters and word.letters[0].base == "d":
        _toggle(word, key, 0, _STROKE)
    else:
        word.type_letter(key)


def _resolve(mark: str, base: str) -> str:
    if mark == _HOOK:
        return _BREVE if base == "a" else _HORN
    return mark


def _toggle(word: _Word, key: str, index: int, mark: str) -> None:
    """Put ``mark`` on the letter, or take it off and type the key when it is already there."""
    letter = word.letters[index]
    if letter.mark != mark:
        letter.mark = mark
    elif letter.from_w:
        del word.letters[index]
        _undo(word, key)
    else:
        letter.mark = ""
        _undo(word, key)


def _mark_target(word: _Word, nucleus: _Nucleus | None, spec: _MarkKey) -> int | None:
    if nucleus is None:
        return None
    letters = word.letters
    found = [i for i in range(nucleus.start, nucleus.end) if letters[i].base in spec.bases]
    if not found:
        return None
    if not spec.first:
        return found[-1]
    for i in found:  # in oa the hook goes on the a (hoặc), elsewhere on the first vowel (mưa)
        if letters[i].base == "a" and i > nucleus.start and letters[i - 1].base == "o":
            return i
    return found[0]


def _takes_lone_w(bases: str) -> bool:
    """A lone w types ư after a consonant cluster, or after the gi of giữ."""
    return _first_vowel(bases) == len(bases) or bases == "gi"


def _press_uo(word: _Word, key: str, nucleus: _Nucleus) -> bool:
    """The hook key on a uo pair: uo → uơ, ưo/uơ → ươ, ươ → uo + the key.  False if no pair."""
    pair = _uo_pair(word, nucleus)
    if pair is None:
        return False
    u, o = word.letters[pair], word.letters[pair + 1]
    if u.mark == _HORN and o.mark == _HORN:
        u.mark = o.mark = ""
        _undo(word, key)
    elif u.mark != _HORN and o.mark != _HORN:
        o.mark = _HORN
    else:
        u.mark = o.mark = _HORN
    return True


def _uo_pair(word: _Word, nucleus: _Nucleus) -> int | None:
    bases = word.bases()
    for i in range(nucleus.start, nucleus.end - 1):
        if bases[i] == "u" and bases[i + 1] == "o":
            return i
    return None


def _lift_uo(word: _Word) -> None:
    """uơ followed by any letter is ươ (hương, người): only thuở, huơ, khuơ, uở end in uơ."""
    nucleus = _nucleus(word.bases())
    if nucleus is None:
        return
    pair = _uo_pair(word, nucleus)
    if pair is not None and pair + 2 < len(word.letters):
        u, o = word.letters[pair], word.letters[pair + 1]
        if o.mark == _HORN and not u.mark:
            u.mark = _HORN


def _tone_position(word: _Word, style: ToneStyle) -> int | None:
    """Which letter carries the tone (module docstring, "Tone placement")."""
    bases = word.bases()
    nucleus = _nucleus(bases)
    if nucleus is None:
        return None
    start, end = nucleus.start, nucleus.end
    marked = [i for i in range(start, end) if word.letters[i].mark]
    if marked:
        return marked[-1]
    if end - start == 1:
        return start
    if end - start >= 3 or nucleus.has_final:
        return start + 1
    if style == "new" and bases[start:end] in _NEW_STYLE_PAIRS:
        return start + 1
    return start


def _draw(word: _Word, style: ToneStyle) -> str:
    toned = _tone_position(word, style) if word.tone else None
    parts = [
        _draw_letter(letter, _TONES[word.tone] if i == toned else "")
        for i, letter in enumerate(word.letters)
    ]
    return unicodedata.normalize("NFC", "".join(parts))


def _draw_letter(letter: _Letter, tone: str) -> str:
    if not letter.mark and not tone:
        return letter.key
    text = "đ" if letter.mark == _STROKE else letter.base + letter.mark + tone
    return text.upper() if letter.key.isupper() else text
