"""Synthetic residents for store tests: valid ID numbers and Vietnamese names, never real people."""

from __future__ import annotations

import random
from datetime import date
from typing import Any

from kiosk.domain.identity import PROVINCES
from tests.strategies.identity import FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES

_PROVINCE_CODES = sorted(PROVINCES)


def make_resident(rng: random.Random, index: int) -> dict[str, Any]:
    """One roster resident (shape of DESIGN.md §5) with a unique ID number for ``index``."""
    sex = rng.choice(("male", "female"))
    born = date(rng.randint(1940, 2005), rng.randint(1, 12), rng.randint(1, 28))
    century = 0 if born.year < 2000 else 2
    digit = century + (1 if sex == "female" else 0)
    code = rng.choice(_PROVINCE_CODES)
    id_number = f"{code}{digit}{born.year % 100:02d}{index % 1_000_000:06d}"
    name = " ".join(
        (rng.choice(FAMILY_NAMES), rng.choice(MIDDLE_NAMES[sex]), rng.choice(GIVEN_NAMES))
    )
    return {
        "id_number": id_number,
        "full_name": name,
        "birth_date": born.isoformat(),
        "sex": sex,
        "phone": f"09{rng.randint(10_000_000, 99_999_999)}",
        "vehicles": [
            {
                "id": f"v-{index}",
                "plate": f"30A-{index % 1000:03d}.{rng.randint(10, 99)}",
                "kind": "car",
                "brand": "Toyota",
                "model": "Vios",
                "colour": "Trắng",
                "chassis_number": None,
                "engine_number": None,
                "registered_owner": None,
            }
        ],
        "licences": [
            {
                "id": f"l-{index}",
                "number": f"01{index % 10**10:010d}",
                "class": "B",
                "scheme": "2024",
                "issue_date": "2025-03-01",
                "expiry_date": "2035-03-01",
            }
        ],
        "cleaned": None,
    }
