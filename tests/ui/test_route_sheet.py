"""The route sheet for tonight's round (issue 21, point 5): printed to PDF and saved as XLSX, read
back; a full stick and a stick pulled out; the officers' dialog.

The households come from the real store: a generated ward (``intake.demo``, synthetic names with
Vietnamese diacritics) applied as a roster page, some residents already cleaned, some outcomes
recorded, then :func:`kiosk.store.households.household_rows`. The PDF is read back with pypdf
(text per page), the workbook with openpyxl. A full stick is the system's file-size limit
(``RLIMIT_FSIZE``) in a child process: past it every write fails, as on a full disk.
"""

from __future__ import annotations

import json
import pickle
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import openpyxl
import pypdf
import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from intake.demo import Population, generate
from kiosk.config import load_config
from kiosk.exchange.protocol import RosterPage
from kiosk.services.base import Actor, PermissionDenied
from kiosk.store import Store, open_store
from kiosk.store.households import NOT_YET_DONE, HouseholdRow, household_rows
from kiosk.store.outcomes import record_outcome
from kiosk.store.roster_cache import apply_roster_page
from kiosk.ui import printing
from kiosk.ui.main_window import MainWindow
from kiosk.ui.route_sheet import (
    RouteSheet,
    build_route_sheet,
    load_route_sheet,
    record_route_sheet,
    save_pdf,
    save_xlsx,
)
from kiosk.ui.widgets.question import Question
from kiosk.ui.widgets.route_sheet_dialog import RouteSheetDialog, save_error_text
from tests.store.fixtures import START, add_operator, env_for
from tests.ui.conftest import OFFICER
from tests.ui.flows import WAIT_MS, complete_setup, tap
from tests.ui.layout import layout_problems

WARD = "Phường Yên Nghĩa"
COME_BACK = date(2025, 11, 24)
FULL_ID = re.compile(r"\d{12}")
FOOTER = "Personal data: keep this sheet with you and hand it back after the round."
HEADERS = [
    "Street", "Alley", "Address", "Status", "Full name", "Birth year", "ID number", "Met", "Note",
]  # fmt: skip


# --- a ward in the store ----------------------------------------------------------------------------


def roster_page(population: Population, cleaned: set[str]) -> RosterPage:
    """The generated ward as one roster page; ``cleaned``: residents the server already accepted."""
    vehicles: dict[str, list[dict[str, Any]]] = {}
    for v in population.vehicles:
        owner = None
        if v["owner_name"]:
            owner = {"full_name": v["owner_name"], "id_number": v["owner_id_number"]}
        vehicles.setdefault(v["resident_id_number"], []).append(
            {key: v[key] for key in ("id", "plate", "kind", "brand", "model", "colour")}
            | {"chassis_number": v["chassis_number"], "engine_number": v["engine_number"]}
            | {"registered_owner": owner}
        )
    licences: dict[str, list[dict[str, Any]]] = {}
    for lic in population.licences:
        licences.setdefault(lic["resident_id_number"], []).append(
            {key: lic[key] for key in ("id", "number", "class", "scheme", "issue_date")}
            | {"expiry_date": lic["expiry_date"]}
        )
    people: dict[str, list[dict[str, Any]]] = {}
    for p in population.residents:
        number = p["id_number"]
        people.setdefault(p["household_id"], []).append(
            {key: p[key] for key in ("id_number", "full_name", "birth_date", "sex", "phone")}
            | {"vehicles": vehicles.get(number, []), "licences": licences.get(number, [])}
            | {"cleaned": {"at": START, "station_id": "st-other"} if number in cleaned else None}
        )
    households = [
        {
            "id": h["id"],
            "group": h["group_name"],
            "address": h["address"],
            "residents": people[h["id"]],
        }
        for h in population.households
    ]
    page = {"households": households, "next_cursor": "c1", "more": False}
    return RosterPage.model_validate(page | {"removed": {"households": [], "residents": []}})


