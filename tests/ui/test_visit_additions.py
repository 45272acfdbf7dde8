"""Records not on file and a relative acting for the resident, through Save and the receipt (issue
18): the real window, store and services; each saved capture holds what the review showed and
passes ``validate_payload``."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from kiosk.exchange.payload import validate_payload
from kiosk.store.models import Submission
from kiosk.ui.main_window import MainWindow
from kiosk.ui.widgets.answer_card import AnswerCard
from kiosk.ui.widgets.date_entry import DateEntry
from tests.ui.flows import WAIT_MS, tap, type_text
from tests.ui.scans import (
    RESIDENT,
    SPOUSE,
    card_text,
    page_text,
    scan,
    serving_kiosk,  # noqa: F401  # the ``kiosk`` fixture
)


def _open_resident(qtbot: QtBot, window: MainWindow) -> None:
    scan(card_text())
    screen = window.resident_screen
    qtbot.waitUntil(lambda: len(screen.cards()) == 2, timeout=WAIT_MS)
    vehicle, licence = screen.cards()
    tap(qtbot, vehicle.choice.button_for("confirmed"))
    tap(qtbot, licence.choice.button_for("confirmed"))


def _added(window: MainWindow) -> AnswerCard:
    return next(c for c in window.resident_screen.cards() if c.answer.added)


def _type_plate(qtbot: QtBot, card: AnswerCard, plate: str, *, ok: bool = True) -> None:
    """Tap "Type the plate", the keypad's keys (it has none for "-" and "."), then OK."""
    tap(qtbot, card.plate_button)
    dialog = card.plate_dialog
    assert dialog is not None and dialog.isVisible()
    for char in plate:
        if char.isalnum():
            tap(qtbot, dialog.keypad.keys[char])
    if ok:
        tap(qtbot, dialog.keypad.ok_button)
        qtbot.waitUntil(lambda: card.plate_dialog is None, timeout=WAIT_MS)


def _line(card: AnswerCard, name: str) -> QLineEdit:
    field = card.field_widget(name)
    assert isinstance(field, QLineEdit), name
    return field


def _save(qtbot: QtBot, window: MainWindow) -> tuple[dict[str, Any], str]:
    """Continue, Agree, Save: the stored payload and what the review showed."""
    tap(qtbot, window.resident_screen.continue_button)
    assert window.navigator.current() == "consent", window.resident_screen._continue_message.text()
    tap(qtbot, window.consent_screen.agree_button)
    review = page_text(window.review_screen)
    tap(qtbot, window.review_screen.save_button)
    qtbot.waitUntil(lambda: window.navigator.current() == "receipt", timeout=WAIT_MS)
    with window.backend_or_fail().store.read() as session:
        (row,) = [s for s in session.scalars(select(Submission)) if s.status == "captured"]
    assert row.payload is not None
    probe = {**row.payload, "verified_at": row.payload["captured_at"], "verified_by": "officer"}
    assert validate_payload(probe) == []
    return row.payload, review


def test_a_second_hand_vehicle_never_transferred(qtbot: QtBot, kiosk: MainWindow) -> None:
    _open_resident(qtbot, kiosk)
    screen = kiosk.resident_screen
    tap(qtbot, screen.add_second_hand)
    card = _added(kiosk)
    kinds = card.field_widget("kind")
    tap(qtbot, kinds.button_for("motorbike"))  # type: ignore[union-attr]
    _type_plate(qtbot, card, "29B112345")
    tap(qtbot, card.field_widget("brand").row.button_for("Honda"))  # type: ignore[union-attr]
    tap(qtbot, card.field_widget("colour").row.button_for("Đỏ"))  # type: ignore[union-attr]
    owner = _line(card, "registered_owner/full_name")
    owner.setFocus()
    type_text(owner, "Phạm Văn Đức")
    owner_id = _line(card, "registered_owner/id_number")
    owner_id.setFocus()
    qtbot.waitUntil(owner_id.hasFocus, timeout=WAIT_MS)
    scan(card_text(SPOUSE))  # the owner on the papers shows their card
    qtbot.waitUntil(lambda: owner_id.text() == SPOUSE["id_number"], timeout=WAIT_MS)
    payload, review = _save(qtbot, kiosk)
    added = payload["vehicles"][1]
    assert added["answer"] == "added" and added["registry_ref"] is None
    assert (added["plate"], added["kind"], added["brand"], added["colour"]) == (
        "29-B1 123.45", "motorbike", "Honda", "Đỏ",
    )  # fmt: skip
    assert added["registered_owner"] == {
        "full_name": "Phạm Văn Đức",
        "id_number": SPOUSE["id_number"],
    }
    assert added["papers"] == ["handwritten_sale_paper"]
    assert added["counterparty"] is None and added["event_date"] is None
    assert "29-B1 123.45" in review and "chưa sang tên" in review
    assert any("chưa sang tên" in line for line in kiosk.receipt_screen.line_texts())


def test_an_added_licence(qtbot: QtBot, kiosk: MainWindow) -> None:
    _open_resident(qtbot, kiosk)
    tap(qtbot, kiosk.resident_screen.add_licence)
    card = next(c for c in kiosk.resident_screen.cards() if c.answer.added)
    number = _line(card, "number")
    number.setFocus()
    type_text(number, "010000000099")
    classes = card.field_widget("class")
    classes.set_scheme("2024")  # type: ignore[union-attr]
    tap(qtbot, classes.class_rows["2024"].button_for("A1"))  # type: ignore[union-attr]
    issued = card.field_widget("issue_date")
    assert isinstance(issued, DateEntry)
    issued.set_value(date(2025, 6, 2))
    payload, review = _save(qtbot, kiosk)
    added = payload["licences"][1]
    assert added == {
        "answer": "added", "registry_ref": None, "number": "010000000099", "class": "A1",
        "scheme": "2024", "issue_date": "2025-06-02", "expiry_date": None, "note": None,
    }  # fmt: skip
    assert "010000000099" in review


