"""The resident's visit end to end on the real window and store: answers, consent, review, Save,
the receipt (issue 17). Each walk counts the operator's actions and models a person's time."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import event, select, text

from kiosk.store.audit import append_event
from kiosk.store.errors import DiskFullError
from kiosk.store.models import Submission, SubmissionItem
from kiosk.ui.main_window import MainWindow
from kiosk.ui.widgets.date_entry import DateEntry
from tests.store.fixtures import START
from tests.ui.flows import WAIT_MS, tap, type_on, type_text
from tests.ui.layout import layout_problems
from tests.ui.scans import (
    RESIDENT,
    SPOUSE,
    card_text,
    page_text,
    scan,
    serving_kiosk,  # noqa: F401  # the ``kiosk`` fixture
)

TAP_S, DIGIT_S, READ_S = 1.5, 0.4, 5.0
"""The modelled person: 1.5 s a tap, 0.4 s a keypad digit, 5 s for each screen the resident reads."""
READ_SCREENS = {"resident", "consent", "review", "receipt"}


@dataclass
class Walk:
    """What an operator did: actions (taps and completed keypad entries), digits, screens seen."""

    qtbot: QtBot
    window: MainWindow
    actions: int = 0
    digits: int = 0
    screens: list[str] = field(default_factory=list)

    def see(self) -> None:
        current = self.window.navigator.current()
        if not self.screens or self.screens[-1] != current:
            self.screens.append(current)

    def tap(self, button) -> None:  # type: ignore[no-untyped-def]
        tap(self.qtbot, button)
        self.actions += 1
        self.see()

    def scan(self, text: str) -> None:
        scan(text)
        self.actions += 1  # the scan is counted as an action too: the goal holds with it

    def wait_for(self, screen: str) -> None:
        self.qtbot.waitUntil(lambda: self.window.navigator.current() == screen, timeout=WAIT_MS)
        self.see()

    def seconds(self) -> float:
        read = sum(1 for name in dict.fromkeys(self.screens) if name in READ_SCREENS)
        return self.actions * TAP_S + self.digits * DIGIT_S + read * READ_S

    def report(self, name: str) -> None:
        print(
            f"\n{name}: actions={self.actions} modelled={self.seconds():.1f}s screens={self.screens}"
        )


def _cards_shown(qtbot: QtBot, window: MainWindow) -> None:
    screen = window.resident_screen
    qtbot.waitUntil(lambda: window.navigator.current() == "resident", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(screen.cards()) == 2, timeout=WAIT_MS)


def _submissions(window: MainWindow) -> list[Submission]:
    with window.backend_or_fail().store.read() as session:
        return list(session.scalars(select(Submission)))


def test_the_standard_case_in_six_actions(qtbot: QtBot, kiosk: MainWindow) -> None:
    walk = Walk(qtbot, kiosk)
    walk.scan(card_text())
    _cards_shown(qtbot, kiosk)
    walk.see()
    vehicle, licence = kiosk.resident_screen.cards()
    walk.tap(vehicle.choice.button_for("confirmed"))
    walk.tap(licence.choice.button_for("confirmed"))
    walk.tap(kiosk.resident_screen.continue_button)
    walk.wait_for("consent")
    walk.tap(kiosk.consent_screen.agree_button)
    walk.wait_for("review")
    walk.tap(kiosk.review_screen.save_button)
    walk.wait_for("receipt")
    walk.report("standard")
    assert walk.actions <= 6
    assert walk.seconds() <= 90
    (sub,) = _submissions(kiosk)
    assert sub.status == "captured"
    assert sub.payload is not None
    assert sub.payload["resident"]["id_number"] == RESIDENT["id_number"]
    assert sub.payload["resident"]["phone"] == RESIDENT["phone"]
    assert [v["answer"] for v in sub.payload["vehicles"]] == ["confirmed"]
    assert [v["answer"] for v in sub.payload["licences"]] == ["confirmed"]
    receipt = kiosk.receipt_screen.receipt()
    assert receipt is not None and receipt.reference == sub.reference
    with kiosk.backend_or_fail().store.read() as session:
        items = list(session.scalars(select(SubmissionItem.answer)))
    assert sorted(items) == ["confirmed", "confirmed"]
    tap(qtbot, kiosk.receipt_screen.next_button)
    assert kiosk.navigator.current() == "home"


def _answer_and_continue(walk: Walk, vehicle: str | None, licence: str | None) -> None:
    window = walk.window
    vehicle_card, licence_card = window.resident_screen.cards()
    if vehicle is not None:
        walk.tap(vehicle_card.choice.button_for(vehicle))
    if licence is not None:
        walk.tap(licence_card.choice.button_for(licence))


def _finish(walk: Walk) -> Submission:
    window = walk.window
    walk.tap(window.resident_screen.continue_button)
    walk.wait_for("consent")
    walk.tap(window.consent_screen.agree_button)
    walk.wait_for("review")
    walk.tap(window.review_screen.save_button)
    walk.wait_for("receipt")
    (sub,) = [s for s in _submissions(window) if s.status == "captured"]
    return sub


def test_a_vehicle_sold_with_its_buyer_scanned(qtbot: QtBot, kiosk: MainWindow) -> None:
    walk = Walk(qtbot, kiosk)
    walk.scan(card_text())
    _cards_shown(qtbot, kiosk)
    vehicle, _licence = kiosk.resident_screen.cards()
    walk.tap(vehicle.choice.button_for("gone"))
    assert vehicle.reasons is not None
    walk.tap(vehicle.reasons.button_for("sold"))
    name = vehicle.field_widget("counterparty/full_name")
    id_field = vehicle.field_widget("counterparty/id_number")
    assert isinstance(name, QLineEdit) and isinstance(id_field, QLineEdit)
    name.setFocus()
    type_text(name, "Lê Văn Toàn")
    walk.actions += 1  # one completed entry on the keyboard
    id_field.setFocus()
    qtbot.waitUntil(id_field.hasFocus, timeout=WAIT_MS)
    walk.scan(card_text(SPOUSE))
    qtbot.waitUntil(lambda: id_field.text() == SPOUSE["id_number"], timeout=WAIT_MS)
    assert kiosk.navigator.current() == "resident"  # the buyer's card filled the field only
    date_entry = vehicle.field_widget("event_date").findChild(DateEntry)
    walk.tap(date_entry.step_buttons["month", -1])
    _answer_and_continue(walk, None, "confirmed")
    sub = _finish(walk)
    walk.report("sold")
    assert walk.seconds() <= 90
    (entry,) = sub.payload["vehicles"]
    assert entry["answer"] == "sold"
    assert entry["counterparty"] == {
        "full_name": "Lê Văn Toàn", "id_number": SPOUSE["id_number"], "phone": None,
    }  # fmt: skip
    assert entry["event_date"] is not None and entry["event_date"] < date.today().isoformat()


@pytest.mark.parametrize(
    ("vehicle", "licence", "expected"),
    [
        ("confirmed", "lost", ("confirmed", "lost")),
        ("not_mine", "not_mine", ("not_mine", "not_mine")),
    ],
    ids=["lost_licence", "not_mine"],
)
def test_other_answers(
    qtbot: QtBot, kiosk: MainWindow, vehicle: str, licence: str, expected: tuple[str, str]
) -> None:
    walk = Walk(qtbot, kiosk)
    walk.scan(card_text())
    _cards_shown(qtbot, kiosk)
    _answer_and_continue(walk, vehicle, licence)
    sub = _finish(walk)
    walk.report(f"{vehicle}/{licence}")
    assert walk.actions <= 6
    assert (sub.payload["vehicles"][0]["answer"], sub.payload["licences"][0]["answer"]) == expected
    assert sub.payload["vehicles"][0]["event_date"] is None


def test_a_refusal_keeps_only_what_it_must(qtbot: QtBot, kiosk: MainWindow) -> None:
    walk = Walk(qtbot, kiosk)
    walk.scan(card_text())
    _cards_shown(qtbot, kiosk)
    _answer_and_continue(walk, "confirmed", "confirmed")
    walk.tap(kiosk.resident_screen.continue_button)
    walk.wait_for("consent")
    walk.tap(kiosk.consent_screen.refuse_button)
    assert kiosk.navigator.current() == "consent"  # asked once more
    walk.tap(kiosk.consent_screen.refuse_button)
    walk.wait_for("home")
    qtbot.waitUntil(
        lambda: [s.status for s in _submissions(kiosk)] == ["discarded"], timeout=WAIT_MS
    )
    (sub,) = _submissions(kiosk)
    assert sub.discard_reason == "refused"
    assert sub.payload is None
    assert sub.resident_id_number == RESIDENT["id_number"]
    assert (sub.vehicle_count, sub.licence_count) == (0, 0)
    with kiosk.backend_or_fail().store.read() as session:
        assert list(session.scalars(select(SubmissionItem))) == []
    assert kiosk.resident_screen.visit is None


def test_the_other_party_cannot_be_the_resident(qtbot: QtBot, kiosk: MainWindow) -> None:
    scan(card_text())
    _cards_shown(qtbot, kiosk)
    vehicle, _ = kiosk.resident_screen.cards()
    tap(qtbot, vehicle.choice.button_for("gone"))
    assert vehicle.reasons is not None
    tap(qtbot, vehicle.reasons.button_for("transferred"))
    id_field = vehicle.field_widget("counterparty/id_number")
    assert isinstance(id_field, QLineEdit)
    id_field.setText(RESIDENT["id_number"])
    message = vehicle._fields["counterparty/id_number"].message
    assert message.isVisible()
    assert "của chính người dân" in message.text()
    tap(qtbot, kiosk.resident_screen.continue_button)
    assert kiosk.navigator.current() == "resident"  # blocked: the error is listed


def test_a_date_cannot_be_in_the_future_or_before_birth(qtbot: QtBot, kiosk: MainWindow) -> None:
    scan(card_text())
    _cards_shown(qtbot, kiosk)
    vehicle, _ = kiosk.resident_screen.cards()
    tap(qtbot, vehicle.choice.button_for("gone"))
    assert vehicle.reasons is not None
    tap(qtbot, vehicle.reasons.button_for("lost"))
    entry = vehicle.field_widget("event_date").findChild(DateEntry)
    assert entry.maximum() == date.today()
    assert entry.minimum() == date.fromisoformat(RESIDENT["birth_date"])
    assert not entry.step(("day"), 1)  # today is the last day it offers
    # a date the steps cannot reach (a draft from another day) is still caught by the rule
    answer = vehicle.answer
    for bad, words in (("2999-01-01", "tương lai"), ("1950-01-01", "trước khi")):
        answer.event_date = bad
        kiosk.resident_screen._answer_changed()
        assert words in vehicle._fields["event_date"].message.text()


def test_a_phone_with_a_country_code_is_normalised(qtbot: QtBot, kiosk: MainWindow) -> None:
    scan(card_text())
    _cards_shown(qtbot, kiosk)
    visit = kiosk.resident_screen.visit
    assert visit is not None
    visit.phone = "+84 912 345 678"
    _answer_and_continue(Walk(qtbot, kiosk), "confirmed", "confirmed")
    tap(qtbot, kiosk.resident_screen.continue_button)
    assert kiosk.navigator.current() == "consent"
    assert visit.phone == "0912345678"
    tap(qtbot, kiosk.consent_screen.change_phone)
    type_on(qtbot, kiosk.consent_screen.keypad, "0912345")
    assert "số điện thoại" in kiosk.consent_screen._phone_message.text().lower()
    kiosk.consent_screen.keypad.clear()
    type_on(qtbot, kiosk.consent_screen.keypad, "0987654321")
    assert visit.phone == "0987654321"


def _draft_rows(window: MainWindow) -> list[Submission]:
    return [s for s in _submissions(window) if s.status == "draft"]


def _settled(qtbot: QtBot, window: MainWindow) -> None:
    """The visit's draft writes are done (none under way or waiting)."""
    flow = window.visit_flow
    assert flow is not None
    done: list[object] = []
    flow.keeper.when_settled(done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=WAIT_MS)