def seed_ward(store: Store, residents: int, seed: int) -> None:
    """A ward in the roster cache with every status: per household, by its place in the roster,
    all cleaned (done), one cleaned (partial), asked to come back (absent), refused, a member asked
    to come back, nothing yet."""
    population = generate(residents, seed=seed, ward=WARD)
    on_file = {v["resident_id_number"] for v in population.vehicles} | {
        lic["resident_id_number"] for lic in population.licences
    }
    members: dict[str, list[str]] = {}
    for person in population.residents:
        if person["id_number"] in on_file:
            members.setdefault(person["household_id"], []).append(person["id_number"])
    cleaned: set[str] = set()
    outcomes: list[tuple[str, str | None, str, date | None]] = []
    for index, household in enumerate(population.households):
        counted = members.get(household["id"], [])
        kind = index % 6
        if kind == 0:
            cleaned |= set(counted)
        elif kind == 1 and len(counted) > 1:
            cleaned.add(counted[0])
        elif kind == 2:
            outcomes.append((household["id"], None, "come_back", COME_BACK))
        elif kind == 3:
            outcomes.append((household["id"], None, "refused", None))
        elif kind == 4 and counted:
            outcomes.append((household["id"], counted[0], "come_back", COME_BACK))
    officer = add_operator(store, "Hoà", "officer")
    with store.write() as session:
        apply_roster_page(session, roster_page(population, cleaned), cursor="", at=START)
        for household_id, member, outcome, day in outcomes:
            record_outcome(
                session, household_id=household_id, resident_id_number=member, outcome=outcome,
                come_back_on=day, actor=officer, station_id="st-test", session_id=None, at=START,
            )  # fmt: skip


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> list[HouseholdRow]:
    """The households of a generated ward of 150 residents, as the households screen reads them."""
    root = tmp_path_factory.mktemp("ward")
    with open_store(load_config(env_for(root)), now=lambda: START) as store:
        seed_ward(store, 150, seed=21)
        with store.reader() as conn:
            return household_rows(conn)


def make_sheet(rows: list[HouseholdRow]) -> RouteSheet:
    return build_route_sheet(
        rows, not_done=NOT_YET_DONE, ward=WARD, operator=OFFICER[0], generated_at=START
    )


def expected(rows: list[HouseholdRow]) -> list[HouseholdRow]:
    """The households the sheet must list, grouped by street then alley in the rows' order."""
    places: dict[str, dict[str, list[HouseholdRow]]] = {}
    for row in rows:
        if row.status in NOT_YET_DONE:
            places.setdefault(row.street, {}).setdefault(row.alley, []).append(row)
    return [row for alleys in places.values() for group in alleys.values() for row in group]


def unique_addresses(rows: list[HouseholdRow]) -> set[str]:
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.address] = counts.get(row.address, 0) + 1
    return {address for address, count in counts.items() if count == 1}


def to_see(row: HouseholdRow) -> list[Any]:
    return [m for m in row.members if m.on_file and not m.done]


def masked(id_number: str) -> str:
    return f"{id_number[:3]}•••••{id_number[-3:]}"


def in_order(text: str, parts: list[str]) -> bool:
    position = 0
    for part in parts:
        found = text.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True


def test_the_ward_has_every_status(rows: list[HouseholdRow]) -> None:
    """The fixture is what the other tests need: each status, come-back days, several streets."""
    statuses = {row.status for row in rows}
    assert {"not_started", "partial", "absent", "done", "refused"} <= statuses
    assert len({row.street for row in expected(rows)}) > 3
    assert any(m.outcome is not None for row in expected(rows) for m in row.members)


# --- on paper -----------------------------------------------------------------------------------


