"""Officers only: tonight's route sheet (kiosk/ui/route_sheet.py) printed on A4, or saved as PDF or
XLSX; three big buttons.

The sheet is made on the database worker when the dialog opens (the number of households and
people it lists shows at once). A file goes to the USB stick plugged in, found where the system
mounts removable media as for the session's export (:func:`kiosk.ui.widgets.usb_files.removable_roots`;
with several sticks, the officer taps one); with none, the officer chooses a folder. Writing and
printing run on the network pool, so a slow stick or spooler never holds the database worker; each
sheet printed or saved is audited with its counts (``route_sheet.print`` / ``route_sheet.export``).
"""

from __future__ import annotations

import errno
from collections.abc import Callable, Collection
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from kiosk.services.base import Actor, require_role
from kiosk.ui.backend import Backend
from kiosk.ui.errors import error_text, is_known_fault
from kiosk.ui.i18n import arg
from kiosk.ui.printing import PrintError, print_error_text
from kiosk.ui.route_sheet import (
    Format,
    IncompleteFile,
    RouteSheet,
    load_route_sheet,
    print_route_sheet,
    record_route_sheet,
    save_pdf,
    save_xlsx,
)
from kiosk.ui.screens.base import button, label, show_message
from kiosk.ui.tasks import TaskRunner, log_task_error
from kiosk.ui.widgets.usb_files import ask_folder, choose_destination, removable_roots

translate = QCoreApplication.translate

WIDTH_PX = 760
NO_ROOM = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
NOT_WRITABLE = (errno.EACCES, errno.EPERM, errno.EROFS)
GONE = (errno.ENOENT, errno.ENOTDIR, errno.ENODEV, errno.ENXIO)


