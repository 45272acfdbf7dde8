"""The roster and registry cache: saving what the intake server sends (lookups: ``lookups.py``).

Names are stored in NFC with their folded search key (``kiosk.domain.text``); plates with their
folded key (:func:`plate_key`), so every way of typing finds the same rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from kiosk.domain.plates import parse_plate
from kiosk.domain.text import normalize, search_key
from kiosk.store.models import Household, RegistryLicence, RegistryVehicle, Resident

__all__ = ["plate_key", "save_household", "save_resident"]


def plate_key(text: str) -> str:
    """The plate folded to capitals and digits (``30A-123.45`` -> ``30A12345``) for the index.

    A plate ``kiosk.domain.plates`` can parse is folded from its normalised display form, so
    every way of typing it finds the same rows; anything else is folded as typed.
    """
    try:
        shown = parse_plate(text).display
    except ValueError:
        shown = text
    return "".join(ch for ch in shown.upper() if ch.isalnum())


def _date(value: Any) -> date | None:
    """A date from the roster's ``YYYY-MM-DD`` text (or a date)."""
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def save_household(session: Session, data: Mapping[str, Any], *, at: datetime) -> Household:
    """Insert or update one roster household (``{"id", "group", "address"}``)."""
    household = session.get(Household, data["id"])
    if household is None:
        household = Household(id=data["id"])
        session.add(household)
    household.residential_group = data["group"]
    household.address = data["address"]
    household.updated_at = at
    return household


def save_resident(
    session: Session, data: Mapping[str, Any], *, at: datetime, household_id: str | None = None
) -> Resident:
    """Insert or update one roster resident with its vehicles and licences (shape of §5)."""
    found = session.execute(select(Resident).where(Resident.id_number == data["id_number"]))
    resident = found.scalar_one_or_none()
    if resident is None:
        resident = Resident(id_number=data["id_number"])
        session.add(resident)
    birth = _date(data["birth_date"])
    assert birth is not None
    resident.household_id = household_id
    resident.full_name = normalize(data["full_name"])
    resident.search_key = search_key(data["full_name"])
    resident.birth_date = birth
    resident.birth_year = birth.year
    resident.sex = data["sex"]
    resident.phone = data.get("phone")
    cleaned = data.get("cleaned") or None
    resident.cleaned_at = datetime.fromisoformat(cleaned["at"]) if cleaned else None
    resident.cleaned_station = cleaned.get("station_id") if cleaned else None
    resident.updated_at = at
    session.flush()
    session.execute(delete(RegistryVehicle).where(RegistryVehicle.resident_id == resident.id))
    session.execute(delete(RegistryLicence).where(RegistryLicence.resident_id == resident.id))
    for v in data.get("vehicles", ()):
        owner = v.get("registered_owner") or {}
        session.add(
            RegistryVehicle(
                id=v["id"],
                resident_id=resident.id,
                plate=v["plate"],
                plate_key=plate_key(v["plate"]),
                kind=v["kind"],
                brand=v.get("brand"),
                model=v.get("model"),
                colour=v.get("colour"),
                chassis_number=v.get("chassis_number"),
                engine_number=v.get("engine_number"),
                registered_owner_name=owner.get("full_name"),
                registered_owner_id_number=owner.get("id_number"),
            )
        )
    for item in data.get("licences", ()):
        session.add(
            RegistryLicence(
                id=item["id"],
                resident_id=resident.id,
                number=item["number"],
                licence_class=item["class"],
                scheme=item["scheme"],
                issue_date=_date(item["issue_date"]),
                expiry_date=_date(item.get("expiry_date")),
            )
        )
    return resident
