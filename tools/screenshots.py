"""Render every screen of the kiosk at 1366×768, in Vietnamese, into docs/screenshots/*.png.

Run under a virtual display (the real X11 platform, not offscreen, so fonts render as on a kiosk):

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tools/screenshots.py

``--text-size largest --out DIR`` renders the same screens at another text size into another folder
(for looking at them; docs/screenshots/ holds the normal size).

It works on a throw-away config and data dir with synthetic people and records (none real), and
drives the real window, database and services: what the pictures show is what the kiosk does.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the kiosk package and the synthetic payloads of tests/strategies

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from kiosk.app import Wiring, create_window, shut_down  # noqa: E402
from kiosk.config import load_config  # noqa: E402
from kiosk.services.base import Actor, Role, system_clock  # noqa: E402
from kiosk.services.capture import CaptureService  # noqa: E402
from kiosk.services.verify import VerifyService  # noqa: E402
from kiosk.ui.idle import WARNING_MS  # noqa: E402
from kiosk.ui.main_window import MainWindow  # noqa: E402
from tests.strategies.payloads import make_payload  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZE = (1366, 768)
OFFICER = ("Trần Thị Hoà", "480159")
PEOPLE: tuple[tuple[str, Role], ...] = (
    ("Đặng Văn Nam", "volunteer"),
    ("Nguyễn Thị Phương Thảo", "volunteer"),
    ("Lê Hoàng Bảo Ngọc", "volunteer"),
    ("Phạm Quốc Hưng", "officer"),
    ("Vũ Thị Lan", "volunteer"),
)


def wait_until(app: QApplication, condition: Callable[[], bool], seconds: float = 20) -> None:
    """Run the event loop until ``condition`` holds (the window works asynchronously)."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the kiosk did not reach the expected state in time")
        # (not processEvents(flags, maxtime): that overload breaks None's refcount in PySide6 6.12)
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()


def settle(app: QApplication, window: MainWindow) -> None:
    """Let background work deliver and the layout settle before a picture."""
    wait_until(app, lambda: window.runner.pending() == 0)
    for _ in range(5):
        app.processEvents()


def build_translations(into: Path) -> Path:
    """The .qm files from the .ts sources, as `make translations` builds them."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in sorted((ROOT / "assets" / "i18n").glob("kiosk_*.ts")):
        qm = into / ts.with_suffix(".qm").name
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    return into


def seed(window: MainWindow, officer: Actor) -> None:
    """Synthetic people and today's records: some waiting for an officer, some waiting to go."""
    backend = window.backend_or_fail()
    made = [
        backend.auth.create_operator(officer, name, role, f"25091{index}")
        for index, (name, role) in enumerate(PEOPLE)
    ]
    volunteer = next(Actor(o.id, o.name, "volunteer") for o in made if o.role == "volunteer")
    capture = CaptureService(backend.store, system_clock)
    verify = VerifyService(backend.store, system_clock)
    for index in range(7):  # a volunteer's captures: an officer verifies (four eyes)
        payload = make_payload()
        payload["resident"] = {**payload["resident"], "id_number": f"00109001230{index}"}
        draft = capture.new_draft(volunteer)
        capture.capture(volunteer, draft.id, payload)
        if index < 3:
            verify.approve(
                officer,
                draft.id,
                acknowledged=[w["code"] for w in verify.warnings(officer, draft.id)],
            )


def shoot_resident(app: QApplication, window: MainWindow, shoot: Callable[[str], None]) -> None:
    """A resident in the roster cache, found by name, and opened by a card scan."""
    from kiosk.store.registry import save_household, save_resident
    from tests.store.synthetic import make_resident
    from tests.ui.scans import HOUSEHOLD, RESIDENT, SPOUSE, card_text

    with window.backend_or_fail().store.write() as session:
        at = datetime.now(UTC)
        save_household(session, HOUSEHOLD, at=at)
        save_resident(session, RESIDENT, at=at, household_id=HOUSEHOLD["id"])
        save_resident(session, SPOUSE, at=at, household_id=HOUSEHOLD["id"])
        for index in range(2, 6):  # namesakes: a search by name finds several
            namesake = {**make_resident(random.Random(index), 40 + index)}
            namesake["full_name"] = "Nguyễn Thị " + ("Hương", "Hường", "Hà", "Huệ")[index - 2]
            save_resident(session, namesake, at=at)
    window.home_screen.refresh()
    shoot("18-home-serve")
    window.navigator.go("lookup")
    screen = window.lookup_screen
    screen.set_mode("name")
    screen.name_field.setText("nguyen thi hu")
    screen.name_search.click()
    wait_until(app, lambda: bool(screen.result_tiles))
    shoot("19-lookup-by-name")
    assert window.scan_router is not None
    window.navigator.go("home")
    window.scan_router.route(card_text())
    wait_until(app, lambda: window.resident_screen.origin() != "")
    shoot("20-resident")
    window.navigator.go("home")
    window.scan_router.route("https://dichvucong.gov.vn/p/home")
    shoot("21-scan-not-a-card")
    assert window._toast is not None
    window._toast.hide()


