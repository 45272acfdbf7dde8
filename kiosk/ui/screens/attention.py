"""Officers only: the records the upload could not finish, each with what an officer can do.

DESIGN.md §4 and §5: a record the ward's server refused as invalid goes back to the volunteer
with the server's reasons in words; one whose id the server holds with other content is
re-created as a new submission; one that failed alone again and again is retried or sent back.
Every action runs on the database worker; the list is read again after each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.domain.masking import mask_id_number
from kiosk.services.base import Actor
from kiosk.services.verify import Attention, AttentionItem
from kiosk.store.errors import InvalidTransition, NotFound
from kiosk.store.lifecycle import SubmissionRecord
from kiosk.ui.backend import Backend
from kiosk.ui.errors import error_text
from kiosk.ui.i18n import arg
from kiosk.ui.screens.base import Screen, button, label, scrolling, show_message
from kiosk.ui.tasks import TaskRunner
from kiosk.ui.visit_rules import rule_text

__all__ = ["ACTIONS", "GROUPS", "AttentionScreen"]

GROUPS = ("rejected", "conflict", "held")
ACTIONS = ("return", "supersede", "retry")


class _ItemCard(QFrame):
    """One record: who and which, why it is here, and its actions (``buttons`` by action)."""

    def __init__(self, item: AttentionItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.item = item
        self.head = label("subtitle")
        self.detail = label("hint")
        self.why = label()
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.setSpacing(16)
        actions = {"rejected": ("return",), "conflict": ("supersede",), "held": ("retry", "return")}
        for action in actions[item.status]:
            role, name = {
                "return": (None, "back"),
                "supersede": ("primary", "plus"),
                "retry": ("primary", "upload"),
            }[action]
            self.buttons[action] = button(role, name)
            row.addWidget(self.buttons[action])
        row.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 16)
        column.setSpacing(10)
        for text in (self.head, self.detail, self.why):
            column.addWidget(text)
        column.addLayout(row)


class AttentionScreen(Screen):
    """Rejected, conflicting and held records, in three groups, oldest first in each."""

    access = "officer"
    shown = Signal(object)
    """The :class:`~kiosk.services.verify.Attention` now on show (tests wait on it)."""
    acted = Signal(str)
    """An action on a record finished (carries its id); the list is being read again."""
    recreated = Signal(str)
    """A conflicting record was re-created: carries the new draft's id (to open it)."""

    def __init__(
        self,
        backend: Backend,
        runner: TaskRunner,
        current_actor: Callable[[], Actor | None],
        ask_server: Callable[[Actor, list[str]], dict[str, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._backend = backend
        self._runner = runner
        self._current_actor = current_actor
        self._ask_server = ask_server
        """Whether the ward's server already holds some ids (a ``500`` may have come after it
        stored a batch); None: a demo station, nothing to ask."""
        self._attention = Attention()
        self._cards: list[_ItemCard] = []
        self._busy = False

        self._title = label("title")
        self._message = label("notice")
        self._message.hide()
        self._empty = label("subtitle")
        self._headers = {group: label("subtitle") for group in GROUPS}
        self._boxes = {group: QVBoxLayout() for group in GROUPS}
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 16, 0)
        column.setSpacing(14)
        column.addWidget(self._empty)
        for group in GROUPS:
            self._boxes[group].setSpacing(12)
            column.addWidget(self._headers[group])
            column.addLayout(self._boxes[group])
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 16, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(self._title)
        layout.addWidget(self._message)
        layout.addWidget(scrolling(page), 1)
        self._show(Attention())

    # --- the list ------------------------------------------------------------------------------
    def entered(self) -> None:
        """Read the list (on the database worker)."""
        show_message(self._message, "")
        self.reload()

    def reload(self) -> None:
        """Read what needs an officer again."""
        actor = self._current_actor()
        if actor is None:
            return
        self._runner.db(self._backend.verify.attention, actor).success(self._show).owned_by(
            self
        ).run()

    def _show(self, attention: Attention) -> None:
        self._attention = attention
        for old in self._cards:
            old.hide()
            old.deleteLater()
        self._cards = []
        for group in GROUPS:
            for item in getattr(attention, group):
                item_card = _ItemCard(item)
                for action, target in item_card.buttons.items():
                    target.clicked.connect(lambda _=False, a=action, i=item: self._act(a, i))
                self._boxes[group].addWidget(item_card)
                item_card.show()
                self._cards.append(item_card)
        self._busy = False
        self.retranslateUi()
        self.shown.emit(attention)

    def attention(self) -> Attention:
        """What is on show (tests read it)."""
        return self._attention

    def card_for(self, reference: str) -> _ItemCard:
        """The card of the record with this reference code (tests tap its buttons)."""
        for item_card in self._cards:
            if item_card.item.reference == reference:
                return item_card
        raise LookupError("no record with that code on show")

    # --- actions -------------------------------------------------------------------------------
    def _act(self, action: str, item: AttentionItem) -> None:
        """An officer's action; a held or rejected record is first checked with the ward's
        server, so that a visit it already stored is never sent back and stored twice."""
        actor = self._current_actor()
        if actor is None or self._busy:
            return
        if action in ("return", "retry") and self._ask_server is not None:
            self._set_busy(True)
            self._runner.net(self._ask_server, actor, [item.id]).success(
                lambda found: self._checked(action, item, found.get(item.id, "not_checked"))
            ).failure(lambda error: self._unchecked(action, item, error)).owned_by(self).run()
            return
        self._do(action, item)

    def _checked(self, action: str, item: AttentionItem, outcome: str) -> None:
        self._set_busy(False)
        if outcome in ("sent", "conflict", "at_server"):
            show_message(
                self._message,
                arg(
                    self.tr("The ward's server already has %1: nothing goes back or again."),
                    item.full_name or item.reference,
                ),
                "notice",
            )
            self.acted.emit(item.id)
            self.reload()
            return
        self._do(action, item)

    def _unchecked(self, action: str, item: AttentionItem, error: BaseException) -> None:
        """The server could not be asked: a retry is safe (the engine asks before sending);
        sending back is not, as the server may hold the visit already."""
        self._set_busy(False)
        if action == "retry":
            self._do(action, item)
            return
        show_message(
            self._message,
            self.tr(
                "The ward's server cannot be asked now whether it has this record, so it is not "
                "sent back yet. Try again when the kiosk is online."
            ),
            "error",
        )

    def _do(self, action: str, item: AttentionItem) -> None:
        actor = self._current_actor()
        if actor is None:
            return
        verify = self._backend.verify
        work: tuple[Callable[..., SubmissionRecord], tuple[Any, ...]]
        if action == "return":
            reason = self.rejected_reason(item.codes) if item.status == "rejected" else None
            work = (verify.return_, (item.id, reason or self.held_reason()))
        elif action == "supersede":
            work = (verify.supersede, (item.id,))
        else:
            work = (verify.retry_held, (item.id,))
        self._set_busy(True)
        fn, args = work
        self._runner.db(fn, actor, *args).success(
            lambda record: self._done(action, item, record)
        ).failure(lambda error: self._failed(item, error)).owned_by(self).run()

    def _set_busy(self, busy: bool) -> None:
        """One action at a time: a second tap waits for the list to be read again."""
        self._busy = busy
        for item_card in self._cards:
            for target in item_card.buttons.values():
                target.setEnabled(not busy)

    def _done(self, action: str, item: AttentionItem, record: SubmissionRecord) -> None:
        who = item.full_name or item.reference
        if action == "return":
            text = arg(self.tr("%1 was sent back to the volunteer with the reasons."), who)
        elif action == "supersede":
            text = arg(
                self.tr("%1 was re-created as a new visit, code %2: continue it from Home."),
                who,
                record.reference,
            )
        else:
            text = arg(self.tr("%1 is queued to be sent again."), who)
        show_message(self._message, text, "notice")
        self.acted.emit(item.id)
        if action == "supersede":
            self.recreated.emit(record.id)
        self.reload()

    def _failed(self, item: AttentionItem, error: BaseException) -> None:
        if isinstance(error, InvalidTransition | NotFound):
            text = self.tr("This record changed in the meantime: the list is up to date again.")
        else:
            text = error_text(error)
        show_message(self._message, text, "error")
        self.acted.emit(item.id)
        self.reload()

    def rejected_reason(self, codes: Iterable[str]) -> str:
        """The reason a rejected record goes back with: the server's rule codes in words."""
        words = list(dict.fromkeys(rule_text(code) for code in codes))
        if not words:
            return self.tr(
                "The ward's server did not accept this record. Please check it with the resident."
            )
        return arg(self.tr("The ward's server did not accept it: %1"), " ".join(words))

    def held_reason(self) -> str:
        """The reason a held record goes back with."""
        return self.tr(
            "The ward's server could not take this record. Please check it with the resident "
            "and save it again."
        )

    # --- texts ---------------------------------------------------------------------------------
    def clear_personal_data(self) -> None:
        """Names and ID numbers go with the list."""
        show_message(self._message, "")
        self._show(Attention())

    def retranslateUi(self) -> None:
        """Texts in the current language."""
        self._title.setText(self.tr("Records that need an officer"))
        attention = self._attention
        self._empty.setText(self.tr("Nothing needs an officer now."))
        self._empty.setVisible(attention.total == 0)
        headers = {
            "rejected": self.tr("Not accepted by the ward's server (%1)"),
            "conflict": self.tr("The server holds other content under the same record (%1)"),
            "held": self.tr("The server keeps failing on these (%1)"),
        }
        for group in GROUPS:
            count = len(getattr(attention, group))
            self._headers[group].setText(arg(headers[group], count))
            self._headers[group].setVisible(count > 0)
        for item_card in self._cards:
            self._label_card(item_card)

    def _label_card(self, item_card: _ItemCard) -> None:
        item = item_card.item
        parts = [item.full_name or "—", mask_id_number(item.id_number), item.reference]
        item_card.head.setText(" · ".join(p for p in parts if p))
        since = f"{item.since.astimezone():%H:%M %d/%m/%Y}"
        item_card.detail.setText(
            arg(self.tr("Captured by %1 · since %2"), item.captured_by or "—", since)
        )
        item_card.why.setText(self._why(item))
        texts = {
            "return": self.tr("Send back to the volunteer"),
            "supersede": self.tr("Re-create as new"),
            "retry": self.tr("Retry"),
        }
        for action, target in item_card.buttons.items():
            target.setText(texts[action])

    def _why(self, item: AttentionItem) -> str:
        if item.status == "rejected":
            words = list(dict.fromkeys(rule_text(code) for code in item.codes))
            if not words:
                return self.tr("The server gave no reason.")
            return "\n".join(f"• {w}" for w in words)
        if item.status == "conflict":
            return self.tr(
                "The server already has a different record under this one's number. Re-create "
                "it: a new visit with the same answers, to check and save again."
            )
        return self.tr(
            "The server failed on it %n time(s); the kiosk no longer retries it by itself.",
            "",
            item.failures,
        )
