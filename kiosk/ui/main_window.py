"""The main window: training banner, status area, and the stack of screens behind a navigator.

It is shown before the database is opened. First a quick read-only look at it, before the first
paint (``first_look``: one plain SQL connection, no SQLAlchemy, a few milliseconds): when the
database is ready for it, the first frame is the sign-in screen with the operators' tiles, and the
store is opened behind it on the database worker. Otherwise (first start, a
migration pending, a crash last time) the start screen paints, then the store is opened and
migrated on the database worker (``open_backend``). Only then are the other screens built, each
with the services it needs; their modules (and SQLAlchemy under the services) are not imported
before the first paint.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.base import Actor
from kiosk.ui.errors import error_text, is_known_fault
from kiosk.ui.i18n import Translations, arg
from kiosk.ui.idle import IdleWatcher
from kiosk.ui.navigator import Navigator
from kiosk.ui.preferences import Preferences
from kiosk.ui.screens.sign_in import SignInScreen
from kiosk.ui.tasks import TaskRunner, log_task_error
from kiosk.ui.widgets.status_bar import (
    OperatorBadge,
    StationStatus,
    StatusArea,
    TrainingBanner,
)

if TYPE_CHECKING:
    from kiosk.domain.identity import IdCard
    from kiosk.services.auth import OperatorInfo
    from kiosk.services.sessions import SessionRecord
    from kiosk.services.station import QueueSummary
    from kiosk.store.first_look import FirstLook
    from kiosk.ui.backend import Backend
    from kiosk.ui.scan_router import ScanRouter
    from kiosk.ui.scanner import ScannerFilter
    from kiosk.ui.screens.lookup import Mode
    from kiosk.ui.screens.startup import StartupScreen
    from kiosk.ui.sync_worker import SyncWorker
    from kiosk.ui.visit_flow import VisitFlow
    from kiosk.ui.widgets.cosign import CoSignDialog
    from kiosk.ui.widgets.idle_warning import IdleWarning
    from kiosk.ui.widgets.osk import InputMethod, KeyboardHost
    from kiosk.ui.widgets.question import Question
    from kiosk.ui.widgets.toast import Toast

log = logging.getLogger(__name__)

STATUS_REFRESH_MS = 30_000
SYNC_COUNT_DELAY_MS = 700
"""After the sync worker reports, the queue is counted again this much later (at most once)."""
HOUSEKEEPING_MS = 6 * 60 * 60 * 1000
"""Drafts untouched for the retention period are discarded at start and this often after."""
DAILY_MS = 24 * 60 * 60 * 1000
"""The nightly sweep (every closed session reconciled again if it sent something since) and the
purge of sent records past the retention period run at start and this often after: the
community house's computer is often off at night."""


