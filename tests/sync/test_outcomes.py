"""Visit outcomes between kiosks and the server: two kiosks converge on the server's order of
arrival whatever their clocks say, an outage loses and doubles nothing, and a refusal at the desk
becomes an outcome that is sent (issue 21, point 4)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from intake.demo import Population, populate
from intake.models import VisitOutcome as ServerOutcome
from kiosk.config import load_config
from kiosk.services.base import Actor
from kiosk.services.capture import CaptureService
from kiosk.services.outcomes import OutcomeService
from kiosk.store import Store, open_store
from kiosk.store.households import household_rows
from kiosk.store.keys import KEY_FILE
from kiosk.store.outcomes import OutcomeRecord, pending_outcomes
from kiosk.sync.backoff import Backoff
from kiosk.sync.client import IntakeClient
from kiosk.sync.downloader import RosterDownloader
from kiosk.sync.errors import Unreachable
from kiosk.sync.outcomes import ATTEMPTS, send_outcomes
from kiosk.sync.uploader import Uploader
from tests.store.fixtures import ICT, FakeClock, add_operator, env_for
from tests.support.fault_proxy import FaultProxy
from tests.support.intake import RestartableServer, Server, fresh_database
from tests.support.queue import add_verified
from tests.sync.helpers import WARD, FakeTime, enrol

LAN = Actor("op-lan", "Lan", "volunteer")
MINH = Actor("op-minh", "Minh", "volunteer")


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


def _ward(server: Server) -> Population:
    return populate(server.engine, 60, seed=17, ward=WARD)


def _round(store: Store, client: IntakeClient, clock: FakeClock) -> None:
    """What the sync thread does for outcomes in a round: send them, then the roster's news."""
    send_outcomes(store, client, now=clock)
    RosterDownloader(store, client, now=clock).download()


def _history(store: Store, household: str) -> list[tuple[str, str, int | None, str, str]]:
    with store.reader() as conn:
        assert pending_outcomes(conn) == []
    rows = OutcomeService(store, FakeClock()).history(household)
    return [(r.id, r.outcome, r.arrival, r.recorded_by, r.station_id) for r in rows]


def _deciding(store: Store, household: str) -> OutcomeRecord:
    return OutcomeService(store, FakeClock()).latest([household])[(household, None)]


def _at_server(server: Server) -> list[str]:
    with server.engine.connect() as conn:
        return list(conn.execute(select(ServerOutcome.id)).scalars())


def test_two_kiosks_converge_on_the_order_of_arrival(
    store: Store, second_store: Store, server: Server
) -> None:
    ward = _ward(server)
    home = ward.households[0]["id"]
    add_operator(store, "Lan", "volunteer")
    add_operator(second_store, "Minh", "volunteer")
    # kiosk A's clock runs five minutes ahead of kiosk B's: "the same moment" reads 20:05 and 20:00
    clock_a = FakeClock(datetime(2025, 11, 22, 20, 5, tzinfo=ICT))
    clock_b = FakeClock(datetime(2025, 11, 22, 20, 0, 30, tzinfo=ICT))
    with enrol(store, server) as a, enrol(second_store, server) as b:
        _round(store, a, clock_a)
        _round(second_store, b, clock_b)
        absent = OutcomeService(store, clock_a).record(LAN, home, None, "absent")
        moved = OutcomeService(second_store, clock_b).record(MINH, home, None, "moved_away")
        assert absent.recorded_at > moved.recorded_at  # by the clocks, A's is the later one
        _round(store, a, clock_a)  # … but it reaches the server first
        assert _deciding(store, home).id == absent.id  # A knows only its own so far
        _round(second_store, b, clock_b)
        _round(store, a, clock_a)  # A's next round brings B's outcome
    assert _deciding(store, home).id == _deciding(second_store, home).id == moved.id
    history_a, history_b = _history(store, home), _history(second_store, home)
    assert history_a == history_b
    assert [(h[0], h[1]) for h in history_a] == [(moved.id, "moved_away"), (absent.id, "absent")]
    assert history_a[0][2] is not None and history_a[1][2] is not None
    assert history_a[0][2] > history_a[1][2]  # B's arrived later: it decides, both stay
    assert [h[3] for h in history_a] == ["Minh", "Lan"]
    assert sorted(_at_server(server)) == sorted([absent.id, moved.id])