def test_a_scan_mid_visit_asks_then_keeps_it_as_a_draft(qtbot: QtBot, kiosk: MainWindow) -> None:
    scan(card_text())
    _cards_shown(qtbot, kiosk)
    vehicle, _ = kiosk.resident_screen.cards()
    tap(qtbot, vehicle.choice.button_for("not_mine"))
    _settled(qtbot, kiosk)
    scan(card_text())  # the same card again: nothing to ask
    qtbot.waitUntil(lambda: kiosk._toast is not None and kiosk._toast.isVisible(), timeout=WAIT_MS)
    assert kiosk.park_question is None
    scan(card_text(SPOUSE))
    qtbot.waitUntil(lambda: kiosk.park_question is not None, timeout=WAIT_MS)
    question = kiosk.park_question
    assert question is not None and question.isVisible()
    assert RESIDENT["full_name"] in page_text(question)
    assert layout_problems(question) == []
    assert kiosk.resident_screen.visit is not None
    assert kiosk.resident_screen.visit.id_number == RESIDENT["id_number"]  # nothing moved yet
    keep, _stay = question.answer_buttons
    tap(qtbot, keep)
    qtbot.waitUntil(
        lambda: (
            kiosk.resident_screen.visit is not None
            and kiosk.resident_screen.visit.id_number == SPOUSE["id_number"]
        ),
        timeout=WAIT_MS,
    )
    (draft,) = _draft_rows(kiosk)
    assert draft.payload is not None
    assert draft.payload["vehicles"][0]["answer"] == "not_mine"
    assert draft.resident_id_number == RESIDENT["id_number"]
    tap(qtbot, kiosk.status_area.home_button)
    home = kiosk.home_screen
    qtbot.waitUntil(lambda: len(home.draft_buttons) == 1, timeout=WAIT_MS)
    assert RESIDENT["full_name"] in home.draft_buttons[0].text()
    tap(qtbot, home.draft_buttons[0])
    qtbot.waitUntil(lambda: kiosk.resident_screen.origin() == "draft", timeout=WAIT_MS)
    assert kiosk.resident_screen.visit.id_number == RESIDENT["id_number"]
    vehicle, licence = kiosk.resident_screen.cards()
    assert vehicle.choice.value() == "not_mine"
    assert licence.choice.value() is None
    tap(qtbot, licence.choice.button_for("confirmed"))
    sub = _finish(Walk(qtbot, kiosk))
    assert sub.id == draft.id  # the same visit, captured once
    assert _draft_rows(kiosk) == []


