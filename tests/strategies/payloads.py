"""Valid submission payloads (v1, DESIGN.md §5): a hypothesis strategy and a fixed example.

``payloads()`` draws payloads that ``validate_payload`` accepts; ``make_payload(**overrides)``
builds one fixed, deterministic payload for store, intake and end-to-end tests.
"""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

from kiosk.domain.errors import WARNING_CODES
from kiosk.domain.payload import REFERENCE_ALPHABET, SCHEMA_VERSION
from tests.strategies.identity import (
    ADDRESSES,
    FAMILY_NAMES,
    GIVEN_NAMES,
    MIDDLE_NAMES,
    id_numbers,
    mobile_phones,
    persons,
)
from tests.strategies.vehicles import licences, plates, vins

__all__ = [
    "VEHICLE_ANSWERS",
    "make_licence",
    "make_payload",
    "make_resident",
    "make_vehicle",
    "payloads",
]

VEHICLE_ANSWERS = (
    "confirmed", "updated", "sold", "transferred", "scrapped", "lost", "not_mine", "added"
)  # fmt: skip
LICENCE_ANSWERS = ("confirmed", "updated", "lost", "not_mine", "added")
PAPERS = ("registration_certificate", "sale_contract", "handwritten_sale_paper")
_ICT = timezone(timedelta(hours=7))
_FIRST_CAPTURE = datetime(2025, 1, 1, tzinfo=_ICT)
_LAST_LICENCE_BIRTH = date(2012, 12, 31)  # licences() issues from 2013: residents born before
_FRAME_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

# --- one fixed payload --------------------------------------------------------------------------


def make_resident(**overrides: Any) -> dict[str, Any]:
    """The fixed (synthetic) resident of :func:`make_payload`, keys replaced by ``overrides``."""
    resident: dict[str, Any] = {
        "id_number": "001090012345",
        "old_id_number": "012345678",
        "full_name": "Nguyễn Văn An",
        "birth_date": "1990-03-15",
        "sex": "male",
        "address": "Số 1 ngõ 2 phố Huế, Phường Hai Bà Trưng, Hà Nội",
        "phone": "0912345678",
        "card_issue_date": "2021-07-10",
        "source": "card_qr",
    }
    return {**resident, **overrides}


def make_vehicle(**overrides: Any) -> dict[str, Any]:
    """A fixed confirmed car on file, with keys replaced by ``overrides``."""
    vehicle: dict[str, Any] = {
        "answer": "confirmed",
        "registry_ref": "v-0001",
        "plate": "30A-123.45",
        "kind": "car",
        "brand": "Toyota",
        "model": "Vios",
        "colour": "Trắng",
        "chassis_number": "RL4BT9F33M0123456",
        "engine_number": "2NR1234567",
        "registered_owner": None,
        "counterparty": None,
        "event_date": None,
        "papers": ["registration_certificate"],
        "note": None,
    }
    return {**vehicle, **overrides}


def make_licence(**overrides: Any) -> dict[str, Any]:
    """A fixed confirmed 2024-scheme B licence on file, with keys replaced by ``overrides``."""
    licence: dict[str, Any] = {
        "answer": "confirmed",
        "registry_ref": "l-0001",
        "number": "010123456789",
        "class": "B",
        "scheme": "2024",
        "issue_date": "2025-03-01",
        "expiry_date": "2035-03-01",
        "note": None,
    }
    return {**licence, **overrides}


def make_payload(**overrides: Any) -> dict[str, Any]:
    """One valid payload, always the same (a fresh copy), with top-level keys replaced.

    A confirmed car, a motorbike sold (counterparty and date), a motorbike added (bought
    second-hand, still registered to its seller) and a licence, so most rules are exercised.
    Every date is on or before 2025-11-22, the capture day: validate with ``today`` from then on.
    """
    payload: dict[str, Any] = {
        "schema": SCHEMA_VERSION,
        "reference": "K7QM-4M2X",
        "station_id": "st-0001",
        "session_id": "6f1c1c0e-5a8b-4c8e-9a53-0d6f3e2a9b71",
        "captured_at": "2025-11-22T19:05:11+07:00",
        "captured_by": "op-volunteer-1",
        "verified_at": "2025-11-22T19:09:40+07:00",
        "verified_by": "op-officer-1",
        "resident": make_resident(),
        "representative": None,
        "consent": True,
        "vehicles": [
            make_vehicle(),
            make_vehicle(
                answer="sold",
                registry_ref="v-0002",
                plate="29-B1 123.45",
                kind="motorbike",
                brand="Honda",
                model="Wave Alpha",
                colour="Đỏ",
                chassis_number="RLHJA3900BY123456",
                engine_number="JA39E1234567",
                counterparty={
                    "full_name": "Trần Thị Bình",
                    "id_number": "001305012345",
                    "phone": "0987654321",
                },
                event_date="2024-05-20",
                papers=["handwritten_sale_paper"],
                note="Bán cho cháu gái",
            ),
            make_vehicle(
                answer="added",
                registry_ref=None,
                plate="29-AA 123.45",
                kind="motorbike",
                brand="Yamaha",
                model="Sirius",
                colour=None,
                chassis_number="RLCS5C6309Y123456",
                engine_number=None,
                registered_owner={"full_name": "Lê Văn Cường", "id_number": "036095001234"},
                counterparty={"full_name": "Lê Văn Cường", "id_number": None, "phone": None},
                event_date="2023-08-01",
                papers=["sale_contract"],
            ),
        ],
        "licences": [make_licence()],
        "warnings_acknowledged": ["licence.expiry_unconfirmed"],
    }
    payload.update(copy.deepcopy(overrides))
    return payload


