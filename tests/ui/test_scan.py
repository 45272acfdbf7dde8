"""The card scanner against the real window, store and services: a scan opens the resident,
typing keeps every key, and what a scan does depends on where the kiosk is (DESIGN.md §2)."""

from __future__ import annotations

import time

import pytest
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from intake.demo import populate
from kiosk.services.lookup import ONLINE_BUDGET_S
from kiosk.store.models import Station
from kiosk.ui.main_window import MainWindow
from kiosk.ui.scan_router import TAKES_ID_PROPERTY
from tests.support.intake import (
    Server,
    one_test_server,  # noqa: F401  # the ``server`` fixture
)
from tests.support.raw_server import raw, silent, static
from tests.sync.helpers import WARD, enrol
from tests.ui.conftest import VOLUNTEER, shown_text
from tests.ui.flows import WAIT_MS, go_to_sign_in, tap
from tests.ui.scans import (
    RESIDENT,
    SPOUSE,
    card_text,
    keys,
    page_text,
    scan,
    serving_kiosk,  # noqa: F401  # the ``kiosk`` fixture
)


def _resident_shown(qtbot: QtBot, window: MainWindow) -> str:
    screen = window.resident_screen
    qtbot.waitUntil(lambda: screen.origin() != "", timeout=WAIT_MS)
    assert window.navigator.current() == "resident"
    return page_text(screen)


def test_a_scan_opens_the_resident_and_types_nothing(qtbot: QtBot, kiosk: MainWindow) -> None:
    """A text field has the focus; the scan (with spaces and "|") reaches none of it."""
    assert kiosk.navigator.go("lookup")
    kiosk.lookup_screen.set_mode("name")
    field = kiosk.lookup_screen.name_field
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=WAIT_MS)
    fired: list[bool] = []
    shortcut = QShortcut(QKeySequence("N"), kiosk)
    shortcut.activated.connect(lambda: fired.append(True))
    scan(card_text())
    text = _resident_shown(qtbot, kiosk)
    assert field.text() == ""
    assert fired == []
    assert RESIDENT["full_name"] in text
    assert RESIDENT["id_number"] in text
    assert "Tổ dân phố 3" in text
    assert SPOUSE["full_name"] in text  # the household, names only


def test_a_scan_presses_no_focused_button(qtbot: QtBot, kiosk: MainWindow) -> None:
    home = kiosk.home_screen
    home.type_id_button.setFocus()
    clicks: list[bool] = []
    home.type_id_button.clicked.connect(lambda: clicks.append(True))
    scan(card_text())
    _resident_shown(qtbot, kiosk)
    assert clicks == []


def test_typing_keeps_every_key_in_order(qtbot: QtBot, kiosk: MainWindow) -> None:
    """A person, with a fast typist's rollover bursts: nothing lost, nothing reordered."""
    assert kiosk.navigator.go("lookup")
    kiosk.lookup_screen.set_mode("name")
    field = kiosk.lookup_screen.name_field
    gaps = [150, 12, 180, 20, 15, 220, 140, 9, 160, 300, 120]
    keys("Tran Van Ba", gaps)
    qtbot.waitUntil(lambda: field.text() == "Tran Van Ba", timeout=WAIT_MS)
    assert kiosk.navigator.current() == "lookup"


def test_on_sign_in_a_scan_is_no_pin(qtbot: QtBot, kiosk: MainWindow) -> None:
    kiosk.backend_or_fail().auth.create_operator(kiosk.actor, *VOLUNTEER[:1], "volunteer", "736204")
    go_to_sign_in(qtbot, kiosk)
    screen = kiosk.sign_in_screen
    tap(qtbot, screen.tile_for(VOLUNTEER[0]))
    screen.keypad.setFocus()
    scan(card_text())
    qtbot.waitUntil(lambda: "Đăng nhập trước" in screen._notice.text(), timeout=WAIT_MS)
    assert screen.keypad.value() == ""
    assert "Mã PIN chưa đúng" not in shown_text(screen, screen._message)
    assert kiosk.actor is None


def test_an_officer_only_screen_ignores_a_scan(qtbot: QtBot, kiosk: MainWindow) -> None:
    assert kiosk.navigator.go("settings")
    scan(card_text())
    qtbot.waitUntil(lambda: kiosk._toast is not None and kiosk._toast.isVisible(), timeout=WAIT_MS)
    assert kiosk.navigator.current() == "settings"
    assert "màn hình này" in kiosk._toast.text()


