"""The FastAPI application: ``create_app(settings)`` is the server's composition root."""

from __future__ import annotations

import gc
import json
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import Response

from intake.admission import Admission, AdmissionControl, Interactive
from intake.auth import station_for_token
from intake.config import Settings
from intake.db import make_engine
from intake.middleware import SafeErrors
from intake.ratelimit import LookupLimiter
from intake.routes import audit, registry, reports, stations, submissions, targets, visits

VERSION = "1"
HEALTH_PATH = "/v1/health"  # answers even under overload: never queued or refused
_UNPARSABLE = "There was an error parsing the body"  # FastAPI's 400 for a body json cannot read


MAX_PROBLEMS = 20  # a 422 lists at most this many problems: its size never grows with the input
_MAX_SEGMENT = 64  # a path segment longer than any field name can only be input: left out


def _pointer(loc: Sequence[object]) -> str:
    """JSON Pointer (RFC 6901) of a location ``("body", "items", 0, "id")`` -> ``/body/items/0/id``."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in loc)


def _problem(error: Mapping[str, Any]) -> dict[str, str]:
    """Where and which rule, never the value: pydantic's ``input``, ``ctx`` and ``msg`` quote it.

    The location names the request part first (``body``, ``query``, ``path``, ``header``).  A key
    the request should not have is named by the object holding it: the key itself is input.
    """
    loc = [part for part in error.get("loc", ()) if isinstance(part, str | int)]
    code = str(error.get("type", "invalid"))
    if code == "extra_forbidden" and loc:
        loc = loc[:-1]
    loc = [part for part in loc if not isinstance(part, str) or len(part) <= _MAX_SEGMENT]
    return {"path": _pointer(loc), "code": code[:_MAX_SEGMENT]}


def _validation_response(errors: Sequence[Mapping[str, Any]]) -> Response:
    """422 as ``{"detail": [{"path", "code"}]}``: JSON Pointer paths and rule codes only (§6).

    The body never quotes the input (personal data, or kilobytes of it), and stays small: the same
    problem once, at most :data:`MAX_PROBLEMS` of them.
    """
    problems: list[dict[str, str]] = []
    for error in errors:
        problem = _problem(error)
        if problem not in problems:
            problems.append(problem)
        if len(problems) == MAX_PROBLEMS:
            break
    body = json.dumps({"detail": problems}, ensure_ascii=True)
    return Response(body, status_code=422, media_type="application/json")


async def _on_validation_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    return _validation_response(exc.errors())


async def _on_http_error(request: Request, exc: Exception) -> Response:
    """A body that is not JSON at all (bad UTF-8, nested too deep) is a 422 like malformed JSON."""
    assert isinstance(exc, HTTPException)
    if exc.status_code == 400 and exc.detail == _UNPARSABLE:
        return _validation_response([{"type": "json_invalid", "loc": ["body"]}])
    return await http_exception_handler(request, exc)


def _validation_schemas() -> dict[str, Any]:
    """The OpenAPI components of the 422 body, in place of FastAPI's (which quote the input)."""
    return {
        "HTTPValidationError": {
            "title": "HTTPValidationError",
            "description": "The request could not be read: where (JSON Pointer) and which rule.",
            "type": "object",
            "properties": {
                "detail": {
                    "title": "Detail",
                    "type": "array",
                    "items": {"$ref": "#/components/schemas/ValidationError"},
                    "maxItems": MAX_PROBLEMS,
                }
            },
            "required": ["detail"],
            "additionalProperties": False,
        },
        "ValidationError": {
            "title": "ValidationError",
            "type": "object",
            "properties": {
                "path": {"title": "Path", "type": "string"},
                "code": {"title": "Code", "type": "string"},
            },
            "required": ["path", "code"],
            "additionalProperties": False,
        },
    }


def create_app(settings: Settings) -> FastAPI:
    """The intake server for ``settings``; the engine opens at start-up and closes at shutdown.

    The schema must be current (``kiosk-intake migrate``; ``serve`` migrates before it starts).
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = make_engine(settings.database_url)
        app.state.engine = engine
        # Everything loaded so far lives as long as the server: out of the collector's walk, so
        # a full collection under load costs a millisecond, not tens (the lookups' tail).
        gc.collect()
        gc.freeze()
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
    app.state.lookup_limiter = LookupLimiter(settings.lookup_burst, settings.lookup_per_minute)
    app.state.interactive = Interactive()
    for area in (stations, submissions, visits, targets, registry, reports, audit):
        # Per route, not app-wide: Starlette's limit then answers 413 inside the route, and its
        # control-flow exceptions never reach SafeErrors (which would log them as errors).
        app.include_router(area.router, max_body_size=settings.max_body_bytes)
    default_openapi = app.openapi

    def openapi() -> dict[str, Any]:
        """FastAPI's document (built once, then cached), with the 422 body this server sends."""
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = default_openapi()
        schema.setdefault("components", {}).setdefault("schemas", {}).update(_validation_schemas())
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(HTTPException, _on_http_error)
    app.add_middleware(SafeErrors)
    admission = Admission(
        limit=settings.max_in_flight,
        queue=settings.queue_length,
        wait=settings.queue_wait,
        retry_after=settings.retry_after,
        lookup_limit=settings.lookup_slots,
        target=settings.queue_target,
        max_body=settings.max_body_bytes,
        body_timeout=settings.body_timeout,
        max_header=settings.max_header_bytes,
    )

    async def identify(token: str) -> str | None:
        """The station holding ``token``, asked of the database on a worker thread."""
        station = await run_in_threadpool(station_for_token, app.state.engine, token)
        return None if station is None else station.id

    app.add_middleware(
        AdmissionControl,
        admission=admission,
        identify=identify,
        interactive=app.state.interactive,
        bypass={HEALTH_PATH},
    )
    return app
