"""Start-up order, a store that cannot be opened, and kiosk (fullscreen) mode."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

import kiosk.app
from kiosk.app import Wiring, create_window, shut_down
from kiosk.config import Config
from kiosk.services.auth import AuthService
from kiosk.services.base import system_clock
from kiosk.store import open_store
from kiosk.store.first_look import open_marker
from kiosk.ui.main_window import MainWindow
from tests.ui.conftest import FAST_PINS, OFFICER, make_window
from tests.ui.flows import WAIT_MS, complete_setup, tap, type_on


def test_the_first_screen_is_drawn_before_the_database_opens(
    qtbot: QtBot, qapp: QApplication, config: Config, qm_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}
    windows: list[MainWindow] = []
    real: Callable[..., Any] = kiosk.app.open_store

    def spying_open_store(*args: Any, **kwargs: Any) -> Any:
        seen["painted"] = windows[0].startup._painted
        seen["ui_thread"] = threading.current_thread() is threading.main_thread()
        return real(*args, **kwargs)

    monkeypatch.setattr(kiosk.app, "open_store", spying_open_store)
    window = create_window(qapp, config, wiring=Wiring(pin_params=FAST_PINS, translations=qm_dir))
    windows.append(window)
    qtbot.addWidget(window)
    try:
        assert not config.db_path.exists()
        with qtbot.waitSignal(window.backend_ready, timeout=WAIT_MS):
            window.show()
        assert seen == {"painted": True, "ui_thread": False}
        qtbot.waitUntil(lambda: window.navigator.current() == "setup", timeout=WAIT_MS)
    finally:
        shut_down(window)


def test_a_second_start_draws_sign_in_first_and_opens_the_store_behind_it(
    qtbot: QtBot, qapp: QApplication, config: Config, qm_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wiring = Wiring(pin_params=FAST_PINS, translations=qm_dir)
    first = make_window(qtbot, qapp, config, qm_dir)
    complete_setup(qtbot, first, *OFFICER, training=True)
    first._exit_allowed = True
    first.close()
    shut_down(first)  # a clean close: no crash marker

    seen: dict[str, Any] = {}
    windows: list[MainWindow] = []
    painted: list[bool] = []
    real: Callable[..., Any] = kiosk.app.open_store

    def spying_open_store(*args: Any, **kwargs: Any) -> Any:
        seen["sign_in_painted"] = painted == [True]
        seen["ui_thread"] = threading.current_thread() is threading.main_thread()
        return real(*args, **kwargs)

    monkeypatch.setattr(kiosk.app, "open_store", spying_open_store)
    window = create_window(qapp, config, wiring=wiring)
    windows.append(window)
    qtbot.addWidget(window)
    window.sign_in_screen.first_paint.connect(lambda: painted.append(True))
    try:
        assert window.navigator.current() == "sign_in"  # before the first paint, store closed
        assert window.backend is None
        assert window.banner.isVisible() is False  # not shown yet; training is on:
        assert not window.banner.isHidden()
        assert window.sign_in_screen.tile_for(OFFICER[0]) is not None
        with qtbot.waitSignal(window.backend_ready, timeout=WAIT_MS):
            window.show()
        assert seen == {"sign_in_painted": True, "ui_thread": False}
        assert window.navigator.current() == "sign_in"
    finally:
        shut_down(window)


# A fresh interpreter starts the kiosk as ``python -m kiosk`` does and says, at the first paint of
# the sign-in screen, what had been loaded by then.
FIRST_FRAME_PROBE = """
import sys
import kiosk.cli
from PySide6 import QtCore
from PySide6.QtWidgets import QApplication
from kiosk.app import create_window, shut_down
from kiosk.config import load_config

app = QApplication(sys.argv[:1])
window = create_window(app, load_config())

def painted():
    heavy = {"sqlalchemy", "alembic", "requests", "keyring"}
    print(sorted({name.split(".")[0] for name in sys.modules} & heavy), "Qt" in vars(QtCore))
    app.exit()

