"""The ward's registry for kiosks: the roster in pages, and lookups by ID number (rate-limited)."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Response

from intake.db import quick_read
from intake.roster import BadCursor, Cursor, lookup, roster_page
from intake.routes.deps import (
    UNAUTHORISED,
    CredentialsDep,
    EngineDep,
    LimiterDep,
    StationDep,
    station_of,
)
from kiosk.exchange.protocol import ErrorResponse, LookupRequest, LookupResponse, RosterPage

router = APIRouter(prefix="/v1", tags=["registry"])

PAGE_DEFAULT = 500
PAGE_MAX = 2000


def _json(body: dict[str, Any]) -> Response:
    """Serialise a response built from plain rows: no second pass through pydantic models."""
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    return Response(content=text.encode("utf-8"), media_type="application/json")


ROSTER_RESPONSES: dict[int | str, dict[str, Any]] = {
    **UNAUTHORISED,
    409: {
        "model": ErrorResponse,
        "description": "the cursor is not from this server's roster: start again with no cursor",
    },
}


@router.get("/roster", response_model=RosterPage, responses=ROSTER_RESPONSES)
def roster(
    station: StationDep,
    engine: EngineDep,
    cursor: Annotated[str, Query(max_length=512, description="opaque; empty to start")] = "",
    limit: Annotated[int, Query(ge=1, le=PAGE_MAX, description="households per page")] = (
        PAGE_DEFAULT
    ),
) -> Response:
    """The station's ward in pages of whole households; later passes carry only what changed."""
    try:
        page = roster_page(engine, station.ward, Cursor.decode(cursor), limit)
    except BadCursor:
        raise HTTPException(
            status_code=409, detail="cursor not from this roster; download it again from the start"
        ) from None
    return _json(page)


LOOKUP_RESPONSES: dict[int | str, dict[str, Any]] = {
    **UNAUTHORISED,
    404: {"model": ErrorResponse, "description": "no such resident in the station's ward"},
    429: {
        "model": ErrorResponse,
        "description": "too many lookups from this station; wait Retry-After seconds",
        "headers": {"Retry-After": {"schema": {"type": "integer"}}},
    },
}


@router.post("/registry/lookup", response_model=LookupResponse, responses=LOOKUP_RESPONSES)
def registry_lookup(
    body: LookupRequest, credentials: CredentialsDep, engine: EngineDep, limiter: LimiterDep
) -> Response:
    """A resident of the station's ward with their vehicles and licences on file, or 404.

    The token and the resident are read on one connection, with no transaction around them: a
    lookup is the interactive call, and under an upload flood each thread-pool hop and each
    round trip to the database waits its turn for the processor (``bench/bench_load.py``)."""
    with quick_read(engine) as conn:
        station = station_of(conn, credentials)
        wait = limiter.take(station.id)
        if wait is not None:
            raise HTTPException(
                status_code=429,
                detail="too many lookups; try again later",
                headers={"Retry-After": str(wait)},
            )
        found = lookup(conn, station.ward, body.id_number)
    if found is None:
        raise HTTPException(status_code=404, detail="no such resident in this ward")
    return _json(found)