def pdf_pages(path: Path) -> list[str]:
    """Each page's text, its runs of white space made one space."""
    reader = pypdf.PdfReader(path)
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def test_the_pdf_lists_the_households_not_yet_done_by_street_and_alley(
    qapp: QApplication, tmp_path: Path, rows: list[HouseholdRow]
) -> None:
    sheet = make_sheet(rows)
    shown = expected(rows)
    assert sheet.household_count == len(shown)
    path = save_pdf(sheet, tmp_path)
    assert path.parent == tmp_path and path.name == "phieu-di-ho-20251122-190000.pdf"
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no part left
    pages = pdf_pages(path)
    assert len(pages) >= 3
    for number, text in enumerate(pages, start=1):
        assert f"Route sheet — {WARD} — 22/11/2025" in text
        assert f"Page {number}/{len(pages)}" in text
        assert FOOTER in text
    text = " ".join(pages)
    assert "Residential groups: Tổ dân phố 1" in text
    assert f"Made on 22/11/2025 19:00 by {OFFICER[0]}" in text
    assert f"Households not yet done: {len(shown)} · people to see: {sheet.member_count}" in text
    # the order: streets, and the households in them, as the rows go
    streets = list(dict.fromkeys(row.street for row in shown))
    assert in_order(text, streets)
    unique = unique_addresses(rows)
    assert in_order(text, [row.address for row in shown if row.address in unique])
    for row in rows:  # done, refused: not on the sheet
        if row.status not in NOT_YET_DONE and row.address in unique:
            assert row.address not in text
    people = [m for row in shown for m in to_see(row)]
    assert len(people) == sheet.member_count > 40
    for member in people:  # name (and the day to come back), birth year, masked ID: one line
        note = "" if member.outcome is None else " (come back on 24/11)"
        assert f"{member.full_name}{note} {member.birth_year} {masked(member.id_number)}" in text
    assert FULL_ID.search(text) is None  # no full ID number anywhere
    accented = [m.full_name for m in people if not m.full_name.isascii()]
    assert len(accented) > 20  # the diacritics survive the round trip (in names like these)
    assert "not started" in text and "partly done" in text
    assert "not at home, come back on 24/11" in text
    assert "(come back on 24/11)" in text  # a member's own day


def test_each_page_starts_with_a_street_its_own_or_the_one_going_on(
    qapp: QApplication, tmp_path: Path, rows: list[HouseholdRow]
) -> None:
    pages = pdf_pages(save_pdf(make_sheet(rows), tmp_path))
    streets = {row.street for row in expected(rows)}
    bodies = []
    for number, text in enumerate(pages, start=1):
        header = f"Route sheet — {WARD} — 22/11/2025 Page {number}/{len(pages)}"
        assert text.startswith(header)
        bodies.append(text.removeprefix(header).replace(FOOTER, "").strip())
    assert bodies[0].startswith("Residential groups:")
    for body in bodies[1:]:
        assert any(body.startswith(street) for street in streets), body[:120]
    assert any(body.split(" Ngõ")[0].endswith("(continued)") for body in bodies[1:])


def test_a_sheet_of_one_street_filters_groups_and_streets(rows: list[HouseholdRow]) -> None:
    street = expected(rows)[0].street
    sheet = build_route_sheet(
        rows, not_done=NOT_YET_DONE, ward=WARD, operator="x", generated_at=START, street=street
    )
    assert [s.name for s in sheet.streets] == [street]
    assert sheet.household_count == sum(1 for r in expected(rows) if r.street == street)
    none = build_route_sheet(
        rows, not_done=NOT_YET_DONE, ward=WARD, operator="x", generated_at=START, groups=["Tổ 9"]
    )
    assert (none.household_count, none.groups) == (0, ("Tổ 9",))


# --- as a spreadsheet -----------------------------------------------------------------------------


def test_the_xlsx_has_one_row_per_person_in_the_same_order(
    tmp_path: Path, rows: list[HouseholdRow]
) -> None:
    sheet = make_sheet(rows)
    path = save_xlsx(sheet, tmp_path)
    assert path.name == "phieu-di-ho-20251122-190000.xlsx"
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
    again = save_xlsx(sheet, tmp_path)  # nothing is replaced
    assert again.name == "phieu-di-ho-20251122-190000-2.xlsx"
    ws = openpyxl.load_workbook(path).active
    assert ws is not None
    assert ws["A1"].value == f"Route sheet — {WARD} — 22/11/2025"
    assert "Residential groups: Tổ dân phố 1" in str(ws["A2"].value)
    assert [c.value for c in ws[4]] == HEADERS
    assert ws.freeze_panes == "A5"
    assert ws.column_dimensions["C"].width > ws.column_dimensions["F"].width
    data = [[c.value for c in row] for row in ws.iter_rows(min_row=5)]
    shown = expected(rows)
    want = []
    for row in shown:
        place = [row.street, row.alley, row.address]
        people = to_see(row)
        want += [[*place, m.full_name, m.birth_year, masked(m.id_number)] for m in people]
        if not people:
            want.append([*place, None, None, None])
    got = [[r[0] or "", r[1] or "", r[2], r[4], r[5], r[6]] for r in data]  # "": no cell
    assert got == want
    assert all(r[7] is None for r in data)  # the tick column is empty
    cells = " ".join(str(value) for r in data for value in r if value is not None)
    assert FULL_ID.search(cells) is None
    assert "not at home, come back on 24/11" in cells


