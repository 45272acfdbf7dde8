"""Officers only: the ward's daily targets per residential group, for today and tomorrow.

One row per group (the roster's groups and the station's home group), two figures per row: big
− and + buttons step a figure by one, and a tap on the figure picks it for the keypad beside the
list, which types it whole.  Save sets the changed figures in one transaction on the database
worker, each audited ``target.set`` (group, day, figure; no name); they go to the ward's server
with the next sync, and the ward's other kiosks and the server send theirs back: the server's
order of arrival decides (:mod:`kiosk.store.targets`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.services.base import Actor, require_role
from kiosk.services.targets import MAX_TARGET, TargetRecord, TargetsView
from kiosk.ui.backend import Backend
from kiosk.ui.errors import error_text, is_known_fault
from kiosk.ui.i18n import arg
from kiosk.ui.screens.base import button, label, show_message
from kiosk.ui.tasks import TaskRunner, log_task_error
from kiosk.ui.theme import MIN_TARGET_PX
from kiosk.ui.widgets.keypad import Keypad

STEP_PX = MIN_TARGET_PX + 8
"""The − and + buttons: square, a little over the smallest touch target."""
FIGURE_PX = 120
"""The figure's button: wide enough for five digits in the large text size."""
KEYPAD_PX = 360
"""The keypad beside the list: three keys of a comfortable width; the list takes the rest."""


def load_targets(backend: Backend, actor: Actor) -> TargetsView:
    """On the database worker: the groups and their targets for today and tomorrow."""
    return backend.targets.view(actor)


def save_targets(
    backend: Backend, actor: Actor, changes: Mapping[tuple[date, str], int]
) -> list[TargetRecord]:
    """On the database worker: set the changed figures (audited)."""
    return backend.targets.set(actor, changes)


def _step_button(text: str) -> QPushButton:
    step = QPushButton(text)
    step.setProperty("role", "key")
    step.setFixedSize(STEP_PX, STEP_PX)
    return step


class TargetCell(QWidget):
    """One group's target for one day: −, the figure (tap to type it on the keypad), +.  The
    figure picked for the keypad shows checked."""

    picked = Signal(object)
    """The figure was tapped: the keypad types into this cell."""
    changed = Signal()

    def __init__(self, day: date, group: str, figure: int | None) -> None:
        super().__init__()
        self.day, self.group = day, group
        self.saved_figure = figure
        self._figure = figure
        self.minus = _step_button("−")
        self.plus = _step_button("+")
        self.figure_button = QPushButton()
        self.figure_button.setCheckable(True)
        self.figure_button.setMinimumSize(FIGURE_PX, STEP_PX)
        self.figure_button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.minus.clicked.connect(lambda: self.step(-1))
        self.plus.clicked.connect(lambda: self.step(+1))
        self.figure_button.clicked.connect(lambda: self.picked.emit(self))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self.minus)
        row.addWidget(self.figure_button)
        row.addWidget(self.plus)
        self._show()

    def figure(self) -> int | None:
        """The figure shown; None while no target is set."""
        return self._figure

    def set_figure(self, figure: int) -> None:
        """Show ``figure`` (kept between 0 and the largest target)."""
        self._figure = max(0, min(MAX_TARGET, figure))
        self._show()
        self.changed.emit()

    def step(self, by: int) -> None:
        """One more or one less (from nothing, + gives 1 and − stays at 0)."""
        self.set_figure((self._figure or 0) + by)

    def is_changed(self) -> bool:
        return self._figure is not None and self._figure != self.saved_figure

    def _show(self) -> None:
        if self._figure is None:
            self.figure_button.setText(self.tr("not set"))
        else:
            self.figure_button.setText(str(self._figure))
        self.minus.setEnabled(bool(self._figure))
        self.plus.setEnabled((self._figure or 0) < MAX_TARGET)


