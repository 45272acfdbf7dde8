"""What every route needs: the engine, the settings, and the calling station (bearer token).

The dependencies that only read the app's state are ``async``: FastAPI runs a plain ``def``
dependency in its thread pool, and each such hop of a lookup waits for the interpreter behind the
upload batches in flight (``bench/bench_load.py``, lookup p99 under the flood).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Connection, Engine

from intake.admission import Interactive
from intake.auth import StationInfo, station_for_token
from intake.config import Settings
from intake.ratelimit import LookupLimiter
from kiosk.exchange.protocol import ErrorResponse

_bearer = HTTPBearer(auto_error=False, description="the station's token from enrolment")

UNAUTHORISED: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorResponse, "description": "token missing, unknown or revoked"}
}


async def get_engine(request: Request) -> Engine:
    """The app's database engine (created at start-up)."""
    engine: Engine = request.app.state.engine
    return engine


async def get_settings(request: Request) -> Settings:
    """The app's settings."""
    settings: Settings = request.app.state.settings
    return settings


async def get_limiter(request: Request) -> LookupLimiter:
    """The app's lookup rate limiter (one per server process)."""
    limiter: LookupLimiter = request.app.state.lookup_limiter
    return limiter


async def step_aside(request: Request) -> Callable[[], None]:
    """What bulk work calls between its units: it waits there while a lookup runs."""
    interactive: Interactive = request.app.state.interactive
    return interactive.step_aside


def station_of(
    source: Engine | Connection, credentials: HTTPAuthorizationCredentials | None
) -> StationInfo:
    """The station whose token came with the call, or 401 (the kiosk stops uploading and says so)."""
    station = None
    if credentials is not None and credentials.credentials:
        station = station_for_token(source, credentials.credentials)
    if station is None:
        raise HTTPException(
            status_code=401,
            detail="token missing, unknown or revoked",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return station


def current_station(
    engine: Annotated[Engine, Depends(get_engine)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> StationInfo:
    """The calling station, on a connection of its own (:func:`station_of`)."""
    return station_of(engine, credentials)


EngineDep = Annotated[Engine, Depends(get_engine)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
StationDep = Annotated[StationInfo, Depends(current_station)]
CredentialsDep = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
LimiterDep = Annotated[LookupLimiter, Depends(get_limiter)]
StepAsideDep = Annotated[Callable[[], None], Depends(step_aside)]
