"""The ward's roster from a USB stick, for the settings (officers): choose the file, watch it go in.

The import (``Backend.import_roster_file``: the file checked whole, then applied a page a
transaction) runs on a worker; it writes its progress into a plain holder that a timer on the UI
thread reads ten times a second, so the UI thread never waits and no Python object crosses
threads through a signal (``kiosk.ui.tasks``).  Cancel stops it between two pages.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer, Signal
from PySide6.QtWidgets import QProgressBar, QVBoxLayout, QWidget

from kiosk.exchange.roster_stick import (
    ROSTER_SUFFIX,
    RosterFileChanged,
    RosterFileOtherWard,
    RosterFileSignatureError,
    RosterFileTruncated,
    RosterFileUnreadable,
)
from kiosk.services.base import Actor
from kiosk.sync.errors import NotEnrolled
from kiosk.sync.roster_import import RosterImport, RosterImportProgress
from kiosk.ui.backend import Backend
from kiosk.ui.errors import error_text
from kiosk.ui.i18n import arg
from kiosk.ui.screens.base import button, label, show_message
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.widgets.usb_files import UsbFileChoice

__all__ = ["RosterImportPanel"]

PROGRESS_MS = 100


class _Latest:
    """The import's latest progress: written by the worker, read by the UI thread's timer."""

    def __init__(self) -> None:
        self.value: RosterImportProgress | None = None

    def __call__(self, progress: RosterImportProgress) -> None:
        self.value = progress


def _number(value: int) -> str:
    return QLocale().toString(value)


class RosterImportPanel(QWidget):
    """The roster files on the sticks, then the import's progress and its outcome."""

    finished = Signal()
    """An import ended: imported, stopped or refused (the message says which)."""

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
        self._latest = _Latest()
        self._cancel = threading.Event()
        self._running = False
        self.files = UsbFileChoice(runner, ROSTER_SUFFIX)
        self.files.chosen.connect(self.start)
        self.progress_text = label()
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)  # the label says it, translated and never cut
        self.message = label("notice")
        self.cancel_button = button("danger", "ban")
        self.cancel_button.clicked.connect(self.cancel)
        self._timer = QTimer(self)
        self._timer.setInterval(PROGRESS_MS)
        self._timer.timeout.connect(self._show_progress)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(14)
        for widget in (self.files, self.progress_text, self.bar, self.message, self.cancel_button):
            column.addWidget(widget)
        column.addStretch(1)
        self._show_idle()
        self.retranslateUi()

    def running(self) -> bool:
        """Whether an import is under way."""
        return self._running

    def shown(self) -> None:
        """The page is shown: look at the sticks (unless an import is under way)."""
        if not self._running:
            show_message(self.message, "")
            self.files.look()

    def start(self, path: Path) -> None:
        """Import ``path`` on a worker (the signed-in officer's)."""
        actor = self._current_actor()
        if actor is None or self._running:
            return
        self._running = True
        self._latest = _Latest()
        self._cancel = threading.Event()
        self.files.setEnabled(False)
        show_message(self.message, "")
        self.bar.setRange(0, 0)  # busy until the first figures come
        for widget in (self.progress_text, self.bar, self.cancel_button):
            widget.show()
        self.cancel_button.setEnabled(True)
        self.progress_text.setText(self.tr("Checking the file…"))
        self._timer.start()
        self._runner.net(
            self._backend.import_roster_file, actor, path, self._latest, self._cancel
        ).success(self._done).failure(self._failed).owned_by(self).run()

    def cancel(self) -> None:
        """Stop after the page being applied; what is in stays in."""
        self._cancel.set()
        self.cancel_button.setEnabled(False)
        self.progress_text.setText(self.tr("Stopping after this part…"))

    def _show_progress(self) -> None:
        progress = self._latest.value
        if progress is None or self._cancel.is_set():
            return
        if progress.stage == "checking":
            self.bar.setRange(0, progress.pages)
            self.bar.setValue(progress.pages_done)
            self.progress_text.setText(
                arg(
                    self.tr("Checking the file: part %1 of %2"),
                    _number(progress.pages_done),
                    _number(progress.pages),
                )
            )
            return
        self.bar.setRange(0, max(progress.residents, 1))
        self.bar.setValue(progress.residents_done)
        self.progress_text.setText(
            arg(
                self.tr("Importing: %1 of %2 residents (part %3 of %4)"),
                _number(progress.residents_done),
                _number(progress.residents),
                _number(progress.pages_done),
                _number(progress.pages),
            )
        )

    def _show_idle(self) -> None:
        self._timer.stop()
        self._running = False
        self.files.setEnabled(True)
        for widget in (self.progress_text, self.bar, self.cancel_button):
            widget.hide()

    def _done(self, result: RosterImport) -> None:
        self._show_idle()
        if result.complete:
            made = datetime.fromisoformat(result.generated_at).astimezone()
            text = arg(
                self.tr(
                    "The roster of %1 is imported: %2 residents, %3 vehicles and %4 licences, "
                    "from the file made on %5."
                ),
                result.ward,
                _number(result.residents),
                _number(result.vehicles),
                _number(result.licences),
                f"{made:%d/%m/%Y %H:%M}",
            )
        else:
            text = arg(
                self.tr(
                    "Import stopped: %1 of %2 residents are in. Tap the file again to import "
                    "it all."
                ),
                _number(result.residents_done),
                _number(result.residents),
            )
        show_message(self.message, text, "notice")
        self.finished.emit()

    def _failed(self, error: BaseException) -> None:
        self._show_idle()
        show_message(self.message, self._error_text(error))
        self.finished.emit()

    def _error_text(self, error: BaseException) -> str:
        nothing = self.tr("Nothing was imported.")
        if isinstance(error, NotEnrolled):
            return self.tr(
                "This kiosk is not enrolled with the ward's server, so it cannot check the "
                "file. Enrol it first (Enrol with a server)."
            )
        if isinstance(error, RosterFileChanged):
            return self.tr(
                "The file changed or could not be read during the import (was the USB stick "
                "taken out?). Put it back and tap the file again."
            )
        if isinstance(error, RosterFileSignatureError) and error.other_key:
            return self.tr(
                "This file was not made by this kiosk's ward server. Ask the ward office for "
                "the right file."
            ) + (" " + nothing)
        if isinstance(error, RosterFileSignatureError):
            return self.tr(
                "This file was changed or damaged after the ward server made it. Ask the ward "
                "office for a new file."
            ) + (" " + nothing)
        if isinstance(error, RosterFileTruncated):
            return self.tr(
                "This file is incomplete: it was cut short, perhaps while it was copied. Copy "
                "it to the USB stick again."
            ) + (" " + nothing)
        if isinstance(error, RosterFileOtherWard):
            return arg(self.tr("This file is the roster of another ward (%1)."), error.ward) + (
                " " + nothing
            )
        if isinstance(error, RosterFileUnreadable):
            return self.tr("This is not a roster file, or it cannot be read.") + (" " + nothing)
        return error_text(error)

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        self.files.retranslateUi()
        self.cancel_button.setText(self.tr("Stop the import"))
