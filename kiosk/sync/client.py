"""The intake server's protocol v1 (DESIGN.md §5) over one ``requests.Session``.

Every call has a connect and a read timeout; TLS certificates are always verified (the system's CA
store, or the CA bundle given), and the environment cannot switch that off (``trust_env`` is off).
Plain ``http://`` is for a server on this computer (loopback) only; to any other host it is refused
at once, before a connection is tried (:class:`~kiosk.sync.errors.InsecureAddress`), unless the
configuration says ``allow_insecure_http = true`` (DESIGN.md §6).
Answers come back as the protocol's pydantic models; failures as :mod:`kiosk.sync.errors` types.
Each response's ``Date`` is compared with the local clock: more than two minutes apart and the
officer is told (``on_clock_skew``).  Logs carry statuses, counts and error types, never bodies.
A lookup may be given a budget in seconds for the whole exchange (:meth:`IntakeClient.lookup`):
the resident is waiting at the desk.
"""

from __future__ import annotations

import email.utils
import ipaddress
import json
import logging
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TypeVar, cast
from urllib.parse import urlsplit

import requests
from pydantic import BaseModel, ValidationError
from urllib3 import Timeout
from urllib3.exceptions import HTTPError, ReadTimeoutError

from kiosk import __version__
from kiosk.exchange.protocol import (
    MAX_LOOKUP_IDS,
    AuditHeadRequest,
    BatchResponse,
    EnrolRequest,
    EnrolResponse,
    FoundSubmission,
    HealthResponse,
    LookupResponse,
    RosterPage,
    RosterPageUnreadable,
    SessionCloseResponse,
    SignedAuditHead,
    SubmissionLookupResponse,
    TargetBatchRequest,
    TargetBatchResponse,
    TargetItem,
    TargetsPage,
    VisitBatchRequest,
    VisitBatchResponse,
    VisitItem,
    read_roster_page,
)
from kiosk.store.uploads import QueuedSubmission
from kiosk.sync.errors import (
    BadResponse,
    InsecureAddress,
    PayloadTooLarge,
    Refused,
    ServerBusy,
    ServerError,
    TimedOut,
    Unauthorised,
    Unreachable,
)

__all__ = [
    "CLOCK_SKEW_LIMIT",
    "LOOKUP_MAX_BYTES",
    "USER_AGENT",
    "IntakeClient",
    "batch_body",
    "parse_roster_page",
]

log = logging.getLogger(__name__)

USER_AGENT = f"kiosk/{__version__} python-requests/{requests.__version__}"
CLOCK_SKEW_LIMIT = 120.0
"""Seconds between the server's ``Date`` and the local clock beyond which the officer is warned."""
MAX_RETRY_AFTER = 3600.0
LOOKUP_MAX_BYTES = 1 << 20
"""A lookup answer larger than this is not the protocol (one resident's records: a few KB)."""
_CHUNK = 16384

M = TypeVar("M", bound=BaseModel)
_UNREADABLE = (ValidationError, ValueError, TypeError, OverflowError, RecursionError)
"""What parsing and validating an answer can raise on a body that is not the protocol (bad JSON or
UTF-8, nesting past the parser's limit, numbers past any range): each becomes :class:`BadResponse`."""


def batch_body(items: Sequence[QueuedSubmission]) -> bytes:
    """``{"items": [...]}`` with each frozen payload spliced in byte for byte (never re-serialised:
    the server hashes exactly these bytes)."""
    parts = [
        b'{"id":"'
        + item.id.encode("ascii")
        + b'","sha256":"'
        + item.sha256.encode("ascii")
        + b'","payload":'
        + item.canonical
        + b"}"
        for item in items
    ]
    return b'{"items":[' + b",".join(parts) + b"]}"


def _retry_after(response: requests.Response) -> float | None:
    """``Retry-After`` in seconds (delta or HTTP date), bounded; None when absent or unreadable."""
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = when.timestamp() - time.time()
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


def _detail(response: requests.Response) -> str:
    """The server's own short ``detail`` text, if it sent one (validation details are left out:
    they may quote the input)."""
    try:
        detail = response.json().get("detail")
    except (ValueError, AttributeError):
        return ""
    return detail if isinstance(detail, str) and len(detail) <= 200 else ""


