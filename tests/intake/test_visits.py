"""Visit outcomes at the server: idempotent by id, numbered in order of arrival, scoped to the
station's ward, and carried back by the roster pages (issue 21, point 4)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Connection, func, select

from intake import registry
from intake.db import run_write
from intake.demo import Population, populate
from intake.models import VisitOutcome
from kiosk.exchange.protocol import RosterPage
from tests.intake.helpers import Server, Station

WARD = "Phường Yên Nghĩa"
OTHER_WARD = "Phường Bồ Đề"
BATCH = "/v1/visits/batch"


@pytest.fixture(scope="module")
def ward(server: Server) -> Iterator[Population]:
    """A small demo ward, the stations' (written once per backend)."""
    yield populate(server.engine, 120, seed=21, ward=WARD)


def outcome(household: str, **changes: Any) -> dict[str, Any]:
    """A valid outcome item about ``household`` (the whole household unless ``id_number``)."""
    return {
        "id": str(uuid.uuid4()),
        "household_id": household,
        "id_number": None,
        "outcome": "absent",
        "come_back_on": None,
        "note": "Nhà đóng cửa, hàng xóm nói đi làm ca tối",
        "recorded_at": "2025-11-22T19:40:00+07:00",
        "recorded_by": "Trần Thị Hoà",
        "session_id": str(uuid.uuid4()),
        **changes,
    }


def send(station: Station, *items: dict[str, Any]) -> list[dict[str, Any]]:
    answer = station.post(BATCH, {"items": list(items)})
    assert answer.status_code == 200, answer.text
    results: list[dict[str, Any]] = answer.json()["results"]
    assert [r["id"] for r in results] == [i["id"] for i in items]
    return results


def stored(server: Server, outcome_id: str) -> list[Any]:
    """The server's rows under ``outcome_id`` (each column an attribute)."""
    with server.engine.connect() as conn:
        return list(conn.execute(select(VisitOutcome).where(VisitOutcome.id == outcome_id)).all())


def download(station: Station, cursor: str = "") -> tuple[list[dict[str, Any]], str]:
    """Every roster page from ``cursor`` on: the households listed and the cursor to keep."""
    households: list[dict[str, Any]] = []
    while True:
        answer = station.get("/v1/roster", params={"cursor": cursor, "limit": 50})
        assert answer.status_code == 200, answer.text
        page = RosterPage.model_validate(answer.json()).model_dump(mode="json", by_alias=True)
        households += page["households"]
        cursor = page["next_cursor"]
        if not page["more"]:
            return households, cursor


def test_a_replay_is_a_duplicate_and_stores_nothing(
    server: Server, station: Station, ward: Population
) -> None:
    item = outcome(ward.households[0]["id"])
    (first,) = send(station, item)
    assert first["status"] == "accepted" and first["errors"] == []
    assert isinstance(first["arrival"], int)
    (again,) = send(station, item)
    assert again == {**first, "status": "duplicate"}  # the number it got the first time
    [row] = stored(server, item["id"])
    assert (row.station_id, row.ward, row.arrival) == (station.id, WARD, first["arrival"])
    assert row.note == item["note"]


def test_other_content_under_a_stored_id_is_a_conflict(
    server: Server, station: Station, ward: Population
) -> None:
    item = outcome(ward.households[1]["id"])
    send(station, item)
    (answer,) = send(station, {**item, "note": "Đã chuyển đi"})
    assert (answer["status"], answer["arrival"]) == ("conflict", None)
    [row] = stored(server, item["id"])
    assert row.note == item["note"]  # what was stored first stays


def test_arrival_numbers_only_grow(server: Server, station: Station, ward: Population) -> None:
    home = ward.households[2]["id"]
    member = next(r["id_number"] for r in ward.residents if r["household_id"] == home)
    # recorded in the reverse order of sending: the server's order is the order of arrival
    items = [
        outcome(home, recorded_at=f"2025-11-22T{hour}:00:00+07:00") for hour in ("21", "20", "19")
    ]
    items.append(outcome(home, id_number=member, outcome="come_back", come_back_on="2025-11-24"))
    first = [r["arrival"] for r in send(station, *items)]
    later = [r["arrival"] for r in send(station, outcome(home, outcome="moved_away"))]
    assert first == sorted(first) and len(set(first)) == 4
    assert later[0] > max(first)


