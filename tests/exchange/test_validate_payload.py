"""validate_payload and payload_warnings: the domain rules of payload v1, error by error.

The fuzzing (no exception for any input) is in test_validate_payload_fuzz.py.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given

from kiosk.domain.errors import WARNING_CODES
from kiosk.exchange.payload import payload_warnings, validate_payload
from kiosk.exchange.payload_rules import vietnam_today
from tests.exchange.pointers import Change, changed, e
from tests.strategies.payloads import make_payload, payloads

TODAY = date(2026, 11, 22)


def errors(*changes: Change) -> list[dict[str, str]]:
    return validate_payload(changed(*changes), today=TODAY)


def warnings(*changes: Change) -> list[dict[str, str]]:
    return payload_warnings(changed(*changes), today=TODAY)


def test_the_example_payload_is_valid_and_has_its_one_warning() -> None:
    assert validate_payload(make_payload(), today=TODAY) == []
    expected = [e("/licences/0/expiry_date", "licence.expiry_unconfirmed")]
    assert payload_warnings(make_payload(), today=TODAY) == expected


def test_make_payload_is_deterministic_and_a_fresh_copy() -> None:
    first = make_payload()
    first["resident"]["full_name"] = "changed"
    assert make_payload() == make_payload() != first
    assert make_payload(reference="AAAA-BBBB")["reference"] == "AAAA-BBBB"


@given(payloads())
def test_generated_payloads_are_valid(payload: dict[str, Any]) -> None:
    assert validate_payload(payload) == []
    assert all(w["code"] in WARNING_CODES for w in payload_warnings(payload))


def test_today_defaults_to_the_date_in_vietnam() -> None:
    before = (datetime.now(UTC) + timedelta(hours=7)).date()
    assert vietnam_today() in {before, (datetime.now(UTC) + timedelta(hours=7)).date()}
    tomorrow = (vietnam_today() + timedelta(days=2)).isoformat()  # the day after, anywhere
    late = changed((f"{V1}/event_date", tomorrow))
    assert validate_payload(late) == [e(f"{V1}/event_date", "date.future")]


# --- resident ------------------------------------------------------------------------------------

RES = "/resident"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ([(f"{RES}/id_number", "003090012345")], [e(f"{RES}/id_number", "id_number.province")]),
        ([(f"{RES}/id_number", "00109001234")], [e(f"{RES}/id_number", "id_number.format")]),
        ([(f"{RES}/id_number", " 001090012345")], [e(f"{RES}/id_number", "id_number.format")]),
        ([(f"{RES}/id_number", "001190012345")], [e(f"{RES}/sex", "id_number.sex_mismatch")]),
        (
            [(f"{RES}/birth_date", "1991-03-15")],
            [e(f"{RES}/birth_date", "id_number.birth_year_mismatch")],
        ),
        (
            [(f"{RES}/id_number", "001230012345"), (f"{RES}/birth_date", "2030-01-01")],
            [
                e(f"{RES}/id_number", "id_number.birth_year_future"),
                e(f"{RES}/birth_date", "date.future"),
            ],
        ),
        ([(f"{RES}/old_id_number", "12345")], [e(f"{RES}/old_id_number", "old_id_number.format")]),
        (
            [(f"{RES}/old_id_number", "012345678 ")],
            [e(f"{RES}/old_id_number", "old_id_number.format")],
        ),
        ([(f"{RES}/old_id_number", "001090012345")], []),
        ([(f"{RES}/full_name", "Nguyễn  Văn An")], [e(f"{RES}/full_name", "name.format")]),
        (
            [(f"{RES}/full_name", "Nguye\u0302\u0303n Văn An")],
            [e(f"{RES}/full_name", "name.format")],
        ),
        ([(f"{RES}/full_name", "Nguyễn Văn An 2")], [e(f"{RES}/full_name", "name.format")]),
        ([(f"{RES}/full_name", "NGUYỄN VĂN AN")], []),
        ([(f"{RES}/phone", "+84912345678")], [e(f"{RES}/phone", "phone.format")]),
        ([(f"{RES}/phone", "0112345678")], [e(f"{RES}/phone", "phone.prefix")]),
        ([(f"{RES}/phone", "số điện thoại")], [e(f"{RES}/phone", "phone.format")]),
        (
            [(f"{RES}/card_issue_date", "1989-01-01")],
            [e(f"{RES}/card_issue_date", "date.before_birth")],
        ),
        ([(f"{RES}/card_issue_date", "2026-11-23")], [e(f"{RES}/card_issue_date", "date.future")]),
        ([(f"{RES}/card_issue_date", "2026-11-22")], []),
    ],
)
def test_resident_rules(changes: list[Change], expected: list[dict[str, str]]) -> None:
    assert errors(*changes) == expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ([(f"{RES}/phone", "02439876543")], [e(f"{RES}/phone", "phone.landline")]),
        (
            [(f"{RES}/id_number", "001215012345"), (f"{RES}/birth_date", "2015-01-01")],
            [e(f"{RES}/birth_date", "resident.age_unusual")],
        ),
        (
            [(f"{RES}/id_number", "001010012345"), (f"{RES}/birth_date", "1910-01-01")],
            [e(f"{RES}/birth_date", "resident.age_unusual")],
        ),
    ],
)
def test_resident_warnings(changes: list[Change], expected: list[dict[str, str]]) -> None:
    assert errors(*changes) == []
    assert [w for w in warnings(*changes) if w["path"].startswith(RES)] == expected


def test_the_age_is_judged_on_the_capture_date() -> None:
    # 16 on the day of capture, though older today.
    born = [(f"{RES}/id_number", "001209012345"), (f"{RES}/birth_date", "2009-11-22")]
    assert "resident.age_unusual" not in {w["code"] for w in warnings(*born)}
    day_before = [*born, ("/captured_at", "2025-11-21T19:05:11+07:00")]
    assert "resident.age_unusual" in {w["code"] for w in warnings(*day_before)}


REPRESENTATIVE = {"full_name": "Nguyễn Thị Mai", "id_number": "001190054321", "relation": "con"}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ([], []),
        ([("/representative/id_number", None)], []),
        (
            [("/representative/id_number", "001090012345")],
            [e("/representative/id_number", "payload.answer_fields")],
        ),
        (
            [("/representative/id_number", "003190054321")],
            [e("/representative/id_number", "id_number.province")],
        ),
        ([("/representative/full_name", "Mai!")], [e("/representative/full_name", "name.format")]),
    ],
)
def test_representative_rules(changes: list[Change], expected: list[dict[str, str]]) -> None:
    assert errors(("/representative", dict(REPRESENTATIVE)), *changes) == expected


# --- vehicles ------------------------------------------------------------------------------------

V0, V1, V2 = "/vehicles/0", "/vehicles/1", "/vehicles/2"  # confirmed car, sold motorbike, added


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ([(f"{V0}/plate", "30A12345")], [e(f"{V0}/plate", "plate.format")]),
        ([(f"{V0}/plate", "30I-123.45")], [e(f"{V0}/plate", "plate.series")]),
        ([(f"{V0}/plate", "03A-123.45")], [e(f"{V0}/plate", "plate.province")]),
        ([(f"{V0}/plate", "29-B1 123.45")], [e(f"{V0}/kind", "plate.kind_mismatch")]),
        ([(f"{V0}/plate", "29A-1234")], []),
        ([(f"{V1}/plate", "30A-123.45")], [e(f"{V1}/kind", "plate.kind_mismatch")]),
        ([(f"{V1}/plate", "29-MĐ1 013.53"), (f"{V1}/kind", "electric_motorbike")], []),
        (
            [(f"{V0}/chassis_number", "rl4bt9f33m0123456")],
            [e(f"{V0}/chassis_number", "vehicle.chassis_number")],
        ),
        ([(f"{V0}/chassis_number", "AB")], [e(f"{V0}/chassis_number", "vehicle.chassis_number")]),
        (
            [(f"{V0}/engine_number", "2NR 1234567")],
            [e(f"{V0}/engine_number", "vehicle.engine_number")],
        ),
        (
            [(f"{V0}/engine_number", "2NR_1234567")],
            [e(f"{V0}/engine_number", "vehicle.engine_number")],
        ),
        ([(f"{V0}/registry_ref", None)], [e(f"{V0}/registry_ref", "payload.answer_fields")]),
        ([(f"{V2}/registry_ref", "v-0009")], [e(f"{V2}/registry_ref", "payload.answer_fields")]),
        ([(f"{V1}/counterparty", None)], [e(f"{V1}/counterparty", "payload.answer_fields")]),
        ([(f"{V1}/event_date", None)], [e(f"{V1}/event_date", "payload.answer_fields")]),
        ([(f"{V1}/answer", "transferred")], []),
        ([(f"{V1}/answer", "scrapped")], [e(f"{V1}/counterparty", "payload.answer_fields")]),
        ([(f"{V1}/answer", "lost"), (f"{V1}/counterparty", None)], []),
        (
            [(f"{V1}/answer", "lost"), (f"{V1}/counterparty", None), (f"{V1}/event_date", None)],
            [e(f"{V1}/event_date", "payload.answer_fields")],
        ),
        (
            [(f"{V1}/answer", "confirmed")],
            [
                e(f"{V1}/counterparty", "payload.answer_fields"),
                e(f"{V1}/event_date", "payload.answer_fields"),
            ],
        ),
        (
            [(f"{V0}/answer", "not_mine"), (f"{V0}/event_date", "2024-01-01")],
            [e(f"{V0}/event_date", "payload.answer_fields")],
        ),
        ([(f"{V0}/answer", "updated")], []),
        ([(f"{V2}/counterparty", None), (f"{V2}/event_date", None)], []),
        ([(f"{V2}/papers", [])], [e(f"{V2}/papers", "payload.answer_fields")]),
        ([(f"{V2}/papers", ["none"])], []),
        ([(f"{V0}/papers", [])], []),
        ([(f"{V0}/papers", ["none", "sale_contract"])], [e(f"{V0}/papers", "payload.papers")]),
        (
            [(f"{V0}/papers", ["sale_contract", "sale_contract"])],
            [e(f"{V0}/papers", "payload.papers")],
        ),
        ([(f"{V1}/event_date", "2026-11-23")], [e(f"{V1}/event_date", "date.future")]),
        ([(f"{V1}/event_date", "1990-03-14")], [e(f"{V1}/event_date", "date.before_birth")]),
        ([(f"{V1}/event_date", "1990-03-15")], []),
        (
            [(f"{V1}/counterparty/id_number", "001090012345")],
            [e(f"{V1}/counterparty/id_number", "payload.answer_fields")],
        ),
        (
            [(f"{V2}/registered_owner/id_number", "001090012345")],
            [e(f"{V2}/registered_owner/id_number", "payload.answer_fields")],
        ),
        (
            [(f"{V2}/registered_owner/id_number", "0360950012345")],
            [e(f"{V2}/registered_owner/id_number", "id_number.format")],
        ),
        ([(f"{V1}/counterparty/phone", "123")], [e(f"{V1}/counterparty/phone", "phone.format")]),
        (
            [(f"{V1}/counterparty/full_name", "B1nh")],
            [e(f"{V1}/counterparty/full_name", "name.format")],
        ),
        ([(f"{V1}/registry_ref", "v-0001")], [e(f"{V1}/registry_ref", "payload.duplicate_record")]),
    ],
)
def test_vehicle_rules(changes: list[Change], expected: list[dict[str, str]]) -> None:
    assert errors(*changes) == expected


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ([(f"{V0}/plate", "42A-123.45")], [e(f"{V0}/plate", "plate.province_unlisted")]),
        (
            [(f"{V0}/chassis_number", "ABCDE12345")],
            [e(f"{V0}/chassis_number", "vehicle.vin_unusual")],
        ),
        (
            [(f"{V1}/counterparty/phone", "02439876543")],
            [e(f"{V1}/counterparty/phone", "phone.landline")],
        ),
    ],
)
def test_vehicle_warnings(changes: list[Change], expected: list[dict[str, str]]) -> None:
    assert errors(*changes) == []
    assert [w for w in warnings(*changes) if w["path"].startswith("/vehicles")] == expected


def test_the_same_plate_may_come_back_on_another_vehicle() -> None:
    # Since 2023 a plate stays with its owner: sold car, new car added under the same plate.
    assert errors((f"{V2}/plate", "29-B1 123.45")) == []


def test_every_repeat_of_a_record_is_flagged() -> None:
    expected = [
        e(f"{V1}/registry_ref", "payload.duplicate_record"),
        e("/vehicles/3/registry_ref", "payload.duplicate_record"),
    ]
    repeat = make_payload()["vehicles"][0]
    assert errors((f"{V1}/registry_ref", "v-0001"), ("/vehicles/3", repeat)) == expected


# --- licences ------------------------------------------------------------------------------------

L0 = "/licences/0"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ([(f"{L0}/number", "01012345678")], [e(f"{L0}/number", "licence.number")]),
        ([(f"{L0}/number", "990123456789")], [e(f"{L0}/number", "licence.province")]),
        ([(f"{L0}/number", "0101 2345 6789")], [e(f"{L0}/number", "licence.number")]),
        ([(f"{L0}/class", "b")], [e(f"{L0}/class", "licence.class")]),
        ([(f"{L0}/class", "Z9")], [e(f"{L0}/class", "licence.class")]),
        ([(f"{L0}/class", "B2")], [e(f"{L0}/class", "licence.class_scheme")]),
        ([(f"{L0}/scheme", "2008")], [e(f"{L0}/scheme", "licence.scheme_date")]),
        (
            [(f"{L0}/expiry_date", "2025-02-28")],
            [e(f"{L0}/expiry_date", "licence.expiry_before_issue")],
        ),
        ([(f"{L0}/registry_ref", None)], [e(f"{L0}/registry_ref", "payload.answer_fields")]),
        ([(f"{L0}/answer", "added")], [e(f"{L0}/registry_ref", "payload.answer_fields")]),
        ([(f"{L0}/answer", "added"), (f"{L0}/registry_ref", None)], []),
        ([(f"{L0}/answer", "lost")], []),
        (
            [(f"{L0}/issue_date", "2026-11-23"), (f"{L0}/expiry_date", "2036-11-23")],
            [e(f"{L0}/issue_date", "date.future")],
        ),
        (
            [
                (f"{L0}/scheme", "2008"),
                (f"{L0}/class", "B2"),
                (f"{L0}/issue_date", "1989-01-01"),
                (f"{L0}/expiry_date", "1999-01-01"),
            ],
            [e(f"{L0}/issue_date", "date.before_birth")],
        ),
        (
            [("/licences/1", make_payload()["licences"][0])],
            [e("/licences/1/registry_ref", "payload.duplicate_record")],
        ),
    ],
)
def test_licence_rules(changes: list[Change], expected: list[dict[str, str]]) -> None:
    assert errors(*changes) == expected


def test_a_bad_number_and_a_bad_class_are_both_reported() -> None:
    assert errors((f"{L0}/number", "12"), (f"{L0}/class", "B2")) == [
        e(f"{L0}/number", "licence.number"),
        e(f"{L0}/class", "licence.class_scheme"),
    ]


def test_licence_warnings_point_at_their_field() -> None:
    assert errors((f"{L0}/expiry_date", "2030-03-01")) == []
    assert warnings((f"{L0}/expiry_date", "2030-03-01")) == [
        e(f"{L0}/expiry_date", "licence.expiry_unconfirmed"),
        e(f"{L0}/expiry_date", "licence.expiry_unexpected"),
    ]


# --- the payload as a whole ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("captured", "verified", "expected"),
    [
        ("2025-11-22T19:05:11+07:00", "2025-11-22T19:05:11+07:00", []),
        ("2025-11-22T12:05:11Z", "2025-11-22T19:05:12+07:00", []),
        ("2025-11-22T12:05:11Z", "2025-11-22T19:05:10+07:00", [e("/verified_at", "date.order")]),
        (
            "2025-11-23T00:00:00+07:00",
            "2025-11-22T23:59:59+07:00",
            [e("/verified_at", "date.order")],
        ),
    ],
)
def test_verification_is_not_before_capture(
    captured: str, verified: str, expected: list[dict[str, str]]
) -> None:
    assert errors(("/captured_at", captured), ("/verified_at", verified)) == expected


@pytest.mark.parametrize(
    ("codes", "expected"),
    [
        ([], []),
        (sorted(WARNING_CODES), []),
        (["nope"], [e("/warnings_acknowledged/0", "payload.warning_code")]),
        (
            ["phone.landline", "phone.format"],
            [e("/warnings_acknowledged/1", "payload.warning_code")],
        ),
        (
            [1, "x"],
            [
                e("/warnings_acknowledged/0", "payload.type"),
                e("/warnings_acknowledged/1", "payload.warning_code"),
            ],
        ),
    ],
)
def test_acknowledged_warnings_are_known_warning_codes(
    codes: list[object], expected: list[dict[str, str]]
) -> None:
    assert errors(("/warnings_acknowledged", codes)) == expected


def test_domain_rules_skip_the_parts_whose_structure_is_broken() -> None:
    found = errors(
        (f"{RES}/id_number", "003090012345"),
        (f"{RES}/extra", 1),
        (f"{V0}/kind", "tank"),
        (f"{V0}/plate", "not a plate"),
        (f"{V1}/plate", "not a plate"),
        ("/captured_at", "yesterday"),
    )
    assert found == [
        e("/captured_at", "payload.datetime"),
        e(f"{RES}/extra", "payload.unknown_key"),
        e(f"{V0}/kind", "payload.enum"),
        e(f"{V1}/plate", "plate.format"),  # its vehicle is sound: checked
    ]


def test_no_birth_date_no_before_birth_rule() -> None:
    found = errors((f"{RES}/birth_date", "15/03/1990"), (f"{V1}/event_date", "1900-01-01"))
    assert found == [e(f"{RES}/birth_date", "date.format")]


@pytest.mark.parametrize("value", [None, [], "", "{}", 0, 1.5, True, [make_payload()]])
def test_not_an_object(value: object) -> None:
    assert validate_payload(value) == [e("", "payload.not_object")]
    assert payload_warnings(value) == []


def test_an_empty_object_misses_every_key() -> None:
    found = validate_payload({})
    assert {x["code"] for x in found} == {"payload.missing"}
    assert [x["path"] for x in found] == [f"/{key}" for key in make_payload()]