def shoot_visit(app: QApplication, window: MainWindow, shoot: Callable[..., None]) -> None:
    """The resident of ``shoot_resident`` served: answers, what is missing, consent, the review,
    the receipt, and a visit left as a draft that Home offers again."""
    from tests.ui.scans import RESIDENT, SPOUSE, card_text

    assert window.scan_router is not None
    window.navigator.go("home")
    window.scan_router.route(card_text())
    resident = window.resident_screen
    wait_until(app, lambda: len(resident.cards()) == 2)
    vehicle, licence = resident.cards()
    vehicle.choice.button_for("confirmed").click()
    shoot("21b-visit-first-answer")  # the next record without an answer comes into view
    vehicle.choice.button_for("gone").click()
    assert vehicle.reasons is not None
    vehicle.reasons.button_for("sold").click()
    name = vehicle.field_widget("counterparty/full_name")
    name.setText(SPOUSE["full_name"])  # type: ignore[union-attr]
    name.textEdited.emit(SPOUSE["full_name"])  # type: ignore[union-attr]
    licence.choice.button_for("confirmed").click()
    resident.continue_button.click()  # the date of the sale is still missing: listed
    shoot("22-visit-answers-missing")
    resident._scroll.verticalScrollBar().setValue(0)
    vehicle._date_button.click()
    licence.choice.button_for("updated").click()
    settle(app, window)
    resident.jump_to("/licences/0/class")
    shoot("23-visit-correction")
    licence.choice.button_for("confirmed").click()
    resident.continue_button.click()
    wait_until(app, lambda: window.navigator.current() == "consent")
    shoot("24-visit-consent")
    window.consent_screen.agree_button.click()
    wait_until(app, lambda: window.navigator.current() == "review")
    shoot("25-visit-review")
    window.review_screen.save_button.click()
    wait_until(app, lambda: window.navigator.current() == "receipt")
    shoot("26-visit-receipt")
    window.receipt_screen.next_button.click()
    window.scan_router.route(card_text(SPOUSE))
    wait_until(app, lambda: len(resident.cards()) >= 1 and resident.visit is not None)
    resident.cards()[0].choice.button_for("confirmed").click()
    window.scan_router.route(card_text(RESIDENT))
    wait_until(app, lambda: window.park_question is not None)
    shoot("27-visit-another-card", screen=True)  # the question is a window of its own
    assert window.park_question is not None
    window.park_question.answer_buttons[0].click()
    window.navigator.go("home")
    wait_until(app, lambda: bool(window.home_screen.draft_buttons))
    shoot("28-home-unfinished-visit")
    shoot_additions(app, window, shoot)


