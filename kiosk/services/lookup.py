"""Lookups: resident by ID number, by folded name (+ birth year), vehicle by plate, licence by number.

A resident by ID number: the ward's server (an :class:`OnlineRegistry`) answers within a budget
(:data:`ONLINE_BUDGET_S`: the resident is standing at the desk), the local roster cache otherwise;
the screen may ask both at once (:meth:`LookupService.resident_online`,
:meth:`LookupService.resident_cached`) and show the cache's answer until the server's comes.
Every other lookup is the cache's, and each result carries what opens its resident (the full ID
number: lists mask it). Every lookup is an audit event whose details carry the masked ID only, or
counts (DESIGN.md §6).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any, Protocol

from kiosk.domain.masking import mask_id_number
from kiosk.services.base import Actor, Clock, require_role
from kiosk.store import Store, lookups
from kiosk.store.audit import append_event
from kiosk.store.lookups import Holder, LicenceRecord, ResidentRecord, VehicleRecord

__all__ = [
    "ONLINE_BUDGET_S",
    "Holder",
    "LicenceRecord",
    "LookupService",
    "OnlineRegistry",
    "ResidentRecord",
    "VehicleRecord",
]

log = logging.getLogger(__name__)

ONLINE_BUDGET_S = 1.5
"""Seconds the ward's server has to answer a lookup by ID before the cache's answer stands."""


class OnlineRegistry(Protocol):
    """The intake server's ``POST /v1/registry/lookup`` (implemented by ``kiosk.sync``).

    Returns the answer (``{"resident", "vehicles", "licences", "cleaned"}``), None when the
    server does not know the ID, and raises any exception when it cannot answer within
    ``timeout_s`` seconds in all (offline, timed out, 429, an answer that is not the protocol...).
    """

    def lookup(self, id_number: str, *, timeout_s: float) -> Mapping[str, Any] | None:
        """Ask the server about one ID number, giving up after ``timeout_s`` seconds."""
        ...

    def close(self) -> None:
        """Let go of idle connections (the kiosk is closing)."""
        ...


def _from_online(answer: Mapping[str, Any]) -> ResidentRecord:
    """The server's answer as a record (raises KeyError/ValueError/TypeError when malformed)."""
    person = answer["resident"]
    cleaned = answer.get("cleaned")
    vehicles = []
    for v in answer.get("vehicles") or ():
        owner = v.get("registered_owner") or {}
        vehicles.append(
            VehicleRecord(
                v["id"],
                v["plate"],
                v["kind"],
                v.get("brand"),
                v.get("model"),
                v.get("colour"),
                v.get("chassis_number"),
                v.get("engine_number"),
                owner.get("full_name"),
                owner.get("id_number"),
            )
        )
    licences = [
        LicenceRecord(
            item["id"],
            item["number"],
            item["class"],
            item["scheme"],
            date.fromisoformat(item["issue_date"]),
            date.fromisoformat(item["expiry_date"]) if item.get("expiry_date") else None,
        )
        for item in answer.get("licences") or ()
    ]
    return ResidentRecord(
        id_number=person["id_number"],
        full_name=person["full_name"],
        birth_date=date.fromisoformat(person["birth_date"]),
        sex=person["sex"],
        phone=person.get("phone"),
        household_id=person.get("household_id"),
        cleaned_at=datetime.fromisoformat(cleaned["at"]) if cleaned else None,
        cleaned_station=cleaned.get("station_id") if cleaned else None,
        vehicles=tuple(vehicles),
        licences=tuple(licences),
        source="online",
        address=person.get("address"),
        residential_group=person.get("group"),
    )


