"""A small navigator over a QStackedWidget that checks who may open each screen."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QStackedWidget

from kiosk.ui.screens.base import Access, Screen


def allowed(access: Access, role: str | None, needs_setup: bool) -> bool:
    """Whether an operator of ``role`` (None: nobody signed in) may open a screen of ``access``."""
    if access == "anyone":
        return True
    if access == "setup":
        return needs_setup
    if access == "operator":
        return role in ("officer", "volunteer")
    return role == "officer"


class Navigator(QObject):
    """Switches the visible screen by name; a screen the current operator may not open is refused."""

    current_changed = Signal(str)
    refused = Signal(str)

    def __init__(
        self,
        stack: QStackedWidget,
        role: Callable[[], str | None],
        needs_setup: Callable[[], bool],
    ) -> None:
        super().__init__(stack)
        self._stack = stack
        self._role = role
        self._needs_setup = needs_setup
        self._screens: dict[str, Screen] = {}
        self._current = ""

    def add(self, name: str, screen: Screen) -> None:
        """Register a screen under ``name``."""
        self._screens[name] = screen
        self._stack.addWidget(screen)

    def screen(self, name: str) -> Screen:
        """The screen registered as ``name``."""
        return self._screens[name]

    def screens(self) -> Iterator[tuple[str, Screen]]:
        """Every registered screen with its name."""
        yield from self._screens.items()

    def current(self) -> str:
        """The name of the screen on show ("" before the first)."""
        return self._current

    def may_open(self, name: str) -> bool:
        """Whether the current operator may open ``name`` now."""
        return allowed(self._screens[name].access, self._role(), self._needs_setup())

    def go(self, name: str) -> bool:
        """Show ``name`` if the current operator may open it; otherwise emit ``refused``."""
        if not self.may_open(name):
            self.refused.emit(name)
            return False
        screen = self._screens[name]
        previous = self._screens.get(self._current)
        if previous is not None and previous is not screen:
            previous.left()
        self._stack.setCurrentWidget(screen)
        self._current = name
        screen.entered()
        self.current_changed.emit(name)
        return True

    def clear_personal_data(self) -> None:
        """Make every screen forget what it showed (idle lock, sign-out)."""
        for screen in self._screens.values():
            screen.clear_personal_data()
