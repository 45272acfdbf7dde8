"""Street and alley from the free-text address (kiosk.domain.address), on every shape of address the
demo ward, the reference and the other tests write, and on the traps of Vietnamese street names."""

from __future__ import annotations

import re

import pytest

from intake.demo import generate
from intake.demo_names import STREETS
from kiosk.domain.address import Place, natural_key, street_and_alley


@pytest.mark.parametrize(
    ("address", "street", "alley"),
    [
        # the demo ward's four shapes (intake/demo.py)
        ("Số 12 phố Quang Trung, Phường Yên Nghĩa, Hà Nội", "Phố Quang Trung", ""),
        ("Số 7 đường Lê Trọng Tấn, Phường Yên Nghĩa, Hà Nội", "Đường Lê Trọng Tấn", ""),
        ("Số 3 ngõ 34 phố Ba La, Phường Yên Nghĩa, Hà Nội", "Phố Ba La", "Ngõ 34"),
        ("Số 220 ngõ 180 đường Đa Sỹ, Phường Yên Nghĩa, Hà Nội", "Đường Đa Sỹ", "Ngõ 180"),
        # the brief's and the formats reference's
        ("Số 12, ngách 34/5, ngõ 34, phố Tô Hiệu", "Phố Tô Hiệu", "Ngõ 34 / ngách 34/5"),
        ("Số 1 ngõ 2 phố Huế, Phường Hai Bà Trưng, Hà Nội", "Phố Huế", "Ngõ 2"),
        ("Phường Tây Hồ, Hà Nội", "", ""),
        # the other tests' roster and card addresses
        ("Số 12 ngõ 5 phố Yên Nghĩa", "Phố Yên Nghĩa", "Ngõ 5"),
        ("Số 12, ngõ 5, phường Yên Nghĩa, quận Hà Đông, Hà Nội", "", "Ngõ 5"),
        ("Số 9 ngõ Huyền Bí", "", "Ngõ Huyền Bí"),
        ("Số 99 ngõ Mới", "", "Ngõ Mới"),
        ("Ngõ 3", "", "Ngõ 3"),
        ("Số 1", "", ""),
        ("—", "", ""),
        ("", "", ""),
    ],
)
def test_street_and_alley(address: str, street: str, alley: str) -> None:
    assert street_and_alley(address) == Place(street, alley)


@pytest.mark.parametrize(
    ("address", "street", "alley"),
    [
        # accents and case do not matter for the markers; values are capitalised
        ("so 5 ngo 12 duong nguyen trai", "Đường Nguyen Trai", "Ngõ 12"),
        ("SỐ 5 NGÕ 12 PHỐ TÔ HIỆU, PHƯỜNG HÀ ĐÔNG", "Phố Tô Hiệu", "Ngõ 12"),
        ("Số 5 Ngõ 12 Phố tô hiệu", "Phố Tô Hiệu", "Ngõ 12"),
        # a name word with other accents is no marker: Dương is not đường
        ("Số 8 phố Dương Khuê", "Phố Dương Khuê", ""),
        # a marker's first word is its value: the street called "Đường Thành"
        ("Số 8 phố Đường Thành", "Phố Đường Thành", ""),
        # "Thị" alone is a name; "thị xã" starts the administrative tail
        ("Số 5 đường Nguyễn Thị Minh Khai Phường Yên Nghĩa", "Đường Nguyễn Thị Minh Khai", ""),
        ("Số 3 hẻm 12/3 đường Lê Lợi thị xã Sơn Tây", "Đường Lê Lợi", "Hẻm 12/3"),
        ("Số 3 hẻm 12/3 đường Lê Lợi, Thành phố Sơn Tây", "Đường Lê Lợi", "Hẻm 12/3"),
        # the residential group is skipped; "số" after a marker goes; "Xa La" is a street's name
        ("Tổ dân phố 5, ngõ số 8, phố Xa La", "Phố Xa La", "Ngõ 8"),
        # the first street wins; every alley level keeps its order
        ("Số 2, ngách 7, hẻm 4, ngõ 9, đường Láng, phố Chùa Láng", "Đường Láng",
         "Ngõ 9 / ngách 7 / hẻm 4"),
        # a marker with nothing after it names nothing
        ("Số 2 ngõ, phố Huế", "Phố Huế", ""),
    ],
)  # fmt: skip
def test_the_rule_on_hard_cases(address: str, street: str, alley: str) -> None:
    assert street_and_alley(address) == Place(street, alley)


@pytest.mark.parametrize("ward", sorted(STREETS))
def test_every_demo_address(ward: str) -> None:
    """Every household of a demo ward: the street is one of the ward's, as written, and the
    alley is the address's ngõ."""
    population = generate(400, 3, ward)
    shape = re.compile(r"^Số \d+(?: ngõ (\d+))? (phố|đường) (.+), " + re.escape(ward) + ", Hà Nội$")
    for household in population.households:
        found = shape.match(household["address"])
        assert found is not None, household["address"]
        lane, marker, name = found.groups()
        place = street_and_alley(household["address"])
        assert name in STREETS[ward]
        assert place.street == f"{marker.capitalize()} {name}"
        assert place.alley == (f"Ngõ {lane}" if lane else "")


def test_natural_order() -> None:
    groups = ["Tổ dân phố 10", "Tổ dân phố 2", "tổ dân phố 1", "Tổ dân phố 1A"]
    assert sorted(groups, key=natural_key) == [
        "tổ dân phố 1", "Tổ dân phố 1A", "Tổ dân phố 2", "Tổ dân phố 10",
    ]  # fmt: skip
    houses = ["Số 12 ngõ 3 phố Huế", "Số 9 ngõ 3 phố Huế", "Số 100 ngõ 3 phố Huế"]
    assert sorted(houses, key=natural_key) == [houses[1], houses[0], houses[2]]
    assert natural_key("Đường Láng") == natural_key("duong lang")
