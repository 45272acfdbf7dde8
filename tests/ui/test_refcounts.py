"""PySide6 must keep Python's reference counts: a kiosk runs for hours and calls slots all evening.

PySide6 6.12.0 drops a reference to None on every Python slot call that returns None, and to True
and False when they travel through a ``Signal(object)``; on Python 3.11, where those objects are not
immortal, the process aborts after a few thousand calls ("deallocating None"). pyproject.toml
excludes that release; this test fails on any release that brings the bug back. It runs in a child
process because the failure is an abort, not an exception.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

CALLS = 20_000

CHILD = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QApplication, QPushButton

    app = QApplication(sys.argv[:1])

    class Source(QObject):
        chosen = Signal(object)

    source, got = Source(), []
    source.chosen.connect(got.append)
    button = QPushButton()
    button.clicked.connect(lambda: got.append(None))
    for n in range({CALLS}):
        source.chosen.emit(n % 2 == 0)
        button.click()
    print(len(got))
    """
)


def test_slots_and_object_signals_keep_reference_counts() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == [str(2 * CALLS)]
