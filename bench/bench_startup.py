"""Start-up benchmark: process start to the sign-in screen drawn, against a bare PySide6 window.

Both are measured the same way in the same run: the parent starts a fresh Python process and stops
the clock when the child reports that what it waits for has been painted (the kiosk: an
operator's tile on the sign-in screen, so the screen is drawn with the data it needs to be used;
the bare window: its only label; see ``startup_child.py``). Goal: ratio ≤ 1.5.
``BENCH_STARTUP_ROUNDS`` lowers the number of rounds (default 31: with 15, the median ratio of
the same code moved between 1.41 and 1.56 from one run to the next on this shared machine; with
31 it held at 1.42-1.44). The ratio is of the medians;
the ratio of the minimums (the runs least disturbed by the other work of a shared machine) is
printed beside it. Where valgrind is installed, a second line gives the instructions each start
executes up to that frame (callgrind): the same every run, whatever else the machine does.

Both children run with a bytecode cache (in a temporary folder, filled by the untimed warm-up
rounds), as an installed kiosk does: with ``PYTHONDONTWRITEBYTECODE`` set, as on some developer
machines, the kiosk's own sources would be compiled again at every start while PySide6 and the
standard library come precompiled, which measures the compiler, not the start-up.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import record
from startup_child import MARK

ROUNDS = int(os.environ.get("BENCH_STARTUP_ROUNDS", "31"))
GOAL = 1.5
CHILD = Path(__file__).with_name("startup_child.py")


def _time_one(kind: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, str(CHILD), kind], stdout=subprocess.PIPE, env=env, text=True
    ) as child:
        assert child.stdout is not None
        line = child.stdout.readline().strip()
        elapsed = time.perf_counter() - start
        child.wait(timeout=60)
    if line != MARK:
        raise SystemExit(f"bench_startup: the {kind} child did not report its first paint")
    return elapsed


def _instructions(kind: str, env: dict[str, str]) -> int | None:
    """Instructions one start executes up to its first frame, or None without valgrind."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    command = [valgrind, "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    run = subprocess.run(
        [*command, sys.executable, str(CHILD), kind],
        env={**env, "STARTUP_CHILD_EXIT": "1"},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    found = re.search(r"Collected : (\d+)", run.stderr)
    if run.stdout.strip() != MARK or found is None:
        raise SystemExit(f"bench_startup: the {kind} child did not report its frame under valgrind")
    return int(found.group(1))


def _prepare(env: dict[str, str]) -> None:
    """A station with one officer, so start-up lands on the sign-in screen (not first-run setup)."""
    os.environ.update(env)
    from kiosk.config import load_config
    from kiosk.services.auth import AuthService
    from kiosk.services.base import system_clock
    from kiosk.store import open_store

    store = open_store(load_config())
    try:
        AuthService(store, system_clock).create_first_officer("Cán bộ Thử Nghiệm", "246810")
    finally:
        store.close()


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp:
        env = {
            **os.environ,
            "KIOSK_CONFIG_DIR": str(Path(tmp) / "config"),
            "KIOSK_DATA_DIR": str(Path(tmp) / "data"),
            # key_store stays "auto", as on a kiosk; keyring's own variable keeps the bench away
            # from a developer's real keyring, so the key goes to the key file.
            "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
            "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pycache"),
        }
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        _prepare(env)
        _time_one("kiosk", env)  # warm the file cache for both, outside the figures
        _time_one("bare", env)
        kiosk, bare = [], []
        for _ in range(ROUNDS):  # interleaved, so machine noise hits both alike
            kiosk.append(_time_one("kiosk", env))
            bare.append(_time_one("bare", env))
        counted = _instructions("kiosk", env), _instructions("bare", env)
    k, b = statistics.median(kiosk), statistics.median(bare)
    print(
        f"startup_to_sign_in: median {k * 1000:.0f} ms (min {min(kiosk) * 1000:.0f}, "
        f"max {max(kiosk) * 1000:.0f}) over {ROUNDS}; bare PySide6 window median {b * 1000:.0f} ms "
        f"(min {min(bare) * 1000:.0f}); ratio {k / b:.2f}, of the minimums "
        f"{min(kiosk) / min(bare):.2f} (goal <= {GOAL})"
    )
    record(
        "startup_to_sign_in",
        f"median {k * 1000:.0f} ms over {ROUNDS} starts",
        f"ratio <= {GOAL}",
        f"a bare PySide6 window: median {b * 1000:.0f} ms",
        f"{k / b:.2f}",
        k / b <= GOAL,
    )
    k_ir, b_ir = counted
    if k_ir is not None and b_ir is not None:
        print(
            f"startup_to_sign_in_instructions: {k_ir / 1e6:.0f} M; bare PySide6 window "
            f"{b_ir / 1e6:.0f} M; ratio {k_ir / b_ir:.2f} (callgrind, no machine noise)"
        )
        record(
            "startup_to_sign_in_instructions",
            f"{k_ir / 1e6:.0f} M instructions (callgrind)",
            "none: for information",
            f"a bare PySide6 window: {b_ir / 1e6:.0f} M",
            f"{k_ir / b_ir:.2f}",
            None,
        )
    return 0 if k / b <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
