"""A synthetic, realistic Hanoi ward for demos and tests (``kiosk-intake demo-data``).

Households of one to six people in residential groups ("Tổ dân phố N") of a post-2025 ward, at
``<house, street>, Phường X, Hà Nội``; Vietnamese names with diacritics; ID numbers that agree with
birth date and sex (mostly born in Hà Nội, 001); motorbikes far more than cars, some electric, a share
still registered to a previous owner; licences of both schemes with classes and expiry dates by the
rules of ``kiosk.domain.licences``.  Deterministic for a seed and ward (``random.Random``), built as
plain rows and bulk-inserted: no ORM objects per row.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection, Engine, delete, func, select

from intake import demo_names as words
from intake.db import bulk_insert, refresh_statistics, run_write
from intake.models import Household, Licence, Resident, Vehicle
from intake.registry import next_seq
from intake.wards import normalise_ward
from kiosk.domain.licences import expected_expiry, scheme_for

AS_OF = date(2026, 1, 1)
"""The demo's "today": fixed, so a seed gives the same people whatever day it runs."""

DEFAULT_WARD = "Phường Yên Nghĩa"
HOUSEHOLDS_PER_GROUP = 300
_SIZES = (1, 2, 3, 4, 5, 6)
_SIZE_WEIGHTS = (10, 18, 22, 28, 14, 8)
_SERIES = "ABCDEFGHKLMNPSTUVXYZ"
_TWO_LETTER = ("AA", "AB", "AC", "AD", "AE", "AF", "AH", "AK", "BA", "BB", "BC", "BD")
_BIKE_CODES = (("29", 35), ("30", 10), ("31", 8), ("32", 8), ("33", 24), ("40", 15))
_CAR_CODES = (("30", 70), ("29", 10), ("33", 10), ("31", 5), ("32", 5))
_CAR_SERIES = {"30": "AEFGHK", "29": "ABCD", "33": "A", "31": "A", "32": "A"}


class DemoError(RuntimeError):
    """The demo population cannot be written as asked (e.g. the ward already has a registry)."""


@dataclass
class Population:
    """A generated ward, as rows ready for bulk insert."""

    ward: str
    households: list[dict[str, Any]] = field(default_factory=list)
    residents: list[dict[str, Any]] = field(default_factory=list)
    vehicles: list[dict[str, Any]] = field(default_factory=list)
    licences: list[dict[str, Any]] = field(default_factory=list)


