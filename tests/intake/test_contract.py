"""The protocol contract: schemathesis drives every operation of the server's OpenAPI document.

No generated input may make the server answer 500, and every answer must match the schema
(status code, headers, body).  Calls carry a valid station token; schemathesis also checks that
calls without one are refused.  The schema is the app's own (``create_app(...).openapi()``), and a
test checks it is what ``/openapi.json`` serves.

Batch items as the schema alone generates them never carry the SHA-256 of their payload, so they
would all stop at the hash check.  A hook gives most generated items the right hash, and many a
valid payload of the contract station (``tests.strategies.payloads``), so validation and the insert
run through HTTP too; a last test checks that items were ``accepted`` and are stored.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, func, insert, select

from intake.app import create_app
from intake.clock import utcnow
from intake.config import Settings
from intake.db import run_write
from intake.demo import populate
from intake.keys import digest
from intake.models import Station, Submission
from kiosk.domain.payload import payload_sha256
from kiosk.exchange.protocol import SHA256_PATTERN
from tests.intake.helpers import Server
from tests.strategies.payloads import payloads

WARD = "Phường Bồ Đề"
OPENAPI = create_app(Settings(database_url="sqlite://")).openapi()

schema = schemathesis.openapi.from_dict(OPENAPI)
TOKEN = "contract-test-station-token"  # a station the fixture writes with this very token
STATION_ID = "st-contract"
BATCH = "/v1/submissions/batch"
RESULTS: dict[str, Counter[str]] = {}
"""Per server URL: the batch item statuses the fuzzing got back (``calls``: batch calls answered)."""

_KEEP, _HASHED, _VALID = "keep", "hashed", "valid"
_HOW = st.sampled_from((_KEEP, _HASHED, _VALID, _VALID))  # half the items valid, ¼ hash only
_VALID_PAYLOADS = payloads().map(lambda p: {**p, "station_id": STATION_ID})


@schema.auth()
class StationToken:
    """The station's bearer token, applied the way schemathesis knows (not as a plain header)."""

    def get(self, case: Any, ctx: Any) -> str:
        """The fixed token of the contract tests' station."""
        return TOKEN

    def set(self, case: Any, data: str, ctx: Any) -> None:
        """Send it in the Authorization header."""
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


def _hashed(payload: Any, sha256: Any) -> Any:
    """The SHA-256 of ``payload`` when it has one (valid Unicode, JSON), else ``sha256`` as it was."""
    try:
        return payload_sha256(payload)
    except (ValueError, TypeError, RecursionError):  # a lone surrogate, say: stays a mismatch
        return sha256


def _rewrite(item: Any, how: str, valid: dict[str, Any]) -> Any:
    """A generated item with the hash of its payload, or with a valid payload and its hash.

    Only an item whose ``sha256`` already has the schema's shape is rewritten: a negative case
    that broke it (schemathesis checks such requests are refused) stays broken.
    """
    if how == _KEEP or not isinstance(item, dict) or not isinstance(item.get("payload"), dict):
        return item
    if not isinstance(item.get("sha256"), str) or not re.fullmatch(SHA256_PATTERN, item["sha256"]):
        return item
    payload = valid if how == _VALID else item["payload"]
    return {**item, "payload": payload, "sha256": _hashed(payload, item.get("sha256"))}


@schema.hook
def flatmap_body(ctx: Any, body: Any) -> st.SearchStrategy[Any]:
    """Batch bodies whose items mostly carry the right hash, and often a valid payload."""
    items = body.get("items") if isinstance(body, dict) else None
    if ctx.operation is None or ctx.operation.path != BATCH or not isinstance(items, list):
        return st.just(body)
    n = len(items)
    choices = st.tuples(
        st.lists(_HOW, min_size=n, max_size=n), st.lists(_VALID_PAYLOADS, min_size=n, max_size=n)
    )
    return choices.map(
        lambda drawn: {
            **body,
            "items": [_rewrite(i, how, p) for i, how, p in zip(items, *drawn, strict=True)],
        }
    )


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
    results = RESULTS.setdefault(server.url, Counter())
    response = case.call_and_validate(base_url=server.url, timeout=60)
    if case.operation.path == BATCH and response.status_code == 200:
        results["calls"] += 1
        results.update(r["status"] for r in response.json()["results"])


@pytest.mark.usefixtures("station")
def test_the_fuzzing_reached_the_insert_path(server: Server) -> None:
    """Generated items got through the hash check and validation and were stored, as answered."""
    if server.url not in RESULTS:
        pytest.skip("test_every_operation_keeps_the_contract did not run on this server")
    results = RESULTS[server.url]
    with server.engine.connect() as conn:
        query = select(func.count()).select_from(Submission)
        stored = conn.execute(query.where(Submission.station_id == STATION_ID)).scalar_one()
    assert results["calls"] > 0, results
    assert results["accepted"] >= 5, results
    assert results["invalid"] > 0, results  # validation (or the hash check) refused some
    assert stored == results["accepted"], results
