"""UI test fixtures: a real kiosk on a temporary config and data dir, translations built from the .ts."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import Wiring, create_window, shut_down
from kiosk.config import Config, load_config
from kiosk.services.pins import PinParams
from kiosk.ui.i18n import Translations
from kiosk.ui.main_window import MainWindow

HERE = Path(__file__).parent

# The offscreen platform says this on every top-level show(); it is about the platform, not the
# kiosk, and would otherwise fail every test under qt_log_level_fail = WARNING.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Ignore the offscreen platform's own warning in the UI tests (and only there)."""
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


ROOT = HERE.parents[1]
FAST_PINS = PinParams(n=2**8, r=8, p=1)  # the real scrypt cost is measured by the store's tests
PIN_WAIT_MS = 10_000
OFFICER = ("Trần Thị Hoà", "480159")
VOLUNTEER = ("Đặng Văn Nam", "736204")


@pytest.fixture(scope="session")
def qm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .ts sources built to .qm with pyside6-lrelease, as `make translations` does."""
    out = tmp_path_factory.mktemp("i18n")
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in sorted((ROOT / "assets" / "i18n").glob("kiosk_*.ts")):
        subprocess.run(
            [str(lrelease), "-silent", str(ts), "-qm", str(out / ts.with_suffix(".qm").name)],
            check=True,
            timeout=60,
        )
    return out


@pytest.fixture
def config(tmp_path: Path) -> Config:
    """A kiosk config on temporary dirs, key in a file (no desktop keyring in tests)."""
    env = {
        "KIOSK_CONFIG_DIR": str(tmp_path / "config"),
        "KIOSK_DATA_DIR": str(tmp_path / "data"),
        "KIOSK_KEY_STORE": "file",
    }
    return load_config(env)


def make_window(
    qtbot: QtBot, qapp: QApplication, config: Config, qm_dir: Path, *, kiosk_mode: bool = False
) -> MainWindow:
    """The real kiosk window on ``config``, shown at 1366×768, its store open."""
    window = create_window(
        qapp,
        config,
        kiosk_mode=kiosk_mode,
        wiring=Wiring(pin_params=FAST_PINS, translations=qm_dir),
    )
    qtbot.addWidget(window, before_close_func=lambda w: _allow_close(w))
    window.resize(1366, 768)
    with qtbot.waitSignal(window.navigator.current_changed, timeout=PIN_WAIT_MS):
        window.show()
    return window


def _allow_close(window: QWidget) -> None:
    assert isinstance(window, MainWindow)
    window._exit_allowed = True


@pytest.fixture
def window(qtbot: QtBot, qapp: QApplication, config: Config, qm_dir: Path) -> Iterator[MainWindow]:
    """A kiosk on a fresh database: it opens on the first-start setup."""
    main_window = make_window(qtbot, qapp, config, qm_dir)
    yield main_window
    main_window._exit_allowed = True
    main_window.close()
    shut_down(main_window)


@pytest.fixture
def vietnamese(qapp: QApplication, qm_dir: Path) -> Iterator[Translations]:
    """Translations to switch a widget test to Vietnamese; afterwards none, and the locale before."""
    locale = QLocale()
    translations = Translations(qapp, qm_dir)
    yield translations
    translations.uninstall()
    QLocale.setDefault(locale)


def shown_text(screen: QWidget, label: QLabel) -> str:
    """What a message label of ``screen`` shows, "" while it is hidden there."""
    return label.text() if label.isVisibleTo(screen) else ""
