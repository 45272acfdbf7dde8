"""The protocol contract: schemathesis drives every operation of the server's OpenAPI document.

No generated input may make the server answer 500, and every answer must match the schema
(status code, headers, body).  Calls carry a valid station token; schemathesis also checks that
calls without one are refused.  The schema is the app's own (``create_app(...).openapi()``), and a
test checks it is what ``/openapi.json`` serves.
"""

from __future__ import annotations

from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from sqlalchemy import Connection, insert

from intake.app import create_app
from intake.clock import utcnow
from intake.config import Settings
from intake.db import run_write
from intake.demo import populate
from intake.keys import digest
from intake.models import RateBucket, Station
from tests.intake.helpers import Server

WARD = "Phường Bồ Đề"
OPENAPI = create_app(Settings(database_url="sqlite://")).openapi()

schema = schemathesis.openapi.from_dict(OPENAPI)
TOKEN = "contract-test-station-token"  # a station the fixture writes with this very token


@schema.auth()
class StationToken:
    """The station's bearer token, applied the way schemathesis knows (not as a plain header)."""

    def get(self, case: Any, ctx: Any) -> str:
        """The fixed token of the contract tests' station."""
        return TOKEN

    def set(self, case: Any, data: str, ctx: Any) -> None:
        """Send it in the Authorization header."""
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


@pytest.fixture(scope="module")
def station(server: Server) -> None:
    """A station of a small demo ward holding TOKEN, so lookups and the roster have something."""
    populate(server.engine, 60, seed=3, ward=WARD)

    def write(conn: Connection) -> None:
        now = utcnow()
        conn.execute(
            insert(Station).values(
                id="st-contract",
                name="contract",
                ward=WARD,
                group_name="Tổ dân phố 1",
                signing_key="A" * 43 + "=",
                token_hash=digest(TOKEN),
                created_at=now,
            )
        )
        conn.execute(
            insert(RateBucket).values(station_id="st-contract", tokens=1e6, updated=now.timestamp())
        )

    run_write(server.engine, write)


def test_the_schema_tested_is_the_one_served(server: Server) -> None:
    with requests.get(f"{server.url}/openapi.json", timeout=30) as answer:
        assert answer.status_code == 200
        assert answer.json() == OPENAPI


@schema.parametrize()
@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@pytest.mark.usefixtures("station")
def test_every_operation_keeps_the_contract(case: Any, server: Server) -> None:
    case.call_and_validate(base_url=server.url, timeout=60)
