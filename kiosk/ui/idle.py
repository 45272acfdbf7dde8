"""The idle lock's clock: any touch, click or key restarts it; silence for the set time fires ``idle``.

``WARNING_MS`` before that, ``warning`` fires, so that the window can say so with one tap to stay
(WCAG 2.2.1, DESIGN.md §6): the next touch, click or key restarts the clock and fires ``resumed``.

The watcher is an application-wide event filter only while armed (someone signed in). Unarmed,
it is not installed at all: every event of the application would otherwise pass through Python,
and the first of them makes PySide build the Python types of Qt's internal objects (about 45 ms
here) in front of the first frame.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

from kiosk.ui.qt_names import precise

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


WARNING_MS = 20_000


class IdleWatcher(QObject):
    """An application-wide event filter, installed only while someone is signed in."""

    idle = Signal()
    warning = Signal()
    """``WARNING_MS`` of quiet are left before ``idle``."""
    resumed = Signal()
    """Someone touched the screen (or a key) after ``warning``: the clock starts again."""

    def __init__(self, parent: QObject, timeout_ms: int) -> None:
        super().__init__(parent)
        self._timer = precise(QTimer(self))  # the warning promises 20 s: not 19, not 21
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._fire)
        self._warn_timer = precise(QTimer(self))
        self._warn_timer.setSingleShot(True)
        self._warn_timer.timeout.connect(self._warn)
        self._armed = False
        self._warned = False
        self.set_timeout_ms(timeout_ms)

    def set_timeout_ms(self, timeout_ms: int) -> None:
        """Change the quiet period (settings); restarts the clock when armed."""
        self._timer.setInterval(timeout_ms)
        self._warn_timer.setInterval(max(0, timeout_ms - WARNING_MS))
        if self._armed:
            self._restart()

    def remaining_ms(self) -> int:
        """Milliseconds of quiet left before the lock (0 when not armed)."""
        return max(0, self._timer.remainingTime()) if self._armed else 0

    def _restart(self) -> None:
        self._timer.start()
        self._warn_timer.start()
        if self._warned:
            self._warned = False
            self.resumed.emit()

    def _warn(self) -> None:
        self._warned = True
        self.warning.emit()

    def _fire(self) -> None:
        self._warned = False  # what follows the lock is no "resumed"
        self.idle.emit()

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
        self._restart()

    def disarm(self) -> None:
        """Stop watching (nobody signed in: nothing personal to protect)."""
        if self._armed:
            app = QCoreApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
        self._armed = False
        self._timer.stop()
        self._warn_timer.stop()
        if self._warned:
            self._warned = False
            self.resumed.emit()

    def is_armed(self) -> bool:
        """Whether the lock will fire after a quiet period."""
        return self._armed

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Every input event anywhere in the application restarts the clock; nothing is eaten."""
        if event.type() in ACTIVITY:
            self._restart()
        return False
