"""The offline export file: a kiosk's unsent queue, readable only by its intake server, signed.

When a kiosk has had no network for days, an officer carries its queue to the server on a USB stick
(DESIGN.md §5).  Both sides use this module: the kiosk writes the file, ``kiosk-intake import-queue``
reads it.  Layout (version 1), every length big-endian::

    b"KIOSK-QUEUE-EXPORT\\n"         magic
    uint32  header length
    header  UTF-8 JSON: version, station_id, created_at, count, cipher, ephemeral_key,
            recipient_key, nonce (keys and nonce in standard base64)
    uint64  ciphertext length
    ciphertext                      AES-256-GCM of the items (tag appended), AAD = all bytes above
    64 bytes                        Ed25519 signature of the station over every byte above

Encryption is ephemeral-static: a fresh X25519 key pair per file, ECDH with the server's static key,
HKDF-SHA256 (salt = ephemeral key + server key) to a 256-bit AES-GCM key.  Only the holder of the
server's private key can read the items; the signature lets the server check which enrolled station
wrote the file before it decrypts anything.  The header carries no personal data.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

__all__ = [
    "CIPHER",
    "FORMAT_VERSION",
    "MAGIC",
    "ExportDecryptError",
    "ExportError",
    "ExportFormatError",
    "ExportHeader",
    "ExportItem",
    "ExportSignatureError",
    "OpenedExport",
    "b64decode_key",
    "b64encode_key",
    "new_signing_key",
    "open_export",
    "public_signing_key",
    "read_header",
    "verify_export",
    "write_export",
]

MAGIC: Final = b"KIOSK-QUEUE-EXPORT\n"
FORMAT_VERSION: Final = 1
CIPHER: Final = "X25519-HKDF-SHA256-AES-256-GCM"
SIGNATURE: Final = "Ed25519"
_HKDF_INFO: Final = b"kiosk queue export v1"
_KEY_BYTES: Final = 32
_NONCE_BYTES: Final = 12
_SIGNATURE_BYTES: Final = 64
_MAX_HEADER: Final = 64 * 1024
_HEADER_LEN: Final = struct.Struct(">I")
_BODY_LEN: Final = struct.Struct(">Q")


class ExportError(ValueError):
    """An export file that cannot be used; the message says why (never any content)."""


class ExportFormatError(ExportError):
    """Not an export file, another version, or cut short."""


class ExportSignatureError(ExportError):
    """The signature does not match the station's signing key: the file is refused."""


class ExportDecryptError(ExportError):
    """The items cannot be decrypted with this private key (another server's file, or damaged)."""


@dataclass(frozen=True)
class ExportItem:
    """One submission to carry: its id, hash and frozen canonical bytes (exactly as uploaded)."""

    id: str
    sha256: str
    canonical: bytes


@dataclass(frozen=True)
class ExportHeader:
    """The clear-text header: which station wrote the file, when, how many items, to which key."""

    version: int
    station_id: str
    created_at: str
    count: int
    ephemeral_key: bytes
    recipient_key: bytes
    nonce: bytes


@dataclass(frozen=True)
class OpenedExport:
    """A verified and decrypted file: its header and the items as batch items (``id``, ``sha256``,
    ``payload``)."""

    header: ExportHeader
    items: list[dict[str, Any]]


def b64encode_key(raw: bytes) -> str:
    """Raw key (or nonce) bytes as standard base64 text (how keys travel in the protocol)."""
    return base64.b64encode(raw).decode("ascii")


def b64decode_key(text: str) -> bytes:
    """A 32-byte raw key from standard base64; ``ExportError`` when it is not one."""
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ExportError("a key is not standard base64") from None
    if len(raw) != _KEY_BYTES:
        raise ExportError("a key is not 32 raw bytes")
    return raw


