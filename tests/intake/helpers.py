"""Helpers of the intake server's tests; the server under test lives in :mod:`tests.support.intake`."""

from __future__ import annotations

from typing import Any

from tests.strategies.payloads import make_payload, make_resident
from tests.support.intake import (
    BACKENDS,
    PG_ENV,
    Server,
    Station,
    fresh_database,
    item,
    reference,
    running_server,
)

__all__ = [
    "BACKENDS",
    "PG_ENV",
    "Server",
    "Station",
    "fresh_database",
    "item",
    "reference",
    "resident_payload",
    "running_server",
]


def resident_payload(station: Station, n: int, resident: dict[str, Any]) -> dict[str, Any]:
    """A valid payload for a resident on file (vehicles and licences left out)."""
    return make_payload(
        station_id=station.id,
        reference=reference(n),
        resident=make_resident(**resident),
        vehicles=[],
        licences=[],
        warnings_acknowledged=[],
    )
