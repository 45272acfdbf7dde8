"""Daily counts for the ward's reports, and the health check."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.exceptions import RequestValidationError
from pydantic import WithJsonSchema
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from intake.clock import utcnow, vietnam_iso
from intake.routes.deps import UNAUTHORISED, EngineDep, StationDep
from intake.stats import ward_stats
from kiosk.domain.errors import DomainError
from kiosk.domain.identity import parse_date
from kiosk.exchange.protocol import HealthResponse, StatsResponse

router = APIRouter(prefix="/v1", tags=["reports"])


DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


@router.get("/stats", response_model=StatsResponse, responses=UNAUTHORISED)
def stats(
    station: StationDep,
    engine: EngineDep,
    day: Annotated[
        str | None,
        WithJsonSchema({"type": "string", "format": "date", "pattern": DATE_PATTERN}),
        Query(alias="date", pattern=DATE_PATTERN, description="YYYY-MM-DD; every day if absent"),
    ] = None,
) -> StatsResponse:
    """Residents and submissions per day and residential group in the station's ward."""
    when = None
    if day is not None:
        try:
            when = parse_date(day)
        except DomainError:
            error = {
                "type": "date_from_datetime_parsing",
                "loc": ("query", "date"),
                "msg": "not a real date",
            }
            raise RequestValidationError([error]) from None
    return StatsResponse.model_validate(ward_stats(engine, station.ward, when))


@router.get("/health", response_model=HealthResponse)
def health(engine: EngineDep) -> HealthResponse:
    """Always answers; says whether the database answered too."""
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        database = True
    except SQLAlchemyError:
        database = False
    return HealthResponse.model_validate(
        {
            "status": "ok" if database else "degraded",
            "database": database,
            "time": vietnam_iso(utcnow()),
        }
    )