def test_a_field_that_takes_an_id_is_filled(qtbot: QtBot, kiosk: MainWindow) -> None:
    assert kiosk.navigator.go("lookup")
    kiosk.lookup_screen.set_mode("licence")
    field = kiosk.lookup_screen.licence_field
    field.setProperty(TAKES_ID_PROPERTY, True)  # as the visit screens mark another person's ID
    field.setFocus()
    scan(card_text())
    qtbot.waitUntil(lambda: field.text() == RESIDENT["id_number"], timeout=WAIT_MS)
    assert kiosk.navigator.current() == "lookup"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("DN4010123456789|4e677579e1bb856e|01/01/1960|2|Hà Nội", "bảo hiểm y tế"),
        ("https://dichvucong.gov.vn/p/home", "trang web"),
        ("8934563138165", "mã vạch"),
        ("001188012345||Nguyễn Thị Hư", "một phần"),
        ("001088012345||Nguyễn Thị Hường|12041988|Nữ|Hà Nội|01022022", "không khớp"),
    ],
)
def test_what_is_not_a_card_is_said_and_loses_nothing(
    qtbot: QtBot, kiosk: MainWindow, text: str, words: str
) -> None:
    assert kiosk.navigator.go("lookup")
    kiosk.lookup_screen.set_mode("name")
    field = kiosk.lookup_screen.name_field
    field.setText("Nguyễn Thị")
    field.setFocus()
    scan(text)
    qtbot.waitUntil(lambda: kiosk._toast is not None and kiosk._toast.isVisible(), timeout=WAIT_MS)
    assert words in kiosk._toast.text()
    assert field.text() == "Nguyễn Thị"
    assert kiosk.navigator.current() == "lookup"


def test_bad_bursts_lose_nothing_and_open_nothing(qtbot: QtBot, kiosk: MainWindow) -> None:
    assert kiosk.navigator.go("lookup")
    kiosk.lookup_screen.set_mode("name")
    field = kiosk.lookup_screen.name_field
    field.setFocus()
    scan("x" * 10_000, gap_ms=1)  # a 10 KB burst
    scan("".join(chr(c) for c in range(33, 127)) * 3 + "ÿþ", gap_ms=2)  # junk
    keys(card_text()[:40], 4)  # cut in the middle: the quiet gap ends it
    qtbot.waitUntil(lambda: not kiosk.scanner.holding(), timeout=WAIT_MS)
    assert field.text() == ""
    assert kiosk.navigator.current() == "lookup"
    scan(card_text(SPOUSE))  # two scans back to back: the second one counts
    scan(card_text())
    text = _resident_shown(qtbot, kiosk)
    qtbot.waitUntil(
        lambda: RESIDENT["full_name"] in page_text(kiosk.resident_screen), timeout=WAIT_MS
    )
    assert text


def test_a_scan_as_the_idle_lock_fires(qtbot: QtBot, kiosk: MainWindow) -> None:
    kiosk.idle.set_timeout_ms(30)
    keys(card_text()[:20], 4)  # the lock comes in the middle of the scan
    with qtbot.waitSignal(kiosk.locked, timeout=WAIT_MS):
        pass
    scan(card_text()[20:])
    assert kiosk.actor is None
    assert kiosk.navigator.current() == "sign_in"


def test_a_typed_id_opens_the_same_page(qtbot: QtBot, kiosk: MainWindow) -> None:
    tap(qtbot, kiosk.home_screen.type_id_button)
    pad = kiosk.lookup_screen.id_pad
    for digit in RESIDENT["id_number"]:
        pad.press(digit)
    pad.submit()
    text = _resident_shown(qtbot, kiosk)
    assert RESIDENT["full_name"] in text
    assert kiosk.resident_screen.origin() == "cache"
    assert "bản sao trên máy này" in text


def test_the_id_keypad_checks_each_digit(qtbot: QtBot, kiosk: MainWindow) -> None:
    tap(qtbot, kiosk.home_screen.type_id_button)
    pad = kiosk.lookup_screen.id_pad
    pad.press("9")
    assert kiosk.lookup_screen._message.isVisible()
    pad.clear()
    for digit in "0014":  # the 22nd century
        pad.press(digit)
    assert kiosk.lookup_screen._message.isVisible()


