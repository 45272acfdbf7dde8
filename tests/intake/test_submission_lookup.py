"""``POST /v1/submissions/lookup`` (DESIGN.md §5): which ids the server holds from this station."""

from __future__ import annotations

import uuid

import pytest
import requests

from tests.intake.helpers import Server, Station
from tests.strategies.payloads import make_resident

LOOKUP = "/v1/submissions/lookup"


def _found(station: Station, ids: list[str]) -> list[dict[str, str]]:
    answer = station.post(LOOKUP, {"ids": ids})
    assert answer.status_code == 200, answer.text
    assert set(answer.json()) == {"found"}
    found: list[dict[str, str]] = answer.json()["found"]
    return found


def test_stored_ids_come_back_with_their_hash_in_the_order_asked(station: Station) -> None:
    resident = make_resident(id_number="001090888888")  # nobody else's tests use this one
    first, again = (station.submission(n, resident=resident) for n in (70, 71))
    assert [r["status"] for r in station.batch([first, again])] == ["accepted", "accepted"]
    unknown = str(uuid.uuid4())
    asked = [again["id"], unknown, first["id"], again["id"]]
    assert _found(station, asked) == [
        {"id": again["id"], "sha256": again["sha256"], "status": "repeat"},
        {"id": first["id"], "sha256": first["sha256"], "status": "accepted"},
    ]
    assert _found(station, [unknown]) == []


def test_an_invalid_item_is_not_stored_so_not_found(station: Station) -> None:
    bad = station.submission(72)
    bad["sha256"] = "0" * 64
    assert station.batch([bad])[0]["status"] == "invalid"
    assert _found(station, [bad["id"]]) == []


def test_another_stations_submissions_are_not_found(server: Server, station: Station) -> None:
    mine = station.submission(73)
    assert station.batch([mine])[0]["status"] == "accepted"
    other = server.enrol()
    assert _found(other, [mine["id"]]) == []
    assert _found(station, [mine["id"]])[0]["id"] == mine["id"]


def test_a_call_without_a_valid_token_is_refused(server: Server, station: Station) -> None:
    body = {"ids": [str(uuid.uuid4())]}
    answer = requests.post(f"{server.url}{LOOKUP}", json=body, timeout=30)
    assert answer.status_code == 401
    answer = requests.post(
        f"{server.url}{LOOKUP}", json=body, headers={"Authorization": "Bearer nope"}, timeout=30
    )
    assert answer.status_code == 401


@pytest.mark.parametrize(
    "body",
    [
        {"ids": []},
        {"ids": ["not-a-uuid"]},
        {"ids": [str(uuid.uuid4()).upper()]},
        {"ids": [str(uuid.uuid4())], "more": 1},
        {"id": str(uuid.uuid4())},
        {"ids": [str(uuid.uuid4()) for _ in range(101)]},
    ],
    ids=["empty", "not-an-id", "upper-case", "unknown-key", "no-ids", "101-ids"],
)
def test_a_body_it_cannot_read_gets_422(station: Station, body: dict[str, object]) -> None:
    assert station.post(LOOKUP, body).status_code == 422


def test_a_hundred_ids_are_answered(station: Station) -> None:
    stored = [station.submission(100 + n) for n in range(3)]
    station.batch(stored)
    asked = [str(uuid.uuid4()) for _ in range(97)] + [s["id"] for s in stored]
    assert [f["id"] for f in _found(station, asked)] == [s["id"] for s in stored]
