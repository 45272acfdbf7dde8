"""Masking of identifiers for lists, audit details and anything that is not the current resident's screen."""

from __future__ import annotations

MASK = "•"


def mask_id_number(value: str | None) -> str:
    """Return ``001•••••345`` for a 12-digit ID: lists and audit details never show a full ID (DESIGN §6)."""
    if not value:
        return ""
    if len(value) <= 6:
        return MASK * len(value)
    # A fixed run of marks, as in DESIGN §6, so the mask does not tell the length either.
    return value[:3] + MASK * 5 + value[-3:]


def mask_name(value: str | None) -> str:
    """Return ``Nguyễn V. A.`` for ``Nguyễn Văn An``: enough to recognise a record's owner across
    the desk, not to read another person's full name off the screen."""
    words = (value or "").split()
    if not words:
        return ""
    return " ".join([words[0], *(f"{word[0]}." for word in words[1:])])