def test_a_relative_acting_for_the_resident(qtbot: QtBot, kiosk: MainWindow) -> None:
    _open_resident(qtbot, kiosk)
    screen = kiosk.resident_screen
    tap(qtbot, screen.representative_button)
    card = screen.representative_card
    assert card is not None
    type_text(card.name_field, SPOUSE["full_name"])
    card.id_field.setFocus()
    qtbot.waitUntil(card.id_field.hasFocus, timeout=WAIT_MS)
    scan(card_text(SPOUSE))
    qtbot.waitUntil(lambda: card.id_field.text() == SPOUSE["id_number"], timeout=WAIT_MS)
    tap(qtbot, card.relation.button_for("spouse"))
    payload, review = _save(qtbot, kiosk)
    assert payload["representative"] == {
        "full_name": SPOUSE["full_name"], "id_number": SPOUSE["id_number"], "relation": "spouse",
    }  # fmt: skip
    assert f"Người làm thay: {SPOUSE['full_name']} (Vợ hoặc chồng)" in review
    assert any(SPOUSE["full_name"] in line for line in kiosk.receipt_screen.line_texts())


# --- bad input -----------------------------------------------------------------------------------


def test_an_added_plate_that_is_not_a_plate(qtbot: QtBot, kiosk: MainWindow) -> None:
    _open_resident(qtbot, kiosk)
    tap(qtbot, kiosk.resident_screen.add_vehicle)
    card = _added(kiosk)
    tap(qtbot, card.field_widget("kind").button_for("motorbike"))  # type: ignore[union-attr]
    _type_plate(qtbot, card, "29B1", ok=False)  # half a plate: OK stays off
    dialog = card.plate_dialog
    assert dialog is not None and not dialog.keypad.ok_button.isEnabled()
    assert not dialog.keypad.press("Q")  # no plate has Q: the key is refused
    tap(qtbot, dialog.cancel_button)
    qtbot.waitUntil(lambda: card.plate_dialog is None, timeout=WAIT_MS)
    assert card.answer.values["plate"] is None
    tap(qtbot, kiosk.resident_screen.continue_button)
    assert kiosk.navigator.current() == "resident"
    assert "Không được để trống" in card._fields["plate"].message.text()


def test_an_added_plate_on_file_for_this_resident(qtbot: QtBot, kiosk: MainWindow) -> None:
    _open_resident(qtbot, kiosk)
    screen = kiosk.resident_screen
    tap(qtbot, screen.add_vehicle)
    card = _added(kiosk)
    tap(qtbot, card.field_widget("kind").button_for("car"))  # type: ignore[union-attr]
    _type_plate(qtbot, card, RESIDENT["vehicles"][0]["plate"])
    qtbot.waitUntil(lambda: card.use_on_file_button is not None
                    and card.use_on_file_button.isVisible(), timeout=WAIT_MS)  # fmt: skip
    assert "đã có trong hồ sơ" in card._fields["plate"].message.text()
    tap(qtbot, screen.continue_button)
    assert kiosk.navigator.current() == "resident"  # an error: blocked
    assert card.use_on_file_button is not None
    tap(qtbot, card.use_on_file_button)
    qtbot.waitUntil(lambda: len(screen.cards()) == 2, timeout=WAIT_MS)
    assert screen.visit is not None and [a.added for a in screen.visit.records] == [False, False]


def test_an_added_plate_on_file_under_someone_else(qtbot: QtBot, kiosk: MainWindow) -> None:
    _open_resident(qtbot, kiosk)
    tap(qtbot, kiosk.resident_screen.add_vehicle)
    card = _added(kiosk)
    tap(qtbot, card.field_widget("kind").button_for("car"))  # type: ignore[union-attr]
    _type_plate(qtbot, card, "30A01257")  # the spouse's car
    qtbot.waitUntil(card.plate_note.isVisible, timeout=WAIT_MS)
    note = card.plate_note.text()
    assert "Lê V. T." in note and SPOUSE["id_number"] not in note
    assert SPOUSE["id_number"][:3] + "•••••" in note
    assert card.use_on_file_button is not None and not card.use_on_file_button.isVisible()


def test_a_registered_owner_who_is_the_resident(qtbot: QtBot, kiosk: MainWindow) -> None:
    _open_resident(qtbot, kiosk)
    tap(qtbot, kiosk.resident_screen.add_second_hand)
    card = _added(kiosk)
    _line(card, "registered_owner/id_number").setText(RESIDENT["id_number"])
    message = card._fields["registered_owner/id_number"].message
    assert message.isVisible() and "của chính người dân" in message.text()


def test_a_representative_who_is_the_resident(qtbot: QtBot, kiosk: MainWindow) -> None:
    _open_resident(qtbot, kiosk)
    screen = kiosk.resident_screen
    tap(qtbot, screen.representative_button)
    card = screen.representative_card
    assert card is not None
    card.id_field.setText(RESIDENT["id_number"])
    message = card._fields["id_number"].message
    assert message.isVisible() and "của chính người dân" in message.text()
    tap(qtbot, screen.continue_button)
    assert kiosk.navigator.current() == "resident"
