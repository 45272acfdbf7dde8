"""Secrets the server hands out or keeps: its key pairs, station tokens, enrolment codes.

Tokens and codes are stored only as their SHA-256, so a copy of the database does not let anyone
act as a station.  The server's key pairs live in the database (one row each, created once), so
every replica behind a load balancer decrypts export files and signs with the same keys.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import Connection, select

from intake.clock import utcnow
from intake.db import insert_for
from intake.models import ServerKey
from kiosk.exchange.export import b64encode_key, new_signing_key

CODE_ALPHABET = (
    "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: read aloud, typed on a keypad
)
_CODE_GROUPS = 3
_CODE_GROUP = 4
_SERVER_KEY_ID = 1  # X25519: kiosks encrypt export files to it
_SIGNING_KEY_ID = 2  # Ed25519: signs statements kiosks check (audit heads)


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


def _key_pair(
    conn: Connection, key_id: int, make: Callable[[], tuple[bytes, bytes]]
) -> tuple[bytes, str]:
    """The server's key pair in row ``key_id``: (raw private key, public key in base64), made with
    ``make`` (raw private, raw public) the first time.

    Concurrent first calls (replicas starting together) insert-or-ignore the same row id, so one
    key pair wins and everybody reads that one.
    """
    query = select(ServerKey.private_key, ServerKey.public_key).where(ServerKey.id == key_id)
    found = conn.execute(query).one_or_none()
    if found is None:
        private, public = make()
        conn.execute(
            insert_for(conn, ServerKey)
            .values(
                id=key_id,
                private_key=private,
                public_key=b64encode_key(public),
                created_at=utcnow(),
            )
            .on_conflict_do_nothing()
        )
        found = conn.execute(query).one()
    return found.private_key, found.public_key


def _new_x25519() -> tuple[bytes, bytes]:
    private = X25519PrivateKey.generate()
    return private.private_bytes_raw(), private.public_key().public_bytes_raw()


def server_public_key(conn: Connection) -> str:
    """The server's X25519 public key (raw 32 bytes, base64), creating the key pair the first time."""
    return _key_pair(conn, _SERVER_KEY_ID, _new_x25519)[1]


def server_private_key(conn: Connection) -> X25519PrivateKey:
    """The server's X25519 private key, for reading export files kiosks encrypted to it."""
    raw = _key_pair(conn, _SERVER_KEY_ID, _new_x25519)[0]
    return X25519PrivateKey.from_private_bytes(raw)


def server_signing_key(conn: Connection) -> str:
    """The server's Ed25519 public key (raw 32 bytes, base64), creating the key pair the first
    time: kiosks pin it at enrolment and check what the server signs with it."""
    return _key_pair(conn, _SIGNING_KEY_ID, new_signing_key)[1]


def server_signing_private_key(conn: Connection) -> bytes:
    """The server's raw Ed25519 private key, for :func:`kiosk.exchange.signing.sign`."""
    return _key_pair(conn, _SIGNING_KEY_ID, new_signing_key)[0]
