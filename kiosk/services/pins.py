"""PIN hashing: ``hashlib.scrypt`` with a per-operator salt (DESIGN.md §6: memory-hard KDF).

Parameters: n = 2**15, r = 8, p = 1 -> 128 * n * r = 32 MiB of memory per check, about 105 ms on
the 2-core development machine (measured: 2**14 takes ~50 ms and only 16 MiB; 2**16 ~210 ms, too
close to the 250 ms budget on slower kiosk hardware).  A six-digit PIN has only 10**6 values, so
the real protection is the lockout in the auth service and the encrypted database holding the
hashes; the cost makes an offline search of a stolen hash take a day per core.  The parameters
are stored with each hash, so they can be raised later and old hashes re-hashed at sign-in.
"""

from __future__ import annotations

import itertools
from typing import NamedTuple

__all__ = [
    "MAX_PIN_LENGTH",
    "MIN_PIN_LENGTH",
    "PIN_PARAMS",
    "PinParams",
    "WeakPin",
    "check_pin_format",
    "hash_pin",
    "verify_pin",
]

MIN_PIN_LENGTH = 6
MAX_PIN_LENGTH = 12
SALT_BYTES = 16


class WeakPin(ValueError):
    """A PIN that is not 6-12 digits, or trivially guessable (one digit repeated, a run)."""


class PinParams(NamedTuple):
    """scrypt cost parameters; ``encode()`` is what the operator row stores."""

    n: int
    r: int
    p: int
    dklen: int = 32

    def encode(self) -> str:
        """``scrypt$n$r$p$dklen``."""
        return f"scrypt${self.n}${self.r}${self.p}${self.dklen}"

    @classmethod
    def decode(cls, text: str) -> PinParams:
        """Parse :meth:`encode`'s form."""
        name, n, r, p, dklen = text.split("$")
        if name != "scrypt":
            raise ValueError("unknown PIN hash scheme")
        return cls(int(n), int(r), int(p), int(dklen))

    @property
    def memory(self) -> int:
        """Bytes scrypt needs (128 * n * r * p for the working area)."""
        return 128 * self.n * self.r * self.p


PIN_PARAMS = PinParams(n=2**15, r=8, p=1)
"""Production parameters: 32 MiB, ~105 ms per check here (see the module docstring)."""


def check_pin_format(pin: str) -> None:
    """Raise :class:`WeakPin` unless ``pin`` is 6-12 ASCII digits and not trivially guessable."""
    if not (MIN_PIN_LENGTH <= len(pin) <= MAX_PIN_LENGTH) or not pin.isascii() or not pin.isdigit():
        raise WeakPin(f"a PIN is {MIN_PIN_LENGTH} to {MAX_PIN_LENGTH} digits")
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(pin)}
    if steps in ({0}, {1}, {9}):
        raise WeakPin("a PIN may not be one digit repeated or a run like 123456")


def hash_pin(
    pin: str, params: PinParams = PIN_PARAMS, salt: bytes | None = None
) -> tuple[bytes, bytes]:
    """``(hash, salt)`` for ``pin``; a fresh random salt unless one is given."""
    # Imported here: the sign-in screen imports this module for the PIN lengths before its first
    # frame, and OpenSSL's hashlib is a few milliseconds of that frame; hashing runs on a worker.
    import hashlib
    import secrets

    salt = secrets.token_bytes(SALT_BYTES) if salt is None else salt
    digest = hashlib.scrypt(
        pin.encode("ascii"),
        salt=salt,
        n=params.n,
        r=params.r,
        p=params.p,
        dklen=params.dklen,
        maxmem=params.memory + (1 << 24),
    )
    return digest, salt


def verify_pin(pin: str, digest: bytes, salt: bytes, params: str) -> bool:
    """Compare in constant time; a PIN that is not digits simply does not match."""
    if not pin.isascii():
        return False
    import hmac

    candidate, _ = hash_pin(pin, PinParams.decode(params), salt)
    return hmac.compare_digest(candidate, digest)
