"""A kiosk's roster cache filled from the synthetic demo ward (``intake.demo.generate``), with the
evening's progress in realistic shares: residents the server accepted, submissions sent from this
kiosk, visit outcomes of the ward's kiosks. Shared by the households tests and the households bench.

Rows go in by bulk inserts (executemany), not one ORM object a row: 30,000 residents take seconds.
Synthetic people only; nothing here is logged.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select

from intake.demo import Population, generate
from kiosk.domain.text import normalize, search_key
from kiosk.store import Store
from kiosk.store.models import (
    Household,
    Operator,
    RegistryLicence,
    RegistryVehicle,
    Resident,
    Submission,
    VisitOutcome,
    table_of,
)
from kiosk.store.registry import plate_key

WARD = "Phường Yên Nghĩa"
AT = datetime(2025, 11, 22, 12, 0, tzinfo=UTC)
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
OTHER_KIOSK_OPERATOR = "Lê Văn Tâm"
"""Who recorded the outcomes of the ward's other kiosks (synthetic)."""


@dataclass
class Filled:
    """What :func:`fill_roster` put in the cache, for the tests to reason about."""

    population: Population
    resident_ids: dict[str, int] = field(default_factory=dict)
    """ID number -> the cache's resident row id."""
    on_file: set[str] = field(default_factory=set)
    """ID numbers with a vehicle or licence on file."""


def fill_roster(
    store: Store, residents: int, *, seed: int = 7, ward: str = WARD, at: datetime = AT
) -> Filled:
    """The demo ward of ``residents`` people in the roster cache, as a roster download leaves it."""
    population = generate(residents, seed, ward)
    filled = Filled(population)
    with store.transaction() as conn:
        first = conn.execute(select(func.coalesce(func.max(Resident.id), 0))).scalar_one() + 1
        conn.execute(
            insert(table_of(Household)),
            [
                {"id": h["id"], "residential_group": h["group_name"], "address": h["address"],
                 "updated_at": at}
                for h in population.households
            ],
        )  # fmt: skip
        people = []
        for offset, p in enumerate(population.residents):
            filled.resident_ids[p["id_number"]] = first + offset
            people.append(
                {"id": first + offset, "id_number": p["id_number"],
                 "household_id": p["household_id"], "full_name": normalize(p["full_name"]),
                 "search_key": search_key(p["full_name"]), "birth_date": p["birth_date"],
                 "birth_year": p["birth_date"].year, "sex": p["sex"], "phone": p["phone"],
                 "updated_at": at}
            )  # fmt: skip
        conn.execute(insert(table_of(Resident)), people)
        if population.vehicles:
            conn.execute(
                insert(table_of(RegistryVehicle)),
                [
                    {"id": v["id"], "resident_id": filled.resident_ids[v["resident_id_number"]],
                     "plate": v["plate"], "plate_key": plate_key(v["plate"]), "kind": v["kind"],
                     "brand": v["brand"], "model": v["model"], "colour": v["colour"],
                     "chassis_number": v["chassis_number"], "engine_number": v["engine_number"],
                     "registered_owner_name": v["owner_name"],
                     "registered_owner_id_number": v["owner_id_number"]}
                    for v in population.vehicles
                ],
            )  # fmt: skip
        if population.licences:
            conn.execute(
                insert(table_of(RegistryLicence)),
                [
                    {"id": lic["id"], "resident_id": filled.resident_ids[lic["resident_id_number"]],
                     "number": lic["number"], "licence_class": lic["class"],
                     "scheme": lic["scheme"], "issue_date": lic["issue_date"],
                     "expiry_date": lic["expiry_date"]}
                    for lic in population.licences
                ],
            )  # fmt: skip
    filled.on_file = {v["resident_id_number"] for v in population.vehicles} | {
        lic["resident_id_number"] for lic in population.licences
    }
    return filled


