"""Submission payload v1 (DESIGN.md §5): pydantic models, JSON Schema, and the full check.

``validate_payload`` is what the kiosk runs before an officer verifies and what the intake server
runs on receipt: structure first (these models), then the domain rules of ``kiosk.domain`` on every
part whose structure is sound.  It answers any input with a list of errors and never raises.

Run ``python -m kiosk.exchange.payload --write-schema`` after changing a model; ``--check`` exits
non-zero when the committed ``payload_v1.schema.json`` is stale.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, Final, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kiosk.domain.errors import ERROR_CODES, WARNING_CODES
from kiosk.exchange import payload_rules as rules
from kiosk.exchange.payload_fields import (
    AddressText,
    CodeText,
    ConsentGiven,
    DateText,
    DateTimeText,
    IdText,
    LicenceAnswer,
    NameText,
    NoteText,
    NumberText,
    Paper,
    ReferenceText,
    SchemaNumber,
    Scheme,
    Sex,
    ShortText,
    Source,
    UuidText,
    VehicleAnswer,
    VehicleKind,
)

__all__ = [
    "SCHEMA_PATH",
    "Counterparty",
    "Licence",
    "Person",
    "RegisteredOwner",
    "Representative",
    "Resident",
    "SubmissionPayload",
    "Vehicle",
    "main",
    "payload_json_schema",
    "payload_warnings",
    "validate_payload",
]

SCHEMA_PATH: Final = Path(__file__).with_name("payload_v1.schema.json")
"""The committed JSON Schema of payload v1."""


_STRICT: Final = ConfigDict(strict=True, extra="forbid", frozen=True)


class Resident(BaseModel):
    """The resident the submission is about (from the chip card or typed in)."""

    model_config = _STRICT

    id_number: NumberText
    old_id_number: NumberText | None
    full_name: NameText
    birth_date: DateText
    sex: Sex
    address: AddressText
    phone: NumberText | None
    card_issue_date: DateText | None
    source: Source


class Person(BaseModel):
    """Another person named in a submission: only the name is sure to be known."""

    model_config = _STRICT

    full_name: NameText
    id_number: NumberText | None


class RegisteredOwner(Person):
    """The owner on the registration papers when it is not the resident (never transferred)."""


class Counterparty(Person):
    """To whom a vehicle was sold or transferred, or from whom an added one was acquired."""

    phone: NumberText | None


class Representative(Person):
    """A relative acting for the resident."""

    relation: ShortText


class Vehicle(BaseModel):
    """One vehicle answer: a record on file answered, or a vehicle added."""

    model_config = _STRICT

    answer: VehicleAnswer
    registry_ref: IdText | None
    plate: NumberText
    kind: VehicleKind
    brand: ShortText | None
    model: ShortText | None
    colour: ShortText | None
    chassis_number: NumberText | None
    engine_number: NumberText | None
    registered_owner: RegisteredOwner | None
    counterparty: Counterparty | None
    event_date: DateText | None
    papers: list[Paper]
    note: NoteText | None


class Licence(BaseModel):
    """One driving-licence answer: a record on file answered, or a licence added."""

    model_config = _STRICT

    answer: LicenceAnswer
    registry_ref: IdText | None
    number: NumberText
    class_: CodeText = Field(alias="class")
    scheme: Scheme
    issue_date: DateText
    expiry_date: DateText | None
    note: NoteText | None


class SubmissionPayload(BaseModel):
    """Submission payload v1: one resident's visit, as verified by an officer (DESIGN.md §5)."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True, title="SubmissionPayloadV1")

    schema_: SchemaNumber = Field(alias="schema")
    reference: ReferenceText
    station_id: IdText
    session_id: UuidText | None
    captured_at: DateTimeText
    captured_by: IdText
    verified_at: DateTimeText
    verified_by: IdText
    resident: Resident
    representative: Representative | None
    consent: ConsentGiven
    vehicles: list[Vehicle]
    licences: list[Licence]
    warnings_acknowledged: list[CodeText]


