"""The longest stall of the UI thread: a precise timer on it, and the longest gap between its ticks.

Shared by the benches (``bench/bench_scan.py``, ``bench_visit.py``: 1 ms ticks) and the UI tests
that check the screen keeps answering (``tests/ui/test_sync_outage.py``: 5 ms ticks). Make it on
the UI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, QTimer


class Stalls:
    """A precise timer ticking every ``interval_ms``; ``longest`` is the widest gap (ms) seen."""

    def __init__(self, interval_ms: int = 1) -> None:
        self.clock = QElapsedTimer()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)
        self.last = 0
        self.longest = 0.0

    def _tick(self) -> None:
        now = self.clock.elapsed()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def start(self) -> None:
        """Start measuring (again) from now."""
        self.clock.start()
        self.last = 0
        self.timer.start()

    def stop(self) -> None:
        """Stop, counting the gap up to now."""
        self._tick()
        self.timer.stop()
