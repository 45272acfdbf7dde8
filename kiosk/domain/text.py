"""Vietnamese text: normal form for storage, folded key for search, scanner mojibake repair.

Formats reference §7: text is stored in NFC; search folds case, tone marks and đ so that
"Đặng Thị Hoà", "ĐẶNG THỊ HÒA" and "dang thi hoa" find each other.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Final

from kiosk.domain.errors import DomainError

__all__ = [
    "CONTROL_CHARACTERS",
    "check_no_control_characters",
    "has_control_character",
    "normalize",
    "repair_mojibake",
    "search_key",
]

CONTROL_CHARACTERS: Final = r"\x00-\x1f\x7f-\x9f"
"""Unicode category Cc as a regex class body: C0 (NUL, tab, newline included), DEL and C1."""
_CONTROL_RE: Final = re.compile(f"[{CONTROL_CHARACTERS}]")

# đ (U+0111) has no Unicode decomposition, so stripping combining marks alone keeps it; ð (U+00F0,
# the casefolded Icelandic eth) is what people type when their keyboard has no Đ — it looks the same.
_FOLD_D = str.maketrans({"đ": "d", "ð": "d"})


# cp1252 puts printable characters in 0x80-0x9F where latin-1 has C1 controls.  A scanner that
# decodes UTF-8 bytes as cp1252 gives "Nguyá»…n"; one that decodes as latin-1 gives "Nguyá»\x85n".
# Mapping the cp1252 characters back to their byte (as a latin-1 character) undoes both.
# Built on first use: the cp1252 codec is a module of its own, and the sign-in screen (which
# imports this module for search keys) is drawn before anything is repaired.
@cache
def _cp1252_to_latin1() -> dict[int, int]:
    table: dict[int, int] = {}
    for byte in range(0x80, 0xA0):
        try:
            char = bytes([byte]).decode("cp1252")
        except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined in cp1252
            continue
        table[ord(char)] = byte
    return table


_MAX_REPAIR_ROUNDS = 3  # text mangled twice (scanner and then a copy-paste) is seen; more is noise


def normalize(text: str) -> str:
    """Return ``text`` in NFC, trimmed, with every whitespace run collapsed to one space.

    One form for storing and comparing: input methods send NFD or NFC, stray tabs and doubled spaces.
    """
    return " ".join(unicodedata.normalize("NFC", text).split())


def search_key(text: str) -> str:
    """Fold ``text`` for search: case, tone and vowel marks, and đ are dropped (formats §7).

    "hòa" and "hoà", "thủy" and "thuỷ", upper and lower case, NFC and NFD all give the same key.
    """
    folded = unicodedata.normalize("NFC", text).casefold().translate(_FOLD_D)
    decomposed = unicodedata.normalize("NFD", folded)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.split())


def repair_mojibake(text: str) -> tuple[str, bool]:
    """Undo UTF-8 text that was decoded as latin-1 or cp1252; return ``(text, repaired?)``.

    Keyboard-wedge scanners do this to card QR payloads.  The repair is applied only when the whole
    text maps back to bytes that are valid UTF-8, which real Vietnamese text never does.
    """
    current = text
    repaired = False
    for _ in range(_MAX_REPAIR_ROUNDS):
        if current.isascii():
            break
        try:
            fixed = current.translate(_cp1252_to_latin1()).encode("latin-1").decode("utf-8")
        except UnicodeError:
            break
        current = fixed
        repaired = True
    return current, repaired


def has_control_character(text: str) -> bool:
    """Tell whether ``text`` holds a control character (C0 with tab and newline, DEL, C1).

    No text a kiosk stores needs one: names, addresses, plates and notes are single-line.
    """
    return _CONTROL_RE.search(text) is not None


def check_no_control_characters(text: str, field: str | None = None) -> str:
    """Return ``text`` unchanged, or raise ``text.control_character`` (the value is never quoted)."""
    if has_control_character(text):
        raise DomainError("text.control_character", field)
    return text