def _read_within(response: requests.Response, deadline: float, limit: int) -> bytes:
    """A streamed response's body, given up at ``deadline`` (``time.monotonic``) or past ``limit``.

    A socket timeout bounds one read, not the whole: the body is read one socket read at a time
    (``read1``), each allowed only what is left of the budget, so a server trickling its answer
    cannot hold the kiosk past the deadline.
    """
    body = bytearray()
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimedOut("the server did not answer in time")
        _wait_at_most(response, left)
        try:
            chunk = response.raw.read1(_CHUNK, decode_content=True)
        except (ReadTimeoutError, TimeoutError):
            raise TimedOut("the server did not answer in time") from None
        except (HTTPError, OSError):  # cut short, reset, undecodable
            raise BadResponse("the server's answer was cut short") from None
        if not chunk:
            return bytes(body)
        body += chunk
        if len(body) > limit:
            raise BadResponse("the server's answer is larger than the protocol's")


def _wait_at_most(response: requests.Response, seconds: float) -> None:
    """Let the next socket read of a streamed response wait ``seconds`` at most (urllib3 keeps
    the connection on it, and sets the timeout again for the next request on that connection)."""
    connection = getattr(response.raw, "connection", None)
    sock = getattr(connection, "sock", None)
    if sock is not None:
        sock.settimeout(seconds)


def _validate(content: bytes, model: type[M]) -> M:
    try:
        return model.model_validate_json(content)
    except _UNREADABLE:
        raise BadResponse(f"the server's answer is not a {model.__name__}") from None


def parse_roster_page(content: bytes) -> RosterPage:
    """A roster page's body (:meth:`IntakeClient.roster_body`) as the protocol's model, validated a
    piece at a time (:func:`kiosk.exchange.protocol.read_roster_page`); :class:`BadResponse` when
    it is not one."""
    try:
        return read_roster_page(content)
    except RosterPageUnreadable:
        raise BadResponse("the server's answer is not a RosterPage") from None


