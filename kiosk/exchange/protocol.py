"""Intake protocol v1 (DESIGN.md §5): every request and response body, as pydantic models.

The intake server declares its endpoints with these models (so ``/openapi.json`` shows them) and
the kiosk's sync layer parses the server's answers with the very same classes.  Requests forbid
unknown keys; responses carry exactly the keys of §5.  Only pydantic and ``kiosk.domain`` here.

Roster semantics: a page lists whole households (with every current resident, their vehicles and
licences on file).  A household listed replaces the kiosk's copy of it; ``removed`` names households
and residents gone from the ward's registry since the cursor.  The cursor is opaque and never null:
with ``more: false`` the kiosk keeps it and asks again later for what changed since.  A household
carries its visit outcomes (and its members'), in the server's order of arrival: the last about a
household or member decides, and every one stays in the history.
"""

from __future__ import annotations

import base64
import binascii
from datetime import date, datetime
from typing import Annotated, Any, Final, Literal

import pydantic_core
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    ValidationError,
)

from kiosk.domain.text import CONTROL_CHARACTERS

__all__ = [
    "MAX_AUDIT_SEQ",
    "MAX_BATCH_ITEMS",
    "MAX_CLOSE_IDS",
    "MAX_LOOKUP_IDS",
    "MAX_NOTE",
    "MAX_TARGET",
    "MAX_TARGETS_PAGE",
    "OUTCOME_KINDS",
    "ROSTER_PIECE",
    "SHA256_PATTERN",
    "SIGNATURE_PATTERN",
    "SUBMISSION_ID_PATTERN",
    "AuditHeadRequest",
    "BatchItem",
    "BatchRequest",
    "BatchResponse",
    "Cleaned",
    "EnrolRequest",
    "EnrolResponse",
    "ErrorResponse",
    "FoundSubmission",
    "HealthResponse",
    "ItemError",
    "ItemResult",
    "ItemStatus",
    "LookupRequest",
    "LookupResident",
    "LookupResponse",
    "OutcomeKind",
    "RegisteredOwner",
    "Removed",
    "RosterHousehold",
    "RosterLicence",
    "RosterOutcome",
    "RosterPage",
    "RosterPageUnreadable",
    "RosterResident",
    "RosterVehicle",
    "SessionCloseRequest",
    "SessionCloseResponse",
    "SignedAuditHead",
    "StatsDay",
    "StatsGroup",
    "StatsResponse",
    "StatsTotal",
    "SubmissionLookupRequest",
    "SubmissionLookupResponse",
    "TargetBatchRequest",
    "TargetBatchResponse",
    "TargetChange",
    "TargetItem",
    "TargetResult",
    "TargetsPage",
    "VisitBatchRequest",
    "VisitBatchResponse",
    "VisitItem",
    "VisitResult",
    "read_roster_page",
]

MAX_BATCH_ITEMS: Final = 100
"""At most this many items in one batch; more is a body the server cannot read (422)."""

MAX_CLOSE_IDS: Final = 10_000
"""At most this many submission ids in one session-close reconciliation."""

MAX_LOOKUP_IDS: Final = 100
"""At most this many submission ids in one ``/v1/submissions/lookup``."""

MAX_NOTE: Final = 500
"""The longest note a visit outcome may carry (characters)."""

OUTCOME_KINDS: Final = ("absent", "moved_away", "refused", "come_back")
"""What happened at the door or the desk (``kiosk.store.models.VISIT_OUTCOMES`` is the same)."""

SUBMISSION_ID_PATTERN: Final = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
"""A submission id is a lower-case UUID (``str(uuid.uuid4())``): its idempotency key for ever."""

SHA256_PATTERN: Final = "^[0-9a-f]{64}$"
"""A payload's hash: exactly 64 lower-case hex characters."""

MAX_AUDIT_SEQ: Final = 2**53 - 1
"""The largest audit row number a head may name (exact in every JSON reader)."""

