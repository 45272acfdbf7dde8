"""Daily targets between kiosks and the server: two kiosks and the server's command line set one
group's target for one day, and after syncing all three hold the change that arrived last; a
replay is stored once; an outage loses and doubles nothing (issue 22, point 1)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from intake.cli import main as intake_cli
from intake.models import DailyTargetChange
from intake.targets import history, list_targets
from kiosk.config import load_config
from kiosk.services.base import Actor, PermissionDenied
from kiosk.services.station import StationService
from kiosk.services.targets import TargetService
from kiosk.store import Store, open_store
from kiosk.store.keys import KEY_FILE
from kiosk.store.targets import TargetRecord, pending_targets, targets_between
from kiosk.sync.backoff import Backoff
from kiosk.sync.client import IntakeClient
from kiosk.sync.errors import Unreachable
from kiosk.sync.targets import ATTEMPTS, sync_targets
from tests.store.fixtures import ICT, FakeClock, add_operator, env_for
from tests.support.fault_proxy import FaultProxy
from tests.support.intake import RestartableServer, Server, fresh_database
from tests.sync.helpers import GROUP, WARD, FakeTime, enrol

HOA = Actor("op-hoa", "Hoa", "officer")
MINH = Actor("op-minh", "Minh", "officer")
LAN = Actor("op-lan", "Lan", "volunteer")
DAY = date(2025, 11, 22)


@pytest.fixture
def second_store(tmp_path: Path, template_root: Path) -> Iterator[Store]:
    """Another kiosk's store of the same ward (from the same template)."""
    config = load_config(env_for(tmp_path / "second"))
    config.data_dir.mkdir(parents=True)
    config.config_dir.mkdir(parents=True)
    shutil.copy(template_root / "data" / "kiosk.db", config.db_path)
    shutil.copy(template_root / "config" / KEY_FILE, config.config_dir / KEY_FILE)
    with open_store(config, now=FakeClock()) as opened:
        yield opened


def _cli_set(database_url: str, target: int, day: date = DAY) -> None:
    """``kiosk-intake target set`` for the stations' group."""
    argv = ["target", "set", "--ward", WARD, "--group", GROUP, "--date", day.isoformat(),
            "--by", "Cán bộ phường", str(target), "--database-url", database_url]  # fmt: skip
    assert intake_cli(argv) == 0


def _held(store: Store, day: date = DAY) -> TargetRecord:
    with store.reader() as conn:
        (record,) = targets_between(conn, day, day, [GROUP])
    return record


def test_two_kiosks_and_the_server_agree_on_the_last_arrival(
    store: Store, second_store: Store, server: Server
) -> None:
    add_operator(store, "Hoa", "officer")
    add_operator(second_store, "Minh", "officer")
    # kiosk A's clock runs an hour ahead of kiosk B's: by the clocks, A's change is the last
    clock_a = FakeClock(datetime(2025, 11, 22, 21, 0, tzinfo=ICT))
    clock_b = FakeClock(datetime(2025, 11, 22, 19, 0, tzinfo=ICT))
    database = server.settings.database_url
    with enrol(store, server) as a, enrol(second_store, server) as b:
        TargetService(second_store, clock_b).set(MINH, {(DAY, GROUP): 45})  # not sent yet
        TargetService(store, clock_a).set(HOA, {(DAY, GROUP): 40})
        assert sync_targets(store, a, now=clock_a).sent == 1
        _cli_set(database, 50)  # arrives after A's
        assert sync_targets(store, a, now=clock_a).received == 1
        assert _held(store).target == 50
        assert sync_targets(second_store, b, now=clock_b).sent == 1  # B's 45 arrives last
        assert _held(second_store).target == 45  # its own change came back, numbered
        sync_targets(store, a, now=clock_a)
        assert sync_targets(store, a, now=clock_a).received == 0  # nothing new
    (at_server,) = list_targets(server.engine, WARD, DAY)
    held_a, held_b = _held(store), _held(second_store)
    assert at_server.target == held_a.target == held_b.target == 45
    assert at_server.arrival == held_a.arrival == held_b.arrival
    assert held_a.change_id == held_b.change_id == at_server.change_id
    assert held_a.set_by_name == "Minh" and held_a.station_id == at_server.station_id
    changes = history(server.engine, WARD, GROUP, DAY)
    assert [(c.target, c.set_by) for c in changes] == [
        (40, "Hoa"), (50, "Cán bộ phường"), (45, "Minh"),
    ]  # fmt: skip
    for kiosk in (store, second_store):
        with kiosk.reader() as conn:
            assert pending_targets(conn) == []


