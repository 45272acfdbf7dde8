"""The ward's roster on a USB stick: a file the intake server signs, for kiosks without network.

Both sides use this module: ``kiosk-intake export-roster`` writes the file, the kiosk's settings
import it (``kiosk.sync.roster_import``).  The file (version 1) is gzip; inside, UTF-8 JSON lines::

    header   {"format": "kiosk-roster", "version": 1, "ward", "generated_at", "households",
              "residents", "vehicles", "licences", "pages", "signing_key"}  (canonical JSON)
    page     one line per page: exactly a ``RosterPage`` of ``GET /v1/roster`` (``pages`` of them)
    trailer  {"sha256", "signature"}

``sha256`` is the hex SHA-256 of every line before the trailer (newlines included); ``signature``
is the server's Ed25519 signature (standard base64) for the purpose ``kiosk roster file v1`` over
:func:`kiosk.exchange.signing.roster_file_bytes` (the header line and that digest).  The header
carries counts and the ward, nothing personal.

Reading is two passes.  :func:`verify_roster_file` reads it all, checks the digest, the signature
against the pinned key and the ward, and keeps each page line's own SHA-256; only then
:meth:`VerifiedRoster.pages` reads it again and hands out each page after checking its line has
the digest seen in the first pass, so nothing unverified is ever handed out, even if the file is
changed between the passes.  Every failure, whatever the input, is a :class:`RosterFileError`.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import hashlib
import json
import zlib
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Annotated, Final, Literal, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
)

from kiosk.exchange.export import b64encode_key
from kiosk.exchange.protocol import (
    KEY_PATTERN,
    SHA256_PATTERN,
    SIGNATURE_PATTERN,
    RosterPage,
    RosterPageUnreadable,
    read_roster_page,
)
from kiosk.exchange.signing import ROSTER_FILE, SignatureError, roster_file_bytes, sign, verify

__all__ = [
    "FORMAT",
    "ROSTER_SUFFIX",
    "VERSION",
    "RosterFileChanged",
    "RosterFileError",
    "RosterFileHeader",
    "RosterFileOtherWard",
    "RosterFileSignatureError",
    "RosterFileTruncated",
    "RosterFileUnreadable",
    "VerifiedRoster",
    "verify_roster_file",
    "write_roster_file",
]

FORMAT: Final = "kiosk-roster"
VERSION: Final = 1
ROSTER_SUFFIX: Final = ".roster"
MAX_LINE: Final = 32 * 1024 * 1024
"""A line longer than this is not one this format writes (a page of 2,000 households: ~4 MB)."""
MAX_PAGES: Final = 1_000_000
_MAX_COUNT: Final = 2**53 - 1
_COMPRESS_LEVEL: Final = 6  # 9 is several times slower for a few per cent less
M = TypeVar("M", bound=BaseModel)


class RosterFileError(ValueError):
    """A roster file that cannot be used; the message says why (never any content)."""


class RosterFileUnreadable(RosterFileError):
    """Not a roster file (not gzip, not these lines, another version) or not readable."""


class RosterFileTruncated(RosterFileError):
    """The file ends before its trailer: cut short (a stick pulled out while copying)."""


class RosterFileSignatureError(RosterFileError):
    """The signature does not verify with the pinned key: changed, or another server's file."""

    def __init__(self, message: str, *, other_key: bool) -> None:
        super().__init__(message)
        self.other_key = other_key
        """The file names another signing key than the pinned one (else: changed after signing)."""


class RosterFileOtherWard(RosterFileError):
    """A good file of another ward than the station's."""

    def __init__(self, message: str, *, ward: str) -> None:
        super().__init__(message)
        self.ward = ward
        """The file's ward (a place name, nothing personal)."""


class RosterFileChanged(RosterFileError):
    """The file changed, or could not be read, between its check and its pages being handed out
    (a stick swapped or pulled out): the pages handed out before were the checked ones."""


_Count = Annotated[int, Field(ge=0, le=_MAX_COUNT, strict=True)]
_UTC_SECONDS: Final = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\+00:00$"


def _real_time(text: str) -> str:
    datetime.fromisoformat(text)  # ValueError for a 13th month, a 25th hour...
    return text