def test_an_item_that_breaks_a_rule_is_invalid_alone(
    server: Server, station: Station, ward: Population
) -> None:
    home = ward.households[3]["id"]
    good = outcome(home)
    no_day = outcome(home, outcome="come_back")
    day_without = outcome(home, come_back_on="2025-11-25")
    naive = outcome(home, recorded_at="2025-11-22T19:40:00")
    results = send(station, good, no_day, day_without, naive)
    assert [r["status"] for r in results] == ["accepted", "invalid", "invalid", "invalid"]
    assert results[1]["errors"] == [{"path": "/come_back_on", "code": "outcome.come_back_on"}]
    assert results[3]["errors"] == [{"path": "/recorded_at", "code": "outcome.time_offset"}]
    assert [len(stored(server, i["id"])) for i in (good, no_day, day_without, naive)] == [
        1,
        0,
        0,
        0,
    ]


def test_an_outcome_for_a_household_removed_meanwhile_is_kept(
    server: Server, station: Station, ward: Population
) -> None:
    home = ward.households[4]["id"]
    _, cursor = download(station)

    def remove(conn: Connection) -> None:
        registry.remove_household(conn, home)

    run_write(server.engine, remove)
    item = outcome(home, outcome="moved_away")
    (answer,) = send(station, item)
    assert answer["status"] == "accepted"
    assert len(stored(server, item["id"])) == 1  # history, though the roster has no such household
    households, _ = download(station, cursor)
    assert home not in {h["id"] for h in households}  # the roster does not bring it back


def test_the_roster_brings_outcomes_back_and_lists_the_household_again(
    server: Server, station: Station, ward: Population
) -> None:
    other_kiosk = server.enrol(ward=WARD, group="Tổ dân phố 2")
    households, cursor = download(other_kiosk)
    home = ward.households[5]["id"]
    assert next(h for h in households if h["id"] == home)["outcomes"] == []
    member = next(r["id_number"] for r in ward.residents if r["household_id"] == home)
    item = outcome(home, id_number=member, outcome="refused", note=None)
    (answer,) = send(station, item)
    changed, cursor = download(other_kiosk, cursor)
    assert [h["id"] for h in changed] == [home]  # only what changed since
    assert changed[0]["outcomes"] == [
        {
            "id": item["id"],
            "id_number": member,
            "outcome": "refused",
            "come_back_on": None,
            "note": None,
            "recorded_at": "2025-11-22T19:40:00+07:00",
            "recorded_by": "Trần Thị Hoà",
            "station_id": station.id,
            "arrival": answer["arrival"],
        }
    ]
    nothing, _ = download(other_kiosk, cursor)
    assert nothing == []


def test_another_wards_station_neither_sees_nor_changes_it(
    server: Server, station: Station, ward: Population
) -> None:
    stranger = server.enrol(ward=OTHER_WARD, group="Tổ dân phố 1")
    home = ward.households[6]["id"]
    _, cursor = download(station)
    item = outcome(home)
    (mine,) = send(station, item)
    (theirs,) = send(stranger, item)  # the very same item from another ward's kiosk
    assert theirs["status"] == "conflict"
    [row] = stored(server, item["id"])
    assert (row.station_id, row.arrival) == (station.id, mine["arrival"])
    # another ward's outcome about this household is kept in that ward: it changes nothing here
    foreign = outcome(home, outcome="moved_away")
    assert send(stranger, foreign)[0]["status"] == "accepted"
    households, _ = download(station, cursor)
    [listed] = [h for h in households if h["id"] == home]
    assert [o["id"] for o in listed["outcomes"] if o["id"] in (item["id"], foreign["id"])] == [
        item["id"]
    ]
    seen, _ = download(stranger)
    assert all(o["id"] != item["id"] for h in seen for o in h["outcomes"])
    with server.engine.connect() as conn:
        wards = conn.execute(
            select(VisitOutcome.ward, func.count())
            .where(VisitOutcome.id.in_([item["id"], foreign["id"]]))
            .group_by(VisitOutcome.ward)
        ).all()
    assert sorted(wards) == [(OTHER_WARD, 1), (WARD, 1)]


def test_a_batch_the_schema_refuses_is_422(station: Station, ward: Population) -> None:
    home = ward.households[7]["id"]
    assert station.post(BATCH, {"items": [outcome(home, outcome="gone")]}).status_code == 422
    assert station.post(BATCH, {"items": [outcome(home, note="a\nb")]}).status_code == 422
    assert station.post(BATCH, {"items": []}).status_code == 422
    bad = station.session.post(f"{station.url}{BATCH}", json={"items": [outcome(home)]},
                               headers={"Authorization": "Bearer nope"}, timeout=30)  # fmt: skip
    assert bad.status_code == 401