# 64 bytes are 86 base64 characters and "==": the last character carries 4 zero bits.
SIGNATURE_PATTERN: Final = "^[A-Za-z0-9+/]{85}[AQgw]==$"
"""An Ed25519 signature: raw 64 bytes, standard base64."""

_NO_CONTROL: Final = f"^[^{CONTROL_CHARACTERS}]*$"
_NOT_BLANK_NO_CONTROL: Final = (
    f"^[^{CONTROL_CHARACTERS}]*[^\\s{CONTROL_CHARACTERS}][^{CONTROL_CHARACTERS}]*$"
)
_ED25519_KEY_BYTES: Final = 32

_REQUEST: Final = ConfigDict(extra="forbid")
_RESPONSE: Final = ConfigDict(extra="forbid", populate_by_name=True)

SubmissionId = Annotated[str, StringConstraints(pattern=SUBMISSION_ID_PATTERN)]
Sex = Literal["male", "female"]
VehicleKind = Literal["car", "motorbike", "electric_motorbike", "other"]
Scheme = Literal["2008", "2024"]
ItemStatus = Literal["accepted", "duplicate", "conflict", "invalid"]
OutcomeKind = Literal["absent", "moved_away", "refused", "come_back"]


def _raw_32_bytes(value: str) -> str:
    """Check a key travels as exactly 32 raw bytes in standard base64 (DESIGN.md §5)."""
    try:
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("not standard base64") from None
    if len(raw) != _ED25519_KEY_BYTES:
        raise ValueError("not a raw 32-byte key")
    return value


def _json_integer(value: object) -> object:
    """Refuse text and booleans where JSON must carry a number (``7.0`` is one: JSON Schema's
    ``integer`` takes it, and so does pydantic; ``7.5`` it refuses)."""
    if isinstance(value, str | bool):
        raise ValueError("not a JSON integer")
    return value


def _not_a_number(value: object) -> object:
    """Refuse a number where JSON must carry a date or a time as text (pydantic would read it as
    seconds since 1970; the schema says a string)."""
    if isinstance(value, int | float):  # bool is an int
        raise ValueError("not a date or time text")
    return value


# 32 bytes are 43 base64 characters and one "=": the last character carries 2 zero bits.
KEY_PATTERN: Final = "^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$"
Base64Key = Annotated[str, StringConstraints(pattern=KEY_PATTERN), AfterValidator(_raw_32_bytes)]


class ErrorResponse(BaseModel):
    """A refusal that is not a per-item result (401, 403, 404, 429): ``detail`` in English."""

    model_config = _RESPONSE

    detail: str


# --- enrolment ------------------------------------------------------------------------------------


class EnrolRequest(BaseModel):
    """A kiosk's enrolment: the one-time code an officer gave it, its name and Ed25519 public key."""

    model_config = _REQUEST

    code: Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=_NO_CONTROL)]
    name: Annotated[
        str, StringConstraints(min_length=1, max_length=100, pattern=_NOT_BLANK_NO_CONTROL)
    ] = Field(description="the kiosk's name as officers will see it (not blank, one line)")
    signing_key: Base64Key = Field(description="Ed25519 public key: raw 32 bytes, standard base64")


class EnrolResponse(BaseModel):
    """What an enrolled station keeps: its id and token, the server's X25519 key, ward and group."""

    model_config = _RESPONSE

    station_id: str
    token: str = Field(description="random 256-bit bearer token; the server keeps only its hash")
    server_public_key: str = Field(description="X25519 public key: raw 32 bytes, standard base64")
    server_signing_key: Base64Key = Field(
        description="Ed25519 public key the server signs audit heads and roster files with: "
        "raw 32 bytes, standard base64; the kiosk pins it"
    )
    ward: str
    group: str


# --- submissions ------------------------------------------------------------------------------


