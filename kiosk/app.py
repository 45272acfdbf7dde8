"""The composition root: config, database, services and the main window are built here and only here.

The window is shown first; the store is opened and migrated on the database worker after the
first frame (``build_backend`` is what the worker runs), so nothing slow stands before the first
paint. When the database needs no migration, a first look at it (plain SQL, a few ms, see
:mod:`kiosk.store.first_look`) lets the sign-in screen be that first frame. No module-level state:
everything is made in :func:`create_window` and passed down.

Only Qt and the light parts of the UI are imported here. The store, the services and SQLAlchemy
under them (half a second of imports) are imported by :func:`build_backend`, on the database
worker, after the first paint.
"""

from __future__ import annotations

import gc
import logging
import os
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.config import Config, ConfigError, load_config
from kiosk.services.base import Clock, system_clock
from kiosk.services.pins import PIN_PARAMS, PinParams
from kiosk.ui.i18n import Translations
from kiosk.ui.main_window import MainWindow
from kiosk.ui.preferences import Preferences, load_preferences, save_preferences
from kiosk.ui.resources import icon_pixmap, load_fonts, translations_dir
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.theme import apply_theme

if TYPE_CHECKING:
    from datetime import datetime

    from kiosk.store import Store
    from kiosk.store.first_look import FirstLook
    from kiosk.ui.backend import Backend
    from kiosk.ui.scanner import ScannerFilter
    from kiosk.ui.sync_worker import SyncWorker

log = logging.getLogger(__name__)

WINDOW_SIZE = (1366, 768)


class Wiring(NamedTuple):
    """What the composition root needs besides the config; tests pass cheaper or fixed parts."""

    clock: Clock = system_clock
    pin_params: PinParams = PIN_PARAMS
    translations: Path | None = None
    sync_poll_seconds: float = 60.0
    """The pause between sync rounds ("Sync now" and a verification cut it short)."""


def open_store(config: Config, *, now: Callable[[], datetime]) -> Store:
    """:func:`kiosk.store.open_store`, imported when called (on the database worker)."""
    from kiosk.store import open_store as open_the_store

    return open_the_store(config, now=now)


def first_look(config: Config) -> FirstLook | None:
    """:func:`kiosk.store.first_look.first_look`, imported when called (before the first paint)."""
    from kiosk.store.first_look import first_look as look

    return look(config)


def build_backend(config: Config, wiring: Wiring) -> Backend:
    """Open, check and migrate the store, then the services on it (runs on the database worker)."""
    from kiosk.services.audit import AuditService
    from kiosk.services.auth import AuthService
    from kiosk.services.capture import CaptureService
    from kiosk.services.lookup import LookupService
    from kiosk.services.sessions import SessionService
    from kiosk.services.station import StationService
    from kiosk.services.verify import VerifyService
    from kiosk.sync.registry import ServerRegistry
    from kiosk.ui import sync_worker  # noqa: F401  # loaded here, so the UI thread never waits for it
    from kiosk.ui.backend import Backend

    store = open_store(config, now=wiring.clock)
    try:
        return Backend(
            store=store,
            auth=AuthService(store, wiring.clock, pin_params=wiring.pin_params),
            station=StationService(store, wiring.clock),
            audit=AuditService(store, wiring.clock),
            lookup=LookupService(
                store,
                wiring.clock,
                ServerRegistry(
                    store,
                    ca_bundle=config.ca_bundle,
                    allow_insecure_http=config.allow_insecure_http,
                ),
            ),
            capture=CaptureService(store, wiring.clock),
            verify=VerifyService(store, wiring.clock),
            sessions=SessionService(store, wiring.clock),
            clock=wiring.clock,
            ca_bundle=config.ca_bundle,
            allow_insecure_http=config.allow_insecure_http,
            retention_days=config.retention_days,
            consent_text=config.consent_text,
            ihanoi_url=config.ihanoi_url,
        )
    except BaseException:
        store.close()
        raise


