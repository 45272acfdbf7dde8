"""Home: the day's figures, the link to the ward's server, the operator's own unfinished and
returned visits, and (for officers) what waits for them and their screens."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.masking import mask_id_number
from kiosk.services.base import Actor
from kiosk.services.capture import DraftSummary, ReturnedSummary
from kiosk.services.sessions import SessionStatus
from kiosk.services.station import HomeCounts
from kiosk.ui.backend import Backend
from kiosk.ui.i18n import arg
from kiosk.ui.navigator import Navigator
from kiosk.ui.resources import icon
from kiosk.ui.screens.base import Screen, button, card, label, scrolling, show_message
from kiosk.ui.screens.consent import phone_shown
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.widgets.session_card import SessionCard
from kiosk.ui.widgets.status_bar import LinkIcon, StationStatus, last_sync_text, link_text
from kiosk.ui.widgets.tile import Tile

REFRESH_MS = 15_000
MAX_DRAFTS_SHOWN = 3
"""Home offers this many of the operator's unfinished visits, the newest first."""


class _Figure(QWidget):
    """One big number with its caption, in a card."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        frame, inner = card(self)
        self.number = label("headline", wrap=False)
        self.number.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.caption = label()
        inner.addWidget(self.number)
        inner.addWidget(self.caption)
        inner.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(frame)


class _LinkRow(QWidget):
    """One line: online or not, and when the kiosk last synchronised with the ward's server."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = LinkIcon("#111111")
        self.text = label()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        row.addWidget(self.icon)
        row.addWidget(self.text, 1)

    def show_status(self, status: StationStatus | None) -> None:
        """The link's state in words (a dash until the first report)."""
        self.icon.show_link("online" if status is not None and status.online else "offline")
        if status is None:
            self.text.setText("—")
            return
        last = last_sync_text(status)
        self.text.setText(f"{link_text(status)} · {last}" if last else link_text(status))


