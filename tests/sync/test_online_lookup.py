"""A lookup by ID asks the ward's server within a budget, and the cache answers when it cannot.

The resident stands at the desk: a server that answers garbage or 429 is given up at once, one that
is slow, silent or trickles its answer at the budget; the server's data, when it comes in time, is
what the screen shows (with the household members the cache knows).
"""

from __future__ import annotations

import random
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Connection, update

from intake import registry as server_registry
from intake.db import run_write
from intake.demo import populate
from kiosk.services.base import Actor
from kiosk.services.lookup import LookupService
from kiosk.store import Store
from kiosk.store.enrolment import save_enrolment
from kiosk.store.models import Station
from kiosk.store.registry import save_household, save_resident
from kiosk.sync.downloader import RosterDownloader
from kiosk.sync.errors import BadResponse, NotEnrolled, ServerBusy, SyncError, TimedOut
from kiosk.sync.registry import ServerRegistry
from tests.store.fixtures import START, FakeClock
from tests.store.synthetic import make_resident
from tests.support.fault_proxy import FaultPlan, FaultProxy
from tests.support.intake import Server, fresh_database, running_server
from tests.support.raw_server import raw, silent, static, trickle
from tests.sync.helpers import GROUP, WARD, FakeTime, enrol

BUDGET = 1.5
SLACK = 0.5
"""A bound, not a benchmark: the machine is shared."""
VOLUNTEER = Actor("op-lan", "Lan", "volunteer")
PERSON = {**make_resident(random.Random(11), 42), "id_number": "001190004242"}


def _upstream(server: Server) -> tuple[str, int]:
    host, port = server.url.removeprefix("http://").split(":")
    return host, int(port)


def _enrolled_at(store: Store, url: str) -> None:
    """The station as enrolment leaves it, with ``url`` as its server (the token is made up)."""
    with store.write() as session:
        save_enrolment(
            session,
            station_id="st-test",
            name="Nhà văn hoá",
            ward=WARD,
            group=GROUP,
            token="t" * 43,
            server_url=url,
            server_public_key="A" * 43 + "=",
            server_signing_key="A" * 43 + "=",
            signing_private_key=bytes(32),
            signing_public_key=bytes(32),
            at=START,
        )


def _point_at(store: Store, url: str) -> None:
    with store.write() as session:
        session.execute(update(Station).values(server_url=url))


def _cache_person(store: Store) -> None:
    with store.write() as session:
        save_household(session, {"id": "hh-1", "group": "Tổ 5", "address": "Số 1"}, at=START)
        save_resident(session, PERSON, at=START, household_id="hh-1")


@contextmanager
def _proxy(server: Server, fault: str) -> Iterator[str]:
    with FaultProxy(_upstream(server), FaultPlan(slow_seconds=5.0)) as proxy:
        proxy.script(fault, fault)
        yield proxy.url


FAULTS: dict[str, tuple[type[SyncError], bool]] = {
    "html": (BadResponse, True),
    "wrong_shape": (BadResponse, True),
    "status_429": (ServerBusy, True),
    "slow": (TimedOut, False),
    "silent": (TimedOut, False),
    "trickle": (TimedOut, False),
}
"""Each fault: what the registry raises, and whether at once (else at the budget)."""


def _faulty(kind: str, request: pytest.FixtureRequest) -> AbstractContextManager[str]:
    if kind == "html":
        return raw(static(b"200 OK", b"text/html", b"<html><body>Portal login</body></html>"))
    if kind == "wrong_shape":
        body = b'{"resident": {"id_number": 1}, "vehicles": "none"}'
        return raw(static(b"200 OK", b"application/json", body))
    if kind == "silent":
        return raw(silent)
    if kind == "trickle":
        return raw(trickle)
    return _proxy(request.getfixturevalue("server"), kind)  # a real server behind the fault


