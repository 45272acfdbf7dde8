"""The demo population: realistic, valid by the kiosk's own rules, deterministic for a seed."""

from __future__ import annotations

import random
from collections import Counter
from datetime import date

import pytest

from intake.demo import AS_OF, Population, generate
from kiosk.domain.identity import check_id_matches, check_name, parse_id_number
from kiosk.domain.licences import check_licence
from kiosk.domain.phone import parse_phone
from kiosk.domain.plates import check_chassis_number, check_engine_number, parse_plate

WARD = "Phường Kiến Hưng"


@pytest.fixture(scope="module")
def population() -> Population:
    """A ward of 5,000 people."""
    return generate(5000, seed=42, ward="kiến hưng")


def test_same_seed_same_ward_different_seed_different_people(population: Population) -> None:
    again = generate(5000, seed=42, ward=WARD)
    assert again == population
    other = generate(5000, seed=43, ward=WARD)
    assert other.residents[0]["id_number"] != population.residents[0]["id_number"]


def test_households_and_addresses(population: Population) -> None:
    assert population.ward == WARD
    assert len(population.residents) == 5000
    sizes = Counter(r["household_id"] for r in population.residents)
    assert set(sizes.values()) <= set(range(1, 7))
    assert set(sizes) == {h["id"] for h in population.households}
    groups = {h["group_name"] for h in population.households}
    assert groups == {f"Tổ dân phố {n}" for n in range(1, len(groups) + 1)}
    for household in population.households:
        assert household["address"].startswith("Số ")
        assert household["address"].endswith(f", {WARD}, Hà Nội")


def test_people_are_valid_by_the_kiosk_rules(population: Population) -> None:
    ids = [r["id_number"] for r in population.residents]
    assert len(set(ids)) == len(ids)
    sample = random.Random(1).sample(population.residents, 800)
    for resident in sample:
        parsed = parse_id_number(resident["id_number"], today=AS_OF)
        check_id_matches(parsed, resident["birth_date"], resident["sex"])
        assert check_name(resident["full_name"]) == resident["full_name"]
        assert len(resident["full_name"].split()) == 3
        if resident["phone"] is not None:
            assert parse_phone(resident["phone"]).value == resident["phone"]
    provinces = Counter(r["id_number"][:3] for r in population.residents)
    assert 0.75 < provinces["001"] / len(ids) < 0.95
    families = Counter(r["full_name"].split()[0] for r in population.residents)
    assert families.most_common(1)[0][0] == "Nguyễn"
    assert 0.30 < families["Nguyễn"] / len(ids) < 0.46
    assert {"Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"} <= set(families)
    thi = [r for r in population.residents if r["full_name"].split()[1] == "Thị"]
    assert thi and all(r["sex"] == "female" for r in thi)


def test_vehicles_are_valid_and_mostly_motorbikes(population: Population) -> None:
    plates = [v["plate"] for v in population.vehicles]
    assert len(set(plates)) == len(plates)
    for vehicle in population.vehicles:
        plate = parse_plate(vehicle["plate"], vehicle["kind"])
        assert plate.display == vehicle["plate"]
        assert plate.province_code in {"29", "30", "31", "32", "33", "40"}
        if vehicle["chassis_number"] is not None:
            assert check_chassis_number(vehicle["chassis_number"], vehicle["kind"]) == (
                vehicle["chassis_number"],
                (),
            )
        if vehicle["engine_number"] is not None:
            assert check_engine_number(vehicle["engine_number"]) == vehicle["engine_number"]
        if vehicle["owner_id_number"] is not None:
            parse_id_number(vehicle["owner_id_number"], today=AS_OF)
        if vehicle["owner_name"] is not None:
            check_name(vehicle["owner_name"])
    kinds = Counter(v["kind"] for v in population.vehicles)
    assert kinds["motorbike"] > 4 * kinds["car"] > 0
    assert kinds["electric_motorbike"] > 0
    previous = sum(v["owner_name"] is not None for v in population.vehicles)
    assert 0.05 < previous / len(population.vehicles) < 0.25
    adults = {r["id_number"] for r in population.residents if r["birth_date"] <= date(2007, 12, 31)}
    assert {v["resident_id_number"] for v in population.vehicles} <= adults


def test_licences_of_both_schemes_are_valid(population: Population) -> None:
    numbers = [lic["number"] for lic in population.licences]
    assert len(set(numbers)) == len(numbers)
    births = {r["id_number"]: r["birth_date"] for r in population.residents}
    for licence in population.licences:
        warnings = check_licence(
            licence["number"],
            licence["class"],
            licence["scheme"],
            licence["issue_date"],
            licence["expiry_date"],
        )
        if (licence["scheme"], licence["class"]) != ("2008", "B1"):
            assert "licence.expiry_unexpected" not in warnings
        assert licence["issue_date"] <= AS_OF
        birth = births[licence["resident_id_number"]]
        assert (licence["issue_date"] - birth).days >= 18 * 365
    schemes = Counter(lic["scheme"] for lic in population.licences)
    assert schemes["2008"] > schemes["2024"] > 0
