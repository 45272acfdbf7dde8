"""Verification at the shared desk on the real window (issue 19): Home's returned visits, the
officer's "to verify" and "needs attention" buttons, the drain's progress and a clock far off, and
the attention screen's actions."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from kiosk.services.base import Actor
from kiosk.ui.main_window import MainWindow
from kiosk.ui.screens.attention import AttentionScreen
from kiosk.ui.widgets.status_bar import StationStatus
from tests.ui.conftest import OFFICER, shown_text
from tests.ui.desk import (
    attention_screen,
    captured,
    held_for_good,
    in_conflict,
    people,
    rejected,
    returned,
    verified,
)
from tests.ui.flows import WAIT_MS, complete_setup, tap

REASON = "Số khung không khớp giấy tờ"


@pytest.fixture
def desk(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """A demo station set up in English (nothing is uploaded), the officer on Home."""
    complete_setup(qtbot, window, *OFFICER, language="en")
    return window


def _home_as(qtbot: QtBot, window: MainWindow, actor: Actor) -> None:
    """``actor`` signed in (the PIN is tested elsewhere), their Home loaded."""
    home = window.home_screen
    with qtbot.waitSignal(home.returned_shown, timeout=WAIT_MS):
        window.accept_sign_in(actor)
    qtbot.waitUntil(lambda: window.runner.pending() == 0, timeout=WAIT_MS)


def _open_attention(qtbot: QtBot, window: MainWindow) -> AttentionScreen:
    screen = attention_screen(window)
    with qtbot.waitSignal(screen.shown, timeout=WAIT_MS):
        assert window.navigator.go("attention")
    return screen


# --- Home ---------------------------------------------------------------------------------------


def test_a_volunteer_sees_their_returned_visits_with_the_reason_and_phone(
    qtbot: QtBot, desk: MainWindow
) -> None:
    officer, volunteer, _ = people(desk)
    first = returned(desk, volunteer, officer, REASON, full_name="Nguyễn Văn An")
    second = returned(
        desk, volunteer, officer, "Thiếu giấy tờ", full_name="Lê Thị Bình", phone=None
    )
    _home_as(qtbot, desk, volunteer)
    home = desk.home_screen
    assert len(home.returned_buttons) == 2
    title, line = home.returned_buttons[0].text_lines()
    assert "Nguyễn Văn An" in title and REASON in title
    assert "0912 345 678" in line and first.reference in line
    title, line = home.returned_buttons[1].text_lines()
    assert "Lê Thị Bình" in title and "Thiếu giấy tờ" in title
    assert second.reference in line
    with qtbot.waitSignal(home.returned_clicked, timeout=WAIT_MS) as clicked:
        tap(qtbot, home.returned_buttons[1])
    assert clicked.args == [second.id]
    assert not home.verify_button.isVisible()  # a volunteer has no officer's buttons
    assert not home.attention_button.isVisible()


def test_another_operator_does_not_see_them_and_locking_clears_them(
    qtbot: QtBot, desk: MainWindow
) -> None:
    officer, volunteer, _ = people(desk)
    returned(desk, volunteer, officer, REASON)
    _home_as(qtbot, desk, officer)
    assert desk.home_screen.returned_buttons == []
    _home_as(qtbot, desk, volunteer)
    assert len(desk.home_screen.returned_buttons) == 1
    desk.sign_out()
    assert desk.home_screen.returned_buttons == []


def test_an_officer_sees_what_waits_to_be_verified_and_what_needs_attention(
    qtbot: QtBot, desk: MainWindow
) -> None:
    officer, volunteer, second = people(desk)
    home = desk.home_screen
    _home_as(qtbot, desk, officer)
    assert not home.verify_button.isVisible() and not home.attention_button.isVisible()
    verified(desk, volunteer, second)
    bad = verified(desk, volunteer, second)
    rejected(desk, bad.id)
    captured(desk, volunteer)
    captured(desk, volunteer)
    with qtbot.waitSignal(home.counts_shown, timeout=WAIT_MS):
        home.refresh()
    assert home.verify_button.isVisible() and "2" in home.verify_button.text()
    assert home.attention_button.isVisible() and "1" in home.attention_button.text()
    with qtbot.waitSignal(home.verify_clicked, timeout=WAIT_MS):
        tap(qtbot, home.verify_button)
    qtbot.waitUntil(lambda: desk.navigator.current() == "verify", timeout=WAIT_MS)
    assert desk.navigator.go("home")
    qtbot.waitUntil(home.attention_button.isVisible, timeout=WAIT_MS)
    with qtbot.waitSignal(home.attention_clicked, timeout=WAIT_MS):
        tap(qtbot, home.attention_button)


def test_home_shows_the_drain_and_tells_officers_of_a_clock_far_off(
    qtbot: QtBot, desk: MainWindow
) -> None:
    officer, volunteer, _ = people(desk)
    home = desk.home_screen
    home.set_status(StationStatus("online", 5, sending=True, drain_done=2, drain_total=5))
    assert home.progress_text() == "Sent 2 of 5"
    assert (home.progress.bar.value(), home.progress.bar.maximum()) == (2, 5)
    home.set_status(StationStatus("online", 0, sending=False, drain_done=5, drain_total=5))
    assert home.progress_text() == ""
    home.set_status(StationStatus("online", 0, clock_skew=300.0))
    assert home._clock_notice.isVisible()
    assert "5" in home._clock_notice.text() and "behind" in home._clock_notice.text()
    home.set_status(StationStatus("online", 0, clock_skew=-180.0))
    assert "3" in home._clock_notice.text() and "ahead" in home._clock_notice.text()
    _home_as(qtbot, desk, volunteer)
    assert not home._clock_notice.isVisible()  # officers only
    home.set_status(StationStatus("online", 0, clock_skew=None))
    _home_as(qtbot, desk, officer)
    assert not home._clock_notice.isVisible()


# --- the attention screen -----------------------------------------------------------------------


def test_the_three_groups_and_their_actions(qtbot: QtBot, desk: MainWindow) -> None:
    officer, volunteer, second = people(desk)
    bad = verified(desk, volunteer, second, full_name="Nguyễn Văn An")
    twin = verified(desk, volunteer, second, full_name="Lê Thị Bình")
    stuck = verified(desk, volunteer, second, full_name="Phạm Văn Cường")
    lost = verified(desk, volunteer, second, full_name="Đỗ Thị Dung")
    rejected(desk, bad.id)
    in_conflict(desk, twin.id)
    held_for_good(desk, stuck.id)
    held_for_good(desk, lost.id)
    screen = _open_attention(qtbot, desk)
    attention = screen.attention()
    assert (len(attention.rejected), len(attention.conflict), len(attention.held)) == (1, 1, 2)
    card = screen.card_for(bad.reference)
    assert "Nguyễn Văn An" in card.head.text() and "001•••••345" in card.head.text()
    assert "001090012345" not in card.head.text()
    assert "province" in card.why.text() and "plate" in card.why.text()
    assert set(screen.card_for(stuck.reference).buttons) == {"retry", "return"}

    with qtbot.waitSignal(screen.shown, timeout=WAIT_MS):
        tap(qtbot, card.buttons["return"])
    assert "sent back" in shown_text(screen, screen._message)
    assert bad.reference not in {c.item.reference for c in screen._cards}
    with (
        qtbot.waitSignal(screen.recreated, timeout=WAIT_MS) as recreated,
        qtbot.waitSignal(screen.shown, timeout=WAIT_MS),
    ):
        tap(qtbot, screen.card_for(twin.reference).buttons["supersede"])
    with qtbot.waitSignal(screen.shown, timeout=WAIT_MS):
        tap(qtbot, screen.card_for(stuck.reference).buttons["retry"])
    with qtbot.waitSignal(screen.shown, timeout=WAIT_MS):
        tap(qtbot, screen.card_for(lost.reference).buttons["return"])
    assert screen.attention().total == 0
    assert screen._empty.isVisible()

    backend = desk.backend_or_fail()
    sent_back = backend.capture.get(officer, bad.id)
    assert sent_back.status == "returned"
    assert sent_back.return_reason == screen.rejected_reason(("id_number.province", "plate.format"))
    assert "province" in (sent_back.return_reason or "")
    assert backend.capture.get(officer, twin.id).status == "superseded"
    new = backend.capture.get(officer, recreated.args[0])
    assert (new.status, new.supersedes_id) == ("draft", twin.id)
    assert backend.capture.get(officer, stuck.id).status == "verified"
    assert backend.capture.get(officer, lost.id).return_reason == screen.held_reason()
    assert {r.id for r in backend.capture.returned(volunteer)} == {bad.id, lost.id}


def test_an_action_on_a_record_changed_meanwhile_says_so(qtbot: QtBot, desk: MainWindow) -> None:
    officer, volunteer, second = people(desk)
    bad = verified(desk, volunteer, second)
    rejected(desk, bad.id)
    screen = _open_attention(qtbot, desk)
    card = screen.card_for(bad.reference)
    desk.backend_or_fail().verify.return_(second, bad.id, REASON)  # at another desk, meanwhile
    with qtbot.waitSignal(screen.shown, timeout=WAIT_MS):
        tap(qtbot, card.buttons["return"])
    assert "changed" in shown_text(screen, screen._message)
    assert screen.attention().total == 0
    assert desk.backend_or_fail().capture.get(officer, bad.id).return_reason == REASON


def test_a_volunteer_cannot_open_it(qtbot: QtBot, desk: MainWindow) -> None:
    _, volunteer, _ = people(desk)
    attention_screen(desk)
    _home_as(qtbot, desk, volunteer)
    assert not desk.navigator.go("attention")
