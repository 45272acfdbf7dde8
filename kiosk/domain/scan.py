"""Telling a card scan from a person typing, and saying what a scanned text is.

A USB 2D scanner in keyboard-wedge mode "types" the QR text as a fast burst of keys (DESIGN.md §2,
step 1).  The Qt side feeds every key to one :class:`ScanDetector`, which holds keys back only
until it can tell: a burst at scanner speed, or with a chip ID card's shape at a slow scanner's
speed, is a scan (its keys are swallowed); anything else is handed back, in order, as typing.
Timing comes from the keys' own timestamps (``QKeyEvent.timestamp()``), never from arrival time.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Final, Literal, NamedTuple

from kiosk.domain.errors import DomainError
from kiosk.domain.identity import parse_card_qr

__all__ = [
    "DEFAULT_THRESHOLDS",
    "MAX_HELD",
    "ScanDetector",
    "ScanKind",
    "ScanThresholds",
    "Verdict",
    "classify_scan",
    "scan_error_code",
]


class ScanThresholds(NamedTuple):
    """When a burst of keys is a scan; the first three are the scanner-detection libraries' defaults
    (jQuery scannerDetection, onScan.js: ``avgTimeByChar`` 30, ``minLength`` 6, 100 ms scan test).
    """

    max_mean_gap_ms: float = 30.0
    """A scan averages at most this between keys; people do not sustain under ~60 ms a key."""
    min_length: int = 6
    """A scan has this many keys in a row, each within ``max_mean_gap_ms`` of the one before (a fast
    typist's rollover is 2-4 such keys); a card's shape needs no such run."""
    quiet_gap_ms: float = 100.0
    """No key for this long ends a burst: scanners set to send no Enter/Tab suffix end this way."""
    max_key_gap_ms: float = 90.0
    """One gap longer than this ends a burst, card-shaped or not: a person is typing (or the scanner
    stopped).  A scanner set to a slow 40 ms a key with ±10 ms jitter has gaps up to 50 ms; USB HID
    polling and OS scheduling add stalls of a few tens of ms, so 90 ms leaves ~40 ms of headroom,
    stays under the quiet gap, and is below the 100-200 ms gaps of people typing 60-120 words a
    minute."""

    @property
    def card_mean_gap_ms(self) -> float:
        """The mean gap a card-shaped burst (12 digits, then ``|``) may have and still be a scan.

        Halfway between a fast scan's mean and the largest single gap: 60 ms by default, so a 40 ms
        scanner passes with room to spare.  Nobody types twelve digits and a shifted ``|`` at 60 ms
        a key, so the card's shape makes this looser bound safe where plain text could not use it.
        """
        return (self.max_mean_gap_ms + self.max_key_gap_ms) / 2


DEFAULT_THRESHOLDS: Final = ScanThresholds()

MAX_HELD: Final = 4096
"""Most characters held for one burst.  Real card payloads are a few hundred characters: a burst
that reaches this many is judged there; if it is a scan, the rest of the burst is swallowed and
the scan (its first ``MAX_HELD`` characters, not a card) is reported when the burst ends."""


class Verdict(NamedTuple):
    """What the key filter does after one call to :class:`ScanDetector`, in this order.

    1. Hand ``release`` to the focused widget (it may include this call's own key: printable keys
       reach widgets only through some verdict's ``release``, or become part of a scan).
    2. Handle ``scan`` if it is not None (the scan's keys were swallowed; no suffix is included).
    3. If ``passes``, let this call's own text-less key (Enter or Tab in ``end_key``, a non-text key
       in ``key``) through to the widget after ``release``; otherwise swallow it.
    4. While ``holding``, (re)start the quiet timer (``quiet_gap_ms``); stop it otherwise.

    ``scan`` and ``holding`` together: a key came after a gap longer than ``max_key_gap_ms``, so the
    scan is the keys before it, and this call's key is held as the start of a new burst.
    """

    release: str
    """Characters to hand to the focused widget now, in order ("" for none)."""
    scan: str | None
    """A finished scan's text (its keys swallowed), or None."""
    holding: bool
    """Whether keys are still held back waiting for the decision."""
    passes: bool = False
    """Whether the Enter/Tab (or non-text key) of this call goes on to the widget: True when it was
    not a scan's suffix.  Always False for printable keys (their text travels in ``release``)."""


_IDLE: Final = 0  # nothing held; the next key may begin a burst whatever its gap
_HOLDING: Final = 1  # a burst is held until it is decided
_TYPING: Final = 2  # decided as typing: keys pass until a gap long enough for a new burst
_DRAINING: Final = 3  # an over-long burst was judged a scan: the rest of it is swallowed

_SHAPE_MAYBE: Final = 0  # what is held so far could still begin with 12 digits and "|"
_SHAPE_CARD: Final = 1  # it does
_SHAPE_NO: Final = 2  # it cannot
_CARD_PREFIX = 13
_ASCII_DIGITS = frozenset("0123456789")


class ScanDetector:
    """Decide, key by key, whether a burst is a scanner or a person; hold keys only until it can tell.

    Not thread-safe: one detector per key filter, called from the UI thread.  Modifier presses
    (Shift, AltGr, Ctrl alone) are not keys: scanners press Shift for capitals, so do not pass them.
    ``shape=False`` judges by timing alone (the confusion-matrix test and diagnostics).
    """

    def __init__(
        self, thresholds: ScanThresholds = DEFAULT_THRESHOLDS, *, shape: bool = True
    ) -> None:
        self._limits = thresholds
        self._use_shape = shape
        self._state = _IDLE
        self._last: float | None = None  # timestamp of the last key seen, in any state
        self._held: list[str] = []
        self._length = 0  # characters held
        self._keys = 0  # keys held
        self._gap_sum = 0.0  # sum of the gaps between held keys
        self._run = 0  # keys in the current run of gaps within max_mean_gap_ms
        self._best_run = 0  # the longest such run in the burst
        self._prefix = ""  # the first characters held, up to the card prefix's 13
        self._shape = _SHAPE_MAYBE
        self._sure = False  # card prefix seen at scanner speed: a scan whatever comes next
        self._overlong = ""  # in _DRAINING: the scan to report when the burst ends

    def holding(self) -> bool:
        """Whether keys are held back (or an over-long scan is being swallowed): run the quiet timer."""
        return self._state in (_HOLDING, _DRAINING)

    def key(self, text: str, timestamp_ms: float) -> Verdict:
        """One key press: its text (usually one character) and ``QKeyEvent.timestamp()``.

        ``text`` "" is a non-text key (arrows, F-keys, …): whatever is held is released as typing
        first, and the key itself passes (``Verdict.passes``).
        """
        gap = self._gap(timestamp_ms)
        if not text:
            released = self._take() if self._state == _HOLDING else ""
            scan = self._end_drain()
            self._state = _TYPING
            return Verdict(released, scan, False, passes=True)
        limits = self._limits
        if self._state == _DRAINING:
            if gap <= limits.max_key_gap_ms:
                return Verdict("", None, True)
            scan = self._end_drain()
            self._start(text)
            return Verdict("", scan, True)
        if self._state == _TYPING:
            if gap <= limits.max_key_gap_ms:
                return Verdict(text, None, False)
            self._state = _IDLE  # a pause long enough that a scan may begin with this key
        elif self._state == _HOLDING and gap > limits.max_key_gap_ms:
            release, scan = self._finish()  # the burst ended before this key
            self._start(text)
            return Verdict(release, scan, True)
        if self._state == _IDLE:
            self._start(text)
            return self._after_key()
        self._add(text, gap)
        return self._after_key()

    def end_key(self, timestamp_ms: float) -> Verdict:
        """Enter or Tab: a scanner's suffix ends its scan (and is swallowed); otherwise it passes."""
        gap = self._gap(timestamp_ms)
        state, self._state = self._state, _IDLE
        if state == _HOLDING:
            release, scan = self._finish()
            suffix = scan is not None and gap <= self._limits.max_key_gap_ms
            return Verdict(release, scan, False, passes=not suffix)
        if state == _DRAINING:
            scan = self._end_drain()
            return Verdict("", scan, False, passes=gap > self._limits.max_key_gap_ms)
        return Verdict("", None, False, passes=True)

    def quiet(self, now_ms: float) -> Verdict:
        """The quiet timer fired: no key for ``quiet_gap_ms`` (``now_ms``, on the keys' clock).

        The timer's word is taken as given (the keys' clock and the timer's need not agree): the
        burst ends here, as with a scanner that sends no suffix.
        """
        state, self._state = self._state, _IDLE
        if state == _DRAINING:
            return Verdict("", self._end_drain(), False)
        if state != _HOLDING:
            return Verdict("", None, False)
        release, scan = self._finish()
        return Verdict(release, scan, False)

    # --- the burst ---------------------------------------------------------------------------

    def _gap(self, timestamp_ms: float) -> float:
        """Time since the previous key on the keys' clock; backwards (clock wrap, jitter) counts as 0."""
        last, self._last = self._last, timestamp_ms
        if last is None:
            return float("inf")
        return max(0.0, timestamp_ms - last)

    def _start(self, text: str) -> None:
        self._state = _HOLDING
        self._held.clear()
        self._length = self._keys = self._run = self._best_run = 0
        self._gap_sum = 0.0
        self._prefix = ""
        self._shape = _SHAPE_MAYBE if self._use_shape else _SHAPE_NO
        self._sure = False
        self._add(text, 0.0)

    def _add(self, text: str, gap: float) -> None:
        """Hold one more key; constant work per key (the card prefix is only 13 characters)."""
        self._held.append(text)
        self._length += len(text)
        if self._keys:
            self._gap_sum += gap
        self._keys += 1
        self._run = self._run + 1 if self._keys > 1 and gap <= self._limits.max_mean_gap_ms else 1
        self._best_run = max(self._best_run, self._run)
        if self._shape == _SHAPE_MAYBE:
            self._prefix += text[: _CARD_PREFIX - len(self._prefix)]
            digits = self._prefix[:12]
            if not set(digits) <= _ASCII_DIGITS or self._prefix[12:] not in ("", "|"):
                self._shape = _SHAPE_NO
            elif len(self._prefix) == _CARD_PREFIX:
                self._shape = _SHAPE_CARD
                self._sure = self._mean() <= self._limits.card_mean_gap_ms

    def _mean(self) -> float:
        return self._gap_sum / (self._keys - 1) if self._keys > 1 else 0.0

    def _after_key(self) -> Verdict:
        """Keep holding while the burst may still be a scan; release it as soon as it cannot be."""
        if self._length >= MAX_HELD:
            release, scan = self._finish()
            if scan is None:
                self._state = _TYPING
                return Verdict(release, None, False)
            self._state, self._overlong = _DRAINING, scan
            return Verdict("", None, True)
        if self._sure or self._may_be_scan():
            return Verdict("", None, True)
        self._state = _TYPING
        return Verdict(self._take(), None, False)

    def _may_be_scan(self) -> bool:
        """Whether the burst so far could still end as a scan.

        A card-shaped start may be a slow scanner; one gap alone is too little evidence for the
        strict bound (scanner jitter), so it gets the card bound too.  Only latency depends on
        this: the decision at the end is :meth:`_is_scan`.
        """
        mean = self._mean()
        limits = self._limits
        if self._shape != _SHAPE_NO or self._keys <= 2:
            return mean <= limits.card_mean_gap_ms
        return mean <= limits.max_mean_gap_ms

    def _is_scan(self) -> bool:
        """The decision at the end of a burst: a card's start at scanner pace, or scanner timing.

        A card: its first 13 characters were 12 digits and ``|`` at up to ``card_mean_gap_ms`` a
        key (decided then, held to the end).  Otherwise the libraries' rule, ``max_mean_gap_ms`` on
        average, with ``min_length`` made stricter in a way no person meets: ``min_length`` keys
        in a row, each within ``max_mean_gap_ms`` of the one before.  A fast typist's rollover is
        2-4 such keys, then a normal gap; two rollovers with a short gap between them can average
        under 30 ms over 6-8 keys, but a scanner's steady run is never broken like that.
        """
        if self._sure:
            return True
        limits = self._limits
        return self._best_run >= limits.min_length and self._mean() <= limits.max_mean_gap_ms

    def _finish(self) -> tuple[str, str | None]:
        """End the burst: ``("", text)`` for a scan, ``(text, None)`` for typing to release."""
        is_scan = self._is_scan()
        text = self._take()
        self._state = _IDLE
        return ("", text) if is_scan else (text, None)

    def _end_drain(self) -> str | None:
        """The over-long scan, once its burst has ended (None when there was none)."""
        scan, self._overlong = self._overlong, ""
        return scan or None

    def _take(self) -> str:
        text = "".join(self._held)
        self._held.clear()
        self._length = self._keys = 0
        return text


# --- what a finished scan is ----------------------------------------------------------------

ScanKind = Literal[
    "citizen_card", "health_insurance", "url", "product_barcode", "partial_card", "unknown"
]

# Health-insurance (BHYT) card QR, as read by hospital kiosks (assumption, not from a primary
# source): "|"-separated, field 0 the card code, field 1 the name as hex of its UTF-8 bytes, then
# birth date, sex, hex address, registered clinic, validity dates, …, and a final "$" field.  The
# code is 15 characters (two letters for the beneficiary group, the benefit level 1-5, a 2-digit
# province, the 10-character social-insurance number) or, on cards since 2021, the 10-digit
# social-insurance number alone.
_HEALTH_CODE = re.compile(r"[A-Z]{2}[1-5][0-9]{2}[0-9A-Z]{10}|[0-9]{10}")
_HEX = re.compile(r"(?:[0-9a-fA-F]{2})+")
_HEALTH_MIN_FIELDS = 4
_CARD_ID = re.compile(r"[0-9]{12}")
_URL = re.compile(r"https?://\S+", re.IGNORECASE)
_PRODUCT = re.compile(r"[0-9]{8}|[0-9]{12,14}")  # EAN-8, UPC-A, EAN-13, GTIN-14
_SCANNER_JUNK = " \t\r\n\0\ufeff"

_SCAN_ERRORS: Final[dict[ScanKind, str | None]] = {
    "citizen_card": None,
    "partial_card": "scan.partial_card",
    "health_insurance": "scan.health_insurance",
    "url": "scan.url",
    "product_barcode": "scan.product_barcode",
    "unknown": "scan.unknown",
}


def classify_scan(text: str, *, today: date | None = None) -> ScanKind:
    """Say what a finished scan is; ``citizen_card`` exactly when :func:`parse_card_qr` accepts it."""
    try:
        parse_card_qr(text, today=today)
    except DomainError:
        pass
    else:
        return "citizen_card"
    cleaned = text.strip(_SCANNER_JUNK)
    fields = cleaned.split("|")
    if len(fields) > 1 and _CARD_ID.fullmatch(fields[0].strip()):
        return "partial_card"
    if (
        len(fields) >= _HEALTH_MIN_FIELDS
        and _HEALTH_CODE.fullmatch(fields[0])
        and (_HEX.fullmatch(fields[1]) is not None or fields[-1] == "$")
    ):
        return "health_insurance"
    if _URL.fullmatch(cleaned):
        return "url"
    if _PRODUCT.fullmatch(cleaned):
        return "product_barcode"
    return "unknown"


def scan_error_code(kind: ScanKind) -> str | None:
    """The rule code (:mod:`kiosk.domain.errors`) to show for a scan of ``kind``; None for a card."""
    return _SCAN_ERRORS[kind]