# --- when a file cannot be written ------------------------------------------------------------------


@pytest.mark.parametrize("where", ["gone", "a file"])
def test_a_stick_pulled_out_leaves_no_file_and_says_so(
    qapp: QApplication, tmp_path: Path, rows: list[HouseholdRow], where: str
) -> None:
    sheet = make_sheet(rows)
    folder = tmp_path / "stick"
    if where == "a file":
        tmp_path.joinpath("plain").write_text("x")
        folder = tmp_path / "plain"
    for save in (save_pdf, save_xlsx):
        with pytest.raises(OSError) as raised:
            save(sheet, folder)
        message = save_error_text(raised.value, folder)
        assert message.endswith("(was the USB stick taken out?), so nothing was saved.")
    assert sorted(p.name for p in tmp_path.iterdir()) == (["plain"] if where == "a file" else [])


FULL_STICK = """
import pickle, resource, signal, sys
from pathlib import Path
from PySide6.QtGui import QGuiApplication
from kiosk.ui.route_sheet import save_pdf, save_xlsx
from kiosk.ui.widgets.route_sheet_dialog import save_error_text
app = QGuiApplication([])
sheet = pickle.loads(Path(sys.argv[1]).read_bytes())
folder = Path(sys.argv[2])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG), not the process
resource.setrlimit(resource.RLIMIT_FSIZE, (4000, 4000))
for save in (save_xlsx, save_pdf):
    try:
        save(sheet, folder)
        print("saved")
    except OSError as error:
        print(type(error).__name__, "|", save_error_text(error, folder))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_a_full_stick_leaves_no_half_file_and_says_so(
    tmp_path: Path, rows: list[HouseholdRow]
) -> None:
    sheet = make_sheet(rows)
    data = tmp_path / "sheet.pickle"
    data.write_bytes(pickle.dumps(sheet))
    stick = tmp_path / "stick"
    stick.mkdir()
    run = subprocess.run(
        [sys.executable, "-c", FULL_STICK, str(data), str(stick)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    xlsx, pdf = run.stdout.splitlines()
    assert xlsx.startswith("OSError | There is not enough room on stick, so nothing was saved.")
    assert pdf.startswith("IncompleteFile | The PDF could not be made, so nothing was saved.")
    assert list(stick.iterdir()) == []


# --- the officers' dialog -------------------------------------------------------------------------


@pytest.fixture
def officer_kiosk(qtbot: QtBot, window: MainWindow) -> Iterator[tuple[MainWindow, Actor]]:
    """The kiosk with an officer signed in (English) and a ward of 60 residents in its roster."""
    complete_setup(qtbot, window, *OFFICER, language="en")
    seed_ward(window.backend_or_fail().store, 60, seed=5)
    actor = window.actor
    assert actor is not None and actor.is_officer
    yield window, actor


def open_dialog(qtbot: QtBot, window: MainWindow, actor: Actor) -> RouteSheetDialog:
    dialog = RouteSheetDialog(window, window.backend_or_fail(), window.runner, actor)
    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS) as loaded:
        dialog.open()
    assert isinstance(loaded.args[0], RouteSheet)
    return dialog


def test_an_officer_saves_the_sheet_to_a_stick_or_a_folder(
    qtbot: QtBot, officer_kiosk: tuple[MainWindow, Actor], tmp_path: Path
) -> None:
    window, actor = officer_kiosk
    dialog = open_dialog(qtbot, window, actor)
    sheet = dialog.sheet()
    assert sheet is not None and sheet.household_count > 3
    assert dialog._counts.text() == (
        f"{sheet.household_count} household(s) not yet done, {sheet.member_count} person(s) to see."
    )
    assert layout_problems(dialog) == [], "\n".join(layout_problems(dialog)) + f" {dialog.size()}"
    stick = tmp_path / "KINGSTON"
    stick.mkdir()
    dialog.find_volumes = lambda: [stick]
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        tap(qtbot, dialog.pdf_button)
    assert saved.args[0].parent == stick and saved.args[0].suffix == ".pdf"
    assert saved.args[0].read_bytes().startswith(b"%PDF-")
    assert dialog.message.text() == f"Saved as {saved.args[0].name} in KINGSTON."
    folder = tmp_path / "chosen"
    folder.mkdir()
    dialog.find_volumes = list  # no stick: the officer chooses a folder
    dialog.ask_folder = lambda: folder
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        tap(qtbot, dialog.xlsx_button)
    assert saved.args[0].parent == folder and saved.args[0].suffix == ".xlsx"
    other = tmp_path / "SANDISK"
    other.mkdir()
    dialog.find_volumes = lambda: [stick, other]  # two sticks: the officer taps one
    tap(qtbot, dialog.xlsx_button)
    qtbot.waitUntil(lambda: dialog.findChild(Question) is not None, timeout=WAIT_MS)
    question = dialog.findChild(Question)
    assert isinstance(question, Question)
    assert [b.text() for b in question.answer_buttons] == ["KINGSTON", "SANDISK", "Cancel"]
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS) as saved:
        tap(qtbot, question.answer_buttons[1])
    assert saved.args[0].parent == other
    events = [e for e in window.backend_or_fail().audit.recent(actor) if "route_sheet" in e.action]
    assert [(e.action, e.details["format"]) for e in events] == [
        ("route_sheet.export", "xlsx"), ("route_sheet.export", "xlsx"), ("route_sheet.export", "pdf"),
    ]  # fmt: skip
    assert events[0].details == {
        "households": sheet.household_count, "people": sheet.member_count, "groups": 1,
        "format": "xlsx",
    }  # fmt: skip
    logged = json.dumps([e.details for e in events], ensure_ascii=False)
    first = next(m for _, _, h in sheet.households() for m in h.members)
    assert first.full_name not in logged and first.masked_id not in logged
    dialog.clear_personal_data()  # the idle lock
    assert dialog.sheet() is None and not dialog.isVisible()


def test_without_a_printer_the_dialog_says_so(
    qtbot: QtBot,
    officer_kiosk: tuple[MainWindow, Actor],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(printing, "available_printers", list)
    monkeypatch.setattr(printing, "default_printer", lambda: None)
    window, actor = officer_kiosk
    dialog = open_dialog(qtbot, window, actor)
    with qtbot.waitSignal(dialog.failed, timeout=WAIT_MS) as failed:
        tap(qtbot, dialog.print_button)
    assert failed.args == ["No printer is connected to this computer."]
    assert dialog.message.isVisible() and dialog.print_button.isEnabled()
    events = window.backend_or_fail().audit.recent(actor)
    assert not [e for e in events if e.action.startswith("route_sheet")]  # nothing printed


def test_a_volunteer_cannot_make_the_sheet(
    qtbot: QtBot, officer_kiosk: tuple[MainWindow, Actor]
) -> None:
    window, _officer = officer_kiosk
    backend = window.backend_or_fail()
    volunteer = Actor(add_operator(backend.store, "Lan", "volunteer"), "Lan", "volunteer")
    with pytest.raises(PermissionDenied):
        RouteSheetDialog(window, backend, window.runner, volunteer)
    assert window.findChild(RouteSheetDialog) is None
    with pytest.raises(PermissionDenied):  # and the worker's side refuses too
        load_route_sheet(backend, volunteer)
    sheet = build_route_sheet(
        [], not_done=NOT_YET_DONE, ward=WARD, operator="x", generated_at=datetime.now().astimezone()
    )
    with pytest.raises(PermissionDenied):
        record_route_sheet(backend, volunteer, sheet, "pdf")