def test_a_target_set_on_the_server_reaches_home(store: Store, server: Server) -> None:
    clock = FakeClock()
    with enrol(store, server) as client:
        assert StationService(store, clock).home_counts().target is None
        _cli_set(server.settings.database_url, 35, clock().date())
        _cli_set(server.settings.database_url, 12, clock().date() + timedelta(days=1))
        assert sync_targets(store, client, now=clock).received == 2
    assert StationService(store, clock).home_counts().target == 35
    clock.advance(days=1)
    assert StationService(store, clock).home_counts().target == 12


def test_a_replay_is_stored_once(store: Store, server: Server) -> None:
    add_operator(store, "Hoa", "officer")
    clock = FakeClock()
    with enrol(store, server) as enrolled:
        token = enrolled.token
    (mine,) = TargetService(store, clock).set(HOA, {(DAY, GROUP): 40})
    host, port = server.url.removeprefix("http://").split(":")
    with FaultProxy((host, int(port))) as proxy, IntakeClient(proxy.url, token=token) as client:
        proxy.script("drop_after", "drop_after", "drop_after")  # stored, the answer never comes
        with pytest.raises(Unreachable):
            sync_targets(store, client, now=clock, sleep=FakeTime().sleep)
    with store.reader() as conn:
        assert [p.change_id for p in pending_targets(conn)] == [mine.change_id]
    with IntakeClient(server.url, token=token) as client:
        assert sync_targets(store, client, now=clock).sent == 1  # a replay: "duplicate"
        assert sync_targets(store, client, now=clock).sent == 0
    with server.engine.connect() as conn:
        stored = conn.execute(select(DailyTargetChange.id, DailyTargetChange.arrival)).all()
    assert [row.id for row in stored] == [mine.change_id]
    assert _held(store).arrival == stored[0].arrival


def test_an_outage_loses_and_doubles_nothing(store: Store, tmp_path: Path) -> None:
    add_operator(store, "Hoa", "officer")
    clock = FakeClock()
    with fresh_database("sqlite", tmp_path) as url, RestartableServer(url) as intake:
        running = intake.server
        assert running is not None
        with enrol(store, running) as client:
            token, address = client.token, client.base_url
        (mine,) = TargetService(store, clock).set(HOA, {(DAY, GROUP): 40})
        intake.stop()
        _cli_set(url, 60, DAY + timedelta(days=1))  # set on the server while it is not serving
        fake = FakeTime()
        with IntakeClient(address, token=token) as client, pytest.raises(Unreachable):
            sync_targets(store, client, now=clock, sleep=fake.sleep, backoff=Backoff(base=0.01))
        assert len(fake.slept) == ATTEMPTS - 1  # it waited between tries, then left it
        with store.reader() as conn:
            assert [p.change_id for p in pending_targets(conn)] == [mine.change_id]
        intake.start()
        with IntakeClient(address, token=token) as client:
            done = sync_targets(store, client, now=clock)
            assert (done.sent, done.received) == (1, 1)
            again = sync_targets(store, client, now=clock)
            assert (again.sent, again.received) == (0, 0)
        assert [c.target for c in history(intake.engine, WARD, GROUP, DAY)] == [40]
    assert _held(store).target == 40
    assert _held(store, DAY + timedelta(days=1)).target == 60


def test_only_officers_set_targets(store: Store) -> None:
    add_operator(store, "Lan", "volunteer")
    with pytest.raises(PermissionDenied):
        TargetService(store, FakeClock()).set(LAN, {(DAY, GROUP): 40})
    with store.reader() as conn:
        assert targets_between(conn, DAY, DAY) == []
