"""The officers' daily targets dialog (issue 22, point 1): set with − and + or the keypad, saved
and audited, shown on Home, sent to the ward's server; a target set on the server reaches Home
through the sync thread; a volunteer cannot open it; nothing cut, every target big enough.

A real intake server on loopback with a generated ward (synthetic names), the real kiosk window
enrolled with it, its sync thread running.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from functools import partial

import pytest
from pytestqt.qtbot import QtBot

from intake.auth import issue_enrol_code
from intake.demo import populate
from intake.targets import list_targets, set_target
from kiosk.services.base import Actor, PermissionDenied
from kiosk.store.targets import target_for
from kiosk.ui.main_window import MainWindow
from kiosk.ui.widgets.targets_dialog import TargetsDialog, load_targets
from tests.store.fixtures import add_operator
from tests.support.intake import Server
from tests.support.intake import one_test_server as one_test_server  # the ``server`` fixture
from tests.ui.conftest import OFFICER
from tests.ui.flows import WAIT_MS, complete_setup, tap
from tests.ui.layout import SIZES, layout_problems

SYNC_WAIT_MS = 30_000
WARD, GROUP = "Phường Yên Nghĩa", "Tổ dân phố 3"


@pytest.fixture
def enrolled(
    qtbot: QtBot, window: MainWindow, server: Server
) -> Iterator[tuple[MainWindow, Actor, Server]]:
    """The kiosk enrolled with the ward's server (home group Tổ dân phố 3), an officer signed in
    (English), its first sync round over: the roster's groups are in."""
    populate(server.engine, 80, seed=22, ward=WARD)
    code = issue_enrol_code(server.engine, WARD, GROUP, timedelta(hours=1))
    complete_setup(qtbot, window, *OFFICER, language="en", server=(server.url, code))
    home = window.home_screen
    qtbot.waitUntil(lambda: "Last sync" in home.link_line(), timeout=SYNC_WAIT_MS)
    actor = window.actor
    assert actor is not None and actor.is_officer
    yield window, actor, server


def open_dialog(qtbot: QtBot, window: MainWindow, actor: Actor) -> TargetsDialog:
    dialog = TargetsDialog(window, window.backend_or_fail(), window.runner, actor)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS) as loaded:
        dialog.open()
    assert loaded.args[0] is not None
    view = dialog.view()
    assert view is not None
    first = dialog.cell(view.today, view.groups[0])
    qtbot.waitUntil(first.plus.isVisible, timeout=WAIT_MS)  # rows shown once laid out
    return dialog


def _is_wide(window: MainWindow, width: int) -> bool:
    return window.width() == width


def home_today(window: MainWindow) -> str:
    window.home_screen.refresh()
    return window.home_screen.figure_texts()[0]


def test_an_officer_sets_targets_home_shows_them_and_the_server_gets_them(
    qtbot: QtBot, enrolled: tuple[MainWindow, Actor, Server]
) -> None:
    window, actor, server = enrolled
    backend = window.backend_or_fail()
    today = backend.clock().date()
    tomorrow = today + timedelta(days=1)
    dialog = open_dialog(qtbot, window, actor)
    view = dialog.view()
    assert view is not None and view.today == today
    assert view.groups == ("Tổ dân phố 1", GROUP)  # the roster's group and the home one
    assert layout_problems(dialog) == [], "\n".join(layout_problems(dialog))
    assert not dialog.save_button.isEnabled()  # nothing changed yet
    cell = dialog.cell(today, GROUP)
    assert cell.figure() is None
    for _ in range(3):
        tap(qtbot, cell.plus)
    tap(qtbot, cell.minus)
    assert cell.figure() == 2
    later = dialog.cell(tomorrow, GROUP)
    tap(qtbot, later.figure_button)  # the keypad types into it now
    for digit in "125":
        tap(qtbot, dialog.keypad._digit_buttons[digit])
    tap(qtbot, dialog.keypad._ok_button)
    assert later.figure() == 125
    assert dialog.changes() == {(today, GROUP): 2, (tomorrow, GROUP): 125}
    assert dialog.message.text() == "2 figure(s) changed: tap Save to keep them."
    assert dialog.cell(today, "Tổ dân phố 1").figure_button.text() == "not set"
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        tap(qtbot, dialog.save_button)
    assert sorted((r.day, r.target) for r in saved.args[0]) == [(today, 2), (tomorrow, 125)]
    assert dialog.changes() == {} and not dialog.save_button.isEnabled()
    assert dialog.message.text() == "Saved. The targets go to the ward's server with the next sync."
    events = [e for e in backend.audit.recent(actor) if e.action == "target.set"]
    assert sorted(e.details["target"] for e in events) == [2, 125]
    assert all(e.details["group"] == GROUP and OFFICER[0] not in str(e.details) for e in events)
    qtbot.waitUntil(lambda: home_today(window) == "0 of 2", timeout=WAIT_MS)
    tap(qtbot, window.home_screen.sync_now_button)
    qtbot.waitUntil(
        lambda: (
            {(t.day, t.target) for t in list_targets(server.engine, WARD)}
            == {(today, 2), (tomorrow, 125)}
        ),
        timeout=SYNC_WAIT_MS,
    )
    assert {t.set_by for t in list_targets(server.engine, WARD)} == {OFFICER[0]}
    dialog.close()


