"""Officers only: open the evening session, and close it — the summary, the reconciliation with
the ward's server, then (if wanted) the unsent records to a USB stick.

Opening asks which residential groups the session covers (the roster's) and who is on duty.
Closing shows the summary first; "Close the session" closes it on the database worker and asks
the ward's server on the network worker what it lacks (``Backend.reconcile_session``). When the
server does not answer, the session stays "closed, not reconciled" and the sync thread finishes
it when the server is back. An officer in kiosk mode has no shell: the export to a USB stick is
here, on a stick found where the system mounts removable media
(:func:`kiosk.ui.widgets.usb_files.removable_roots`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QStackedWidget, QVBoxLayout, QWidget

from kiosk.services.auth import OperatorInfo
from kiosk.services.base import Actor
from kiosk.services.sessions import SessionRecord, SessionSummary
from kiosk.sync.errors import SyncError
from kiosk.sync.offline import QueueExport
from kiosk.sync.reconcile import ReconcileResult
from kiosk.ui.backend import Backend
from kiosk.ui.errors import error_text, is_known_fault
from kiosk.ui.i18n import arg
from kiosk.ui.screens.base import (
    Screen,
    button,
    card,
    column_page,
    label,
    page_with_actions,
    show_message,
)
from kiosk.ui.tasks import TaskRunner, log_task_error
from kiosk.ui.widgets.answer_card import answer_text
from kiosk.ui.widgets.choice import ChoiceRow
from kiosk.ui.widgets.usb_files import removable_roots

PAGES = ("open", "summary", "closed")


class SessionScreen(Screen):
    """One evening session at a time: the open form, the summary before closing, the outcome."""

    access = "officer"
    reconciled = Signal(object)
    """The close's reconciliation ended: a ``ReconcileResult``, or None (no server, or the
    server did not answer: the sync thread finishes it)."""
    exported = Signal(object)
    """The unsent records were written to a stick (a ``QueueExport``)."""
    done = Signal()
    """The officer leaves the screen (Back, Done): Home."""

    def __init__(
        self,
        backend: Backend,
        runner: TaskRunner,
        current_actor: Callable[[], Actor | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self._current_actor = current_actor
        self.find_volumes: Callable[[], list[Path]] = removable_roots
        """Where a USB stick is mounted (tests give a directory)."""
        self._session_id: str | None = None
        self._summary: SessionSummary | None = None
        self._outcome = ""

        self._title = label("title")
        self._message = label("error")
        self._message.hide()
        self.pages = QStackedWidget()
        self._groups_title = label("subtitle")
        self._groups_hint = label("hint")
        self._groups_hint.hide()
        self._duty_title = label("subtitle")
        self.group_choice = ChoiceRow([], exclusive=False)
        self.duty_choice = ChoiceRow([], exclusive=False)
        self._choices = QVBoxLayout()
        self._choices.setContentsMargins(0, 0, 0, 0)
        self._choices.setSpacing(14)
        for widget in (self._groups_title, self._groups_hint, self.group_choice, self._duty_title):
            self._choices.addWidget(widget)
        self._choices.addWidget(self.duty_choice)
        open_page = QWidget()
        open_page.setLayout(self._choices)
        self._figures = label("subtitle")
        self._details = label()
        frame, inner = card()
        inner.addWidget(self._figures)
        inner.addWidget(self._details)
        self._outcome_label = label("subtitle")
        self._stick_hint = label()
        self._sticks = QVBoxLayout()
        self._sticks.setSpacing(10)
        self.stick_buttons: list[QPushButton] = []
        self.look_again_button = button(None, "upload")
        self.look_again_button.clicked.connect(self._look_for_sticks)
        sticks = QWidget()
        sticks.setLayout(self._sticks)
        self._export_box = column_page(self._stick_hint, sticks, self.look_again_button, below=0)
        closed_page = column_page(self._outcome_label, self._export_box)
        for page in (open_page, column_page(frame), closed_page):
            self.pages.addWidget(page)

        self.back_button = button(None, "back")
        self.back_button.clicked.connect(self.left_screen)
        self.open_button = button("primary", "clock")
        self.open_button.clicked.connect(self._open_session)
        self.close_button = button("danger", "lock")
        self.close_button.clicked.connect(self._close_session)
        self.done_button = button("primary", "home")
        self.done_button.clicked.connect(self.left_screen)
        page_with_actions(
            self,
            [self._title, self._message, self.pages],
            [(self.back_button, 0), (QWidget(), 1), (self.open_button, 0),
             (self.close_button, 0), (self.done_button, 0)],
        )  # fmt: skip
        self._show_page("open")
        self.retranslateUi()

    def left_screen(self) -> None:
        """Back or Done: Home."""
        self.done.emit()

    # --- the pages -----------------------------------------------------------------------------
    def page(self) -> str:
        """The page on show (tests read it)."""
        return PAGES[self.pages.currentIndex()]

    def _show_page(self, name: str) -> None:
        self.pages.setCurrentIndex(PAGES.index(name))
        self.back_button.setVisible(name != "closed")
        self.open_button.setVisible(name == "open")
        self.close_button.setVisible(name == "summary")
        self.done_button.setVisible(name == "closed")
        self.retranslateUi()

    def start_opening(self) -> None:
        """The open form: the roster's groups and the operators, loaded on the worker."""
        self._session_id = None
        show_message(self._message, "")
        self._show_page("open")
        self.open_button.setEnabled(False)
        self._runner.db(self._backend.sessions.groups).success(self._show_groups).owned_by(
            self
        ).run()
        self._runner.db(self._backend.auth.operators).success(self._show_operators).owned_by(
            self
        ).run()

    def _replace(self, old: ChoiceRow, values: list[str], labels: list[str]) -> ChoiceRow:
        new = ChoiceRow(values, exclusive=False, columns=2)
        new.set_labels(labels)
        self._choices.replaceWidget(old, new)
        old.deleteLater()
        new.show()
        return new

    def _show_groups(self, groups: list[str]) -> None:
        self.group_choice = self._replace(self.group_choice, groups, groups)
        self.group_choice.set_checked(groups[:1])
        self._groups_hint.setVisible(not groups)
        self.open_button.setEnabled(True)

    def _show_operators(self, operators: list[OperatorInfo]) -> None:
        actor = self._current_actor()
        ids = [o.id for o in operators]
        self.duty_choice = self._replace(self.duty_choice, ids, [o.name for o in operators])
        self.duty_choice.set_checked([actor.operator_id] if actor is not None else [])

    def _open_session(self) -> None:
        actor = self._current_actor()
        if actor is None:
            return
        self.open_button.setEnabled(False)
        groups = self.group_choice.checked_values()
        duty = self.duty_choice.checked_values()
        self._runner.db(self._backend.sessions.open, actor, groups, duty).success(
            self._opened
        ).failure(self._failed).owned_by(self).run()

    def _opened(self, _record: object) -> None:
        self.done.emit()

    def start_closing(self, session_id: str) -> None:
        """The summary of ``session_id``, before it is closed."""
        actor = self._current_actor()
        if actor is None:
            return
        self._session_id = session_id
        self._summary = None
        show_message(self._message, "")
        self._show_page("summary")
        self.close_button.setEnabled(False)
        self._runner.db(self._backend.sessions.summary, actor, session_id).success(
            self._show_summary
        ).failure(self._failed).owned_by(self).run()

    def _show_summary(self, summary: SessionSummary) -> None:
        self._summary = summary
        self.close_button.setEnabled(summary.session.state == "open")
        self.retranslateUi()

    def _close_session(self) -> None:
        actor, session_id = self._current_actor(), self._session_id
        if actor is None or session_id is None:
            return
        self.close_button.setEnabled(False)
        self._runner.db(self._backend.sessions.close, actor, session_id).success(
            self._reconcile
        ).failure(self._failed).owned_by(self).run()

    def _reconcile(self, closed: SessionRecord) -> None:
        """Closed: ask the ward's server what it lacks (network worker); look for a stick."""
        self._outcome = self.tr("Closed. Asking the ward's server whether it has every record…")
        self._export_box.show()
        self._show_page("closed")
        self._look_for_sticks()
        actor = self._current_actor()
        if actor is None:  # locked meanwhile: the sync thread reconciles it
            return
        self._runner.net(self._backend.reconcile_session, actor, closed.id).success(
            self._reconciled
        ).failure(self._not_reconciled).owned_by(self).run()

    def _reconciled(self, result: ReconcileResult | None) -> None:
        self._export_box.setVisible(result is not None)  # a demo station has nothing to send
        if result is None:
            self._outcome = self.tr("Closed. This kiosk has no ward's server to check with.")
        elif result.still_missing:
            self._outcome = arg(
                self.tr(
                    "Closed. The ward's server lacked %1 record(s); %2 were sent again. "
                    "The kiosk will try again by itself; if it keeps failing, save the records "
                    "to a USB stick."
                ),
                result.missing,
                result.resent,
            )
        elif result.unrecoverable:
            self._outcome = arg(
                self.tr(
                    "Closed. The ward's server lacks %1 record(s) whose details this kiosk has "
                    "already erased. Tell the ward office."
                ),
                result.unrecoverable,
            )
        elif result.resent:
            self._outcome = arg(
                self.tr("Closed. The ward's server lacked %1 record(s): they were sent again."),
                result.resent,
            )
        else:
            self._outcome = self.tr("Closed. The ward's server has every record of the session.")
        self.retranslateUi()
        self.reconciled.emit(result)

    def _not_reconciled(self, error: BaseException) -> None:
        if not (is_known_fault(error) or isinstance(error, SyncError)):  # no answer: expected
            log_task_error(error)
        self._outcome = self.tr(
            "Closed, but the ward's server did not answer. The kiosk will check with it by "
            "itself when it answers again. You can also save the records to a USB stick."
        )
        self.retranslateUi()
        self.reconciled.emit(None)

    # --- the USB stick ------------------------------------------------------------------------
    def _look_for_sticks(self) -> None:
        self._runner.net(self.find_volumes).success(self._show_sticks).owned_by(self).run()

    def _show_sticks(self, volumes: list[Path]) -> None:
        for old in self.stick_buttons:
            self._sticks.removeWidget(old)
            old.deleteLater()
        self.stick_buttons = []
        for volume in volumes:
            save = button(None, "upload")
            save.setText(arg(self.tr("Save to %1"), volume.name or str(volume)))
            save.clicked.connect(lambda _=False, v=volume: self._export(v))
            self._sticks.addWidget(save)
            self.stick_buttons.append(save)
        self._stick_hint.setText(
            self.tr("Save the records not yet sent to a USB stick, for the ward's server:")
            if volumes
            else self.tr("No USB stick found. Plug one in, then tap “Look again”.")
        )

    def _export(self, volume: Path) -> None:
        actor = self._current_actor()
        if actor is None:
            return
        for save in self.stick_buttons:
            save.setEnabled(False)
        self._runner.db(self._backend.export_queue, actor, volume).success(self._saved).failure(
            self._failed
        ).owned_by(self).run()

    def _saved(self, export: QueueExport) -> None:
        for save in self.stick_buttons:
            save.setEnabled(True)
        text = arg(
            self.tr("%1 record(s) saved to the stick as %2."), export.count, export.path.name
        )
        show_message(self._message, text, "notice")
        self.exported.emit(export)

    def _failed(self, error: BaseException) -> None:
        if not is_known_fault(error):
            log_task_error(error)
        for save in self.stick_buttons:
            save.setEnabled(True)
        self.open_button.setEnabled(self.page() == "open")
        self.close_button.setEnabled(
            self._summary is not None and self._summary.session.state == "open"
        )
        show_message(self._message, error_text(error))

    # --- screen hooks --------------------------------------------------------------------------
    def clear_personal_data(self) -> None:
        """The summary names operators: it goes, with any message."""
        self._summary = None
        self._session_id = None
        show_message(self._message, "")
        self.retranslateUi()

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        page = self.page()
        self._title.setText(
            self.tr("Open the evening session")
            if page == "open"
            else self.tr("Close the evening session")
        )
        self._groups_title.setText(self.tr("Residential groups this session covers"))
        self._groups_hint.setText(
            self.tr("This kiosk has no roster yet: the session opens without a residential group.")
        )
        self._duty_title.setText(self.tr("Who is on duty"))
        self.back_button.setText(self.tr("Back"))
        self.open_button.setText(self.tr("Open the session"))
        self.close_button.setText(self.tr("Close the session"))
        self.done_button.setText(self.tr("Done"))
        self.look_again_button.setText(self.tr("Look again"))
        self._outcome_label.setText(self._outcome)
        self._show_summary_texts()

    def _show_summary_texts(self) -> None:
        summary = self._summary
        if summary is None:
            self._figures.setText("—")
            self._details.setText("")
            return
        figures = summary.figures
        self._figures.setText(
            "\n".join([
                arg(self.tr("Residents served: %1"), figures.served),
                arg(self.tr("Households covered: %1"), summary.households),
                arg(self.tr("Checked by an officer: %1"), figures.verified),
                arg(self.tr("Sent to the ward's server: %1"), figures.uploaded),
                arg(self.tr("Set aside (the server kept failing): %1"), figures.held),
                arg(self.tr("Refused: %1"), summary.refusals),
            ])
        )  # fmt: skip
        lines = []
        for kind, answers, caption in (
            ("vehicle", summary.vehicle_answers, self.tr("Vehicles")),
            ("licence", summary.licence_answers, self.tr("Driving licences")),
        ):
            parts = [f"{answer_text(kind, a)}: {n}" for a, n in sorted(answers.items())]
            lines.append(f"{caption} — {'; '.join(parts) if parts else '0'}")
        for person in summary.operators:
            lines.append(
                arg(
                    self.tr("%1: %2 visit(s) taken, %3 checked"),
                    person.name,
                    person.captured,
                    person.verified,
                )
            )
        self._details.setText("\n".join(lines))
