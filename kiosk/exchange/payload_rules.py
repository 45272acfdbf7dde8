"""Domain rules of submission payload v1, run on parts whose structure is already sound.

``kiosk.exchange.payload`` calls these with validated models; each rule adds errors and warnings
to a :class:`Findings` with a JSON Pointer to the offending value.  A payload is a frozen record,
so every value a ``kiosk.domain`` parser normalises must already be in its normal form (an ID
number with spaces around it, a plate typed ``30a12345``, a name in NFD are errors here: the kiosk
stores what the parsers return).

Answer rules (vehicles; DESIGN.md §5):

- ``registry_ref`` is null exactly when the answer is ``added`` (every other answer is about a
  record on file).
- ``counterparty`` is required for ``sold`` and ``transferred`` (to whom), optional for ``added``
  (from whom), and must be null for the other answers (nobody else is involved).
- ``event_date`` is required for ``sold``, ``transferred``, ``scrapped`` and ``lost`` (when that
  happened: fines after it are not the resident's), optional for ``added`` (when acquired), and
  must be null for ``confirmed``, ``updated`` and ``not_mine`` (nothing happened).
- ``papers`` must name at least one code for ``added`` (``["none"]`` when no paper was seen); in
  any answer a code appears once and ``none`` stands alone.
- ``registered_owner``, ``counterparty`` and ``representative`` are other people: their ID
  number, when given, cannot be the resident's.
- A record on file is answered once: a ``registry_ref`` repeated among the vehicles (or among
  the licences) is an error at each repeat.
- The same plate on two vehicles is allowed: since 2023 a plate stays with its owner, so a car
  sold and a car added can carry it.
- Dates (``event_date``, licence ``issue_date``, ``card_issue_date``, ``birth_date``) are not in the
  future; those of events are not before the resident's birth.

Licences: ``registry_ref`` is null exactly when the answer is ``added``; number, class, scheme and
dates are checked together by ``kiosk.domain.licences.check_licence``; number and class are
stored normalised (``B11`` is stored ``B1``, as ``check_class`` returns it).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Final

from kiosk.domain.errors import DomainError
from kiosk.domain.identity import (
    IdNumber,
    check_id_matches,
    check_name,
    parse_id_number,
    parse_old_id_number,
)
from kiosk.domain.licences import check_class, check_licence, parse_licence_number
from kiosk.domain.phone import parse_phone
from kiosk.domain.plates import check_chassis_number, check_engine_number, parse_plate

if TYPE_CHECKING:
    from kiosk.exchange.payload import Licence, Person, Representative, Resident, Vehicle

VIETNAM: Final = timezone(timedelta(hours=7), "ICT")
"""Vietnam's time zone (no daylight saving): "today" for a Hanoi kiosk, wherever the check runs."""

_AGE_USUAL: Final = range(16, 111)  # resident.age_unusual outside 16..110
_REQUIRED, _OPTIONAL, _FORBIDDEN = "required", "optional", "forbidden"
_VEHICLE_ANSWER_FIELDS: Final[Mapping[str, Mapping[str, str]]] = {
    # key -> answer -> need (answers not listed: the key must be null)
    "counterparty": {"sold": _REQUIRED, "transferred": _REQUIRED, "added": _OPTIONAL},
    "event_date": {
        "sold": _REQUIRED,
        "transferred": _REQUIRED,
        "scrapped": _REQUIRED,
        "lost": _REQUIRED,
        "added": _OPTIONAL,
    },
}
_LICENCE_FIELDS: Final = frozenset({"number", "class", "scheme", "issue_date", "expiry_date"})
_LICENCE_WARNING_FIELDS: Final = {
    "licence.number_unconfirmed": "/number",
    "licence.expiry_unconfirmed": "/expiry_date",
    "licence.expiry_unexpected": "/expiry_date",
    "licence.conversion_unconfirmed": "/class",
}
_ID_MATCH_FIELDS: Final = {
    "id_number.birth_year_mismatch": "/birth_date",
    "id_number.sex_mismatch": "/sex",
}


@dataclass
class Findings:
    """Errors and warnings found so far, each ``{"path": JSON Pointer, "code": code}``."""

    errors: list[dict[str, str]] = field(default_factory=list)
    warnings: list[dict[str, str]] = field(default_factory=list)

    def error(self, path: str, code: str) -> None:
        """Record an error at ``path``."""
        self.errors.append({"path": path, "code": code})

    def warn(self, path: str, code: str) -> None:
        """Record a warning at ``path``."""
        self.warnings.append({"path": path, "code": code})


