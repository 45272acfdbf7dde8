"""A keyboard-wedge scanner and a person at a keyboard, as key events with their own timestamps.

The kiosk's filter judges keys by ``QKeyEvent.timestamp()``; these helpers give each key the time
a scanner (a few ms apart) or a person (a hundred ms and more) would, and send it to the widget
that has the focus, as Qt delivers a key.
"""

from __future__ import annotations

import random
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.store import Store
from kiosk.store.registry import save_household, save_resident
from kiosk.ui.main_window import MainWindow
from tests.store.fixtures import START
from tests.store.synthetic import make_resident

_clock = [10_000_000.0]
"""The keys' clock, in ms: it only moves forward, across every test."""

HOUSEHOLD = {"id": "hh-scan", "group": "Tổ dân phố 3", "address": "Số 12 ngõ 5 phố Yên Nghĩa"}
RESIDENT = {
    **make_resident(random.Random(11), 11),
    "id_number": "001188012345",
    "full_name": "Nguyễn Thị Hường",
    "birth_date": "1988-04-12",
    "sex": "female",
}
SPOUSE = {**make_resident(random.Random(12), 12), "full_name": "Lê Văn Toàn"}


def seed(store: Store) -> None:
    """The resident of these tests, with a spouse, in the roster cache."""
    with store.write() as session:
        save_household(session, HOUSEHOLD, at=START)
        save_resident(session, RESIDENT, at=START, household_id=HOUSEHOLD["id"])
        save_resident(session, SPOUSE, at=START, household_id=HOUSEHOLD["id"])


def card_text(person: dict[str, Any] = RESIDENT, *, address: str | None = None) -> str:
    """The QR text of ``person``'s chip ID card (formats reference §1), 7 fields."""
    born = date.fromisoformat(person["birth_date"])
    sex = "Nữ" if person["sex"] == "female" else "Nam"
    where = address or "Số 12, ngõ 5, phường Yên Nghĩa, quận Hà Đông, Hà Nội"
    return f"{person['id_number']}||{person['full_name']}|{born:%d%m%Y}|{sex}|{where}|01022022"


def _key_for(char: str) -> int:
    if char == " ":
        return int(Qt.Key.Key_Space)
    if char == "|":
        return int(Qt.Key.Key_Bar)
    if char.isascii() and char.isalnum():
        return ord(char.upper())
    return 0


def _send(kind: QEvent.Type, key: int, text: str, at: float) -> None:
    event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text)
    event.setTimestamp(round(at))
    target: QWidget | None = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "no widget to type into"
    QApplication.sendEvent(target, event)


def keys(text: str, gaps_ms: float | list[float], *, enter: bool = False) -> None:
    """Press and release each character of ``text``, ``gaps_ms`` apart on the keys' clock."""
    _clock[0] += 10_000  # a pause before: a new burst
    for index, char in enumerate(text):
        gap = gaps_ms[index] if isinstance(gaps_ms, list) else gaps_ms
        _clock[0] += gap
        _send(QEvent.Type.KeyPress, _key_for(char), char, _clock[0])
        _send(QEvent.Type.KeyRelease, _key_for(char), char, _clock[0] + 1)
    if enter:
        _clock[0] += gaps_ms if not isinstance(gaps_ms, list) else 4
        _send(QEvent.Type.KeyPress, int(Qt.Key.Key_Return), "\r", _clock[0])
        _send(QEvent.Type.KeyRelease, int(Qt.Key.Key_Return), "\r", _clock[0] + 1)


def scan(text: str, gap_ms: float = 4.0) -> None:
    """A scanner in its default mode: the text at 4 ms a key, then Enter."""
    keys(text, gap_ms, enter=True)


def page_text(page: QWidget) -> str:
    """Every text a person can read on ``page``, joined."""
    return "\n".join(label.text() for label in page.findChildren(QLabel) if label.isVisible())


@pytest.fixture(name="kiosk")
def serving_kiosk(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """The kiosk set up (demo station), this resident and the spouse in the cache, the officer on
    Home, listening for scans (import it into a test module to use it)."""
    from tests.ui.flows import WAIT_MS, complete_setup  # flows imports the window's modules

    complete_setup(qtbot, window, "Trần Thị Hoà", "480159")
    seed(window.backend_or_fail().store)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.scanner is not None, timeout=WAIT_MS)
    return window
