"""Statements the intake server signs with its Ed25519 key and kiosks check (DESIGN.md §5, §6).

One server key pair signs every kind of statement: audit heads and roster files.  What is
signed is the statement's purpose, a newline, then its canonical bytes, so a signature over one
kind of statement never passes for another kind.  Keys are raw 32 bytes, signatures raw 64 bytes
(standard base64 on the wire).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Final

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

__all__ = [
    "AUDIT_HEAD",
    "ROSTER_FILE",
    "SignatureError",
    "audit_head_bytes",
    "roster_file_bytes",
    "sign",
    "signing_time",
    "verify",
]

AUDIT_HEAD: Final = "kiosk audit head v1"
"""The purpose of a signed audit head (:func:`audit_head_bytes`)."""

ROSTER_FILE: Final = "kiosk roster file v1"
"""The purpose of a signed roster file (:func:`roster_file_bytes`, :mod:`kiosk.exchange.roster_stick`)."""


class SignatureError(ValueError):
    """A signature that does not verify with the key given (or a key or signature of bad size)."""


def _message(purpose: str, data: bytes) -> bytes:
    return purpose.encode("ascii") + b"\n" + data


def sign(private_key: bytes, purpose: str, data: bytes) -> bytes:
    """The 64-byte Ed25519 signature of ``data`` for ``purpose`` with a raw private key."""
    return Ed25519PrivateKey.from_private_bytes(private_key).sign(_message(purpose, data))


def verify(public_key: bytes, purpose: str, data: bytes, signature: bytes) -> None:
    """Check a signature made by :func:`sign`; :class:`SignatureError` when it does not match."""
    try:
        verifier = Ed25519PublicKey.from_public_bytes(public_key)
        verifier.verify(signature, _message(purpose, data))
    except (InvalidSignature, ValueError):
        raise SignatureError("the signature does not match the server's signing key") from None


def signing_time(at: datetime) -> str:
    """A signed time as text: UTC, whole seconds (a fraction is dropped), ``+00:00``."""
    if at.tzinfo is None:
        raise ValueError("a signed time must be timezone-aware")
    return at.astimezone(UTC).isoformat(timespec="seconds")


def audit_head_bytes(station_id: str, seq: int, head_hash: str, signed_at: datetime) -> bytes:
    """The canonical bytes of "the server saw this station's audit chain end at row ``seq`` with
    hash ``head_hash`` by ``signed_at``": the JSON object ``{"hash", "seq", "signed_at",
    "station_id"}`` with sorted keys, no spaces, UTF-8 (``signed_at`` as :func:`signing_time`)."""
    statement = {
        "hash": head_hash,
        "seq": seq,
        "signed_at": signing_time(signed_at),
        "station_id": station_id,
    }
    text = json.dumps(statement, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.encode("utf-8")


def roster_file_bytes(header: bytes, digest: str) -> bytes:
    """The canonical bytes of "the server wrote this roster file": the file's header line as
    written (canonical JSON, no newline), a newline, then the lower-case hex SHA-256 of every
    line before the trailer (header included)."""
    return header + b"\n" + digest.encode("ascii")