class MainWindow(QMainWindow):
    """The kiosk's one window; owns the navigator, the idle lock and who is signed in."""

    backend_ready = Signal()
    backend_failed = Signal(object)
    """The store could not be opened; carries the error (the start screen says what to do)."""
    signed_in = Signal(object)
    locked = Signal()
    status_changed = Signal(object)
    """A new :class:`StationStatus`: the sync worker's link state and the database's queue."""

    def __init__(
        self,
        runner: TaskRunner,
        translations: Translations,
        preferences: Preferences,
        open_backend: Callable[[], Backend],
        apply_preferences: Callable[[Preferences], None],
        save_preferences: Callable[[Preferences], None],
        *,
        first_look: Callable[[], FirstLook | None] | None = None,
        make_sync: Callable[[Backend], SyncWorker] | None = None,
        make_scanner: Callable[[QObject], ScannerFilter] | None = None,
        kiosk_mode: bool = False,
    ) -> None:
        super().__init__()
        self._make_scanner = make_scanner
        self.scanner: ScannerFilter | None = None
        """The card scanner's key filter, installed once the first frame is drawn."""
        self.scan_router: ScanRouter | None = None
        self.runner = runner
        self.translations = translations
        self.preferences = preferences
        self.kiosk_mode = kiosk_mode
        self.backend: Backend | None = None
        self.actor: Actor | None = None
        self._open_backend = open_backend
        self._apply_preferences = apply_preferences
        self._save_preferences = save_preferences
        self._needs_setup = False
        self._exit_allowed = False
        self._shutting_down = False
        self._opening = False
        self._open_requested = False  # the store is opened once by itself; then only by "retry"
        self._make_sync = make_sync
        self.sync: SyncWorker | None = None
        self._summary: QueueSummary | None = None

        self.banner = TrainingBanner()
        self.banner.hide()
        self.status_area = StatusArea()
        self.status_area.home_clicked.connect(self._go_home)
        self.status_area.lock_clicked.connect(self.sign_out)
        self.status_changed.connect(self.status_area.set_status)
        self.stack = QStackedWidget()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.status_area)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.navigator = Navigator(self.stack, self._role, lambda: self._needs_setup)
        self.navigator.refused.connect(self._refused)
        self.navigator.current_changed.connect(self.refresh_status)
        self._startup: StartupScreen | None = None
        self.sign_in_screen = SignInScreen(None, runner)
        self.sign_in_screen.signed_in.connect(self.accept_sign_in)
        self.sign_in_screen.first_paint.connect(self._open_after_paint)
        self.navigator.add("sign_in", self.sign_in_screen)
        look = None
        if first_look is not None:  # here, not on the worker: the first frame is then sign-in
            try:
                look = first_look()
            except Exception as exc:  # first_look answers None for every known fault: a bug
                log_task_error(exc)
        self._looked(look)

        self.idle = IdleWatcher(self, preferences.idle_lock_seconds * 1000)
        self.idle.idle.connect(self.lock_for_idle)
        self.idle.warning.connect(self._warn_idle)
        self.idle.resumed.connect(self._idle_resumed)
        self._idle_warning: IdleWarning | None = None
        self._toast: Toast | None = None
        self.keyboard: KeyboardHost | None = None
        """The on-screen keyboard, once the screens with text fields exist."""
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_status)
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(SYNC_COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self.refresh_status)
        self._housekeeping = QTimer(self)
        self._housekeeping.setInterval(HOUSEKEEPING_MS)
        self._housekeeping.timeout.connect(self._expire_drafts)
        self._daily = QTimer(self)
        self._daily.setInterval(DAILY_MS)
        self._daily.timeout.connect(self._sweep_and_purge)
        self.close_question: Question | None = None
        """The question at an officer's sign-in about a session left open past midnight."""
        self.visit_flow: VisitFlow | None = None
        self.park_question: Question | None = None
        self.cosign_dialog: CoSignDialog | None = None
        """An officer's co-sign while it is asked (tests answer it)."""
        self._last_captured: str | None = None
        self._verify_return = "home"
        """The question a scan in the middle of a visit asks (tests answer it)."""
        runner.unhandled_error.connect(self.show_error)
        self.retranslateUi()

    def _go_home(self) -> None:
        self.navigator.go("home")

    def _open_lookup(self, mode: Mode) -> None:
        if self.navigator.go("lookup"):
            self.lookup_screen.set_mode(mode)

    # --- start-up ------------------------------------------------------------------------------
    @property
    def startup(self) -> StartupScreen:
        """The start screen, made when first needed: a first frame of sign-in never needs it."""
        return self._startup_screen()

    def _startup_screen(self) -> StartupScreen:
        if self._startup is None:
            from kiosk.ui.screens.startup import StartupScreen

            screen = self._startup = StartupScreen()
            screen.first_paint.connect(self._open_after_paint)
            screen.retry_clicked.connect(self._start_backend)
            self.navigator.add("startup", screen)
        return self._startup

    def _looked(self, look: FirstLook | None) -> None:
        """The first screen: sign-in when the first look answered, else the start screen and a
        full open (the first paint of either opens the store). Only the one shown is laid out."""
        if look is None:
            self._startup_screen()
            self.navigator.go("startup")
            return
        self.set_training(look.training)
        self.sign_in_screen.show_operators(look.operators)
        self.navigator.go("sign_in")

    @Slot()
    def _open_after_paint(self) -> None:
        """The first screen is being drawn: open the store once that paint is over, not inside it."""
        QTimer.singleShot(0, self._open_once)

    @Slot()
    def _open_once(self) -> None:
        """The first screen is drawn: open the store behind it (once; later only on "retry"),
        and listen for card scans from now on (a scan on the sign-in screen is no PIN)."""
        if self._open_requested:
            return
        self._start_backend()
        if self._make_scanner is not None and self.scanner is None:
            from kiosk.ui.scan_router import ScanRouter

            self.scan_router = ScanRouter(self, self)
            self.scanner = self._make_scanner(self)
            self.scanner.scanned.connect(self.scan_router.route)
            self.scanner.install()

    @Slot()
    def _start_backend(self) -> None:
        """Open and migrate the store on the database worker, after the first frame is drawn."""
        if self._opening or self.backend is not None:
            return
        self._opening = True
        self._open_requested = True
        if self._startup is not None:  # it says "getting ready" (again, after a failure)
            self._startup.show_waiting()
        self.runner.db(self._open_backend).success(self._backend_opened).failure(
            self._backend_failed
        ).run()

    def shutting_down(self) -> None:
        """The kiosk is closing: a store that opens from now on is only kept, to be closed."""
        self._shutting_down = True

    def _backend_opened(self, backend: Backend) -> None:
        self._opening = False
        self.backend = backend
        if self._shutting_down:
            return
        self._build_screens(backend)
        if self._make_sync is not None:
            self.sync = self._make_sync(backend)
            self.sync.changed.connect(self._sync_changed)
            self.sync.start()
        if self.navigator.current() == "startup":
            self.runner.db(backend.first_start_state).success(self._first_state).run()
        else:  # the sign-in screen is up already, from the first look
            self._ready()

    def _backend_failed(self, error: BaseException) -> None:
        self._opening = False
        if not is_known_fault(error):
            log_task_error(error)
        self.startup.show_failure(error_text(error))
        if self.navigator.current() != "startup":  # the sign-in screen came first
            self.sign_in_screen.clear_personal_data()
            self.navigator.go("startup")
        self.backend_failed.emit(error)

    def _build_screens(self, backend: Backend) -> None:
        # Imported here, after the first paint: the backend has loaded what they import.
        from kiosk.ui.screens.attention import AttentionScreen
        from kiosk.ui.screens.consent import ConsentScreen
        from kiosk.ui.screens.home import HomeScreen
        from kiosk.ui.screens.households import HouseholdsScreen
        from kiosk.ui.screens.lookup import LookupScreen
        from kiosk.ui.screens.operators import OperatorsScreen
        from kiosk.ui.screens.receipt import ReceiptScreen
        from kiosk.ui.screens.report import ReportScreen
        from kiosk.ui.screens.resident import ResidentScreen
        from kiosk.ui.screens.review import ReviewScreen
        from kiosk.ui.screens.session import SessionScreen
        from kiosk.ui.screens.settings import SettingsScreen
        from kiosk.ui.screens.setup import SetupScreen
        from kiosk.ui.screens.verify import VerifyScreen
        from kiosk.ui.visit_flow import VisitFlow
        from kiosk.ui.widgets.osk import KeyboardHost

        self.setup_screen = SetupScreen(backend, self.runner, self.translations)
        self.setup_screen.finished.connect(self._setup_finished)
        self.setup_screen.station_enrolled.connect(self.enrolment_changed)
        self.setup_screen.language_chosen.connect(
            lambda language: self.change_preferences(
                self.preferences.with_changes(language=language)
            )
        )
        self.sign_in_screen.set_backend(backend)
        self.keyboard = KeyboardHost(self, self._input_method())
        self.keyboard.set_enabled(self.preferences.keyboard_on(self.kiosk_mode))
        self.home_screen = HomeScreen(backend, self.runner, self.navigator, self._current_actor)
        self.home_screen.resume_clicked.connect(self._resume_visit)
        self.home_screen.sync_now_clicked.connect(self.sync_now)
        self.status_changed.connect(self.home_screen.set_status)
        self.lookup_screen = LookupScreen(backend, self.runner, self._current_actor)
        self.lookup_screen.open_resident.connect(self.open_id_number)
        self.resident_screen = ResidentScreen(backend, self.runner, self._current_actor)
        self.resident_screen.done_button.clicked.connect(self._go_home)
        self.consent_screen = ConsentScreen(backend.consent_text)
        self.review_screen = ReviewScreen()
        self.receipt_screen = ReceiptScreen()
        visit_screens = (
            self.resident_screen, self.consent_screen, self.review_screen, self.receipt_screen
        )  # fmt: skip
        self.visit_flow = VisitFlow(
            backend, self.runner, self.navigator, self._current_actor, visit_screens,
            backend.ihanoi_url, self,
        )  # fmt: skip
        self.visit_flow.notice.connect(self.notify)
        self.lookup_screen.receipt_found.connect(self.visit_flow.show_found)
        self.receipt_screen.print_clicked.connect(self._print_receipt)
        self.attention_screen = AttentionScreen(
            backend, self.runner, self._current_actor, partial(ask_server, backend)
        )
        self.home_screen.attention_clicked.connect(lambda: self.navigator.go("attention"))
        self.home_screen.verify_clicked.connect(lambda: self.start_cosign(None))
        self.home_screen.returned_clicked.connect(self._resume_visit)
        self.verify_screen = VerifyScreen(backend, self.runner)
        self.verify_screen.finished.connect(self._verify_round_over)
        self.verify_screen.approved.connect(lambda _id: self.sync_now())
        self.visit_flow.finished.connect(self._visit_captured)
        self.receipt_screen.verify_clicked.connect(lambda: self.start_cosign(self._last_captured))
        self.navigator.current_changed.connect(self._receipt_printer)
        self.home_screen.type_id_clicked.connect(lambda: self._open_lookup("id"))
        self.home_screen.find_clicked.connect(lambda: self._open_lookup("name"))
        self.operators_screen = OperatorsScreen(backend, self.runner, self._current_actor)
        self.session_screen = SessionScreen(backend, self.runner, self._current_actor)
        self.session_screen.done.connect(self._go_home)
        self.households_screen = HouseholdsScreen(backend, self.runner, self._current_actor)
        self.households_screen.done.connect(self._go_home)
        self.households_screen.printer_name = lambda: self.preferences.printer
        self.report_screen = ReportScreen(backend, self.runner, self._current_actor)
        self.report_screen.done.connect(self._go_home)
        self.home_screen.session_card.open_clicked.connect(self.open_session)
        self.home_screen.session_card.close_clicked.connect(self.close_session)
        self.settings_screen = SettingsScreen(
            backend, self.runner, self._current_actor, self.preferences, kiosk_mode=self.kiosk_mode
        )
        self.settings_screen.preferences_changed.connect(self.change_preferences)
        self.settings_screen.training_changed.connect(self.set_training)
        self.settings_screen.exit_requested.connect(self.leave_kiosk)
        self.settings_screen.enrolled.connect(self.enrolment_changed)
        for name, screen in (
            ("setup", self.setup_screen),
            ("home", self.home_screen),
            ("lookup", self.lookup_screen),
            ("resident", self.resident_screen),
            ("consent", self.consent_screen),
            ("review", self.review_screen),
            ("receipt", self.receipt_screen),
            ("verify", self.verify_screen),
            ("attention", self.attention_screen),
            ("operators", self.operators_screen),
            ("session", self.session_screen),
            ("households", self.households_screen),
            ("report", self.report_screen),
            ("settings", self.settings_screen),
        ):
            self.navigator.add(name, screen)
        self.backend_ready.emit()

    def _first_state(self, state: tuple[bool, bool]) -> None:
        needs_setup, training = state
        self._needs_setup = needs_setup
        self.set_training(training)
        self._ready()
        self.navigator.go("setup" if needs_setup else "sign_in")

    def _ready(self) -> None:
        """The store is open and the first screen chosen: the status area follows the database."""
        self.refresh_status()
        self._status_timer.start()
        self._expire_drafts()
        self._housekeeping.start()
        self._sweep_and_purge()
        self._daily.start()

    @Slot()
    def _expire_drafts(self) -> None:
        """Drafts untouched for the retention period go, with their personal data (DESIGN §4)."""
        if self.backend is not None and not self._shutting_down:
            self.runner.db(self.backend.expire_drafts).run()

    @Slot()
    def _sweep_and_purge(self) -> None:
        """Sessions the server has not confirmed are reconciled (sync thread); the personal
        data of records sent longer ago than the retention period, whose session the server
        confirmed, goes after the day's counts are kept (DESIGN §4)."""
        if self.backend is None or self._shutting_down:
            return
        if self.sync is not None:
            self.sync.sweep()
        self.runner.db(self.backend.purge_sent).run()

    def _setup_finished(self, actor: Actor) -> None:
        self._needs_setup = False
        self.runner.db(self.backend_or_fail().training).success(self.set_training).run()
        self.accept_sign_in(actor)

    # --- who is signed in ----------------------------------------------------------------------
    def _role(self) -> str | None:
        return None if self.actor is None else self.actor.role

    def _current_actor(self) -> Actor | None:
        return self.actor

    def backend_or_fail(self) -> Backend:
        """The open backend (screens exist only once it is)."""
        if self.backend is None:
            raise RuntimeError("the store is not open yet")
        return self.backend

    def accept_sign_in(self, actor: Actor) -> None:
        """Someone signed in: arm the idle lock and go Home."""
        self.actor = actor
        self.status_area.set_operator(OperatorBadge(actor.name, actor.role))
        self.idle.arm()
        self.signed_in.emit(actor)
        self.navigator.go("home")
        if actor.is_officer and self.backend is not None:
            self.runner.db(self.backend.sessions.left_open, actor).success(
                self._ask_close_left_open
            ).run()

    def _ask_close_left_open(self, left: list[SessionRecord]) -> None:
        """A session left open past midnight: the officer who signs in is asked to close it
        (its summary first)."""
        if not left or self.actor is None or not self.actor.is_officer:
            return
        from kiosk.ui.widgets.question import Question  # rare: not before the first frame

        session = left[0]
        opened = session.opened_at.astimezone()
        question = Question(
            self,
            self.tr("Evening session not closed"),
            arg(
                self.tr(
                    "The evening session of %1 (opened at %2) was not closed. Close it now? "
                    "You will see its summary first."
                ),
                f"{opened:%d/%m/%Y}",
                f"{opened:%H:%M}",
            ),
            [self.tr("Close it now"), self.tr("Not now")],
        )

        def answered(index: int) -> None:
            if index == 0:
                self.close_session(session.id)

        question.answered.connect(answered)
        question.finished.connect(question.deleteLater)
        question.finished.connect(lambda _result: setattr(self, "close_question", None))
        self.close_question = question
        question.open()

    def open_session(self) -> None:
        """Home's "Open the evening session" (officers)."""
        if self.navigator.go("session"):
            self.session_screen.start_opening()

    def close_session(self, session_id: str) -> None:
        """Home's "Close the session", or the question at sign-in: the summary first."""
        if self.navigator.go("session"):
            self.session_screen.start_closing(session_id)

    def _end_session(self) -> Actor | None:
        if self.visit_flow is not None:  # the visit stays as a draft, with what was typed
            self.visit_flow.park()
        actor, self.actor = self.actor, None
        self.idle.disarm()
        self._idle_resumed()  # the notice before the lock goes with it
        if self.keyboard is not None:
            self.keyboard.hide()
        self.navigator.clear_personal_data()
        self.status_area.set_operator(None)
        if actor is not None and self.backend is not None:
            self.runner.db(self.backend.auth.sign_out, actor).run()
        return actor

    @Slot()
    def sign_out(self) -> None:
        """The Lock button: forget everything shown and go back to sign-in."""
        self._end_session()
        self.sign_in_screen.show_notice("")
        self.navigator.go("sign_in")

    @Slot()
    def lock_for_idle(self) -> None:
        """Nobody touched the kiosk for the set time: clear every screen and lock."""
        if self.actor is None:
            return
        self._end_session()
        self.sign_in_screen.show_notice(
            self.tr("The screen was locked because nobody used it for a while.")
        )
        self.navigator.go("sign_in")
        self.locked.emit()

    @Slot()
    def _warn_idle(self) -> None:
        """20 s before the lock: a large notice, one tap to stay."""
        if self._idle_warning is None:
            from kiosk.ui.widgets.idle_warning import IdleWarning

            self._idle_warning = IdleWarning(self, self.idle.remaining_ms)
            self._idle_warning.stay.connect(self.idle.arm)
        self._idle_warning.open()

    @Slot()
    def _idle_resumed(self) -> None:
        if self._idle_warning is not None:
            self._idle_warning.close_notice()

    # --- scans and residents (the scan router's Shell) ----------------------------------------
    def has_operator(self) -> bool:
        """Whether someone is signed in."""
        return self.actor is not None

    def on_officer_screen(self) -> bool:
        """Whether the screen on show is for officers only (a scan is ignored there)."""
        current = self.navigator.current()
        return bool(current) and self.navigator.screen(current).access == "officer"

    def notify(self, text: str, role: str = "notice") -> None:
        """A message over the bottom of the window for a few seconds."""
        if self._toast is None:
            from kiosk.ui.widgets.toast import Toast

            self._toast = Toast(self)
        self._toast.say(text, role)

    def notify_sign_in_first(self) -> None:
        """A card scanned before anyone signed in: it is not kept."""
        self.sign_in_screen.show_notice(
            self.tr("Sign in first, then scan the card again. The card was not kept.")
        )

    def open_card(self, card: IdCard) -> None:
        """A scanned card: the resident's page; in the middle of a visit, after asking."""
        flow = self.visit_flow
        visit = None if flow is None or not flow.in_visit() else flow.visit()
        if visit is not None:
            if visit.id_number == card.id_number:
                self.notify(self.tr("This resident's visit is already open."))
                return
            self._ask_park(visit.resident.get("full_name"), card)
            return
        if self.navigator.go("resident"):
            self.resident_screen.open(card.id_number, card=card, source="scan")

    def _ask_park(self, name: object, card: IdCard) -> None:
        """Another card in the middle of a visit: keep that one as a draft, then open the card?"""
        from kiosk.ui.widgets.question import Question  # rare: not before the first frame

        question = Question(
            self,
            self.tr("Another card"),
            arg(
                self.tr(
                    "%1's visit is not finished. Keep it as a draft (Home offers it again) and "
                    "open the card just scanned?"
                ),
                str(name or ""),
            ),
            [self.tr("Keep as draft, open the card"), self.tr("Stay with this visit")],
        )

        def answered(index: int) -> None:
            if index == 0 and self.actor is not None:
                if self.visit_flow is not None:
                    self.visit_flow.park()
                if self.navigator.go("resident"):
                    self.resident_screen.open(card.id_number, card=card, source="scan")

        question.answered.connect(answered)
        question.finished.connect(question.deleteLater)
        question.finished.connect(lambda _result: setattr(self, "park_question", None))
        self.park_question = question
        question.open()

    def _receipt_printer(self, name: str) -> None:
        """The receipt is on show: is its printer there? (the spooler is asked on a worker)"""
        if name != "receipt":
            return
        from kiosk.ui.printing import find_printer

        screen = self.receipt_screen
        self.runner.net(find_printer, self.preferences.printer).success(
            lambda found: screen.set_printer_state(found is not None, found or "")
        ).owned_by(screen).run()

    def _print_receipt(self) -> None:
        """Print the receipt on show on the chosen printer and paper (on a worker); printing a
        visit found again by its code is audited as a reprint."""
        from kiosk.ui.printing import print_to

        screen = self.receipt_screen
        receipt = screen.receipt()
        if receipt is None:
            return

        def printed(_result: None) -> None:
            screen.show_printed()
            if self.visit_flow is not None:
                self.visit_flow.printed()

        prefs = self.preferences
        self.runner.net(print_to, receipt, prefs.printer, prefs.paper).success(printed).failure(
            screen.show_print_failed
        ).owned_by(screen).run()

    # --- verification: an officer's co-sign -------------------------------------------------------
    def _visit_captured(self, record: object) -> None:
        """A visit is on disk: the receipt offers an officer's check of it now."""
        self._last_captured = getattr(record, "id", None)
        self.receipt_screen.offer_verification(self._last_captured is not None)

    def start_cosign(self, submission_id: str | None = None) -> None:
        """Verification of ``submission_id`` (or the queue) by an officer: the one signed in, or
        one who co-signs on this screen with their PIN; nobody is signed out."""
        if self.actor is None or self.backend is None:
            return
        if self.actor.is_officer:
            self._start_verify(self.actor, submission_id)
            return
        self.runner.db(self.backend.auth.operators).success(
            lambda operators: self._ask_cosign(operators, submission_id)
        ).run()

    def _ask_cosign(self, operators: list[OperatorInfo], submission_id: str | None) -> None:
        from kiosk.ui.widgets.cosign import CoSignDialog  # rare: not before the first frame

        officers = [o for o in operators if o.role == "officer" and o.active]
        dialog = CoSignDialog(self, self.backend_or_fail(), self.runner, officers)
        dialog.signed.connect(lambda officer: self._start_verify(officer, submission_id))
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _result: setattr(self, "cosign_dialog", None))
        self.cosign_dialog = dialog
        dialog.open()

    def _start_verify(self, officer: Actor, submission_id: str | None) -> None:
        current = self.navigator.current()
        self._verify_return = current if current != "verify" else "home"
        if self.navigator.go("verify"):
            self.verify_screen.start(officer, submission_id)

    def _verify_round_over(self) -> None:
        """The officer is done: the volunteer's screen, where it was."""
        if self.actor is not None:
            self.navigator.go(self._verify_return or "home")
        self.receipt_screen.offer_verification(False)
        self.refresh_status()

    def _resume_visit(self, draft_id: str) -> None:
        """Home's "continue the visit for …": the draft's answers, as they were saved."""
        if self.visit_flow is not None:
            self.visit_flow.resume(draft_id)

    def open_id_number(self, id_number: str) -> None:
        """An ID number typed, or a look-up result: the resident's page."""
        if self.navigator.go("resident"):
            self.resident_screen.open(id_number, source="manual")

    def _refused(self, name: str) -> None:
        log.warning("navigation to %s refused for role %s", name, self._role())
        if self.actor is not None:
            self.home_screen.show_notice(self.tr("Only an officer can open that screen."))

    # --- station state ------------------------------------------------------------------------
    @Slot(bool)
    def set_training(self, on: bool) -> None:
        """Show or hide the training banner."""
        self.banner.setVisible(on)

    @Slot()
    def refresh_status(self) -> None:
        """Ask the database (on the worker) for the queue count; the status area follows."""
        if self.backend is None or self._shutting_down:  # closing: no new work for the workers
            return
        self.runner.db(self.backend.queue_summary).success(self._summary_read).run()

    def _summary_read(self, summary: QueueSummary) -> None:
        self._summary = summary
        self._emit_status()

    @Slot()
    def _sync_changed(self) -> None:
        """The sync worker has news: show the link now, count the queue again shortly."""
        self._emit_status()
        if not self._count_timer.isActive():
            self._count_timer.start()

    def _emit_status(self) -> None:
        summary = self._summary
        if summary is None:
            return
        sync = self.sync.state() if self.sync is not None else None
        if not summary.enrolled:
            status = StationStatus("not_enrolled", summary.waiting_upload, summary.last_sent_at)
        elif sync is None:
            status = StationStatus("starting", summary.waiting_upload, summary.last_sent_at)
        else:
            status = StationStatus(
                sync.link,
                summary.waiting_upload,
                sync.last_sync or summary.last_sent_at,
                sending=sync.sending,
                drain_done=sync.drain_done,
                drain_total=sync.drain_total,
                clock_skew=sync.clock_skew,
            )
        self.status_changed.emit(status)

    @Slot()
    def sync_now(self) -> None:
        """ "Sync now": the worker tries at once, whatever wait it was in."""
        if self.sync is not None:
            self.sync.sync_now()
        self.refresh_status()

    def enrolment_changed(self) -> None:
        """The station enrolled (setup or settings): sync starts over with the new identity."""
        if self.sync is not None:
            self.sync.reload()
        self.refresh_status()

    def change_preferences(self, preferences: Preferences) -> None:
        """Apply new settings now (language, text size, idle time), save and audit on the worker."""
        old, self.preferences = self.preferences, preferences
        changes = {
            name: getattr(preferences, name)
            for name in Preferences._fields
            if getattr(preferences, name) != getattr(old, name)
        }
        if not changes:
            return
        self._apply_preferences(preferences)
        self.idle.set_timeout_ms(preferences.idle_lock_seconds * 1000)
        if self.keyboard is not None:
            self.keyboard.set_method(self._input_method())
            self.keyboard.set_enabled(preferences.keyboard_on(self.kiosk_mode))
        if self.backend is not None:
            self.settings_screen.set_preferences(preferences)
        self.runner.db(self._save_preferences, preferences).run()
        if self.actor is not None and self.backend is not None:
            self.runner.db(self.backend.record_preferences, self.actor, changes).run()

    def _input_method(self) -> InputMethod:
        method = self.preferences.input_method
        return "vni" if method == "vni" else "long_press" if method == "long_press" else "telex"

    # --- errors and leaving -------------------------------------------------------------------
    @Slot(object)
    def show_error(self, error: BaseException) -> None:
        """An error nobody handled: say it in words, never hide it."""
        from PySide6.QtWidgets import QMessageBox  # rare: its types stay out of the first frame

        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Problem"), error_text(error), parent=self
        )
        box.finished.connect(box.deleteLater)
        box.setStandardButtons(QMessageBox.StandardButton.NoButton)
        box.addButton(self.tr("Close"), QMessageBox.ButtonRole.AcceptRole)
        box.open()

    def leave_kiosk(self) -> None:
        """An officer confirmed with their PIN on the settings screen: the window may close."""
        self._exit_allowed = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        """In kiosk mode only an officer (settings, PIN again) may close the window."""
        if self.kiosk_mode and not self._exit_allowed:
            event.ignore()
            return
        self._status_timer.stop()
        self._count_timer.stop()
        self._housekeeping.stop()
        self._daily.stop()
        self._end_session()
        super().closeEvent(event)

    def retranslateUi(self) -> None:
        """The window title in the current language."""
        self.setWindowTitle(self.tr("Community house kiosk"))

    def changeEvent(self, event: QEvent) -> None:
        """Follow a language switch."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)


def ask_server(backend: Backend, actor: Actor, ids: list[str]) -> dict[str, str]:
    """On the network worker: does the ward's server hold these held or rejected ids? Those it
    holds are settled here (``kiosk.sync.check_held``); a demo station has no server to ask."""
    from kiosk.sync import check_held

    client = backend.server_client()
    if client is None:
        return dict.fromkeys(ids, "not_checked")
    with client:
        found = check_held(backend.store, client, ids, now=backend.clock, actor=actor.operator_id)
    return dict(found)
