"""Lookups: cache by ID, folded name (+ birth year), plate and licence; online first; audited."""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

import pytest
from sqlalchemy import select

from kiosk.domain.masking import mask_id_number
from kiosk.services import Actor
from kiosk.services.lookup import LookupService
from kiosk.store import Store
from kiosk.store.models import AuditEvent
from kiosk.store.registry import save_household, save_resident
from tests.store.fixtures import START, FakeClock, add_operator
from tests.store.synthetic import make_resident

HOA = {
    **make_resident(random.Random(1), 1),
    "id_number": "001190012345",
    "full_name": "Đặng Thị Hoà",
    "birth_date": "1990-03-15",
    "sex": "female",
}


@pytest.fixture
def actor(store: Store) -> Actor:
    return Actor(add_operator(store, "Lan", "volunteer"), "Lan", "volunteer")


@pytest.fixture
def filled(store: Store) -> Store:
    rng = random.Random(7)
    with store.write() as session:
        save_household(session, {"id": "hh-1", "group": "Tổ 5", "address": "Số 1"}, at=START)
        save_resident(session, HOA, at=START, household_id="hh-1")
        for i in range(2, 60):
            save_resident(session, make_resident(rng, i), at=START)
    return store


class Online:
    """A fake intake server: answers, says unknown, or fails."""

    def __init__(self, answer: Mapping[str, Any] | Exception | None) -> None:
        self.answer = answer
        self.asked: list[str] = []

    def lookup(self, id_number: str) -> Mapping[str, Any] | None:
        self.asked.append(id_number)
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer


def _audit_details(store: Store) -> list[str]:
    with store.read() as session:
        return list(session.scalars(select(AuditEvent.details).order_by(AuditEvent.seq)))


def test_by_id_from_the_cache(filled: Store, clock: FakeClock, actor: Actor) -> None:
    lookup = LookupService(filled, clock)
    record = lookup.resident_by_id(actor, " 001190012345 ")
    assert record is not None
    assert (record.full_name, record.source, record.household_id) == (
        "Đặng Thị Hoà",
        "cache",
        "hh-1",
    )
    assert [v.plate for v in record.vehicles] == [HOA["vehicles"][0]["plate"]]
    assert [lic.number for lic in record.licences] == [HOA["licences"][0]["number"]]
    assert lookup.resident_by_id(actor, "001190099999") is None
    details = _audit_details(filled)
    assert not any("001190012345" in d for d in details)
    assert any(mask_id_number("001190012345") in d for d in details)


def test_online_first_then_cache(filled: Store, clock: FakeClock, actor: Actor) -> None:
    answer = {
        "resident": {**HOA, "full_name": "Đặng Thị Hoà (server)"},
        "vehicles": HOA["vehicles"],
        "licences": HOA["licences"],
        "cleaned": {"at": "2025-11-20T19:00:00+07:00", "station_id": "st-9"},
    }
    online = Online(answer)
    record = LookupService(filled, clock, online).resident_by_id(actor, "001190012345")
    assert record is not None
    assert (record.source, record.full_name, record.cleaned_station) == (
        "online", "Đặng Thị Hoà (server)", "st-9"
    )  # fmt: skip
    assert online.asked == ["001190012345"]

    offline = LookupService(filled, clock, Online(ConnectionError("no network")))
    record = offline.resident_by_id(actor, "001190012345")
    assert record is not None and record.source == "cache"

    unknown = LookupService(filled, clock, Online(None))
    assert unknown.resident_by_id(actor, "001190012345") is None  # the server answered: unknown

    broken = LookupService(filled, clock, Online({"resident": {}}))
    record = broken.resident_by_id(actor, "001190012345")
    assert record is not None and record.source == "cache"


@pytest.mark.parametrize("typed", ["dang thi", "ĐẶNG THỊ HOÀ", "Đặng Thị Hòa", "dang thi hoa"])
def test_by_folded_name_prefix(filled: Store, clock: FakeClock, actor: Actor, typed: str) -> None:
    lookup = LookupService(filled, clock)
    found = lookup.residents_by_name(actor, typed, limit=100)
    assert "001190012345" in {r.id_number for r in found}
    with_year = lookup.residents_by_name(actor, typed, birth_year=1990, limit=100)
    assert {r.id_number for r in with_year} >= {"001190012345"}
    assert all(r.birth_date.year == 1990 for r in with_year)
    assert lookup.residents_by_name(actor, typed, birth_year=1899) == []
    assert lookup.residents_by_name(actor, "   ") == []


def test_by_plate_however_typed(filled: Store, clock: FakeClock, actor: Actor) -> None:
    lookup = LookupService(filled, clock)
    plate = HOA["vehicles"][0]["plate"]
    for typed in (plate, plate.replace("-", " ").replace(".", ""), plate.lower()):
        found = lookup.vehicle_by_plate(actor, typed)
        assert [(v.id, owner) for v, owner in found] == [
            (HOA["vehicles"][0]["id"], mask_id_number("001190012345"))
        ]


def test_by_licence_number(filled: Store, clock: FakeClock, actor: Actor) -> None:
    lookup = LookupService(filled, clock)
    found = lookup.licence_by_number(actor, HOA["licences"][0]["number"])
    assert [(lic.id, owner) for lic, owner in found] == [
        (HOA["licences"][0]["id"], mask_id_number("001190012345"))
    ]
    assert lookup.licence_by_number(actor, "999999999999") == []


def test_every_lookup_is_audited(filled: Store, clock: FakeClock, actor: Actor) -> None:
    lookup = LookupService(filled, clock)
    lookup.resident_by_id(actor, "001190012345")
    lookup.residents_by_name(actor, "dang")
    lookup.vehicle_by_plate(actor, "30A-001.00")
    lookup.licence_by_number(actor, "010000000001")
    with filled.read() as session:
        actions = list(
            session.scalars(
                select(AuditEvent.action)
                .where(AuditEvent.action.like("lookup.%"))
                .order_by(AuditEvent.seq)
            )
        )
    assert actions == ["lookup.resident_by_id", "lookup.resident_by_name",
                       "lookup.vehicle_by_plate", "lookup.licence_by_number"]  # fmt: skip