def start_sync(config: Config, wiring: Wiring, backend: Backend) -> SyncWorker:
    """The sync worker on the open store (started by the window once it listens to it).

    The screens and services exist by now: they are moved out of the garbage collector's sight
    first (:func:`freeze_startup_objects`).
    """
    from kiosk.ui.sync_worker import SyncWorker

    freeze_startup_objects()
    return SyncWorker(
        backend.store,
        clock=wiring.clock,
        ca_bundle=config.ca_bundle,
        allow_insecure_http=config.allow_insecure_http,
        poll_seconds=wiring.sync_poll_seconds,
    )


def freeze_startup_objects() -> None:
    """Once per process, after start-up: the ~140,000 objects that live as long as the kiosk
    (screens, services, SQLAlchemy's tables, Qt's wrappers) go to the collector's permanent
    generation (``gc.freeze``).

    A full collection walks every tracked object holding the GIL; with these in it, it took 55-150
    ms on this hardware, on whichever thread set it off (the roster download, usually), and the
    UI thread stood still for that long. Frozen, a full collection costs about a millisecond. No
    ``gc.collect()`` first: that would be the very stall, in front of the operator. Cycles that
    exist at this moment are kept for the process's life (a few kilobytes).
    """
    if gc.get_freeze_count() == 0:  # the first window of the process (tests make many)
        gc.freeze()


def listen_for_scans(config: Config, parent: QObject) -> ScannerFilter:
    """The card scanner's key filter with the config's thresholds (after the first frame)."""
    from kiosk.ui.scanner import ScannerFilter

    return ScannerFilter(parent, config.scan_thresholds)


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
        first_look=lambda: first_look(config),
        make_sync=lambda backend: start_sync(config, wiring, backend),
        make_scanner=lambda parent: listen_for_scans(config, parent),
        apply_preferences=apply,
        save_preferences=save,
        kiosk_mode=kiosk_mode,
    )


def shut_down(window: MainWindow) -> None:
    """Let queued saves finish, then close the store cleanly (no crash marker left behind).

    The event loop has ended: outcomes of background work that finished since are delivered here,
    so a store whose opening was under way when the kiosk was closed is closed too.
    """
    window.shutting_down()
    window.idle.disarm()
    if window.scanner is not None:
        window.scanner.uninstall()
    if window.sync is not None and not window.sync.stop():
        log.error("sync did not stop in time; its last request is replayed at the next start")
    if not window.runner.shutdown():
        log.error("background work did not finish before shutdown")
    window.runner.deliver_finished()
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


SMOKE_TIMEOUT_MS = 60_000


def smoke() -> int:
    """``kiosk --smoke``: the bundle's self-test; prints ``OK`` and answers 0 when every part works.

    The real main window, offscreen, on a new temporary config and data dir (the kiosk's own data
    and keyring are never touched): the store is created encrypted and migrated to the head, the
    first-start screen is shown and painted, both translations and the SVG icon plugin load, the
    progress chart draws (QtCharts), and a receipt prints to PDF on both papers (the print support
    module, and its CUPS plugin on Linux).
    A bundle that forgot a module, a plugin or a data file fails here with the part named.
    """
    import tempfile  # not on the kiosk's way to its first frame (docs/startup.md)

    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # read when the QApplication is made
    with tempfile.TemporaryDirectory(prefix="kiosk-smoke-") as tmp:
        config = Config(Path(tmp, "config"), Path(tmp, "data"), key_store="file")
        try:
            problem = _smoke_window(config)
        except Exception as exc:  # any failure is the answer, named
            problem = f"{type(exc).__name__}: {exc}"
    if problem:
        print(f"kiosk: smoke: FAIL: {problem}", file=sys.stderr)
        return 1
    print("OK")
    return 0


