"""Failures: an unexpected error answers 500 with a `Date` and is logged without the data."""

from __future__ import annotations

import logging
from collections.abc import Sequence

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from intake.auth import StationInfo
from intake.db import make_engine
from intake.models import Base
from intake.routes import submissions
from kiosk.exchange.protocol import BatchItem
from tests.intake.helpers import Server, Station


def test_an_unexpected_error_is_a_500_without_personal_data(
    server: Server,
    station: Station,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(
        _engine: object, _station: StationInfo, items: Sequence[BatchItem], *_: object
    ) -> None:
        raise ValueError(items[0].payload["resident"]["id_number"])  # a careless message

    monkeypatch.setattr(submissions, "process_batch", broken)
    with caplog.at_level(logging.ERROR, logger="intake"):
        answer = station.post("/v1/submissions/batch", {"items": [station.submission(1)]})
    assert answer.status_code == 500
    assert answer.json() == {"detail": "internal server error"}
    assert "date" in answer.headers
    assert "ValueError" in caplog.text
    assert "001090012345" not in caplog.text


def test_the_migrations_build_what_the_models_say(database_url: str) -> None:
    engine = make_engine(database_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, Base.metadata) == []
    finally:
        engine.dispose()
