"""A visit found by the reference code on its receipt, on the real window, store and services.

From Home's "Find a resident" to the look-up's "Reference code" mode; a code of the wrong shape
and an unknown code say so under the field; a known one, typed as people type it, hands its
record on (``receipt_found``), and its receipt is made again from the stored payload.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import sqlalchemy as sa
from pytestqt.qtbot import QtBot

from kiosk.store.lifecycle import SubmissionRecord
from kiosk.store.models import AuditEvent, Submission
from kiosk.ui import printing
from kiosk.ui.main_window import MainWindow
from kiosk.ui.preferences import Paper
from kiosk.ui.printing import pdf_printer, print_receipt
from kiosk.ui.receipts import receipt_for
from kiosk.ui.screens.lookup import LookupScreen
from kiosk.ui.screens.receipt import Receipt
from tests.strategies.payloads import make_payload, make_resident
from tests.ui.conftest import OFFICER
from tests.ui.flows import HOUSE, WAIT_MS, complete_setup, tap, type_text

EXAMPLE = "K7QM-4M2X"
"""The example code the wrong shape's message shows."""
URL = "https://ihanoi.hanoi.gov.vn/app"


@pytest.fixture
def kiosk(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """Set up (demo station), the officer on Home."""
    complete_setup(qtbot, window, *OFFICER)
    return window


def _captured(window: MainWindow) -> SubmissionRecord:
    """A visit captured on this kiosk (straight through the service)."""
    backend, actor = window.backend_or_fail(), window.actor
    assert actor is not None
    draft = backend.capture.new_draft(actor)
    return backend.capture.capture(actor, draft.id, make_payload())


def _reference_mode(qtbot: QtBot, window: MainWindow) -> LookupScreen:
    """Home → "Find a resident" → the "Reference code" button of the mode row."""
    tap(qtbot, window.home_screen.find_button)
    assert window.navigator.current() == "lookup"
    screen = window.lookup_screen
    tap(qtbot, screen.mode_choice.button_for("reference"))
    assert screen.mode() == "reference"
    qtbot.waitUntil(screen.reference_field.hasFocus, timeout=WAIT_MS)
    assert screen.reference_field.maxLength() == 9
    return screen


def _search(qtbot: QtBot, screen: LookupScreen, text: str) -> None:
    screen.reference_field.clear()
    type_text(screen.reference_field, text)
    tap(qtbot, screen.reference_search)


def test_the_mode_is_reached_from_home(qtbot: QtBot, kiosk: MainWindow) -> None:
    screen = _reference_mode(qtbot, kiosk)
    page = screen.pages.currentWidget()
    assert page is not None and page.isAncestorOf(screen.reference_field)
    assert screen.reference_search.isVisible()
    assert not screen.reference_message.isVisible()


@pytest.mark.parametrize("typed", ["K7QM-4M2", "K7QM-4M2U", "K7QM/4M2", ""])
def test_a_code_of_the_wrong_shape_says_what_a_code_looks_like(
    qtbot: QtBot, kiosk: MainWindow, typed: str
) -> None:
    screen = _reference_mode(qtbot, kiosk)
    found: list[object] = []
    screen.receipt_found.connect(found.append)
    _search(qtbot, screen, typed)
    assert screen.reference_message.isVisible()  # at once: no round trip to the database
    assert EXAMPLE in screen.reference_message.text()
    qtbot.waitUntil(lambda: kiosk.runner.pending() == 0, timeout=WAIT_MS)
    assert found == []


def test_an_unknown_code_says_it_is_not_on_this_kiosk(qtbot: QtBot, kiosk: MainWindow) -> None:
    _captured(kiosk)
    screen = _reference_mode(qtbot, kiosk)
    found: list[object] = []
    screen.receipt_found.connect(found.append)
    _search(qtbot, screen, "zzzz zzzz")
    qtbot.waitUntil(screen.reference_message.isVisible, timeout=WAIT_MS)
    message = screen.reference_message.text()
    assert "ZZZZ-ZZZZ" in message and EXAMPLE not in message
    qtbot.waitUntil(lambda: kiosk.runner.pending() == 0, timeout=WAIT_MS)
    assert found == []
    screen.clear_personal_data()  # the idle lock, sign-out
    assert screen.reference_field.text() == ""
    assert not screen.reference_message.isVisible()


@pytest.mark.parametrize(
    "typed",
    [lambda c: c, lambda c: c.lower(), lambda c: c.replace("-", "")],
    ids=["exact", "lower case", "without the dash"],
)
def test_a_known_code_hands_its_record_on(qtbot: QtBot, kiosk: MainWindow, typed: object) -> None:
    record = _captured(kiosk)
    _captured(kiosk)  # another visit, not this one
    screen = _reference_mode(qtbot, kiosk)
    _search(qtbot, screen, "ZZZZ-ZZZZ")  # a miss first: its message goes with the hit
    qtbot.waitUntil(screen.reference_message.isVisible, timeout=WAIT_MS)
    with qtbot.waitSignal(screen.receipt_found, timeout=WAIT_MS) as found:
        _search(qtbot, screen, typed(record.reference))  # type: ignore[operator]
    (hit,) = found.args
    assert isinstance(hit, SubmissionRecord)
    assert (hit.id, hit.reference, hit.status) == (record.id, record.reference, "captured")
    assert not screen.reference_message.isVisible()


def test_the_receipt_is_made_again_from_the_record(qtbot: QtBot, kiosk: MainWindow) -> None:
    record = _captured(kiosk)
    receipt = receipt_for(record, HOUSE, URL)
    assert receipt is not None
    assert (receipt.reference, receipt.community_house, receipt.ihanoi_url) == (
        record.reference, HOUSE, URL,
    )  # fmt: skip
    assert receipt.captured_at == record.captured_at
    assert receipt.resident_name == make_resident()["full_name"]
    payload = make_payload()
    assert len(receipt.lines) == len(payload["vehicles"]) + len(payload["licences"])
    assert any(payload["vehicles"][0]["plate"] in line for line in receipt.lines)
    assert not receipt.training
    kiosk.receipt_screen.show_receipt(receipt)
    assert record.reference in kiosk.receipt_screen.texts()
    kiosk.receipt_screen.clear_personal_data()


def test_a_purged_or_uncaptured_visit_has_no_receipt(qtbot: QtBot, kiosk: MainWindow) -> None:
    record = _captured(kiosk)
    assert receipt_for(dataclasses.replace(record, payload=None), HOUSE, URL) is None
    backend, actor = kiosk.backend_or_fail(), kiosk.actor
    assert actor is not None
    draft = backend.capture.new_draft(actor, payload=make_payload())
    assert receipt_for(draft, HOUSE, URL) is None


def test_a_found_visit_shows_its_receipt_again(qtbot: QtBot, kiosk: MainWindow) -> None:
    record = _captured(kiosk)
    screen = _reference_mode(qtbot, kiosk)
    _search(qtbot, screen, record.reference.lower().replace("-", ""))
    qtbot.waitUntil(lambda: kiosk.navigator.current() == "receipt", timeout=WAIT_MS)
    shown = kiosk.receipt_screen.receipt()
    assert shown is not None and shown.reference == record.reference
    assert shown.community_house == HOUSE
    tap(qtbot, kiosk.receipt_screen.next_button)
    assert kiosk.navigator.current() == "home"


def test_a_purged_visit_says_its_details_are_gone(qtbot: QtBot, kiosk: MainWindow) -> None:
    record = _captured(kiosk)
    with kiosk.backend_or_fail().store.write() as session:
        session.execute(
            sa.update(Submission).where(Submission.id == record.id).values(payload=None)
        )
    screen = _reference_mode(qtbot, kiosk)
    _search(qtbot, screen, record.reference)
    qtbot.waitUntil(lambda: kiosk._toast is not None and kiosk._toast.isVisible(), timeout=WAIT_MS)
    assert record.reference in kiosk._toast.text() and "xoá" in kiosk._toast.text()
    assert kiosk.navigator.current() == "lookup"


def test_a_reprint_of_a_found_visit_is_audited(
    qtbot: QtBot, kiosk: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """No printer can be run here: a PDF printer stands in for it behind the same two calls the
    window makes (find the printer, print on it), with the real receipt layout."""
    pages = tmp_path / "printed.pdf"

    def print_to(receipt: Receipt, _name: str, paper: Paper) -> None:
        print_receipt(receipt, pdf_printer(pages, paper), paper)

    monkeypatch.setattr(printing, "find_printer", lambda _chosen: "PDF")
    monkeypatch.setattr(printing, "print_to", print_to)
    record = _captured(kiosk)
    screen = _reference_mode(qtbot, kiosk)
    _search(qtbot, screen, record.reference)
    qtbot.waitUntil(lambda: kiosk.navigator.current() == "receipt", timeout=WAIT_MS)
    receipt_screen = kiosk.receipt_screen
    qtbot.waitUntil(receipt_screen.print_button.isEnabled, timeout=WAIT_MS)
    tap(qtbot, receipt_screen.print_button)
    store = kiosk.backend_or_fail().store

    def reprints() -> list[str]:
        with store.read() as session:
            rows = session.scalars(
                sa.select(AuditEvent.details).where(AuditEvent.action == "submission.reprint")
            )
            return list(rows)

    qtbot.waitUntil(lambda: len(reprints()) == 1, timeout=WAIT_MS)
    assert record.reference in reprints()[0]
    assert pages.read_bytes().startswith(b"%PDF")
