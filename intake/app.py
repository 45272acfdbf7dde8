"""The FastAPI application: ``create_app(settings)`` is the server's composition root."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import Response

from intake.admission import Admission, AdmissionControl
from intake.config import Settings
from intake.db import make_engine
from intake.middleware import SafeErrors
from intake.routes import registry, reports, stations, submissions

VERSION = "1"
HEALTH_PATH = "/v1/health"  # answers even under overload: never queued or refused
_UNPARSABLE = "There was an error parsing the body"  # FastAPI's 400 for a body json cannot read


def _validation_response(errors: Any) -> Response:
    """422 in FastAPI's shape, as ASCII JSON: echoed input may hold lone surrogates UTF-8 cannot."""
    body = json.dumps({"detail": jsonable_encoder(errors)}, ensure_ascii=True)
    return Response(body, status_code=422, media_type="application/json")


async def _on_validation_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    return _validation_response(exc.errors())


async def _on_http_error(request: Request, exc: Exception) -> Response:
    """A body that is not JSON at all (bad UTF-8, nested too deep) is a 422 like malformed JSON."""
    assert isinstance(exc, HTTPException)
    if exc.status_code == 400 and exc.detail == _UNPARSABLE:
        error = {"type": "json_invalid", "loc": ["body"], "msg": "body is not readable JSON"}
        return _validation_response([error])
    return await http_exception_handler(request, exc)


def create_app(settings: Settings) -> FastAPI:
    """The intake server for ``settings``; the engine opens at start-up and closes at shutdown.

    The schema must be current (``kiosk-intake migrate``; ``serve`` migrates before it starts).
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = make_engine(settings.database_url)
        app.state.engine = engine
        try:
            yield
        finally:
            engine.dispose()

    app = FastAPI(
        title="Kiosk intake server",
        version=VERSION,
        summary="Intake protocol v1 (DESIGN.md §5): enrolment, uploads, registry, reports.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    for area in (stations, submissions, registry, reports):
        # Per route, not app-wide: Starlette's limit then answers 413 inside the route, and its
        # control-flow exceptions never reach SafeErrors (which would log them as errors).
        app.include_router(area.router, max_body_size=settings.max_body_bytes)
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(HTTPException, _on_http_error)
    app.add_middleware(SafeErrors)
    admission = Admission(
        limit=settings.max_in_flight,
        queue=settings.queue_length,
        wait=settings.queue_wait,
        retry_after=settings.retry_after,
    )
    app.add_middleware(AdmissionControl, admission=admission, bypass={HEALTH_PATH})
    return app
