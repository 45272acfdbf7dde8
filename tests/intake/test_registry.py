"""Lookups (ward-scoped, rate-limited), session reconciliation, daily stats, health and `Date`."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from email.utils import parsedate_to_datetime

import pytest
import requests

from intake.demo import Population, populate
from kiosk.exchange.protocol import LookupResponse, StatsResponse
from tests.intake.helpers import Server, Station, item, resident_payload, running_server

WARD = "Phường Tây Hồ"


@pytest.fixture(scope="module")
def ward(server: Server) -> Population:
    """A small demo ward."""
    return populate(server.engine, 300, seed=11, ward=WARD)


def _resident_fields(resident: dict[str, object]) -> dict[str, object]:
    return {
        "id_number": resident["id_number"],
        "full_name": resident["full_name"],
        "birth_date": str(resident["birth_date"]),
        "sex": resident["sex"],
        "old_id_number": None,
        "phone": None,
        "card_issue_date": None,
    }


def _adult(ward: Population, skip: int = 0) -> dict[str, object]:
    adults = [r for r in ward.residents if r["birth_date"].year < 1990]
    return adults[skip]


def test_lookup_shows_the_resident_records_and_cleaned(server: Server, ward: Population) -> None:
    station = server.enrol(ward=WARD)
    resident = _adult(ward)
    answer = station.post("/v1/registry/lookup", {"id_number": resident["id_number"]})
    assert answer.status_code == 200
    found = LookupResponse.model_validate(answer.json())
    household = next(h for h in ward.households if h["id"] == resident["household_id"])
    assert found.resident.full_name == resident["full_name"]
    assert (found.resident.household_id, found.resident.group) == (
        household["id"],
        household["group_name"],
    )
    assert {v.id for v in found.vehicles} == {
        v["id"] for v in ward.vehicles if v["resident_id_number"] == resident["id_number"]
    }
    assert {lic.id for lic in found.licences} == {
        lic["id"] for lic in ward.licences if lic["resident_id_number"] == resident["id_number"]
    }
    assert found.cleaned is None

    accepted = station.batch([item(resident_payload(station, 1, _resident_fields(resident)))])
    assert accepted[0]["status"] == "accepted"
    again = LookupResponse.model_validate(
        station.post("/v1/registry/lookup", {"id_number": resident["id_number"]}).json()
    )
    assert again.cleaned is not None and again.cleaned.station_id == station.id
    assert again.cleaned.at.utcoffset() is not None


def test_lookup_is_limited_to_the_station_ward(server: Server, ward: Population) -> None:
    other = server.enrol(ward="Phường Hà Đông")
    resident = _adult(ward)
    answer = other.post("/v1/registry/lookup", {"id_number": resident["id_number"]})
    assert answer.status_code == 404
    assert other.post("/v1/registry/lookup", {"id_number": "001090999991"}).status_code == 404
    assert other.post("/v1/registry/lookup", {"id_number": "12345"}).status_code == 422
    assert other.get("/v1/roster").json()["households"] == []


def test_lookups_are_rate_limited_per_station(
    tmp_path_factory: pytest.TempPathFactory, database_url: str
) -> None:
    with running_server(database_url, lookup_burst=3, lookup_per_minute=6.0) as slow:
        first, second = slow.enrol(), slow.enrol()
        body = {"id_number": "001090999992"}
        assert [first.post("/v1/registry/lookup", body).status_code for _ in range(3)] == [404] * 3
        refused = first.post("/v1/registry/lookup", body)
        assert refused.status_code == 429
        assert 1 <= int(refused.headers["Retry-After"]) <= 10
        assert "date" in refused.headers
        assert second.post("/v1/registry/lookup", body).status_code == 404  # its own bucket


def test_session_close_names_what_the_server_lacks(station: Station) -> None:
    session_id = str(uuid.uuid4())
    sent = [station.submission(n, session_id=session_id) for n in range(3)]
    station.batch(sent[:2])
    lost = str(uuid.uuid4())
    ids = [s["id"] for s in sent] + [lost]
    answer = station.post(f"/v1/sessions/{session_id}/close", {"ids": ids})
    assert answer.status_code == 200
    assert answer.json() == {"missing": [sent[2]["id"], lost]}
    # Another station's submissions are not this station's.
    other = station.post(f"/v1/sessions/{session_id}/close", {"ids": ids[:1]})
    assert other.json() == {"missing": []}
    assert station.post("/v1/sessions/not-a-uuid/close", {"ids": []}).status_code == 422


def test_stats_count_residents_once_per_day_and_group(server: Server, ward: Population) -> None:
    station = server.enrol(ward=WARD, group="Tổ dân phố 9")
    first, second = _adult(ward, 1), _adult(ward, 2)
    on_day = "2025-10-05T19:05:11+07:00"  # a day no other test of the ward uses
    items = [
        item({**resident_payload(station, 10, _resident_fields(first)), "captured_at": on_day}),
        item({**resident_payload(station, 11, _resident_fields(first)), "captured_at": on_day}),
        item({**resident_payload(station, 12, _resident_fields(second)), "captured_at": on_day}),
    ]
    assert [r["status"] for r in station.batch(items)] == ["accepted"] * 3
    answer = station.get("/v1/stats", params={"date": "2025-10-05"})
    stats = StatsResponse.model_validate(answer.json())
    assert stats.ward == WARD
    [day] = stats.days
    assert (day.residents, day.submissions) == (2, 3)
    group_of = {h["id"]: h["group_name"] for h in ward.households}
    expected: dict[str, list[int]] = {}
    for resident, n in ((first, 2), (second, 1)):
        counts = expected.setdefault(group_of[str(resident["household_id"])], [0, 0, 0])
        counts[0] += 1
        counts[1] += n
        counts[2] += n - 1
    assert {g.group: [g.residents, g.submissions, g.repeats] for g in day.groups} == expected
    assert station.get("/v1/stats", params={"date": "2025-02-30"}).status_code == 422
    every_day = StatsResponse.model_validate(station.get("/v1/stats").json())
    assert every_day.total.residents >= 2


def test_health_always_answers_with_a_date(server: Server) -> None:
    answer = requests.get(f"{server.url}/v1/health", timeout=30)
    assert answer.status_code == 200
    assert answer.json()["status"] == "ok"
    assert parsedate_to_datetime(answer.headers["Date"]).tzinfo is not None
    for path in ("/v1/nowhere", "/v1/roster"):
        assert "date" in requests.get(f"{server.url}{path}", timeout=30).headers


@pytest.fixture
def station(server: Server) -> Iterator[Station]:
    """A station of the demo ward."""
    yield server.enrol(ward=WARD)
