"""Records at the shared desk for the UI tests: the people, captures, returns and upload outcomes,
made straight through the real services and store of a kiosk window."""

from __future__ import annotations

from typing import Any

from kiosk.services.base import Actor
from kiosk.store import submissions as subs
from kiosk.store.lifecycle import SubmissionRecord
from kiosk.store.outbox import OFFICER_AFTER, release_held
from kiosk.ui.main_window import MainWindow
from kiosk.ui.screens.attention import AttentionScreen
from tests.strategies.payloads import make_payload, make_resident
from tests.ui.conftest import VOLUNTEER

SECOND_OFFICER = "Nguyễn Thị Phương Thảo"
REJECTED_CODES = ("id_number.province", "plate.format")


def person(window: MainWindow, name: str, role: str, pin: str) -> Actor:
    """The operator called ``name``, added by the signed-in officer if not there yet."""
    officer = window.actor
    assert officer is not None and officer.is_officer
    auth = window.backend_or_fail().auth
    found = next((o for o in auth.operators() if o.name == name), None)
    if found is None:
        found = auth.create_operator(
            officer, name, "officer" if role == "officer" else "volunteer", pin
        )
    return Actor(found.id, found.name, found.role)


def people(window: MainWindow) -> tuple[Actor, Actor, Actor]:
    """(the signed-in officer, a volunteer, a second officer for the co-sign)."""
    officer = window.actor
    assert officer is not None
    volunteer = person(window, VOLUNTEER[0], "volunteer", "250913")
    return officer, volunteer, person(window, SECOND_OFFICER, "officer", "250914")


def captured(window: MainWindow, actor: Actor, **resident: Any) -> SubmissionRecord:
    """A visit ``actor`` captured (no warning acknowledged: that is the officer's)."""
    capture = window.backend_or_fail().capture
    draft = capture.new_draft(actor)
    payload = make_payload(resident=make_resident(**resident), warnings_acknowledged=[])
    return capture.capture(actor, draft.id, payload)


def verified(
    window: MainWindow, volunteer: Actor, officer: Actor, **resident: Any
) -> SubmissionRecord:
    """A volunteer's capture that ``officer`` checked and approved (its warnings acknowledged)."""
    verify = window.backend_or_fail().verify
    record = captured(window, volunteer, **resident)
    codes = [w["code"] for w in verify.warnings(officer, record.id)]
    return verify.approve(officer, record.id, acknowledged=codes)


def returned(
    window: MainWindow, volunteer: Actor, officer: Actor, reason: str, **resident: Any
) -> SubmissionRecord:
    """A volunteer's capture the officer sent back with ``reason``."""
    record = captured(window, volunteer, **resident)
    return window.backend_or_fail().verify.return_(officer, record.id, reason)


def rejected(window: MainWindow, sub_id: str) -> None:
    """The server found it invalid (two rule codes)."""
    backend = window.backend_or_fail()
    errors = [{"path": "/resident/id_number", "code": REJECTED_CODES[0]}]
    errors.append({"path": "/vehicles/0/plate", "code": REJECTED_CODES[1]})
    with backend.store.transaction() as conn:
        subs.mark_rejected(conn, sub_id, at=backend.clock(), errors=errors)


def in_conflict(window: MainWindow, sub_id: str) -> None:
    """The server holds other content under its id."""
    backend = window.backend_or_fail()
    with backend.store.transaction() as conn:
        subs.mark_conflict(conn, sub_id, at=backend.clock())


def held_for_good(window: MainWindow, sub_id: str) -> None:
    """Held OFFICER_AFTER times: the engine no longer retries it, an officer sees it."""
    backend = window.backend_or_fail()
    with backend.store.transaction() as conn:
        for round_ in range(OFFICER_AFTER):
            if round_:
                release_held(conn, sub_id, at=backend.clock())
            subs.hold(conn, sub_id, at=backend.clock(), error="server error (500)")


def attention_screen(window: MainWindow) -> AttentionScreen:
    """The window's attention screen (registered here until the main window does it)."""
    screens = dict(window.navigator.screens())
    screen = screens.get("attention")
    if screen is None:
        screen = AttentionScreen(window.backend_or_fail(), window.runner, window._current_actor)
        window.navigator.add("attention", screen)
    assert isinstance(screen, AttentionScreen)
    return screen
