"""The visit from the resident's page to the receipt, and its draft (DESIGN.md §2 steps 4–6).

:class:`VisitFlow` moves one visit through its screens (answers → phone and consent → review →
receipt) and keeps it as a draft at every step through :class:`DraftKeeper`, which writes on the
database worker: the first answer creates the draft, every later change saves it, and a change
made while a write is under way is written right after it (the latest state, once). Nothing on
the UI thread waits for the disk, except Save, whose screen waits (without blocking) for the
capture to be durable before the receipt shows.

A visit is *parked* — left as a draft, with everything typed so far — when the operator leaves it
(Home, a scan of another card after asking, the idle lock, sign-out); Home then offers it again.
A refusal of consent discards the draft with the reason ``refused``: its captured data is erased
at once, and the member's visit outcome ``refused`` is recorded in the same transaction
(:meth:`kiosk.services.capture.CaptureService.discard`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from kiosk.domain.visit import Visit
from kiosk.services.base import Actor
from kiosk.ui.errors import error_text, is_known_fault
from kiosk.ui.i18n import arg
from kiosk.ui.receipts import receipt_for
from kiosk.ui.tasks import TaskRunner, log_task_error
from kiosk.ui.widgets.qr import qr_matrix

if TYPE_CHECKING:
    from kiosk.services.capture import CaptureService, SubmissionRecord
    from kiosk.ui.backend import Backend
    from kiosk.ui.navigator import Navigator
    from kiosk.ui.screens.consent import ConsentScreen
    from kiosk.ui.screens.receipt import ReceiptScreen
    from kiosk.ui.screens.resident import ResidentScreen
    from kiosk.ui.screens.review import ReviewScreen

log = logging.getLogger(__name__)

VISIT_SCREENS = ("resident", "consent", "review", "receipt")
"""The screens a visit lives on; going anywhere else parks it."""


class DraftKeeper(QObject):
    """Writes one visit's draft on the database worker, in order, never two writes at once."""

    failed = Signal(object)
    """A draft write failed (a full disk): the visit is still on screen, the next write retries."""

    def __init__(
        self, runner: TaskRunner, capture: CaptureService, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._capture = capture
        self._actor: Actor | None = None
        """Who new states are kept for; None once released (writes already taken still land)."""
        self.draft_id: str | None = None
        self._busy = False
        self._pending: tuple[Actor, dict[str, Any]] | None = None
        self._after: list[Callable[[str | None], None]] = []
        self.last_error: BaseException | None = None
        """Why the last write failed (None after a write that worked)."""

    def start(self, actor: Actor, draft_id: str | None = None) -> None:
        """Keep a new visit (no draft yet) or a draft taken up again."""
        self._actor, self.draft_id = actor, draft_id
        self._pending, self._after = None, []

    def keep(self, snapshot: dict[str, Any]) -> None:
        """Write this state of the visit (now, or right after the write under way)."""
        if self._actor is None:
            return
        self._pending = (self._actor, snapshot)
        if not self._busy:
            self._write()

    def _write(self) -> None:
        pending, self._pending = self._pending, None
        if pending is None:
            self._settled()
            return
        actor, snapshot = pending
        self._busy = True
        capture = self._capture
        if self.draft_id is None:
            task = self._runner.db(capture.new_draft, actor, payload=snapshot)
        else:
            task = self._runner.db(capture.save_draft, actor, self.draft_id, snapshot)
        task.success(self._written).failure(self._write_failed).run()

    def _written(self, record: SubmissionRecord) -> None:
        self._busy = False
        self.draft_id = record.id
        self.last_error = None
        self._write() if self._pending is not None else self._settled()

    def _write_failed(self, error: BaseException) -> None:
        self._busy = False
        self.last_error = error
        if not is_known_fault(error):
            log_task_error(error)
        self.failed.emit(error)
        self._settled()

    def _settled(self) -> None:
        waiting, self._after = self._after, []
        for callback in waiting:
            callback(self.draft_id)

    def when_settled(self, callback: Callable[[str | None], None]) -> None:
        """Call ``callback(draft_id)`` once no write is under way or waiting."""
        if self._busy or self._pending is not None:
            self._after.append(callback)
        else:
            callback(self.draft_id)

    def release(self, *, flush: bool) -> None:
        """The visit is parked (``flush``: the last state taken is still written) or over (Save
        and a refusal write the whole visit themselves: a state not yet written is dropped)."""
        self._actor = None
        if not flush:
            self._pending = None


class VisitFlow(QObject):
    """One visit through its screens; the main window owns it and routes scans and locks to it."""

    finished = Signal(object)
    """The capture is durable and the receipt shows; carries the ``SubmissionRecord``."""
    refused = Signal()
    notice = Signal(str)
    """Something to tell the operator in a line (a visit found whose details were purged)."""

    def __init__(
        self,
        backend: Backend,
        runner: TaskRunner,
        navigator: Navigator,
        current_actor: Callable[[], Actor | None],
        screens: tuple[ResidentScreen, ConsentScreen, ReviewScreen, ReceiptScreen],
        ihanoi_url: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self._navigator = navigator
        self._current_actor = current_actor
        self.resident, self.consent, self.review, self.receipt = screens
        self._ihanoi_url = ihanoi_url
        self.keeper = DraftKeeper(runner, backend.capture, self)
        self.keeper.failed.connect(self._draft_failed)
        self._visit: Visit | None = None
        self._saving = False
        self._reprint_of: str | None = None
        """The submission whose receipt is shown again (found by its code), or None."""

        self.resident.visit_changed.connect(self._changed)
        self.resident.proceed.connect(self._to_consent)
        self.consent.agreed.connect(self._to_review)
        self.consent.back.connect(lambda: self._go("resident"))
        self.consent.refused.connect(self._refuse)
        self.review.back.connect(lambda: self._go("resident"))
        self.review.fix.connect(self._fix)
        self.review.save_clicked.connect(self._save)
        self.receipt.next_button.clicked.connect(self._next_person)
        navigator.current_changed.connect(self._screen_changed)

    # --- state ----------------------------------------------------------------------------------
    def visit(self) -> Visit | None:
        """The visit under way (answered at least once), or None."""
        visit = self.resident.visit
        return visit if visit is not None and visit.started() and not self._saving else None

    def in_visit(self) -> bool:
        """Whether a visit with answers is on screen (a scan of another card asks first)."""
        return self.visit() is not None and self._navigator.current() in VISIT_SCREENS[:3]

    def _changed(self) -> None:
        visit = self.resident.visit
        actor = self._current_actor()
        if visit is None or actor is None or not visit.started():
            return
        if visit is not self._visit:  # the first answer of a new visit: its draft is made
            self._visit = visit
            self.keeper.start(actor)
        self.keeper.keep(visit.to_draft())

    def _keep(self) -> None:
        visit = self.visit()
        if visit is not None and visit is self._visit:
            self.keeper.keep(visit.to_draft())

    # --- steps ----------------------------------------------------------------------------------
    def _go(self, name: str) -> None:
        self._navigator.go(name)

    def _to_consent(self) -> None:
        visit = self.resident.visit
        if visit is None:
            return
        if visit is not self._visit:  # a resident with no records: the draft starts here
            self._changed()
        self.consent.show_visit(visit)
        self._keep()
        self._go("consent")

    def _to_review(self) -> None:
        visit = self.resident.visit
        if visit is None:
            return
        self.review.show_visit(visit)
        self._keep()
        self._go("review")

    def _fix(self, path: str) -> None:
        """Save found an error: its field, where it is entered."""
        if path.startswith("/resident/phone"):
            self._go("consent")
            return
        self._go("resident")
        self.resident.jump_to(path)

    def _refuse(self) -> None:
        """No consent: the draft goes, with everything it captured; nothing is submitted.

        The discard records the refusal as the member's visit outcome (it reaches the server with
        the next sync), for a resident the roster cache places in a household; one who is not on
        the ward's roster has no household to record it under, so only the discard remains.
        """
        actor = self._current_actor()
        self.keeper.release(flush=False)
        self._visit = None
        self.resident.visit = None

        def discard(draft_id: str | None) -> None:
            if draft_id is not None and actor is not None:
                self._runner.db(
                    self._backend.capture.discard, actor, draft_id, reason="refused"
                ).run()

        self.keeper.when_settled(discard)
        for screen in (self.resident, self.consent, self.review):
            screen.clear_personal_data()
        self.refused.emit()
        self._go("home")

    def _save(self) -> None:
        """Save: the capture, durable on disk, then the receipt."""
        visit = self.resident.visit
        actor = self._current_actor()
        if visit is None or actor is None:
            return
        if visit is not self._visit:
            self._changed()
        payload = visit.to_payload()
        self.keeper.release(flush=False)
        self._saving = True

        def capture(draft_id: str | None) -> None:
            if draft_id is None:  # the draft could not be made (full disk): say so, keep all
                self._save_failed(self.keeper.last_error or RuntimeError("no draft"))
                return
            self._runner.db(self._backend.capture.capture, actor, draft_id, payload).success(
                self._captured
            ).failure(self._save_failed).run()

        self.keeper.when_settled(capture)

    def _captured(self, record: SubmissionRecord) -> None:
        visit = self.resident.visit
        self._saving = False
        self._visit = None
        if visit is None:  # locked while saving: the capture is on disk, the receipt is not shown
            self.finished.emit(record)
            return
        self._reprint_of = None
        self._runner.db(_receipt_parts, self._backend, record.reference).success(
            lambda parts: self._show_receipt(record, *parts)
        ).failure(lambda _error: self._show_receipt(record, "", None)).run()

    def _show_receipt(
        self, record: SubmissionRecord, house: str, matrix: list[list[bool]] | None
    ) -> None:
        receipt = receipt_for(record, house, self._ihanoi_url)
        if receipt is not None:
            self.receipt.show_receipt(receipt, matrix)
        self.resident.clear_personal_data()
        self.consent.clear_personal_data()
        self.review.clear_personal_data()
        self._go("receipt")
        self.finished.emit(record)

    # --- a visit found by its reference code ----------------------------------------------------
    def show_found(self, record: SubmissionRecord) -> None:
        """A visit found by its code: its receipt again (printing it again is audited); a visit
        whose personal data was purged has none, and says so."""
        if record.payload is None:
            when = (record.captured_at or record.status_at).astimezone()
            self.notice.emit(
                arg(
                    self.tr(
                        "The visit %1 of %2 was sent and its details were erased from this kiosk "
                        "after the retention period. The ward's server keeps them."
                    ),
                    record.reference,
                    f"{when:%d/%m/%Y}",
                )
            )
            return
        self._runner.db(_receipt_parts, self._backend, record.reference).success(
            lambda parts: self._show_found(record, *parts)
        ).run()

    def _show_found(
        self, record: SubmissionRecord, house: str, matrix: list[list[bool]] | None
    ) -> None:
        receipt = receipt_for(record, house, self._ihanoi_url)
        if receipt is None or not self._navigator.go("receipt"):
            return
        self._reprint_of = record.id
        self.receipt.show_receipt(receipt, matrix)

    def printed(self) -> None:
        """The receipt went to the printer: a visit found again is a reprint, audited."""
        actor = self._current_actor()
        if self._reprint_of is not None and actor is not None:
            self._runner.db(self._backend.capture.record_reprint, actor, self._reprint_of).run()

    def _save_failed(self, error: BaseException) -> None:
        """The capture did not happen: the draft is as it was, the screen keeps every answer."""
        self._saving = False
        if not is_known_fault(error):
            log_task_error(error)
        actor = self._current_actor()
        visit = self.resident.visit
        if actor is not None and visit is not None:
            self._visit = visit
            self.keeper.start(actor, self.keeper.draft_id)
        self.review.show_failure(error_text(error))

    def _draft_failed(self, error: BaseException) -> None:
        log.warning("a draft could not be saved: %s", type(error).__name__)

    def _next_person(self) -> None:
        self.receipt.clear_personal_data()
        self._go("home")

    # --- leaving and coming back -------------------------------------------------------------------
    def park(self) -> None:
        """Leave the visit as a draft with everything typed so far (scan, Home, lock, sign-out)."""
        visit = self.visit()
        if visit is not None and visit is self._visit:
            self.keeper.keep(visit.to_draft())
        self.keeper.release(flush=True)
        self._visit = None

    def _screen_changed(self, name: str) -> None:
        if name not in VISIT_SCREENS:
            self.park()

    def resume(self, draft_id: str) -> None:
        """A draft (or a returned capture) from Home: its answers on the resident's page, kept
        as the same submission."""
        actor = self._current_actor()
        if actor is None:
            return
        self._runner.db(self._backend.capture.draft, actor, draft_id).success(
            lambda record: self._resumed(actor, record)
        ).run()

    def _resumed(self, actor: Actor, record: SubmissionRecord) -> None:
        """A draft, or a capture an officer returned: fixed on the resident's page, then Save
        captures it again (same id and reference)."""
        if record.status not in ("draft", "returned") or not self._navigator.go("resident"):
            return
        visit = Visit.from_draft(record.payload or {})
        visit.step = "answers"
        self.resident.resume(visit)
        self._visit = visit
        self.keeper.start(actor, record.id)


def _receipt_parts(backend: Backend, reference: str) -> tuple[str, list[list[bool]]]:
    """On the database worker: the community house's name, and the reference's QR matrix (a few
    milliseconds of pure Python that the UI thread need not spend)."""
    return backend.station.name(), qr_matrix(reference)
