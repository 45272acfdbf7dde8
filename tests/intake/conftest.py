"""Fixtures of the intake server tests: each module gets a fresh database per backend and a server.

SQLite always; PostgreSQL too when ``INTAKE_TEST_DATABASE_URL`` is set (a fresh schema per module,
dropped afterwards).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.intake.helpers import BACKENDS, Server, Station, fresh_database, running_server

FAST = {"lookup_burst": 1000, "lookup_per_minute": 60_000.0, "max_in_flight": 100}
"""Settings for tests that are not about the rate limit or admission control (test_overload)."""


@pytest.fixture(scope="module", params=BACKENDS)
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A migrated, empty database for this module on each backend."""
    with fresh_database(request.param, tmp_path_factory.mktemp("intake")) as url:
        yield url


@pytest.fixture(scope="module")
def server(database_url: str) -> Iterator[Server]:
    """The intake server on that database, for the module's tests."""
    with running_server(database_url, **FAST) as running:
        yield running


@pytest.fixture
def station(server: Server) -> Station:
    """A newly enrolled station (Phường Yên Nghĩa, Tổ dân phố 1)."""
    return server.enrol()
