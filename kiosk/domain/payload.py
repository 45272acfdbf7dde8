"""The submission payload's fixed points: schema number, canonical bytes, hash, reference codes.

The kiosk freezes a payload when an officer verifies it and the intake server re-computes the
hash of what it received, so both sides must produce the very same bytes (DESIGN.md §5).
Standard library only: the pydantic model of the payload lives in ``kiosk.exchange.payload``.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import secrets
from collections.abc import Mapping
from typing import Any, Final

from kiosk.domain.errors import DomainError

SCHEMA_VERSION: Final = 1
"""The payload ``schema`` number this code writes and accepts."""

REFERENCE_ALPHABET: Final = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
"""Crockford base32: digits and capitals without I, L, O, U, so a code reads well over the phone."""

REFERENCE_PATTERN: Final = re.compile(r"^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")
"""The reference code pattern of DESIGN.md §5 (also put into the JSON Schema).

Python's ``$`` also matches before a final newline: test with ``fullmatch`` or :func:`is_reference`.
"""

_GROUP = 4
_LOOK_ALIKES: Final = str.maketrans({"O": "0", "I": "1", "L": "1"})
_IGNORED: Final = str.maketrans("", "", "-\u2010\u2011\u2012\u2013\u2014")


def canonical_bytes(payload: Mapping[str, Any]) -> bytes:
    """Serialise ``payload`` exactly as DESIGN.md §5 says, so kiosk and server hash the same bytes.

    Raises ``ValueError`` (``UnicodeEncodeError``) for text that is not valid Unicode (a lone
    surrogate such as ``"\\ud800"``, which JSON can carry but UTF-8 cannot encode), and whatever
    ``json.dumps`` raises for values JSON cannot hold.
    """
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.encode("utf-8")


def payload_sha256(payload: Mapping[str, Any]) -> str:
    """Lower-case hex SHA-256 of :func:`canonical_bytes`: the payload's frozen identity."""
    return hashlib.sha256(canonical_bytes(payload)).hexdigest()


def new_reference(rng: random.Random | None = None) -> str:
    """A fresh random reference code ``XXXX-XXXX``; ``secrets`` unless a seeded ``rng`` is given.

    The rng parameter exists for deterministic tests and demo data; production passes nothing.
    Uniqueness per station is the store's job (retry on a clash: 32**8 codes make clashes rare).
    """
    choose = secrets.choice if rng is None else rng.choice
    chars = [choose(REFERENCE_ALPHABET) for _ in range(2 * _GROUP)]
    return "".join(chars[:_GROUP]) + "-" + "".join(chars[_GROUP:])


def is_reference(text: object) -> bool:
    """Tell whether ``text`` is a well-formed reference code (a ``str``, whole-string match)."""
    return isinstance(text, str) and REFERENCE_PATTERN.fullmatch(text) is not None


def parse_reference(text: str) -> str:
    """A reference code as typed or read out (any case, spaces, with or without the dash) as
    ``XXXX-XXXX``; raises :class:`DomainError` ``reference.format`` when it is not one.

    As Crockford decoding does, O reads as 0 and I or L as 1 (the alphabet has none of them),
    and hyphens anywhere are ignored.
    """
    chars = "".join(text.split()).upper().translate(_IGNORED).translate(_LOOK_ALIKES)
    code = chars[:_GROUP] + "-" + chars[_GROUP:]
    if not is_reference(code):
        raise DomainError("reference.format", field="reference")
    return code
