"""The child of ``bench_startup.py``: one start, timed by the parent until it prints "drawn".

``python startup_child.py kiosk`` starts the kiosk and reports when an operator's tile on the
sign-in screen has been painted (the screen drawn with the data it needs to be used);
``python startup_child.py bare`` shows a bare PySide6 window and reports when its only label has
been painted (its text drawn, so its fonts loaded). It imports nothing the measured start would not, so the bare window is a true bare
window. The paint is watched on the awaited widgets alone, not application-wide: a Python filter
on every event would slow the window it measures (and the kiosk, with more widgets, the more).

The kiosk child imports ``kiosk.cli`` before PySide6, in the order the ``kiosk`` command does.
The order is measurable: once PySide6 is loaded, its import hook reads the source of every
module named in a later import statement (to look for "PySide6" in it).
"""

from __future__ import annotations

import os
import sys

MARK = "drawn"


def _child(kind: str) -> int:
    """Show the window, print the mark at the first paint of an awaited widget, quit."""
    if kind == "kiosk":
        import kiosk.cli  # noqa: F401  # what the ``kiosk`` command imports before the UI
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QLabel, QWidget

    app = QApplication(sys.argv[:1])
    awaited: list[QWidget]
    if kind == "kiosk":
        from kiosk.app import create_window, shut_down
        from kiosk.config import load_config
        from kiosk.ui.widgets.tile import Tile

        window = create_window(app, load_config())
        awaited = list(window.sign_in_screen.findChildren(Tile))  # the operators' tiles
        if not awaited:
            raise SystemExit("bench_startup: the kiosk did not start on the sign-in screen")
    else:
        window = QLabel("Đăng nhập")
        awaited = [window]

    def drawn() -> None:
        print(MARK, flush=True)
        if os.environ.get("STARTUP_CHILD_EXIT"):  # counted by callgrind: stop the count here
            os._exit(0)
        app.exit(0)

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint:
                return False
            for widget in awaited:
                widget.removeEventFilter(self)
            watched.event(event)  # the widget paints itself first (its text drawn, fonts loaded)
            drawn()
            return True  # painted already

    first_paint = FirstPaint()
    for widget in awaited:
        widget.installEventFilter(first_paint)
    window.resize(1366, 768)
    window.show()
    code = app.exec()
    if kind == "kiosk":
        shut_down(window)
    return code


if __name__ == "__main__":
    sys.exit(_child(sys.argv[1]))
