"""Error bodies name, never quote (DESIGN.md §6): a 422 lists JSON Pointer paths and rule codes.

Each bad request carries secret strings (personal data, or a 200 kB field); none of them may come
back, and the body stays small whatever was sent.  Control characters in a payload's text make the
item ``invalid`` with its path and ``text.control_character``.
"""

from __future__ import annotations

import json
import uuid
from datetime import timedelta
from typing import Any

import pytest
import requests

from intake.app import MAX_PROBLEMS
from intake.auth import issue_enrol_code
from kiosk.domain.payload import payload_sha256
from tests.intake.helpers import Server, Station, item, reference
from tests.strategies.payloads import make_payload, make_resident

SECRET_ID = "079188012345"  # a (synthetic) ID number: personal data
SECRET_NAME = "Trần Thị Bí Mật"
HUGE = "X" * 200_000  # a 200 kB field
SMALL = 4096  # every error body here is smaller than this


def _assert_names_never_quotes(answer: requests.Response, *secrets: str) -> list[dict[str, str]]:
    """A 422 of paths and codes only: no secret, no pydantic ``input``/``ctx``/``msg``, small."""
    assert answer.status_code == 422, answer.text[:300]
    assert len(answer.content) < SMALL
    for secret in secrets:
        assert secret not in answer.text
        assert json.dumps(secret)[1:-1] not in answer.text  # nor escaped
    body = answer.json()
    assert set(body) == {"detail"}
    problems: list[dict[str, str]] = body["detail"]
    assert 1 <= len(problems) <= MAX_PROBLEMS
    for problem in problems:
        assert set(problem) == {"path", "code"}
        assert problem["path"].startswith("/")
    return problems


def _raw(station: Station, path: str, body: bytes) -> requests.Response:
    headers = {"Content-Type": "application/json"}
    return station.session.post(f"{station.url}{path}", data=body, headers=headers, timeout=60)


def _personal(station: Station, n: int) -> dict[str, Any]:
    resident = make_resident(id_number=SECRET_ID, full_name=SECRET_NAME)
    return station.submission(n, resident=resident)


def test_a_batch_of_101_items_of_personal_data(station: Station) -> None:
    items = [_personal(station, 300 + n) for n in range(101)]
    answer = station.post("/v1/submissions/batch", {"items": items})
    problems = _assert_names_never_quotes(answer, SECRET_ID, SECRET_NAME, "Nguyễn")
    assert {"path": "/body/items", "code": "too_long"} in problems


@pytest.mark.parametrize("key", ["sha256", "id"])
def test_a_200_kb_field_in_a_batch_item(station: Station, key: str) -> None:
    bad = {**_personal(station, 400), key: HUGE}
    answer = station.post("/v1/submissions/batch", {"items": [bad]})
    problems = _assert_names_never_quotes(answer, HUGE[:1000], SECRET_ID, SECRET_NAME)
    assert problems == [{"path": f"/body/items/0/{key}", "code": "string_pattern_mismatch"}]


def test_a_200_kb_unknown_key_is_named_by_its_object(station: Station) -> None:
    bad = {**_personal(station, 401), HUGE: SECRET_ID}
    answer = station.post("/v1/submissions/batch", {"items": [bad]})
    problems = _assert_names_never_quotes(answer, HUGE[:100], SECRET_ID, SECRET_NAME)
    assert problems == [{"path": "/body/items/0", "code": "extra_forbidden"}]


def test_a_200_kb_field_in_a_payload_is_an_invalid_item_without_it(station: Station) -> None:
    payload = make_payload(
        station_id=station.id,
        reference=reference(402),
        resident=make_resident(full_name=HUGE, address=HUGE),
    )
    answer = station.post("/v1/submissions/batch", {"items": [item(payload)]})
    assert answer.status_code == 200
    assert len(answer.content) < SMALL
    assert HUGE[:100] not in answer.text
    [result] = answer.json()["results"]
    assert result["status"] == "invalid"
    assert result["errors"] == [
        {"path": "/resident/full_name", "code": "text.too_long"},
        {"path": "/resident/address", "code": "text.too_long"},
    ]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param({"items": SECRET_NAME}, id="items-a-string"),
        pytest.param({"items": [SECRET_ID]}, id="item-a-string"),
        pytest.param(
            {"items": [{"id": 12, "sha256": SECRET_ID, "payload": SECRET_NAME}]}, id="ids"
        ),
        pytest.param({"items": [{"id": [SECRET_ID], "sha256": {SECRET_NAME: 1}}]}, id="nested"),
        pytest.param({"items": [], SECRET_NAME: SECRET_ID}, id="unknown-key"),
    ],
)
def test_wrong_types_in_a_batch(station: Station, body: dict[str, Any]) -> None:
    answer = station.post("/v1/submissions/batch", body)
    _assert_names_never_quotes(answer, SECRET_ID, SECRET_NAME)


def test_malformed_json_is_not_quoted(station: Station) -> None:
    body = ('{"items": [{"id": "' + SECRET_ID + '", "x": ' + SECRET_NAME).encode()
    answer = _raw(station, "/v1/submissions/batch", body)
    assert _assert_names_never_quotes(answer, SECRET_ID, SECRET_NAME)[0]["code"] == "json_invalid"
    answer = _raw(station, "/v1/submissions/batch", b'{"a": "\xff' + SECRET_ID.encode() + b'"}')
    _assert_names_never_quotes(answer, SECRET_ID)