def shoot_additions(app: QApplication, window: MainWindow, shoot: Callable[..., None]) -> None:
    """A vehicle bought second-hand and never transferred, a relative acting for the resident,
    and a visit found again by its reference code."""
    from tests.ui.scans import SPOUSE, card_text

    assert window.scan_router is not None
    window.navigator.go("home")
    window.scan_router.route(card_text())
    resident = window.resident_screen
    wait_until(app, lambda: len(resident.cards()) == 2 and resident.visit is not None)
    for answer_card in resident.cards():
        answer_card.choice.button_for("confirmed").click()
    resident.add_second_hand.click()
    added = next(c for c in resident.cards() if c.answer.added)
    added.field_widget("kind").button_for("motorbike").click()  # type: ignore[union-attr]
    added.plate_button.click()
    assert added.plate_dialog is not None
    for char in "29B11234":
        added.plate_dialog.keypad.press(char)
    shoot("29-visit-plate-keypad", screen=True)
    added.plate_dialog.keypad.press("5")
    added.plate_dialog.keypad.submit()
    settle(app, window)
    resident._bring_into_view(added)
    shoot("29b-visit-second-hand")
    owner = added.field_widget("registered_owner/full_name")
    owner.setText("Phạm Văn Đức")  # type: ignore[union-attr]
    owner.textEdited.emit("Phạm Văn Đức")  # type: ignore[union-attr]
    settle(app, window)
    resident.jump_to(resident._path_of(added.answer) + "/registered_owner/full_name")
    shoot("30-visit-second-hand-owner")
    resident.representative_button.click()
    card = resident.representative_card
    assert card is not None
    card.name_field.setText(SPOUSE["full_name"])
    card.name_field.textEdited.emit(SPOUSE["full_name"])
    card.relation.button_for("spouse").click()
    settle(app, window)
    resident._scroll.ensureWidgetVisible(card, 0, 16)
    shoot("31-visit-representative")
    window.navigator.go("home")
    window.navigator.go("lookup")
    lookup = window.lookup_screen
    lookup.set_mode("reference")
    lookup.reference_field.setText("K7QM-4M2")
    lookup.reference_search.click()
    shoot("32-find-by-reference")


def shoot_desk(
    app: QApplication, window: MainWindow, shoot: Callable[..., None], officer: Actor
) -> None:
    """The shared desk: a volunteer's visit checked by the officer beside them (a co-sign), a
    visit returned to the volunteer, and what needs an officer."""
    from kiosk.store import submissions as subs
    from tests.ui.scans import card_text

    backend = window.backend_or_fail()
    operators = backend.auth.operators()
    volunteer = next(o for o in operators if o.role == "volunteer")
    window.accept_sign_in(Actor(volunteer.id, volunteer.name, "volunteer"))
    assert window.scan_router is not None
    window.scan_router.route(card_text())
    resident = window.resident_screen
    wait_until(app, lambda: len(resident.cards()) == 2 and resident.visit is not None)
    for answer_card in resident.cards():
        answer_card.choice.button_for("confirmed").click()
    resident.continue_button.click()
    window.consent_screen.agree_button.click()
    window.review_screen.save_button.click()
    wait_until(app, lambda: window.navigator.current() == "receipt")
    window.receipt_screen.verify_button.click()
    wait_until(app, lambda: window.cosign_dialog is not None)
    dialog = window.cosign_dialog
    assert dialog is not None
    dialog.choice.button_for(officer.operator_id).click()
    for digit in OFFICER[1][:3]:
        dialog.keypad.press(digit)
    shoot("33-co-sign", screen=True)
    for digit in OFFICER[1][3:]:
        dialog.keypad.press(digit)
    dialog.keypad.submit()
    screen = window.verify_screen
    wait_until(app, lambda: screen._item is not None, 60)
    shoot("34-verify")
    screen.return_button.click()
    screen.reasons.button_for("plate").click()
    shoot("35-verify-return")
    screen.confirm_return.click()
    wait_until(app, lambda: screen._item is None or screen._item.left < 9)
    screen.done_button.click()
    window.receipt_screen.next_button.click()
    wait_until(app, lambda: bool(window.home_screen.returned_buttons))
    shoot("36-home-returned")
    window.accept_sign_in(officer)
    pending = backend.verify.pending(officer)
    with backend.store.write() as session:  # upload outcomes, as the engine leaves them
        for record, outcome in zip(pending[:2], ("rejected", "conflict"), strict=False):
            codes = [w["code"] for w in backend.verify.warnings(officer, record.id)]
            subs.verify(session, record.id, at=datetime.now(UTC), actor=officer.operator_id,
                        acknowledged=codes)  # fmt: skip
            if outcome == "rejected":
                subs.mark_rejected(session, record.id, at=datetime.now(UTC),
                                   errors=[{"path": "/vehicles/0/plate", "code": "plate.format"}])  # fmt: skip
            else:
                subs.mark_conflict(session, record.id, at=datetime.now(UTC))
    window.home_screen.refresh()
    window.navigator.go("home")
    wait_until(app, lambda: window.home_screen.attention_button.isVisible())
    shoot("37-home-officer-desk")
    window.navigator.go("attention")
    wait_until(app, lambda: window.attention_screen.attention().total > 0)
    shoot("38-attention")