window.sign_in_screen.first_paint.connect(painted)
window.show()
app.exec()
shut_down(window)
"""


def test_the_sign_in_frame_is_drawn_without_the_heavy_imports_and_the_qt_namespace(
    tmp_path: Path, config: Config
) -> None:
    """What docs/startup.md keeps off the first frame stays off it: the store's and the network's
    libraries, and PySide's ``Qt`` namespace (about 20 ms of Python enums; kiosk.ui.qt_names)."""
    store = open_store(config)
    try:
        AuthService(store, system_clock, pin_params=FAST_PINS).create_first_officer(*OFFICER)
    finally:
        store.close()
    env = {
        **os.environ,
        "KIOSK_CONFIG_DIR": str(config.config_dir),
        "KIOSK_DATA_DIR": str(config.data_dir),
        "KIOSK_KEY_STORE": "file",
        "QT_QPA_PLATFORM": "offscreen",
    }
    run = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME_PROBE],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines()[-1] == "[] False"


def test_a_database_it_cannot_unlock_gets_a_clear_message_and_a_retry(
    qtbot: QtBot, qapp: QApplication, config: Config, qm_dir: Path
) -> None:
    config.data_dir.mkdir(parents=True)
    config.db_path.write_bytes(b"not a kiosk database, and no key for it" * 100)
    window = create_window(qapp, config, wiring=Wiring(pin_params=FAST_PINS, translations=qm_dir))
    qtbot.addWidget(window)
    try:
        with qtbot.waitSignal(window.backend_failed, timeout=WAIT_MS):
            window.show()
        assert window.navigator.current() == "startup"
        assert window.backend is None
        assert "khoá giải mã" in window.startup._error.text()
        assert window.startup._retry.isVisible()
        assert config.db_path.read_bytes().startswith(b"not a kiosk database")  # nothing lost
    finally:
        shut_down(window)


@pytest.fixture
def kiosk_window(qtbot: QtBot, qapp: QApplication, config: Config, qm_dir: Path) -> MainWindow:
    window = make_window(qtbot, qapp, config, qm_dir, kiosk_mode=True)
    yield window  # type: ignore[misc]
    shut_down(window)


def test_kiosk_mode_closes_only_with_an_officer_pin(qtbot: QtBot, kiosk_window: MainWindow) -> None:
    window = kiosk_window
    complete_setup(qtbot, window, *OFFICER)
    assert not window.close()  # Alt+F4, the window manager: refused
    assert window.isVisible()
    assert window.navigator.go("settings")
    settings = window.settings_screen
    tap(qtbot, settings.exit_button)
    type_on(qtbot, settings.exit_pad, "999990")
    qtbot.waitUntil(settings._message.isVisible, timeout=WAIT_MS)
    assert "chưa đúng" in settings._message.text()
    assert window.isVisible()
    assert settings.exit_pad.isVisible()  # still asking; the wrong try counts towards a lockout
    with qtbot.waitSignal(settings.exit_requested, timeout=WAIT_MS):
        type_on(qtbot, settings.exit_pad, OFFICER[1])
    assert not window.isVisible()


def test_windowed_mode_has_no_exit_button(qtbot: QtBot, window: MainWindow) -> None:
    complete_setup(qtbot, window, *OFFICER)
    assert window.navigator.go("settings")
    assert not window.settings_screen.exit_button.isVisible()


def test_closing_while_the_store_opens_still_closes_it(
    qtbot: QtBot, qapp: QApplication, config: Config, qm_dir: Path
) -> None:
    first = make_window(qtbot, qapp, config, qm_dir)
    complete_setup(qtbot, first, *OFFICER, training=False)
    first._exit_allowed = True
    first.close()
    shut_down(first)

    window = create_window(qapp, config, wiring=Wiring(pin_params=FAST_PINS, translations=qm_dir))
    qtbot.addWidget(window)
    assert window.navigator.current() == "sign_in"  # from the first look
    window._start_backend()  # what the first paint does; the loop ends before the store is open
    shut_down(window)
    assert window.backend is not None  # it opened on the worker after the loop had ended...
    assert not open_marker(config.db_path).exists()  # ...and was closed: no "crash" next time
