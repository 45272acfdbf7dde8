"""Per-station token bucket for registry lookups, kept in the server process's memory (§6, §9).

A lookup is the one call a volunteer makes with a resident at the desk, so it must never wait on
the database's write lock behind upload batches (on SQLite, one writer at a time): the bucket lives
in memory, behind a lock held for a few arithmetic operations.  Behind a load balancer each replica
keeps its own buckets, so a station spread over N replicas gets up to N times the rate; the
admission slots (one station holds at most half a class's slots) bound what that can cost.  A
restart gives every station a full bucket.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable


class LookupLimiter:
    """``burst`` lookups at once per station, refilled at ``per_minute`` a minute."""

    def __init__(
        self, burst: int, per_minute: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.burst = float(burst)
        self.rate = per_minute / 60.0
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, station_id: str) -> int | None:
        """Take one token: None when allowed, else the whole seconds to wait (``Retry-After``)."""
        now = self._clock()
        with self._lock:
            tokens, updated = self._buckets.get(station_id, (self.burst, now))
            tokens = min(self.burst, tokens + max(0.0, now - updated) * self.rate)
            if tokens >= 1.0:
                self._buckets[station_id] = (tokens - 1.0, now)
                return None
            self._buckets[station_id] = (tokens, now)
        return max(1, math.ceil((1.0 - tokens) / self.rate)) if self.rate > 0 else 3600