def operator_id(store: Store, name: str = "Bench Officer") -> str:
    """An operator to record outcomes and submissions by (made when missing)."""
    with store.transaction() as conn:
        found = conn.execute(select(Operator.id).where(Operator.name == name)).scalar()
        if found is not None:
            return str(found)
        made = f"op-{uuid.uuid4().hex[:8]}"
        conn.execute(
            insert(table_of(Operator)).values(
                id=made, name=name, role="officer", pin_hash=b"-", pin_salt=b"-" * 16,
                pin_params="scrypt$2$1$1$32", created_at=AT,
            )
        )  # fmt: skip
        return made


def _reference(rng: random.Random) -> str:
    code = "".join(rng.choices(_ALPHABET, k=8))
    return f"{code[:4]}-{code[4:]}"


def add_progress(
    store: Store,
    filled: Filled,
    actor: str,
    *,
    seed: int = 11,
    cleaned: float = 0.25,
    sent: float = 0.10,
    household_outcomes: float = 0.12,
    member_outcomes: float = 0.03,
    at: datetime = AT + timedelta(days=1),
) -> None:
    """An evening's progress in realistic shares: of the residents with something on file,
    ``cleaned`` accepted by the server (from any kiosk, the roster says so) and ``sent`` from this
    kiosk; ``household_outcomes`` of the households with an outcome (mostly absent, some come back,
    moved away or refused; a few with two, the later arrival deciding), ``member_outcomes`` of
    the residents with one (mostly refused). Outcomes are numbered by the server (``arrival``).
    Everything happened at ``at``: give a kiosk that runs now the time now, or its purge of
    records sent more than a week ago erases the sent ones' ID numbers at start."""
    rng = random.Random(seed)
    population = filled.population
    counted = sorted(filled.on_file)
    residents = table_of(Resident)
    later = at
    with store.transaction() as conn:
        accepted = [n for n in counted if rng.random() < cleaned]
        for start in range(0, len(accepted), 500):
            conn.execute(
                residents.update()
                .where(residents.c.id_number.in_(accepted[start : start + 500]))
                .values(cleaned_at=later, cleaned_station="st-other")
            )
        ours = [n for n in counted if rng.random() < sent]
        references: set[str] = set()
        rows: list[dict[str, Any]] = []
        for number in ours:
            reference = _reference(rng)
            while reference in references:
                reference = _reference(rng)
            references.add(reference)
            rows.append(
                {"id": str(uuid.UUID(int=rng.getrandbits(128))), "reference": reference,
                 "station_id": "st-bench", "status": "sent", "training": False,
                 "resident_id_number": number, "sha256": "0" * 64, "vehicle_count": 1,
                 "licence_count": 0, "created_at": later, "created_by": actor,
                 "captured_at": later, "captured_by": actor, "verified_at": later,
                 "verified_by": actor, "sent_at": later, "status_at": later}
            )  # fmt: skip
        if rows:
            conn.execute(insert(table_of(Submission)), rows)
        outcomes: list[dict[str, Any]] = []
        arrival = 0

        def outcome(home: str, number: str | None, kind: str) -> dict[str, Any]:
            nonlocal arrival
            arrival += 1
            come_back = (later + timedelta(days=2)).date() if kind == "come_back" else None
            return {
                "id": str(uuid.UUID(int=rng.getrandbits(128))), "household_id": home,
                "resident_id_number": number, "outcome": kind, "come_back_on": come_back,
                "note": None, "recorded_at": later - timedelta(minutes=arrival % 600),
                "recorded_by": OTHER_KIOSK_OPERATOR, "operator_id": None, "station_id": "st-other",
                "session_id": None, "sent_at": later, "arrival": arrival,
            }  # fmt: skip

        kinds = ("absent", "come_back", "moved_away", "refused")
        for home in population.households:
            if rng.random() < household_outcomes:
                for _ in range(1 if rng.random() < 0.8 else 2):
                    kind = rng.choices(kinds, (70, 15, 10, 5))[0]
                    outcomes.append(outcome(home["id"], None, kind))
        for person in population.residents:
            if rng.random() < member_outcomes:
                kind = rng.choices(kinds, (20, 10, 20, 50))[0]
                outcomes.append(outcome(person["household_id"], person["id_number"], kind))
        if outcomes:
            conn.execute(insert(table_of(VisitOutcome)), outcomes)
