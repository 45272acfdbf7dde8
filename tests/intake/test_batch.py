"""The batch upload (DESIGN.md §5): statuses, order of checks, and input the server cannot read."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from sqlalchemy import func, select

from intake.models import Submission
from kiosk.domain.payload import payload_sha256
from tests.intake.helpers import Server, Station, item, reference
from tests.strategies.payloads import make_payload, make_resident, make_vehicle


def _stored(server: Server, station: Station) -> int:
    with server.engine.connect() as conn:
        count = conn.execute(
            select(func.count()).select_from(Submission).where(Submission.station_id == station.id)
        ).scalar_one()
    return int(count)


def test_accepted_then_duplicate_then_conflict(server: Server, station: Station) -> None:
    first = station.submission(1)
    assert station.batch([first]) == [
        {"id": first["id"], "status": "accepted", "errors": [], "reference": reference(1)}
    ]
    assert station.batch([first])[0]["status"] == "duplicate"
    other = make_payload(station_id=station.id, reference=reference(2), consent=True, vehicles=[])
    changed = item(other, first["id"])
    assert station.batch([changed])[0] == {
        "id": first["id"],
        "status": "conflict",
        "errors": [],
        "reference": reference(2),
    }
    assert _stored(server, station) == 1


def test_wrong_sha256_is_invalid_for_that_item_only(server: Server, station: Station) -> None:
    good, bad = station.submission(10), station.submission(11)
    bad["sha256"] = "0" * 64
    results = station.batch([good, bad])
    assert [r["status"] for r in results] == ["accepted", "invalid"]
    assert results[1]["errors"] == [{"path": "", "code": "payload.sha256"}]
    bad["sha256"] = payload_sha256(bad["payload"]).upper()  # the hash is lower-case hex: a
    assert station.post("/v1/submissions/batch", {"items": [bad]}).status_code == 422  # bad item
    assert _stored(server, station) == 1


def _invalid(station: Station, payload: dict[str, Any]) -> list[dict[str, str]]:
    result = station.batch([item(payload)])[0]
    assert result["status"] == "invalid", result
    errors: list[dict[str, str]] = result["errors"]
    return errors


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        pytest.param({"consent": "yes"}, {"path": "/consent", "code": "payload.type"}, id="type"),
        pytest.param({"schema": "1"}, {"path": "/schema", "code": "payload.type"}, id="str-int"),
        pytest.param(
            {"colour": "red"}, {"path": "/colour", "code": "payload.unknown_key"}, id="extra"
        ),
    ],
)
def test_wrong_types_and_unknown_fields(
    station: Station, change: dict[str, Any], expected: dict[str, str]
) -> None:
    payload = make_payload(station_id=station.id, reference=reference(20), **change)
    assert expected in _invalid(station, payload)


def test_a_missing_key(station: Station) -> None:
    payload = make_payload(station_id=station.id, reference=reference(21))
    del payload["resident"]["phone"]
    assert {"path": "/resident/phone", "code": "payload.missing"} in _invalid(station, payload)


def test_invalid_id_number_and_plate(station: Station) -> None:
    payload = make_payload(
        station_id=station.id,
        reference=reference(22),
        resident=make_resident(id_number="003090012345"),
        vehicles=[make_vehicle(plate="30I-123.45")],
    )
    codes = {(e["path"], e["code"]) for e in _invalid(station, payload)}
    assert ("/resident/id_number", "id_number.province") in codes
    assert any(path == "/vehicles/0/plate" and code.startswith("plate.") for path, code in codes)


def test_payload_of_another_station_is_invalid(station: Station) -> None:
    payload = make_payload(station_id="st-someone-else", reference=reference(23))
    assert _invalid(station, payload) == [{"path": "/station_id", "code": "payload.station_id"}]


def test_reference_reused_by_another_submission(server: Server, station: Station) -> None:
    first, second = station.submission(30), station.submission(30)
    results = station.batch([first, second])
    assert [r["status"] for r in results] == ["accepted", "invalid"]
    assert results[1]["errors"] == [{"path": "/reference", "code": "payload.reference_taken"}]
    # Another station may use the same reference.
    assert server.enrol().batch([server.stations[-1].submission(30)])[0]["status"] == "accepted"


def test_mixed_batch_answers_each_item_in_order(server: Server, station: Station) -> None:
    stored = station.submission(40)
    station.batch([stored])
    bad_hash = station.submission(41)
    bad_hash["sha256"] = "f" * 64
    not_valid = item(make_payload(station_id=station.id, reference=reference(42), consent=False))
    conflicting = item(make_payload(station_id=station.id, reference=reference(43)), stored["id"])
    fresh = station.submission(44)
    same_twice = station.submission(45)
    batch = [stored, bad_hash, not_valid, conflicting, fresh, same_twice, same_twice]
    results = station.batch(batch)
    assert [r["id"] for r in results] == [i["id"] for i in batch]
    assert [r["status"] for r in results] == [
        "duplicate", "invalid", "invalid", "conflict", "accepted", "accepted", "duplicate",
    ]  # fmt: skip
    assert results[2]["errors"] == [{"path": "/consent", "code": "payload.consent"}]
    assert [r["reference"] for r in results][4:] == [reference(44), reference(45), reference(45)]


def test_reference_is_null_when_unreadable(station: Station) -> None:
    payload = make_payload(station_id=station.id, reference=12345)
    result = station.batch([item(payload)])[0]
    assert (result["status"], result["reference"]) == ("invalid", None)


def test_invalid_item_can_be_fixed_and_sent_again_under_its_id(station: Station) -> None:
    broken = make_payload(station_id=station.id, reference=reference(50), consent=False)
    submission_id = str(uuid.uuid4())
    assert station.batch([item(broken, submission_id)])[0]["status"] == "invalid"
    fixed = make_payload(station_id=station.id, reference=reference(50))
    assert station.batch([item(fixed, submission_id)])[0]["status"] == "accepted"


@pytest.mark.parametrize(
    "body",
    [
        pytest.param(b"{not json", id="malformed-json"),
        pytest.param(b"[]", id="not-an-object"),
        pytest.param(b"{}", id="no-items"),
        pytest.param(b'{"items": []}', id="empty-items"),
        pytest.param(b'{"items": [{"sha256": "x", "payload": {}}]}', id="item-without-id"),
        pytest.param(b'{"items": [{"id": "x", "sha256": "x", "payload": {}}]}', id="id-not-uuid"),
        pytest.param(b'{"items": [{"id": 5, "sha256": "x", "payload": {}}]}', id="id-not-string"),
        pytest.param(
            json.dumps(
                {"items": [{"id": str(uuid.uuid4()), "sha256": "x", "payload": []}]}
            ).encode(),
            id="payload-not-object",
        ),
    ],
)
def test_unreadable_batches_get_422(station: Station, body: bytes) -> None:
    answer = station.session.post(
        f"{station.url}/v1/submissions/batch",
        data=body,
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    assert answer.status_code == 422
    assert "date" in answer.headers


def test_more_than_100_items_get_422(server: Server, station: Station) -> None:
    items = [station.submission(100 + n) for n in range(101)]
    answer = station.post("/v1/submissions/batch", {"items": items})
    assert answer.status_code == 422
    assert _stored(server, station) == 0
    assert [r["status"] for r in station.batch(items[:100])] == ["accepted"] * 100


def test_repeat_submission_of_a_resident_is_kept_and_marked(
    server: Server, station: Station
) -> None:
    resident = make_resident(id_number="001090777777")  # nobody else's tests use this one
    first, again, third = (station.submission(n, resident=resident) for n in (60, 61, 62))
    assert [r["status"] for r in station.batch([first, again])] == ["accepted", "accepted"]
    assert station.batch([third])[0]["status"] == "accepted"
    ids = [first["id"], again["id"], third["id"]]
    with server.engine.connect() as conn:
        rows = conn.execute(select(Submission.id, Submission.repeat).where(Submission.id.in_(ids)))
        repeat = {row.id: row.repeat for row in rows}
    assert [repeat[i] for i in ids] == [False, True, True]
