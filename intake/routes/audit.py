"""Audit heads: a station reports where its audit chain stands and gets it back signed."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from intake.audit_heads import record_head
from intake.routes.deps import UNAUTHORISED, EngineDep, StationDep
from kiosk.exchange.protocol import AuditHeadRequest, ErrorResponse, SignedAuditHead

router = APIRouter(prefix="/v1/audit", tags=["audit"])

REWRITTEN = "this audit row was reported before with another hash: the history was rewritten"


@router.post(
    "/head",
    response_model=SignedAuditHead,
    responses={
        **UNAUTHORISED,
        409: {"model": ErrorResponse, "description": "the row was reported with another hash"},
    },
)
def audit_head(body: AuditHeadRequest, station: StationDep, engine: EngineDep) -> SignedAuditHead:
    """Keep the station's audit head and sign it (DESIGN.md §6); 409 when it rewrites one kept."""
    signed = record_head(engine, station, body.seq, body.hash)
    if signed is None:
        raise HTTPException(status_code=409, detail=REWRITTEN)
    return signed