def new_signing_key() -> tuple[bytes, bytes]:
    """A new Ed25519 key pair for a station: ``(raw private 32 bytes, raw public 32 bytes)``."""
    private = Ed25519PrivateKey.generate()
    return private.private_bytes_raw(), private.public_key().public_bytes_raw()


def public_signing_key(private: bytes) -> bytes:
    """The raw Ed25519 public key of a raw private key."""
    return Ed25519PrivateKey.from_private_bytes(private).public_key().public_bytes_raw()


def _aes_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    """HKDF-SHA256 of the ECDH secret, bound to both public keys."""
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=ephemeral + recipient, info=_HKDF_INFO)
    return hkdf.derive(shared)


def _plaintext(items: Sequence[ExportItem]) -> bytes:
    """``{"items": [...]}`` with each frozen payload spliced in as it is (no re-serialising)."""
    parts = [
        b'{"id":'
        + json.dumps(item.id).encode("ascii")
        + b',"sha256":'
        + json.dumps(item.sha256).encode("ascii")
        + b',"payload":'
        + item.canonical
        + b"}"
        for item in items
    ]
    return b'{"items":[' + b",".join(parts) + b"]}"


def write_export(
    items: Sequence[ExportItem],
    *,
    station_id: str,
    created_at: datetime,
    recipient_key: bytes,
    signing_key: bytes,
) -> bytes:
    """The whole file for ``items``, encrypted to ``recipient_key`` (the server's raw X25519 public
    key) and signed with ``signing_key`` (the station's raw Ed25519 private key)."""
    if created_at.tzinfo is None:
        raise ValueError("created_at must be timezone-aware")
    try:
        server = X25519PublicKey.from_public_bytes(recipient_key)
        signer = Ed25519PrivateKey.from_private_bytes(signing_key)
    except ValueError:
        raise ExportError("a key is not 32 raw bytes") from None
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes_raw()
    nonce = os.urandom(_NONCE_BYTES)
    header = {
        "version": FORMAT_VERSION,
        "station_id": station_id,
        "created_at": created_at.isoformat(timespec="seconds"),
        "count": len(items),
        "cipher": CIPHER,
        "signature": SIGNATURE,
        "ephemeral_key": b64encode_key(ephemeral_public),
        "recipient_key": b64encode_key(recipient_key),
        "nonce": b64encode_key(nonce),
    }
    header_bytes = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")
    prefix = MAGIC + _HEADER_LEN.pack(len(header_bytes)) + header_bytes
    key = _aes_key(ephemeral.exchange(server), ephemeral_public, recipient_key)
    ciphertext = AESGCM(key).encrypt(nonce, _plaintext(items), prefix)
    body = prefix + _BODY_LEN.pack(len(ciphertext)) + ciphertext
    return body + signer.sign(body)


def _unb64(text: object, size: int, what: str) -> bytes:
    if not isinstance(text, str):
        raise ExportFormatError(f"the header's {what} is missing")
    try:
        raw = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise ExportFormatError(f"the header's {what} is not base64") from None
    if len(raw) != size:
        raise ExportFormatError(f"the header's {what} has the wrong length")
    return raw


def _json(raw: bytes, message: str) -> Any:
    """``raw`` as UTF-8 JSON, or :class:`ExportFormatError` with ``message`` for anything else:
    bad UTF-8 or JSON, a number too long for ``int`` (the interpreter's digit limit), nesting deep
    enough to exhaust the recursion limit (``[[[[...``)."""
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ExportFormatError(message) from None


