"""The idle lock's clock: any touch, click or key restarts it; silence for the set time fires ``idle``.

The watcher is an application-wide event filter only while armed (someone signed in). Unarmed,
it is not installed at all: every event of the application would otherwise pass through Python,
and the first of them makes PySide build the Python types of Qt's internal objects (about 45 ms
here) in front of the first frame.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

ACTIVITY = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
    }
)


class IdleWatcher(QObject):
    """An application-wide event filter, installed only while someone is signed in."""

    idle = Signal()

    def __init__(self, parent: QObject, timeout_ms: int) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.idle)
        self._armed = False

    def set_timeout_ms(self, timeout_ms: int) -> None:
        """Change the quiet period (settings); restarts the clock when armed."""
        self._timer.setInterval(timeout_ms)
        if self._armed:
            self._timer.start()

    def timeout_ms(self) -> int:
        """The quiet period in milliseconds."""
        return self._timer.interval()

    def arm(self) -> None:
        """Start watching (someone signed in)."""
        if not self._armed:
            app = QCoreApplication.instance()
            assert app is not None
            app.installEventFilter(self)
        self._armed = True
        self._timer.start()

    def disarm(self) -> None:
        """Stop watching (nobody signed in: nothing personal to protect)."""
        if self._armed:
            app = QCoreApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
        self._armed = False
        self._timer.stop()

    def is_armed(self) -> bool:
        """Whether the lock will fire after a quiet period."""
        return self._armed

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Every input event anywhere in the application restarts the clock; nothing is eaten."""
        if event.type() in ACTIVITY:
            self._timer.start()
        return False