class BatchItem(BaseModel):
    """One submission to store: its id, the SHA-256 of its canonical bytes, and the payload.

    ``payload`` is any JSON object here, so a bad payload is an ``invalid`` result, not a bad batch.
    """

    model_config = _REQUEST

    id: SubmissionId
    sha256: Annotated[str, StringConstraints(pattern=SHA256_PATTERN)] = Field(
        description="lower-case hex SHA-256 of the payload's canonical bytes (64 characters)"
    )
    payload: dict[str, Any]


class BatchRequest(BaseModel):
    """Up to 100 submissions, oldest first."""

    model_config = _REQUEST

    items: Annotated[list[BatchItem], Field(min_length=1, max_length=MAX_BATCH_ITEMS)]


class ItemError(BaseModel):
    """One reason an item is ``invalid``: where (JSON Pointer into the payload) and which rule."""

    model_config = _RESPONSE

    path: str
    code: str


class ItemResult(BaseModel):
    """The answer for one item, in the order of the request.

    ``accepted``: stored now.  ``duplicate``: stored before with the same hash (a replay; as good as
    accepted).  ``conflict``: other content is stored under this id.  ``invalid``: nothing stored;
    ``errors`` says why, and the fixed payload may be sent again under the same id.
    """

    model_config = _RESPONSE

    id: str
    status: ItemStatus
    errors: list[ItemError]
    reference: str | None = Field(description="the payload's reference code, null if unreadable")


class BatchResponse(BaseModel):
    """One result per item, in order."""

    model_config = _RESPONSE

    results: list[ItemResult]


class SubmissionLookupRequest(BaseModel):
    """Submission ids whose fate the kiosk does not know (a 500 may have come after the commit).

    A POST, so ids never appear in URLs or access logs.
    """

    model_config = _REQUEST

    ids: Annotated[list[SubmissionId], Field(min_length=1, max_length=MAX_LOOKUP_IDS)]


class FoundSubmission(BaseModel):
    """A submission the server holds from the calling station.

    Same ``sha256`` as the kiosk's frozen bytes: it is stored (as a ``duplicate`` answer says);
    another one: other content is stored under this id (a ``conflict``).  ``status``:
    ``accepted``, or ``repeat`` (accepted, the resident's second or later submission).
    """

    model_config = _RESPONSE

    id: str
    sha256: str
    status: Literal["accepted", "repeat"]


class SubmissionLookupResponse(BaseModel):
    """The asked ids the server holds from this station, in the order asked; the rest it lacks."""

    model_config = _RESPONSE

    found: list[FoundSubmission]


# --- visit outcomes ---------------------------------------------------------------------------


class VisitItem(BaseModel):
    """One visit outcome a kiosk recorded: about a household, or one member (``id_number``).

    Its ``id`` is its idempotency key.  ``come_back_on`` goes with ``come_back`` and only with it,
    and ``recorded_at`` carries an offset: an item that breaks either is ``invalid`` (nothing
    stored), not a bad batch.  Dates and times are strict: text as the schema says, never a number.
    """

    model_config = _REQUEST

    id: SubmissionId
    household_id: Annotated[
        str, StringConstraints(min_length=1, max_length=40, pattern=_NO_CONTROL)
    ]
    id_number: Annotated[str, StringConstraints(pattern="^[0-9]{12}$")] | None
    outcome: OutcomeKind
    come_back_on: Annotated[date | None, BeforeValidator(_not_a_number)]
    note: Annotated[str, StringConstraints(max_length=MAX_NOTE, pattern=_NO_CONTROL)] | None
    recorded_at: Annotated[datetime, BeforeValidator(_not_a_number)] = Field(
        description="the kiosk's clock, with its offset"
    )
    recorded_by: Annotated[
        str, StringConstraints(min_length=1, max_length=100, pattern=_NOT_BLANK_NO_CONTROL)
    ] = Field(description="the name of the operator who recorded it")
    session_id: SubmissionId | None