def vietnam_today() -> date:
    """Today's date in Vietnam: a UTC server must not call a Hanoi morning's date "future"."""
    return datetime.now(VIETNAM).date()


def check_resident(
    found: Findings, resident: Resident | None, today: date, at: date
) -> date | None:
    """Check the resident; return the birth date for the other rules (None when not checkable).

    ``at`` is the capture date, the day the age warning is judged on.
    """
    if resident is None:
        return None
    birth = date.fromisoformat(resident.birth_date)
    id_number = _id_number(found, "/resident/id_number", resident.id_number, today)
    known_birth = birth if birth <= today else None  # a future one would only echo its error
    if known_birth is None:
        found.error("/resident/birth_date", "date.future")
    elif at.year - birth.year - ((at.month, at.day) < (birth.month, birth.day)) not in _AGE_USUAL:
        found.warn("/resident/birth_date", "resident.age_unusual")
    if id_number is not None:
        try:
            check_id_matches(id_number, birth, resident.sex)
        except DomainError as exc:
            found.error("/resident" + _ID_MATCH_FIELDS.get(exc.code, "/id_number"), exc.code)
    if resident.old_id_number is not None:
        _old_id_number(found, "/resident/old_id_number", resident.old_id_number)
    _name(found, "/resident/full_name", resident.full_name)
    if resident.phone is not None:
        _phone(found, "/resident/phone", resident.phone)
    if resident.card_issue_date is not None:
        issued = date.fromisoformat(resident.card_issue_date)
        _event_date(found, "/resident/card_issue_date", issued, today, known_birth)
    return known_birth


def check_representative(
    found: Findings, person: Representative, resident_id: str | None, today: date
) -> None:
    """Check the representative's name and ID number (someone other than the resident)."""
    _person(found, "/representative", person, resident_id, today)


def check_vehicle(
    found: Findings,
    vehicle: Vehicle,
    path: str,
    today: date,
    birth: date | None,
    resident_id: str | None,
) -> None:
    """Check one vehicle answer: plate for its kind, frame and engine numbers, people, answer."""
    try:
        plate = parse_plate(vehicle.plate, vehicle.kind)
    except DomainError as exc:  # kind_mismatch names the kind; the rest the plate
        found.error(f"{path}/{'kind' if exc.field == 'kind' else 'plate'}", exc.code)
    else:
        if plate.display != vehicle.plate:
            found.error(f"{path}/plate", "plate.format")
        _warn_all(found, f"{path}/plate", plate.warnings)
    if vehicle.chassis_number is not None:
        try:
            chassis, warnings = check_chassis_number(vehicle.chassis_number, vehicle.kind)
        except DomainError as exc:
            found.error(f"{path}/chassis_number", exc.code)
        else:
            if chassis != vehicle.chassis_number:
                found.error(f"{path}/chassis_number", "vehicle.chassis_number")
            _warn_all(found, f"{path}/chassis_number", warnings)
    if vehicle.engine_number is not None:
        try:
            engine = check_engine_number(vehicle.engine_number)
        except DomainError as exc:
            found.error(f"{path}/engine_number", exc.code)
        else:
            if engine != vehicle.engine_number:
                found.error(f"{path}/engine_number", "vehicle.engine_number")
    if vehicle.registered_owner is not None:
        _person(found, f"{path}/registered_owner", vehicle.registered_owner, resident_id, today)
    if vehicle.counterparty is not None:
        _person(found, f"{path}/counterparty", vehicle.counterparty, resident_id, today)
        if vehicle.counterparty.phone is not None:
            _phone(found, f"{path}/counterparty/phone", vehicle.counterparty.phone)
    if vehicle.event_date is not None:
        _event_date(
            found, f"{path}/event_date", date.fromisoformat(vehicle.event_date), today, birth
        )
    _vehicle_answer(found, vehicle, path)


def _vehicle_answer(found: Findings, vehicle: Vehicle, path: str) -> None:
    """The answer-specific rules listed in the module docstring."""
    answer = vehicle.answer
    _registry_ref(found, path, answer, vehicle.registry_ref)
    for key, rules in _VEHICLE_ANSWER_FIELDS.items():
        need = rules.get(answer, _FORBIDDEN)
        present = getattr(vehicle, key) is not None
        if need != _OPTIONAL and present != (need == _REQUIRED):
            found.error(f"{path}/{key}", "payload.answer_fields")
    papers = vehicle.papers
    if answer == "added" and not papers:
        found.error(f"{path}/papers", "payload.answer_fields")
    if len(set(papers)) != len(papers) or ("none" in papers and len(papers) > 1):
        found.error(f"{path}/papers", "payload.papers")


