"""The roster into the cache: pages by cursor, resumable, changes and removals, lookups offline."""

from __future__ import annotations

import gc
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import Connection, func, select, update

from intake import registry
from intake.db import run_write
from intake.demo import Population, populate
from kiosk.services.base import Actor
from kiosk.services.lookup import LookupService
from kiosk.store import Store
from kiosk.store.models import Household, RegistryLicence, RegistryVehicle, Resident, Station
from kiosk.store.roster_cache import roster_state
from kiosk.sync import downloader as downloader_module
from kiosk.sync.client import IntakeClient
from kiosk.sync.downloader import RosterDownloader
from kiosk.sync.errors import Unreachable
from tests.store.fixtures import FakeClock
from tests.support.fault_proxy import FaultProxy
from tests.support.intake import Server
from tests.sync.helpers import WARD, FakeTime, enrol

RESIDENTS = 400
VOLUNTEER = Actor("op-lan", "Lan", "volunteer")


def _upstream(server: Server) -> tuple[str, int]:
    host, port = server.url.removeprefix("http://").split(":")
    return host, int(port)


def _cache(store: Store) -> dict[str, int]:
    with store.read() as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Household, Resident, RegistryVehicle, RegistryLicence)
        }


def _cached_ids(store: Store) -> set[str]:
    with store.read() as session:
        return set(session.scalars(select(Resident.id_number)))


def _expected(population: Population) -> dict[str, int]:
    return {
        "household": len(population.households),
        "resident": len(population.residents),
        "registry_vehicle": len(population.vehicles),
        "registry_licence": len(population.licences),
    }


@pytest.fixture
def ward(server: Server) -> Population:
    return populate(server.engine, RESIDENTS, seed=3, ward=WARD)


def test_a_download_cut_short_resumes_where_it_stopped(
    store: Store, server: Server, ward: Population
) -> None:
    token = enrol(store, server).token
    fake = FakeTime()
    with FaultProxy(_upstream(server)) as proxy, IntakeClient(proxy.url, token=token) as client:
        proxy.script("relay", "relay", "relay", "drop_before")  # the kiosk dies on page 4
        with pytest.raises(Unreachable):
            RosterDownloader(store, client, now=fake.now, page_size=20).download()
        assert _cache(store)["household"] == 60
        with store.read() as session:
            cursor, started = roster_state(session)
        assert cursor and started is not None  # a full download under way, three pages kept
        pages_before = len(proxy.heads)
        result = RosterDownloader(store, client, now=fake.now, page_size=20).download()
    assert result.complete and not result.restarted
    assert result.households == len(ward.households) - 60
    assert result.pages == len(proxy.heads) - pages_before
    assert _cache(store) == _expected(ward)
    assert _cached_ids(store) == {r["id_number"] for r in ward.residents}
    with store.read() as session:
        assert roster_state(session)[1] is None  # the full download is over


def test_changes_and_removals_arrive_later(store: Store, server: Server, ward: Population) -> None:
    client = enrol(store, server)
    downloader = RosterDownloader(store, client, now=FakeTime().now, page_size=100)
    assert downloader.download().complete
    homes: dict[str, list[str]] = {}
    for person in ward.residents:
        homes.setdefault(person["household_id"], []).append(person["id_number"])
    big = [h for h, members in homes.items() if len(members) >= 3]
    edited_home, shrunk_home, gone_home = big[:3]
    edited, left = homes[edited_home][0], homes[shrunk_home][1]

    def change(conn: Connection) -> None:
        registry.update_resident(conn, edited, full_name="Nguyễn Thị Đổi Tên")
        registry.remove_resident(conn, left)
        registry.remove_household(conn, gone_home)

    run_write(server.engine, change)
    result = downloader.download()
    client.close()
    assert result.complete
    assert result.households == 2
    assert result.removed_households == 1
    expected = {r["id_number"] for r in ward.residents} - {left, *homes[gone_home]}
    assert _cached_ids(store) == expected
    with store.read() as session:
        assert session.get(Household, gone_home) is None
        person = session.scalars(select(Resident).where(Resident.id_number == edited)).one()
        assert person.full_name == "Nguyễn Thị Đổi Tên"
        assert person.search_key == "nguyen thi doi ten"
    assert downloader.download().pages == 1  # nothing new: one empty page


def test_the_collector_rests_while_a_page_is_saved_and_only_then(
    store: Store, server: Server, ward: Population, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page's objects die before automatic collection resumes, so they never set off a full
    collection of the process (a stall of the UI thread); a failure resumes it too."""
    seen: list[bool] = []

    def failing(*args: Any, **kwargs: Any) -> None:
        seen.append(gc.isenabled())
        raise RuntimeError("the disk is on fire")

    monkeypatch.setattr(downloader_module, "apply_roster_page", failing)
    client = enrol(store, server)
    downloader = RosterDownloader(store, client, now=FakeTime().now)
    with pytest.raises(RuntimeError):
        downloader.download()
    assert seen == [False] and gc.isenabled()
    gc.disable()  # whoever switched it off keeps it off
    try:
        with pytest.raises(RuntimeError):
            downloader.download()
        assert seen == [False, False] and not gc.isenabled()
    finally:
        gc.enable()
        client.close()


def test_a_refused_cursor_downloads_everything_again(
    store: Store, server: Server, ward: Population
) -> None:
    client = enrol(store, server)
    downloader = RosterDownloader(store, client, now=FakeTime().now)
    downloader.download()
    stale = {"id": "hh-gone", "residential_group": "Tổ 9", "address": "—"}
    with store.write() as session:
        session.add(Household(**stale, updated_at=datetime(2025, 1, 1).astimezone()))
        session.execute(update(Station).values(roster_cursor="not-a-cursor-from-this-server"))
    result = downloader.download()
    client.close()
    assert result.restarted and result.complete
    assert _cache(store) == _expected(ward)  # the household the server does not have is gone


def test_lookups_online_first_then_from_the_cache(
    store: Store, server: Server, ward: Population, clock: FakeClock
) -> None:
    token = enrol(store, server).token
    person = ward.residents[5]
    with FaultProxy(_upstream(server)) as proxy, IntakeClient(proxy.url, token=token) as client:
        downloader = RosterDownloader(store, client, now=FakeTime().now)
        service = LookupService(store, clock, online=downloader)
        found = service.resident_by_id(VOLUNTEER, person["id_number"])
        assert found is not None and found.source == "online"
        assert found.full_name == person["full_name"]
        assert service.resident_by_id(VOLUNTEER, "001099999999") is None  # unknown: an answer
        assert _cached_ids(store) == {person["id_number"]}  # the answer was kept
        proxy.offline()  # the network goes
        offline = service.resident_by_id(VOLUNTEER, person["id_number"])
        assert offline is not None and offline.source == "cache"
        assert offline.full_name == person["full_name"]
        assert [v.id for v in offline.vehicles] == [v.id for v in found.vehicles]
        missing = ward.residents[6]["id_number"]
        assert service.resident_by_id(VOLUNTEER, missing) is None  # not cached yet
        proxy.upstream = _upstream(server)
        assert downloader.download().complete
        proxy.offline()
        cached = service.resident_by_id(VOLUNTEER, missing)
    assert cached is not None and cached.source == "cache"
    assert cached.household_id == ward.residents[6]["household_id"]
