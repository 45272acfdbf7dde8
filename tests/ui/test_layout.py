"""Every screen, every step, at 1366×768, 1280×800 and 1920×1080, at the normal and the largest
text size: no text cut, touch targets big and apart."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.domain.identity import parse_card_qr
from kiosk.services.base import Actor
from kiosk.ui.main_window import MainWindow
from kiosk.ui.screens.receipt import ReceiptScreen
from kiosk.ui.screens.setup import STEPS
from kiosk.ui.widgets.idle_warning import IdleWarning
from kiosk.ui.widgets.status_bar import StationStatus
from tests.ui.conftest import OFFICER, VOLUNTEER, shown_text
from tests.ui.desk import (
    REJECTED_CODES,
    attention_screen,
    captured,
    held_for_good,
    in_conflict,
    people,
    rejected,
    returned,
    verified,
)
from tests.ui.flows import WAIT_MS, complete_setup, go_to_sign_in, sign_in, tap, type_on, type_text
from tests.ui.layout import SIZES, layout_problems
from tests.ui.receipts import sample_receipt
from tests.ui.scans import RESIDENT, card_text, seed

View = tuple[str, Callable[[MainWindow], None]]
LONG_NAME = "Tôn Nữ Thị Phương Quỳnh Như"
TEXT_SIZES = ["normal", "largest"]


def _text_size(window: MainWindow, text_size: str) -> None:
    window.change_preferences(window.preferences.with_changes(text_size=text_size))
    assert QApplication.font().pointSize() == {"normal": 18, "large": 21, "largest": 23}[text_size]


def _at_every_size(qtbot: QtBot, window: MainWindow, view: str) -> list[str]:
    qtbot.waitUntil(lambda: window.runner.pending() == 0, timeout=WAIT_MS)  # data on show
    problems = []
    for width, height in SIZES:
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width: window.width() == w, timeout=WAIT_MS)
        QApplication.processEvents()
        where = f"{view} at {width}×{height}"
        if window.height() != height:
            needed = window.minimumSizeHint()
            problems.append(f"{where}: the window cannot be that small (needs {needed})")
        problems += [f"{where}: {p}" for p in layout_problems(window)]
    return problems


def _setup_views() -> Iterator[View]:
    def step(index: int) -> Callable[[MainWindow], None]:
        def show(window: MainWindow) -> None:
            setup = window.setup_screen
            setup._go(STEPS[index])

        return show

    for index, name in enumerate(STEPS):
        yield f"setup/{name}", step(index)


@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_first_start_screens(qtbot: QtBot, window: MainWindow, text_size: str) -> None:
    _text_size(window, text_size)
    problems = _at_every_size(qtbot, window, "startup")
    window.startup.show_failure("Máy chưa mở được dữ liệu: khoá giải mã bị thiếu hoặc không đúng.")
    assert window.navigator.go("startup")
    problems += _at_every_size(qtbot, window, "startup/failed")
    assert window.navigator.go("setup")
    for name, show in _setup_views():
        show(window)
        problems += _at_every_size(qtbot, window, name)
    assert problems == [], "\n".join(problems)


@pytest.fixture
def staffed(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """Set up in training mode (the banner takes height: the worst case), with volunteers and a
    second officer on the list, the first officer signed in."""
    complete_setup(qtbot, window, *OFFICER, training=True)
    qtbot.waitUntil(window.banner.isVisible, timeout=WAIT_MS)
    officer = window.actor
    assert officer is not None
    auth = window.backend_or_fail().auth
    auth.create_operator(officer, VOLUNTEER[0], "volunteer", "250913")
    auth.create_operator(officer, "Nguyễn Thị Phương Thảo", "officer", "250914")
    auth.create_operator(officer, "Lê Hoàng Bảo Ngọc", "volunteer", "250915")
    auth.create_operator(officer, LONG_NAME, "volunteer", "250916")
    return window


@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_sign_in_screen(qtbot: QtBot, staffed: MainWindow, text_size: str) -> None:
    window = staffed
    _text_size(window, text_size)
    go_to_sign_in(qtbot, window)
    problems = _at_every_size(qtbot, window, "sign_in")
    tap(qtbot, window.sign_in_screen.tile_for(VOLUNTEER[0]))
    window.sign_in_screen.show_notice("Màn hình đã tự khoá vì một lúc lâu không có ai sử dụng.")
    for digit in "99999":
        window.sign_in_screen.keypad.press(digit)
    problems += _at_every_size(qtbot, window, "sign_in/selected")
    tap(qtbot, window.sign_in_screen.tile_for(LONG_NAME))
    for _ in range(5):
        with qtbot.waitSignal(window.sign_in_screen.answered, timeout=WAIT_MS):
            sign_in(qtbot, window, LONG_NAME, "999990")
    assert "Vui lòng chờ" in shown_text(window.sign_in_screen, window.sign_in_screen._message)
    problems += _at_every_size(qtbot, window, "sign_in/paused")
    assert problems == [], "\n".join(problems)


def test_status_bar_with_a_long_name(qtbot: QtBot, staffed: MainWindow) -> None:
    window = staffed
    volunteer = next(o for o in window.backend_or_fail().auth.operators() if o.name == LONG_NAME)
    window.accept_sign_in(Actor(volunteer.id, volunteer.name, "volunteer"))
    problems = _at_every_size(qtbot, window, "home/volunteer")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_officer_screens(qtbot: QtBot, staffed: MainWindow, text_size: str) -> None:
    window = staffed
    _text_size(window, text_size)
    problems = _at_every_size(qtbot, window, "home")
    assert window.navigator.go("operators")
    operators = window.operators_screen
    qtbot.waitUntil(lambda: len(operators._operators) == 5, timeout=WAIT_MS)
    problems += _at_every_size(qtbot, window, "operators")
    tap(qtbot, operators.tile_for(VOLUNTEER[0]))
    problems += _at_every_size(qtbot, window, "operators/selected")
    tap(qtbot, operators.disable_button)
    problems += _at_every_size(qtbot, window, "operators/disable")
    tap(qtbot, operators.cancel_button)
    tap(qtbot, operators.add_button)
    type_text(operators.name_field, "Phạm Thị Ngọc Ánh")
    problems += _at_every_size(qtbot, window, "operators/name")
    tap(qtbot, operators._name_next)
    problems += _at_every_size(qtbot, window, "operators/pin")
    type_on(qtbot, operators.pin_pad, "250917")
    type_on(qtbot, operators.confirm_pad, "250918")  # not the same: a message shows
    assert operators._message.isVisible()
    problems += _at_every_size(qtbot, window, "operators/pin/mismatch")
    assert window.navigator.go("settings")
    problems += _at_every_size(qtbot, window, "settings")
    window.settings_screen._ask_exit_pin()
    problems += _at_every_size(qtbot, window, "settings/leave kiosk mode")
    window.settings_screen._cancel_exit()
    tap(qtbot, window.settings_screen.enrol_button)
    tap(qtbot, window.settings_screen.enrol_submit)  # no code typed: the message shows too
    assert window.settings_screen._message.isVisible()
    problems += _at_every_size(qtbot, window, "settings/enrol")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_home_for_a_volunteer_in_training(qtbot: QtBot, window: MainWindow, language: str) -> None:
    complete_setup(qtbot, window, *OFFICER, language=language, training=True)
    qtbot.waitUntil(window.banner.isVisible, timeout=WAIT_MS)
    problems = _at_every_size(qtbot, window, f"home/training/{language}")
    assert problems == [], "\n".join(problems)


def test_the_largest_text_size_is_chosen_in_settings(qtbot: QtBot, staffed: MainWindow) -> None:
    window = staffed
    assert window.navigator.go("settings")
    tap(qtbot, window.settings_screen.text_choice.button_for("largest"))
    assert QApplication.font().pointSize() == 23
    problems = _at_every_size(qtbot, window, "settings/largest")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_the_idle_notice(qtbot: QtBot, staffed: MainWindow, text_size: str) -> None:
    """The notice covers the screen: its own texts and button are checked, on their own."""
    window = staffed
    _text_size(window, text_size)
    problems = []
    for width, height in SIZES:
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width: window.width() == w, timeout=WAIT_MS)
        window._warn_idle()
        (notice,) = window.findChildren(IdleWarning)
        problems += [f"idle notice at {width}×{height}: {p}" for p in layout_problems(notice)]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("text_size", [*TEXT_SIZES, "large"])
def test_serving_screens(qtbot: QtBot, staffed: MainWindow, text_size: str) -> None:
    """Look-up in each mode and its results, and the resident's page (from the card and not)."""
    window = staffed
    _text_size(window, text_size)
    seed(window.backend_or_fail().store)
    problems = []
    assert window.navigator.go("lookup")
    screen = window.lookup_screen
    for mode in ("id", "name", "plate", "licence", "reference"):
        screen.set_mode(mode)
        problems += _at_every_size(qtbot, window, f"lookup/{mode}")
    type_text(screen.reference_field, "K7QM-4M2")  # too short: what a code looks like, under it
    tap(qtbot, screen.reference_search)
    assert screen.reference_message.isVisible()
    problems += _at_every_size(qtbot, window, "lookup/reference/wrong shape")
    screen.set_mode("name")
    screen.name_field.setText("nguyen")
    with qtbot.waitSignal(screen.results_shown, timeout=WAIT_MS):
        tap(qtbot, screen.name_search)
    problems += _at_every_size(qtbot, window, "lookup/results")
    window.open_card(parse_card_qr(card_text()))
    qtbot.waitUntil(lambda: window.resident_screen.origin() != "", timeout=WAIT_MS)
    problems += _at_every_size(qtbot, window, "resident")
    stranger = {**RESIDENT, "id_number": "001188099999", "full_name": "Phạm Thị Lụa"}
    window.open_card(parse_card_qr(card_text(stranger)))
    qtbot.waitUntil(lambda: window.resident_screen.origin() == "card", timeout=WAIT_MS)
    problems += _at_every_size(qtbot, window, "resident/not on the roster")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("text_size", [*TEXT_SIZES, "large"])
