"""The households screen through the window (issue 21, points 3 and 4): opened from Home on the
demo ward's roster with an evening's progress, the counts of each status, the filters (not yet
done, street or alley, group), the search (a name without its marks, an ID number), an outcome
recorded for a household and for a member (the status follows, the history names who recorded
it), the layout at every size, and nothing left on it after the lock.

The real kiosk window, database and worker threads; the ward is synthetic (``intake.demo``).
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListView
from pytestqt.qtbot import QtBot

from kiosk.domain.text import search_key
from kiosk.store.households import NOT_YET_DONE, HouseholdRow, household_rows
from kiosk.ui.main_window import MainWindow
from kiosk.ui.screens.households import HouseholdsScreen
from tests.support.households import Filled, add_progress, fill_roster
from tests.ui.conftest import OFFICER, VOLUNTEER
from tests.ui.desk import person
from tests.ui.flows import WAIT_MS, complete_setup, tap, type_text
from tests.ui.test_layout import TEXT_SIZES, _at_every_size, _text_size

RESIDENTS = 2100
"""About 620 households: two residential groups of the demo ward (300 households a group)."""


@pytest.fixture
def ward(qtbot: QtBot, window: MainWindow) -> Filled:
    """A demo station, the officer on Home, the demo ward's roster in the cache with an evening's
    progress (residents accepted, visits sent, outcomes of the ward's kiosks)."""
    complete_setup(qtbot, window, *OFFICER)
    store = window.backend_or_fail().store
    filled = fill_roster(store, RESIDENTS, seed=5)
    actor = window.actor
    assert actor is not None
    add_progress(
        store, filled, actor.operator_id, seed=3, household_outcomes=0.3,
        at=datetime.now(UTC) - timedelta(hours=1),
    )  # fmt: skip
    return filled


def _truth(window: MainWindow) -> list[HouseholdRow]:
    with window.backend_or_fail().store.reader() as conn:
        return household_rows(conn)


def _open(qtbot: QtBot, window: MainWindow) -> HouseholdsScreen:
    """Home's button; wait for the counts, then for the search index."""
    screen = window.households_screen
    with qtbot.waitSignal(screen.counts_shown, timeout=WAIT_MS):
        tap(qtbot, window.home_screen.households_button)
    assert window.navigator.current() == "households" and screen.page() == "list"
    qtbot.waitUntil(lambda: window.runner.pending() == 0, timeout=WAIT_MS)
    return screen


def _shown(screen: HouseholdsScreen) -> list[HouseholdRow]:
    return screen.households_model.rows()


def _tap_row(qtbot: QtBot, view: QListView, row: int) -> None:
    """A finger on a list's row."""
    index = view.model().index(row, 0)
    view.scrollTo(index)
    assert view.isVisible()
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def _counts_shown(screen: HouseholdsScreen) -> dict[str, int]:
    return {status: int(number.text()) for status, (number, _) in screen.count_labels.items()}


def test_it_opens_on_every_household_with_the_counts(
    qtbot: QtBot, window: MainWindow, ward: Filled
) -> None:
    screen = _open(qtbot, window)
    truth = _truth(window)
    expected = Counter(row.status for row in truth)
    assert len(truth) == len(ward.population.households)
    assert [r.id for r in _shown(screen)] == [r.id for r in truth]
    assert screen.counts() == {s: expected.get(s, 0) for s in screen.count_labels}
    assert _counts_shown(screen) == screen.counts()
    assert len({s for s, n in expected.items() if n}) >= 4  # the progress gave several statuses
    groups = screen.groups_model.rows()
    assert groups[0].name is None and groups[0].total == len(truth)
    assert [g.name for g in groups[1:]] == list(dict.fromkeys(r.group for r in truth))


def test_not_yet_done_and_a_group(qtbot: QtBot, window: MainWindow, ward: Filled) -> None:
    screen = _open(qtbot, window)
    truth = _truth(window)
    with qtbot.waitSignal(screen.counts_shown, timeout=WAIT_MS):
        tap(qtbot, screen.not_done_button)
    left = [r for r in truth if r.status in NOT_YET_DONE]
    assert [r.id for r in _shown(screen)] == [r.id for r in left]
    assert sum(screen.counts().values()) == len(left)
    assert screen.counts()["done"] == screen.counts()["refused"] == 0
    group = screen.groups_model.rows()[1]
    with qtbot.waitSignal(screen.counts_shown, timeout=WAIT_MS):
        _tap_row(qtbot, screen.groups_view, 1)
    assert [r.id for r in _shown(screen)] == [r.id for r in left if r.group == group.name]
    assert group.left == len([r for r in truth if r.group == group.name and r in left])


def test_by_street_and_by_alley(qtbot: QtBot, window: MainWindow, ward: Filled) -> None:
    screen = _open(qtbot, window)
    truth = _truth(window)
    tap(qtbot, screen.place_button)
    assert screen.page() == "places"
    places = screen.places_model.rows()
    assert places[0].place is None
    street_row = next(i for i, p in enumerate(places) if p.place and p.place[1] is None)
    street = places[street_row].place
    assert street is not None
    with qtbot.waitSignal(screen.counts_shown, timeout=WAIT_MS):
        _tap_row(qtbot, screen.places_view, street_row)
    assert screen.page() == "list"
    on_street = [r.id for r in truth if r.street == street[0]]
    assert on_street and [r.id for r in _shown(screen)] == on_street
    assert sum(screen.counts().values()) == len(on_street) == places[street_row].total
    tap(qtbot, screen.place_button)
    places = screen.places_model.rows()
    alley_row = next(i for i, p in enumerate(places) if p.place and p.place[1])
    alley = places[alley_row].place
    assert alley is not None and alley[1] is not None
    with qtbot.waitSignal(screen.counts_shown, timeout=WAIT_MS):
        _tap_row(qtbot, screen.places_view, alley_row)
    in_alley = [r.id for r in truth if (r.street, r.alley) == alley]
    assert in_alley and [r.id for r in _shown(screen)] == in_alley
    assert alley[1] in screen.place_button.text()


def test_search_by_name_without_marks_and_by_id_number(
    qtbot: QtBot, window: MainWindow, ward: Filled
) -> None:
    screen = _open(qtbot, window)
    truth = _truth(window)
    nguyen_van = [p for p in ward.population.residents if p["full_name"].startswith("Nguyễn Văn ")]
    assert nguyen_van, "the demo ward of this seed has a Nguyễn Văn"
    with qtbot.waitSignal(screen.counts_shown, timeout=WAIT_MS):
        type_text(screen.search_field, "nguyen van")
    found = {r.id for r in _shown(screen)}
    assert {p["household_id"] for p in nguyen_van} <= found
    assert found == {
        r.id for r in truth
        if any(search_key(m.full_name).find("nguyen van") >= 0 for m in r.members)
        or "nguyen van" in search_key(r.address)
    }  # fmt: skip
    assert sum(screen.counts().values()) == len(found)
    target = ward.population.residents[RESIDENTS // 2]
    screen.search_field.clear()
    with qtbot.waitSignal(screen.counts_shown, timeout=WAIT_MS):
        type_text(screen.search_field, target["id_number"])
    assert [r.id for r in _shown(screen)] == [target["household_id"]]
    with qtbot.waitSignal(screen.household_shown, timeout=WAIT_MS):
        _tap_row(qtbot, screen.households_view, 0)
    assert screen.page() == "household"
    assert target["id_number"] in screen.member_buttons


def _household_with_two_left(truth: list[HouseholdRow]) -> HouseholdRow:
    """A household not started, with two or more members left to serve."""
    return next(
        r for r in truth
        if r.status == "not_started" and r.outcome is None and r.counted >= 2
    )  # fmt: skip


def _open_household(qtbot: QtBot, screen: HouseholdsScreen, row: HouseholdRow) -> None:
    """Search it by a member's ID number, tap it, wait for its history."""
    with qtbot.waitSignal(screen.counts_shown, timeout=WAIT_MS):
        screen.search(row.members[0].id_number)
    assert [r.id for r in _shown(screen)] == [row.id]
    with qtbot.waitSignal(screen.history_shown, timeout=WAIT_MS):
        _tap_row(qtbot, screen.households_view, 0)


def test_an_outcome_for_the_household(qtbot: QtBot, window: MainWindow, ward: Filled) -> None:
    screen = _open(qtbot, window)
    row = _household_with_two_left(_truth(window))
    _open_household(qtbot, screen, row)
    assert screen._history_lines.text() and OFFICER[0] not in screen._history_lines.text()
    tap(qtbot, screen.record_household_button)
    assert screen.page() == "record" and not screen.save_button.isEnabled()
    tap(qtbot, screen.form.outcome_choice.button_for("refused"))
    assert not screen.form.day_entry.isVisible()
    type_text(screen.form.note_field, "Không muốn khai")
    with qtbot.waitSignal(screen.history_shown, timeout=WAIT_MS) as shown:
        tap(qtbot, screen.save_button)
    assert screen.page() == "household"
    (latest, *_older) = shown.args[0]
    assert (latest.household_id, latest.resident_id_number) == (row.id, None)
    assert (latest.outcome, latest.note, latest.recorded_by) == ("refused", "Không muốn khai",
                                                                OFFICER[0])  # fmt: skip
    assert latest.session_id is not None  # today's session, opened by the outcome
    history = screen._history_lines.text()
    assert OFFICER[0] in history and "Không muốn khai" in history
    assert f"{latest.recorded_at.astimezone():%d/%m %H:%M}" in history
    assert screen.status_text("refused") in screen._status_line.text()
    assert screen.counts()["refused"] == 1 and _counts_shown(screen)["refused"] == 1
    assert _shown(screen)[0].status == "refused"
    assert {r.id: r.status for r in _truth(window)}[row.id] == "refused"


def test_outcomes_for_members(qtbot: QtBot, window: MainWindow, ward: Filled) -> None:
    """A member to come back on a day (not an answer: nothing changes), then every member left
    refusing: the household is done."""
    screen = _open(qtbot, window)
    row = _household_with_two_left(_truth(window))
    _open_household(qtbot, screen, row)
    left = [m for m in row.members if m.on_file and not m.done]
    first = left[0]
    tap(qtbot, screen.member_buttons[first.id_number])
    assert first.full_name in screen._record_title.text()
    tap(qtbot, screen.form.outcome_choice.button_for("come_back"))
    assert screen.form.day_entry.isVisible()
    day = screen.form.day_entry.value()
    tap(qtbot, screen.form.day_entry.step_buttons["day", 1])
    with qtbot.waitSignal(screen.history_shown, timeout=WAIT_MS) as shown:
        tap(qtbot, screen.save_button)
    latest = shown.args[0][0]
    assert (latest.resident_id_number, latest.outcome) == (first.id_number, "come_back")
    assert latest.come_back_on == day.fromordinal(day.toordinal() + 1)
    assert screen._household is not None and screen._household.status == "not_started"
    assert f"{latest.come_back_on:%d/%m/%Y}" in screen._history_lines.text()
    for member in left:
        tap(qtbot, screen.member_buttons[member.id_number])
        tap(qtbot, screen.form.outcome_choice.button_for("refused"))
        with qtbot.waitSignal(screen.history_shown, timeout=WAIT_MS):
            tap(qtbot, screen.save_button)
    assert screen._household is not None and screen._household.status == "done"
    assert screen.status_text("done") in screen._status_line.text()
    assert all(m.done for m in screen._household.members if m.on_file)


def test_a_volunteer_records_too(qtbot: QtBot, window: MainWindow, ward: Filled) -> None:
    window.accept_sign_in(person(window, VOLUNTEER[0], "volunteer", VOLUNTEER[1]))
    screen = _open(qtbot, window)
    row = _household_with_two_left(_truth(window))
    _open_household(qtbot, screen, row)
    tap(qtbot, screen.record_household_button)
    tap(qtbot, screen.form.outcome_choice.button_for("absent"))
    with qtbot.waitSignal(screen.history_shown, timeout=WAIT_MS) as shown:
        tap(qtbot, screen.save_button)
    assert shown.args[0][0].recorded_by == VOLUNTEER[0]
    assert screen._household is not None and screen._household.status == "absent"
    tap(qtbot, screen.back_button)
    assert screen.page() == "list"
    tap(qtbot, screen.back_button)
    assert window.navigator.current() == "home"


def test_the_lock_clears_it(qtbot: QtBot, window: MainWindow, ward: Filled) -> None:
    screen = _open(qtbot, window)
    _open_household(qtbot, screen, _household_with_two_left(_truth(window)))
    tap(qtbot, window.status_area.lock_button)
    assert window.navigator.current() == "sign_in"
    assert screen.households_model.rowCount() == screen.groups_model.rowCount() == 0
    assert screen.search_field.text() == "" and screen._address.text() == ""
    assert screen.member_buttons == {} and screen.page() == "list"


def test_a_read_begun_before_the_lock_is_dropped(
    qtbot: QtBot, window: MainWindow, ward: Filled
) -> None:
    screen = window.households_screen
    assert window.navigator.go("households")  # the ward is being read on the worker …
    window.sign_out()  # … when the screen locks: what comes back is for nobody
    qtbot.waitUntil(lambda: window.runner.pending() == 0, timeout=WAIT_MS)
    assert window.navigator.current() == "sign_in"
    assert screen.households_model.rowCount() == 0 and screen.counts() == {}


@pytest.mark.parametrize("text_size", TEXT_SIZES)
def test_layout(qtbot: QtBot, window: MainWindow, ward: Filled, text_size: str) -> None:
    _text_size(window, text_size)
    screen = _open(qtbot, window)
    problems = _at_every_size(qtbot, window, "households")
    tap(qtbot, screen.place_button)
    problems += _at_every_size(qtbot, window, "households/places")
    alley_row = next(i for i, p in enumerate(screen.places_model.rows()) if p.place and p.place[1])
    _tap_row(qtbot, screen.places_view, alley_row)
    problems += _at_every_size(qtbot, window, "households/an alley")
    screen.choose_place(None)
    row = max(_truth(window), key=lambda r: len(r.members))
    screen.open_household(row)
    problems += _at_every_size(qtbot, window, "households/household")
    tap(qtbot, screen.record_household_button)
    tap(qtbot, screen.form.outcome_choice.button_for("come_back"))
    problems += _at_every_size(qtbot, window, "households/record")
    assert problems == [], "\n".join(problems)


def test_the_officer_prints_tonights_round_of_the_group_chosen(
    qtbot: QtBot, window: MainWindow, ward: Filled
) -> None:
    screen = _open(qtbot, window)
    assert screen.route_sheet_button.isVisible()
    group = screen.groups_model.rows()[1]
    with qtbot.waitSignal(screen.counts_shown, timeout=WAIT_MS):
        _tap_row(qtbot, screen.groups_view, 1)
    tap(qtbot, screen.route_sheet_button)
    dialog = screen._route_sheet
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.sheet() is not None, timeout=WAIT_MS)
    sheet = dialog.sheet()
    assert sheet is not None and sheet.groups == (group.name,)
    left = [r for r in _truth(window) if r.status in NOT_YET_DONE and r.group == group.name]
    listed = [household.address for _street, _alley, household in sheet.households()]
    assert sorted(listed) == sorted(r.address for r in left) and listed
    window.lock_for_idle()  # the names on the sheet go with the lock
    assert dialog.sheet() is None


def test_a_volunteer_has_no_route_sheet(qtbot: QtBot, window: MainWindow, ward: Filled) -> None:
    window.accept_sign_in(person(window, VOLUNTEER[0], "volunteer", VOLUNTEER[1]))
    screen = _open(qtbot, window)
    assert not screen.route_sheet_button.isVisible()
    screen.open_route_sheet()
    assert screen._route_sheet is None