def shoot_evening(app: QApplication, window: MainWindow, shoot: Callable[..., None]) -> None:
    """The evening session: the day's first capture opened one by itself; the officer takes it
    over, then closes it (summary, then the close; this demo station has no server)."""
    home = window.home_screen
    window.navigator.go("home")
    home.refresh()
    wait_until(app, lambda: home.session_card.open_button.isVisible())
    shoot("39-home-session-automatic")
    home.session_card.open_button.click()
    screen = window.session_screen
    wait_until(app, lambda: len(screen.duty_choice.buttons) >= 2)
    for chip in screen.duty_choice.buttons[:2]:  # the groups come preselected, the officer too
        if not chip.isChecked():
            chip.click()
    shoot("40-session-open")
    screen.open_button.click()
    wait_until(app, lambda: window.navigator.current() == "home")
    home.refresh()
    wait_until(app, lambda: home.session_card.close_button.isVisible())
    shoot("41-home-session")
    home.session_card.close_button.click()
    wait_until(app, lambda: screen.page() == "summary" and screen.close_button.isEnabled())
    shoot("42-session-summary")
    screen.close_button.click()
    wait_until(app, lambda: screen.page() == "closed")
    shoot("43-session-closed")
    screen.done_button.click()


def shoot_roster_stick(
    app: QApplication, window: MainWindow, shoot: Callable[..., None], stick: Path
) -> None:
    """Settings: the roster from a USB stick (a folder here): the files found, then a refusal
    (this demo station is not enrolled, so it has no server key to check a file with)."""
    from kiosk.ui.widgets import usb_files

    (stick / "phuong-yen-nghia.roster").write_bytes(b"\x1f\x8b")
    (stick / "ward-office").mkdir()
    (stick / "ward-office" / "roster-2026-12-05.roster").write_bytes(b"\x1f\x8b")
    usb_files.removable_roots = lambda: [stick]  # type: ignore[assignment]
    window.navigator.go("settings")
    settings = window.settings_screen
    shoot("44-settings-roster-button")
    settings.roster_button.click()
    panel = settings.roster_panel
    wait_until(app, lambda: len(panel.files.file_buttons) >= 2)
    shoot("45-settings-roster-files")
    panel.files.file_buttons[0].click()
    wait_until(app, lambda: not panel.running())
    shoot("46-settings-roster-refused")


def shoot_keyboard(app: QApplication, window: MainWindow, shoot: Callable[[str], None]) -> None:
    """A name typed on the on-screen keyboard's own keys, in Telex: "nguyeenx thij huwowngf"."""
    window.change_preferences(window.preferences.with_changes(keyboard="on"))
    screen = window.operators_screen
    screen.start_adding()
    window.activateWindow()  # no window manager under Xvfb: the focus follows only an active window
    wait_until(app, window.isActiveWindow)
    screen.name_field.setFocus()
    assert window.keyboard is not None
    wait_until(app, window.keyboard.is_shown)
    keyboard = window.keyboard.keyboard()
    for key in "nguyeenx thij huwowngf":
        (keyboard.space_key if key == " " else keyboard.keys[key]).click()
    shoot("14-keyboard-telex")
    window.change_preferences(window.preferences.with_changes(keyboard="auto"))


def shoot_inputs(app: QApplication, out: Path) -> list[str]:
    """The touch inputs of the visit screens, each on a kiosk-sized page of its own."""
    from datetime import date

    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from kiosk.ui.widgets.date_entry import DateEntry
    from kiosk.ui.widgets.pickers import ColourPicker, KindPicker, PaperChips
    from kiosk.ui.widgets.plate_pad import PlateKeypad

    plate = PlateKeypad(kind="motorbike")
    for key in "29B12345":
        plate.press(key)
    when = DateEntry(minimum=date(1940, 1, 1), maximum=date(2026, 12, 5))
    when.set_value(date(2025, 3, 14))
    kind, colour, papers = KindPicker(), ColourPicker(), PaperChips()
    kind.button_for("motorbike").click()
    colour.set_value("Đỏ")
    papers.set_value(["registration_certificate", "handwritten_sale_paper"])
    pages: list[str] = []
    for name, widgets in (
        ("15-plate-keypad", (plate,)),
        ("16-date-entry", (when,)),
        ("17-pickers", (kind, colour, papers)),
    ):
        page = QWidget()
        page.setObjectName("Screen")
        column = QVBoxLayout(page)
        column.setContentsMargins(40, 24, 40, 24)
        column.setSpacing(32)
        for widget in widgets:
            column.addWidget(widget)
        column.addStretch(1)
        page.setFixedSize(*SIZE)
        page.show()
        wait_until(app, lambda: True)
        path = out / f"{name}.png"
        page.grab().save(str(path))
        pages.append(str(path))
        page.close()
    return pages