def test_the_receipt(qtbot: QtBot, staffed: MainWindow, text_size: str) -> None:
    """The receipt under the status bar and the training banner, with and without its notes.

    Put on the window's stack by hand: the screen is tested here before the visit's flow opens it.
    """
    window = staffed
    _text_size(window, text_size)
    screen = ReceiptScreen()
    window.stack.addWidget(screen)
    window.stack.setCurrentWidget(screen)
    screen.show_receipt(sample_receipt(training=True))
    problems = _at_every_size(qtbot, window, "receipt/training")
    screen.show_receipt(sample_receipt(lines=(LONG_NAME + ": đúng",), ihanoi_url=""))
    problems += _at_every_size(qtbot, window, "receipt/one line, no app link")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("text_size", [*TEXT_SIZES, "large"])
def test_the_visit(qtbot: QtBot, staffed: MainWindow, text_size: str) -> None:
    """Every step of a visit: answers with their panels, what is missing, consent with and
    without the phone keypad, the review, and the receipt the flow shows."""
    window = staffed
    _text_size(window, text_size)
    seed(window.backend_or_fail().store)
    window.open_card(parse_card_qr(card_text()))
    resident = window.resident_screen
    qtbot.waitUntil(lambda: len(resident.cards()) == 2, timeout=WAIT_MS)
    vehicle, licence = resident.cards()
    tap(qtbot, vehicle.choice.button_for("gone"))
    assert vehicle.reasons is not None
    tap(qtbot, vehicle.reasons.button_for("sold"))
    tap(qtbot, licence.choice.button_for("updated"))
    tap(qtbot, resident.continue_button)  # the sale's details are missing: listed
    problems = _at_every_size(qtbot, window, "visit/answers with details")
    tap(qtbot, resident.add_second_hand)
    tap(qtbot, resident.add_licence)
    tap(qtbot, resident.representative_button)
    problems += _at_every_size(qtbot, window, "visit/records added, a representative")
    added = next(c for c in resident.cards() if c.answer.added and c.answer.kind == "vehicle")
    tap(qtbot, added.plate_button)
    dialog = added.plate_dialog
    assert dialog is not None
    need = dialog.sizeHint()
    if need.width() > 1280 or need.height() > 768:  # the smallest screen, whole
        problems.append(f"plate keypad needs {need.width()}×{need.height()}px")
    dialog.resize(need)  # offscreen's own screen is 800×600 and would clamp it
    problems += [f"plate keypad: {p}" for p in layout_problems(dialog)]
    dialog.reject()
    for card in [c for c in resident.cards() if c.answer.added]:
        tap(qtbot, card.remove_button)  # type: ignore[arg-type]
    assert resident.representative_card is not None
    tap(qtbot, resident.representative_card.remove_button)
    tap(qtbot, vehicle.choice.button_for("confirmed"))
    tap(qtbot, licence.choice.button_for("confirmed"))
    tap(qtbot, resident.continue_button)
    assert window.navigator.current() == "consent"
    problems += _at_every_size(qtbot, window, "visit/consent")
    tap(qtbot, window.consent_screen.change_phone)
    problems += _at_every_size(qtbot, window, "visit/consent, phone keypad")
    type_on(qtbot, window.consent_screen.keypad, "0912345678")
    tap(qtbot, window.consent_screen.agree_button)
    assert window.navigator.current() == "review"
    problems += _at_every_size(qtbot, window, "visit/review")
    tap(qtbot, window.review_screen.save_button)
    qtbot.waitUntil(lambda: window.navigator.current() == "receipt", timeout=WAIT_MS)
    problems += _at_every_size(qtbot, window, "visit/receipt")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("text_size", [*TEXT_SIZES, "large"])
