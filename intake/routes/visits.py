"""Visit outcomes: the idempotent batch, numbered in order of arrival (DESIGN.md §5)."""

from __future__ import annotations

from fastapi import APIRouter

from intake.routes.deps import UNAUTHORISED, EngineDep, StationDep, StepAsideDep
from intake.visits import process_visits
from kiosk.exchange.protocol import VisitBatchRequest, VisitBatchResponse

router = APIRouter(prefix="/v1", tags=["visits"])


@router.post("/visits/batch", response_model=VisitBatchResponse, responses=UNAUTHORISED)
def visit_batch(
    body: VisitBatchRequest, station: StationDep, engine: EngineDep, step_aside: StepAsideDep
) -> VisitBatchResponse:
    """Store up to 100 visit outcomes; one result per item, in order, with its arrival number."""
    return VisitBatchResponse(results=process_visits(engine, station, body.items, step_aside))