def _is_loopback(url: str) -> bool:
    """Whether the address's host is this computer: ``localhost``, 127.0.0.0/8 or ``::1``."""
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class IntakeClient:
    """One intake server, one station token; not shared between threads (one per worker)."""

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        connect_timeout: float = 5.0,
        read_timeout: float = 30.0,
        ca_bundle: str | Path | None = None,
        clock: Callable[[], float] = time.time,
        on_clock_skew: Callable[[float], None] | None = None,
        session: requests.Session | None = None,
        allow_insecure_http: bool = False,
    ) -> None:
        scheme = urlsplit(base_url).scheme
        if scheme not in ("http", "https"):
            raise ValueError("the server address must start with https:// (or http:// locally)")
        if scheme == "http" and not _is_loopback(base_url):
            if not allow_insecure_http:  # before any session or socket exists
                raise InsecureAddress(
                    "plain http:// is refused to a server not on this computer: use https:// "
                    "(or set allow_insecure_http = true in the kiosk's configuration)"
                )
            log.warning("intake server over plain http: nothing is encrypted in transit")
        if ca_bundle is not None and not Path(ca_bundle).is_file():
            raise ValueError(f"the CA bundle {ca_bundle} does not exist")
        self.base_url = base_url.rstrip("/")
        self.timeout = (connect_timeout, read_timeout)
        self.clock_skew: float | None = None
        """Server time minus local time, seconds, from the last response's ``Date``."""
        self._clock = clock
        self._on_clock_skew = on_clock_skew
        self._skew_reported = False
        self._session = session or requests.Session()
        self._session.trust_env = False  # no environment variable may disable verification
        self._session.verify = str(ca_bundle) if ca_bundle is not None else True
        self._session.headers["User-Agent"] = USER_AGENT
        self._session.headers["Accept"] = "application/json"
        self.token = token

    @property
    def token(self) -> str | None:
        """The bearer token sent on every call but enrolment and health."""
        return self._token

    @token.setter
    def token(self, value: str | None) -> None:
        self._token = value
        if value:
            self._session.headers["Authorization"] = f"Bearer {value}"
        else:
            self._session.headers.pop("Authorization", None)

    @property
    def clock_off(self) -> bool:
        """True when the last ``Date`` seen was more than two minutes from the local clock."""
        return self.clock_skew is not None and abs(self.clock_skew) > CLOCK_SKEW_LIMIT

    def close(self) -> None:
        """Close the session's connections."""
        self._session.close()

    def __enter__(self) -> IntakeClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- transport ---------------------------------------------------------------------------

    def _check_clock(self, response: requests.Response, started: float, ended: float) -> None:
        value = response.headers.get("Date")
        if not value:
            return
        try:
            server = email.utils.parsedate_to_datetime(value).timestamp()
        except (TypeError, ValueError):
            return
        self.clock_skew = server - (started + ended) / 2
        off = self.clock_off
        if off and not self._skew_reported:
            log.warning(
                "the local clock is %.0f s off the server's: set the kiosk's time",
                -self.clock_skew,
            )
        if off != self._skew_reported and self._on_clock_skew is not None:
            self._on_clock_skew(self.clock_skew if off else 0.0)
        self._skew_reported = off

    def _request(
        self,
        method: str,
        path: str,
        *,
        timeout: tuple[float, float] | Timeout | None = None,
        **kwargs: Any,
    ) -> requests.Response:
        """Send one request; transport failures and non-2xx statuses as typed errors.

        ``timeout``: this call's instead of the client's ``(connect, read)``; a urllib3
        ``Timeout`` (which requests takes as it is) can bound connect and first read together.
        With ``stream=True`` the body of a 2xx is left to the caller, and an error's is not read.
        """
        # requests passes a urllib3 Timeout on as it is; its type stubs do not say so
        timeouts = cast(Any, self.timeout if timeout is None else timeout)
        started = self._clock()
        try:
            response = self._session.request(
                method, self.base_url + path, timeout=timeouts, **kwargs
            )
        except requests.Timeout:
            raise TimedOut("the server did not answer in time") from None
        except requests.RequestException as exc:  # refused, reset, cut short, TLS failure…
            raise Unreachable(f"no connection ({type(exc).__name__})") from None
        self._check_clock(response, started, self._clock())
        status = response.status_code
        if 200 <= status < 300:
            return response
        try:
            self._raise_for(method, path, response, read_body=not kwargs.get("stream"))
        finally:
            response.close()

    def _raise_for(
        self, method: str, path: str, response: requests.Response, *, read_body: bool
    ) -> NoReturn:
        """The typed error of a non-2xx answer (``read_body``: look for the server's detail)."""
        status = response.status_code
        log.info("intake %s %s: %d", method, path.split("?")[0], status)
        if status == 401:
            raise Unauthorised("the server does not accept this station's token: enrol again")
        if status == 408:  # the body came too slowly for the server: a slow link, sent again
            raise TimedOut("the server stopped waiting for the request")
        if status == 413:
            raise PayloadTooLarge("the request was larger than the server takes")
        if status in (429, 503):
            raise ServerBusy(status, retry_after=_retry_after(response))
        if status >= 500:
            raise ServerError(status, retry_after=_retry_after(response))
        raise Refused(status, _detail(response) if read_body else "")

    @staticmethod
    def _body(response: requests.Response) -> bytes:
        try:
            return response.content
        except requests.RequestException:  # the body was cut short while reading it
            raise BadResponse("the server's answer was cut short") from None

    def _parse(self, response: requests.Response, model: type[M]) -> M:
        return _validate(self._body(response), model)

    # --- protocol ------------------------------------------------------------------------------

    def health(self) -> HealthResponse:
        """``GET /v1/health``: whether the server and its database answer."""
        return self._parse(self._request("GET", "/v1/health"), HealthResponse)

    def enrol(self, code: str, name: str, signing_key: str) -> EnrolResponse:
        """Trade a one-time code for a station id and token (403 -> :class:`Refused`)."""
        body = EnrolRequest(code=code, name=name, signing_key=signing_key)
        response = self._request(
            "POST",
            "/v1/stations/enrol",
            data=body.model_dump_json().encode("utf-8"),
            headers={"Content-Type": "application/json"},
        )
        return self._parse(response, EnrolResponse)

    def upload(self, items: Sequence[QueuedSubmission]) -> BatchResponse:
        """``POST /v1/submissions/batch``; the results checked against the items, one per item."""
        response = self._request(
            "POST",
            "/v1/submissions/batch",
            data=batch_body(items),
            headers={"Content-Type": "application/json"},
        )
        answer = self._parse(response, BatchResponse)
        if [r.id for r in answer.results] != [i.id for i in items]:
            raise BadResponse("the server's results do not match the batch")
        return answer

    def send_visits(self, items: Sequence[VisitItem]) -> VisitBatchResponse:
        """``POST /v1/visits/batch``: visit outcomes, one result per item, checked against them."""
        body = VisitBatchRequest(items=list(items))
        response = self._request(
            "POST",
            "/v1/visits/batch",
            data=body.model_dump_json().encode("utf-8"),
            headers={"Content-Type": "application/json"},
        )
        answer = self._parse(response, VisitBatchResponse)
        if [r.id for r in answer.results] != [i.id for i in items]:
            raise BadResponse("the server's results do not match the batch")
        return answer

    def send_targets(self, items: Sequence[TargetItem]) -> TargetBatchResponse:
        """``POST /v1/targets/batch``: daily target changes, one result per item, checked against
        them."""
        body = TargetBatchRequest(items=list(items))
        response = self._request(
            "POST",
            "/v1/targets/batch",
            data=body.model_dump_json().encode("utf-8"),
            headers={"Content-Type": "application/json"},
        )
        answer = self._parse(response, TargetBatchResponse)
        if [r.id for r in answer.results] != [i.id for i in items]:
            raise BadResponse("the server's results do not match the batch")
        return answer

    def targets(self, since: int, limit: int = 1000) -> TargetsPage:
        """``GET /v1/targets``: the ward's targets changed after arrival ``since``, in order."""
        response = self._request("GET", "/v1/targets", params={"since": since, "limit": limit})
        page = self._parse(response, TargetsPage)
        arrivals = [t.arrival for t in page.targets]
        if arrivals != sorted(set(arrivals)) or any(a <= since for a in arrivals):
            raise BadResponse("the server's targets are not in order after the number asked")
        return page

    def find_submissions(self, ids: Sequence[str]) -> dict[str, FoundSubmission]:
        """``POST /v1/submissions/lookup``: which of ``ids`` (at most 100) the server holds from
        this station, by id; an id it lacks is not in the answer."""
        if not 0 < len(ids) <= MAX_LOOKUP_IDS:
            raise ValueError(f"ask about 1 to {MAX_LOOKUP_IDS} submissions at once")
        response = self._request(
            "POST",
            "/v1/submissions/lookup",
            data=json.dumps({"ids": list(ids)}).encode("ascii"),
            headers={"Content-Type": "application/json"},
        )
        found = self._parse(response, SubmissionLookupResponse).found
        asked = set(ids)
        if any(f.id not in asked for f in found):
            raise BadResponse("the server's answer names submissions not asked about")
        return {f.id: f for f in found}

    def lookup(self, id_number: str, *, timeout_s: float | None = None) -> LookupResponse | None:
        """``POST /v1/registry/lookup``; None when the server does not know the ID (404).

        ``timeout_s``: a budget for the whole exchange (connect, answer, body), instead of the
        client's timeouts; past it :class:`TimedOut`.  Never retried: a 429 raises
        :class:`ServerBusy` and an answer that is not the protocol :class:`BadResponse` at once.
        """
        options: dict[str, Any] = {}
        deadline = 0.0
        if timeout_s is not None:
            deadline = time.monotonic() + timeout_s
            budget = max(timeout_s, 0.001)
            options = {
                "timeout": Timeout(connect=budget, read=budget, total=budget),
                "stream": True,
            }
        try:
            response = self._request(
                "POST",
                "/v1/registry/lookup",
                data=json.dumps({"id_number": id_number}).encode("ascii"),
                headers={"Content-Type": "application/json"},
                **options,
            )
        except Refused as exc:
            if exc.status == 404:
                return None
            raise
        if timeout_s is None:
            return self._parse(response, LookupResponse)
        with response:
            return _validate(_read_within(response, deadline, LOOKUP_MAX_BYTES), LookupResponse)

    def roster(self, cursor: str, limit: int = 500) -> RosterPage:
        """``GET /v1/roster``: one page after ``cursor`` (409 -> :class:`Refused`: start again)."""
        return parse_roster_page(self.roster_body(cursor, limit))

    def roster_body(self, cursor: str, limit: int = 500) -> bytes:
        """:meth:`roster` without the parsing: the page's body as the server sent it, for
        :func:`parse_roster_page` (the download parses it when it is ready to keep it)."""
        response = self._request("GET", "/v1/roster", params={"cursor": cursor, "limit": limit})
        return self._body(response)

    def close_session(self, session_id: str, ids: Sequence[str]) -> list[str]:
        """``POST /v1/sessions/{id}/close``: the ids among ``ids`` the server does not have."""
        response = self._request(
            "POST",
            f"/v1/sessions/{session_id}/close",
            data=json.dumps({"ids": list(ids)}).encode("ascii"),
            headers={"Content-Type": "application/json"},
        )
        return self._parse(response, SessionCloseResponse).missing

    def audit_head(self, seq: int, head_hash: str) -> SignedAuditHead:
        """``POST /v1/audit/head``: the server keeps this audit head and signs it (409 ->
        :class:`Refused`: it signed another hash for that row before).  The signature is the
        caller's to check (:mod:`kiosk.store.anchor`)."""
        body = AuditHeadRequest(seq=seq, hash=head_hash)
        response = self._request(
            "POST",
            "/v1/audit/head",
            data=body.model_dump_json().encode("ascii"),
            headers={"Content-Type": "application/json"},
        )
        signed = self._parse(response, SignedAuditHead)
        if (signed.seq, signed.hash) != (seq, head_hash):
            raise BadResponse("the server signed another audit head than the one sent")
        return signed
