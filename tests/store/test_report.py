"""The kiosk's day report (docs/report.md): its figures equal the server's once its queue has
drained, an old day reads from the counts kept before the purge, and the service's rules; the
progress chart's range (``campaign_days``) equals the day-by-day report, purged days included."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from pathlib import Path
from uuid import uuid4

import pytest
from openpyxl import load_workbook
from sqlalchemy import insert, select, update

from intake.auth import StationInfo
from intake.report import ward_report
from intake.visits import process_visits
from kiosk.exchange.report import COLUMNS, SHEET_NAME, TOTAL_LABEL, ReportRow
from kiosk.services.base import Actor, PermissionDenied
from kiosk.services.report import CHART_DAYS, ReportService
from kiosk.store import Store
from kiosk.store import submissions as subs
from kiosk.store.models import (
    AuditEvent,
    DailyTarget,
    Household,
    RegistryVehicle,
    Resident,
    Submission,
    table_of,
)
from kiosk.store.outcomes import pending_outcomes, record_outcome
from kiosk.store.report import campaign_days, kiosk_day
from kiosk.store.retention import purge_sent
from kiosk.store.station import ensure_station, get_station
from kiosk.sync.outcomes import visit_item
from kiosk.sync.uploader import Uploader
from tests.store.fixtures import FakeClock
from tests.support.intake import Server, one_test_server
from tests.support.queue import ICT, OFFICER, add_verified, ensure_operators
from tests.sync.helpers import GROUP, WARD, FakeTime, enrol

__all__ = ["one_test_server"]

DAY = date(2025, 11, 22)
"""The synthetic submissions' capture day (tests.support.queue)."""
OFFICER_ACTOR = Actor(OFFICER, "Officer", "officer")


def _read(path: Path) -> list[list[object]]:
    book = load_workbook(path)
    return [list(row) for row in book[SHEET_NAME].iter_rows(values_only=True)]


def _by_group(rows: list[ReportRow]) -> dict[str, dict[str, int]]:
    """The figures of the groups that have any."""
    return {r.group: r.figures() for r in rows if any(r.figures().values())}


def _refuse(store: Store, clock: FakeClock, household: str) -> None:
    ensure_operators(store)
    with store.write() as session:
        station = get_station(session)
        assert station is not None
        record_outcome(
            session, household_id=household, resident_id_number=None, outcome="refused",
            actor=OFFICER, station_id=station.id, session_id=None, at=clock(),
        )  # fmt: skip


def _set_target(store: Store, clock: FakeClock, group: str, target: int) -> None:
    _targets(store, clock, {(DAY, group): target})


def _send_outcomes(store: Store, server: Server) -> None:
    """The kiosk's outcomes to the server, as its outcome sync sends them.

    Through :func:`intake.visits.process_visits` directly, the times in Vietnam's offset: the
    kiosk's own sender (kiosk.sync.outcomes, being written) sends UTC times as ``…Z``, which the
    server's strict schema refuses today (reported).
    """
    with store.reader() as conn:
        records = pending_outcomes(conn)
    items = []
    for record in records:
        found = visit_item(record)
        assert found is not None
        items.append(found.model_copy(update={"recorded_at": record.recorded_at.astimezone(ICT)}))
    station = StationInfo(records[0].station_id, WARD, GROUP)
    results = process_visits(server.engine, station, items)
    assert [r.status for r in results] == ["accepted"] * len(items)