def test_an_outage_sends_later_exactly_once(store: Store, tmp_path: Path) -> None:
    add_operator(store, "Lan", "volunteer")
    clock = FakeClock()
    with fresh_database("sqlite", tmp_path) as url, RestartableServer(url) as intake:
        running = intake.server
        assert running is not None
        home = _ward(running).households[1]["id"]
        with enrol(store, running) as client:
            token, address = client.token, client.base_url
        recorded = OutcomeService(store, clock).record(
            LAN, home, None, "come_back", come_back_on=clock().date(), note="Hẹn 8 giờ tối mai"
        )
        intake.stop()
        fake = FakeTime()
        with IntakeClient(address, token=token) as client, pytest.raises(Unreachable):
            send_outcomes(store, client, now=clock, sleep=fake.sleep, backoff=Backoff(base=0.01))
        assert len(fake.slept) == ATTEMPTS - 1  # it waited between tries, then left it
        with store.reader() as conn:
            assert [r.id for r in pending_outcomes(conn)] == [recorded.id]  # nothing lost
        intake.start()
        with IntakeClient(address, token=token) as client:
            assert send_outcomes(store, client, now=clock).sent == 1
            assert send_outcomes(store, client, now=clock).sent == 0  # nothing left to send
        with intake.engine.connect() as conn:
            stored = conn.execute(select(ServerOutcome.id, ServerOutcome.note)).all()
    assert [tuple(row) for row in stored] == [(recorded.id, "Hẹn 8 giờ tối mai")]
    with store.reader() as conn:
        assert pending_outcomes(conn) == []


def test_an_answer_lost_on_the_way_doubles_nothing(store: Store, server: Server) -> None:
    add_operator(store, "Lan", "volunteer")
    clock = FakeClock()
    home = _ward(server).households[2]["id"]
    with enrol(store, server) as enrolled:
        token = enrolled.token
    first = OutcomeService(store, clock).record(LAN, home, None, "absent")
    host, port = server.url.removeprefix("http://").split(":")
    with FaultProxy((host, int(port))) as proxy, IntakeClient(proxy.url, token=token) as client:
        proxy.script("drop_after", "drop_after", "drop_after")  # stored, the answer never comes
        with pytest.raises(Unreachable):
            send_outcomes(store, client, now=clock, sleep=FakeTime().sleep)
    with store.reader() as conn:
        assert [r.id for r in pending_outcomes(conn)] == [first.id]  # not known to be there
    with IntakeClient(server.url, token=token) as client:
        assert send_outcomes(store, client, now=clock).sent == 1  # a replay: "duplicate"
    assert _at_server(server) == [first.id]
    with server.engine.connect() as conn:
        arrival = conn.execute(select(ServerOutcome.arrival)).scalar_one()
    [mine] = OutcomeService(store, clock).history(home)
    assert mine.arrival == arrival and mine.sent_at == clock()


def test_a_refusal_at_the_desk_becomes_an_outcome_that_is_sent(
    store: Store, server: Server
) -> None:
    add_operator(store, "Lan", "volunteer")
    clock = FakeClock()
    ward = _ward(server)
    resident = ward.residents[3]
    with enrol(store, server) as client:
        RosterDownloader(store, client, now=clock).download()  # the resident is in the cache
        capture = CaptureService(store, clock)
        draft = capture.new_draft(LAN, payload={"resident": {"id_number": resident["id_number"]}})
        capture.discard(LAN, draft.id, reason="refused")
        [refusal] = OutcomeService(store, clock).history(resident["household_id"])
        assert (refusal.outcome, refusal.resident_id_number) == ("refused", resident["id_number"])
        assert refusal.session_id == draft.session_id is not None
        assert send_outcomes(store, client, now=clock).sent == 1
    with server.engine.connect() as conn:
        row = conn.execute(select(ServerOutcome).where(ServerOutcome.id == refusal.id)).one()
        total = conn.execute(select(func.count()).select_from(ServerOutcome)).scalar_one()
    assert (row.outcome, row.household_id) == ("refused", resident["household_id"])
    assert (row.resident_id_number, row.session_id, total) == (
        resident["id_number"], draft.session_id, 1
    )  # fmt: skip