class LookupService:
    """Finds residents and their records; both roles may look up."""

    def __init__(self, store: Store, clock: Clock, online: OnlineRegistry | None = None) -> None:
        self._store = store
        self._clock = clock
        self._online = online

    def close(self) -> None:
        """Close the connection to the ward's server, if any (the kiosk is closing)."""
        if self._online is not None:
            self._online.close()

    def _audit(self, actor: Actor, action: str, details: Mapping[str, Any]) -> None:
        with self._store.transaction() as session:
            append_event(
                session, at=self._clock(), actor=actor.operator_id, action=action, details=details
            )

    def _ask_online(self, id_number: str, timeout_s: float) -> tuple[bool, ResidentRecord | None]:
        """``(answered, record)``: any failure of the server means "did not answer".

        The server's answer has no household members: the cache gives them, when it knows the
        household.
        """
        if self._online is None:
            return False, None
        try:
            answer = self._online.lookup(id_number, timeout_s=timeout_s)
            record = None if answer is None else _from_online(answer)
        except Exception as exc:  # offline, slow, rate-limited, malformed: the cache answers
            log.info("online lookup unavailable (%s); using the local cache", type(exc).__name__)
            return False, None
        if record is not None and record.household_id is not None:
            record = record._replace(household=self._members(record))
        return True, record

    def _members(self, record: ResidentRecord) -> tuple[str, ...]:
        """The other members of the record's household as cached; none when it cannot say."""
        try:
            with self._store.lookup_connection() as conn:
                return lookups.household_members(conn, str(record.household_id), record.id_number)
        except Exception as exc:  # the server's answer stands without them
            log.warning("household members not read from the cache (%s)", type(exc).__name__)
            return ()

    def cached_resident(self, id_number: str) -> ResidentRecord | None:
        """The cache's answer alone, without audit (building block; the bench measures it)."""
        with self._store.lookup_connection() as conn:
            return lookups.resident_by_id_number(conn, id_number)

    def _audit_by_id(
        self, actor: Actor, id_number: str, source: str, record: ResidentRecord | None, **extra: Any
    ) -> None:
        details = {
            "id": mask_id_number(id_number),
            "source": source,
            "found": record is not None,
            **extra,
        }
        self._audit(actor, "lookup.resident_by_id", details)

    def resident_online(
        self, actor: Actor, id_number: str, timeout_s: float = ONLINE_BUDGET_S
    ) -> tuple[bool, ResidentRecord | None]:
        """``(answered, record)`` from the ward's server within ``timeout_s`` seconds.

        Never raises for the network or the server: any failure is "not answered" (then ask
        :meth:`resident_cached`). ``(True, None)``: the server does not know this ID.
        """
        require_role(actor, "look up residents", "officer", "volunteer")
        id_number = id_number.strip()
        answered, record = self._ask_online(id_number, timeout_s)
        self._audit_by_id(actor, id_number, "online", record, answered=answered)
        return answered, record

    def resident_cached(self, actor: Actor, id_number: str) -> ResidentRecord | None:
        """The resident with this ID number as the local roster cache has it."""
        require_role(actor, "look up residents", "officer", "volunteer")
        id_number = id_number.strip()
        record = self.cached_resident(id_number)
        self._audit_by_id(actor, id_number, "cache", record)
        return record

    def resident_by_id(self, actor: Actor, id_number: str) -> ResidentRecord | None:
        """The resident with this ID number: the server within the budget, else the cache."""
        require_role(actor, "look up residents", "officer", "volunteer")
        id_number = id_number.strip()
        answered, record = self._ask_online(id_number, ONLINE_BUDGET_S)
        if not answered:
            record = self.cached_resident(id_number)
        self._audit_by_id(actor, id_number, "online" if answered else "cache", record)
        return record

    def residents_by_name(
        self, actor: Actor, name: str, *, birth_year: int | None = None, limit: int = 20
    ) -> list[ResidentRecord]:
        """Residents whose folded name starts with the folded ``name`` (accents, case, đ ignored).

        Each with address and residential group, without records or household members: a list
        to pick from (masked IDs), then :meth:`resident_cached` / :meth:`resident_online`.
        """
        require_role(actor, "look up residents", "officer", "volunteer")
        with self._store.lookup_connection() as conn:
            records = lookups.residents_by_name(conn, name, birth_year, limit)
        details = {"birth_year": birth_year is not None, "results": len(records)}
        self._audit(actor, "lookup.resident_by_name", details)
        return records

    def vehicle_by_plate(self, actor: Actor, plate: str) -> list[tuple[VehicleRecord, Holder]]:
        """Vehicles on file with this plate, each with its holder (full ID: lists mask it)."""
        require_role(actor, "look up vehicles", "officer", "volunteer")
        with self._store.lookup_connection() as conn:
            found = lookups.vehicles_by_plate(conn, plate)
        self._audit(actor, "lookup.vehicle_by_plate", {"results": len(found)})
        return found

    def licence_by_number(self, actor: Actor, number: str) -> list[tuple[LicenceRecord, Holder]]:
        """Licences on file with this number, each with its holder (full ID: lists mask it)."""
        require_role(actor, "look up licences", "officer", "volunteer")
        with self._store.lookup_connection() as conn:
            found = lookups.licences_by_number(conn, number)
        self._audit(actor, "lookup.licence_by_number", {"results": len(found)})
        return found
