"""Hanoi wards since 1 July 2025 (formats reference §6) and how ward names are written.

Addresses read ``<house, street>, Phường X, Hà Nội``; the server keys a ward by that ``Phường X``
(or ``Xã X``) form, so ``Yên Nghĩa`` and ``phường yên nghĩa`` name the same ward.
"""

from __future__ import annotations

from kiosk.domain.text import normalize

WARDS: tuple[str, ...] = (
    "Phường Yên Nghĩa",
    "Phường Tây Hồ",
    "Phường Hà Đông",
    "Phường Dương Nội",
    "Phường Kiến Hưng",
    "Phường Bồ Đề",
    "Phường Việt Hưng",
    "Phường Phúc Lợi",
    "Phường Hồng Hà",
    "Phường Sơn Tây",
)
"""Wards named in the press; the demo population picks from these."""

_PREFIXES = ("Phường ", "Xã ")


def _capitalised(name: str) -> str:
    return " ".join(word[:1].upper() + word[1:] for word in name.split())


def normalise_ward(text: str) -> str:
    """``Phường X`` in NFC, each word capitalised; a bare name is taken as a ward."""
    name = normalize(text)
    for prefix in _PREFIXES:
        if name.casefold().startswith(prefix.casefold()):
            return prefix + _capitalised(name[len(prefix) :])
    return "Phường " + _capitalised(name)


def normalise_group(text: str) -> str:
    """A residential group's name in NFC; a bare number means ``Tổ dân phố N``."""
    name = normalize(text)
    return f"Tổ dân phố {int(name)}" if name.isdigit() else name