def test_a_target_set_on_the_server_reaches_home(
    qtbot: QtBot, enrolled: tuple[MainWindow, Actor, Server]
) -> None:
    window, _actor, server = enrolled
    backend = window.backend_or_fail()
    today = backend.clock().date()
    set_target(server.engine, WARD, GROUP, today, 35, set_by="Cán bộ phường")
    tap(qtbot, window.home_screen.sync_now_button)

    def held() -> int | None:
        with backend.store.reader() as conn:
            return target_for(conn, today, GROUP)

    qtbot.waitUntil(lambda: held() == 35, timeout=SYNC_WAIT_MS)
    qtbot.waitUntil(lambda: home_today(window) == "0 of 35", timeout=WAIT_MS)


def test_a_volunteer_cannot_open_it(
    qtbot: QtBot, enrolled: tuple[MainWindow, Actor, Server]
) -> None:
    window, _officer, _server = enrolled
    backend = window.backend_or_fail()
    volunteer = Actor(add_operator(backend.store, "Lan", "volunteer"), "Lan", "volunteer")
    with pytest.raises(PermissionDenied):
        TargetsDialog(window, backend, window.runner, volunteer)
    assert window.findChild(TargetsDialog) is None
    with pytest.raises(PermissionDenied):  # and the worker's side refuses too
        load_targets(backend, volunteer)
    with pytest.raises(PermissionDenied):
        backend.targets.set(volunteer, {(backend.clock().date(), GROUP): 5})


@pytest.mark.parametrize("text_size", ["normal", "largest"])
def test_nothing_is_cut_with_twenty_groups(
    qtbot: QtBot, enrolled: tuple[MainWindow, Actor, Server], text_size: str
) -> None:
    window, actor, server = enrolled
    backend = window.backend_or_fail()
    window.change_preferences(window.preferences.with_changes(text_size=text_size))
    today = backend.clock().date()
    for number in range(1, 21):  # targets the ward's office set for twenty groups
        set_target(
            server.engine, WARD, f"Tổ dân phố {number}", today, 1000 + number, set_by="Cán bộ"
        )
    tap(qtbot, window.home_screen.sync_now_button)

    def held() -> int | None:
        with backend.store.reader() as conn:
            return target_for(conn, today, "Tổ dân phố 20")

    qtbot.waitUntil(lambda: held() == 1020, timeout=SYNC_WAIT_MS)
    problems = []
    for width, height in SIZES:
        window.resize(width, height)
        qtbot.waitUntil(partial(_is_wide, window, width), timeout=WAIT_MS)
        dialog = open_dialog(qtbot, window, actor)
        view = dialog.view()
        assert view is not None and len(view.groups) == 20
        assert dialog.cell(today, "Tổ dân phố 20").figure_button.text() == "1020"
        dialog.cell(today, "Tổ dân phố 2").step(+1)  # a changed figure is shown as such
        problems += [f"{width}×{height}: {p}" for p in layout_problems(dialog)]
        dialog.close()
    assert problems == [], "\n".join(problems)