def test_the_shared_desk(qtbot: QtBot, staffed: MainWindow, text_size: str) -> None:
    """A volunteer's Home with drafts and returned visits (long names, long reasons); an
    officer's with what waits for them, the queue draining and a clock far off; the attention
    screen with its three groups."""
    window = staffed
    _text_size(window, text_size)
    backend = window.backend_or_fail()
    officer, volunteer, second = people(window)
    backend.station.set_training(officer, False)  # upload outcomes never happen in training
    screen = attention_screen(window)
    long_reason = screen.rejected_reason(REJECTED_CODES)
    returned(window, volunteer, officer, long_reason, full_name=LONG_NAME)
    returned(window, volunteer, officer, "Thiếu giấy tờ", phone=None)
    for name in (LONG_NAME, "Lê Thị Bình", "Phạm Văn Cường"):
        backend.capture.new_draft(volunteer, payload={"resident": {"full_name": name}})
    records = [verified(window, volunteer, second, full_name=LONG_NAME) for _ in range(4)]
    rejected(window, records[0].id)
    in_conflict(window, records[1].id)
    held_for_good(window, records[2].id)
    backend.station.set_training(officer, True)  # the banner again: the worst case
    for _ in range(2):  # waiting for an officer (Home counts the training ones in training)
        captured(window, volunteer)

    window.accept_sign_in(volunteer)
    home = window.home_screen
    qtbot.waitUntil(lambda: len(home.returned_buttons) == 2, timeout=WAIT_MS)
    problems = _at_every_size(qtbot, window, "home/returned and drafts")
    window.accept_sign_in(officer)
    qtbot.waitUntil(lambda: window.runner.pending() == 0, timeout=WAIT_MS)
    home.set_status(
        StationStatus("online", 12, sending=True, drain_done=3, drain_total=12, clock_skew=-600.0)
    )
    assert home.verify_button.isVisible() and home.attention_button.isVisible()
    assert home.progress_text() and home._clock_notice.isVisible()
    problems += _at_every_size(qtbot, window, "home/officer, sending, clock off")
    with qtbot.waitSignal(screen.shown, timeout=WAIT_MS):
        assert window.navigator.go("attention")
    assert screen.attention().total == 3
    problems += _at_every_size(qtbot, window, "attention")
    with qtbot.waitSignal(screen.shown, timeout=WAIT_MS):
        tap(qtbot, screen.card_for(records[2].reference).buttons["retry"])
    assert shown_text(screen, screen._message)
    problems += _at_every_size(qtbot, window, "attention/after an action")
    screen.clear_personal_data()
    problems += _at_every_size(qtbot, window, "attention/empty")
    window.start_cosign()  # an officer signed in: verification opens as them
    verify = window.verify_screen
    qtbot.waitUntil(lambda: verify._item is not None, timeout=WAIT_MS)
    problems += _at_every_size(qtbot, window, "verify")
    tap(qtbot, verify.return_button)
    problems += _at_every_size(qtbot, window, "verify/return with a reason")
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_the_evening_session(qtbot: QtBot, staffed: MainWindow, text_size: str) -> None:
    """Opening (groups, everyone on duty), Home with the session's figures and both officer
    buttons, the summary with long names, and the closed page with the stick found."""
    window = staffed
    _text_size(window, text_size)
    _officer, volunteer, second = people(window)
    screen = window.session_screen
    assert window.navigator.go("session")
    screen.start_opening()
    qtbot.waitUntil(lambda: len(screen.duty_choice.buttons) == 5, timeout=WAIT_MS)
    problems = _at_every_size(qtbot, window, "session/open")
    record = verified(window, volunteer, second, full_name=LONG_NAME)  # opens the day's session
    assert record.session_id is not None
    assert window.navigator.go("home")
    card = window.home_screen.session_card
    qtbot.waitUntil(lambda: card.close_button.isVisible(), timeout=WAIT_MS)
    problems += _at_every_size(qtbot, window, "home/session open")
    window.close_session(record.session_id)
    qtbot.waitUntil(lambda: screen.close_button.isEnabled(), timeout=WAIT_MS)
    problems += _at_every_size(qtbot, window, "session/summary")
    screen.find_volumes = lambda: [Path("/media/kiosk/KINGSTON USB 3.0")]
    with qtbot.waitSignal(screen.reconciled, timeout=WAIT_MS):
        tap(qtbot, screen.close_button)
    screen._export_box.show()  # a demo station hides it: shown here for its layout
    qtbot.waitUntil(lambda: len(screen.stick_buttons) == 1, timeout=WAIT_MS)
    problems += _at_every_size(qtbot, window, "session/closed")
    assert problems == [], "\n".join(problems)
