"""What can go wrong talking to the intake server, as types the engine and the UI can act on.

Temporary faults (no network, timeouts, 429/503, other 5xx) are :class:`TransientError`: retried with
backoff.  Everything else says what to do: re-enrol (401), halve the batch (413), or it is a refusal.
Messages are short English, for logs and the officer; they never quote a body or a personal value.
"""

from __future__ import annotations

__all__ = [
    "BadResponse",
    "InsecureAddress",
    "NotEnrolled",
    "PayloadTooLarge",
    "Refused",
    "ServerBusy",
    "ServerError",
    "SyncError",
    "TimedOut",
    "TransientError",
    "Unauthorised",
    "Unreachable",
]


class SyncError(Exception):
    """Any failure of a call to the intake server."""

    status: int | None = None


class TransientError(SyncError):
    """A temporary fault: try again later (``retry_after`` seconds when the server said)."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Unreachable(TransientError):
    """No connection: network down, server not listening, connection dropped."""


class TimedOut(TransientError):
    """The server did not answer within the connect or read timeout (it may still have acted)."""


class ServerBusy(TransientError):
    """429 or 503: the server sheds load; wait ``retry_after``."""

    def __init__(self, status: int, *, retry_after: float | None = None) -> None:
        super().__init__(f"server busy ({status})", retry_after=retry_after)
        self.status = status


class ServerError(TransientError):
    """Another 5xx (a 500 from the server itself, a 502 page from a proxy)."""

    def __init__(self, status: int, *, retry_after: float | None = None) -> None:
        super().__init__(f"server error ({status})", retry_after=retry_after)
        self.status = status


class BadResponse(SyncError):
    """A 2xx answer that is not the protocol (cut short, HTML, results not matching the request)."""


class Unauthorised(SyncError):
    """401: the token is unknown or revoked; the station must enrol again."""

    status = 401


class PayloadTooLarge(SyncError):
    """413: the body is larger than the server takes; send less at once."""

    status = 413


class Refused(SyncError):
    """Another 4xx: the server will not do it (bad enrolment code, cursor not its own, bad body)."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(f"refused ({status}): {detail}")
        self.status = status
        self.detail = detail


class NotEnrolled(SyncError):
    """The station has no token or server yet: enrol it first (``kiosk enrol``)."""


class InsecureAddress(SyncError):
    """A plain ``http://`` address of a server not on this computer, while the configuration does
    not say ``allow_insecure_http = true``: refused before any connection (DESIGN.md §6)."""
