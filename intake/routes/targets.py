"""Daily targets: the kiosks' changes (idempotent, numbered in order of arrival) and the ward's
targets changed since a number (DESIGN.md §5)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from intake.routes.deps import UNAUTHORISED, EngineDep, StationDep, StepAsideDep
from intake.targets import process_targets, targets_page
from kiosk.exchange.protocol import (
    MAX_AUDIT_SEQ,
    MAX_TARGETS_PAGE,
    TargetBatchRequest,
    TargetBatchResponse,
    TargetsPage,
)

router = APIRouter(prefix="/v1", tags=["targets"])


@router.post("/targets/batch", response_model=TargetBatchResponse, responses=UNAUTHORISED)
def target_batch(
    body: TargetBatchRequest, station: StationDep, engine: EngineDep, step_aside: StepAsideDep
) -> TargetBatchResponse:
    """Store up to 100 target changes; one result per item, in order, with its arrival number."""
    return TargetBatchResponse(results=process_targets(engine, station, body.items, step_aside))


@router.get("/targets", response_model=TargetsPage, responses=UNAUTHORISED)
def targets(
    station: StationDep,
    engine: EngineDep,
    since: Annotated[
        int, Query(ge=0, le=MAX_AUDIT_SEQ, description="the last arrival the kiosk holds")
    ] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_TARGETS_PAGE, description="targets per page")] = (
        MAX_TARGETS_PAGE
    ),
) -> TargetsPage:
    """The station's ward's current targets changed after ``since``, in order of arrival."""
    return TargetsPage.model_validate(targets_page(engine, station.ward, since, limit))
