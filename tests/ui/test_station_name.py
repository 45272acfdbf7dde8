"""The community house's name: asked at first start (prefilled from the enrolment's residential
group), kept with the first officer, changed by an officer in the settings; never blank."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.services.audit import AuditEntry
from kiosk.services.base import Actor
from kiosk.store.enrolment import save_enrolment
from kiosk.ui.main_window import MainWindow
from tests.store.fixtures import START
from tests.ui.conftest import OFFICER
from tests.ui.flows import HOUSE, WAIT_MS, complete_setup, tap, type_on, type_text


def _name_events(window: MainWindow, actor: Actor) -> list[AuditEntry]:
    audit = window.backend_or_fail().audit
    return [e for e in audit.recent(actor) if e.action == "station.name"]


def _officer(window: MainWindow) -> Actor:
    actor = window.actor
    assert actor is not None and actor.is_officer
    return actor


def test_setup_asks_the_house_name_and_keeps_it_with_the_first_officer(
    qtbot: QtBot, window: MainWindow
) -> None:
    setup = window.setup_screen
    tap(qtbot, setup.language_choice.button_for("vi"))
    tap(qtbot, setup.station_choice.button_for("demo"))
    tap(qtbot, setup._station_next)
    assert setup.step() == "house"
    assert setup.house_field.text() == ""  # a demo station has no residential group
    tap(qtbot, setup._house_next)
    assert setup.step() == "house"  # a blank name is refused, and said so
    assert setup._error.isVisible()
    assert setup._error.text() == setup.tr("Please type the name of the community house.")
    type_text(setup.house_field, "  Nhà văn hoá   Tổ dân phố 8 ")
    tap(qtbot, setup._house_next)
    assert setup.step() == "name"
    assert not setup._error.isVisible()
    tap(qtbot, setup._back)  # back and forth: what was typed stays
    assert setup.step() == "house"
    assert setup.house_field.text() == "  Nhà văn hoá   Tổ dân phố 8 "
    tap(qtbot, setup._house_next)
    type_text(setup.name_field, OFFICER[0])
    tap(qtbot, setup._name_next)
    type_on(qtbot, setup.pin_pad, OFFICER[1])
    with qtbot.waitSignal(window.navigator.current_changed, timeout=WAIT_MS) as changed:
        type_on(qtbot, setup.confirm_pad, OFFICER[1])
    assert changed.args == ["home"]
    assert window.backend_or_fail().station.name() == "Nhà văn hoá Tổ dân phố 8"
    (event,) = _name_events(window, _officer(window))
    assert event.actor == _officer(window).operator_id  # renamed by the first officer
    assert event.details["new"] == "Nhà văn hoá Tổ dân phố 8"
    assert setup.house_field.text() == ""  # setup forgets what was typed


def test_an_enrolment_kept_before_a_restart_prefills_the_house(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Enrolled, then the kiosk restarted before the first officer: setup starts again and names
    the house after the residential group the database holds."""
    with window.backend_or_fail().store.write() as session:
        save_enrolment(
            session,
            station_id="st-test-7",
            name="Kiosk may-1",
            ward="Phường Yên Nghĩa",
            group="Tổ dân phố 7",
            token="t" * 43,
            server_url="http://127.0.0.1:9",
            server_public_key="A" * 43 + "=",
            server_signing_key="A" * 43 + "=",
            signing_private_key=b"\x01" * 32,
            signing_public_key=b"\x02" * 32,
            at=START,
        )
    setup = window.setup_screen
    setup.entered()  # what the restarted kiosk does
    qtbot.waitUntil(lambda: window.runner.pending() == 0, timeout=WAIT_MS)
    tap(qtbot, setup.language_choice.button_for("vi"))
    tap(qtbot, setup.station_choice.button_for("demo"))
    tap(qtbot, setup._station_next)
    assert setup.step() == "house"
    assert setup.house_field.text() == "Nhà văn hoá Tổ dân phố 7"
    setup.house_field.setText("Nhà văn hoá khu tập thể")  # the officer's own name is not replaced
    tap(qtbot, setup._back)
    tap(qtbot, setup._station_next)
    assert setup.house_field.text() == "Nhà văn hoá khu tập thể"


def test_an_officer_renames_the_house_in_the_settings(qtbot: QtBot, window: MainWindow) -> None:
    complete_setup(qtbot, window, *OFFICER)
    station = window.backend_or_fail().station
    assert station.name() == HOUSE
    assert window.navigator.go("settings")
    settings = window.settings_screen
    qtbot.waitUntil(lambda: settings.house_field.text() == HOUSE, timeout=WAIT_MS)
    settings.house_field.clear()
    type_text(settings.house_field, "Nhà văn hoá Tổ dân phố 5 (cũ)")
    tap(qtbot, settings.house_save)
    qtbot.waitUntil(lambda: station.name() == "Nhà văn hoá Tổ dân phố 5 (cũ)", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: settings.house_save.isEnabled(), timeout=WAIT_MS)
    assert settings._message.isVisible()
    assert settings._message.property("role") == "notice"
    officer = _officer(window)
    events = _name_events(window, officer)
    assert events[0].actor == officer.operator_id
    assert events[0].details == {"old": HOUSE, "new": "Nhà văn hoá Tổ dân phố 5 (cũ)"}

    settings.house_field.clear()  # blank: refused with a message, nothing saved or audited
    type_text(settings.house_field, "   ")
    tap(qtbot, settings.house_save)
    assert settings._message.property("role") == "error"
    assert settings._message.text() == settings.tr("Please type the name of the community house.")
    qtbot.waitUntil(lambda: window.runner.pending() == 0, timeout=WAIT_MS)
    assert station.name() == "Nhà văn hoá Tổ dân phố 5 (cũ)"
    assert len(_name_events(window, officer)) == len(events)
