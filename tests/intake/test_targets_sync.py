"""Daily targets at the server: the kiosks' changes idempotent by id and numbered in order of
arrival, scoped to the station's ward, mixed with the command line's, every change kept, and the
ward's targets back to the kiosks by number (issue 22, point 1)."""

from __future__ import annotations

import logging
import uuid
from datetime import date
from typing import Any

import pytest

from intake.targets import history, list_targets, set_target
from kiosk.exchange.protocol import TargetsPage
from tests.intake.helpers import Server, Station

WARD = "Phường Yên Nghĩa"
OTHER_WARD = "Phường Bồ Đề"
BATCH = "/v1/targets/batch"
OFFICER = "Trần Thị Hoà"


def change(group: str, day: date, target: int, **changes: Any) -> dict[str, Any]:
    """A valid target change item."""
    return {
        "id": str(uuid.uuid4()),
        "group": group,
        "day": day.isoformat(),
        "target": target,
        "set_at": "2025-11-22T19:40:00+07:00",
        "set_by": OFFICER,
        **changes,
    }


def send(station: Station, *items: dict[str, Any]) -> list[dict[str, Any]]:
    answer = station.post(BATCH, {"items": list(items)})
    assert answer.status_code == 200, answer.text
    results: list[dict[str, Any]] = answer.json()["results"]
    assert [r["id"] for r in results] == [i["id"] for i in items]
    return results


def page(station: Station, since: int, limit: int = 1000) -> TargetsPage:
    answer = station.get("/v1/targets", params={"since": since, "limit": limit})
    assert answer.status_code == 200, answer.text
    return TargetsPage.model_validate(answer.json())


def test_a_change_is_numbered_and_a_replay_stored_once(server: Server, station: Station) -> None:
    day = date(2025, 12, 1)
    item = change("Tổ dân phố 1", day, 40)
    (first,) = send(station, item)
    assert (first["status"], first["errors"]) == ("accepted", [])
    (again,) = send(station, item)
    assert (again["status"], again["arrival"]) == ("duplicate", first["arrival"])
    (other,) = send(station, {**item, "target": 41})
    assert (other["status"], other["arrival"]) == ("conflict", None)
    changes = history(server.engine, WARD, "Tổ dân phố 1", day)
    assert [(c.change_id, c.target, c.station_id) for c in changes] == [
        (item["id"], 40, station.id)
    ]
    (current,) = list_targets(server.engine, WARD, day)
    assert (current.target, current.arrival, current.set_by) == (40, first["arrival"], OFFICER)


def test_another_stations_replay_of_an_id_is_a_conflict(server: Server, station: Station) -> None:
    item = change("Tổ dân phố 1", date(2025, 12, 2), 10)
    assert send(station, item)[0]["status"] == "accepted"
    assert send(server.enrol(), item)[0]["status"] == "conflict"


def test_a_group_outside_the_ward_is_invalid(server: Server, station: Station) -> None:
    server.enrol(OTHER_WARD, "Tổ dân phố 77")  # a group of another ward
    day = date(2025, 12, 3)
    results = send(
        station,
        change("Tổ dân phố 77", day, 10),
        change("Tổ dân phố 1", day, 12),
        change("Tổ dân phố 1", day, 13, set_at="2025-11-22T19:40:00"),
    )
    assert [r["status"] for r in results] == ["invalid", "accepted", "invalid"]
    assert results[0]["errors"] == [{"path": "/group", "code": "target.group"}]
    assert results[2]["errors"] == [{"path": "/set_at", "code": "target.time_offset"}]
    assert history(server.engine, OTHER_WARD, "Tổ dân phố 77", day) == []


@pytest.mark.parametrize(
    "broken",
    [{"target": -1}, {"target": "40"}, {"target": 100_001}, {"day": 20251204}, {"group": " "},
     {"set_by": ""}, {"id": "not-a-uuid"}, {"extra": 1}],
)  # fmt: skip
def test_a_malformed_batch_is_refused_whole(station: Station, broken: dict[str, Any]) -> None:
    item = {**change("Tổ dân phố 1", date(2025, 12, 4), 1), **broken}
    answer = station.post(BATCH, {"items": [item]})
    assert answer.status_code == 422


def test_the_later_arrival_decides_and_every_change_is_kept(
    server: Server, station: Station
) -> None:
    day, group = date(2025, 12, 5), "Tổ dân phố 1"
    (kiosk_first,) = send(station, change(group, day, 40))
    on_server = set_target(server.engine, "Yên Nghĩa", "1", day, 50, set_by="Cán bộ phường")
    assert on_server.arrival > kiosk_first["arrival"]
    (current,) = list_targets(server.engine, WARD, day)
    assert (current.target, current.station_id) == (50, None)
    # the kiosk's clock says earlier, but it arrives later: it decides
    (kiosk_again,) = send(station, change(group, day, 45, set_at="2025-11-20T08:00:00+07:00"))
    (current,) = list_targets(server.engine, WARD, day)
    assert (current.target, current.arrival) == (45, kiosk_again["arrival"])
    changes = history(server.engine, WARD, group, day)
    assert [c.target for c in changes] == [40, 50, 45]
    assert [c.arrival for c in changes] == sorted(c.arrival for c in changes)


def test_the_ward_s_targets_come_back_by_number(server: Server, station: Station) -> None:
    day = date(2025, 12, 6)
    start = max((t.arrival for t in list_targets(server.engine, WARD)), default=0)
    (mine,) = send(station, change("Tổ dân phố 1", day, 20))
    cli = set_target(server.engine, WARD, "Tổ dân phố 1", date(2025, 12, 7), 30, set_by="Cán bộ")
    set_target(server.engine, OTHER_WARD, "Tổ dân phố 77", day, 99, set_by="Cán bộ")
    got = page(station, start)
    assert [(t.id, t.target, t.station_id) for t in got.targets] == [
        (mine["id"], 20, station.id), (cli.change_id, 30, None),
    ]  # fmt: skip
    assert not got.more
    assert [t.arrival for t in got.targets] == [mine["arrival"], cli.arrival]
    first = page(station, start, limit=1)
    assert (len(first.targets), first.more) == (1, True)
    assert page(station, cli.arrival).targets == []
    # a change replaced later is listed once, as it is now
    set_target(server.engine, WARD, "Tổ dân phố 1", day, 21, set_by="Cán bộ")
    assert [t.target for t in page(station, start).targets] == [30, 21]


def test_since_out_of_range_is_refused(station: Station) -> None:
    assert station.get("/v1/targets", params={"since": -1}).status_code == 422
    assert station.get("/v1/targets", params={"limit": 0}).status_code == 422


def test_without_a_token_nothing_is_read_or_stored(server: Server) -> None:
    import requests

    answer = requests.get(f"{server.url}/v1/targets", timeout=30)
    assert answer.status_code == 401
    answer = requests.post(
        f"{server.url}{BATCH}", json={"items": [change("Tổ dân phố 1", date(2025, 12, 8), 1)]},
        timeout=30,
    )  # fmt: skip
    assert answer.status_code == 401


def test_changes_are_logged_without_names(
    station: Station, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="intake.targets"):
        send(station, change("Tổ dân phố 1", date(2025, 12, 9), 33))
    messages = [r.getMessage() for r in caplog.records if r.name == "intake.targets"]
    assert any("Tổ dân phố 1" in m and "= 33" in m for m in messages)
    assert not any(OFFICER in m for m in messages)
