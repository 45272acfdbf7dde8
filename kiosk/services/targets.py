"""Daily targets per residential group: officers set them, anyone reads them (Home, the report).

A change made here is the group's target on this kiosk at once and waits for the next sync; the
ward's other kiosks and the server send theirs back, and the server's order of arrival decides
(:mod:`kiosk.store.targets`, DESIGN.md §5).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select

from kiosk.services.base import Actor, Clock, Role, require_role
from kiosk.store import Store
from kiosk.store.models import Station, table_of
from kiosk.store.targets import (
    MAX_TARGET,
    TargetRecord,
    set_target,
    targets_between,
    ward_groups,
)

__all__ = ["MAX_TARGET", "TargetRecord", "TargetService", "TargetsView"]

_OFFICER: tuple[Role, ...] = ("officer",)
_ST = table_of(Station)


@dataclass(frozen=True)
class TargetsView:
    """What the targets dialog shows: the ward's groups and their targets for today and tomorrow."""

    today: date
    groups: tuple[str, ...]
    targets: Mapping[tuple[date, str], TargetRecord]

    @property
    def tomorrow(self) -> date:
        return self.today + timedelta(days=1)

    def figure(self, day: date, group: str) -> int | None:
        """The group's target for the day; None when none is set."""
        record = self.targets.get((day, group))
        return None if record is None else record.target


class TargetService:
    """Set daily targets (officers only) and read them (anyone)."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    def today(self) -> date:
        """The kiosk's local day."""
        return self._clock().date()

    def view(self, actor: Actor) -> TargetsView:
        """The ward's groups and their targets for today and tomorrow (officers: to set them)."""
        require_role(actor, "set daily targets", *_OFFICER)
        today = self.today()
        with self._store.reader() as conn:
            groups = ward_groups(conn)
            found = targets_between(conn, today, today + timedelta(days=1))
        return TargetsView(today, tuple(groups), {(t.day, t.group): t for t in found})

    def between(self, first: date, last: date) -> list[TargetRecord]:
        """The targets of the days ``first`` to ``last``, by day and group (anyone)."""
        with self._store.reader() as conn:
            return targets_between(conn, first, last)

    def set(self, actor: Actor, changes: Mapping[tuple[date, str], int]) -> list[TargetRecord]:
        """Set ``{(day, group): target}`` in one transaction, each audited ``target.set``;
        ``ValueError`` for a figure out of range (nothing is set then)."""
        require_role(actor, "set daily targets", *_OFFICER)
        at = self._clock()
        with self._store.transaction() as conn:
            station_id = conn.execute(select(_ST.c.id).where(_ST.c.slot == 1)).scalar_one()
            return [
                set_target(
                    conn, day=day, group=group, target=target, actor=actor.operator_id,
                    station_id=station_id, at=at,
                )
                for (day, group), target in sorted(changes.items())
            ]  # fmt: skip