def _split(data: bytes) -> tuple[bytes, dict[str, Any], bytes, bytes]:
    """``(prefix, header, ciphertext, signature)``; checks magic, lengths and version."""
    if not data.startswith(MAGIC):
        raise ExportFormatError("this is not a kiosk queue export file")
    at = len(MAGIC)
    if len(data) < at + _HEADER_LEN.size:
        raise ExportFormatError("the file is cut short")
    (header_len,) = _HEADER_LEN.unpack_from(data, at)
    at += _HEADER_LEN.size
    if header_len > _MAX_HEADER or len(data) < at + header_len + _BODY_LEN.size:
        raise ExportFormatError("the file is cut short or its header is damaged")
    header = _json(data[at : at + header_len], "the header is not readable")
    if not isinstance(header, dict):
        raise ExportFormatError("the header is not readable")
    prefix = data[: at + header_len]
    at += header_len
    (body_len,) = _BODY_LEN.unpack_from(data, at)
    at += _BODY_LEN.size
    if len(data) != at + body_len + _SIGNATURE_BYTES:
        raise ExportFormatError("the file is cut short or has bytes added")
    version = header.get("version")
    if type(version) is not int or version != FORMAT_VERSION:
        shown = repr(version) if type(version) is int and abs(version) < 10**6 else "(unknown)"
        raise ExportFormatError(f"export format version {shown} is not supported")
    if header.get("cipher") != CIPHER or header.get("signature") != SIGNATURE:
        raise ExportFormatError("the file uses a cipher this version does not know")
    return prefix, header, data[at : at + body_len], data[at + body_len :]


def read_header(data: bytes) -> ExportHeader:
    """The clear-text header (nothing verified yet: use it to find the station's signing key)."""
    _prefix, header, _ciphertext, _signature = _split(data)
    station_id, created_at, count = (header.get(k) for k in ("station_id", "created_at", "count"))
    if not isinstance(station_id, str) or not isinstance(created_at, str):
        raise ExportFormatError("the header does not name its station")
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        raise ExportFormatError("the header's count is not a number")
    return ExportHeader(
        version=FORMAT_VERSION,
        station_id=station_id,
        created_at=created_at,
        count=count,
        ephemeral_key=_unb64(header.get("ephemeral_key"), _KEY_BYTES, "ephemeral key"),
        recipient_key=_unb64(header.get("recipient_key"), _KEY_BYTES, "recipient key"),
        nonce=_unb64(header.get("nonce"), _NONCE_BYTES, "nonce"),
    )


def verify_export(data: bytes, signing_public_key: bytes) -> ExportHeader:
    """Check the station's Ed25519 signature over the whole file; the header when it matches."""
    header = read_header(data)
    try:
        verifier = Ed25519PublicKey.from_public_bytes(signing_public_key)
        verifier.verify(data[-_SIGNATURE_BYTES:], data[:-_SIGNATURE_BYTES])
    except (InvalidSignature, ValueError):
        raise ExportSignatureError(
            "the signature does not match the station's signing key: the file was changed or "
            "was not written by that station"
        ) from None
    return header


def open_export(data: bytes, *, signing_public_key: bytes, private_key: bytes) -> OpenedExport:
    """Verify the signature, then decrypt with the server's raw X25519 private key."""
    header = verify_export(data, signing_public_key)
    prefix, _header, ciphertext, _signature = _split(data)
    try:
        server = X25519PrivateKey.from_private_bytes(private_key)
        shared = server.exchange(X25519PublicKey.from_public_bytes(header.ephemeral_key))
    except ValueError:
        raise ExportDecryptError("the file cannot be decrypted with this key") from None
    key = _aes_key(shared, header.ephemeral_key, header.recipient_key)
    try:
        plaintext = AESGCM(key).decrypt(header.nonce, ciphertext, prefix)
    except InvalidTag:
        raise ExportDecryptError(
            "the file cannot be decrypted with this server's key (written for another server, "
            "or damaged)"
        ) from None
    body = _json(plaintext, "the decrypted items are not readable")
    items = body.get("items") if isinstance(body, dict) else None
    if not isinstance(items, list) or len(items) != header.count:
        raise ExportFormatError("the decrypted items do not match the header's count")
    if not all(isinstance(item, dict) for item in items):
        raise ExportFormatError("a decrypted item is not an object")
    return OpenedExport(header=header, items=items)
