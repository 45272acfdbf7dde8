"""Telling a card scan from typing (kiosk.domain.scan), fed exactly as the Qt key filter feeds it.

The confusion matrix runs 1,000 synthetic card scans and 1,000 typed sequences through one detector
in one stream, with the quiet timer firing at its simulated time; ``pytest -s`` prints it.
"""

from __future__ import annotations

import math
import random
import time
import tracemalloc
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest

from kiosk.domain.errors import ERROR_CODES
from kiosk.domain.scan import (
    MAX_HELD,
    ScanDetector,
    ScanKind,
    ScanThresholds,
    Verdict,
    classify_scan,
    scan_error_code,
)
from tests.strategies.identity import (
    ADDRESSES,
    FAMILY_NAMES,
    GIVEN_NAMES,
    MIDDLE_NAMES,
    PROVINCE_CODES,
)

LIMITS = ScanThresholds()
CARD = (
    "001090012345|012345678|NGUYỄN VĂN AN|15031990|Nam"
    "|Số 1 ngõ 2 phố Huế, Phường Hai Bà Trưng, Hà Nội|10072021"
)
CARD_2 = "001305012345||Trần Thị Bình|02022005|Nữ|Phường Tây Hồ, Hà Nội|20082024||||"
ENTER = "⏎"  # an end key that reached the widget
OTHER_KEY = "→"  # a non-text key that reached the widget


# --- the key filter, simulated ------------------------------------------------------------------


@dataclass
class Filter:
    """Drives a detector as the Qt filter does: one single-shot quiet timer, restarted while holding.

    ``widget`` gets what reached the focused widget, each character with the time it got there.
    """

    detector: ScanDetector
    widget: list[tuple[str, float]] = field(default_factory=list)
    scans: list[str] = field(default_factory=list)
    due: float | None = None

    def key(self, text: str, timestamp: float, arrival: float | None = None) -> None:
        at = timestamp if arrival is None else arrival
        self.advance(at)
        self._apply(self.detector.key(text, timestamp), at, OTHER_KEY)

    def end(self, timestamp: float) -> None:
        self.advance(timestamp)
        self._apply(self.detector.end_key(timestamp), timestamp, ENTER)

    def advance(self, now: float) -> None:
        """Let the quiet timer fire if its time comes before ``now``."""
        if self.due is not None and self.due <= now:
            fired = self.due
            self._apply(self.detector.quiet(fired), fired, None)

    def finish(self) -> None:
        self.advance(math.inf)

    def text(self) -> str:
        return "".join(ch for ch, _ in self.widget)

    def _apply(self, verdict: Verdict, now: float, own_key: str | None) -> None:
        self.widget += [(ch, now) for ch in verdict.release]
        if verdict.scan is not None:
            self.scans.append(verdict.scan)
        if verdict.passes:
            assert own_key is not None, "only text-less keys pass"
            self.widget.append((own_key, now))
        assert verdict.holding == self.detector.holding()
        self.due = now + LIMITS.quiet_gap_ms if verdict.holding else None


Event = tuple[str, float]  # (key text, or ENTER for an end key; timestamp in ms)


def feed(detector: ScanDetector, events: Iterable[Event]) -> Filter:
    keys = Filter(detector)
    for text, timestamp in events:
        if text == ENTER:
            keys.end(timestamp)
        else:
            keys.key(text, timestamp)
    keys.finish()
    return keys


def at_pace(text: str, gaps: Iterable[float], start: float = 1000.0) -> list[Event]:
    """One event per character (and ENTER, if it ends ``text``), on integer-ms timestamps."""
    events, now = [], start
    for ch, gap in zip(text, gaps, strict=False):
        now += gap
        events.append((ch, float(int(now))))
    return events


def steady(text: str, gap: float, start: float = 1000.0) -> list[Event]:
    return at_pace(text, [gap] * len(text), start)


# --- synthetic cards and typists ------------------------------------------------------------------

