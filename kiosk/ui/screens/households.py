"""Households (both roles): residential groups, then their households, then a household's members;
what happened at the door or the desk, recorded for a household or one member.

The whole ward is read on the database worker (``kiosk.store.households``) and filtered here, in
memory: by group (the list on the left, with what is left in each), by street or alley (a picker
filled from the data), "not yet done" (not started, partial, absent), and a search by name (marks
not needed), address or ID number. The counts of each status at the top are for the filter on
show. Lists are model/view: 10,000 households draw only the rows in sight. A household opens on
its members (done or not, their latest outcome) and its history (each outcome, who recorded it and
when); recording an outcome reads that household again, so its status follows at once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.address import natural_key
from kiosk.domain.masking import mask_id_number
from kiosk.domain.text import search_key
from kiosk.services.base import Actor
from kiosk.store import Store
from kiosk.store.households import (
    HOUSEHOLD_STATUSES,
    NOT_YET_DONE,
    HouseholdRow,
    MemberRow,
    household_rows,
    search_texts,
)
from kiosk.store.outcomes import OutcomeRecord
from kiosk.ui.backend import Backend
from kiosk.ui.errors import error_text, is_known_fault
from kiosk.ui.i18n import arg
from kiosk.ui.screens.base import Screen, button, card, label, scrolling, show_message
from kiosk.ui.tasks import TaskRunner, log_task_error
from kiosk.ui.widgets.households_list import Item, RowsModel, rows_view
from kiosk.ui.widgets.osk import set_field_kind
from kiosk.ui.widgets.outcome_form import OutcomeForm, outcome_text
from kiosk.ui.widgets.route_sheet_dialog import RouteSheetDialog

PAGES = ("list", "household", "record", "places")
SEARCH_DELAY_MS = 250
"""Typing pauses this long before the list is filtered again."""
GROUPS_WIDTH_PX = 340
Place = tuple[str, str | None]
"""(street, alley or None for the whole street)."""


def load_households(store: Store, household_ids: Sequence[str] | None = None) -> list[HouseholdRow]:
    """Database worker: the ward's households (or those of ``household_ids``) with their status."""
    with store.reader() as conn:
        return household_rows(conn, household_ids)


def load_search_texts(store: Store) -> dict[str, str]:
    """Database worker: each household's folded text to search in (asked at the first search)."""
    with store.reader() as conn:
        return search_texts(conn)


@dataclass(frozen=True)
class _Group:
    """A row of the groups list: a residential group (None: all of them) and what is left there."""

    name: str | None
    total: int
    left: int


@dataclass(frozen=True)
class _PlaceRow:
    """A row of the street and alley picker (``place`` None: every street and alley)."""

    place: Place | None
    total: int
    left: int