class _Maker:
    """One generation run: the random source and the values already handed out."""

    def __init__(self, rng: random.Random, taken_ids: set[str]) -> None:
        self.rng = rng
        self.ids = taken_ids
        self.plates: set[str] = set()
        self.licence_numbers: set[str] = set()
        self.family = [name for name, _ in words.FAMILY_NAMES]
        self.family_weights = [weight for _, weight in words.FAMILY_NAMES]
        self.provinces = [code for code, _ in words.OTHER_PROVINCES]
        self.province_weights = [weight for _, weight in words.OTHER_PROVINCES]

    def key(self, prefix: str) -> str:
        """A registry record id such as ``v-1f2e…`` (64 random bits)."""
        return f"{prefix}-{self.rng.getrandbits(64):016x}"

    def family_name(self) -> str:
        return self.rng.choices(self.family, self.family_weights)[0]

    def full_name(self, family: str, sex: str, birth_year: int) -> str:
        """Family, middle and given name; Văn and Thị are commoner in older generations."""
        traditional = 0.75 if birth_year < 1975 else 0.45 if birth_year < 1995 else 0.15
        rng = self.rng
        if rng.random() < traditional:
            middle = words.TRADITIONAL_MIDDLE[sex]
        else:
            middle = rng.choice(words.MIDDLE_NAMES[sex])
        return f"{family} {middle} {rng.choice(words.GIVEN_NAMES[sex])}"

    def id_number(self, birth: date, sex: str, *, record: bool = True) -> str:
        """A unique 12-digit ID: birth province, century-and-sex digit, year, six random digits."""
        century_sex = 2 * ((birth.year - 1900) // 100) + (1 if sex == "female" else 0)
        while True:
            province = "001"
            if self.rng.random() < 0.15:
                province = self.rng.choices(self.provinces, self.province_weights)[0]
            value = f"{province}{century_sex}{birth.year % 100:02d}{self.rng.randrange(10**6):06d}"
            if not record or value not in self.ids:
                if record:
                    self.ids.add(value)
                return value

    def phone(self, age: int) -> str | None:
        rng = self.rng
        if age < 15 or rng.random() < 0.15:
            return None
        if rng.random() < 0.03:
            return f"024{rng.randrange(10**8):08d}"
        return f"{rng.choice(words.MOBILE_PREFIXES)}{rng.randrange(10**7):07d}"

    def vin(self) -> str:
        tail = "".join(self.rng.choices(words.VIN_ALPHABET, k=13))
        return self.rng.choice(words.FRAME_PREFIXES) + tail

    def unique_plate(self, make: Any) -> str:
        while True:
            plate = str(make())
            if plate not in self.plates:
                self.plates.add(plate)
                return plate

    def _code(self, table: Sequence[tuple[str, int]]) -> str:
        return self.rng.choices([c for c, _ in table], [w for _, w in table])[0]

    def bike_plate(self, electric: bool) -> str:
        rng = self.rng
        code = self._code(_BIKE_CODES)
        number = rng.randrange(1, 10**5)  # an all-zero number is no plate
        dotted = f"{number // 100:03d}.{number % 100:02d}"
        if electric:
            return f"{code}-MĐ{rng.randint(1, 9)} {dotted}"
        roll = rng.random()
        if roll < 0.12:
            return f"{code}-{rng.choice(_TWO_LETTER)} {dotted}"
        series = f"{rng.choice(_SERIES)}{rng.randint(1, 9)}"
        if roll < 0.20:
            return f"{code}-{series} {rng.randrange(1, 10**4):04d}"
        return f"{code}-{series} {dotted}"

    def car_plate(self) -> str:
        rng = self.rng
        code = self._code(_CAR_CODES)
        series = rng.choice(_CAR_SERIES[code])
        if rng.random() < 0.05:
            return f"{code}{series}-{rng.randrange(1, 10**4):04d}"
        number = rng.randrange(1, 10**5)
        return f"{code}{series}-{number // 100:03d}.{number % 100:02d}"

    def sometimes(self, value: str, missing: float = 0.04) -> str | None:
        return None if self.rng.random() < missing else value

    def vehicle(self, owner: str, kind: str) -> dict[str, Any]:
        rng = self.rng
        if kind == "car":
            brand, model, engine = rng.choice(words.CARS)
            plate = self.unique_plate(self.car_plate)
            engine_number = f"{engine}{rng.randrange(10**7):07d}"
            previous_owner = 0.06
        elif kind == "electric_motorbike":
            brand, model = rng.choice(words.ELECTRIC)
            plate = self.unique_plate(lambda: self.bike_plate(electric=True))
            engine_number = f"MT{rng.randrange(10**8):08d}"
            previous_owner = 0.05
        else:
            brand, model, engine = rng.choices(words.MOTORBIKES, words.MOTORBIKE_WEIGHTS)[0]
            plate = self.unique_plate(lambda: self.bike_plate(electric=False))
            engine_number = f"{engine}{rng.randrange(10**7):07d}"
            previous_owner = 0.16
        owner_name = owner_id = None
        if rng.random() < previous_owner:  # bought second-hand, never transferred
            sex = rng.choice(("male", "female"))
            birth = AS_OF - timedelta(days=rng.randint(25 * 365, 75 * 365))
            owner_name = self.full_name(self.family_name(), sex, birth.year)
            owner_id = self.id_number(birth, sex, record=False) if rng.random() < 0.7 else None
        return {
            "id": self.key("v"),
            "resident_id_number": owner,
            "plate": plate,
            "kind": kind,
            "brand": self.sometimes(brand),
            "model": self.sometimes(model),
            "colour": self.sometimes(rng.choice(words.COLOURS)),
            "chassis_number": self.sometimes(self.vin(), 0.05),
            "engine_number": self.sometimes(engine_number, 0.05),
            "owner_name": owner_name,
            "owner_id_number": owner_id,
        }

    def licence(self, owner: str, birth: date, sex: str, car: bool) -> dict[str, Any]:
        rng = self.rng
        adult = _years_after(birth, 18)
        issue = adult + timedelta(days=rng.randrange(max(1, (AS_OF - adult).days)))
        scheme = scheme_for(issue)
        classes, weights = _LICENCE_CLASSES[(scheme, car)]
        cls = rng.choices(classes, weights)[0]
        expiry = _expiry(cls, scheme, issue, birth, sex)
        if expiry is not None and expiry <= issue:  # too old for a B1 by then: a B2 instead
            cls, expiry = "B2", _expiry("B2", scheme, issue, birth, sex)
        prefix = "01" if rng.random() < 0.85 else owner[1:3]
        while True:
            number = f"{prefix}{rng.randrange(10**10):010d}"
            if number not in self.licence_numbers:
                self.licence_numbers.add(number)
                break
        return {
            "id": self.key("l"),
            "resident_id_number": owner,
            "number": number,
            "class": cls,
            "scheme": scheme,
            "issue_date": issue,
            "expiry_date": expiry,
        }


_LICENCE_CLASSES: dict[tuple[str, bool], tuple[tuple[str, ...], tuple[int, ...]]] = {
    ("2008", True): (("B2", "B1", "C"), (80, 12, 8)),
    ("2024", True): (("B", "C1", "C"), (85, 10, 5)),
    ("2008", False): (("A1", "A2"), (95, 5)),
    ("2024", False): (("A1", "A"), (80, 20)),
}
"""(scheme, car?) -> classes and their weights: motorbike licences far outnumber car ones."""
_EXPIRY_YEARS = {"B2": 10, "B": 10, "C1": 10, "C": 5}
_B1_UNTIL_AGE = {"female": 55, "male": 60}  # Law 2008: a B1 licence lasts until this age


def _years_after(start: date, years: int) -> date:
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February
        return start.replace(year=start.year + years, day=28)


def _expiry(cls: str, scheme: str, issue: date, birth: date, sex: str) -> date | None:
    """The expiry date on file: the domain's rule where confirmed, the reference's figures else."""
    expiry, _warnings = expected_expiry(cls, scheme, issue)
    if expiry is not None or cls in ("A1", "A2", "A"):
        return expiry
    if (scheme, cls) == ("2008", "B1"):
        return _years_after(birth, _B1_UNTIL_AGE[sex])
    return _years_after(issue, _EXPIRY_YEARS[cls])


def _members(rng: random.Random, size: int) -> list[tuple[str, int, str]]:
    """(sex, age, role) of a household's members: head, spouse, then children or grandchildren."""
    head_sex = "male" if rng.random() < 0.7 else "female"
    head_age = int(rng.triangular(22, 88, 45))
    people = [(head_sex, head_age, "head")]
    if size >= 2 and rng.random() < 0.85:
        spouse_age = max(20, min(95, head_age + rng.randint(-7, 4)))
        people.append(("female" if head_sex == "male" else "male", spouse_age, "spouse"))
    parents_age = min(age for _, age, _ in people)
    while len(people) < size:
        gap = rng.randint(20, 36)
        if parents_age >= 58 and rng.random() < 0.4:
            gap += rng.randint(20, 30)  # a grandchild
        age = parents_age - gap
        if age < 0:
            age = rng.randint(0, max(0, parents_age - 18))
        people.append((rng.choice(("male", "female")), age, "child"))
    return people


def _birth(rng: random.Random, age: int) -> date:
    return AS_OF - timedelta(days=age * 365 + rng.randrange(365) + age // 4)


def generate(residents: int, seed: int, ward: str, taken: set[str] | None = None) -> Population:
    """The population of ``ward``: ``residents`` people in households, deterministic for the seed."""
    ward = normalise_ward(ward)
    rng = random.Random(f"{seed}/{ward}")
    maker = _Maker(rng, set(taken or ()))
    population = Population(ward=ward)
    streets = words.STREETS.get(ward, words.GENERIC_STREETS)
    households_guess = max(1, round(residents / 3.4))
    groups = max(1, households_guess // HOUSEHOLDS_PER_GROUP)
    while len(population.residents) < residents:
        size = min(rng.choices(_SIZES, _SIZE_WEIGHTS)[0], residents - len(population.residents))
        household = maker.key("h")
        group = 1 + len(population.households) * groups // households_guess
        house = f"Số {rng.randint(1, 220)}"
        if rng.random() < 0.6:
            house += f" ngõ {rng.randint(1, 180)}"
        street = ("phố " if rng.random() < 0.6 else "đường ") + rng.choice(streets)
        population.households.append(
            {
                "id": household,
                "ward": ward,
                "group_name": f"Tổ dân phố {min(group, groups)}",
                "address": f"{house} {street}, {ward}, Hà Nội",
            }
        )
        members = _members(rng, size)
        families = [maker.family_name() if role != "child" else "" for _, _, role in members]
        adults = [(m[0], f) for m, f in zip(members, families, strict=True) if m[2] != "child"]
        father = next((f for sex, f in adults if sex == "male"), None) or maker.family_name()
        mother = next((f for sex, f in adults if sex == "female"), father)
        for (sex, age, role), own_family in zip(members, families, strict=True):
            birth = _birth(rng, age)
            if role == "child":  # the father's family name, now and then the mother's
                own_family = father if rng.random() < 0.95 else mother
            id_number = maker.id_number(birth, sex)
            population.residents.append(
                {
                    "id_number": id_number,
                    "household_id": household,
                    "full_name": maker.full_name(own_family, sex, birth.year),
                    "birth_date": birth,
                    "sex": sex,
                    "phone": maker.phone(age),
                }
            )
            _records(maker, population, id_number, birth, sex, age)
    return population


def _records(
    maker: _Maker, population: Population, owner: str, birth: date, sex: str, age: int
) -> None:
    """Vehicles and licences on file for one resident, by age."""
    rng = maker.rng
    if age < 18:
        return
    bikes = rng.choices((0, 1, 2, 3), (70, 30, 0, 0) if age > 75 else (25, 50, 20, 5))[0]
    cars = 0
    if 25 <= age <= 70:
        cars = rng.choices((0, 1, 2), (84, 14, 2))[0]
    for _ in range(bikes):
        kind = "electric_motorbike" if rng.random() < 0.12 else "motorbike"
        population.vehicles.append(maker.vehicle(owner, kind))
    for _ in range(cars):
        population.vehicles.append(maker.vehicle(owner, "car"))
    if rng.random() < (0.9 if bikes else 0.5):
        population.licences.append(maker.licence(owner, birth, sex, car=False))
    if rng.random() < (0.95 if cars else 0.1 if age <= 65 else 0.0):
        population.licences.append(maker.licence(owner, birth, sex, car=True))


def populate(
    engine: Engine, residents: int, seed: int = 1, ward: str = DEFAULT_WARD, replace: bool = False
) -> Population:
    """Generate a ward and bulk-insert it in one transaction, stamped with one change sequence."""
    ward = normalise_ward(ward)
    with engine.connect() as conn:
        present = conn.execute(
            select(func.count()).select_from(Household).where(Household.ward == ward)
        ).scalar_one()
        if present and not replace:
            raise DemoError("the ward already has a registry; use --replace to rebuild it")
        taken = set(conn.execute(select(Resident.id_number)).scalars())
    population = generate(residents, seed, ward, taken)

    def write(conn: Connection) -> None:
        if present:
            _clear(conn, ward)
        seq = next_seq(conn, ward)
        for row in population.households:
            row.update(seq=seq, removed=False)
        for row in population.residents:
            row.update(seq=seq, removed=False)
        for table, rows in (
            (Household, population.households),
            (Resident, population.residents),
            (Vehicle, population.vehicles),
            (Licence, population.licences),
        ):
            bulk_insert(conn, table, rows)

    run_write(engine, write)
    refresh_statistics(engine)
    return population


def _clear(conn: Connection, ward: str) -> None:
    """Delete a ward's registry outright (demo only: kiosks then download it afresh)."""
    homes = select(Household.id).where(Household.ward == ward).scalar_subquery()
    people = select(Resident.id_number).where(Resident.household_id.in_(homes)).scalar_subquery()
    conn.execute(delete(Vehicle).where(Vehicle.resident_id_number.in_(people)))
    conn.execute(delete(Licence).where(Licence.resident_id_number.in_(people)))
    conn.execute(delete(Resident).where(Resident.household_id.in_(homes)))
    conn.execute(delete(Household).where(Household.ward == ward))
