"""Lookups: cache by ID, folded name (+ birth year), plate and licence; online first; audited.

Every result carries what opens its resident (the full ID number) and where they live; the
audit holds masked IDs and counts only.
"""

from __future__ import annotations

import json
import random
from collections.abc import Mapping
from datetime import date
from typing import Any

import pytest
from sqlalchemy import select

from kiosk.domain.masking import mask_id_number
from kiosk.services import Actor
from kiosk.services import lookup as lookup_module
from kiosk.services.base import PermissionDenied
from kiosk.services.lookup import ONLINE_BUDGET_S, Holder, LookupService
from kiosk.store import Store
from kiosk.store.audit import append_event
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
HUSBAND = {**make_resident(random.Random(2), 900), "full_name": "Trần Văn Bình",
           "birth_date": "1986-05-02"}  # fmt: skip
SON = {**make_resident(random.Random(3), 901), "full_name": "Trần Minh Khôi",
       "birth_date": "2012-09-30"}  # fmt: skip
ALONE = "001099000777"
ALONE_DATA = {**make_resident(random.Random(4), 777), "id_number": ALONE}
"""A resident of the cache without a household."""


@pytest.fixture
def actor(store: Store) -> Actor:
    return Actor(add_operator(store, "Lan", "volunteer"), "Lan", "volunteer")


@pytest.fixture
def filled(store: Store) -> Store:
    rng = random.Random(7)
    with store.write() as session:
        save_household(session, {"id": "hh-1", "group": "Tổ 5", "address": "Số 1"}, at=START)
        save_resident(session, SON, at=START, household_id="hh-1")
        save_resident(session, HOA, at=START, household_id="hh-1")
        save_resident(session, HUSBAND, at=START, household_id="hh-1")
        for i in range(2, 60):
            save_resident(session, make_resident(rng, i), at=START)
        save_resident(session, ALONE_DATA, at=START)
    return store


class Online:
    """A fake intake server: answers, says unknown, or fails."""

    def __init__(self, answer: Mapping[str, Any] | Exception | None) -> None:
        self.answer = answer
        self.asked: list[str] = []
        self.budgets: list[float] = []

    def close(self) -> None:
        self.closed = True

    def lookup(self, id_number: str, *, timeout_s: float) -> Mapping[str, Any] | None:
        self.asked.append(id_number)
        self.budgets.append(timeout_s)
        if isinstance(self.answer, Exception):
            raise self.answer
        return self.answer


def _audit_details(store: Store) -> list[str]:
    with store.read() as session:
        return list(session.scalars(select(AuditEvent.details).order_by(AuditEvent.seq)))


def _audit_events(store: Store, action: str) -> list[dict[str, Any]]:
    with store.read() as session:
        rows = session.scalars(
            select(AuditEvent.details).where(AuditEvent.action == action).order_by(AuditEvent.seq)
        )
        return [json.loads(details) for details in rows]


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
    assert (record.address, record.residential_group) == ("Số 1", "Tổ 5")
    assert record.household == ("Trần Văn Bình", "Trần Minh Khôi")  # the others, oldest first
    assert lookup.resident_by_id(actor, "001190099999") is None
    details = _audit_details(filled)
    assert not any("001190012345" in d for d in details)
    assert any(mask_id_number("001190012345") in d for d in details)


def test_without_a_household(filled: Store, clock: FakeClock, actor: Actor) -> None:
    record = LookupService(filled, clock).resident_cached(actor, ALONE)
    assert record is not None and record.household_id is None
    assert (record.address, record.residential_group, record.household) == (None, None, ())


def _answer(**resident: Any) -> dict[str, Any]:
    """The server's answer for Hoà, with ``resident`` fields changed."""
    person = {key: HOA[key] for key in ("id_number", "full_name", "birth_date", "sex", "phone")}
    return {
        "resident": {**person, "household_id": "hh-1", "group": "Tổ 5", "address": "Số 1",
                     **resident},
        "vehicles": HOA["vehicles"],
        "licences": HOA["licences"],
        "cleaned": {"at": "2025-11-20T19:00:00+07:00", "station_id": "st-9"},
    }  # fmt: skip


