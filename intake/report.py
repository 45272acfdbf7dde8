"""The ward's day report (docs/report.md): ``kiosk-intake report --ward W --date D --out FILE``.

The rows come from the ward's accepted submissions, in the template both sides share
(:mod:`kiosk.exchange.report`).  A submission counts for its capture day in Vietnam and for its
resident's residential group on file, else its station's home group (as :mod:`intake.stats`).

- **The ward's report** counts each resident once: only a resident's first accepted submission
  (the server marks the later ones ``repeat``), so a resident served at two kiosks counts once,
  and their vehicle and licence answers once, from that submission.
- **A station's figures** (``station_id``) count every submission that station sent: they are
  what the kiosk's own report shows once its queue has drained.  Households done are a ward
  figure and stay 0 there.
- **Households done** on a day: households whose every counted member (a vehicle or licence on
  file) is done, the last of them that day; a member is done on the capture day of their first
  accepted submission, else, when their latest outcome is final (moved away, refused), on the day
  it was recorded.  A household whose latest outcome is *moved away* or *refused* is not done,
  nor one with no counted member (nothing was cleaned there).  "Latest" is by arrival.
- **Refusals**: residents and households with a *refused* outcome recorded that day (each once).
  Drafts discarded as refused never reach the server, so neither side counts them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, exists, func, select

from intake.clock import VIETNAM, as_utc, utcnow
from intake.models import (
    Household,
    Licence,
    Resident,
    Station,
    Submission,
    Vehicle,
    VisitOutcome,
)
from intake.targets import targets_for
from intake.wards import normalise_ward
from kiosk.domain.address import natural_key
from kiosk.exchange.report import (
    LICENCE_COLUMN,
    VEHICLE_COLUMN,
    ReportRow,
    report_file_name,
    write_csv,
    write_xlsx,
)

__all__ = ["WardReport", "default_file_name", "ward_report", "write_report"]

FINAL_OUTCOMES = ("moved_away", "refused")
"""Outcomes that settle a member or a household: nothing more will be asked (DESIGN.md §5)."""


@dataclass(frozen=True)
class WardReport:
    """The rows of a ward's day (or of one station's) and the notes under them."""

    ward: str
    day: date
    station_id: str | None
    rows: list[ReportRow]
    notes: list[str]

    @property
    def title(self) -> str:
        """The sheet's title line."""
        who = f"trạm {self.station_id}" if self.station_id else self.ward
        return f"Báo cáo ngày {self.day:%d/%m/%Y} — {who}"


def _vietnam_day(moment: datetime) -> date:
    return as_utc(moment).astimezone(VIETNAM).date()


def _submissions(
    conn: Connection, ward: str, day: date, station_id: str | None
) -> dict[str, dict[str, Any]]:
    """``{group: {field: count}}`` from the day's counted submissions (module rules)."""
    where = [Submission.ward == ward, Submission.day == day]
    if station_id is None:
        where.append(Submission.repeat.is_(False))
    else:
        where.append(Submission.station_id == station_id)
    figures: dict[str, dict[str, Any]] = defaultdict(lambda: defaultdict(int))
    people: dict[str, set[str]] = defaultdict(set)
    query = select(Submission.group_name, Submission.resident_id_number, Submission.payload)
    for group, id_number, text in conn.execute(query.where(*where)):
        people[group].add(id_number)
        payload = json.loads(text)
        for vehicle in payload.get("vehicles") or ():
            figures[group][VEHICLE_COLUMN[vehicle["answer"]]] += 1
        for licence in payload.get("licences") or ():
            figures[group][LICENCE_COLUMN[licence["answer"]]] += 1
    for group, ids in people.items():
        figures[group]["residents"] = len(ids)
    return figures


def _latest_outcomes(conn: Connection, ward: str) -> dict[tuple[str, str | None], Any]:
    """The latest outcome (by arrival) per (household, member or None) of the ward."""
    latest: dict[tuple[str, str | None], Any] = {}
    rows = conn.execute(
        select(
            VisitOutcome.household_id, VisitOutcome.resident_id_number, VisitOutcome.outcome,
            VisitOutcome.recorded_at,
        )
        .where(VisitOutcome.ward == ward)
        .order_by(VisitOutcome.arrival)
    )  # fmt: skip
    for row in rows:
        latest[row.household_id, row.resident_id_number] = row
    return latest