class VisitBatchRequest(BaseModel):
    """Up to 100 visit outcomes, oldest first."""

    model_config = _REQUEST

    items: Annotated[list[VisitItem], Field(min_length=1, max_length=MAX_BATCH_ITEMS)]


class VisitResult(BaseModel):
    """The answer for one outcome, in the order of the request.

    ``accepted``: stored now, numbered ``arrival``.  ``duplicate``: stored before with the same
    content (a replay), ``arrival`` the number it got then.  ``conflict``: other content (or
    another station's) is stored under this id; ``invalid``: nothing stored, ``errors`` says why.
    ``arrival`` is null for those two.
    """

    model_config = _RESPONSE

    id: str
    status: ItemStatus
    arrival: int | None
    errors: list[ItemError]


class VisitBatchResponse(BaseModel):
    """One result per outcome, in order."""

    model_config = _RESPONSE

    results: list[VisitResult]


# --- daily targets ----------------------------------------------------------------------------

MAX_TARGET: Final = 100_000
"""The largest daily target (residents of one group in a day): beyond it, a slip of the finger."""

MAX_TARGETS_PAGE: Final = 1000
"""At most this many target changes in one ``GET /v1/targets`` page."""

_GroupName = Annotated[
    str, StringConstraints(min_length=1, max_length=100, pattern=_NOT_BLANK_NO_CONTROL)
]


class TargetItem(BaseModel):
    """One change of a residential group's daily target, made by an officer on a kiosk.

    Its ``id`` is its idempotency key.  ``group`` must be one of the station's ward (else
    ``invalid``); ``set_at`` carries an offset.  Dates and times are strict text.
    """

    model_config = _REQUEST

    id: SubmissionId
    group: _GroupName
    day: Annotated[date, BeforeValidator(_not_a_number)]
    target: Annotated[int, BeforeValidator(_json_integer)] = Field(
        ge=0, le=MAX_TARGET, description="residents to serve that day"
    )
    set_at: Annotated[datetime, BeforeValidator(_not_a_number)] = Field(
        description="the kiosk's clock, with its offset"
    )
    set_by: Annotated[
        str, StringConstraints(min_length=1, max_length=100, pattern=_NOT_BLANK_NO_CONTROL)
    ] = Field(description="the name of the officer who set it")


class TargetBatchRequest(BaseModel):
    """Up to 100 target changes, oldest first."""

    model_config = _REQUEST

    items: Annotated[list[TargetItem], Field(min_length=1, max_length=MAX_BATCH_ITEMS)]


class TargetResult(BaseModel):
    """The answer for one target change, in the order of the request (as :class:`VisitResult`).

    ``accepted``: stored now, numbered ``arrival``; ``duplicate``: a replay, ``arrival`` the number
    it got then; ``conflict``: other content (or another station's) under this id; ``invalid``:
    nothing stored, ``errors`` says why (``target.group``: not a group of the station's ward).
    """

    model_config = _RESPONSE

    id: str
    status: ItemStatus
    arrival: int | None
    errors: list[ItemError]


class TargetBatchResponse(BaseModel):
    """One result per target change, in order."""

    model_config = _RESPONSE

    results: list[TargetResult]


class TargetChange(BaseModel):
    """A group's target for a day as the server holds it now: the change that arrived last.

    ``id`` is that change's id (a kiosk knows its own by it); ``station_id`` null when it was set
    on the server (``kiosk-intake target set``).
    """

    model_config = _RESPONSE

    id: str
    group: str
    day: date
    target: int
    set_by: str
    set_at: datetime
    station_id: str | None
    arrival: int


class TargetsPage(BaseModel):
    """The ward's targets changed after ``since``, in order of arrival; ``more``: ask again after
    the last one's ``arrival``."""

    model_config = _RESPONSE

    targets: list[TargetChange]
    more: bool


# --- registry: roster and lookup -------------------------------------------------------------------


class Cleaned(BaseModel):
    """When and at which station a submission of this resident was last accepted."""

    model_config = _RESPONSE

    at: datetime
    station_id: str