def shoot_households(app: QApplication, window: MainWindow, shoot: Callable[..., None]) -> None:
    """The households of a generated ward with an evening's progress: the list with its counts,
    the households not yet done of one group, a household, an outcome being recorded, the
    officer's route sheet, then the day's report."""
    from tests.support.households import add_progress, fill_roster

    actor = window.actor
    assert actor is not None
    store = window.backend_or_fail().store
    filled = fill_roster(store, 900, seed=5)
    add_progress(store, filled, actor.operator_id, seed=3, household_outcomes=0.3,
                 at=datetime.now(UTC))  # fmt: skip
    screen = window.households_screen
    window.navigator.go("households")
    wait_until(app, lambda: bool(screen.households_model.rows()))
    shoot("47-households")
    screen.not_done_button.click()
    screen.choose_group(screen.groups_model.rows()[1].name)
    wait_until(app, lambda: window.runner.pending() == 0)
    shoot("48-households-not-done-group")
    rows = screen.households_model.rows()
    chosen = next((r for r in rows if r.status == "partial"), rows[0])
    screen.households_view.clicked.emit(screen.households_model.index(rows.index(chosen), 0))
    wait_until(app, lambda: screen.page() == "household" and window.runner.pending() == 0)
    shoot("49-household")
    screen.record_household_button.click()
    screen.form.outcome_choice.button_for("come_back").click()
    screen.form.note_field.setText("Chủ nhà đi làm ca tối, hẹn thứ Bảy")
    shoot("50-household-outcome")
    screen._back()
    screen._back()
    wait_until(app, lambda: screen.page() == "list")
    screen.route_sheet_button.click()
    dialog = screen._route_sheet
    assert dialog is not None
    wait_until(app, lambda: dialog.sheet() is not None)
    shoot("51-route-sheet", screen=True)
    dialog.reject()
    window.navigator.go("report")
    report = window.report_screen
    wait_until(app, lambda: report.report() is not None)
    shoot("52-day-report")
    from tests.support.campaign import add_campaign

    today = datetime.now().date()
    add_campaign(store, today=today - timedelta(days=1), at=datetime.now(UTC), days=45, groups=3,
                 start=500_000)  # fmt: skip
    loaded: list[object] = []
    report.progress_loaded.connect(loaded.append)
    report.chart_button.click()
    wait_until(app, lambda: bool(loaded))
    shoot("53-progress-chart")
    report.show_chart(False)
    report.open_targets()
    targets = report._targets
    assert targets is not None
    wait_until(app, lambda: targets.view() is not None and window.runner.pending() == 0)
    shoot("54-targets", screen=True)
    targets.reject()
    window.navigator.go("home")