class _Progress(QWidget):
    """ "Sent X of Y" over a bar, while the queue drains to the ward's server."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = label()
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)  # the label says it, translated and never cut
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addWidget(self.text)
        column.addWidget(self.bar)


class HomeScreen(Screen):
    """Today's count (and target), waiting for verification, waiting for upload, the link."""

    access = "operator"
    counts_shown = Signal(object)
    sync_now_clicked = Signal()
    type_id_clicked = Signal()
    """The big button for a resident without their card: the 12-digit keypad."""
    find_clicked = Signal()
    resume_clicked = Signal(str)
    """An unfinished visit of the operator's own, to take up again (carries the draft's id)."""
    drafts_shown = Signal(list)
    returned_clicked = Signal(str)
    """A visit of the operator's own that an officer sent back, to correct (carries its id)."""
    returned_shown = Signal(list)
    verify_clicked = Signal()
    """An officer's "to verify" button: the captured records waiting for a check."""
    attention_clicked = Signal()
    """An officer's "needs attention" button: what the upload left to an officer."""
    session_shown = Signal(object)
    """The evening session's card was filled (a ``SessionStatus``; tests wait on it)."""

    def __init__(
        self,
        backend: Backend,
        runner: TaskRunner,
        navigator: Navigator,
        current_actor: Callable[[], Actor | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._current_actor = current_actor
        self._drafts: list[DraftSummary] = []
        self._returned: list[ReturnedSummary] = []
        self._officer = False
        self._backend = backend
        self._runner = runner
        self._navigator = navigator
        self._counts: HomeCounts | None = None
        self._status: StationStatus | None = None

        self._title = label("title")
        self._notice = label("error")
        self._notice.hide()
        self._clock_notice = label("warning")
        self._clock_notice.hide()
        self._insecure_notice = label("error")
        self._insecure_notice.hide()
        self._scan_hint = label("subtitle")
        self.type_id_button = button("primary", "key")
        self.type_id_button.clicked.connect(self.type_id_clicked)
        self.find_button = button(None, "users")
        self.find_button.clicked.connect(self.find_clicked)
        serve = QHBoxLayout()
        serve.setSpacing(20)
        serve.addWidget(self._scan_hint, 1)
        serve.addWidget(self.type_id_button)
        serve.addWidget(self.find_button)
        self._drafts_box = QVBoxLayout()
        self._drafts_box.setSpacing(10)
        self.draft_buttons: list[QPushButton] = []
        self._returned_box = QVBoxLayout()
        self._returned_box.setSpacing(10)
        self.returned_buttons: list[Tile] = []
        self.verify_button = button("primary", "person_check")
        self.verify_button.clicked.connect(self.verify_clicked)
        self.attention_button = button("danger", "warning")
        self.attention_button.clicked.connect(self.attention_clicked)
        tasks = QHBoxLayout()
        tasks.setSpacing(20)
        tasks.setContentsMargins(0, 0, 0, 0)
        tasks.addWidget(self.verify_button)
        tasks.addWidget(self.attention_button)
        tasks.addStretch(1)
        self._tasks_box = QWidget()
        self._tasks_box.setLayout(tasks)
        self._tasks_box.hide()
        self.progress = _Progress()
        self.progress.hide()
        self.today = _Figure()
        self.waiting_verification = _Figure()
        self.waiting_upload = _Figure()
        figures = QGridLayout()
        figures.setSpacing(20)
        figures.addWidget(self.today, 0, 0)
        figures.addWidget(self.waiting_verification, 0, 1)
        figures.addWidget(self.waiting_upload, 0, 2)
        self.link = _LinkRow()
        self.session_card = SessionCard()
        """The evening session: its figures; an officer opens or closes it here."""
        self.households_button = button(None, "tasks")
        """The households screen: groups, households, who is left, visit outcomes."""
        self.households_button.clicked.connect(lambda: self._navigator.go("households"))
        households_row = QHBoxLayout()
        households_row.setContentsMargins(0, 0, 0, 0)
        households_row.addWidget(self.households_button)

        self.operators_button = button(None, "users")
        self.operators_button.clicked.connect(lambda: self._navigator.go("operators"))
        self.settings_button = button(None, "settings")
        self.settings_button.clicked.connect(lambda: self._navigator.go("settings"))
        self.report_button = button(None, "tasks")
        """The day's report (officers): the figures per group, saved to a USB stick."""
        self.report_button.clicked.connect(lambda: self._navigator.go("report"))
        households_row.addWidget(self.report_button)  # the officers' row is full at large text
        households_row.addStretch(1)
        self.sync_now_button = button(None, "upload")
        self.sync_now_button.clicked.connect(self.sync_now_clicked)
        officer_row = QHBoxLayout()
        officer_row.setSpacing(20)
        officer_row.addWidget(self.operators_button)
        officer_row.addWidget(self.settings_button)
        officer_row.addStretch(1)
        officer_row.addWidget(self.sync_now_button)
        self._officer_box = QWidget()
        self._officer_box.setLayout(officer_row)
        officer_row.setContentsMargins(0, 0, 0, 0)

        page = QWidget()
        layout = QVBoxLayout(page)  # a page that scrolls: the lists can outgrow a 768-px screen
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(18)
        layout.addWidget(self._title)
        layout.addWidget(self._notice)
        layout.addWidget(self._clock_notice)
        layout.addWidget(self._insecure_notice)
        layout.addLayout(serve)
        layout.addLayout(self._drafts_box)
        layout.addLayout(self._returned_box)
        layout.addWidget(self._tasks_box)
        layout.addWidget(self.session_card)
        layout.addLayout(households_row)
        layout.addWidget(self.link)
        layout.addWidget(self.progress)
        layout.addLayout(figures)
        layout.addWidget(self._officer_box)
        layout.addStretch(1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 20, 16, 20)  # the scroll bar, when it shows, takes the rest
        outer.addWidget(scrolling(page))

        self._refresh = QTimer(self)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self.refresh)
        self.retranslateUi()

    def entered(self) -> None:
        """Show what an officer may open, then load the figures (and keep them current)."""
        officer = self._officer = self._navigator.may_open("settings")
        self._officer_box.setVisible(officer)
        self.report_button.setVisible(officer)
        self._show_sync_now()
        self._show_tasks()
        self._show_link_state()
        self._show_insecure_notice()
        self.refresh()
        self._refresh.start()
        actor = self._current_actor()
        if actor is not None:
            self._runner.db(self._backend.capture.my_drafts, actor).success(
                self._show_drafts
            ).owned_by(self).run()
            self._runner.db(self._backend.capture.returned, actor).success(
                self._show_returned
            ).owned_by(self).run()

    def _show_drafts(self, drafts: list[DraftSummary]) -> None:
        """The operator's own unfinished visits, newest first: one tap takes one up again."""
        self._drafts = drafts[:MAX_DRAFTS_SHOWN]
        for old in self.draft_buttons:
            self._drafts_box.removeWidget(old)
            old.deleteLater()
        self.draft_buttons = []
        for draft in self._drafts:
            resume = button(None, "person_check")
            resume.clicked.connect(lambda _=False, d=draft.id: self.resume_clicked.emit(d))
            self._drafts_box.addWidget(resume)
            resume.show()
            self.draft_buttons.append(resume)
        self._label_drafts()
        self.drafts_shown.emit(list(self._drafts))

    def _label_drafts(self) -> None:
        for draft, resume in zip(self._drafts, self.draft_buttons, strict=True):
            who = draft.full_name or mask_id_number(draft.id_number or "") or draft.reference
            saved = draft.saved_at.astimezone()
            resume.setText(
                arg(self.tr("Continue the visit of %1 (saved at %2)"), who, f"{saved:%H:%M}")
            )

    def _show_returned(self, returned: list[ReturnedSummary]) -> None:
        """The operator's own visits an officer sent back, oldest first: one tap reopens one."""
        self._returned = list(returned)
        for old in self.returned_buttons:
            self._returned_box.removeWidget(old)
            old.deleteLater()
        self.returned_buttons = []
        for item in self._returned:
            tile = Tile()
            tile.setCheckable(False)
            tile.set_icon(icon("warning"))
            tile.clicked.connect(lambda _=False, i=item.id: self.returned_clicked.emit(i))
            self._returned_box.addWidget(tile)
            tile.show()
            self.returned_buttons.append(tile)
        self._label_returned()
        self.returned_shown.emit(list(self._returned))

    def _label_returned(self) -> None:
        for item, tile in zip(self._returned, self.returned_buttons, strict=True):
            who = item.full_name or item.reference
            title = arg(self.tr("Returned: %1 — %2"), who, item.reason)
            if item.phone:
                line = arg(self.tr("Phone %1 · code %2"), phone_shown(item.phone), item.reference)
            else:
                line = arg(self.tr("No phone given · code %1"), item.reference)
            tile.set_texts(title, line)

    def _show_tasks(self) -> None:
        """An officer's buttons for the records waiting for them (shown when there are some)."""
        counts = self._counts
        waiting = 0 if counts is None else counts.waiting_verification
        attention = 0 if counts is None else counts.needs_attention
        self.verify_button.setVisible(self._officer and waiting > 0)
        self.attention_button.setVisible(self._officer and attention > 0)
        self._tasks_box.setVisible(self._officer and (waiting > 0 or attention > 0))

    def _show_link_state(self) -> None:
        """The drain's progress for everyone; a clock far off the server's for officers."""
        status = self._status
        draining = status is not None and status.sending and status.drain_total > 0
        if status is not None and draining:
            done = min(status.drain_done, status.drain_total)
            self.progress.bar.setRange(0, status.drain_total)
            self.progress.bar.setValue(done)
            self.progress.text.setText(arg(self.tr("Sent %1 of %2"), done, status.drain_total))
        self.progress.setVisible(draining)
        skew = None if status is None else status.clock_skew
        if skew is None or not self._officer:
            show_message(self._clock_notice, "", "warning")
            return
        minutes = max(1, round(abs(skew) / 60))
        if skew > 0:  # the server is ahead: this clock is behind
            text = self.tr(
                "This computer's clock is %n minute(s) behind the ward's server. Please set "
                "the right time: every record carries it.",
                "",
                minutes,
            )
        else:
            text = self.tr(
                "This computer's clock is %n minute(s) ahead of the ward's server. Please set "
                "the right time: every record carries it.",
                "",
                minutes,
            )
        show_message(self._clock_notice, text, "warning")

    def _show_insecure_notice(self) -> None:
        """For officers, in red, while the configuration allows plain http:// (DESIGN.md §6)."""
        if not (self._officer and self._backend.allow_insecure_http):
            show_message(self._insecure_notice, "", "error")
            return
        text = self.tr(
            "Plain http:// is allowed in this kiosk's configuration: records and the station's "
            "token may cross the network unencrypted. Ask the technician to set up https://."
        )
        show_message(self._insecure_notice, text, "error")

    def progress_text(self) -> str:
        """ "Sent X of Y" as shown, "" when nothing is being sent (tests read it)."""
        return self.progress.text.text() if self.progress.isVisibleTo(self) else ""

    def refresh(self) -> None:
        """Ask the database for today's figures and the evening session's on the worker."""
        self._runner.db(self._backend.station.home_counts).success(self._show_counts).owned_by(
            self
        ).run()
        self._runner.db(self._backend.sessions.current).success(self._show_session).owned_by(
            self
        ).run()

    def _show_session(self, status: SessionStatus) -> None:
        self.session_card.show_status(status, self._officer)
        self.session_shown.emit(status)

    def left(self) -> None:
        """Another screen is on show: stop refreshing."""
        self._refresh.stop()

    @Slot(object)
    def set_status(self, status: StationStatus) -> None:
        """The link and the queue changed: say so, and count again when the queue moved."""
        moved = self._status is None or self._status.waiting_upload != status.waiting_upload
        self._status = status
        self.link.show_status(status)
        self._show_sync_now()
        self._show_link_state()
        if moved and self._refresh.isActive():
            self.refresh()

    def _show_sync_now(self) -> None:
        """For an enrolled station only (a demo station has nothing to sync with)."""
        status = self._status
        self.sync_now_button.setVisible(status is not None and status.link != "not_enrolled")
        self.sync_now_button.setEnabled(status is not None and status.link != "reenrol")

    def link_line(self) -> str:
        """The link's state and last sync as shown (tests read it)."""
        return self.link.text.text()

    def _show_counts(self, counts: HomeCounts) -> None:
        self._counts = counts
        self._show_tasks()
        self.retranslateUi()
        self.counts_shown.emit(counts)

    def figure_texts(self) -> tuple[str, str, str]:
        """The three numbers as shown (tests read them)."""
        return (
            self.today.number.text(),
            self.waiting_verification.number.text(),
            self.waiting_upload.number.text(),
        )

    def show_notice(self, text: str) -> None:
        """A message at the top of Home (a refused navigation says why)."""
        show_message(self._notice, text)

    def clear_personal_data(self) -> None:
        """The operator's lists (names, phones) and a notice meant for them go."""
        show_message(self._notice, "")
        self._refresh.stop()
        self._show_drafts([])
        self._show_returned([])
        self._officer = False
        self._show_tasks()
        self.session_card.show_status(None, officer=False)
        self._show_link_state()
        self._show_insecure_notice()

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        self._title.setText(self.tr("Today at this community house"))
        self._scan_hint.setText(self.tr("Scan the resident's chip ID card to begin."))
        self.type_id_button.setText(self.tr("Type an ID number"))
        self.find_button.setText(self.tr("Find a resident"))
        self.households_button.setText(self.tr("Households and who is left"))
        counts = self._counts
        dash = "—"
        if counts is None:
            numbers: tuple[str, str, str] = (dash, dash, dash)
        else:
            today = str(counts.today)
            if counts.target is not None:
                today = arg(self.tr("%1 of %2"), counts.today, counts.target)
            numbers = (today, str(counts.waiting_verification), str(counts.waiting_upload))
        self.today.number.setText(numbers[0])
        self.waiting_verification.number.setText(numbers[1])
        self.waiting_upload.number.setText(numbers[2])
        if counts is not None and counts.training:
            self.today.caption.setText(self.tr("practice records made today (training)"))
        else:
            self.today.caption.setText(self.tr("residents whose records were taken today"))
        self.waiting_verification.caption.setText(self.tr("waiting for an officer to check"))
        self.waiting_upload.caption.setText(self.tr("checked and waiting to be sent"))
        self.operators_button.setText(self.tr("Volunteers and officers"))
        self.settings_button.setText(self.tr("Settings"))
        self.report_button.setText(self.tr("The day's report"))
        self.sync_now_button.setText(self.tr("Sync now"))
        self.verify_button.setText(
            arg(self.tr("To verify: %1"), 0 if counts is None else counts.waiting_verification)
        )
        self.attention_button.setText(
            arg(self.tr("Needs attention: %1"), 0 if counts is None else counts.needs_attention)
        )
        self.link.show_status(self._status)
        self._label_drafts()
        self._label_returned()
        self._show_link_state()
        self._show_insecure_notice()