def test_a_refusal_of_someone_not_on_the_roster_records_no_outcome(store: Store) -> None:
    add_operator(store, "Lan", "volunteer")
    capture = CaptureService(store, FakeClock())
    draft = capture.new_draft(LAN, payload={"resident": {"id_number": "001090012345"}})
    assert capture.discard(LAN, draft.id, reason="refused").discard_reason == "refused"
    with store.reader() as conn:
        assert pending_outcomes(conn) == []


def _as_json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _statuses(store: Store) -> dict[str, str]:
    with store.reader() as conn:
        return {row.id: row.status for row in household_rows(conn)}


def test_two_kiosks_show_the_same_households_after_submissions_and_outcomes(
    store: Store, second_store: Store, server: Server
) -> None:
    """Kiosk A serves every member on file of one household (submissions, uploaded and
    accepted); kiosk B records a member's refusal in another and finds a third not at home.
    After each syncs, both show every household of the ward with the same status."""
    ward = _ward(server)
    on_file = {v["resident_id_number"] for v in ward.vehicles} | {
        lic["resident_id_number"] for lic in ward.licences
    }
    members: dict[str, list[dict[str, Any]]] = {}
    for resident in ward.residents:
        if resident["id_number"] in on_file:
            members.setdefault(resident["household_id"], []).append(resident)
    served, refusing, away = [h for h, people in members.items() if len(people) >= 2][:3]
    add_operator(second_store, "Minh", "volunteer")
    clock = FakeClock(datetime(2025, 11, 22, 20, 0, tzinfo=ICT))
    with enrol(store, server) as a, enrol(second_store, server) as b:
        _round(store, a, clock)
        _round(second_store, b, clock)
        before = _statuses(store)
        assert before == _statuses(second_store)
        assert {before[served], before[refusing], before[away]} == {"not_started"}
        people = [
            {key: _as_json(person[key]) for key in ("id_number", "full_name", "birth_date", "sex")}
            for person in members[served]
        ]
        add_verified(store, len(people), residents=people)
        fake = FakeTime()
        sent = Uploader(store, a, now=fake.now, sleep=fake.sleep).run_until_idle()
        assert (sent.sent, sent.failed) == (len(members[served]), 0), sent
        service = OutcomeService(second_store, clock)
        service.record(MINH, refusing, members[refusing][0]["id_number"], "refused")
        service.record(MINH, away, None, "absent")
        for _ in range(2):  # each kiosk sends, then reads the other's news
            _round(store, a, clock)
            _round(second_store, b, clock)
    after_a, after_b = _statuses(store), _statuses(second_store)
    assert after_a == after_b
    assert (after_a[served], after_a[refusing], after_a[away]) == ("done", "partial", "absent")
    changed = {h for h in after_a if after_a[h] != before[h]}
    assert changed == {served, refusing, away}


def test_a_batch_the_server_blames_is_split_and_one_bad_holds_nothing_back(
    store: Store, server: Server
) -> None:
    add_operator(store, "Lan", "volunteer")
    clock = FakeClock()
    homes = [h["id"] for h in _ward(server).households[3:6]]
    with enrol(store, server) as enrolled:
        token = enrolled.token
    recorded = [OutcomeService(store, clock).record(LAN, h, None, "absent") for h in homes]
    host, port = server.url.removeprefix("http://").split(":")
    with FaultProxy((host, int(port))) as proxy, IntakeClient(proxy.url, token=token) as client:
        proxy.script("status_500", "status_500")  # the batch of 3, then its first half of 1
        first = send_outcomes(store, client, now=clock, sleep=FakeTime().sleep)
    assert (first.sent, first.refused) == (2, 1)  # the other two went; that one waits
    with store.reader() as conn:
        [waiting] = [r.id for r in pending_outcomes(conn)]
    assert sorted(_at_server(server)) == sorted(r.id for r in recorded if r.id != waiting)
    with IntakeClient(server.url, token=token) as client:
        assert send_outcomes(store, client, now=clock).sent == 1
    assert sorted(_at_server(server)) == sorted(r.id for r in recorded)  # each once