class RegisteredOwner(BaseModel):
    """The owner on the registration papers when it is not the resident (never transferred)."""

    model_config = _RESPONSE

    full_name: str
    id_number: str | None


class RosterVehicle(BaseModel):
    """A vehicle on file; its ``id`` is what a payload's ``registry_ref`` names."""

    model_config = _RESPONSE

    id: str
    plate: str
    kind: VehicleKind
    brand: str | None
    model: str | None
    colour: str | None
    chassis_number: str | None
    engine_number: str | None
    registered_owner: RegisteredOwner | None


class RosterLicence(BaseModel):
    """A driving licence on file; ``class`` is a Python keyword, hence the alias."""

    model_config = _RESPONSE

    id: str
    number: str
    class_: str = Field(alias="class")
    scheme: Scheme
    issue_date: date
    expiry_date: date | None


class RosterResident(BaseModel):
    """A resident of a household with their records on file."""

    model_config = _RESPONSE

    id_number: str
    full_name: str
    birth_date: date
    sex: Sex
    phone: str | None
    vehicles: list[RosterVehicle]
    licences: list[RosterLicence]
    cleaned: Cleaned | None


class RosterOutcome(BaseModel):
    """A visit outcome about a household (``id_number`` null) or one of its members, recorded at
    ``station_id`` by ``recorded_by`` (a name); ``arrival`` is the server's order of arrival."""

    model_config = _RESPONSE

    id: str
    id_number: str | None
    outcome: OutcomeKind
    come_back_on: date | None
    note: str | None
    recorded_at: datetime
    recorded_by: str
    station_id: str
    arrival: int


class RosterHousehold(BaseModel):
    """A household of the ward: it replaces the kiosk's copy of the household with this id.

    ``outcomes``: every visit outcome the ward's kiosks recorded about it and its members, in order
    of arrival (absent from a roster file written before outcomes existed: none).
    """

    model_config = _RESPONSE

    id: str
    group: str
    address: str
    residents: list[RosterResident]
    outcomes: list[RosterOutcome] = Field(default_factory=list)


class Removed(BaseModel):
    """What left the ward's registry since the cursor: household ids and residents' ID numbers."""

    model_config = _RESPONSE

    households: list[str]
    residents: list[str]


class RosterPage(BaseModel):
    """One page of the roster; keep ``next_cursor`` (never null) and ask again while ``more``."""

    model_config = _RESPONSE

    households: list[RosterHousehold]
    removed: Removed
    next_cursor: str
    more: bool


ROSTER_PIECE: Final = 50
"""Households of a roster page validated per call (:func:`read_roster_page`)."""
_HOUSEHOLDS: TypeAdapter[list[RosterHousehold]] = TypeAdapter(list[RosterHousehold])
_UNREADABLE = (ValidationError, ValueError, TypeError, OverflowError, RecursionError)
"""What parsing and validating can raise on bytes that are not the protocol (bad JSON or UTF-8,
nesting past the parser's limit, numbers past any range)."""


class RosterPageUnreadable(ValueError):
    """Bytes that are not a ``RosterPage`` (the message never quotes them)."""


def read_roster_page(content: bytes) -> RosterPage:
    """A roster page's JSON as the model: the same checks as validating it whole, but its
    households :data:`ROSTER_PIECE` at a time.  Pydantic holds the GIL for the whole of a call, and
    a page of 500 households (about 850 KB) validated at once held it 10-50 ms, a stall of the UI
    thread (DESIGN.md §3); parsing the JSON is one call still, about 5 ms for such a page.
    Anything else raises :class:`RosterPageUnreadable`."""
    try:
        data = pydantic_core.from_json(content)
        households = data.get("households") if isinstance(data, dict) else None
        if not isinstance(households, list):
            raise RosterPageUnreadable("not a roster page")
        page = RosterPage.model_validate({**data, "households": []})
        for start in range(0, len(households), ROSTER_PIECE):
            page.households += _HOUSEHOLDS.validate_python(households[start : start + ROSTER_PIECE])
    except _UNREADABLE:
        raise RosterPageUnreadable("not a roster page") from None
    return page