class HouseholdsScreen(Screen):
    """Groups, households, members; the counts of each status; an outcome recorded by hand."""

    access = "operator"
    counts_shown = Signal(object)
    """The counts at the top were filled (a ``dict`` status -> households, for the filter)."""
    household_shown = Signal(object)
    """A household's page was filled (its ``HouseholdRow``)."""
    history_shown = Signal(list)
    """A household's history was filled (``OutcomeRecord`` list, latest first)."""
    outcome_recorded = Signal(object)
    """An outcome was recorded and the household read again (the ``OutcomeRecord``)."""
    done = Signal()
    """Back from the list: Home."""

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
        self._outcomes = backend.outcomes
        self._rows: list[HouseholdRow] = []
        self._index: dict[str, str] | None = None
        self._group: str | None = None
        self._place: Place | None = None
        self._query = ""
        self._counts: dict[str, int] = {}
        self._household: HouseholdRow | None = None
        self._history: list[OutcomeRecord] = []
        self._subject: str | None = None
        """The member an outcome is being recorded for (None: the whole household)."""
        self._loading = False
        self._indexing = False
        self._cleared = 0
        """How many times the screen was cleared: a read begun before is dropped."""

        self._title = label("title")
        self.search_field = QLineEdit()
        set_field_kind(self.search_field, "text")
        self.search_field.setMaxLength(100)
        self.search_field.textChanged.connect(self._search_soon)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search_now)
        top = QHBoxLayout()
        top.setSpacing(20)
        top.addWidget(self._title)
        top.addWidget(self.search_field, 1)
        self._message = label("error")
        self._message.hide()
        self.count_labels: dict[str, tuple[QLabel, QLabel]] = {}
        counts = QGridLayout()
        counts.setHorizontalSpacing(12)
        counts.setVerticalSpacing(0)
        for column, status in enumerate(HOUSEHOLD_STATUSES):
            number, caption = label("subtitle", wrap=False), label()
            number.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            counts.addWidget(number, 0, column)
            counts.addWidget(caption, 1, column)
            counts.setColumnStretch(column, 1)
            self.count_labels[status] = (number, caption)
        self._counts_box = QWidget()
        self._counts_box.setLayout(counts)
        counts.setContentsMargins(0, 0, 0, 0)

        self.pages = QStackedWidget()
        self.groups_model: RowsModel[_Group] = RowsModel(self._describe_group, self)
        self.groups_view = rows_view(self.groups_model)
        self.groups_view.setFixedWidth(GROUPS_WIDTH_PX)
        self.groups_view.clicked.connect(self._group_tapped)
        self.households_model: RowsModel[HouseholdRow] = RowsModel(self._describe_household, self)
        self.households_view = rows_view(self.households_model)
        self.households_view.clicked.connect(self._household_tapped)
        self._list_caption = label("hint")
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(6)
        right.addWidget(self._list_caption)
        right.addWidget(self.households_view, 1)
        list_page = QWidget()
        lists = QHBoxLayout(list_page)
        lists.setContentsMargins(0, 0, 0, 0)
        lists.setSpacing(16)
        lists.addWidget(self.groups_view)
        lists.addLayout(right, 1)
        self.pages.addWidget(list_page)

        self._address = label("subtitle")
        self._where = label()
        self._status_line = label()
        self._members_title = label("subtitle")
        self._members = QVBoxLayout()
        self._members.setSpacing(10)
        self.member_buttons: dict[str, QPushButton] = {}
        self._member_labels: list[QLabel] = []
        self._member_frames: list[QWidget] = []
        self._history_title = label("subtitle")
        self._history_lines = label()
        household_page = QWidget()
        details = QVBoxLayout(household_page)
        details.setContentsMargins(0, 0, 16, 0)
        details.setSpacing(12)
        for text in (self._address, self._where, self._status_line, self._members_title):
            details.addWidget(text)
        details.addLayout(self._members)
        details.addWidget(self._history_title)
        details.addWidget(self._history_lines)
        details.addStretch(1)
        self.pages.addWidget(scrolling(household_page))

        self._record_title = label("subtitle")
        self.form = OutcomeForm()
        self.form.changed.connect(self._form_changed)
        record_page = QWidget()
        asking = QVBoxLayout(record_page)
        asking.setContentsMargins(0, 0, 16, 0)
        asking.setSpacing(12)
        asking.addWidget(self._record_title)
        asking.addWidget(self.form)
        asking.addStretch(1)
        self.pages.addWidget(scrolling(record_page))

        self.places_model: RowsModel[_PlaceRow] = RowsModel(self._describe_place, self)
        self.places_view = rows_view(self.places_model)
        self.places_view.clicked.connect(self._place_tapped)
        self.pages.addWidget(self.places_view)

        self.back_button = button(None, "back")
        self.back_button.clicked.connect(self._back)
        self.not_done_button = button(None, "tasks")
        self.not_done_button.setCheckable(True)
        self.not_done_button.toggled.connect(lambda _on: self._apply())
        self.place_button = button(None, "home")
        self.place_button.clicked.connect(self._choose_place)
        self.route_sheet_button = button(None, "printer")
        self.route_sheet_button.clicked.connect(self.open_route_sheet)
        self.printer_name: Callable[[], str] = lambda: ""
        """The printer receipts go to (the window sets it): the route sheet prints there too."""
        self._route_sheet: RouteSheetDialog | None = None
        self.record_household_button = button("primary", "plus")
        self.record_household_button.clicked.connect(lambda: self._start_record(None))
        self.save_button = button("primary", "check")
        self.save_button.clicked.connect(self._save)
        actions = QHBoxLayout()
        actions.setSpacing(16)
        for action in (
            self.back_button,
            self.not_done_button,
            self.place_button,
            self.route_sheet_button,
        ):
            actions.addWidget(action)
        actions.addStretch(1)
        actions.addWidget(self.record_household_button)
        actions.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 12, 32, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self._message)
        layout.addWidget(self._counts_box)
        layout.addWidget(self.pages, 1)
        layout.addLayout(actions)
        self._show_page("list")
        self.retranslateUi()

    # --- loading -------------------------------------------------------------------------------
    def entered(self) -> None:
        """Read the ward again (outcomes and the roster may have changed since)."""
        self._show_page("list")
        self._load()

    def left(self) -> None:
        """Another screen is on show: the ward's rows go now (a ward is read again at every
        entry), so that freeing them never delays the next opening."""
        if not self._loading:
            self._rows, self._index = [], None
            self.households_model.set_rows([])
            self.groups_model.set_rows([])
            self.places_model.set_rows([])

    def _load(self) -> None:
        if self._loading:
            return
        self._loading = True
        cleared = self._cleared
        self._runner.db(load_households, self._backend.store).success(
            lambda rows: self._loaded(rows, cleared)
        ).failure(self._failed).owned_by(self).run()

    def _loaded(self, rows: list[HouseholdRow], cleared: int = 0) -> None:
        self._loading = False
        if cleared != self._cleared:  # read before the lock: not for the next person
            return
        self._rows = rows
        self._index = None  # the roster may have changed: read again at the next search
        self._indexing = False
        self._show_groups()
        self._apply()
        if self._query:
            self._start_index()

    def _start_index(self) -> None:
        """The search texts, read on the worker once a search begins (not before the counts)."""
        if self._index is not None or self._indexing:
            return
        self._indexing = True
        self._runner.db(load_search_texts, self._backend.store).success(self._indexed).failure(
            self._index_failed
        ).owned_by(self).run()

    def _indexed(self, index: dict[str, str]) -> None:
        self._indexing = False
        if not self._rows:  # cleared (the lock) or left meanwhile: keep nothing
            return
        self._index = index
        if self._query:
            self._apply()

    def _index_failed(self, error: BaseException) -> None:
        self._indexing = False
        self._failed(error)

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        if not is_known_fault(error):
            log_task_error(error)
        show_message(self._message, error_text(error))

    # --- filters -------------------------------------------------------------------------------
    def _matches_place(self, row: HouseholdRow) -> bool:
        place = self._place
        if place is None:
            return True
        street, alley = place
        return row.street == street and (alley is None or row.alley == alley)

    def _apply(self) -> None:
        """Filter the rows, show them and the counts of each status among them (a search waits
        for its texts, then comes back here)."""
        query, index = self._query, self._index
        if query and index is None:
            self._start_index()
            return
        not_done = self.not_done_button.isChecked()
        shown = [
            row
            for row in self._rows
            if (self._group is None or row.group == self._group)
            and (not not_done or row.status in NOT_YET_DONE)
            and self._matches_place(row)
            and (not query or index is None or query in index.get(row.id, ""))
        ]
        self.households_model.set_rows(shown)
        self._counts = dict.fromkeys(HOUSEHOLD_STATUSES, 0) | Counter(r.status for r in shown)
        self._show_counts()
        self.counts_shown.emit(dict(self._counts))

    def _show_groups(self) -> None:
        totals: Counter[str] = Counter()
        left: Counter[str] = Counter()
        for row in self._rows:
            totals[row.group] += 1
            left[row.group] += row.status in NOT_YET_DONE
        everyone = _Group(None, len(self._rows), sum(left.values()))
        groups = [_Group(name, totals[name], left[name]) for name in totals]  # rows come sorted
        if self._group is not None and self._group not in totals:
            self._group = None
        self.groups_model.set_rows([everyone, *groups])
        chosen = 0 if self._group is None else 1 + list(totals).index(self._group)
        self.groups_view.setCurrentIndex(self.groups_model.index(chosen))

    def _group_tapped(self, index: QModelIndex) -> None:
        self._group = self.groups_model.row_at(index).name
        self._apply()

    def choose_group(self, group: str | None) -> None:
        """Show the households of ``group`` (None: every group), as a tap on its row does."""
        rows = self.groups_model.rows()
        for place, entry in enumerate(rows):
            if entry.name == group:
                self.groups_view.setCurrentIndex(self.groups_model.index(place))
        self._group = group
        self._apply()

    def _search_soon(self, _text: str) -> None:
        self._search_timer.start()
        if self._rows:
            self._start_index()  # read while the person types

    def _search_now(self) -> None:
        self._query = search_key(self.search_field.text())
        if self.page() != "list":
            self._show_page("list")
        self._apply()

    def search(self, text: str) -> None:
        """Search for ``text`` now, as typing it and pausing does (``counts_shown`` follows; at
        the first search, once the search texts are read)."""
        self.search_field.setText(text)
        self._search_timer.stop()
        self._search_now()

    def _choose_place(self) -> None:
        totals: Counter[Place] = Counter()
        left: Counter[Place] = Counter()
        for row in self._rows:
            for place in (
                ((row.street, None), (row.street, row.alley))
                if row.alley
                else ((row.street, None),)
            ):
                totals[place] += 1
                left[place] += row.status in NOT_YET_DONE
        entries = [_PlaceRow(None, len(self._rows), sum(r.status in NOT_YET_DONE
                                                        for r in self._rows))]  # fmt: skip
        order = sorted(totals, key=lambda p: (not p[0], natural_key(p[0]), p[1] is not None,
                                              natural_key(p[1] or "")))  # fmt: skip
        entries += [_PlaceRow(place, totals[place], left[place]) for place in order]
        self.places_model.set_rows(entries)
        self._show_page("places")

    def _place_tapped(self, index: QModelIndex) -> None:
        self.choose_place(self.places_model.row_at(index).place)

    def choose_place(self, place: Place | None) -> None:
        """Show only the households of a street, or of an alley of it (None: everywhere)."""
        self._place = place
        self._show_page("list")
        self._apply()

    def set_not_yet_done(self, on: bool) -> None:
        """Only the households not yet done (not started, partial, absent), or every one."""
        self.not_done_button.setChecked(on)

    # --- a household ---------------------------------------------------------------------------
    def _household_tapped(self, index: QModelIndex) -> None:
        self.open_household(self.households_model.row_at(index))

    def open_household(self, row: HouseholdRow) -> None:
        """The household's page: its members, then its history (read on the worker)."""
        self._household = row
        self._history = []
        self._show_household()
        self._show_page("household")
        self.household_shown.emit(row)
        self._load_history(row.id)

    def _load_history(self, household_id: str) -> None:
        cleared = self._cleared
        self._runner.db(self._outcomes.history, household_id).success(
            lambda records: self._show_history(records, cleared)
        ).failure(self._failed).owned_by(self).run()

    def _show_history(self, records: list[OutcomeRecord], cleared: int) -> None:
        if cleared != self._cleared:  # read before the lock
            return
        self._history = records
        self._write_history()
        self.history_shown.emit(list(records))

    def _show_household(self) -> None:
        row = self._household
        for frame in self._member_frames:
            self._members.removeWidget(frame)
            frame.deleteLater()
        self._member_frames, self._member_labels = [], []
        self.member_buttons = {}
        if row is None:
            return
        for member in row.members:
            frame, inner = card()
            text = label()
            record = button(None, "plus")
            record.clicked.connect(lambda _=False, n=member.id_number: self._start_record(n))
            line = QHBoxLayout()
            line.setSpacing(16)
            line.addWidget(text, 1)
            line.addWidget(record)
            inner.addLayout(line)
            self._members.addWidget(frame)
            self._member_frames.append(frame)
            self._member_labels.append(text)
            self.member_buttons[member.id_number] = record
        self._write_household()

    def _write_household(self) -> None:
        row = self._household
        if row is None:
            for widget in (self._address, self._where, self._status_line, self._history_lines):
                widget.setText("")
            return
        self._address.setText(row.address)
        self._where.setText(" · ".join(p for p in (row.group, row.street, row.alley) if p))
        self._status_line.setText(
            arg(self.tr("Status: %1 — %2"), self.status_text(row.status), self._done_text(row))
        )
        for member, text, record in zip(
            row.members, self._member_labels, self.member_buttons.values(), strict=True
        ):
            who = arg(self.tr("%1 (born %2)"), member.full_name, member.birth_year)
            masked = mask_id_number(member.id_number)
            text.setText(f"{who} · {masked}\n{self._member_state(member)}")
            record.setText(self.tr("Record an outcome"))
        self._write_history()

    def _member_state(self, member: MemberRow) -> str:
        if not member.on_file:
            state = self.tr("Nothing on file: does not count")
        elif member.done:
            state = self.tr("Done")
        else:
            state = self.tr("Not done yet")
        if member.outcome is not None:
            state += " · " + self._outcome_line(member.outcome, with_subject=False)
        return state

    def _write_history(self) -> None:
        if not self._history:
            self._history_lines.setText(self.tr("Nothing recorded yet."))
            return
        self._history_lines.setText(
            "\n".join(self._outcome_line(r, with_subject=True) for r in self._history)
        )

    def _outcome_line(self, record: OutcomeRecord, *, with_subject: bool) -> str:
        """ "05/12 19:05 · Absent · whole household · Nguyễn Văn Minh · note"."""
        when = record.recorded_at.astimezone()
        what = outcome_text(record.outcome)
        if record.come_back_on is not None:
            what = arg(self.tr("Come back on %1"), f"{record.come_back_on:%d/%m/%Y}")
        parts = [f"{when:%d/%m %H:%M}", what]
        if with_subject:
            parts.append(self._subject_text(record.resident_id_number))
        parts.append(arg(self.tr("by %1"), record.recorded_by))
        if record.note:
            parts.append(f"“{record.note}”")
        return " · ".join(parts)

    def _subject_text(self, id_number: str | None) -> str:
        row = self._household
        if id_number is None:
            return self.tr("whole household")
        if row is not None:
            for member in row.members:
                if member.id_number == id_number:
                    return member.full_name
        return mask_id_number(id_number)

    # --- recording an outcome ------------------------------------------------------------------
    def _start_record(self, id_number: str | None) -> None:
        if self._household is None:
            return
        self._subject = id_number
        self.form.reset(self._backend.clock().date())
        show_message(self._message, "")
        self._show_page("record")
        self._form_changed()

    def start_record(self, id_number: str | None) -> None:
        """Record an outcome for the household on show (``id_number`` None) or one member."""
        self._start_record(id_number)

    def _form_changed(self) -> None:
        self.save_button.setEnabled(self.form.outcome() is not None)

    def _save(self) -> None:
        actor, row, outcome = self._current_actor(), self._household, self.form.outcome()
        if actor is None or row is None or outcome is None:
            return
        self.save_button.setEnabled(False)
        self._runner.db(
            self._outcomes.record, actor, row.id, self._subject, outcome,
            self.form.come_back_on(), self.form.note(),
        ).success(self._recorded).failure(self._record_failed).owned_by(self).run()  # fmt: skip

    def _record_failed(self, error: BaseException) -> None:
        self._form_changed()
        self._failed(error)

    def _recorded(self, record: OutcomeRecord) -> None:
        cleared = self._cleared
        self._runner.db(load_households, self._backend.store, [record.household_id]).success(
            lambda rows: self._household_read(record, rows, cleared)
        ).failure(self._failed).owned_by(self).run()

    def _household_read(
        self, record: OutcomeRecord, rows: list[HouseholdRow], cleared: int
    ) -> None:
        """The household read again after an outcome: its row, the counts, its page."""
        if cleared != self._cleared:  # the lock came first: the outcome is saved, that is all
            return
        if rows:
            fresh = rows[0]
            self._rows = [fresh if r.id == fresh.id else r for r in self._rows]
            self._household = fresh
            self._show_groups()
            self._apply()
            self._show_household()
        self._show_page("household")
        self.outcome_recorded.emit(record)
        self._load_history(record.household_id)

    # --- pages and texts -----------------------------------------------------------------------
    def page(self) -> str:
        """The page on show (tests read it)."""
        return PAGES[self.pages.currentIndex()]

    def _show_page(self, name: str) -> None:
        self.pages.setCurrentIndex(PAGES.index(name))
        on_list = name == "list"
        self._counts_box.setVisible(name in ("list", "places"))
        self.not_done_button.setVisible(on_list)
        self.place_button.setVisible(on_list)
        actor = self._current_actor()
        self.route_sheet_button.setVisible(on_list and actor is not None and actor.is_officer)
        self.record_household_button.setVisible(name == "household")
        self.save_button.setVisible(name == "record")
        self.retranslateUi()

    def _back(self) -> None:
        page = self.page()
        if page == "list":
            self.done.emit()
        elif page == "record":
            self._show_page("household")
        else:
            self._show_page("list")

    def status_text(self, status: str) -> str:
        """A household status in words, in the current language."""
        words = {
            "not_started": self.tr("Not started"),
            "partial": self.tr("Partly done"),
            "done": self.tr("Done"),
            "absent": self.tr("Absent"),
            "moved_away": self.tr("Moved away"),
            "refused": self.tr("Refused"),
        }
        return words.get(status, status)

    def _done_text(self, row: HouseholdRow) -> str:
        if not row.counted:
            return self.tr("nothing on file")
        return arg(self.tr("%1 of %2 done"), row.counted_done, row.counted)

    def _describe_household(self, row: HouseholdRow) -> Item:
        where = " · ".join(p for p in (row.group, row.street, row.alley) if p)
        return Item(
            row.address,
            f"{where} · {self._done_text(row)}" if where else self._done_text(row),
            row.status,
            self.status_text(row.status),
        )

    def _describe_group(self, group: _Group) -> Item:
        return Item(
            group.name or self.tr("All groups"),
            arg(self.tr("%1 not yet done of %2"), group.left, group.total),
        )

    def _place_text(self, place: Place | None) -> str:
        if place is None:
            return self.tr("Every street and alley")
        street, alley = place
        street = street or self.tr("No street named")
        return f"{street} — {alley}" if alley else street

    def _describe_place(self, entry: _PlaceRow) -> Item:
        return Item(
            self._place_text(entry.place),
            arg(self.tr("%1 not yet done of %2"), entry.left, entry.total),
        )

    def counts(self) -> dict[str, int]:
        """The counts at the top, by status (tests read them)."""
        return dict(self._counts)

    def _show_counts(self) -> None:
        for status, (number, caption) in self.count_labels.items():
            number.setText(str(self._counts.get(status, 0)) if self._rows else "—")
            caption.setText(self.status_text(status))
        shown = self.households_model.rowCount()
        self._list_caption.setText(
            arg(self.tr("%1 household(s) shown of %2"), shown, len(self._rows))
            if self._rows
            else self.tr("No household on this kiosk yet: the roster comes from the ward's server.")
        )

    def open_route_sheet(self) -> None:
        """Officers: tonight's route sheet, of the group and the street or alley chosen."""
        actor = self._current_actor()
        if actor is None or not actor.is_officer:
            return
        street, alley = self._place if self._place is not None else (None, None)
        dialog = RouteSheetDialog(
            self, self._backend, self._runner, actor, printer=self.printer_name(),
            groups=None if self._group is None else [self._group], street=street, alley=alley,
        )  # fmt: skip
        dialog.finished.connect(lambda _result: setattr(self, "_route_sheet", None))
        dialog.finished.connect(dialog.deleteLater)
        self._route_sheet = dialog
        dialog.open()

    def clear_personal_data(self) -> None:
        """Names, addresses, the search, the household on show and a route sheet go."""
        if self._route_sheet is not None:
            self._route_sheet.clear_personal_data()
        self._cleared += 1
        self._search_timer.stop()
        self._rows, self._index, self._household, self._history = [], None, None, []
        self._indexing = False
        self._query, self._group, self._place, self._subject = "", None, None, None
        self._counts = {}
        self.search_field.clear()
        self._search_timer.stop()
        self.households_model.set_rows([])
        self.groups_model.set_rows([])
        self.places_model.set_rows([])
        self.form.reset(date.today())
        self._show_household()
        show_message(self._message, "")
        self._show_page("list")

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        self._title.setText(self.tr("Households"))
        self.search_field.setPlaceholderText(self.tr("Search: name, address or ID number"))
        self.back_button.setText(self.tr("Back"))
        self.not_done_button.setText(self.tr("Not yet done"))
        self.route_sheet_button.setText(self.tr("Route sheet"))
        self.place_button.setText(  # the place chosen says what it is; it must fit the row
            self._place_text(self._place) if self._place is not None else self.tr("Street or alley")
        )
        self.record_household_button.setText(self.tr("Record for the household"))
        self.save_button.setText(self.tr("Save"))
        self._members_title.setText(self.tr("Members"))
        self._history_title.setText(self.tr("History"))
        subject = self._subject_text(self._subject)
        self._record_title.setText(
            arg(self.tr("What happened: %1"), subject)
            if self._subject is not None
            else arg(self.tr("What happened: the whole household, %1"),
                     self._household.address if self._household else "")
        )  # fmt: skip
        self._show_counts()
        self._write_household()
        for model in (self.households_model, self.groups_model, self.places_model):
            model.refresh()