@pytest.mark.parametrize(
    "body",
    [
        pytest.param({"id_number": SECRET_ID + "9"}, id="13-digits"),
        pytest.param({"id_number": SECRET_NAME}, id="a-name"),
        pytest.param({"id_number": HUGE}, id="200-kb"),
        pytest.param({"id_number": int(SECRET_ID)}, id="a-number"),
        pytest.param({"id_number": SECRET_ID, SECRET_NAME: SECRET_ID}, id="unknown-key"),
    ],
)
def test_a_lookup_with_a_bad_id_number(station: Station, body: dict[str, Any]) -> None:
    answer = station.post("/v1/registry/lookup", body)
    problems = _assert_names_never_quotes(answer, SECRET_ID, SECRET_NAME, HUGE[:100])
    assert problems[0]["path"].startswith("/body")


def test_a_submission_lookup_with_bad_ids(station: Station) -> None:
    answer = station.post("/v1/submissions/lookup", {"ids": [SECRET_ID] * 101})
    _assert_names_never_quotes(answer, SECRET_ID)
    answer = station.post("/v1/submissions/lookup", {"ids": [SECRET_NAME] * 100})
    problems = _assert_names_never_quotes(answer, SECRET_NAME)
    assert len(problems) == MAX_PROBLEMS  # 100 problems, listed up to the cap


@pytest.mark.parametrize(
    "code",
    [
        pytest.param("SECRET-" + "9" * 70, id="too-long"),
        pytest.param("SECRET-\x00-CODE", id="nul"),
        pytest.param(HUGE, id="200-kb"),
    ],
)
def test_an_enrolment_with_a_bad_code(server: Server, code: str) -> None:
    body = {"code": code, "name": SECRET_NAME, "signing_key": "A" * 43 + "="}
    answer = requests.post(f"{server.url}/v1/stations/enrol", json=body, timeout=60)
    assert answer.status_code == 422
    problems = _assert_names_never_quotes(answer, "SECRET", SECRET_NAME, HUGE[:100])
    assert [p["path"] for p in problems] == ["/body/code"]


@pytest.mark.parametrize("name", ["Kiosk\n1", "Kiosk\x001", "Kiosk\x851", "\t"])
def test_an_enrolment_name_with_a_control_character_is_refused(server: Server, name: str) -> None:
    code = issue_enrol_code(server.engine, "Yên Nghĩa", "1", timedelta(hours=1))
    body = {"code": code, "name": name, "signing_key": "A" * 43 + "="}
    answer = requests.post(f"{server.url}/v1/stations/enrol", json=body, timeout=60)
    problems = _assert_names_never_quotes(answer, code)
    assert problems == [{"path": "/body/name", "code": "string_pattern_mismatch"}]


@pytest.mark.parametrize(
    "sha256",
    [
        pytest.param(lambda good: good.upper(), id="upper-case"),
        pytest.param(lambda good: good[:63], id="63-characters"),
        pytest.param(lambda good: good + "0", id="65-characters"),
        pytest.param(lambda good: good[:62] + "g0", id="not-hex"),
        pytest.param(lambda good: good + "\n", id="trailing-newline"),
    ],
)
def test_a_sha256_of_the_wrong_length_or_case_is_refused(station: Station, sha256: Any) -> None:
    bad = _personal(station, 403)
    bad["sha256"] = sha256(bad["sha256"])
    answer = station.post("/v1/submissions/batch", {"items": [bad]})
    problems = _assert_names_never_quotes(answer, SECRET_ID, SECRET_NAME)
    assert problems == [{"path": "/body/items/0/sha256", "code": "string_pattern_mismatch"}]


@pytest.mark.parametrize(
    ("where", "text"),
    [
        pytest.param("full_name", "Nguyễn\x00Văn An", id="nul-in-name"),
        pytest.param("full_name", "Nguyễn\tVăn An", id="tab-in-name"),
        pytest.param("address", "Số 1 ngõ 2\nHà Nội", id="newline-in-address"),
        pytest.param("address", "Số 1 ngõ 2\x85Hà Nội", id="c1-in-address"),
        pytest.param("id_number", "00109001234\x00", id="nul-in-id-number"),
        pytest.param("phone", "0912345678\x7f", id="del-in-phone"),
    ],
)
def test_a_control_character_makes_the_item_invalid(
    station: Station, where: str, text: str
) -> None:
    payload = make_payload(
        station_id=station.id,
        reference=reference(500 + len(text) + len(where)),
        resident=make_resident(**{where: text}),
    )
    submission = {"id": str(uuid.uuid4()), "sha256": payload_sha256(payload), "payload": payload}
    good = station.submission(600 + len(text) + len(where))
    results = station.batch([submission, good])
    assert results[0]["status"] == "invalid"
    assert results[0]["errors"] == [
        {"path": f"/resident/{where}", "code": "text.control_character"}
    ]
    assert results[1]["status"] == "accepted"