def check_licence_item(
    found: Findings, licence: Licence, path: str, today: date, birth: date | None
) -> None:
    """Check one licence answer: number, class for its scheme and date, expiry, answer rule.

    Number and class are checked apart first so that both are reported; ``check_licence`` then
    adds the expiry rules and the warnings.
    """
    issued = date.fromisoformat(licence.issue_date)
    expiry = None if licence.expiry_date is None else date.fromisoformat(licence.expiry_date)
    sound = True
    try:
        if parse_licence_number(licence.number)[0] != licence.number:
            found.error(f"{path}/number", "licence.number")
    except DomainError as exc:
        found.error(f"{path}/number", exc.code)
        sound = False
    try:
        check_class(licence.class_, licence.scheme, issued)
        if check_class(licence.class_, licence.scheme) != licence.class_:
            found.error(f"{path}/class", "licence.class")
    except DomainError as exc:
        found.error(_licence_path(path, exc, "/class"), exc.code)
        sound = False
    if sound:
        try:
            warnings = check_licence(licence.number, licence.class_, licence.scheme, issued, expiry)
        except DomainError as exc:
            found.error(_licence_path(path, exc, ""), exc.code)
        else:
            for code in warnings:
                found.warn(path + _LICENCE_WARNING_FIELDS.get(code, ""), code)
    _event_date(found, f"{path}/issue_date", issued, today, birth)
    _registry_ref(found, path, licence.answer, licence.registry_ref)


def _licence_path(path: str, exc: DomainError, default: str) -> str:
    """Where a licence error points: the field ``InvalidLicence`` names, else ``default``."""
    return f"{path}/{exc.field}" if exc.field in _LICENCE_FIELDS else path + default


def check_repeats(found: Findings, key: str, refs: list[tuple[int, str | None]]) -> None:
    """A record on file is answered once: flag every later answer to the same ``registry_ref``."""
    seen: set[str] = set()
    for index, ref in refs:
        if ref is None:
            continue
        if ref in seen:
            found.error(f"/{key}/{index}/registry_ref", "payload.duplicate_record")
        seen.add(ref)


# --- shared checks ------------------------------------------------------------------------------


def _registry_ref(found: Findings, path: str, answer: str, ref: str | None) -> None:
    """``registry_ref`` is null for ``added``; every other answer names the record on file."""
    if (answer == "added") != (ref is None):
        found.error(f"{path}/registry_ref", "payload.answer_fields")


def _person(
    found: Findings, path: str, person: Person, resident_id: str | None, today: date
) -> None:
    """Name and (nullable) ID number of someone other than the resident."""
    _name(found, f"{path}/full_name", person.full_name)
    if person.id_number is None:
        return
    parsed = _id_number(found, f"{path}/id_number", person.id_number, today)
    if parsed is not None and parsed.value == resident_id:
        found.error(f"{path}/id_number", "payload.answer_fields")


def _id_number(found: Findings, path: str, text: str, today: date) -> IdNumber | None:
    try:
        parsed = parse_id_number(text, today=today)
    except DomainError as exc:
        found.error(path, exc.code)
        return None
    if parsed.value != text:
        found.error(path, "id_number.format")
        return None
    return parsed


def _old_id_number(found: Findings, path: str, text: str) -> None:
    try:
        value = parse_old_id_number(text)
    except DomainError as exc:
        found.error(path, exc.code)
        return
    if value != text:
        found.error(path, "old_id_number.format")


def _name(found: Findings, path: str, text: str) -> None:
    try:
        name = check_name(text)
    except DomainError as exc:
        found.error(path, exc.code)
        return
    if name != text:
        found.error(path, "name.format")


def _phone(found: Findings, path: str, text: str) -> None:
    try:
        phone = parse_phone(text)
    except DomainError as exc:
        found.error(path, exc.code)
        return
    if phone.value != text:
        found.error(path, "phone.format")
    _warn_all(found, path, phone.warnings)  # phone.landline among them


def _event_date(found: Findings, path: str, when: date, today: date, birth: date | None) -> None:
    if when > today:
        found.error(path, "date.future")
    elif birth is not None and when < birth:
        found.error(path, "date.before_birth")


def _warn_all(found: Findings, path: str, codes: tuple[str, ...]) -> None:
    for code in codes:
        found.warn(path, code)
