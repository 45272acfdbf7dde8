"""Helpers shared by the benchmarks: timing, interleaving with a baseline, one line per figure.

Every benchmark prints ``name: p50=… p99=… bare_p50=… bare_p99=… ratio=… (goal …)`` where the
ratio is p99 over the baseline's p99, both timed alternately in chunks so that machine noise
hits both alike. Each figure also gets its row in ``bench/results.md`` (:func:`record`).
"""

from __future__ import annotations

import datetime
import hashlib
import os
import platform
import shutil
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = [
    "intake_server",
    "interleaved",
    "percentiles",
    "read_through",
    "record",
    "report",
    "time_calls",
]

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results.md"
_RESULTS_HEAD = """# Benchmark results

Written by `make bench` (`bench/common.py`, `record`): one row per figure, replaced each time its
benchmark runs. Every baseline is measured in the same run, on the same machine, as the figure it
is compared with; what each benchmark does is in its module's docstring. Figures on a shared
machine move from run to run: the goal is judged on the run, not on one row copied elsewhere.
A quick run with smaller counts (the `BENCH_*` variables) writes its rows too: the committed file
comes from a plain `make bench`.

| figure | measured | goal | baseline (same run) | ratio | goal met | date | machine |
|---|---|---|---|---|---|---|---|
"""


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
    name: str,
    ours: list[float],
    bare: list[float],
    goal_p99: float | None,
    goal: float,
    *,
    baseline: str,
) -> bool:
    """Print one figure: p50/p99 of both paths and the p99 ratio; ``goal`` 0 means no goal.

    Records its row (``baseline`` names what ``bare`` timed); returns whether the figure meets
    its goal (always true without one)."""
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
    met = not goal or (ratio <= goal and (goal_p99 is None or p99 <= goal_p99))
    record(
        name,
        f"p99 {p99:.2f} ms (p50 {p50:.2f})",
        goals,
        f"{baseline}: p99 {bare99:.2f} ms (p50 {bare50:.2f})",
        f"{ratio:.2f}",
        met if goal else None,
    )
    return met


def machine() -> str:
    """The machine a figure was measured on: processor, cores, memory, system."""
    model = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("model name"):
                model = " ".join(line.split(":", 1)[1].split())
                break
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{model}, {os.cpu_count()} cores, {memory:.0f} GiB, {platform.system()}"


def record(
    figure: str, measured: str, goal: str, baseline: str, ratio: str, met: bool | None
) -> None:
    """Put ``figure``'s row into ``bench/results.md``, replacing the row it had (``met`` None:
    no goal, for information). The other figures' rows stay as their last run left them."""

    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    verdict = {True: "yes", False: "**no**", None: "n/a"}[met]
    cells = [f"`{figure}`", measured, goal, baseline, ratio, verdict]
    cells += [datetime.date.today().isoformat(), machine()]
    row = "| " + " | ".join(cell(c) for c in cells) + " |"
    rows: dict[str, str] = {}
    if RESULTS.is_file():
        for line in RESULTS.read_text(encoding="utf-8").splitlines():
            if line.startswith("| `"):
                rows[line.split("`")[1]] = line
    rows[figure] = row
    RESULTS.write_text(_RESULTS_HEAD + "\n".join(rows.values()) + "\n", encoding="utf-8")


@contextmanager
def intake_server(database_url: str, log: Path, cpu: int | None = None) -> Iterator[str]:
    """``kiosk-intake serve`` in its own process (pinned to ``cpu`` with taskset); its base URL."""
    from tests.support.intake import served_process

    with served_process(database_url, log, cpu) as served:
        yield served.url


def cached_store(name: str, sources: tuple[str, ...], build: Callable[[Any], object]) -> Any:
    """The config of a kiosk store kept in ``.bench-cache/<name>`` and built by ``build(store)``
    when missing or stale: it changes with the migrations, the day (today's progress) and the
    ``sources`` (paths from the repository root) that generate it."""
    from kiosk.config import load_config
    from kiosk.store import open_store
    from kiosk.store.migrate import head_revision

    digest = hashlib.sha256(f"{head_revision()} {datetime.date.today()}".encode())
    for path in sources:
        digest.update((ROOT / path).read_bytes())
    stamp_text = digest.hexdigest()[:16]
    root = ROOT / ".bench-cache" / name
    config = load_config(
        {
            "KIOSK_CONFIG_DIR": str(root / "config"),
            "KIOSK_DATA_DIR": str(root / "data"),
            "KIOSK_KEY_STORE": "file",
        }
    )
    stamp = root / "built"
    if stamp.exists() and stamp.read_text() == stamp_text and config.db_path.exists():
        return config
    shutil.rmtree(root, ignore_errors=True)
    started = time.perf_counter()
    with open_store(config) as store:
        build(store)
        with store.transaction() as conn:
            conn.exec_driver_sql("ANALYZE")
    stamp.write_text(stamp_text)
    print(f"built .bench-cache/{name} in {time.perf_counter() - started:.1f}s")
    return config
