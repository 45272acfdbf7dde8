"""The card scanner in keyboard-wedge mode: one application-wide filter tells a scan from typing.

Most USB 2D scanners "type" the card's QR text as fast key presses. The filter (installed after the
first frame, before anyone signs in: docs/startup.md) hands every key press to
:class:`kiosk.domain.scan.ScanDetector`, which judges by the gaps between the keys' own
timestamps (``QKeyEvent.timestamp()``, not the time they reached the UI thread: after a stall,
arrival times make a scan look like typing) and by the text's shape. Until it decides, the keys,
with their releases, are held back: a scan never reaches a focused field, never presses a focused
button (a button clicks on the release of Space) and never fires a shortcut (its
``ShortcutOverride`` is taken). Keys judged to be typing are sent on to the widget that has the
focus, in their order, none lost. A finished scan leaves as ``scanned(text)``.

Qt shows a key to an application filter once for the window and again for each widget it passes
through; a key the filter lets pass is counted once. The filter also turns input methods off for
every widget: an input method (IBus with Unikey, a Windows IME) would take a scan's keys first
and rewrite them (docs/scanner.md).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QInputMethodQueryEvent, QKeyEvent
from PySide6.QtWidgets import QApplication

from kiosk.domain.scan import ScanDetector, ScanThresholds, Verdict

_END_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab})
_MODIFIERS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
    }
)
_KEY_EVENTS = frozenset(
    {QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride}
)
_WATCHED = _KEY_EVENTS | {QEvent.Type.InputMethodQuery}


def _copy(event: QKeyEvent) -> QKeyEvent:
    """A key event that outlives the one Qt delivered (Qt reuses and deletes its events)."""
    return QKeyEvent(
        event.type(),
        event.key(),
        event.modifiers(),
        event.nativeScanCode(),
        event.nativeVirtualKey(),
        event.nativeModifiers(),
        event.text(),
        event.isAutoRepeat(),
        event.count(),
    )


class ScannerFilter(QObject):
    """Installed on the application: key events pass through :class:`ScanDetector` first."""

    scanned = Signal(str)
    """A whole scan's text (the keys were swallowed)."""

    def __init__(self, parent: QObject, thresholds: ScanThresholds) -> None:
        super().__init__(parent)
        self._detector = ScanDetector(thresholds)
        self._held: list[QKeyEvent] = []
        self._replaying = False
        self._passed: tuple[object, ...] | None = None
        self._last_key_ms = 0.0
        self._since_last = QElapsedTimer()
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(max(1, round(thresholds.quiet_gap_ms)))
        self._quiet.timeout.connect(self._quiet_gap)

    def install(self) -> None:
        """Listen to the whole application from now on."""
        app = QCoreApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def uninstall(self) -> None:
        """Stop listening (the kiosk is closing); keys still held are dropped."""
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._quiet.stop()
        self._held.clear()

    def holding(self) -> bool:
        """Whether key presses are held back, waiting for the decision."""
        return bool(self._held)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Key events wait for the detector; every other event passes untouched (cost: one set
        lookup). Input methods are off for every widget (see :meth:`_no_input_method`)."""
        if event.type() not in _WATCHED or self._replaying:
            return False
        if event.type() == QEvent.Type.InputMethodQuery:
            return self._no_input_method(watched, event)
        assert isinstance(event, QKeyEvent)
        seen = (event.type(), event.key(), event.timestamp(), event.text())
        if seen == self._passed:  # the same key again, on its way from the window to a widget
            return False
        swallowed = self._key_event(event)
        self._passed = None if swallowed else seen
        return swallowed

    @staticmethod
    def _no_input_method(watched: QObject, event: QEvent) -> bool:
        """Tell Qt that no widget takes an input method: IBus with Unikey, or a Windows IME, would
        otherwise take a scan's keys before the kiosk sees them and rewrite them (Telex makes
        ``dd`` into ``đ``). The kiosk types Vietnamese with its own keyboard (docs/scanner.md)."""
        if not isinstance(event, QInputMethodQueryEvent) or not watched.isWidgetType():
            return False
        if not event.queries() & Qt.InputMethodQuery.ImEnabled:
            return False
        watched.event(event)  # the widget answers the other queries
        event.setValue(Qt.InputMethodQuery.ImEnabled, False)
        return True

    def _key_event(self, event: QKeyEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            if self._held or self._detector.holding():
                event.accept()  # a held key is no shortcut: Qt delivers it as a key press
                return True
            return False
        if event.type() == QEvent.Type.KeyRelease:
            if self._held:
                self._held.append(_copy(event))
                return True
            return False
        return self._press(event)

    def _press(self, event: QKeyEvent) -> bool:
        key = event.key()
        if key in _MODIFIERS:  # a scanner presses Shift around capitals: part of the burst
            if self._held:
                self._held.append(_copy(event))
                return True
            return False
        timestamp = float(event.timestamp())
        self._last_key_ms = timestamp
        self._since_last.start()
        if key in _END_KEYS:
            return self._apply(self._detector.end_key(timestamp), printable=False)
        text = event.text()
        if text and text.isprintable():
            self._held.append(_copy(event))
            return self._apply(self._detector.key(text, timestamp), printable=True)
        return self._apply(self._detector.key("", timestamp), printable=False)

    def _quiet_gap(self) -> None:
        if self._detector.holding():
            now = self._last_key_ms + self._since_last.elapsed()
            self._apply(self._detector.quiet(now), printable=False)

    def _apply(self, verdict: Verdict, *, printable: bool) -> bool:
        """Act on the detector's verdict (its order: release, scan, hold); True: the event that
        brought it is swallowed (held, part of a scan, or already sent on)."""
        if verdict.release:
            self._replay(self._presses_for(verdict.release))
        if verdict.scan is not None:
            # the scan is every held key but, when a new burst began, this key
            keep = self._held[-1:] if verdict.holding and printable else []
            self._held = keep
            self.scanned.emit(verdict.scan)
        elif not verdict.holding and self._held:
            self._replay(len(self._held))  # releases of keys already sent on
        if self._detector.holding():
            self._quiet.start()
        else:
            self._quiet.stop()
        return printable or not verdict.passes

    def _presses_for(self, released: str) -> int:
        """How many held events carry the ``released`` characters (with their releases)."""
        count, chars = 0, 0
        for count, event in enumerate(self._held, start=1):  # noqa: B007 - count is the result
            if event.type() == QEvent.Type.KeyPress and event.text():
                chars += len(event.text())
            if chars >= len(released):
                break
        while count < len(self._held) and self._held[count].type() == QEvent.Type.KeyRelease:
            count += 1
        return count

    def _replay(self, count: int) -> None:
        """Send the first ``count`` held events to the widget with the focus, in order."""
        events, self._held = self._held[:count], self._held[count:]
        target = QApplication.focusWidget() or QApplication.activeWindow()
        if target is None:
            return
        self._replaying = True
        try:
            for event in events:
                QCoreApplication.sendEvent(target, event)
        finally:
            self._replaying = False
