"""The composition root: config, database, services and the main window are built here and only here.

The window is shown first; the store is opened and migrated on the database worker after the
first frame (``build_backend`` is what the worker runs), so nothing slow stands before the first
paint. No module-level state: everything is made in :func:`create_window` and passed down.
"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.config import Config, ConfigError, load_config
from kiosk.services.audit import AuditService
from kiosk.services.auth import AuthService
from kiosk.services.base import Clock, system_clock
from kiosk.services.pins import PIN_PARAMS, PinParams
from kiosk.store import open_store
from kiosk.ui.backend import Backend, StationService
from kiosk.ui.i18n import Translations
from kiosk.ui.main_window import MainWindow
from kiosk.ui.preferences import Preferences, load_preferences, save_preferences
from kiosk.ui.resources import load_fonts, translations_dir
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.theme import apply_theme

log = logging.getLogger(__name__)

WINDOW_SIZE = (1366, 768)


@dataclass(frozen=True)
class Wiring:
    """What the composition root needs besides the config; tests pass cheaper or fixed parts."""

    clock: Clock = system_clock
    pin_params: PinParams = PIN_PARAMS
    translations: Path | None = None


def build_backend(config: Config, wiring: Wiring) -> Backend:
    """Open, check and migrate the store, then the services on it (runs on the database worker)."""
    store = open_store(config, now=wiring.clock)
    try:
        return Backend(
            store=store,
            auth=AuthService(store, wiring.clock, pin_params=wiring.pin_params),
            station=StationService(store, wiring.clock),
            audit=AuditService(store, wiring.clock),
        )
    except BaseException:
        store.close()
        raise


def create_window(
    app: QApplication, config: Config, *, kiosk_mode: bool = False, wiring: Wiring | None = None
) -> MainWindow:
    """The whole kiosk UI, wired; the store opens once the window has painted."""
    wiring = wiring or Wiring()
    preferences = load_preferences(config.config_dir)
    family = load_fonts()
    translations = Translations(app, wiring.translations or translations_dir())
    runner = TaskRunner(app)

    def apply(prefs: Preferences) -> None:
        apply_theme(app, family, prefs.text_size)
        translations.switch(prefs.language)

    def save(prefs: Preferences) -> None:
        save_preferences(config.config_dir, prefs)

    apply(preferences)
    return MainWindow(
        runner,
        translations,
        preferences,
        open_backend=lambda: build_backend(config, wiring),
        apply_preferences=apply,
        save_preferences=save,
        kiosk_mode=kiosk_mode,
    )


def shut_down(window: MainWindow) -> None:
    """Let queued saves finish, then close the store cleanly (no crash marker left behind)."""
    app = QApplication.instance()
    if app is not None:
        app.removeEventFilter(window.idle)
    if not window.runner.shutdown():
        log.error("background work did not finish before shutdown")
    if window.backend is not None:
        window.backend.close()
    window.translations.uninstall()
    window.runner.deleteLater()


def _quit_on_signals(app: QApplication) -> None:
    """SIGTERM (system shutdown) and Ctrl+C leave the event loop, so the store closes cleanly.

    Python runs signal handlers only between bytecodes; a slow no-op timer gives it that chance
    while Qt's loop waits in C++.
    """

    def leave(signum: int, _frame: object) -> None:
        log.info("signal %s: closing the kiosk", signum)
        app.exit(0)  # not quit(): that asks the windows, and kiosk mode would refuse

    signal.signal(signal.SIGTERM, leave)
    signal.signal(signal.SIGINT, leave)
    heartbeat = QTimer(app)
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start(500)


def run(argv: Sequence[str] | None = None, *, kiosk_mode: bool = False) -> int:
    """Start the kiosk UI: windowed by default, fullscreen in kiosk mode; returns the exit code."""
    app = QApplication.instance() or QApplication(list(argv or sys.argv[:1]))
    assert isinstance(app, QApplication)
    try:
        config = load_config()
    except ConfigError as exc:
        print(f"kiosk: error: {exc}", file=sys.stderr)
        return 1
    window = create_window(app, config, kiosk_mode=kiosk_mode)
    _quit_on_signals(app)
    if kiosk_mode:
        window.showFullScreen()
    else:
        window.resize(*WINDOW_SIZE)
        window.show()
    try:
        return app.exec()
    finally:
        shut_down(window)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m kiosk.app [--kiosk]``: the UI alone (``kiosk`` with no command does the same)."""
    parser = argparse.ArgumentParser(prog="kiosk", description="Start the kiosk UI.")
    parser.add_argument(
        "--kiosk", action="store_true", help="fullscreen; leaving needs an officer PIN"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    return run(kiosk_mode=args.kiosk)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
