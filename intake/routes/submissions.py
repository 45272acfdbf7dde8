"""Uploads: the idempotent batch, the lookup of submissions by id, and the reconciliation when an
evening session closes."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from intake.routes.deps import UNAUTHORISED, EngineDep, StationDep, StepAsideDep
from intake.submissions import close_session, find_submissions, process_batch
from kiosk.exchange.protocol import (
    SUBMISSION_ID_PATTERN,
    BatchRequest,
    BatchResponse,
    SessionCloseRequest,
    SessionCloseResponse,
    SubmissionLookupRequest,
    SubmissionLookupResponse,
)

router = APIRouter(prefix="/v1", tags=["submissions"])


@router.post("/submissions/batch", response_model=BatchResponse, responses=UNAUTHORISED)
def submit_batch(
    body: BatchRequest, station: StationDep, engine: EngineDep, step_aside: StepAsideDep
) -> BatchResponse:
    """Store up to 100 submissions; one result per item, in order (DESIGN.md §5)."""
    results = process_batch(engine, station, body.items, step_aside)
    return BatchResponse(results=results)


@router.post("/submissions/lookup", response_model=SubmissionLookupResponse, responses=UNAUTHORISED)
def lookup_submissions(
    body: SubmissionLookupRequest, station: StationDep, engine: EngineDep
) -> SubmissionLookupResponse:
    """Which of these ids this station's submissions hold, with their hashes (DESIGN.md §5)."""
    return SubmissionLookupResponse(found=find_submissions(engine, station, body.ids))


@router.post(
    "/sessions/{session_id}/close", response_model=SessionCloseResponse, responses=UNAUTHORISED
)
def close(
    session_id: Annotated[str, Path(pattern=SUBMISSION_ID_PATTERN)],
    body: SessionCloseRequest,
    station: StationDep,
    engine: EngineDep,
) -> SessionCloseResponse:
    """Reconcile an evening session: the ids the server does not have from this station."""
    return SessionCloseResponse(missing=close_session(engine, station, session_id, body.ids))