class TargetsDialog(QDialog):
    """Groups × (today, tomorrow), the keypad, Save and Close; a volunteer cannot open it."""

    loaded = Signal(object)
    """The groups and targets are shown (a :class:`TargetsView`), or could not be read (None)."""
    saved = Signal(object)
    """The changed figures were set and audited (a list of :class:`TargetRecord`)."""
    failed = Signal(str)

    def __init__(
        self, parent: QWidget | None, backend: Backend, runner: TaskRunner, actor: Actor
    ) -> None:
        require_role(actor, "set daily targets", "officer")  # before anything is shown
        super().__init__(parent)
        self.setObjectName("Question")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._backend = backend
        self._runner = runner
        self._actor = actor
        self._view: TargetsView | None = None
        self._cells: dict[tuple[date, str], TargetCell] = {}
        self._picked: TargetCell | None = None

        self._title = label("title")
        self._hint = label("hint")
        self._today_header = label("subtitle", wrap=False)
        self._tomorrow_header = label("subtitle", wrap=False)
        self.message = label("error")
        self.message.hide()
        self.keypad = Keypad(self, max_length=len(str(MAX_TARGET)))
        self.keypad.submitted.connect(self._typed)
        self.save_button = button("primary", "check")
        self.close_button = button(None, "back")
        self.save_button.clicked.connect(self._save)
        self.close_button.clicked.connect(self.reject)

        self._rows = QWidget()
        self._grid = QGridLayout(self._rows)
        self._grid.setContentsMargins(0, 0, 8, 0)
        self._grid.setHorizontalSpacing(16)
        self._grid.setVerticalSpacing(12)
        self._grid.addWidget(self._today_header, 0, 1, Qt.AlignmentFlag.AlignCenter)
        self._grid.addWidget(self._tomorrow_header, 0, 2, Qt.AlignmentFlag.AlignCenter)
        self._grid.setColumnStretch(0, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._rows)

        side = QWidget()
        side.setFixedWidth(KEYPAD_PX)
        keys = QVBoxLayout(side)
        keys.setContentsMargins(0, 0, 0, 0)
        keys.setSpacing(12)
        keys.addWidget(self.keypad, 1)
        body = QHBoxLayout()
        body.setSpacing(32)
        body.addWidget(scroll, 1)
        body.addWidget(side)
        actions = QHBoxLayout()
        actions.setSpacing(24)
        actions.addWidget(self.close_button)
        actions.addWidget(self.message, 1)
        actions.addWidget(self.save_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(32, 24, 32, 24)
        column.setSpacing(16)
        column.addWidget(self._title)
        column.addWidget(self._hint)
        column.addLayout(body, 1)
        column.addLayout(actions)
        if parent is not None:
            self.resize(parent.size())
        self._enable(False)
        self.retranslateUi()
        runner.db(load_targets, backend, actor).success(self._loaded).failure(
            self._not_loaded
        ).owned_by(self).run()

    # --- the figures ---------------------------------------------------------------------------
    def view(self) -> TargetsView | None:
        """What was read when the dialog opened (tests read it)."""
        return self._view

    def cell(self, day: date, group: str) -> TargetCell:
        """The figure of ``group`` for ``day`` (tests tap it)."""
        return self._cells[(day, group)]

    def _loaded(self, view: TargetsView) -> None:
        self._view = view
        for row, group in enumerate(view.groups, start=1):
            name = label()
            name.setText(group)
            self._grid.addWidget(name, row, 0)
            for column, day in enumerate((view.today, view.tomorrow), start=1):
                cell = TargetCell(day, group, view.figure(day, group))
                cell.picked.connect(self._pick)
                cell.changed.connect(self._changed)
                self._cells[(day, group)] = cell
                self._grid.addWidget(cell, row, column)
        self._grid.setRowStretch(len(view.groups) + 1, 1)
        if view.groups:
            self._pick(self._cells[(view.today, view.groups[0])])
        else:
            self._say(
                self.tr("No residential group is known yet: download the ward's roster first.")
            )
        self._enable(True)
        self.retranslateUi()
        self.loaded.emit(view)

    def _not_loaded(self, error: BaseException) -> None:
        if not is_known_fault(error):
            log_task_error(error)
        self._say(error_text(error))
        self.loaded.emit(None)

    def _pick(self, cell: TargetCell) -> None:
        """The keypad types into ``cell`` from now on."""
        self._picked = cell
        for other in self._cells.values():
            other.figure_button.setChecked(other is cell)
        self.keypad.clear()
        self.keypad.setFocus()
        self.retranslateUi()

    def _typed(self, digits: str) -> None:
        if self._picked is not None:
            self._picked.set_figure(int(digits))
        self.keypad.clear()

    def _changed(self) -> None:
        count = len(self.changes())
        if count:
            text = arg(self.tr("%1 figure(s) changed: tap Save to keep them."), count)
            self._say(text, "notice")
        else:
            self._say("")
        self._enable(True)

    def changes(self) -> dict[tuple[date, str], int]:
        """The figures changed since the dialog opened (or since the last save)."""
        return {
            key: figure
            for key, cell in self._cells.items()
            if cell.is_changed() and (figure := cell.figure()) is not None
        }

    def _enable(self, on: bool) -> None:
        self.save_button.setEnabled(on and bool(self.changes()))
        self.keypad.setEnabled(on and self._picked is not None)

    # --- saving --------------------------------------------------------------------------------
    def _save(self) -> None:
        changes = self.changes()
        if not changes:
            return
        self._enable(False)
        self._say(self.tr("Saving…"), "notice")
        self._runner.db(save_targets, self._backend, self._actor, changes).success(
            self._saved
        ).failure(self._failed).owned_by(self).run()

    def _saved(self, records: list[TargetRecord]) -> None:
        for record in records:
            cell = self._cells.get((record.day, record.group))
            if cell is not None:
                cell.saved_figure = record.target
                cell.set_figure(record.target)
        self._say(
            self.tr("Saved. The targets go to the ward's server with the next sync."), "notice"
        )
        self._enable(True)
        self.saved.emit(records)

    def _failed(self, error: BaseException) -> None:
        if not is_known_fault(error) and not isinstance(error, ValueError):
            log_task_error(error)
        text = error_text(error)
        self._say(text)
        self._enable(True)
        self.failed.emit(text)

    def _say(self, text: str, role: str = "error") -> None:
        show_message(self.message, text, role)

    def clear_personal_data(self) -> None:
        """The idle lock or a sign-out: the officer's dialog goes (unsaved figures with it)."""
        self.reject()

    def changeEvent(self, event: QEvent) -> None:
        """Follow a language switch without a restart."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslateUi()
        super().changeEvent(event)

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        self.setWindowTitle(self.tr("Daily targets"))
        self._title.setText(self.tr("Daily targets per residential group"))
        self._hint.setText(
            self.tr(
                "How many residents each group should serve. Tap − or +, or tap a figure and type "
                "it on the keypad, then Save."
            )
        )
        view = self._view
        if view is None:
            self._today_header.setText(self.tr("Today"))
            self._tomorrow_header.setText(self.tr("Tomorrow"))
        else:
            self._today_header.setText(arg(self.tr("Today %1"), f"{view.today:%d/%m}"))
            self._tomorrow_header.setText(arg(self.tr("Tomorrow %1"), f"{view.tomorrow:%d/%m}"))
        picked = self._picked
        if picked is None:
            self.keypad.set_placeholder(self.tr("Tap a figure to type it here"))
        else:
            self.keypad.set_placeholder(f"{picked.group}, {picked.day:%d/%m}")
        self.save_button.setText(self.tr("Save"))
        self.close_button.setText(self.tr("Close"))