def payload_json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of payload v1, for the server's OpenAPI and other clients."""
    schema = SubmissionPayload.model_json_schema(mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def _schema_text() -> str:
    return json.dumps(payload_json_schema(), indent=2, ensure_ascii=False) + "\n"


# --- validation ---------------------------------------------------------------------------------

Loc = tuple[str | int, ...]
_M = TypeVar("_M", bound=BaseModel)

_MAX_KEY: Final = 64  # longer than every key of the payload

_TYPE_CODES: Final = {
    "missing": "payload.missing",
    "extra_forbidden": "payload.unknown_key",
    "invalid_key": "payload.unknown_key",
    "string_too_long": "text.too_long",
    "string_too_short": "payload.empty",
}


def _pointer(loc: Sequence[object]) -> str:
    """JSON Pointer (RFC 6901) of a location ``("vehicles", 0, "kind")`` -> ``/vehicles/0/kind``."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in loc)


def _is_text(value: str) -> bool:
    """Whether UTF-8 can encode ``value`` (JSON text may carry lone surrogates; ours may not)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _structure_code(kind: str, value: object) -> str:
    """Our code for one pydantic error: its ``type`` and the offending value."""
    if kind in ERROR_CODES:  # raised by our own validators
        return kind
    if kind in _TYPE_CODES:
        return _TYPE_CODES[kind]
    if value is None:
        return "payload.null"
    if kind == "literal_error" and isinstance(value, str):
        return "payload.enum"
    return "payload.type"


def _named(loc: Loc, code: str) -> Loc:
    """Where to report an error: an unknown key longer than any of ours is reported at the object
    holding it, so a path never carries kilobytes of the sender's input."""
    long_key = bool(loc) and isinstance(loc[-1], str) and len(str(loc[-1])) > _MAX_KEY
    return loc[:-1] if code == "payload.unknown_key" and long_key else loc


def _holds_key(obj: object, loc: Loc, key: str) -> bool:
    """Whether the object at ``loc`` in ``obj`` has ``key``: pydantic names the object, not the key,
    of a key that is not Unicode text."""
    for part in loc:
        if isinstance(obj, dict):
            obj = obj.get(part)
        elif isinstance(obj, list) and isinstance(part, int) and 0 <= part < len(obj):
            obj = obj[part]
        else:
            return False
    return isinstance(obj, dict) and key in obj


def _structure(obj: dict[Any, Any], found: rules.Findings) -> set[Loc]:
    """Check ``obj`` against the model; record errors; return every location at or above one.

    The domain pass re-validates each part it uses, so a part this misses is skipped, not misread.
    """
    bad: set[Loc] = set()
    readable: dict[Any, Any] = {}
    for key, value in obj.items():  # pydantic gives up on the whole object for one such key
        if isinstance(key, str) and not _is_text(key):
            found.error(_pointer(_named((key,), "payload.unknown_key")), "payload.unknown_key")
            bad.add((key,))
        else:
            readable[key] = value
    try:
        SubmissionPayload.model_validate(readable)
    except ValidationError as exc:
        for err in exc.errors(include_url=False, include_context=False):
            loc: Loc = tuple(err["loc"])
            value = err.get("input")
            code = _structure_code(err["type"], value)
            unicode = err["type"] == "string_unicode" and isinstance(value, str)
            if unicode and _holds_key(readable, loc, value):
                loc, code = (*loc, str(value)), "payload.unknown_key"
            found.error(_pointer(_named(loc, code)), code)
            bad.update(loc[:depth] for depth in range(1, len(loc) + 1))
    return bad


def _part(model: type[_M], value: object, loc: Loc, bad: set[Loc]) -> _M | None:
    """``value`` as ``model`` when no structural error lies at or under ``loc``, else None."""
    if loc in bad or value is None:
        return None
    try:
        return model.model_validate(value)
    except ValidationError:  # cannot happen when ``loc`` is clean; be safe all the same
        return None


def _items(obj: dict[Any, Any], key: str, model: type[_M], bad: set[Loc]) -> list[tuple[int, _M]]:
    """The structurally sound items of the list at ``key``, with their indexes."""
    items = obj.get(key)
    if not isinstance(items, list):
        return []
    found = ((index, _part(model, raw, (key, index), bad)) for index, raw in enumerate(items))
    return [(index, item) for index, item in found if item is not None]


def _time(obj: dict[Any, Any], key: str, bad: set[Loc]) -> datetime | None:
    """The time at ``key`` when it is structurally sound."""
    value = obj.get(key)
    return datetime.fromisoformat(value) if (key,) not in bad and isinstance(value, str) else None


def _check(obj: object, today: date | None) -> rules.Findings:
    """Structure then domain rules; the shared pass behind :func:`validate_payload` and warnings."""
    found = rules.Findings()
    if not isinstance(obj, dict):
        found.error("", "payload.not_object")
        return found
    bad = _structure(obj, found)
    day = today if today is not None else rules.vietnam_today()

    captured, verified = (_time(obj, key, bad) for key in ("captured_at", "verified_at"))
    if captured is not None and verified is not None and verified < captured:
        found.error("/verified_at", "date.order")

    resident = _part(Resident, obj.get("resident"), ("resident",), bad)
    birth = rules.check_resident(found, resident, day, captured.date() if captured else day)
    resident_id = resident.id_number if resident is not None else None
    representative = _part(Representative, obj.get("representative"), ("representative",), bad)
    if representative is not None:
        rules.check_representative(found, representative, resident_id, day)

    vehicles = _items(obj, "vehicles", Vehicle, bad)
    for index, vehicle in vehicles:
        rules.check_vehicle(found, vehicle, f"/vehicles/{index}", day, birth, resident_id)
    rules.check_repeats(found, "vehicles", [(index, v.registry_ref) for index, v in vehicles])
    licences = _items(obj, "licences", Licence, bad)
    for index, licence in licences:
        rules.check_licence_item(found, licence, f"/licences/{index}", day, birth)
    rules.check_repeats(found, "licences", [(index, lic.registry_ref) for index, lic in licences])

    acknowledged = obj.get("warnings_acknowledged")
    if isinstance(acknowledged, list):
        for index, code in enumerate(acknowledged):
            if ("warnings_acknowledged", index) in bad or not isinstance(code, str):
                continue
            if code not in WARNING_CODES:
                found.error(f"/warnings_acknowledged/{index}", "payload.warning_code")
    return found


def validate_payload(obj: object, *, today: date | None = None) -> list[dict[str, str]]:
    """Every error of ``obj`` as ``{"path": JSON Pointer, "code": error code}``; ``[]`` when valid.

    Never raises, whatever ``obj`` is.  ``today`` (default: today's date in Vietnam, UTC+7) bounds
    the dates that may not lie in the future.
    """
    return _check(obj, today).errors


def payload_warnings(obj: object, *, today: date | None = None) -> list[dict[str, str]]:
    """Warning codes of a valid payload, ``{"path", "code"}`` each, for the officer to acknowledge.

    For an invalid payload only the parts that could be checked give warnings.  Never raises.
    """
    return _check(obj, today).warnings


# --- command line -------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """``--write-schema`` writes the JSON Schema file; ``--check`` exits 1 when it is stale."""
    parser = argparse.ArgumentParser(prog="python -m kiosk.exchange.payload", description=__doc__)
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write-schema", action="store_true", help="write the JSON Schema file")
    group.add_argument("--check", action="store_true", help="fail when the file is not current")
    parser.add_argument("--path", type=Path, default=SCHEMA_PATH, help="schema file to use")
    args = parser.parse_args(argv)
    path: Path = args.path
    text = _schema_text()
    if args.write_schema:
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
        return 0
    try:
        current = path.read_text(encoding="utf-8")
    except OSError:
        current = None
    if current != text:
        print(
            f"{path} is stale: run python -m kiosk.exchange.payload --write-schema", file=sys.stderr
        )
        return 1
    print(f"{path} is current")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
