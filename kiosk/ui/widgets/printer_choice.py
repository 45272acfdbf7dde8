"""Settings: which printer prints the receipts, and on which paper (an 80 mm roll or A4).

The printers are the system's (CUPS queues, Windows printers), asked on a worker when Settings
opens: with a network printer the answer can take a while. Nothing chosen ("") means the system's
default printer. When the computer has no printer, the widget says so in words.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.ui.i18n import arg
from kiosk.ui.preferences import PAPERS, printer_in_use
from kiosk.ui.screens.base import label
from kiosk.ui.widgets.choice import ChoiceRow

NAME_SHOWN_MAX = 40
"""A printer's name longer than this is cut on its button (``…``): the column keeps its width."""

translate = QCoreApplication.translate


def _short(name: str) -> str:
    return name if len(name) <= NAME_SHOWN_MAX else name[: NAME_SHOWN_MAX - 1] + "…"


class PrinterChoice(QWidget):
    """The printer (one big button per printer) and the paper; a tap chooses."""

    printer_chosen = Signal(str)
    paper_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names: tuple[str, ...] = ()
        self._default: str | None = None
        self._chosen = ""
        self._known = False
        """Whether the system's printers were asked yet (until then, nothing is said)."""

        self._printer_title = label("subtitle")
        self._state = label("hint")
        self._state.hide()
        self.printer_choice = ChoiceRow((), columns=1)
        self._paper_title = label("subtitle")
        self.paper_choice = ChoiceRow(PAPERS, columns=1)  # "Cuộn giấy in phiếu 80 mm" is long
        self.paper_choice.chosen.connect(self.paper_chosen.emit)

        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(10)
        for widget in (self._printer_title, self._state, self.printer_choice):
            self._layout.addWidget(widget)
        self._layout.addSpacing(14)
        self._layout.addWidget(self._paper_title)
        self._layout.addWidget(self.paper_choice)
        self.retranslateUi()

    def set_values(self, printer: str, paper: str) -> None:
        """The values in force (the preferences), without emitting."""
        self._chosen = printer
        self.paper_choice.set_value(paper)
        self._show_printers()

    def show_printers(self, names: tuple[str, ...], default: str | None) -> None:
        """The printers the system knows now (``printing.printers()``, asked on a worker)."""
        self._known = True
        if names != self._names:
            self._names = names
            row = ChoiceRow(names, columns=1)
            row.chosen.connect(self._choose)
            self._layout.replaceWidget(self.printer_choice, row)
            self.printer_choice.hide()
            self.printer_choice.deleteLater()
            self.printer_choice = row
        self._default = default
        self._show_printers()

    def _choose(self, name: str) -> None:
        self._chosen = name
        self.printer_chosen.emit(name)
        self._show_printers()

    def _show_printers(self) -> None:
        labels = [
            arg(translate("PrinterChoice", "%1 (default)"), _short(n))
            if n == self._default
            else _short(n)
            for n in self._names
        ]
        self.printer_choice.set_labels(labels)
        self.printer_choice.setVisible(bool(self._names))
        in_use = printer_in_use(self._chosen, self._names, self._default)
        self.printer_choice.clear()
        self.printer_choice.set_value(in_use)
        if not self._known:
            state = ""
        elif not self._names:
            state = translate(
                "PrinterChoice",
                "No printer is connected to this computer: receipts are shown on the screen only.",
            )
        elif self._chosen and self._chosen not in self._names:
            state = arg(
                translate(
                    "PrinterChoice",
                    "The chosen printer %1 is not connected. Connect it, or choose another one.",
                ),
                _short(self._chosen),
            )
        elif not in_use:
            state = translate("PrinterChoice", "Choose the printer for the receipts.")
        else:
            state = ""
        self._state.setText(state)
        self._state.setVisible(bool(state))

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        self._printer_title.setText(translate("PrinterChoice", "Printer for receipts"))
        self._paper_title.setText(translate("PrinterChoice", "Paper"))
        self.paper_choice.set_labels(
            [
                translate("PrinterChoice", "80 mm receipt roll"),
                translate("PrinterChoice", "A4 sheet"),
            ]
        )
        self._show_printers()