@pytest.mark.parametrize("kind", sorted(FAULTS))
def test_a_failing_server_gives_way_to_the_cache_within_the_budget(
    store: Store, clock: FakeClock, kind: str, request: pytest.FixtureRequest
) -> None:
    error, at_once = FAULTS[kind]
    _cache_person(store)
    registry = ServerRegistry(store)
    lookup = LookupService(store, clock, registry)
    with _faulty(kind, request) as url:
        _enrolled_at(store, url)
        started = time.monotonic()
        with pytest.raises(error):
            registry.lookup(PERSON["id_number"], timeout_s=BUDGET)
        elapsed = time.monotonic() - started
        if at_once:
            assert elapsed < BUDGET - SLACK  # not waiting out the budget
        else:
            assert BUDGET - 0.05 <= elapsed < BUDGET + SLACK

        started = time.monotonic()
        answered, record = lookup.resident_online(VOLUNTEER, PERSON["id_number"], timeout_s=BUDGET)
        assert time.monotonic() - started < BUDGET + SLACK
        assert (answered, record) == (False, None)
    cached = lookup.resident_cached(VOLUNTEER, PERSON["id_number"])
    assert cached is not None and cached.source == "cache"
    assert (cached.full_name, cached.address, cached.residential_group) == (
        PERSON["full_name"], "Số 1", "Tổ 5"
    )  # fmt: skip
    registry.close()


def test_not_enrolled(store: Store, clock: FakeClock) -> None:
    _cache_person(store)
    registry = ServerRegistry(store)
    with pytest.raises(NotEnrolled):
        registry.lookup(PERSON["id_number"], timeout_s=BUDGET)
    lookup = LookupService(store, clock, registry)
    assert lookup.resident_online(VOLUNTEER, PERSON["id_number"]) == (False, None)
    assert lookup.resident_by_id(VOLUNTEER, PERSON["id_number"]) is not None  # the cache's


def test_the_servers_own_429_is_not_waited_out(store: Store, tmp_path: Path) -> None:
    with (
        fresh_database("sqlite", tmp_path) as url,
        running_server(url, lookup_burst=1, lookup_per_minute=1.0) as server,
    ):
        enrol(store, server).close()
        registry = ServerRegistry(store)
        assert registry.lookup("001099999999", timeout_s=BUDGET) is None  # 404: unknown
        started = time.monotonic()
        with pytest.raises(ServerBusy) as busy:
            registry.lookup("001099999999", timeout_s=BUDGET)
        assert time.monotonic() - started < BUDGET - SLACK
        assert busy.value.status == 429
        registry.close()


def test_a_late_answer_is_the_servers_and_beats_a_stale_cache(
    store: Store, server: Server, clock: FakeClock
) -> None:
    ward = populate(server.engine, 60, seed=5, ward=WARD)
    with enrol(store, server) as client:
        assert RosterDownloader(store, client, now=FakeTime().now).download().complete
    homes: dict[str, list[dict[str, object]]] = {}
    for resident in ward.residents:
        homes.setdefault(str(resident["household_id"]), []).append(resident)
    home, members = next((h, m) for h, m in homes.items() if len(m) >= 3)
    person = str(members[0]["id_number"])
    others = {str(m["full_name"]) for m in members[1:]}

    def change(conn: Connection) -> None:  # on the server, after the kiosk's last download
        server_registry.update_resident(conn, person, full_name="Nguyễn Thị Đổi Tên")
        server_registry.update_household(conn, home, address="Số 99 ngõ Mới")

    run_write(server.engine, change)
    registry = ServerRegistry(store)
    lookup = LookupService(store, clock, registry)
    cached = lookup.resident_cached(VOLUNTEER, person)
    assert cached is not None and cached.source == "cache"
    assert set(cached.household) == others and len(cached.household) == len(others)
    group = cached.residential_group
    assert group is not None and cached.address != "Số 99 ngõ Mới"

    answered, direct = lookup.resident_online(VOLUNTEER, person, timeout_s=BUDGET)
    assert answered and direct is not None and direct.full_name == "Nguyễn Thị Đổi Tên"
    with FaultProxy(_upstream(server), FaultPlan(slow_seconds=0.6)) as proxy:
        _point_at(store, proxy.url)  # the same registry follows the station's identity
        proxy.script("slow")
        started = time.monotonic()
        answered, online = lookup.resident_online(VOLUNTEER, person, timeout_s=BUDGET)
        elapsed = time.monotonic() - started
        assert len(proxy.heads) == 1
    assert 0.6 <= elapsed < BUDGET + SLACK  # late, and still in time
    assert answered and online is not None and online.source == "online"
    assert (online.full_name, online.address) == ("Nguyễn Thị Đổi Tên", "Số 99 ngõ Mới")
    assert (online.household_id, online.residential_group) == (home, group)
    assert online.household == cached.household  # the members come from the cache
    assert [v.id for v in online.vehicles] == [v.id for v in cached.vehicles]
    assert online.full_name != cached.full_name
    registry.close()