# --- hypothesis ---------------------------------------------------------------------------------
# Strategies are built once here: building them inside every draw costs more than drawing.


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def _text(*choices: str) -> st.SearchStrategy[str | None]:
    return _optional(st.sampled_from(choices))


_FRAME_NUMBERS = st.text(alphabet=_FRAME_ALPHABET, min_size=5, max_size=20)  # formats §5
_CHASSIS = {"car": _optional(vins())}
_OTHER_CHASSIS = _optional(_FRAME_NUMBERS)
_ENGINES = _optional(_FRAME_NUMBERS)
_NAMES = st.tuples(
    st.sampled_from(FAMILY_NAMES),
    st.sampled_from(sorted({*MIDDLE_NAMES["male"], *MIDDLE_NAMES["female"]})),
    st.sampled_from(GIVEN_NAMES),
).map(" ".join)
_ID_NUMBERS = _optional(id_numbers())
_PHONES = _optional(mobile_phones())
_PLATES = plates()
_LICENCES = licences()
_RESIDENTS = persons().filter(lambda p: p["birth_date"] <= _LAST_LICENCE_BIRTH)
_SHARE = st.integers(0, 1000)  # where a date falls between two bounds, in thousandths
_BOOLEANS = st.booleans()
_VEHICLE_ANSWERS = st.sampled_from(VEHICLE_ANSWERS)
_LICENCE_ANSWERS = st.sampled_from(LICENCE_ANSWERS)
_PAPERS = {
    need: st.lists(st.sampled_from(PAPERS), unique=True, min_size=need) | st.just(["none"])
    for need in (0, 1)
}
_BRANDS = _text("Honda", "Yamaha", "Toyota", "VinFast", "Kia")
_MODELS = _text("Wave Alpha", "Vision", "Vios", "Morning", "Evo200")
_COLOURS = _text("Đỏ", "Trắng", "Đen", "Xanh lam")
_VEHICLE_NOTES = _text("Xe của bố để lại", "Mất năm ngoái", "Biển số cũ")
_LICENCE_NOTES = _text("Bằng lái cũ", "Đã đổi sang thẻ PET")
_OLD_IDS = _optional(st.from_regex(r"[0-9]{9}|[0-9]{12}", fullmatch=True))
_CAPTURES = st.datetimes(_FIRST_CAPTURE.replace(tzinfo=None), datetime(2026, 6, 30))
_DELAYS = st.timedeltas(timedelta(0), timedelta(hours=3))
_ZONES = st.sampled_from((_ICT, UTC))
_COUNT = {n: st.integers(0, n) for n in (2, 3)}
_RELATIONS = st.sampled_from(("con", "vợ", "chồng", "cháu"))
_REFERENCES = st.text(alphabet=REFERENCE_ALPHABET, min_size=8, max_size=8)
_STATIONS = st.sampled_from(("st-0001", "st-hn-ba-dinh-07"))
_SESSIONS = _optional(st.uuids().map(str))
_VOLUNTEERS = st.sampled_from(("op-1", "op-volunteer-2"))
_OFFICERS = st.sampled_from(("op-officer-1", "op-9"))
_ADDRESSES = st.sampled_from(ADDRESSES)
_SOURCES = st.sampled_from(("card_qr", "manual"))
_ACKNOWLEDGED = st.lists(st.sampled_from(sorted(WARNING_CODES)), unique=True, max_size=3)


