"""Verification at the shared desk (issue 19): an officer co-signs on the volunteer's screen, checks
the capture field by field, approves in one tap or returns it with a reason; the volunteer's
session goes on where it was. End to end with the ward's intake server on loopback."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from intake.auth import issue_enrol_code
from intake.demo import populate
from intake.models import Submission as ServerSubmission
from kiosk.store import submissions as subs
from kiosk.store.models import AuditEvent, Submission
from kiosk.ui.main_window import MainWindow
from kiosk.ui.widgets.keypad import Keypad
from tests.support.intake import (
    Server,
    one_test_server,  # noqa: F401  # the ``server`` fixture
)
from tests.ui.conftest import OFFICER, VOLUNTEER
from tests.ui.flows import WAIT_MS, complete_setup, tap, type_on
from tests.ui.layout import layout_problems
from tests.ui.scans import RESIDENT, card_text, seed
from tests.ui.test_visit import Walk


def _go_to_sign_in(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.sign_in_screen.operators_loaded, timeout=WAIT_MS):
        tap(qtbot, window.status_area.lock_button)


def _volunteer_serves(
    qtbot: QtBot, window: MainWindow, walk: Walk, person: dict[str, Any] = RESIDENT
) -> Submission:
    """The volunteer serves ``person``, every record correct, to the receipt."""
    walk.scan(card_text(person))
    screen = window.resident_screen
    qtbot.waitUntil(
        lambda: (
            screen.visit is not None
            and screen.visit.id_number == person["id_number"]
            and screen.origin() in ("online", "cache")
        ),
        timeout=WAIT_MS,
    )
    for card in screen.cards():
        walk.tap(card.choice.button_for("confirmed"))
    walk.tap(screen.continue_button)
    walk.wait_for("consent")
    walk.tap(window.consent_screen.agree_button)
    walk.wait_for("review")
    walk.tap(window.review_screen.save_button)
    walk.wait_for("receipt")
    with window.backend_or_fail().store.read() as session:
        (row,) = session.scalars(select(Submission))
    return row


def _co_sign(qtbot: QtBot, window: MainWindow, walk: Walk, pin: str = OFFICER[1]) -> None:
    """The officer beside the volunteer: their tile, their PIN (one completed keypad entry)."""
    qtbot.waitUntil(lambda: window.cosign_dialog is not None, timeout=WAIT_MS)
    dialog = window.cosign_dialog
    assert dialog is not None
    dialog.resize(dialog.sizeHint())  # offscreen's own screen (800×600) would clamp it
    assert layout_problems(dialog) == []
    officer_id = next(v for v in dialog.choice._values)  # the only officer here
    walk.tap(dialog.choice.button_for(officer_id))
    pad = dialog.keypad
    assert isinstance(pad, Keypad)
    qtbot.waitUntil(pad.isEnabled, timeout=WAIT_MS)
    type_on(qtbot, pad, pin)
    walk.actions += 1
    walk.digits += len(pin)


def _volunteer_kiosk(qtbot: QtBot, window: MainWindow, server: tuple[str, str] | None) -> None:
    complete_setup(qtbot, window, *OFFICER, server=server)
    backend = window.backend_or_fail()
    assert window.actor is not None
    volunteer = backend.auth.create_operator(window.actor, VOLUNTEER[0], "volunteer", VOLUNTEER[1])
    seed(backend.store)
    _go_to_sign_in(qtbot, window)
    # signed in past the first PIN's change (the sign-in screen's own tests walk that)
    window.accept_sign_in(backend.auth.sign_in(volunteer.id, VOLUNTEER[1]))
    window.activateWindow()
    qtbot.waitUntil(lambda: window.scanner is not None, timeout=WAIT_MS)


def _approve(qtbot: QtBot, window: MainWindow, walk: Walk) -> None:
    screen = window.verify_screen
    qtbot.waitUntil(lambda: screen._item is not None, timeout=WAIT_MS)
    for button in screen.warnings.buttons:  # each warning read and ticked
        walk.tap(button)
    walk.tap(screen.approve_button)


def test_a_co_sign_approves_and_the_server_holds_it(
    qtbot: QtBot, window: MainWindow, server: Server
) -> None:
    code = issue_enrol_code(server.engine, "Phường Yên Nghĩa", "Tổ dân phố 3", timedelta(hours=1))
    ward = populate(server.engine, 20, seed=5, ward="Phường Yên Nghĩa")
    owners = {v["resident_id_number"] for v in ward.vehicles}
    person = next(p for p in ward.residents if p["id_number"] in owners)
    person = {**person, "birth_date": person["birth_date"].isoformat()}
    _volunteer_kiosk(qtbot, window, (server.url, code))
    volunteer = Walk(qtbot, window)
    captured = _volunteer_serves(qtbot, window, volunteer, person)
    assert window.actor is not None and window.actor.role == "volunteer"
    officer = Walk(qtbot, window)
    officer.tap(window.receipt_screen.verify_button)
    _co_sign(qtbot, window, officer)
    officer.wait_for("verify")
    screen = window.verify_screen
    qtbot.waitUntil(lambda: screen._item is not None, timeout=WAIT_MS)
    assert screen._item is not None and screen._item.record.id == captured.id
    assert screen.officer() is not None and screen.officer().name == OFFICER[0]  # type: ignore[union-attr]
    _approve(qtbot, window, officer)
    qtbot.waitUntil(lambda: "Không còn" in screen._title.text(), timeout=WAIT_MS)
    officer.tap(screen.done_button)
    assert window.navigator.current() == "receipt"  # back where the volunteer was
    assert window.actor is not None and window.actor.role == "volunteer"  # still signed in
    volunteer.report("volunteer")
    officer.report("officer")
    with window.backend_or_fail().store.read() as session:
        row = session.get(Submission, captured.id)
        assert row is not None and row.verified_by is not None
        assert row.verified_by != row.captured_by
        verified = session.scalars(
            select(AuditEvent).where(AuditEvent.action.like("submission.%"))
        ).all()
        assert any(e.actor == row.verified_by and e.subject == row.id for e in verified)
    window.sync_now()

    def on_server() -> ServerSubmission | None:
        with server.engine.connect() as conn:
            return conn.execute(
                select(ServerSubmission).where(ServerSubmission.id == captured.id)
            ).first()

    qtbot.waitUntil(lambda: on_server() is not None, timeout=30_000)
    stored = on_server()
    assert stored is not None and stored.resident_id_number == person["id_number"]
    with window.backend_or_fail().store.read() as session:
        row = session.get(Submission, captured.id)
        assert row is not None and row.sha256 == stored.sha256  # frozen at verification


@pytest.fixture
def served(qtbot: QtBot, window: MainWindow) -> Submission:
    """A demo kiosk, the volunteer signed in, one visit captured and its receipt on show."""
    _volunteer_kiosk(qtbot, window, None)
    return _volunteer_serves(qtbot, window, Walk(qtbot, window))


def test_a_wrong_officer_pin_opens_nothing(
    qtbot: QtBot, window: MainWindow, served: Submission
) -> None:
    tap(qtbot, window.receipt_screen.verify_button)
    walk = Walk(qtbot, window)
    _co_sign(qtbot, window, walk, pin="999990")
    dialog = window.cosign_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.message.isVisible, timeout=WAIT_MS)
    assert window.navigator.current() == "receipt"
    assert window.actor is not None and window.actor.role == "volunteer"


def test_return_with_a_reason_then_the_next_opens(
    qtbot: QtBot, window: MainWindow, served: Submission
) -> None:
    tap(qtbot, window.receipt_screen.verify_button)
    _co_sign(qtbot, window, Walk(qtbot, window))
    screen = window.verify_screen
    qtbot.waitUntil(lambda: screen._item is not None, timeout=WAIT_MS)
    tap(qtbot, screen.return_button)
    assert not screen.confirm_return.isEnabled()  # a reason first
    tap(qtbot, screen.reasons.button_for("papers"))
    tap(qtbot, screen.confirm_return)
    qtbot.waitUntil(lambda: "Không còn" in screen._title.text(), timeout=WAIT_MS)
    with window.backend_or_fail().store.read() as session:
        row = session.get(Submission, served.id)
        assert row is not None and row.status == "returned"
        assert row.return_reason == "Thiếu giấy tờ hoặc giấy tờ không khớp"


def test_the_idle_lock_ends_the_co_sign(
    qtbot: QtBot, window: MainWindow, served: Submission
) -> None:
    tap(qtbot, window.receipt_screen.verify_button)
    _co_sign(qtbot, window, Walk(qtbot, window))
    qtbot.waitUntil(lambda: window.navigator.current() == "verify", timeout=WAIT_MS)
    window.lock_for_idle()
    assert window.verify_screen.officer() is None
    assert window.navigator.current() == "sign_in"


def test_an_officer_never_verifies_their_own_capture(qtbot: QtBot, window: MainWindow) -> None:
    complete_setup(qtbot, window, *OFFICER)  # the officer serves the resident themselves
    seed(window.backend_or_fail().store)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.scanner is not None, timeout=WAIT_MS)
    captured = _volunteer_serves(qtbot, window, Walk(qtbot, window))
    tap(qtbot, window.receipt_screen.verify_button)  # an officer is signed in: no PIN asked
    screen = window.verify_screen
    qtbot.waitUntil(lambda: "Không còn" in screen._title.text(), timeout=WAIT_MS)
    assert "do chính đồng chí ghi nhận" in screen._message.text()
    with window.backend_or_fail().store.read() as session:
        row = session.get(Submission, captured.id)
        assert row is not None and row.status == "captured"


def test_a_returned_visit_is_fixed_and_captured_again(
    qtbot: QtBot, window: MainWindow, served: Submission
) -> None:
    tap(qtbot, window.receipt_screen.verify_button)
    _co_sign(qtbot, window, Walk(qtbot, window))
    screen = window.verify_screen
    qtbot.waitUntil(lambda: screen._item is not None, timeout=WAIT_MS)
    tap(qtbot, screen.return_button)
    tap(qtbot, screen.reasons.button_for("plate"))
    tap(qtbot, screen.confirm_return)
    qtbot.waitUntil(lambda: "Không còn" in screen._title.text(), timeout=WAIT_MS)
    tap(qtbot, screen.done_button)
    tap(qtbot, window.receipt_screen.next_button)  # the volunteer, back on Home
    home = window.home_screen
    qtbot.waitUntil(lambda: len(home.returned_buttons) == 1, timeout=WAIT_MS)
    assert "Sai biển số" in home.returned_buttons[0].title.text()
    tap(qtbot, home.returned_buttons[0])
    resident = window.resident_screen
    qtbot.waitUntil(lambda: resident.origin() == "draft", timeout=WAIT_MS)
    vehicle = resident.cards()[0]
    assert vehicle.choice.value() == "confirmed"  # every answer as it was sent
    tap(qtbot, vehicle.choice.button_for("not_mine"))  # the fix
    tap(qtbot, resident.continue_button)
    tap(qtbot, window.consent_screen.agree_button)
    tap(qtbot, window.review_screen.save_button)
    qtbot.waitUntil(lambda: window.navigator.current() == "receipt", timeout=WAIT_MS)
    with window.backend_or_fail().store.read() as session:
        rows = list(session.scalars(select(Submission)))
    assert [(r.id, r.status, r.return_reason) for r in rows] == [(served.id, "captured", None)]
    assert rows[0].payload is not None
    assert rows[0].payload["vehicles"][0]["answer"] == "not_mine"
    tap(qtbot, window.receipt_screen.verify_button)  # checked again, approved: the same id
    _co_sign(qtbot, window, Walk(qtbot, window))
    _approve(qtbot, window, Walk(qtbot, window))
    qtbot.waitUntil(lambda: "Không còn" in screen._title.text(), timeout=WAIT_MS)
    with window.backend_or_fail().store.read() as session:
        again = session.get(Submission, served.id)
        assert again is not None and again.status == "verified" and again.sha256 is not None


def test_a_server_rejection_said_in_words_fixed_and_sent_under_the_same_id(
    qtbot: QtBot, window: MainWindow, server: Server
) -> None:
    """The server's answer ``invalid`` is set on the record as the upload engine sets it (the
    shared rules make a real one hard to provoke from a well-behaved kiosk); everything after it
    is the real window and the real server."""
    code = issue_enrol_code(server.engine, "Phường Yên Nghĩa", "Tổ dân phố 3", timedelta(hours=1))
    ward = populate(server.engine, 20, seed=5, ward="Phường Yên Nghĩa")
    owners = {v["resident_id_number"] for v in ward.vehicles}
    person = next(p for p in ward.residents if p["id_number"] in owners)
    person = {**person, "birth_date": person["birth_date"].isoformat()}
    _volunteer_kiosk(qtbot, window, (server.url, code))
    volunteer = window.actor
    captured = _volunteer_serves(qtbot, window, Walk(qtbot, window), person)
    backend = window.backend_or_fail()
    officer = next(o for o in backend.auth.operators() if o.role == "officer")
    officer_actor = backend.auth.sign_in(officer.id, OFFICER[1])
    codes = [w["code"] for w in backend.verify.warnings(officer_actor, captured.id)]
    backend.verify.approve(officer_actor, captured.id, acknowledged=codes)  # no "Sync now"
    with backend.store.transaction() as conn:
        subs.mark_rejected(
            conn, captured.id, at=backend.clock(),
            errors=[{"path": "/vehicles/0/plate", "code": "plate.format"}],
        )  # fmt: skip

    window.accept_sign_in(officer_actor)  # the officer's Home: what needs them
    home = window.home_screen
    qtbot.waitUntil(home.attention_button.isVisible, timeout=WAIT_MS)
    tap(qtbot, home.attention_button)
    attention = window.attention_screen
    qtbot.waitUntil(lambda: attention.attention().total == 1, timeout=WAIT_MS)
    card = attention.card_for(captured.reference)
    assert "Đây không phải biển số Việt Nam." in card.why.text()  # the server's rule, in words
    with qtbot.waitSignal(attention.shown, timeout=WAIT_MS):
        tap(qtbot, card.buttons["return"])  # the server is asked first: it does not hold it
    assert volunteer is not None
    window.accept_sign_in(volunteer)
    qtbot.waitUntil(lambda: len(home.returned_buttons) == 1, timeout=WAIT_MS)
    tap(qtbot, home.returned_buttons[0])
    resident = window.resident_screen
    qtbot.waitUntil(lambda: resident.origin() == "draft", timeout=WAIT_MS)
    tap(qtbot, resident.cards()[0].choice.button_for("not_mine"))  # the fix
    tap(qtbot, resident.continue_button)
    tap(qtbot, window.consent_screen.agree_button)
    tap(qtbot, window.review_screen.save_button)
    qtbot.waitUntil(lambda: window.navigator.current() == "receipt", timeout=WAIT_MS)
    tap(qtbot, window.receipt_screen.verify_button)
    _co_sign(qtbot, window, Walk(qtbot, window))
    _approve(qtbot, window, Walk(qtbot, window))  # and "Sync now" with it

    def on_server() -> list[str]:
        with server.engine.connect() as conn:
            return list(conn.scalars(select(ServerSubmission.id)))

    def status() -> str | None:
        with backend.store.read() as session:
            row = session.get(Submission, captured.id)
            return None if row is None else row.status

    qtbot.waitUntil(lambda: on_server() == [captured.id] and status() == "sent", timeout=30_000)
    with backend.store.read() as session:
        row = session.get(Submission, captured.id)
        assert row is not None and row.payload is not None
        assert row.payload["vehicles"][0]["answer"] == "not_mine"
