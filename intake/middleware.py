"""ASGI middleware: an unexpected error answers 500 and is logged without personal data.

Starlette's own error handling logs the exception's message, which may quote input values; this
logs only the exception's type and where it was raised, then answers ``{"detail": ...}``.
"""

from __future__ import annotations

import json
import logging
import traceback
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("intake.errors")

_BODY = json.dumps({"detail": "internal server error"}).encode("ascii")


class SafeErrors:
    """Catch what the app raises, log its type and traceback lines (no message), answer 500."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Run the app; on an exception before the response started, send a plain 500."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watch(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, watch)
        except Exception as exc:
            where = "".join(traceback.format_tb(exc.__traceback__)[-3:])
            log.error(
                "unhandled %s in %s %s\n%s",
                type(exc).__name__,
                scope.get("method"),
                scope.get("path"),
                where,
            )
            if started:
                raise
            headers: list[Any] = [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(_BODY)).encode("ascii")),
            ]
            await send({"type": "http.response.start", "status": 500, "headers": headers})
            await send({"type": "http.response.body", "body": _BODY})