class RouteSheetDialog(QDialog):
    """The counts, then Print (A4), Save PDF, Save XLSX; a volunteer cannot open it."""

    loaded = Signal(object)
    """The sheet was made (a :class:`~kiosk.ui.route_sheet.RouteSheet`), or could not be (None)."""
    saved = Signal(object)
    """A file was written (its :class:`pathlib.Path`) and audited."""
    printed = Signal(str)
    """The sheet went to this printer, and was audited."""
    failed = Signal(str)
    """Printing or saving failed: the words shown."""

    def __init__(
        self,
        parent: QWidget | None,
        backend: Backend,
        runner: TaskRunner,
        actor: Actor,
        *,
        printer: str = "",
        groups: Collection[str] | None = None,
        street: str | None = None,
        alley: str | None = None,
    ) -> None:
        require_role(actor, "make the route sheet", "officer")  # before anything is shown
        super().__init__(parent)
        self.setObjectName("Question")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(WIDTH_PX)
        self._backend = backend
        self._runner = runner
        self._actor = actor
        self._printer = printer
        self._sheet: RouteSheet | None = None
        self.find_volumes: Callable[[], list[Path]] = removable_roots
        """Where a USB stick is mounted (tests give a directory)."""
        self.ask_folder: Callable[[], Path | None] = self._ask_folder
        """With no stick: the folder to save in, None when the officer gives up."""

        self._title = label("title")
        self._counts = label("subtitle")
        self._where = label("hint")
        self.message = label("error")
        self.message.hide()
        self.print_button = button("primary", "printer")
        self.pdf_button = button(None, "upload")
        self.xlsx_button = button(None, "upload")
        self.close_button = button(None, "back")
        self.print_button.clicked.connect(self._print)
        self.pdf_button.clicked.connect(lambda: self._save("pdf"))
        self.xlsx_button.clicked.connect(lambda: self._save("xlsx"))
        self.close_button.clicked.connect(self.reject)
        column = QVBoxLayout(self)
        column.setContentsMargins(40, 32, 40, 32)
        column.setSpacing(20)
        for widget in (self._title, self._counts, self._where, self.message):
            column.addWidget(widget)
        for action in (self.print_button, self.pdf_button, self.xlsx_button, self.close_button):
            column.addWidget(action)
        self._enable(False)
        self.retranslateUi()
        runner.db(load_route_sheet, backend, actor, groups, street, alley).success(
            self._loaded
        ).failure(self._not_loaded).owned_by(self).run()

    # --- the sheet ---------------------------------------------------------------------------------
    def sheet(self) -> RouteSheet | None:
        """The sheet made for this dialog (tests read it)."""
        return self._sheet

    def _loaded(self, sheet: RouteSheet) -> None:
        self._sheet = sheet
        self._enable(True)
        self.retranslateUi()
        self.loaded.emit(sheet)

    def _not_loaded(self, error: BaseException) -> None:
        if not is_known_fault(error):
            log_task_error(error)
        self._say(error_text(error))
        self.loaded.emit(None)

    def _enable(self, on: bool) -> None:
        on = on and self._sheet is not None and self._sheet.household_count > 0
        for action in (self.print_button, self.pdf_button, self.xlsx_button):
            action.setEnabled(on)

    # --- on paper ----------------------------------------------------------------------------------
    def _print(self) -> None:
        sheet = self._sheet
        if sheet is None:
            return
        self._enable(False)
        self._say(self.tr("Printing…"), "notice")
        self._runner.net(print_route_sheet, sheet, self._printer).success(
            lambda name: self._done(sheet, None, name)
        ).failure(self._print_failed).owned_by(self).run()

    def _print_failed(self, error: BaseException) -> None:
        if not isinstance(error, PrintError):
            self._failed(error)
            return
        name = error.printer or self._printer
        if error.reason == "not_opened":
            text = arg(
                self.tr(
                    "The printer %1 did not take the route sheet. Check that it is on, then try again."
                ),
                name,
            )
        elif error.reason == "failed":
            text = arg(
                self.tr(
                    "The printer %1 stopped printing the route sheet. Check its paper, then try again."
                ),
                name,
            )
        else:  # no printer, or the chosen one is not there: the receipt's words say it
            text = print_error_text(error, self._printer)
        self._show_failure(text)

    # --- to a file ---------------------------------------------------------------------------------
    def _save(self, fmt: Format) -> None:
        if self._sheet is None:
            return
        self._enable(False)
        self._say(self.tr("Looking for a USB stick…"), "notice")
        choose_destination(
            self, self._runner, self.find_volumes, self.ask_folder,
            several=self.tr(
                "Several USB sticks are plugged in. Tap the one to save the route sheet on."
            ),
            chosen=lambda folder: self._write(fmt, folder),
            given_up=self._given_up,
        )  # fmt: skip

    def _given_up(self) -> None:
        self._say("")
        self._enable(True)

    def _ask_folder(self) -> Path | None:
        return ask_folder(self, self.tr("No USB stick: choose a folder for the route sheet"))

    def _write(self, fmt: Format, folder: Path) -> None:
        sheet = self._sheet
        if sheet is None:
            return
        self._say(self.tr("Saving…"), "notice")
        save = save_pdf if fmt == "pdf" else save_xlsx
        self._runner.net(save, sheet, folder).success(
            lambda path: self._done(sheet, fmt, path)
        ).failure(lambda error: self._show_failure(save_error_text(error, folder))).owned_by(
            self
        ).run()

    # --- afterwards --------------------------------------------------------------------------------
    def _done(self, sheet: RouteSheet, fmt: Format | None, where: Path | str) -> None:
        """Printed or saved: audited (counts only), then said."""
        if isinstance(where, Path):
            text = arg(self.tr("Saved as %1 in %2."), where.name, where.parent.name or where.parent)
        else:
            text = arg(self.tr("Sent to the printer %1."), where)
        self._say(text, "notice")
        self._enable(True)

        def recorded(_none: None) -> None:
            if isinstance(where, Path):
                self.saved.emit(where)
            else:
                self.printed.emit(where)

        self._runner.db(record_route_sheet, self._backend, self._actor, sheet, fmt).success(
            recorded
        ).failure(self._failed).owned_by(self).run()

    def _failed(self, error: BaseException) -> None:
        if not is_known_fault(error):
            log_task_error(error)
        self._show_failure(error_text(error))

    def _say(self, text: str, role: str = "error") -> None:
        """A message under the counts ("" hides it); the dialog grows or shrinks to fit."""
        show_message(self.message, text, role)
        self._fit()

    def _fit(self) -> None:
        """As tall as the wrapped texts need at the dialog's width: a top-level window does not
        grow to fit its labels' height-for-width by itself."""
        width = max(self.width(), WIDTH_PX)
        height = self.heightForWidth(width)
        if height > 0:
            self.resize(width, height)

    def showEvent(self, event: QShowEvent) -> None:
        """Shown, the theme's fonts are set: fit the texts now."""
        super().showEvent(event)
        self._fit()

    def _show_failure(self, text: str) -> None:
        self._say(text)
        self._enable(True)
        self.failed.emit(text)

    def clear_personal_data(self) -> None:
        """The idle lock or a sign-out: the sheet (names) goes, and so does the dialog."""
        self._sheet = None
        self.reject()

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        self._title.setText(self.tr("Route sheet for tonight's round"))
        sheet = self._sheet
        if sheet is None:
            counts = self.tr("Making the list of households not yet done…")
        elif not sheet.household_count:
            counts = self.tr("Every household is done: there is nobody left to visit.")
        else:
            counts = arg(
                self.tr("%1 household(s) not yet done, %2 person(s) to see."),
                sheet.household_count,
                sheet.member_count,
            )
        self._counts.setText(counts)
        self._where.setText(
            self.tr(
                "ID numbers are masked. Files go to the USB stick plugged in; without one, you "
                "choose a folder."
            )
        )
        self.print_button.setText(self.tr("Print (A4)"))
        self.pdf_button.setText(self.tr("Save as PDF"))
        self.xlsx_button.setText(self.tr("Save as a spreadsheet (XLSX)"))
        self.close_button.setText(self.tr("Close"))
        self._fit()


def save_error_text(error: BaseException, folder: Path) -> str:
    """Words for a file that could not be saved in ``folder``; nothing was left there."""
    place = folder.name or str(folder)
    if isinstance(error, IncompleteFile | PrintError):
        return translate(
            "RouteSheetDialog",
            "The PDF could not be made, so nothing was saved. The kiosk's disk may be full: "
            "ask an officer to check it.",
        )
    if isinstance(error, OSError) and error.errno in NO_ROOM:
        text = translate(
            "RouteSheetDialog",
            "There is not enough room on %1, so nothing was saved. Free some space on it, or use "
            "another USB stick.",
        )
    elif isinstance(error, OSError) and error.errno in NOT_WRITABLE:
        text = translate(
            "RouteSheetDialog",
            "%1 cannot be written to (is the USB stick write-protected?), so nothing was saved.",
        )
    elif isinstance(error, OSError) and error.errno in GONE:
        text = translate(
            "RouteSheetDialog",
            "%1 is not there any more (was the USB stick taken out?), so nothing was saved.",
        )
    else:
        return error_text(error)
    return arg(text, place)
