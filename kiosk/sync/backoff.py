"""Exponential backoff with full jitter (base 2 s, cap 5 min), honouring ``Retry-After``.

Full jitter (a uniform draw between 0 and the exponential ceiling) keeps a room of kiosks that lost
the server together from coming back together.  The random source is injected: tests pass a seeded
one and get the same waits every run.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

__all__ = ["Backoff"]


@dataclass
class Backoff:
    """The wait before attempt ``n + 1`` after ``n`` failures in a row."""

    base: float = 2.0
    cap: float = 300.0
    rng: random.Random = field(default_factory=random.Random)

    def ceiling(self, failures: int) -> float:
        """The upper bound of the draw: ``base * 2**(failures - 1)``, at most ``cap``."""
        if failures <= 0:
            return 0.0
        return min(self.cap, self.base * float(2 ** min(failures - 1, 30)))

    def delay(self, failures: int, retry_after: float | None = None) -> float:
        """Seconds to wait: a full-jitter draw, never less than the server's ``Retry-After``."""
        drawn = self.rng.uniform(0.0, self.ceiling(failures))
        return max(drawn, retry_after or 0.0)
