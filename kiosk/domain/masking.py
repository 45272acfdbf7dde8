"""Masking of identifiers for lists, audit details and anything that is not the current resident's screen."""

from __future__ import annotations

MASK = "•"


def mask_id_number(value: str | None) -> str:
    """Return ``001•••••345`` for a 12-digit ID: lists and audit details never show a full ID (DESIGN §6)."""
    if not value:
        return ""
    if len(value) <= 6:
        return MASK * len(value)
    return value[:3] + MASK * (len(value) - 6) + value[-3:]