@pytest.mark.parametrize("mode", ["id", "name", "plate", "licence"])
def test_each_look_up_opens_the_resident(qtbot: QtBot, kiosk: MainWindow, mode: str) -> None:
    tap(qtbot, kiosk.home_screen.find_button)
    screen = kiosk.lookup_screen
    screen.set_mode(mode)  # type: ignore[arg-type]
    if mode == "id":
        for digit in RESIDENT["id_number"]:
            screen.id_pad.press(digit)
        screen.id_pad.submit()
    else:
        with qtbot.waitSignal(screen.results_shown, timeout=WAIT_MS):
            if mode == "name":
                screen.name_field.setText("nguyen thi huong")  # no marks
                screen.year_field.setText("1988")
                tap(qtbot, screen.name_search)
            elif mode == "plate":
                assert screen.plate_pad.set_value(RESIDENT["vehicles"][0]["plate"])
                screen.plate_pad.submit()
            else:
                screen.licence_field.setText(RESIDENT["licences"][0]["number"])
                tap(qtbot, screen.licence_search)
        (row,) = screen.result_tiles
        assert RESIDENT["id_number"] not in " ".join(row.text_lines())  # masked in lists
        assert "Tổ dân phố 3" in " ".join(row.text_lines())
        qtbot.waitUntil(row.isVisible, timeout=WAIT_MS)
        tap(qtbot, row)
    text = _resident_shown(qtbot, kiosk)
    assert RESIDENT["full_name"] in text


def test_the_idle_lock_clears_the_page(qtbot: QtBot, kiosk: MainWindow) -> None:
    scan(card_text())
    _resident_shown(qtbot, kiosk)
    kiosk.idle.set_timeout_ms(50)
    with qtbot.waitSignal(kiosk.locked, timeout=WAIT_MS):
        pass
    assert RESIDENT["full_name"] not in page_text(kiosk.resident_screen)
    assert kiosk.resident_screen.record() is None


def test_a_resident_not_on_the_roster_gets_a_page_from_the_card(
    qtbot: QtBot, kiosk: MainWindow
) -> None:
    stranger = {**RESIDENT, "id_number": "001188099999", "full_name": "Phạm Thị Lụa"}
    scan(card_text(stranger))
    text = _resident_shown(qtbot, kiosk)
    assert kiosk.resident_screen.origin() == "card"
    assert "Phạm Thị Lụa" in text
    assert "không có trong danh sách" in text


def test_a_scan_while_a_message_is_open(qtbot: QtBot, kiosk: MainWindow) -> None:
    """The message box keeps the focus: the scan presses none of its buttons and opens nothing."""
    kiosk.show_error(RuntimeError("a test message"))
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=WAIT_MS)
    box = QApplication.activeModalWidget()
    scan(card_text())
    qtbot.waitUntil(lambda: kiosk._toast is not None and kiosk._toast.isVisible(), timeout=WAIT_MS)
    assert "thông báo" in kiosk._toast.text()
    assert box is not None and box.isVisible()
    assert kiosk.navigator.current() == "home"
    box.close()


@pytest.mark.parametrize("answer", ["silent", "garbage"])
def test_a_failing_server_gives_way_to_the_cache(
    qtbot: QtBot, kiosk: MainWindow, server: Server, answer: str
) -> None:
    """Enrolled with a ward server that accepts and never answers, or answers garbage: the local
    copy shows within the budget, and the page says where it came from."""
    store = kiosk.backend_or_fail().store
    enrol(store, server).close()
    respond = silent if answer == "silent" else static(b"200 OK", b"text/html", b"<html>")
    with raw(respond) as url:
        with store.write() as session:
            session.execute(update(Station).values(server_url=url))
        started = time.perf_counter()
        scan(card_text())
        text = _resident_shown(qtbot, kiosk)
        elapsed = time.perf_counter() - started
    assert kiosk.resident_screen.origin() == "cache"
    assert "bản sao trên máy này" in text
    assert elapsed < ONLINE_BUDGET_S + 1.0  # a bound on waiting, not a benchmark


def test_the_ward_server_answers_first(qtbot: QtBot, kiosk: MainWindow, server: Server) -> None:
    """A resident only the ward's server knows: the page is the server's, and says so."""
    enrol(kiosk.backend_or_fail().store, server).close()
    ward = populate(server.engine, 20, seed=5, ward=WARD)
    person = ward.residents[0]
    scan(card_text({**person, "birth_date": person["birth_date"].isoformat()}))
    text = _resident_shown(qtbot, kiosk)
    assert kiosk.resident_screen.origin() == "online"
    assert "theo máy chủ của phường" in text.lower()
    assert person["full_name"] in text
