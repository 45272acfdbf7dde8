"""The roster: a whole demo ward downloads by cursor; later passes bring only changes and removals.

``INTAKE_ROSTER_RESIDENTS`` lowers the ward's size for quick local runs (default 100,000, as
issue 4 asks).
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Connection, func, select

from intake import registry
from intake.db import run_write
from intake.demo import Population, populate
from intake.models import Household, Licence, Resident, Vehicle
from intake.roster import Cursor
from kiosk.exchange.protocol import RosterPage
from tests.intake.helpers import Server, Station, item, resident_payload

RESIDENTS = int(os.environ.get("INTAKE_ROSTER_RESIDENTS", "100000"))
WARD = "Phường Dương Nội"


@pytest.fixture(scope="module")
def ward(server: Server) -> Iterator[Population]:
    """A demo ward of RESIDENTS people, written once per backend."""
    started = time.perf_counter()
    population = populate(server.engine, RESIDENTS, seed=7, ward=WARD)
    elapsed = time.perf_counter() - started
    print(f"\ndemo-data {RESIDENTS} residents: {elapsed:.1f} s")
    assert elapsed < 60  # issue 4: 100,000 residents in under a minute
    yield population


def download(
    station: Station, cursor: str = "", limit: int | None = None
) -> tuple[list[dict[str, Any]], str]:
    """Every page from ``cursor`` until ``more`` is false: the pages and the cursor to keep."""
    pages: list[dict[str, Any]] = []
    while True:
        params: dict[str, Any] = {"cursor": cursor}
        if limit:
            params["limit"] = limit
        answer = station.get("/v1/roster", params=params)
        assert answer.status_code == 200, answer.text
        page = answer.json()
        pages.append(page)
        assert page["next_cursor"]
        cursor = page["next_cursor"]
        if not page["more"]:
            return pages, cursor


def test_whole_ward_then_only_changes(server: Server, ward: Population) -> None:
    station = server.enrol(ward=WARD, group="Tổ dân phố 2")
    started = time.perf_counter()
    pages, cursor = download(station)
    print(
        f"roster of {RESIDENTS} residents: {len(pages)} pages, {time.perf_counter() - started:.1f} s"
    )
    RosterPage.model_validate(pages[0])
    RosterPage.model_validate(pages[-1])
    households = [h for page in pages for h in page["households"]]
    residents = [r for h in households for r in h["residents"]]
    assert len(households) == len({h["id"] for h in households}) == len(ward.households)
    assert {r["id_number"] for r in residents} == {r["id_number"] for r in ward.residents}
    assert sum(len(r["vehicles"]) for r in residents) == len(ward.vehicles)
    assert sum(len(r["licences"]) for r in residents) == len(ward.licences)
    assert all(p["removed"] == {"households": [], "residents": []} for p in pages)

    by_household: dict[str, list[dict[str, Any]]] = {h["id"]: h["residents"] for h in households}
    big = [h for h, members in by_household.items() if len(members) >= 3]
    cleaned_home, edited_home, shrunk_home, gone_home = big[:4]
    cleaned = by_household[cleaned_home][0]
    edited = by_household[edited_home][1]
    left = by_household[shrunk_home][2]

    payload = resident_payload(
        station,
        1,
        {
            "id_number": cleaned["id_number"],
            "full_name": cleaned["full_name"],
            "birth_date": cleaned["birth_date"],
            "sex": cleaned["sex"],
            "old_id_number": None,
            "phone": None,
            "card_issue_date": None,
        },
    )
    assert station.batch([item(payload)])[0]["status"] == "accepted"

    def change(conn: Connection) -> None:
        registry.update_resident(conn, edited["id_number"], full_name="Nguyễn Thị Đổi Tên")
        registry.remove_resident(conn, left["id_number"])
        registry.remove_household(conn, gone_home)

    run_write(server.engine, change)

    again, cursor = download(station, cursor)
    changed = {h["id"]: h for page in again for h in page["households"]}
    assert set(changed) == {cleaned_home, edited_home, shrunk_home}
    removed_households = [h for page in again for h in page["removed"]["households"]]
    removed_residents = {r for page in again for r in page["removed"]["residents"]}
    assert removed_households == [gone_home]
    assert removed_residents == {left["id_number"]} | {
        r["id_number"] for r in by_household[gone_home]
    }
    cleaned_now = next(
        r for r in changed[cleaned_home]["residents"] if r["id_number"] == cleaned["id_number"]
    )
    assert cleaned_now["cleaned"]["station_id"] == station.id
    edited_now = next(
        r for r in changed[edited_home]["residents"] if r["id_number"] == edited["id_number"]
    )
    assert edited_now["full_name"] == "Nguyễn Thị Đổi Tên"
    assert left["id_number"] not in {r["id_number"] for r in changed[shrunk_home]["residents"]}

    quiet, _ = download(station, cursor)
    assert quiet == [
        {
            "households": [],
            "removed": {"households": [], "residents": []},
            "next_cursor": cursor,
            "more": False,
        }
    ]


def test_database_counts_match_the_population(server: Server, ward: Population) -> None:
    with server.engine.connect() as conn:
        homes = select(Household.id).where(Household.ward == WARD)
        people = select(Resident.id_number).where(Resident.household_id.in_(homes))
        counts = [
            conn.execute(
                select(func.count()).select_from(Household).where(Household.ward == WARD)
            ).scalar(),
            conn.execute(select(func.count()).where(Resident.household_id.in_(homes))).scalar(),
            conn.execute(
                select(func.count()).where(Vehicle.resident_id_number.in_(people))
            ).scalar(),
            conn.execute(
                select(func.count()).where(Licence.resident_id_number.in_(people))
            ).scalar(),
        ]
    assert counts == [
        len(ward.households),
        len(ward.residents),
        len(ward.vehicles),
        len(ward.licences),
    ]


def test_a_change_during_a_pass_comes_in_the_next_one(server: Server) -> None:
    small = populate(server.engine, 200, seed=8, ward="Phường Việt Hưng")
    station = server.enrol(ward="Phường Việt Hưng")
    first = station.get("/v1/roster", params={"limit": 10}).json()
    assert first["more"]
    sent = first["households"][0]["id"]
    later = sorted(
        h["id"] for h in small.households if h["id"] not in {h["id"] for h in first["households"]}
    )[0]

    def change(conn: Connection) -> None:
        registry.update_household(
            conn, sent, address="Số 9 phố Việt Hưng, Phường Việt Hưng, Hà Nội"
        )
        registry.update_household(
            conn, later, address="Số 10 phố Việt Hưng, Phường Việt Hưng, Hà Nội"
        )

    run_write(server.engine, change)
    rest, cursor = download(station, first["next_cursor"], limit=10)
    pass_one = [h["id"] for page in [first, *rest] for h in page["households"]]
    assert later not in pass_one  # it moved past this pass's end: it comes next
    assert len(pass_one) == len(set(pass_one)) == len(small.households) - 1
    again, _ = download(station, cursor)
    changed = {h["id"]: h["address"] for page in again for h in page["households"]}
    assert changed == {
        sent: "Số 9 phố Việt Hưng, Phường Việt Hưng, Hà Nội",
        later: "Số 10 phố Việt Hưng, Phường Việt Hưng, Hà Nội",
    }


def test_a_cursor_from_elsewhere_is_refused(server: Server) -> None:
    station = server.enrol(ward="Phường Phúc Lợi")
    _, cursor = download(station)
    assert station.get("/v1/roster", params={"cursor": cursor}).status_code == 200
    for bad in (
        "garbage",
        Cursor(since=10**9).encode(),
        Cursor(since=0, upto=None, seq=1, id="h").encode(),
    ):
        answer = station.get("/v1/roster", params={"cursor": bad})
        assert answer.status_code == 409
        assert "date" in answer.headers