def _date_between(draw: st.DrawFn, first: date, last: date) -> str:
    """An ISO date from ``first`` to ``last``, drawn cheaply."""
    return (first + (last - first) * draw(_SHARE) // 1000).isoformat()


def _other_person(draw: st.DrawFn, resident_id: str, *, phone: bool) -> dict[str, Any]:
    """Someone other than the resident (their ID number, when known, is not the resident's)."""
    id_number = draw(_ID_NUMBERS)
    drawn: dict[str, Any] = {
        "full_name": draw(_NAMES),
        "id_number": None if id_number == resident_id else id_number,
    }
    if phone:
        drawn["phone"] = draw(_PHONES)
    return drawn


def _vehicle(
    draw: st.DrawFn, ref: str, resident_id: str, birth: date, today: date
) -> dict[str, Any]:
    """One vehicle answer that keeps the answer rules of ``kiosk.exchange.payload_rules``."""
    answer = draw(_VEHICLE_ANSWERS)
    plate, kind = draw(_PLATES)
    maybe = answer == "added" and draw(_BOOLEANS)
    counterparty = None
    if answer in ("sold", "transferred") or maybe:
        counterparty = _other_person(draw, resident_id, phone=True)
    event_date = None
    if answer in ("sold", "transferred", "scrapped", "lost") or maybe:
        event_date = _date_between(draw, birth, today)
    return {
        "answer": answer,
        "registry_ref": None if answer == "added" else ref,
        "plate": plate,
        "kind": kind,
        "brand": draw(_BRANDS),
        "model": draw(_MODELS),
        "colour": draw(_COLOURS),
        "chassis_number": draw(_CHASSIS.get(kind, _OTHER_CHASSIS)),
        "engine_number": draw(_ENGINES),
        "registered_owner": _other_person(draw, resident_id, phone=False)
        if draw(_BOOLEANS)
        else None,
        "counterparty": counterparty,
        "event_date": event_date,
        "papers": draw(_PAPERS[answer == "added"]),
        "note": draw(_VEHICLE_NOTES),
    }


def _licence(draw: st.DrawFn, ref: str) -> dict[str, Any]:
    answer = draw(_LICENCE_ANSWERS)
    return {
        "answer": answer,
        "registry_ref": None if answer == "added" else ref,
        **draw(_LICENCES),
        "note": draw(_LICENCE_NOTES),
    }


def _times(draw: st.DrawFn) -> tuple[str, str]:
    """Capture and verification times with an offset, the verification not before the capture."""
    captured = draw(_CAPTURES).replace(tzinfo=_ICT)
    verified = captured + draw(_DELAYS)
    zone = draw(_ZONES)
    return (
        captured.astimezone(zone).isoformat(timespec="seconds"),
        verified.astimezone(zone).isoformat(timespec="seconds"),
    )


@st.composite
def payloads(draw: st.DrawFn) -> dict[str, Any]:
    """Valid payloads: one resident, 0-3 vehicles, 0-2 licences, every answer and nullable key.

    Residents are born by 2012 (the licences drawn are issued from 2013); other people's ID
    numbers are never the resident's.
    """
    today = date.today()
    person = draw(_RESIDENTS)
    birth: date = person["birth_date"]
    resident_id: str = person["id_number"]
    vehicles = [_vehicle(draw, f"v-{i}", resident_id, birth, today) for i in range(draw(_COUNT[3]))]
    licence_list = [_licence(draw, f"l-{i}") for i in range(draw(_COUNT[2]))]
    representative = None
    if draw(_BOOLEANS):
        representative = {
            **_other_person(draw, resident_id, phone=False),
            "relation": draw(_RELATIONS),
        }
    captured_at, verified_at = _times(draw)
    reference = draw(_REFERENCES)
    return {
        "schema": SCHEMA_VERSION,
        "reference": f"{reference[:4]}-{reference[4:]}",
        "station_id": draw(_STATIONS),
        "session_id": draw(_SESSIONS),
        "captured_at": captured_at,
        "captured_by": draw(_VOLUNTEERS),
        "verified_at": verified_at,
        "verified_by": draw(_OFFICERS),
        "resident": {
            "id_number": resident_id,
            "old_id_number": draw(_OLD_IDS),
            "full_name": person["full_name"],
            "birth_date": birth.isoformat(),
            "sex": person["sex"],
            "address": draw(_ADDRESSES),
            "phone": draw(_PHONES),
            "card_issue_date": _date_between(draw, birth, today) if draw(_BOOLEANS) else None,
            "source": draw(_SOURCES),
        },
        "representative": representative,
        "consent": True,
        "vehicles": vehicles,
        "licences": licence_list,
        "warnings_acknowledged": draw(_ACKNOWLEDGED),
    }
