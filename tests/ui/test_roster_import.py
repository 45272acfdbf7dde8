"""Settings: an officer imports the ward's roster from a USB stick (issue 21, point 6).

The real window and store; the roster files come from the real ``kiosk-intake export-roster`` on
a real intake server's database, which is then stopped: the ward has no network.  The stick is a
folder the file chooser is pointed at (``removable_roots``).
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from intake import cli
from intake.auth import issue_enrol_code
from intake.demo import populate
from kiosk.services.base import Actor, PermissionDenied
from kiosk.store import Store
from kiosk.sync.client import IntakeClient
from kiosk.sync.enrol import enrol_station
from kiosk.ui.main_window import MainWindow
from kiosk.ui.widgets import usb_files
from tests.support.intake import fresh_database, running_server
from tests.ui.conftest import OFFICER
from tests.ui.flows import WAIT_MS, complete_setup, tap
from tests.ui.layout import SIZES, layout_problems

WARD, OTHER_WARD, GROUP = "Phường Yên Nghĩa", "Phường Tây Hồ", "Tổ dân phố 2"
RESIDENTS = 3000  # two pages
IMPORT_WAIT_MS = 60_000
LONG_NAME = "danh-sach-cu-dan-phuong-yen-nghia-to-dan-pho-2-ngay-05-12-2026.roster"


@pytest.fixture
def stick(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A USB stick: the only removable volume the chooser sees."""
    folder = tmp_path / "stick"
    (folder / "ward-office").mkdir(parents=True)
    monkeypatch.setattr(usb_files, "removable_roots", lambda: [folder])
    return folder


def _export(url: str, ward: str, out: Path) -> Path:
    argv = ["export-roster", "--database-url", url, "--ward", ward, "--out", str(out)]
    assert cli.main(argv) == 0
    return out


def ward_files(tmp_path: Path, stick: Path, store: Store | None) -> None:
    """The ward's server, for a moment: two wards' roster files on the stick (one of them also cut
    short), and ``store``'s kiosk enrolled with it.  Then the server stops: no network."""
    directory = tmp_path / "intake"
    directory.mkdir()
    with fresh_database("sqlite", directory) as url, running_server(url) as server:
        populate(server.engine, RESIDENTS, seed=11, ward=WARD)
        populate(server.engine, 40, seed=12, ward=OTHER_WARD)
        good = _export(url, WARD, stick / "yen-nghia.roster")
        _export(url, OTHER_WARD, stick / "ward-office" / "tay-ho.roster")
        data = good.read_bytes()
        (stick / "cut.roster").write_bytes(data[: len(data) // 3])
        (stick / "notes.txt").write_text("not a roster")
        (stick / "ward-office" / LONG_NAME).write_bytes(data)  # shown cut in the middle
        if store is not None:
            code = issue_enrol_code(server.engine, WARD, GROUP, timedelta(hours=1))
            with IntakeClient(server.url) as client:
                now = datetime.now().astimezone
                enrol_station(store, client, code=code, name="Nhà văn hoá", now=now)


def _residents(store: Store) -> int:
    with store.reader() as conn:
        return int(conn.execute(text("SELECT count(*) FROM resident")).scalar_one())


def _shown(buttons: list[QPushButton]) -> int:
    return sum(1 for b in buttons if b.isVisible())


def _layout(qtbot: QtBot, window: MainWindow, view: str) -> list[str]:
    problems = []
    for width, height in SIZES:
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width: window.width() == w, timeout=WAIT_MS)
        QApplication.processEvents()
        problems += [f"{view} at {width}×{height}: {p}" for p in layout_problems(window)]
    return problems


def _choose(qtbot: QtBot, window: MainWindow, name: str) -> list[int]:
    """Tap the file ``name`` and wait for the outcome; the progress bar's values meanwhile."""
    panel = window.settings_screen.roster_panel
    (choice,) = [b for b in panel.files.file_buttons if b.text().startswith(name)]
    values: list[int] = []
    panel.bar.valueChanged.connect(values.append)
    with qtbot.waitSignal(panel.finished, timeout=IMPORT_WAIT_MS):
        tap(qtbot, choice)
        if panel.running():  # a small file may be refused before the test looks
            assert panel.bar.isVisible() and panel.cancel_button.isVisible()
            assert not panel.files.isEnabled()  # one import at a time
    panel.bar.valueChanged.disconnect(values.append)
    assert panel.message.isVisible() and not panel.bar.isVisible()
    assert panel.files.isEnabled()
    return values


def test_an_officer_imports_the_roster_from_a_usb_stick(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, stick: Path
) -> None:
    complete_setup(qtbot, window, *OFFICER)
    store = window.backend_or_fail().store
    ward_files(tmp_path, stick, store)
    settings = window.settings_screen
    assert window.navigator.go("settings")
    qtbot.waitUntil(settings.roster_button.isVisible, timeout=WAIT_MS)
    problems = _layout(qtbot, window, "settings")
    tap(qtbot, settings.roster_button)
    panel = settings.roster_panel
    qtbot.waitUntil(lambda: _shown(panel.files.file_buttons) == 4, timeout=WAIT_MS)
    names = sorted(b.text().splitlines()[0] for b in panel.files.file_buttons)
    long_name = "danh-sach-cu-dan-…05-12-2026.roster"  # one folder down too
    assert names == ["cut.roster", long_name, "tay-ho.roster", "yen-nghia.roster"]
    problems += _layout(qtbot, window, "settings/roster files")

    _choose(qtbot, window, "tay-ho.roster")
    other = panel.message.text()
    assert OTHER_WARD in other and panel.message.property("role") == "error"
    _choose(qtbot, window, "cut.roster")
    assert panel.message.text() != other and panel.message.property("role") == "error"
    problems += _layout(qtbot, window, "settings/roster refused")
    assert _residents(store) == 0  # nothing from a refused file

    values = _choose(qtbot, window, "yen-nghia.roster")
    assert max(values, default=0) <= RESIDENTS
    assert WARD in panel.message.text() and panel.message.property("role") == "notice"
    assert _residents(store) == RESIDENTS
    problems += _layout(qtbot, window, "settings/roster imported")
    with store.reader() as conn:
        outcomes = conn.execute(
            text("SELECT details FROM audit_event WHERE action = 'roster.import' ORDER BY seq")
        ).scalars()
        details = list(outcomes)
    assert [d.count('"outcome":"refused"') for d in details] == [1, 1, 0]
    assert problems == [], "\n".join(problems)


def test_a_station_not_enrolled_cannot_check_the_file_and_volunteers_cannot_import(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, stick: Path
) -> None:
    complete_setup(qtbot, window, *OFFICER)  # an offline demo station: no key pinned
    ward_files(tmp_path, stick, None)
    settings = window.settings_screen
    assert window.navigator.go("settings")
    qtbot.waitUntil(settings.roster_button.isVisible, timeout=WAIT_MS)
    tap(qtbot, settings.roster_button)
    panel = settings.roster_panel
    qtbot.waitUntil(lambda: _shown(panel.files.file_buttons) == 4, timeout=WAIT_MS)
    _choose(qtbot, window, "yen-nghia.roster")
    assert panel.message.property("role") == "error" and panel.message.text()
    backend = window.backend_or_fail()
    assert _residents(backend.store) == 0
    volunteer = Actor("op-nam", "Nam", "volunteer")
    with pytest.raises(PermissionDenied):
        backend.import_roster_file(
            volunteer, stick / "yen-nghia.roster", lambda _progress: None, threading.Event()
        )