def test_online_first_then_cache(filled: Store, clock: FakeClock, actor: Actor) -> None:
    online = Online(_answer(full_name="Đặng Thị Hoà (server)", address="Số 9 (server)"))
    record = LookupService(filled, clock, online).resident_by_id(actor, "001190012345")
    assert record is not None
    assert (record.source, record.full_name, record.cleaned_station) == (
        "online", "Đặng Thị Hoà (server)", "st-9"
    )  # fmt: skip
    assert (record.household_id, record.residential_group, record.address) == (
        "hh-1", "Tổ 5", "Số 9 (server)"
    )  # fmt: skip
    assert record.household == ("Trần Văn Bình", "Trần Minh Khôi")  # from the cache
    assert online.asked == ["001190012345"]
    assert online.budgets == [ONLINE_BUDGET_S]

    offline = LookupService(filled, clock, Online(ConnectionError("no network")))
    record = offline.resident_by_id(actor, "001190012345")
    assert record is not None and record.source == "cache"

    unknown = LookupService(filled, clock, Online(None))
    assert unknown.resident_by_id(actor, "001190012345") is None  # the server answered: unknown

    broken = LookupService(filled, clock, Online({"resident": {}}))
    record = broken.resident_by_id(actor, "001190012345")
    assert record is not None and record.source == "cache"


def test_online_and_cached_apart(filled: Store, clock: FakeClock, actor: Actor) -> None:
    """What the screen asks: the cache at once, the server within its budget; both audited."""
    online = Online(_answer(full_name="Đặng Thị Hoà Mới"))
    lookup = LookupService(filled, clock, online)
    cached = lookup.resident_cached(actor, " 001190012345 ")
    assert cached is not None and (cached.source, cached.full_name) == ("cache", "Đặng Thị Hoà")
    answered, record = lookup.resident_online(actor, "001190012345", timeout_s=0.7)
    assert answered and record is not None
    assert (record.source, record.full_name) == ("online", "Đặng Thị Hoà Mới")
    assert online.budgets == [0.7]
    in_home = LookupService(filled, clock, Online(_answer(household_id="hh-elsewhere")))
    answered, record = in_home.resident_online(actor, "001190012345")
    assert answered and record is not None and record.household == ()  # household not cached

    assert LookupService(filled, clock, Online(None)).resident_online(actor, "001190012345") == (
        True, None
    )  # fmt: skip
    for failure in (TimeoutError("slow"), ConnectionError("down"), {"resident": {}}, {"x": 1}):
        down = LookupService(filled, clock, Online(failure))
        assert down.resident_online(actor, "001190012345") == (False, None)
    assert LookupService(filled, clock).resident_online(actor, "001190012345") == (False, None)
    events = _audit_events(filled, "lookup.resident_by_id")
    assert [(e["source"], e.get("answered"), e["found"]) for e in events] == [
        ("cache", None, True),
        ("online", True, True),
        ("online", True, True),
        ("online", True, False),
        *[("online", False, False)] * 5,
    ]
    assert {e["id"] for e in events} == {mask_id_number("001190012345")}
    stranger = Actor("op-x", "X", "guest")  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied):
        lookup.resident_online(stranger, "001190012345")
    with pytest.raises(PermissionDenied):
        lookup.resident_cached(stranger, "001190012345")


@pytest.mark.parametrize("typed", ["dang thi", "ĐẶNG THỊ HOÀ", "Đặng Thị Hòa", "dang thi hoa"])
def test_by_folded_name_prefix(filled: Store, clock: FakeClock, actor: Actor, typed: str) -> None:
    lookup = LookupService(filled, clock)
    found = lookup.residents_by_name(actor, typed, limit=100)
    assert "001190012345" in {r.id_number for r in found}
    hoa = next(r for r in found if r.id_number == "001190012345")
    assert (hoa.address, hoa.residential_group, hoa.household) == ("Số 1", "Tổ 5", ())
    with_year = lookup.residents_by_name(actor, typed, birth_year=1990, limit=100)
    assert {r.id_number for r in with_year} >= {"001190012345"}
    assert all(r.birth_date.year == 1990 for r in with_year)
    assert lookup.residents_by_name(actor, typed, birth_year=1899) == []
    assert lookup.residents_by_name(actor, "   ") == []


