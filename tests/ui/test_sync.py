"""The shell and the ward's server: enrolment at first start and in the settings, the sync worker
in the background, Home's figures and the link following it, "Sync now" (officers only: the role
guard test of test_shell checks a volunteer does not see it).

A real intake server on loopback (its own SQLite file), the real kiosk window and database.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from intake.auth import issue_enrol_code, revoke
from intake.models import Station as ServerStation
from kiosk.ui.main_window import MainWindow
from tests.support.intake import (
    Server,
    fresh_database,
    one_test_server,  # noqa: F401  # the ``server`` fixture
    running_server,
)
from tests.support.queue import add_verified
from tests.sync.helpers import local_statuses, server_ids
from tests.ui.conftest import OFFICER
from tests.ui.flows import HOUSE, WAIT_MS, complete_setup, tap, type_text

SYNC_WAIT_MS = 30_000
WARD, GROUP = "Phường Yên Nghĩa", "Tổ dân phố 3"


def code_for(server: Server) -> str:
    """A one-time enrolment code, as the ward office issues it."""
    return issue_enrol_code(server.engine, WARD, GROUP, timedelta(hours=1))


def test_setup_enrols_with_the_server_and_home_shows_the_link_online(
    qtbot: QtBot, window: MainWindow, server: Server
) -> None:
    complete_setup(qtbot, window, *OFFICER, server=(server.url, code_for(server)))
    assert window.navigator.current() == "home"
    # the house step was prefilled from the enrolment's residential group, and kept
    assert window.backend_or_fail().station.name() == f"Nhà văn hoá {GROUP}"
    qtbot.waitUntil(lambda: window.status_area.link_text() == "Trực tuyến", timeout=SYNC_WAIT_MS)
    home = window.home_screen
    qtbot.waitUntil(lambda: "Đồng bộ lần cuối hôm nay" in home.link_line(), timeout=WAIT_MS)
    assert home.link_line().startswith("Trực tuyến")
    assert home.sync_now_button.isVisible() and home.sync_now_button.isEnabled()
    assert window.setup_screen.enrol_form.code_field.text() == ""  # the code never stays on screen


def test_a_refused_code_and_an_unreachable_server_say_what_to_do(
    qtbot: QtBot, window: MainWindow, server: Server
) -> None:
    setup = window.setup_screen
    tap(qtbot, setup.language_choice.button_for("vi"))
    tap(qtbot, setup.station_choice.button_for("server"))
    tap(qtbot, setup._station_next)
    assert "địa chỉ máy chủ" in setup._error.text()  # nothing typed: which field is missing
    type_text(setup.enrol_form.server_field, server.url)
    type_text(setup.enrol_form.code_field, "KHONG-DUNG-1234")
    with qtbot.waitSignal(window.runner.finished, timeout=SYNC_WAIT_MS):
        tap(qtbot, setup._station_next)
    assert setup.step() == "station"
    assert "không chấp nhận mã" in setup._error.text()
    setup.enrol_form.server_field.setText("http://127.0.0.1:9")  # nothing listens on port 9
    with qtbot.waitSignal(window.runner.finished, timeout=SYNC_WAIT_MS):
        tap(qtbot, setup._station_next)
    assert setup.step() == "station"
    assert "Không kết nối được máy chủ" in setup._error.text()
    tap(qtbot, setup.station_choice.button_for("demo"))  # the way on without a server
    tap(qtbot, setup._station_next)
    assert setup.step() == "house"
    assert setup.house_field.text() == ""  # no residential group to name the house after


def test_home_counts_follow_the_queue_while_sync_runs_in_the_background(
    qtbot: QtBot, window: MainWindow, server: Server
) -> None:
    complete_setup(qtbot, window, *OFFICER, server=(server.url, code_for(server)))
    home = window.home_screen
    # the first round is over (the roster is in) and the worker pauses until the next one
    qtbot.waitUntil(lambda: "Đồng bộ lần cuối" in home.link_line(), timeout=SYNC_WAIT_MS)
    store = window.backend_or_fail().store
    shown: list[int] = []
    home.counts_shown.connect(lambda counts: shown.append(counts.waiting_upload))
    ids = add_verified(store, 250)  # an officer verified them on another screen
    home.refresh()
    tap(qtbot, home.sync_now_button)  # whatever wait the worker is in, it goes now
    qtbot.waitUntil(
        lambda: local_statuses(store) == {"sent": 250} and shown[-1:] == [0], timeout=SYNC_WAIT_MS
    )
    assert home.figure_texts()[2] == "0"
    after = shown[shown.index(max(shown)) :]  # from the most Home saw waiting, it follows them out
    assert after == sorted(after, reverse=True)
    qtbot.waitUntil(lambda: "0 hồ sơ" in window.status_area.waiting_text(), timeout=WAIT_MS)
    assert local_statuses(store) == {"sent": 250}
    assert sorted(server_ids(server)) == sorted(ids)


def test_settings_enrol_again_only_when_nothing_waits(
    qtbot: QtBot, window: MainWindow, server: Server
) -> None:
    complete_setup(qtbot, window, *OFFICER)  # an offline demo station first
    qtbot.waitUntil(lambda: "trạm thử" in window.status_area.link_text(), timeout=WAIT_MS)
    assert not window.home_screen.sync_now_button.isVisible()  # nothing to sync with
    settings = window.settings_screen
    assert window.navigator.go("settings")
    qtbot.waitUntil(lambda: settings.enrol_button.text() == "Đăng ký với máy chủ", timeout=WAIT_MS)
    tap(qtbot, settings.enrol_button)
    type_text(settings.enrol_form.server_field, server.url)
    type_text(settings.enrol_form.code_field, code_for(server))
    with qtbot.waitSignal(settings.enrolled, timeout=SYNC_WAIT_MS):
        tap(qtbot, settings.enrol_submit)
    assert "Đã đăng ký: trạm" in settings._message.text()
    station_id = window.backend_or_fail().station.info().station_id
    assert window.backend_or_fail().station.name() == HOUSE  # enrolling keeps the house's name
    with server.engine.connect() as connection:  # and the server knows the station by it
        known = connection.execute(
            select(ServerStation.name).where(ServerStation.id == station_id)
        ).scalar_one()
    assert known == HOUSE
    qtbot.waitUntil(lambda: window.status_area.link_text() == "Trực tuyến", timeout=SYNC_WAIT_MS)
    qtbot.waitUntil(lambda: settings.enrol_button.text() == "Đăng ký lại", timeout=WAIT_MS)

    window.sync.stop()  # records wait (the link is down): enrolling again would strand them
    add_verified(window.backend_or_fail().store, 3)
    tap(qtbot, settings.enrol_button)
    type_text(settings.enrol_form.code_field, code_for(server))
    with qtbot.waitSignal(window.runner.finished, timeout=SYNC_WAIT_MS):
        tap(qtbot, settings.enrol_submit)
    assert "Còn 3 hồ sơ đang chờ gửi" in settings._message.text()


def test_the_link_says_offline_when_the_server_is_gone(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    directory = tmp_path / "gone"
    directory.mkdir()
    with fresh_database("sqlite", directory) as url:
        with running_server(url) as server:
            complete_setup(qtbot, window, *OFFICER, server=(server.url, code_for(server)))
            qtbot.waitUntil(
                lambda: window.status_area.link_text() == "Trực tuyến", timeout=SYNC_WAIT_MS
            )
        add_verified(window.backend_or_fail().store, 2)  # the server has stopped: they wait
        window.sync_now()
        qtbot.waitUntil(
            lambda: window.status_area.link_text().startswith("Ngoại tuyến"), timeout=SYNC_WAIT_MS
        )
        assert "lưu an toàn" in window.home_screen.link_line()
        assert local_statuses(window.backend_or_fail().store) == {"verified": 2}


def test_a_revoked_station_asks_for_an_officer_to_enrol_again(
    qtbot: QtBot, window: MainWindow, server: Server
) -> None:
    complete_setup(qtbot, window, *OFFICER, server=(server.url, code_for(server)))
    qtbot.waitUntil(lambda: window.status_area.link_text() == "Trực tuyến", timeout=SYNC_WAIT_MS)
    station_id = window.backend_or_fail().station.info().station_id
    assert revoke(server.engine, station_id)
    add_verified(window.backend_or_fail().store, 2)
    window.sync_now()
    qtbot.waitUntil(
        lambda: "cần đăng ký lại" in window.status_area.link_text(), timeout=SYNC_WAIT_MS
    )
    assert local_statuses(window.backend_or_fail().store) == {"verified": 2}  # nothing marked sent


def test_a_database_that_refuses_writes_stops_sending_and_says_so(
    qtbot: QtBot, window: MainWindow, server: Server
) -> None:
    complete_setup(qtbot, window, *OFFICER, server=(server.url, code_for(server)))
    qtbot.waitUntil(
        lambda: "Đồng bộ lần cuối" in window.home_screen.link_line(), timeout=SYNC_WAIT_MS
    )
    store = window.backend_or_fail().store
    add_verified(store, 3)
    store.stop_writes("the disk reported an error")  # as after a failed integrity check
    window.sync_now()
    qtbot.waitUntil(
        lambda: window.status_area.link_text().startswith("Đã dừng gửi"), timeout=SYNC_WAIT_MS
    )
    assert window.sync is not None and window.sync._thread.is_alive()  # it keeps trying later
    assert local_statuses(store) == {
        "verified": 3
    }  # nothing marked: the server says duplicate later