def test_the_kiosk_report_equals_the_server_once_the_queue_drained(
    store: Store, clock: FakeClock, server: Server, tmp_path: Path
) -> None:
    client = enrol(store, server)
    add_verified(store, 3)
    _refuse(store, clock, "hh-not-on-roster")
    _set_target(store, clock, GROUP, 20)
    service = ReportService(store, clock)

    before = service.day_report(OFFICER_ACTOR, DAY)
    assert (before.not_uploaded, before.not_accepted, before.kept) == (3, 0, False)
    mine = _by_group(before.rows)
    assert mine == {
        GROUP: {
            "residents": 3, "vehicles_confirmed": 3, "vehicles_updated": 0, "vehicles_gone": 3,
            "vehicles_not_mine": 0, "vehicles_added": 3, "licences_confirmed": 3,
            "licences_updated": 0, "licences_lost": 0, "licences_not_mine": 0,
            "licences_added": 0, "households_done": 0, "refusals": 1,
        }
    }  # fmt: skip
    assert next(r.target for r in before.rows if r.group == GROUP) == 20

    fake = FakeTime()
    try:
        assert Uploader(store, client, now=fake.now, sleep=fake.sleep).run_until_idle().sent == 3
    finally:
        client.close()
    _send_outcomes(store, server)

    after = service.day_report(OFFICER_ACTOR, DAY)
    assert (after.not_uploaded, after.not_accepted) == (0, 0)
    assert _by_group(after.rows) == mine
    station_id = after.station_id
    at_server = ward_report(server.engine, WARD, DAY, station_id=station_id)
    assert _by_group(at_server.rows) == mine

    path = service.export(OFFICER_ACTOR, after, tmp_path / service.file_name(after, "xlsx"))
    assert path.name == f"bao-cao-ngay_2025-11-22_{station_id}.xlsx"
    table = _read(path)
    assert table[2] == [c.header for c in COLUMNS]
    row = next(line for line in table if line[1] == GROUP)
    assert row[2:] == [3, 3, 0, 3, 0, 3, 3, 0, 0, 0, 0, 0, 1, 20]
    assert table[3 + len(after.rows)][1] == TOTAL_LABEL
    assert "Còn 0 hồ sơ" in str(table[-1][0])