HOA_HOLDER = Holder("001190012345", "Đặng Thị Hoà", date(1990, 3, 15), "Số 1", "Tổ 5")


def _opens(lookup: LookupService, actor: Actor, holder: Holder) -> None:
    """The holder's full ID opens the resident (what the resident's page does with it)."""
    record = lookup.resident_cached(actor, holder.id_number)
    assert record is not None
    assert (record.full_name, record.address, record.residential_group) == (
        holder.full_name, holder.address, holder.residential_group
    )  # fmt: skip


def test_by_plate_however_typed(filled: Store, clock: FakeClock, actor: Actor) -> None:
    lookup = LookupService(filled, clock)
    plate = HOA["vehicles"][0]["plate"]
    for typed in (plate, plate.replace("-", " ").replace(".", ""), plate.lower()):
        found = lookup.vehicle_by_plate(actor, typed)
        assert [(v.id, holder) for v, holder in found] == [(HOA["vehicles"][0]["id"], HOA_HOLDER)]
    assert found[0][1].masked_id == mask_id_number("001190012345")
    _opens(lookup, actor, found[0][1])
    alone = lookup.vehicle_by_plate(actor, ALONE_DATA["vehicles"][0]["plate"])  # no household
    assert [(h.id_number, h.address, h.residential_group) for _, h in alone] == [
        (ALONE, None, None)
    ]
    assert lookup.vehicle_by_plate(actor, "99Z-999.99") == []


def test_by_licence_number(filled: Store, clock: FakeClock, actor: Actor) -> None:
    lookup = LookupService(filled, clock)
    found = lookup.licence_by_number(actor, HOA["licences"][0]["number"])
    assert [(lic.id, holder) for lic, holder in found] == [(HOA["licences"][0]["id"], HOA_HOLDER)]
    _opens(lookup, actor, found[0][1])
    alone = lookup.licence_by_number(actor, ALONE_DATA["licences"][0]["number"])
    assert [(h.id_number, h.address, h.residential_group) for _, h in alone] == [
        (ALONE, None, None)
    ]
    assert lookup.licence_by_number(actor, "999999999999") == []


def test_by_name_opens_the_resident(filled: Store, clock: FakeClock, actor: Actor) -> None:
    lookup = LookupService(filled, clock)
    found = lookup.residents_by_name(actor, "dang thi hoa", birth_year=1990)
    [hoa] = [r for r in found if r.birth_date == date(1990, 3, 15)]
    assert hoa.id_number == "001190012345"  # full: it opens the resident; lists show masked_id
    assert hoa.masked_id == mask_id_number("001190012345")
    _opens(lookup, actor, Holder(hoa.id_number, hoa.full_name, hoa.birth_date, hoa.address,
                                 hoa.residential_group))  # fmt: skip


def test_the_audit_holds_no_full_id(
    filled: Store, clock: FakeClock, actor: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    passed: list[Mapping[str, Any]] = []  # what the service hands over, before the store's net

    def recording(session: Any, **event: Any) -> Any:
        passed.append(event["details"])
        return append_event(session, **event)

    monkeypatch.setattr(lookup_module, "append_event", recording)
    lookup = LookupService(filled, clock, Online(_answer()))
    lookup.resident_cached(actor, "001190012345")
    lookup.resident_online(actor, "001190012345")
    lookup.resident_by_id(actor, ALONE)
    lookup.residents_by_name(actor, "dang thi hoa")
    lookup.vehicle_by_plate(actor, HOA["vehicles"][0]["plate"])
    lookup.licence_by_number(actor, HOA["licences"][0]["number"])
    assert len(passed) == 6
    for details in [json.dumps(d, ensure_ascii=False) for d in passed] + _audit_details(filled):
        for full in ("001190012345", ALONE):
            assert full not in details
        assert "Hoà" not in details and "Số 1" not in details and "Tổ 5" not in details


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
