"""An officer's co-sign on a volunteer's screen: their tile and their PIN, nobody signed out.

DESIGN.md §2 step 7 and §6: two people check every record, and at the shared desk the officer
sits beside the volunteer. Signing the volunteer out and the officer in, and back, would stop the
queue; so the officer taps their tile here and types their PIN, and verification opens as that
officer for one round. The PIN is checked by the same service as at sign-in (wrong PINs count
towards the same lockout).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.services.auth import OperatorInfo
from kiosk.services.base import Actor
from kiosk.ui.backend import Backend
from kiosk.ui.errors import error_text, is_known_fault
from kiosk.ui.screens.base import button, label, show_message
from kiosk.ui.tasks import TaskRunner, log_task_error
from kiosk.ui.widgets.choice import ChoiceRow
from kiosk.ui.widgets.keypad import Keypad


class CoSignDialog(QDialog):
    """Officer tiles and a PIN keypad; ``signed`` carries the officer's :class:`Actor`."""

    signed = Signal(object)

    def __init__(
        self,
        parent: QWidget,
        backend: Backend,
        runner: TaskRunner,
        officers: list[OperatorInfo],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Question")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(760)
        self._backend = backend
        self._runner = runner
        self._officers = officers
        self._title = label("title")
        self._hint = label("subtitle")
        self.choice = ChoiceRow([o.id for o in officers], columns=2, take_focus=False)
        self.choice.set_labels([o.name for o in officers])
        self.choice.chosen.connect(lambda _id: self._chosen())
        self.keypad = Keypad(masked=True, min_length=6)
        self.keypad.submitted.connect(self._pin)
        self.keypad.setEnabled(False)
        self.message = label("error")
        self.message.hide()
        self.cancel_button = button(None, "back")
        self.cancel_button.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self._title, 1)
        top.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(16)
        layout.addLayout(top)
        layout.addWidget(self._hint)
        layout.addWidget(self.choice)
        layout.addWidget(self.message)
        layout.addWidget(self.keypad, 1)
        self._title.setText(self.tr("An officer checks it now"))
        self._hint.setText(
            self.tr("Officer: tap your name and type your PIN. Nobody is signed out.")
            if officers
            else self.tr("No officer can sign here yet: an officer must be added first.")
        )
        self.cancel_button.setText(self.tr("Cancel"))
        if len(officers) == 1:
            self.choice.set_value(officers[0].id)
            self._chosen()

    def _chosen(self) -> None:
        self.keypad.setEnabled(True)
        self.keypad.clear()
        show_message(self.message, "")
        self.keypad.setFocus()

    def _pin(self, pin: str) -> None:
        officer = self.choice.value()
        if officer is None:
            return
        self.keypad.setEnabled(False)
        self._runner.db(self._backend.auth.sign_in, officer, pin).success(self._signed).failure(
            self._refused
        ).owned_by(self).run()

    def _signed(self, actor: Actor) -> None:
        if actor.role != "officer":  # the tiles list officers only; the service says who it is
            self._refused(PermissionError("not an officer"))
            return
        self.signed.emit(actor)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        if not is_known_fault(error):
            log_task_error(error)
        self.keypad.setEnabled(True)
        self.keypad.clear()
        show_message(self.message, error_text(error))