def test_an_old_day_is_reported_from_the_counts_kept_before_the_purge(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    with store.write() as session:
        station = ensure_station(session, at=clock())
        station.home_group = GROUP
    ids = add_verified(store, 4)
    with store.write() as session:
        for sub_id in ids:
            subs.mark_sent(session, sub_id, at=clock())
    service = ReportService(store, clock)
    live = service.day_report(OFFICER_ACTOR, DAY)
    assert not live.kept

    clock.advance(days=8)
    with store.write() as session:
        assert purge_sent(session, at=clock(), days=7) == 4
    with store.read() as session:
        left = session.scalars(select(Submission.resident_id_number)).all()
    assert set(left) == {None}  # the ID numbers are gone: only the kept counts can say 4

    old = service.day_report(OFFICER_ACTOR, DAY)
    assert old.kept
    assert _by_group(old.rows) == _by_group(live.rows)
    assert _by_group(old.rows)[GROUP]["residents"] == 4
    path = service.export(OFFICER_ACTOR, old, tmp_path / "old.xlsx")
    row = next(line for line in _read(path) if line[1] == GROUP)
    assert row[2:7] == [4, 4, 0, 4, 0]
    assert any("tổng hợp" in str(line[0]) for line in _read(path))


def test_unsent_and_refused_captures_are_noted(store: Store, clock: FakeClock) -> None:
    with store.write() as session:
        ensure_station(session, at=clock())
    ids = add_verified(store, 3)
    with store.transaction() as conn:
        conn.execute(
            update(table_of(Submission))
            .where(table_of(Submission).c.id == ids[0])
            .values(status="rejected", last_error="payload.sha256")
        )
    with store.reader() as conn:
        found = kiosk_day(conn, DAY, at=clock())
    assert (found.not_uploaded, found.not_accepted) == (2, 1)
    report = ReportService(store, clock).day_report(OFFICER_ACTOR, DAY)
    assert report.notes[0].startswith("Còn 2 hồ sơ")
    assert "1 hồ sơ máy chủ chưa nhận" in report.notes[1]
    assert ReportService(store, clock).day_report(OFFICER_ACTOR, DAY + timedelta(days=1)).rows == []


def test_only_officers_read_and_save_and_saving_is_audited(
    store: Store, clock: FakeClock, tmp_path: Path
) -> None:
    with store.write() as session:
        ensure_station(session, at=clock())
    add_verified(store, 2)
    service = ReportService(store, clock)
    volunteer = Actor("op-sync-volunteer", "Volunteer", "volunteer")
    with pytest.raises(PermissionDenied):
        service.day_report(volunteer, DAY)
    report = service.day_report(OFFICER_ACTOR, DAY)
    with pytest.raises(PermissionDenied):
        service.export(volunteer, report, tmp_path / "r.xlsx")
    with pytest.raises(ValueError):
        service.export(OFFICER_ACTOR, report, tmp_path / "r.pdf")
    service.export(OFFICER_ACTOR, report, tmp_path / "r.csv")
    with store.read() as session:
        events = session.execute(
            select(AuditEvent.actor, AuditEvent.subject, AuditEvent.details).where(
                AuditEvent.action == "report.export"
            )
        ).all()
    assert len(events) == 1
    actor, subject, details = events[0]
    assert (actor, subject) == (OFFICER, "2025-11-22")
    assert json.loads(details) == {
        "day": "2025-11-22", "format": "csv", "groups": len(report.rows), "residents": 2,
        "not_uploaded": 2,
    }  # fmt: skip


def _household(store: Store, clock: FakeClock, home: str, group: str, id_number: str) -> None:
    """A household of the roster cache with one member who has a vehicle on file."""
    with store.write() as session:
        session.add(Household(id=home, residential_group=group, address="Số 3 ngõ 5",
                              updated_at=clock()))  # fmt: skip
        resident = Resident(
            id_number=id_number, household_id=home, full_name="Phạm Thị Hà", search_key="pham thi ha",
            birth_date=date(1990, 1, 1), birth_year=1990, sex="female", updated_at=clock(),
        )  # fmt: skip
        session.add(resident)
        session.flush()
        session.add(RegistryVehicle(id=f"v-{home}", resident_id=resident.id, plate="29-B1 111.11",
                                    plate_key="29B111111", kind="motorbike"))  # fmt: skip


def test_households_done_on_the_day_their_last_member_was(store: Store, clock: FakeClock) -> None:
    with store.write() as session:
        ensure_station(session, at=clock()).home_group = GROUP
    _household(store, clock, "hh-1", "Tổ dân phố 2", "001090000000")
    _household(store, clock, "hh-2", "Tổ dân phố 2", "001090000099")  # nobody served there
    (served,) = add_verified(store, 1)
    service = ReportService(store, clock)
    assert {r.group: r.households_done for r in service.day_report(OFFICER_ACTOR, DAY).rows} == {
        "Tổ dân phố 2": 0
    }  # verified, not sent yet: the household is not done
    with store.write() as session:
        subs.mark_sent(session, served, at=clock())
    rows = service.day_report(OFFICER_ACTOR, DAY).rows
    assert [(r.group, r.residents, r.households_done) for r in rows] == [("Tổ dân phố 2", 1, 1)]
    later = service.day_report(OFFICER_ACTOR, DAY + timedelta(days=1)).rows
    assert [(r.group, r.households_done) for r in later] == [("Tổ dân phố 2", 0)]


def _captured_on(store: Store, ids: list[str], days: list[date]) -> None:
    """Move each of ``ids`` to be captured on the matching day of ``days`` (at 19:05 there)."""
    table = table_of(Submission)
    with store.transaction() as conn:
        for sub_id, day in zip(ids, days, strict=True):
            moved = datetime.combine(day, time(19, 5), tzinfo=ICT)
            conn.execute(update(table).where(table.c.id == sub_id).values(captured_at=moved))


def _targets(store: Store, clock: FakeClock, targets: dict[tuple[date, str], int]) -> None:
    """Targets set by this kiosk's officer (with the synced targets' columns when the store has
    them: issue 22's targets sync adds them)."""
    ensure_operators(store)
    table = table_of(DailyTarget)
    synced = "change_id" in table.c
    with store.transaction() as conn:
        conn.execute(
            insert(table),
            [
                {"day": day, "residential_group": group, "target": target, "set_by": OFFICER,
                 "set_at": clock(),
                 **({"set_by_name": "Officer", "change_id": str(uuid4())} if synced else {})}
                for (day, group), target in targets.items()
            ],
        )  # fmt: skip


def _day_by_day(store: Store, clock: FakeClock, days: list[date]) -> dict[str, list[object]]:
    """``{group: [(residents served, target) each day]}`` from ``kiosk_day`` a day at a time."""
    with store.reader() as conn:
        found = [kiosk_day(conn, day, at=clock()) for day in days]
    groups = {row.group for day in found for row in day.rows}
    return {
        group: [
            next(((r.residents, r.target) for r in day.rows if r.group == group), (0, None))
            for day in found
        ]
        for group in groups
    }


def _ranged(store: Store, clock: FakeClock, days: list[date]) -> dict[str, list[object]]:
    with store.reader() as conn:
        campaign = campaign_days(conn, days[0], days[-1], at=clock())
    assert campaign.days == days
    return {
        group: list(zip(campaign.served[group], campaign.targets[group], strict=True))
        for group in campaign.groups
    }


def test_the_range_equals_the_day_by_day_report_purged_days_included(
    store: Store, clock: FakeClock
) -> None:
    with store.write() as session:
        ensure_station(session, at=clock()).home_group = GROUP
    _household(store, clock, "hh-1", "Tổ dân phố 2", "001090000000")
    first = DAY - timedelta(days=5)
    # 13 residents over six days, one of them served twice on a day (counted once), one in the
    # roster's "Tổ dân phố 2"; a training capture that never counts
    ids = add_verified(store, 13)
    table = table_of(Submission)
    with store.transaction() as conn:  # the last one is the second's resident, the same day
        conn.execute(
            update(table).where(table.c.id == ids[12]).values(resident_id_number="001090000001")
        )
    days = [first + timedelta(days=n % 6) for n in range(12)] + [first + timedelta(days=1)]
    _captured_on(store, ids, days)
    (practice,) = add_verified(store, 1, start=50, training=True)
    _captured_on(store, [practice], [first])
    _targets(store, clock, {(first, GROUP): 3, (first + timedelta(days=1), GROUP): 4,
                            (DAY, "Tổ dân phố 9"): 7})  # fmt: skip
    span = [first - timedelta(days=1) + timedelta(days=n) for n in range(8)]
    before = _ranged(store, clock, span)
    assert before == _day_by_day(store, clock, span)
    assert before[GROUP] == [(0, None), (1, 3), (2, 4), (2, None), (2, None), (2, None),
                             (2, None), (0, None)]  # fmt: skip
    assert before["Tổ dân phố 2"][1] == (1, None) and before["Tổ dân phố 9"][6] == (0, 7)

    with store.write() as session:  # the first three days sent, then purged a week later
        for sub_id, day in zip(ids, days, strict=True):
            if day < first + timedelta(days=3):
                subs.mark_sent(session, sub_id, at=clock())
    clock.advance(days=8)
    with store.write() as session:
        assert purge_sent(session, at=clock(), days=7) == 7
    with store.reader() as conn:
        assert kiosk_day(conn, first, at=clock()).kept
        assert not kiosk_day(conn, first + timedelta(days=3), at=clock()).kept
    after = _ranged(store, clock, span)
    assert after == _day_by_day(store, clock, span) == before


def test_the_progress_runs_from_the_campaigns_first_day_and_is_for_officers(
    store: Store, clock: FakeClock
) -> None:
    with store.write() as session:
        ensure_station(session, at=clock()).home_group = GROUP
    service = ReportService(store, clock)
    empty = service.progress(OFFICER_ACTOR, DAY)
    assert empty.days == [DAY] and empty.groups == [] and empty.served == {}
    ids = add_verified(store, 2)
    _captured_on(store, ids, [DAY - timedelta(days=9), DAY])
    campaign = service.progress(OFFICER_ACTOR, DAY)
    assert campaign.days[0] == DAY - timedelta(days=9) and len(campaign.days) == 10
    assert campaign.served[GROUP] == [1] + [0] * 8 + [1]
    _captured_on(store, ids[:1], [DAY - timedelta(days=400)])
    assert len(service.progress(OFFICER_ACTOR, DAY).days) == CHART_DAYS
    with pytest.raises(PermissionDenied):
        service.progress(Actor("op-v", "Volunteer", "volunteer"), DAY)
