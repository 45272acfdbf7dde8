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
