"""Start-up benchmark: process start to the sign-in screen drawn, against a bare PySide6 window.

Both are measured the same way in the same run: the parent starts a fresh Python process and stops
the clock when the child reports the first paint of what it waits for (the kiosk: an operator's
tile on the sign-in screen, so the screen is drawn with the data it needs to be used; the bare
window: its only label). Goal: ratio ≤ 1.5. `BENCH_STARTUP_ROUNDS` lowers the number of rounds
(default 9).

Both children run with a bytecode cache (in a temporary folder, filled by the untimed warm-up
rounds), as an installed kiosk does: with ``PYTHONDONTWRITEBYTECODE`` set, as on some developer
machines, the kiosk's own sources would be compiled again at every start while PySide6 and the
standard library come precompiled, which measures the compiler, not the start-up.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

ROUNDS = int(os.environ.get("BENCH_STARTUP_ROUNDS", "9"))
GOAL = 1.5
MARK = "drawn"


def _child(kind: str) -> int:
    """Run in the child: show the window, report the first paint of the awaited widget, quit."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv[:1])
    if kind == "kiosk":
        from kiosk.app import create_window, shut_down
        from kiosk.config import load_config
        from kiosk.ui.screens.sign_in import SignInScreen
        from kiosk.ui.widgets.tile import Tile

        window = create_window(app, load_config())

        def awaited(widget: QObject) -> bool:
            """An operator's tile, drawn on the sign-in screen."""
            return isinstance(widget, Tile) and any(
                isinstance(parent, SignInScreen) for parent in _parents(widget)
            )
    else:
        window = QLabel("Đăng nhập")

        def awaited(widget: QObject) -> bool:
            """The bare window's label."""
            return isinstance(widget, QLabel)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and awaited(watched):
                print(MARK, flush=True)
                app.removeEventFilter(self)
                app.exit(0)
            return False

    first_paint = FirstPaint()
    app.installEventFilter(first_paint)
    window.resize(1366, 768)
    window.show()
    code = app.exec()
    if kind == "kiosk":
        shut_down(window)
    return code


def _parents(widget: QObject) -> Iterator[QObject]:
    """The parents of ``widget``, nearest first."""
    parent = widget.parent()
    while parent is not None:
        yield parent
        parent = parent.parent()


def _time_one(kind: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, __file__, "--child", kind], stdout=subprocess.PIPE, env=env, text=True
    ) as child:
        assert child.stdout is not None
        line = child.stdout.readline().strip()
        elapsed = time.perf_counter() - start
        child.wait(timeout=60)
    if line != MARK:
        raise SystemExit(f"bench_startup: the {kind} child did not report its first paint")
    return elapsed


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
            "KIOSK_KEY_STORE": "file",
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
    k, b = statistics.median(kiosk), statistics.median(bare)
    print(
        f"startup_to_sign_in: median {k * 1000:.0f} ms (max {max(kiosk) * 1000:.0f} ms) over {ROUNDS}; "
        f"bare PySide6 window {b * 1000:.0f} ms; ratio {k / b:.2f} (goal <= {GOAL})"
    )
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        sys.exit(_child(sys.argv[2]))
    sys.exit(main())
