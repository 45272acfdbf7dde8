"""Enrolment: a kiosk trades a one-time code for its station id and token."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from intake.auth import enrol
from intake.routes.deps import EngineDep
from kiosk.exchange.protocol import EnrolRequest, EnrolResponse, ErrorResponse

router = APIRouter(prefix="/v1/stations", tags=["stations"])


@router.post(
    "/enrol",
    response_model=EnrolResponse,
    responses={403: {"model": ErrorResponse, "description": "code unknown, used or expired"}},
)
def enrol_station(body: EnrolRequest, engine: EngineDep) -> EnrolResponse:
    """Enrol a kiosk to the ward and residential group its code was issued for."""
    enrolled = enrol(engine, body)
    if enrolled is None:
        raise HTTPException(status_code=403, detail="enrolment code unknown, used or expired")
    return enrolled
