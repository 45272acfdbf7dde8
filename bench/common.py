"""Helpers shared by the benchmarks: timing, interleaving with a baseline, one line per figure.

Every benchmark prints ``name: p50=… p99=… bare_p50=… bare_p99=… ratio=… (goal …)`` where the
ratio is p99 over the baseline's p99, both timed alternately in chunks so that machine noise
hits both alike.
"""

from __future__ import annotations

import shutil
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

__all__ = ["intake_server", "interleaved", "percentiles", "read_through", "report", "time_calls"]

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT = 30.0


def percentiles(samples: list[float]) -> tuple[float, float]:
    """``(p50, p99)`` in milliseconds of samples in seconds."""
    ordered = sorted(samples)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return statistics.median(ordered) * 1000, p99 * 1000


def time_calls(calls: list[Callable[[], object]]) -> list[float]:
    """Seconds each call took."""
    out = []
    for call in calls:
        start = time.perf_counter()
        call()
        out.append(time.perf_counter() - start)
    return out


def interleaved(
    ours: list[Callable[[], object]],
    bare: list[Callable[[], object]],
    warm: int = 50,
    chunk: int = 100,
    between: Callable[[], object] | None = None,
) -> tuple[list[float], list[float]]:
    """Time both paths alternately in chunks, so machine noise hits both alike.

    Which path goes first alternates, so neither always finds the other's pages in the OS
    cache; ``between`` runs untimed before every chunk (the WAL checkpoint for saves).
    """
    time_calls(ours[:warm])
    time_calls(bare[:warm])
    a: list[float] = []
    b: list[float] = []
    for n, start in enumerate(range(warm, len(ours), chunk)):
        pair = [(ours, a), (bare, b)]
        for calls, out in pair if n % 2 == 0 else pair[::-1]:
            if between is not None:
                between()
            out += time_calls(calls[start : start + chunk])
    return a, b


def read_through(path: Path) -> None:
    """Read the whole file once so the lookups start from the OS cache, not the disk."""
    with path.open("rb") as f:
        while f.read(1 << 20):
            pass


def report(
    name: str, ours: list[float], bare: list[float], goal_p99: float | None, goal: float
) -> bool:
    """Print one figure: p50/p99 of both paths and the p99 ratio; ``goal`` 0 means no goal.

    Returns whether the figure meets its goal (always true without one)."""
    p50, p99 = percentiles(ours)
    bare50, bare99 = percentiles(bare)
    ratio = p99 / bare99
    goals = f"ratio<={goal:g}" if goal_p99 is None else f"p99<={goal_p99:g}ms, ratio<={goal:g}"
    if not goal:
        goals = "none: for information"
    print(
        f"{name}: p50={p50:.2f}ms p99={p99:.2f}ms bare_p50={bare50:.2f}ms bare_p99={bare99:.2f}ms "
        f"ratio={ratio:.2f} (goal {goals})"
    )
    return not goal or (ratio <= goal and (goal_p99 is None or p99 <= goal_p99))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def intake_server(database_url: str, log: Path, cpu: int | None = None) -> Iterator[str]:
    """``kiosk-intake serve`` in its own process (pinned to ``cpu`` with taskset); its base URL."""
    port = _free_port()
    command = [sys.executable, "-m", "intake.cli", "serve", "--port", str(port),
               "--database-url", database_url, "--log-level", "warning"]  # fmt: skip
    if cpu is not None and shutil.which("taskset"):
        command = ["taskset", "-c", str(cpu), *command]
    url = f"http://127.0.0.1:{port}"
    with log.open("wb") as out:  # the server logs each batch: not on the bench's output
        proc = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + START_TIMEOUT
            with requests.Session() as probe:
                while True:
                    try:
                        if probe.get(f"{url}/v1/health", timeout=1).ok:
                            break
                    except requests.ConnectionError:
                        pass
                    if time.monotonic() > deadline or proc.poll() is not None:
                        raise RuntimeError(f"the intake server did not start; see {log}")
                    time.sleep(0.05)  # polling a starting process: nothing to wait on but the port
            yield url
        finally:
            proc.terminate()
            proc.wait(timeout=30)
