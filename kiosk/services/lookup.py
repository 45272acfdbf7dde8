"""Lookups: resident by ID number, by folded name (+ birth year), vehicle by plate, licence by number.

The intake server is asked first for a resident by ID number when an :class:`OnlineRegistry` is
given and it answers; otherwise, and for every other lookup, the local roster cache answers.
Every lookup is an audit event whose details carry the masked ID only (DESIGN.md §6).
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
from kiosk.store.lookups import LicenceRecord, ResidentRecord, VehicleRecord

__all__ = [
    "LicenceRecord",
    "LookupService",
    "OnlineRegistry",
    "ResidentRecord",
    "VehicleRecord",
]

log = logging.getLogger(__name__)


class OnlineRegistry(Protocol):
    """The intake server's ``POST /v1/registry/lookup`` (implemented by ``kiosk.sync``).

    Returns the answer (``{"resident", "vehicles", "licences", "cleaned"}``), None when the
    server does not know the ID, and raises any exception when it cannot answer (offline, 429...).
    """

    def lookup(self, id_number: str) -> Mapping[str, Any] | None:
        """Ask the server about one ID number."""
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
    )


class LookupService:
    """Finds residents and their records; both roles may look up."""

    def __init__(self, store: Store, clock: Clock, online: OnlineRegistry | None = None) -> None:
        self._store = store
        self._clock = clock
        self._online = online

    def _audit(self, actor: Actor, action: str, details: Mapping[str, Any]) -> None:
        with self._store.transaction() as session:
            append_event(
                session, at=self._clock(), actor=actor.operator_id, action=action, details=details
            )

    def _ask_online(self, id_number: str) -> tuple[bool, ResidentRecord | None]:
        """``(answered, record)``: any failure of the server means "did not answer"."""
        if self._online is None:
            return False, None
        try:
            answer = self._online.lookup(id_number)
            return True, None if answer is None else _from_online(answer)
        except Exception as exc:  # offline, rate-limited, malformed: the cache answers instead
            log.info("online lookup unavailable (%s); using the local cache", type(exc).__name__)
            return False, None

    def cached_resident(self, id_number: str) -> ResidentRecord | None:
        """The cache's answer alone, without audit (building block; the bench measures it)."""
        with self._store.lookup_connection() as conn:
            return lookups.resident_by_id_number(conn, id_number)

    def resident_by_id(self, actor: Actor, id_number: str) -> ResidentRecord | None:
        """The resident with this ID number: online first when possible, else the cache."""
        require_role(actor, "look up residents", "officer", "volunteer")
        id_number = id_number.strip()
        answered, record = self._ask_online(id_number)
        if not answered:
            record = self.cached_resident(id_number)
        details = {
            "id": mask_id_number(id_number),
            "source": "online" if answered else "cache",
            "found": record is not None,
        }
        self._audit(actor, "lookup.resident_by_id", details)
        return record

    def residents_by_name(
        self, actor: Actor, name: str, *, birth_year: int | None = None, limit: int = 20
    ) -> list[ResidentRecord]:
        """Residents whose folded name starts with the folded ``name`` (accents, case, đ ignored)."""
        require_role(actor, "look up residents", "officer", "volunteer")
        with self._store.lookup_connection() as conn:
            records = lookups.residents_by_name(conn, name, birth_year, limit)
        details = {"birth_year": birth_year is not None, "results": len(records)}
        self._audit(actor, "lookup.resident_by_name", details)
        return records

    def vehicle_by_plate(self, actor: Actor, plate: str) -> list[tuple[VehicleRecord, str]]:
        """Vehicles on file with this plate, each with its holder's masked ID."""
        require_role(actor, "look up vehicles", "officer", "volunteer")
        with self._store.lookup_connection() as conn:
            found = [(v, mask_id_number(i)) for v, i in lookups.vehicles_by_plate(conn, plate)]
        self._audit(actor, "lookup.vehicle_by_plate", {"results": len(found)})
        return found

    def licence_by_number(self, actor: Actor, number: str) -> list[tuple[LicenceRecord, str]]:
        """Licences on file with this number, each with its holder's masked ID."""
        require_role(actor, "look up licences", "officer", "volunteer")
        with self._store.lookup_connection() as conn:
            found = [(x, mask_id_number(i)) for x, i in lookups.licences_by_number(conn, number)]
        self._audit(actor, "lookup.licence_by_number", {"results": len(found)})
        return found