def main() -> int:
    """Take the pictures; prints each file written."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text-size", default="normal", choices=("normal", "large", "largest"))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    out: Path = args.out
    if not os.environ.get("DISPLAY"):
        print("tools/screenshots.py needs a display: run it under xvfb-run (see its docstring)")
        return 2
    # The Makefile exports QT_QPA_PLATFORM=offscreen for the tests; pictures use the real X11
    # platform, so the fonts are rendered as on a kiosk.
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kiosk-shots-") as temp:
        env = {
            "KIOSK_CONFIG_DIR": f"{temp}/config",
            "KIOSK_DATA_DIR": f"{temp}/data",
            "KIOSK_KEY_STORE": "file",
        }
        qm_dir = Path(temp) / "i18n"
        qm_dir.mkdir()
        app = QApplication(sys.argv[:1])
        window = create_window(
            app, load_config(env), wiring=Wiring(translations=build_translations(qm_dir))
        )
        window.change_preferences(window.preferences.with_changes(text_size=args.text_size))
        window.resize(*SIZE)
        window.move(0, 0)
        window.show()
        shots: list[str] = []

        def shoot(name: str, *, screen: bool = False) -> None:
            settle(app, window)
            path = out / f"{name}.png"
            if screen:
                window.screen().grabWindow(0, 0, 0, *SIZE).save(str(path))
            else:
                window.grab().save(str(path))
            shots.append(str(path))

        # the very first frame, drawn while the database opens on the worker
        wait_until(app, lambda: window.startup._painted)
        window.grab().save(str(out / "00-starting.png"))
        shots.append(str(out / "00-starting.png"))
        wait_until(app, lambda: window.navigator.current() == "setup")
        setup = window.setup_screen
        shoot("01-setup-language")
        setup.language_choice.button_for("vi").click()
        setup.enrol_form.server_field.setText("https://nhapdulieu.phuong.example")
        shoot("02-setup-station")
        setup._go("house")
        setup.house_field.setText("Nhà văn hoá Tổ dân phố 3")
        shoot("02b-setup-house")
        setup._go("name")
        setup.name_field.setText(OFFICER[0])
        shoot("03-setup-officer-name")
        setup._go("pin")
        for digit in OFFICER[1][:4]:
            setup.pin_pad.press(digit)
        shoot("04-setup-officer-pin")
        setup._go("confirm")
        for digit in OFFICER[1]:
            setup.confirm_pad.press(digit)
        setup._pin = OFFICER[1]
        setup.training_choice.set_value(False)
        setup.confirm_pad.submit()
        wait_until(app, lambda: window.navigator.current() == "home")
        officer = window.actor
        assert officer is not None
        seed(window, officer)
        window.refresh_status()
        window.home_screen.refresh()
        shoot("05-home-officer")

        window.navigator.go("operators")
        settle(app, window)
        window.operators_screen.select(
            next(o for o in window.operators_screen._operators if o.name == PEOPLE[0][0])
        )
        shoot("06-operators")
        window.operators_screen.start_adding()
        window.operators_screen.name_field.setText("Hoàng Thị Mai Anh")
        shoot("07-operators-add")
        window.navigator.go("settings")
        shoot("08-settings")
        window.settings_screen.enrol_button.click()
        window.settings_screen.enrol_form.server_field.setText("https://nhapdulieu.phuong.example")
        shoot("08b-settings-enrol")
        window.settings_screen.clear_personal_data()

        window.sign_out()
        wait_until(app, lambda: bool(window.sign_in_screen._operators))
        shoot("09-sign-in")
        sign_in = window.sign_in_screen
        sign_in.select(next(o for o in sign_in._operators if o.name == PEOPLE[0][0]))
        for attempt in range(5):
            for digit in "999990":
                sign_in.keypad.press(digit)
            sign_in.keypad.submit()
            settle(app, window)
            if attempt == 1:
                shoot("10-sign-in-wrong-pin")
        shoot("11-sign-in-paused")

        window.accept_sign_in(Actor(officer.operator_id, officer.name, "officer"))
        window.navigator.go("operators")
        window.operators_screen.start_adding()
        window.operators_screen.name_field.setText("Hoàng Thị Mai Anh")
        window.idle.set_timeout_ms(WARNING_MS + 100)
        wait_until(app, lambda: window.idle.remaining_ms() <= WARNING_MS)
        shoot("12a-idle-warning")
        window.idle.set_timeout_ms(window.preferences.idle_lock_seconds * 1000)
        window.lock_for_idle()
        settle(app, window)
        shoot("12-locked-after-idle")

        volunteer = next(o for o in sign_in._operators if o.role == "volunteer")
        backend = window.backend_or_fail()
        backend.station.set_training(officer, True)
        window.set_training(True)
        window.accept_sign_in(Actor(volunteer.id, volunteer.name, "volunteer"))
        window.home_screen.refresh()
        shoot("13-home-volunteer-training")

        window.accept_sign_in(Actor(officer.operator_id, officer.name, "officer"))
        backend.station.set_training(officer, False)
        window.set_training(False)
        shoot_resident(app, window, shoot)
        shoot_visit(app, window, shoot)
        shoot_desk(app, window, shoot, Actor(officer.operator_id, officer.name, "officer"))
        shoot_evening(app, window, shoot)
        stick = Path(temp) / "stick"
        stick.mkdir()
        shoot_roster_stick(app, window, shoot, stick)
        shoot_households(app, window, shoot)
        window.navigator.go("operators")
        shoot_keyboard(app, window, shoot)
        window.sign_out()
        settle(app, window)
        shots += shoot_inputs(app, out)

        window._exit_allowed = True
        window.close()
        shut_down(window)
    for shot in shots:
        print(shot)
    return 0


if __name__ == "__main__":
    sys.exit(main())