class RosterFileHeader(BaseModel):
    """The first line: what the file holds and who signed it (no personal data)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Literal["kiosk-roster"]
    version: Literal[1]
    ward: Annotated[str, StringConstraints(min_length=1, max_length=200)]
    generated_at: Annotated[
        str, StringConstraints(pattern=_UTC_SECONDS), AfterValidator(_real_time)
    ] = Field(description="when the server wrote the file: UTC, whole seconds, +00:00")
    households: _Count
    residents: _Count
    vehicles: _Count
    licences: _Count
    pages: Annotated[int, Field(ge=1, le=MAX_PAGES, strict=True)]
    signing_key: Annotated[str, StringConstraints(pattern=KEY_PATTERN)]


class _Trailer(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sha256: Annotated[str, StringConstraints(pattern=SHA256_PATTERN)]
    signature: Annotated[str, StringConstraints(pattern=SIGNATURE_PATTERN)]


def _canonical(header: RosterFileHeader) -> bytes:
    data = header.model_dump()
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def write_roster_file(
    target: IO[bytes],
    header: RosterFileHeader,
    pages: Iterable[bytes],
    *,
    private_key: bytes,
) -> None:
    """Write the file to ``target``: ``header``, then ``pages`` (each a ``RosterPage``'s compact
    JSON, no newline in it), then the trailer signed with the server's raw Ed25519 private key.
    ``header.pages`` must be the number of pages given."""
    digest = hashlib.sha256()
    head = _canonical(header)
    written = 0
    with gzip.GzipFile(fileobj=target, mode="wb", compresslevel=_COMPRESS_LEVEL, mtime=0) as out:
        out.write(head + b"\n")
        digest.update(head + b"\n")
        for page in pages:
            out.write(page + b"\n")
            digest.update(page + b"\n")
            written += 1
        if written != header.pages:
            raise ValueError(f"the header says {header.pages} page(s), {written} were given")
        hexdigest = digest.hexdigest()
        signature = sign(private_key, ROSTER_FILE, roster_file_bytes(head, hexdigest))
        trailer = {"sha256": hexdigest, "signature": b64encode_key(signature)}
        out.write(json.dumps(trailer, sort_keys=True, separators=(",", ":")).encode() + b"\n")


@contextmanager
def _lines(path: Path) -> Iterator[Callable[[], bytes]]:
    """A reader of the file's lines, each with its newline; ``b""`` at the end.  Errors of the
    stream become :class:`RosterFileError` (the ``with`` covers them, reading included)."""
    try:
        with gzip.open(path, "rb") as stream:

            def line() -> bytes:
                found = stream.readline(MAX_LINE + 1)
                if len(found) > MAX_LINE:
                    raise RosterFileUnreadable("a line of the file is too long: not a roster file")
                return found

            yield line
    except RosterFileError:
        raise
    except EOFError:
        raise RosterFileTruncated("the file is cut short") from None
    except (gzip.BadGzipFile, zlib.error):
        raise RosterFileUnreadable("this is not a roster file (not gzip, or damaged)") from None
    except OSError:
        raise RosterFileUnreadable("the file cannot be read") from None


def _model(line: bytes, model: type[M], what: str) -> M:
    if not line.endswith(b"\n"):
        raise RosterFileTruncated("the file is cut short")
    try:
        return model.model_validate_json(line[:-1])
    except (ValidationError, ValueError, TypeError, OverflowError, RecursionError):
        raise RosterFileUnreadable(f"the {what} is not a roster file's") from None


def _key(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):  # the patterns checked it already
        raise RosterFileUnreadable("a key or signature is not base64") from None


@dataclass(frozen=True)
class VerifiedRoster:
    """A file whose signature, digest and ward are checked: its header, and its pages to read."""

    path: Path
    header: RosterFileHeader
    page_digests: tuple[bytes, ...]

    def pages(self) -> Generator[RosterPage, None, None]:
        """The pages in order, each checked against the digest its line had when verified:
        :class:`RosterFileChanged` if the file has changed since (that page is not given)."""
        with closing(self._checked_lines()) as lines:
            for raw in lines:
                try:
                    page = read_roster_page(raw[:-1])
                except RosterPageUnreadable:
                    raise RosterFileUnreadable("a page of the file is not a roster page") from None
                del raw
                yield page

    def _checked_lines(self) -> Generator[bytes, None, None]:
        try:
            with _lines(self.path) as line:
                line()  # the header, covered by the signature already
                for expected in self.page_digests:
                    raw = line()
                    if hashlib.sha256(raw).digest() != expected:
                        raise RosterFileChanged("the file changed after it was checked")
                    yield raw
        except RosterFileChanged:
            raise
        except RosterFileError:
            raise RosterFileChanged("the file cannot be read as it was checked") from None


def verify_roster_file(
    path: Path,
    *,
    signing_key: bytes,
    ward: str,
    on_page: Callable[[int, int], None] | None = None,
) -> VerifiedRoster:
    """Read the whole file once: its digest, the signature against ``signing_key`` (the server's
    pinned raw Ed25519 key), then the ward.  ``on_page(done, pages)`` after each page read."""
    digest = hashlib.sha256()
    page_digests: list[bytes] = []
    with _lines(path) as line:
        head = line()
        header = _model(head, RosterFileHeader, "first line")
        digest.update(head)
        for done in range(1, header.pages + 1):
            raw = line()
            if not raw.endswith(b"\n"):
                raise RosterFileTruncated("the file is cut short")
            digest.update(raw)
            page_digests.append(hashlib.sha256(raw).digest())
            del raw
            if on_page is not None:
                on_page(done, header.pages)
        trailer = _model(line(), _Trailer, "last line")
        if line():
            raise RosterFileUnreadable("the file has lines after its last one")
    if _key(header.signing_key) != signing_key:
        raise RosterFileSignatureError(
            "the file is signed with another key than this station's server's", other_key=True
        )
    hexdigest = digest.hexdigest()
    try:
        if trailer.sha256 != hexdigest:
            raise SignatureError("the digest does not match")
        message = roster_file_bytes(head[:-1], hexdigest)
        verify(signing_key, ROSTER_FILE, message, _key(trailer.signature))
    except SignatureError:
        raise RosterFileSignatureError(
            "the signature does not match: the file was changed after the server wrote it",
            other_key=False,
        ) from None
    if header.ward != ward:
        raise RosterFileOtherWard("the file is the roster of another ward", ward=header.ward)
    return VerifiedRoster(path=path, header=header, page_digests=tuple(page_digests))