class LookupRequest(BaseModel):
    """A registry lookup by ID number: a POST, so ID numbers never appear in URLs or access logs."""

    model_config = _REQUEST

    id_number: Annotated[str, StringConstraints(pattern="^[0-9]{12}$")]


class LookupResident(BaseModel):
    """The resident found, with the household and residential group they belong to."""

    model_config = _RESPONSE

    id_number: str
    full_name: str
    birth_date: date
    sex: Sex
    phone: str | None
    household_id: str
    group: str
    address: str


class LookupResponse(BaseModel):
    """A resident on file, their vehicles and licences, and whether they were cleaned already."""

    model_config = _RESPONSE

    resident: LookupResident
    vehicles: list[RosterVehicle]
    licences: list[RosterLicence]
    cleaned: Cleaned | None


# --- audit heads ---------------------------------------------------------------------------------


class AuditHeadRequest(BaseModel):
    """The kiosk's audit head as it stands: the last row's sequence number and hash (0 and 64
    zeros while the chain is empty)."""

    model_config = _REQUEST

    seq: Annotated[int, BeforeValidator(_json_integer)] = Field(
        ge=0, le=MAX_AUDIT_SEQ, description="the audit chain's row count: its last row's number"
    )
    hash: Annotated[str, StringConstraints(pattern=SHA256_PATTERN)] = Field(
        description="that row's hash: lower-case hex SHA-256 (64 characters)"
    )


class SignedAuditHead(BaseModel):
    """The server's signed word that it saw this station's audit chain end at ``seq`` with
    ``hash`` by ``signed_at``.  ``signature``: Ed25519 with ``signing_key`` over
    ``kiosk.exchange.signing.audit_head_bytes`` (purpose ``kiosk audit head v1``)."""

    model_config = _RESPONSE

    station_id: str
    seq: int
    hash: str
    signed_at: datetime = Field(description="server time, whole seconds")
    signing_key: Base64Key = Field(description="the server's Ed25519 public key (as at enrolment)")
    signature: Annotated[str, StringConstraints(pattern=SIGNATURE_PATTERN)] = Field(
        description="Ed25519 signature: raw 64 bytes, standard base64"
    )


# --- sessions, stats, health ---------------------------------------------------------------------


class SessionCloseRequest(BaseModel):
    """Every submission id the kiosk sent in the evening session, for reconciliation."""

    model_config = _REQUEST

    ids: Annotated[list[SubmissionId], Field(max_length=MAX_CLOSE_IDS)]


class SessionCloseResponse(BaseModel):
    """The ids the server does not have from this station: the kiosk sends them again."""

    model_config = _RESPONSE

    missing: list[str]


class StatsGroup(BaseModel):
    """One day's counts in one residential group: residents once, however many submissions."""

    model_config = _RESPONSE

    group: str
    residents: int
    submissions: int
    repeats: int


class StatsDay(BaseModel):
    """One day's counts for the ward and per residential group (day = the capture's local date)."""

    model_config = _RESPONSE

    date: date
    residents: int
    submissions: int
    groups: list[StatsGroup]


class StatsTotal(BaseModel):
    """Counts over every day reported: each resident once."""

    model_config = _RESPONSE

    residents: int
    submissions: int


class StatsResponse(BaseModel):
    """The ward's daily counts (one day when ``date`` was asked, else every day)."""

    model_config = _RESPONSE

    ward: str
    days: list[StatsDay]
    total: StatsTotal


class HealthResponse(BaseModel):
    """Liveness: always answers; ``database`` says whether the database answered too."""

    model_config = _RESPONSE

    status: Literal["ok", "degraded"]
    database: bool
    time: datetime
