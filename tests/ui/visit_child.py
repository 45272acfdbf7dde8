"""A kiosk that serves a resident halfway and then waits to be killed (tests/ui/test_visit_crash.py).

It opens the real window on the config dirs in its environment (set up by the parent test),
signs the officer in, scans the resident's card, answers the vehicle "sold" with the buyer's
name and ID, and prints ``ANSWERED`` once the draft holding all of that is on disk. With
``VISIT_CHILD_SAVE=1`` it goes on to Save and prints ``DURABLE`` as soon as the capture is on disk,
before the receipt is drawn. Then it only waits: the parent kills it with SIGKILL.
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from kiosk.app import Wiring, create_window
from kiosk.config import load_config
from kiosk.ui.main_window import MainWindow
from kiosk.ui.visit_flow import VisitFlow
from tests.ui.conftest import FAST_PINS, OFFICER
from tests.ui.scans import SPOUSE, card_text, scan

BUYER = "Lê Văn Toàn"


def wait(condition: object, seconds: float = 30.0) -> None:
    """Run the event loop until ``condition()`` holds."""
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        QCoreApplication.processEvents()
        time.sleep(0.005)


def main() -> None:
    app = QApplication(sys.argv[:1])
    config = load_config()
    window = create_window(app, config, wiring=Wiring(pin_params=FAST_PINS))
    assert isinstance(window, MainWindow)
    window.resize(1366, 768)
    window.show()
    wait(lambda: window.backend is not None and window.scanner is not None)
    backend = window.backend_or_fail()
    officer = next(o for o in backend.auth.operators() if o.name == OFFICER[0])
    window.accept_sign_in(backend.auth.sign_in(officer.id, OFFICER[1]))
    window.activateWindow()
    scan(card_text())
    screen = window.resident_screen
    wait(lambda: len(screen.cards()) == 2)
    vehicle, licence = screen.cards()
    vehicle.choice.button_for("gone").click()
    assert vehicle.reasons is not None
    vehicle.reasons.button_for("sold").click()
    name = vehicle.field_widget("counterparty/full_name")
    id_field = vehicle.field_widget("counterparty/id_number")
    name.setText(BUYER)  # type: ignore[union-attr]
    name.textEdited.emit(BUYER)  # type: ignore[union-attr]
    id_field.setText(SPOUSE["id_number"])  # type: ignore[union-attr]
    vehicle._date_button.click()  # sold today
    licence.choice.button_for("lost").click()
    flow = window.visit_flow
    assert isinstance(flow, VisitFlow)
    settled: list[str | None] = []
    wait(lambda: flow.keeper.draft_id is not None)
    flow.keeper.when_settled(settled.append)
    wait(lambda: bool(settled))
    print("ANSWERED", flush=True)
    if os.environ.get("VISIT_CHILD_SAVE") == "1":
        original = VisitFlow._captured

        def durable(self: VisitFlow, record: object) -> None:
            print("DURABLE", flush=True)
            time.sleep(3600)  # killed here: on disk, no receipt drawn
            original(self, record)  # type: ignore[arg-type]

        VisitFlow._captured = durable  # type: ignore[method-assign]
        screen.continue_button.click()
        window.consent_screen.agree_button.click()
        window.review_screen.save_button.click()
    while True:
        QCoreApplication.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    main()