def _households_done(conn: Connection, ward: str, day: date) -> dict[str, int]:
    """``{group: households done on day}`` (module rule)."""
    on_file = exists().where(Vehicle.resident_id_number == Resident.id_number) | exists().where(
        Licence.resident_id_number == Resident.id_number
    )
    members = conn.execute(
        select(Household.id, Household.group_name, Resident.id_number)
        .join(Resident, Resident.household_id == Household.id)
        .where(
            Household.ward == ward,
            Household.removed.is_(False),
            Resident.removed.is_(False),
            on_file,
        )
    ).all()
    first_day = dict(
        conn.execute(
            select(Submission.resident_id_number, func.min(Submission.day))
            .where(Submission.ward == ward)
            .group_by(Submission.resident_id_number)
        ).all()
    )
    latest = _latest_outcomes(conn, ward)
    counted: dict[str, list[date | None]] = defaultdict(list)
    group_of: dict[str, str] = {}
    for home, group, id_number in members:
        group_of[home] = group
        done: date | None = first_day.get(id_number)
        outcome = latest.get((home, id_number))
        if done is None and outcome is not None and outcome.outcome in FINAL_OUTCOMES:
            done = _vietnam_day(outcome.recorded_at)
        counted[home].append(done)
    found: dict[str, int] = defaultdict(int)
    for home, days in counted.items():
        outcome = latest.get((home, None))
        if outcome is not None and outcome.outcome in FINAL_OUTCOMES:
            continue
        if all(d is not None for d in days) and max(d for d in days if d is not None) == day:
            found[group_of[home]] += 1
    return found


def _refusals(
    conn: Connection, ward: str, day: date, station_id: str | None, home_groups: dict[str, str]
) -> dict[str, int]:
    """``{group: refusals recorded on day}``: each household or member once."""
    query = (
        select(
            VisitOutcome.household_id, VisitOutcome.resident_id_number, VisitOutcome.recorded_at,
            VisitOutcome.station_id, Household.group_name,
        )
        .outerjoin(Household, Household.id == VisitOutcome.household_id)
        .where(VisitOutcome.ward == ward, VisitOutcome.outcome == "refused")
    )  # fmt: skip
    if station_id is not None:
        query = query.where(VisitOutcome.station_id == station_id)
    subjects: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
    for home, id_number, recorded_at, station, group in conn.execute(query):
        if _vietnam_day(recorded_at) == day:
            subjects[group or home_groups.get(station, "")].add((home, id_number))
    return {group: len(found) for group, found in subjects.items()}


def ward_report(
    engine: Engine, ward: str, day: date, *, station_id: str | None = None
) -> WardReport:
    """The ward's rows for ``day`` (every group of its roster, and any other with a figure or a
    target), or one station's (only the groups it has figures for)."""
    ward = normalise_ward(ward)
    with engine.connect() as conn:
        figures = _submissions(conn, ward, day, station_id)
        home_groups = dict(
            conn.execute(select(Station.id, Station.group_name).where(Station.ward == ward)).all()
        )
        for group, n in _refusals(conn, ward, day, station_id, home_groups).items():
            figures[group]["refusals"] = n
        groups: set[str] = {g for g, found in figures.items() if any(found.values())}
        targets: dict[tuple[date, str], int] = {}
        if station_id is None:
            for group, n in _households_done(conn, ward, day).items():
                figures[group]["households_done"] = n
            targets = targets_for(conn, ward, [day])
            groups |= {g for _, g in targets}
            groups |= set(
                conn.scalars(
                    select(Household.group_name)
                    .where(Household.ward == ward, Household.removed.is_(False))
                    .distinct()
                )
            )
    rows = [
        ReportRow(day, group, **dict(figures.get(group, {})), target=targets.get((day, group)))
        for group in sorted(groups, key=natural_key)
    ]
    made = f"Lập lúc {utcnow().astimezone(VIETNAM):%H:%M %d/%m/%Y} trên máy chủ của phường."
    if station_id is None:
        notes = [made, "Mỗi người dân chỉ được tính một lần, dù đã làm ở nhiều trạm."]
    else:
        notes = [made, "Chỉ các hồ sơ máy chủ đã nhận từ trạm này."]
    return WardReport(ward, day, station_id, rows, notes)


def default_file_name(report: WardReport, suffix: str) -> str:
    """The template's file name for the ward's report (docs/report.md)."""
    return report_file_name(report.day, report.station_id or report.ward, suffix)


def write_report(report: WardReport, out: Path) -> Path:
    """Write ``report`` to ``out``: XLSX or CSV by its suffix (``ValueError`` for another); the
    folder is made if missing (the shared writer does not: on a kiosk a missing folder is a stick
    taken out)."""
    suffix = out.suffix.lower()
    out.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".xlsx":
        return write_xlsx(out, report.title, report.rows, report.notes)
    if suffix == ".csv":
        return write_csv(out, report.rows)
    raise ValueError(f"write the report as .xlsx or .csv, not {out.suffix or 'no suffix'}")
