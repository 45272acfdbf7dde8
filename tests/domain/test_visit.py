"""The visit as plain data: a draft read back is the same visit; the payload keeps only what each
answer takes (DESIGN.md §5)."""

from __future__ import annotations

from typing import Any

from kiosk.domain.visit import Visit

RESIDENT: dict[str, Any] = {
    "id_number": "001188012345", "old_id_number": None, "full_name": "Nguyễn Thị Hường",
    "birth_date": "1988-04-12", "sex": "female", "address": "Số 12 ngõ 5, Hà Nội",
    "phone": "0912345678", "card_issue_date": "2022-02-01", "source": "card_qr",
}  # fmt: skip
VEHICLE = {
    "id": "v-1", "plate": "30A-011.70", "kind": "car", "brand": "Toyota", "model": "Vios",
    "colour": "Trắng", "chassis_number": None, "engine_number": None, "registered_owner": None,
}  # fmt: skip
LICENCE = {
    "id": "l-1", "number": "010000000011", "class": "B", "scheme": "2024",
    "issue_date": "2025-03-01", "expiry_date": "2035-03-01",
}  # fmt: skip


def _visit() -> Visit:
    visit = Visit.start(RESIDENT, [VEHICLE], [LICENCE])
    vehicle, licence = visit.records
    vehicle.choose("sold")
    vehicle.counterparty = {"full_name": "Lê Văn Toàn", "id_number": None, "phone": None}
    vehicle.event_date = "2026-01-02"
    licence.choose("updated")
    licence.values["class"] = "A1"
    added = visit.add("vehicle", "second_hand")
    added.values.update(plate="29-B1 123.45", kind="motorbike")
    added.registered_owner = {"full_name": "Phạm Văn Đức", "id_number": None}
    visit.representative = {"full_name": "Lê Văn Toàn", "id_number": None, "relation": "spouse"}
    visit.step = "consent"
    return visit


def test_a_draft_read_back_is_the_same_visit() -> None:
    visit = _visit()
    again = Visit.from_draft(visit.to_draft())
    assert again.to_draft() == visit.to_draft()
    assert again.to_payload() == visit.to_payload()
    assert [a.path for a in again.vehicles] == [None, "second_hand"]
    assert again.licences[0].changed() == ("class",)
    assert again.step == "consent"


def test_each_answer_keeps_only_what_it_takes() -> None:
    visit = _visit()
    vehicle = visit.vehicles[0]
    vehicle.choose("not_mine")  # changed its mind: no buyer, no date any more
    payload = visit.to_payload()
    entry = payload["vehicles"][0]
    assert (entry["counterparty"], entry["event_date"], entry["papers"]) == (None, None, [])
    added = payload["vehicles"][1]
    assert added["answer"] == "added" and added["registry_ref"] is None
    assert added["counterparty"] is None  # no seller named: none
    assert added["papers"] == ["handwritten_sale_paper"]
    assert payload["representative"]["relation"] == "spouse"
    assert "on_file" not in payload and "paths" not in payload and "step" not in payload


def test_records_on_file_are_never_removed() -> None:
    visit = _visit()
    on_file, added = visit.vehicles
    visit.remove(on_file)
    visit.remove(added)
    assert visit.vehicles == [on_file]


def test_a_captured_payload_reads_back_with_its_added_paths() -> None:
    visit = _visit()
    visit.add("vehicle", "other")
    again = Visit.from_draft(visit.to_payload())  # a capture keeps no draft-only keys
    assert [a.path for a in again.vehicles] == [None, "second_hand", "other"]
