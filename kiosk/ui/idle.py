"""The idle lock's clock: any touch, click or key restarts it; silence for the set time fires ``idle``."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

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
    """An application-wide event filter; armed only while someone is signed in."""

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
        self._armed = True
        self._timer.start()

    def disarm(self) -> None:
        """Stop watching (nobody signed in: nothing personal to protect)."""
        self._armed = False
        self._timer.stop()

    def is_armed(self) -> bool:
        """Whether the lock will fire after a quiet period."""
        return self._armed

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Every input event anywhere in the application restarts the clock; nothing is eaten."""
        if self._armed and event.type() in ACTIVITY:
            self._timer.start()
        return False