def _smoke_window(config: Config) -> str | None:
    """Open the kiosk on ``config``, wait for its first-start screen, check it; None when all is well."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    window = create_window(app, config)
    failures: list[str] = []

    def fail(why: str) -> None:
        failures.append(why)
        app.exit(1)

    window.backend_failed.connect(lambda error: fail(f"the store did not open: {error!r}"))
    window.navigator.current_changed.connect(lambda name: name == "setup" and app.exit(0))
    QTimer.singleShot(SMOKE_TIMEOUT_MS, lambda: fail("no first-start screen in time"))
    window.resize(*WINDOW_SIZE)
    window.show()
    try:
        app.exec()
        return "; ".join(failures) or _smoke_checks(window, config)
    finally:
        shut_down(window)
        window.deleteLater()


def _smoke_checks(window: MainWindow, config: Config) -> str | None:
    """What the open kiosk must have: an encrypted, migrated store, translations, icons, paint."""
    from kiosk.store.migrate import current_revision, head_revision

    backend = window.backend_or_fail()
    with config.db_path.open("rb") as db:
        if db.read(16) == b"SQLite format 3\0":
            return "the database is not encrypted (no SQLCipher?)"
    revision, head = current_revision(backend.store.engine), head_revision()
    if revision != head:
        return f"the database is at migration {revision}, not at the head {head}"
    for language in ("en", "vi"):  # switching back to vi, the language the kiosk starts in
        if not window.translations.switch(language):
            return f"translation {window.translations.qm_path(language)} is missing"
    if icon_pixmap("home").isNull():
        return "the icons did not draw"
    if window.grab().isNull():
        return "the window did not paint"
    return _smoke_chart() or _smoke_printing(config.data_dir)


def _smoke_chart() -> str | None:
    """The progress chart draws a few days: QtCharts (PySide6-Addons) and its libraries are in."""
    from datetime import date, timedelta

    from kiosk.store.report import CampaignDays
    from kiosk.ui.widgets.progress_chart import ProgressChart

    days = [date(2026, 1, 1) + timedelta(days=n) for n in range(3)]
    group = "Tổ dân phố 1"
    chart = ProgressChart()
    try:
        chart.set_campaign(CampaignDays(days, [group], {group: [1, 2, 3]}, {group: [2, 2, None]}))
        chart.resize(800, 480)
        if chart.served.count() != 3 or chart.target.count() != 2:
            return "the progress chart did not take its figures (QtCharts)"
        if chart.view.grab().isNull():
            return "the progress chart did not paint (QtCharts)"
        return None
    finally:
        chart.deleteLater()


def _smoke_printing(directory: Path) -> str | None:
    """A sample receipt printed to PDF at 80 mm and on A4; the system's printers asked for."""
    from datetime import UTC, datetime

    from PySide6.QtCore import QLibraryInfo, QPluginLoader

    from kiosk.ui.printing import PAPERS, available_printers, pdf_printer, print_receipt
    from kiosk.ui.screens.receipt import Receipt

    if sys.platform.startswith("linux"):  # Windows prints through QtPrintSupport itself
        plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath), "printsupport")
        cups = next(plugins.glob("*cupsprintersupport*"), None)
        if cups is None:
            return f"the CUPS print plugin is missing from {plugins}"
        loader = QPluginLoader(str(cups))
        if not loader.load():
            return f"the CUPS print plugin does not load: {loader.errorString()}"
    available_printers()  # the system's printers: none is fine, a crash is not
    receipt = Receipt(
        reference="K7QM-4M2X",
        captured_at=datetime.now(UTC),
        community_house="Nhà văn hoá Tổ dân phố 3",
        resident_name="Nguyễn Thị Hường",
        lines=("Xe máy 29-B1 234.56: đúng", "Giấy phép lái xe hạng A1: cần cập nhật"),
        training=True,
        ihanoi_url="https://ihanoi.hanoi.gov.vn/app",
    )
    directory.mkdir(parents=True, exist_ok=True)
    for paper in PAPERS:
        path = directory / f"receipt-{paper}.pdf"
        print_receipt(receipt, pdf_printer(path, paper), paper)
        with path.open("rb") as pdf:
            head = pdf.read(5)
        if head != b"%PDF-" or path.stat().st_size < 1000:
            return f"the receipt did not print to PDF on {paper} paper"
    return None