def test_the_idle_lock_keeps_half_filled_fields(qtbot: QtBot, kiosk: MainWindow) -> None:
    scan(card_text())
    _cards_shown(qtbot, kiosk)
    vehicle, _ = kiosk.resident_screen.cards()
    tap(qtbot, vehicle.choice.button_for("gone"))
    assert vehicle.reasons is not None
    tap(qtbot, vehicle.reasons.button_for("sold"))
    name = vehicle.field_widget("counterparty/full_name")
    assert isinstance(name, QLineEdit)
    name.setFocus()
    type_text(name, "Lê Văn")  # half a name, no ID, no date
    kiosk.lock_for_idle()
    assert kiosk.navigator.current() == "sign_in"
    assert kiosk.resident_screen.visit is None  # the screen forgot the resident
    qtbot.waitUntil(
        lambda: [(d.payload or {}).get("vehicles", [{}])[0].get("counterparty") for d in
                 _draft_rows(kiosk)] == [{"full_name": "Lê Văn", "id_number": None, "phone": None}],
        timeout=WAIT_MS,
    )  # fmt: skip


def test_a_full_disk_at_save_loses_nothing(qtbot: QtBot, kiosk: MainWindow) -> None:
    """A real SQLITE_FULL: the database may not grow, and the audit table's last page is full."""
    store = kiosk.backend_or_fail().store
    scan(card_text())
    _cards_shown(qtbot, kiosk)
    _answer_and_continue(Walk(qtbot, kiosk), "confirmed", "lost")
    tap(qtbot, kiosk.resident_screen.continue_button)
    tap(qtbot, kiosk.consent_screen.agree_button)
    _settled(qtbot, kiosk)
    (draft,) = _draft_rows(kiosk)
    limit = [0]

    def cap(dbapi_connection: object, _record: object, _proxy: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {limit[0]}")  # type: ignore[attr-defined]

    with store.read() as session:
        limit[0] = session.execute(text("PRAGMA page_count")).scalar_one()
    event.listen(store.engine, "checkout", cap)
    try:
        with pytest.raises(DiskFullError):  # ballast until the database cannot grow
            for _ in range(100_000):
                with store.write() as session:
                    append_event(session, at=START, actor=None, action="test.ballast",
                                 details={"pad": "x" * 200})  # fmt: skip
        tap(qtbot, kiosk.review_screen.save_button)
        message = kiosk.review_screen._message
        qtbot.waitUntil(message.isVisible, timeout=WAIT_MS)
        assert "đầy" in message.text()  # "the disk is full, so nothing was saved"
        assert kiosk.navigator.current() == "review"
        assert kiosk.review_screen.save_button.isEnabled()
        (still,) = _draft_rows(kiosk)
        assert still.id == draft.id and still.payload == draft.payload
        assert kiosk.resident_screen.visit is not None
        assert [a.answer for a in kiosk.resident_screen.visit.records] == ["confirmed", "lost"]
        limit[0] = 1_000_000_000  # space freed
        store.engine.dispose()  # new connections, with the new cap
        tap(qtbot, kiosk.review_screen.save_button)
        qtbot.waitUntil(lambda: kiosk.navigator.current() == "receipt", timeout=WAIT_MS)
    finally:
        event.remove(store.engine, "checkout", cap)
    assert [(s.id, s.status) for s in _submissions(kiosk)] == [(draft.id, "captured")]


def test_a_language_switch_keeps_the_answers(qtbot: QtBot, kiosk: MainWindow) -> None:
    scan(card_text())
    _cards_shown(qtbot, kiosk)
    vehicle, licence = kiosk.resident_screen.cards()
    tap(qtbot, vehicle.choice.button_for("gone"))
    assert vehicle.reasons is not None
    tap(qtbot, vehicle.reasons.button_for("scrapped"))
    kiosk.change_preferences(kiosk.preferences.with_changes(language="en"))
    qtbot.waitUntil(lambda: vehicle.choice.button_for("confirmed").text() == "Correct")
    assert kiosk.resident_screen.cards() == [vehicle, licence]  # the same cards, not rebuilt
    assert vehicle.answer.answer == "scrapped"
    assert vehicle.reasons.value() == "scrapped"
    assert vehicle.field_widget("event_date") is not None