NEWEST = date(2025, 11, 22)  # dates are drawn up to here, so every card stays valid on later days
FIRST_CARD = date(2016, 1, 1)
WORDS = (
    "xe máy", "biển số", "đăng ký", "Hà Nội", "phường", "giấy phép lái xe", "chưa sang tên",
    "ok", "hello", "thường trú", "30A-123.45", "29-B1 123.45", "ngõ 2 phố Huế", "tổ dân phố 5",
)  # fmt: skip


def random_day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def random_digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(count))


def random_name(rng: random.Random, sex: str) -> str:
    given = rng.sample(GIVEN_NAMES, rng.randint(1, 2))
    return " ".join([rng.choice(FAMILY_NAMES), rng.choice(MIDDLE_NAMES[sex]), *given])


def random_id(rng: random.Random, sex: str, year: int) -> str:
    """A 12-digit ID number whose century/sex digit and year agree (formats reference §2)."""
    century_sex = 2 * ((year - 1900) // 100) + (sex == "female")
    return f"{rng.choice(PROVINCE_CODES)}{century_sex}{year % 100:02d}{random_digits(rng, 6)}"


def random_card(rng: random.Random) -> str:
    """A valid chip ID card QR text, 7 or 11 fields, names in either case; 5% latin-1 mojibake."""
    sex = rng.choice(("male", "female"))
    born = random_day(rng, date(1900, 1, 1), NEWEST)
    name = random_name(rng, sex)
    fields = [
        random_id(rng, sex, born.year),
        random_digits(rng, rng.choice((0, 9, 12))),
        name.upper() if rng.random() < 0.5 else name,
        born.strftime("%d%m%Y"),
        "Nam" if sex == "male" else "Nữ",
        rng.choice(ADDRESSES),
        random_day(rng, max(born, FIRST_CARD), NEWEST).strftime("%d%m%Y"),
    ]
    text = "|".join(fields + [""] * rng.choice((0, 4)))
    if rng.random() < 0.05:  # a scanner that decoded the UTF-8 bytes as latin-1
        text = text.encode("utf-8").decode("latin-1")
    return text


def scanner_gaps(rng: random.Random, count: int, slow: bool) -> list[float]:
    """A fast scanner: 1-25 ms a key, ±50% jitter; a slow one: set to 40 ms a key, ±10 ms."""
    if slow:
        return [40 + rng.uniform(-10, 10) for _ in range(count)]
    pace = rng.uniform(1, 25)
    return [pace * rng.uniform(0.5, 1.5) for _ in range(count)]


def typed_text(rng: random.Random) -> str:
    kind = rng.randrange(5)
    if kind == 0:  # a name, sometimes typed without diacritics or in capitals
        name = random_name(rng, rng.choice(("male", "female")))
        return name.upper() if rng.random() < 0.2 else name
    if kind == 1:  # an ID number typed by hand (12 digits, or an old 9-digit one)
        year = rng.randint(1930, 2010)
        return random_id(rng, "male", year) if rng.random() < 0.8 else random_digits(rng, 9)
    if kind == 2:  # a PIN
        return random_digits(rng, rng.randint(6, 8))
    if kind == 3:  # a mobile number
        return "09" + random_digits(rng, 8)
    return " ".join(rng.sample(WORDS, rng.randint(1, 3)))


def typing_gaps(rng: random.Random, count: int) -> list[float]:
    """A person at 35-400 ms a key (their average); fast typists roll over 2-4 keys under 30 ms.

    A rollover burst does not make a person faster on average: the time it saves goes into the
    normal gaps around it (which is what typing rate means).  So every sequence averages its pace,
    35 ms at the fastest, while holding bursts of 2-4 keys at 2-29 ms, each followed by normal gaps.
    """
    pace = math.exp(rng.uniform(math.log(35), math.log(400)))
    fast_typist = pace < 150
    gaps: list[float] = []
    burst: list[bool] = []
    while len(gaps) < count:
        if fast_typist and len(gaps) > 0 and not burst[-1] and rng.random() < 0.35:
            keys = rng.randint(2, 4)
            gaps += [rng.uniform(2, 29) for _ in range(keys - 1)]
            burst += [True] * (keys - 1)
        else:
            gaps.append(pace * rng.uniform(0.6, 1.4))
            burst.append(False)
    gaps, burst = gaps[:count], burst[:count]
    normal = sum(g for g, b in zip(gaps, burst, strict=True) if not b)
    rolled = sum(g for g, b in zip(gaps, burst, strict=True) if b)
    if normal and rolled:
        scale = (pace * count - rolled) / normal
        gaps = [g if b else g * scale for g, b in zip(gaps, burst, strict=True)]
    return gaps


@dataclass
class Case:
    is_scan: bool
    text: str
    events: list[Event]
    slow: bool = False

    @property
    def expected_widget(self) -> str:
        if self.is_scan:
            return ""
        return self.text + (ENTER if self.events[-1][0] == ENTER else "")


def make_cases(seed: int = 20251122) -> list[Case]:
    """1,000 card scans (10% from a slow 40 ms scanner) and 1,000 typed sequences, shuffled."""
    rng = random.Random(seed)
    cases: list[Case] = []
    for index in range(1000):
        text, slow = random_card(rng), index % 10 == 0
        suffix = rng.random() < 0.6  # scanners set to add Enter, or to add nothing
        gaps = scanner_gaps(rng, len(text) + 1, slow)
        events = at_pace(text + (ENTER if suffix else ""), gaps, start=0.0)
        cases.append(Case(True, text, events, slow))
    for _ in range(1000):
        text = typed_text(rng)
        enter = rng.random() < 0.5
        gaps = typing_gaps(rng, len(text) + 1)
        cases.append(Case(False, text, at_pace(text + (ENTER if enter else ""), gaps, 0.0)))
    rng.shuffle(cases)
    return cases


# --- the confusion matrix -------------------------------------------------------------------------


@dataclass
class Outcome:
    case: Case
    scans: list[str]
    widget: list[tuple[str, float]]  # times on the case's own clock (its events' offsets)

    @property
    def taken_for_scan(self) -> bool:
        return bool(self.scans)

    @property
    def exact(self) -> bool:
        """A scan: one scan of exactly its text, nothing leaked.  Typing: all of it, in order."""
        widget = "".join(ch for ch, _ in self.widget)
        scans = [self.case.text] if self.case.is_scan else []
        return self.scans == scans and widget == self.case.expected_widget


def run_stream(detector: ScanDetector, cases: Sequence[Case]) -> list[Outcome]:
    """Every case through one detector, one after another, 0.3-2 s apart (seeded)."""
    rng = random.Random(7)
    keys = Filter(detector)
    outcomes, clock = [], 0.0
    for case in cases:
        clock += rng.uniform(300, 2000)
        keys.scans, keys.widget = [], []
        for text, offset in case.events:
            if text == ENTER:
                keys.end(clock + offset)
            else:
                keys.key(text, clock + offset)
        keys.advance(clock + case.events[-1][1] + 300)  # the quiet timer has fired by now
        widget = [(ch, at - clock) for ch, at in keys.widget]
        outcomes.append(Outcome(case, keys.scans, widget))
        clock += case.events[-1][1]
    return outcomes


def matrix(outcomes: Sequence[Outcome], title: str) -> dict[str, int]:
    counts = {
        "scan→scan": sum(o.case.is_scan and o.exact for o in outcomes),
        "scan→missed": sum(o.case.is_scan and not o.exact for o in outcomes),
        "slow scan→missed": sum(o.case.slow and not o.exact for o in outcomes),
        "fast scan→missed": sum(
            o.case.is_scan and not o.case.slow and not o.exact for o in outcomes
        ),
        "typing→scan": sum(not o.case.is_scan and o.taken_for_scan for o in outcomes),
        "typing→typing": sum(not o.case.is_scan and o.exact for o in outcomes),
        "typing→damaged": sum(
            not o.case.is_scan and not o.exact and not o.taken_for_scan for o in outcomes
        ),
    }
    print(f"\n{title}")
    print(f"{'':>22} {'detected scan':>14} {'detected typing':>16}")
    print(f"{'card scans (1000)':>22} {counts['scan→scan']:>14} {counts['scan→missed']:>16}")
    print(f"{'typed (1000)':>22} {counts['typing→scan']:>14} {counts['typing→typing']:>16}")
    print(
        f"  missed: {counts['slow scan→missed']} of 100 from the slow 40 ms scanner,"
        f" {counts['fast scan→missed']} of 900 from fast ones;"
        f" typed sequences damaged (keys lost or reordered): {counts['typing→damaged']}"
    )
    return counts


def release_bound(case: Case, index: int) -> float:
    """When typed key ``index`` must have reached the widget at the latest: at the first later key
    after a gap over ``max_key_gap_ms``, at Enter, or when the quiet timer fires after the last key."""
    keys = [(text, ts) for text, ts in case.events]
    for (_, before), (text, ts) in zip(keys[index:], keys[index + 1 :], strict=False):
        if text == ENTER or ts - before > LIMITS.max_key_gap_ms:
            return ts
    return keys[-1][1] + LIMITS.quiet_gap_ms


def test_confusion_matrix_timing_alone_and_with_shape() -> None:
    cases = make_cases()
    assert sum(c.is_scan for c in cases) == 1000 and sum(c.slow for c in cases) == 100
    assert all(classify_scan(c.text) == "citizen_card" for c in cases if c.is_scan)

    # Timing alone fails in two places.  (1) The slow scanner: a card at 40 ms a key averages
    # more than 30 ms, so all 100 go to the widget as typing.  (2) A fast scanner near 25 ms with
    # jitter whose first gaps average over 30 ms: the burst is released early (so that a person's
    # keys wait at most about one gap) and the rest of the card follows as typing (~2%).  The card's
    # shape rescues both: digits so far may still be a card, so a slow start is held, and 12 digits
    # then "|" at up to 60 ms a key is a scan from the 13th character.  Typed text never has that
    # shape, so the shape adds no false scans; neither loses or reorders a typed key.
    alone = matrix(run_stream(ScanDetector(shape=False), cases), "timing alone")
    assert alone["slow scan→missed"] == 100
    assert alone["typing→typing"] == 1000

    outcomes = run_stream(ScanDetector(), cases)
    both = matrix(outcomes, "timing + shape")
    assert both["scan→scan"] == 1000, [o.case.text for o in outcomes if o.case.is_scan][:3]
    assert both["typing→scan"] == 0
    assert both["typing→typing"] == 1000

    delays, slow_delays = [], []
    for outcome in outcomes:
        case = outcome.case
        if case.is_scan:
            continue
        typed = [(ch, ts) for ch, ts in case.events if ch != ENTER]
        gaps = [b - a for (_, a), (_, b) in zip(case.events, case.events[1:], strict=False)]
        slow_typist = all(gap > LIMITS.max_key_gap_ms for gap in gaps)
        for index, ((_, pressed), (_, shown)) in enumerate(
            zip(typed, outcome.widget, strict=False)
        ):
            assert shown <= release_bound(case, index), (case.text, index)
            delays.append(shown - pressed)
            if slow_typist:
                slow_delays.append(shown - pressed)
    delays.sort()
    print(
        f"typed keys held back: median {delays[len(delays) // 2]:.0f} ms,"
        f" 99th percentile {delays[len(delays) * 99 // 100]:.0f} ms, max {delays[-1]:.0f} ms;"
        f" slow typists (every gap > {LIMITS.max_key_gap_ms:.0f} ms): max {max(slow_delays):.0f} ms"
    )
    assert max(slow_delays) <= LIMITS.quiet_gap_ms


# --- detector rules, one by one ---------------------------------------------------------------------


def test_a_card_scan_with_enter_is_swallowed_whole() -> None:
    keys = feed(ScanDetector(), [*steady(CARD, 8), (ENTER, 1000 + 8 * len(CARD) + 8)])
    assert keys.scans == [CARD]
    assert keys.text() == ""


def test_a_card_scan_without_suffix_ends_on_the_quiet_timer() -> None:
    keys = feed(ScanDetector(), steady(CARD_2, 5))
    assert keys.scans == [CARD_2]
    assert keys.text() == ""


def test_a_non_card_fast_burst_is_a_scan_but_a_short_one_is_not() -> None:
    url = "https://ihanoi.vn/app?x=1&y=2"
    keys = feed(ScanDetector(), [*steady(url, 4), (ENTER, 1200)])
    assert keys.scans == [url]
    keys = feed(ScanDetector(), [*steady("abcde", 4), (ENTER, 1021)])
    assert (keys.scans, keys.text()) == ([], "abcde" + ENTER)


def test_a_slow_scanner_needs_the_card_shape() -> None:
    slow_card = steady(CARD, 40)
    assert feed(ScanDetector(), slow_card).scans == [CARD]
    keys = feed(ScanDetector(shape=False), slow_card)
    assert (keys.scans, keys.text()) == ([], CARD)
    not_a_card = "https://example.org/" + "a" * 30
    keys = feed(ScanDetector(), steady(not_a_card, 40))
    assert (keys.scans, keys.text()) == ([], not_a_card)


def test_the_card_prefix_decides_early_and_holds_to_the_end() -> None:
    """13 characters of card shape at scanner speed: a scan, even if the scanner then slows down."""
    detector = ScanDetector()
    keys = Filter(detector)
    events = steady(CARD[:13], 40) + at_pace(CARD[13:], [80] * len(CARD), start=1000 + 13 * 40)
    for text, timestamp in events:
        keys.key(text, timestamp)
        assert keys.widget == []
    keys.end(events[-1][1] + 50)
    assert keys.scans == [CARD]


def test_a_rollover_burst_is_typing_and_loses_nothing() -> None:
    word = "thường"
    events = at_pace(word + ENTER, [0, 12, 8, 25, 140, 150, 130])
    keys = feed(ScanDetector(), events)
    assert (keys.scans, keys.text()) == ([], word + ENTER)
    name = "Nguyễn Văn An"
    gaps = [0, 9, 14, 21] + [120] * len(name)  # four keys rolled over, then normal typing
    keys = feed(ScanDetector(), at_pace(name, gaps))
    assert (keys.scans, keys.text()) == ([], name)
    # Two rollovers with a short gap between, after and before a pause: 6 keys averaging 21 ms,
    # which the libraries' rule (mean and length alone) takes for a scan.
    name = "Phạm Thanh Phương"
    gaps = [0, 80, 49, 107, 15, 11, 50, 24, 5, 108, 81, 9, 27, 76, 49, 55, 71, 28]
    keys = feed(ScanDetector(), at_pace(name, gaps))
    assert (keys.scans, keys.text()) == ([], name)


def test_a_slow_typist_key_comes_through_within_the_quiet_gap() -> None:
    keys = feed(ScanDetector(), steady("1234", 300))
    assert keys.text() == "1234"
    for (_, shown), (_, pressed) in zip(keys.widget, steady("1234", 300), strict=True):
        assert shown - pressed <= LIMITS.quiet_gap_ms


def test_a_fast_typist_key_waits_at_most_one_gap_and_the_quiet_gap() -> None:
    name = "Nguyễn Văn An"
    for gap in (45, 60, 80):
        events = steady(name, gap)
        keys = feed(ScanDetector(), events)
        assert keys.text() == name
        for (_, shown), (_, pressed) in zip(keys.widget, events, strict=True):
            assert shown - pressed <= gap + LIMITS.quiet_gap_ms


def test_a_pause_over_the_key_gap_ends_a_burst_without_the_timer() -> None:
    """Keys that arrive together after a UI stall: their timestamps still show the pause."""
    detector = ScanDetector()
    first = steady(CARD, 5)
    second = steady("abc", 150, start=first[-1][1] + LIMITS.max_key_gap_ms + 5 - 150)
    verdicts = [detector.key(text, ts) for text, ts in first + second[:1]]
    assert verdicts[-1] == Verdict("", CARD, True)
    assert detector.key("b", second[1][1]) == Verdict("a", None, True)


def test_a_non_text_key_releases_what_is_held_first() -> None:
    detector = ScanDetector()
    assert detector.key("a", 0).holding
    assert detector.key("b", 10).holding
    assert detector.key("", 20) == Verdict("ab", None, False, passes=True)
    assert detector.key("c", 60) == Verdict("c", None, False)  # typing passes straight through


def test_enter_passes_unless_it_ends_a_scan() -> None:
    detector = ScanDetector()
    assert detector.end_key(0) == Verdict("", None, False, passes=True)
    detector.key("x", 500)
    assert detector.end_key(700) == Verdict("x", None, False, passes=True)


# --- bad input ------------------------------------------------------------------------------------------


def test_a_10_kb_burst_is_one_bounded_non_card_scan() -> None:
    rng = random.Random(3)
    burst = "".join(rng.choice("abcdefghij0123456789|ăâđêôơư ,/") for _ in range(10 * 1024))
    keys = feed(ScanDetector(), [*steady(burst, 2), (ENTER, 1000 + 2 * len(burst) + 2)])
    assert keys.scans == [burst[:MAX_HELD]]
    assert keys.text() == ""
    assert classify_scan(keys.scans[0]) in ("unknown", "partial_card")
    keys = feed(ScanDetector(), [*steady(burst, 2), *steady("ok", 200, start=40_000)])
    assert keys.scans == [burst[:MAX_HELD]] and keys.text() == "ok"


def test_a_long_burst_holds_bounded_memory() -> None:
    detector = ScanDetector()
    chars = "0123456789abcdefghijklmnopqrstuvwxyzăâđêôơư"
    tracemalloc.start()
    try:
        for index in range(100_000):
            detector.key(chars[index % len(chars)], index * 2)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 200_000, peak  # 4 KB of text held; 100,000 keys would take ~1 MB


def test_time_grows_linearly_with_the_burst() -> None:
    def seconds(burst_length: int) -> float:
        best = math.inf
        text = ("0123456789abcdef" * (burst_length // 16 + 1))[:burst_length]
        for _ in range(3):
            started = time.perf_counter()
            for _ in range(100_000 // burst_length):
                detector = ScanDetector()
                for index, ch in enumerate(text):
                    detector.key(ch, index)
                detector.end_key(burst_length)
            best = min(best, time.perf_counter() - started)
        return best

    # The same 100,000 keys in bursts of 4,000 or of 500: linear work costs the same; work
    # quadratic in the burst would cost 8 times more in the long bursts.
    assert seconds(4000) < 3 * seconds(500)


def test_binary_junk_arrives_intact() -> None:
    rng = random.Random(11)
    junk = bytes(rng.randrange(256) for _ in range(300)).decode("latin-1")
    junk += "\x00\x01\x1b\x7f\x85\u200b|,/ ữ"
    keys = feed(ScanDetector(), [*steady(junk, 3), (ENTER, 1000 + 3 * len(junk) + 3)])
    assert keys.scans == [junk] and keys.text() == ""
    assert classify_scan(junk) == "unknown"
    keys = feed(ScanDetector(), steady(junk, 150))
    assert keys.scans == [] and keys.text() == junk


def test_a_scan_cut_in_the_middle_is_a_partial_card() -> None:
    for pace in (5, 40):
        keys = feed(ScanDetector(), steady(CARD[:40], pace))
        assert keys.scans == [CARD[:40]]
        assert classify_scan(keys.scans[0]) == "partial_card"


def test_two_scans_back_to_back() -> None:
    first = [*steady(CARD, 5), (ENTER, 1000 + 5 * len(CARD) + 5)]
    second = steady(CARD_2, 5, start=first[-1][1] + 5)
    keys = feed(ScanDetector(), [*first, *second, (ENTER, second[-1][1] + 5)])
    assert (keys.scans, keys.text()) == ([CARD, CARD_2], "")
    first = steady(CARD, 5)  # no suffix: the quiet timer ends each
    second = steady(CARD_2, 5, start=first[-1][1] + LIMITS.quiet_gap_ms + 50)
    keys = feed(ScanDetector(), [*first, *second])
    assert (keys.scans, keys.text()) == ([CARD, CARD_2], "")


def test_timestamps_going_backwards_or_wrapping() -> None:
    rng = random.Random(5)
    events = [(ch, ts - rng.choice((0, 0, 3, 7))) for ch, ts in steady(CARD, 6)]
    assert feed(ScanDetector(), events).scans == [CARD]
    wrap = 2**32
    events = [(ch, (ts + wrap - 500) % wrap) for ch, ts in steady(CARD, 6, start=0)]
    assert feed(ScanDetector(), [*events, (ENTER, events[-1][1] + 6)]).scans == [CARD]
    typed = [(ch, ts - rng.choice((0, 40))) for ch, ts in steady("Trần Thị Bình", 200)]
    keys = feed(ScanDetector(), typed)
    assert (keys.scans, keys.text()) == ([], "Trần Thị Bình")
    # Six fast keys, then 80 ms gaps: 45 ms on average, typing.  A clock wrap in the middle counts
    # as no time at all; it must not make the burst look faster still.
    events = at_pace("abcdefghijk", [0, 10, 10, 10, 10, 10, 80, 80, 80, 80, 80])
    wrapped = [(ch, ts if index < 8 else ts - 2**32) for index, (ch, ts) in enumerate(events)]
    keys = feed(ScanDetector(), wrapped)
    assert (keys.scans, keys.text()) == ([], "abcdefghijk")


# --- what a scan is -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (CARD, "citizen_card"),
        (CARD_2 + "\r\n", "citizen_card"),
        (CARD.encode("utf-8").decode("latin-1"), "citizen_card"),  # mojibake is repaired
        (CARD[:40], "partial_card"),
        (CARD.replace("15031990", "15031991"), "partial_card"),  # birth year contradicts the ID
        ("001090012345|", "partial_card"),
        (
            f"DN4010123456789|{'Nguyễn Văn An'.encode().hex()}|15/03/1990|1"
            f"|{'Số 1 phố Huế, Hà Nội'.encode().hex()}|01 - 001"
            "|01/01/2025|31/12/2025|01/01/2025|-|-|4|01/01/2030|0a1b2c3d-1234|$",
            "health_insurance",
        ),
        (f"0123456789|{'Lê Thị Hoa'.encode().hex()}|15/03/1990|2|$", "health_insurance"),
        ("https://ihanoi.vn/tai-app", "url"),
        ("HTTP://EXAMPLE.ORG", "url"),
        ("8934563138165", "product_barcode"),
        ("12345670", "product_barcode"),
        ("001090012345", "product_barcode"),  # a bare 12-digit number: no way to tell
        ("123456", "unknown"),
        ("http://has space", "unknown"),
        ("DN4010123456789", "unknown"),
        ("DN4010123456789|Nguyen Van An|15/03/1990|1", "unknown"),  # name not hex, no "$"
        ("", "unknown"),
        ("Nguyễn Văn An", "unknown"),
    ],
)
def test_classify_scan(text: str, kind: ScanKind) -> None:
    assert classify_scan(text) == kind


def test_every_kind_but_a_card_has_an_error_code() -> None:
    kinds: tuple[ScanKind, ...] = (
        "citizen_card", "health_insurance", "url", "product_barcode", "partial_card", "unknown",
    )  # fmt: skip
    assert scan_error_code("citizen_card") is None
    codes = [scan_error_code(kind) for kind in kinds[1:]]
    assert len(set(codes)) == len(codes)
    assert all(code in ERROR_CODES for code in codes)


def test_card_bound_sits_between_the_scan_mean_and_the_single_gap() -> None:
    assert LIMITS.max_mean_gap_ms < 40 + 10 < LIMITS.card_mean_gap_ms < LIMITS.max_key_gap_ms
    assert LIMITS.max_key_gap_ms <= LIMITS.quiet_gap_ms
