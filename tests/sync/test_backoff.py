"""Backoff: full jitter under a doubling ceiling from 2 s to 5 min, never under Retry-After."""

from __future__ import annotations

import random

from kiosk.sync.backoff import Backoff


def test_full_jitter_under_a_doubling_ceiling() -> None:
    backoff = Backoff(rng=random.Random(7))
    assert [backoff.ceiling(n) for n in range(1, 11)] == [
        2, 4, 8, 16, 32, 64, 128, 256, 300, 300
    ]  # fmt: skip
    assert backoff.ceiling(0) == 0
    assert backoff.ceiling(10_000) == 300
    draws = [backoff.delay(4) for _ in range(2000)]
    assert all(0 <= d <= 16 for d in draws)
    assert min(draws) < 1 and max(draws) > 15  # the whole range, not a fixed step


def test_retry_after_is_a_floor() -> None:
    backoff = Backoff(rng=random.Random(7))
    assert all(backoff.delay(1, retry_after=30) == 30 for _ in range(100))
    assert all(backoff.delay(20, retry_after=1) >= 1 for _ in range(100))


def test_the_same_seed_gives_the_same_waits() -> None:
    first, second = Backoff(rng=random.Random(3)), Backoff(rng=random.Random(3))
    assert [first.delay(n) for n in range(1, 9)] == [second.delay(n) for n in range(1, 9)]
