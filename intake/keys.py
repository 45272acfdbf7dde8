"""Secrets the server hands out or keeps: the X25519 key pair, station tokens, enrolment codes.

Tokens and codes are stored only as their SHA-256, so a copy of the database does not let anyone
act as a station.  The server's key pair lives in the database (one row, created once), so every
replica behind a load balancer decrypts export files with the same key.
"""

from __future__ import annotations

import base64
import hashlib
import secrets

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from sqlalchemy import Connection, select

from intake.clock import utcnow
from intake.db import insert_for
from intake.models import ServerKey

CODE_ALPHABET = (
    "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: read aloud, typed on a keypad
)
_CODE_GROUPS = 3
_CODE_GROUP = 4
_SERVER_KEY_ID = 1


def digest(secret: str) -> str:
    """The SHA-256 hex of a token or code: the only form the database ever holds."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def new_token() -> str:
    """A random 256-bit bearer token (URL-safe base64, 43 characters)."""
    return secrets.token_urlsafe(32)


def new_station_id() -> str:
    """A random station id, ``st-`` and 16 hex digits."""
    return "st-" + secrets.token_hex(8)


def new_enrol_code() -> str:
    """A one-time enrolment code ``XXXX-XXXX-XXXX`` (60 random bits), easy to read out and type."""
    groups = (
        "".join(secrets.choice(CODE_ALPHABET) for _ in range(_CODE_GROUP))
        for _ in range(_CODE_GROUPS)
    )
    return "-".join(groups)


def normalise_code(text: str) -> str:
    """The code as issued: upper case, dashes where they belong, common misreadings folded."""
    folded = text.strip().upper().translate(str.maketrans("OIL", "011"))
    compact = "".join(ch for ch in folded if ch != "-" and not ch.isspace())
    return "-".join(compact[i : i + _CODE_GROUP] for i in range(0, len(compact), _CODE_GROUP))


def server_public_key(conn: Connection) -> str:
    """The server's X25519 public key (raw 32 bytes, base64), creating the key pair the first time.

    Concurrent first calls (replicas starting together) insert-or-ignore the same row id, so one
    key pair wins and everybody reads that one.
    """
    found = conn.execute(select(ServerKey.public_key).where(ServerKey.id == _SERVER_KEY_ID))
    public = found.scalar_one_or_none()
    if public is not None:
        return public
    private = X25519PrivateKey.generate()
    raw_private = private.private_bytes_raw()
    raw_public = private.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    conn.execute(
        insert_for(conn, ServerKey)
        .values(
            id=_SERVER_KEY_ID,
            private_key=raw_private,
            public_key=base64.b64encode(raw_public).decode("ascii"),
            created_at=utcnow(),
        )
        .on_conflict_do_nothing()
    )
    found = conn.execute(select(ServerKey.public_key).where(ServerKey.id == _SERVER_KEY_ID))
    return found.scalar_one()


def server_private_key(conn: Connection) -> X25519PrivateKey:
    """The server's X25519 private key, for reading export files kiosks encrypted to it."""
    server_public_key(conn)
    raw = conn.execute(select(ServerKey.private_key).where(ServerKey.id == _SERVER_KEY_ID))
    return X25519PrivateKey.from_private_bytes(raw.scalar_one())
