"""The payload rules run on a visit as it is typed, and their codes in words (issue 17 point 4).

The visit screens show an error under its field the moment it is made: the visit's payload is
checked by the same ``validate_payload`` that Save and the ward's server use, with the keys the
store fills in at Save given stand-in values. A check takes well under a millisecond, so it runs
on the UI thread after each change. Warnings are shown in yellow and never block.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication

from kiosk.domain.errors import is_warning
from kiosk.domain.visit import Visit
from kiosk.exchange.payload import payload_warnings, validate_payload
from kiosk.exchange.payload_rules import VIETNAM

translate = QCoreApplication.translate

_STAND_IN = {
    "schema": 1,
    "reference": "0000-0000",
    "station_id": "st-check",
    "session_id": None,
    "captured_by": "check",
    "verified_by": "check",
}


MISSING = frozenset({"visit.unanswered", "payload.empty", "payload.null"})
"""Codes of something not filled in yet: shown once the operator tries to go on, not before (a
record just added would open all red)."""


class Finding(NamedTuple):
    """One rule result on a visit: where (JSON Pointer), the code, and whether it blocks."""

    path: str
    code: str

    @property
    def blocks(self) -> bool:
        """Errors block Save; warnings never do."""
        return not is_warning(self.code)


def check_visit(visit: Visit, *, today: date | None = None) -> list[Finding]:
    """Every error and warning of the visit's payload, errors first.

    Records not answered yet are reported as ``/vehicles/N/answer`` (the payload rules would call
    a null answer a structure error); consent is not judged here, the consent screen asks it.
    """
    now = datetime.now(VIETNAM)
    day = today or now.date()
    stamp = now.replace(microsecond=0).isoformat()
    payload = {**_STAND_IN, **visit.to_payload(), "consent": True}
    payload |= {"captured_at": stamp, "verified_at": stamp}
    found: list[Finding] = []
    for key in ("vehicles", "licences"):
        for index, entry in enumerate(payload[key]):
            if entry["answer"] is None:
                found.append(Finding(f"/{key}/{index}/answer", "visit.unanswered"))
                entry["answer"] = "confirmed"  # the rest of the record is still checked
    on_file = {plate_key(a.values.get("plate")) for a in visit.vehicles if not a.added}
    for index, answer in enumerate(visit.vehicles):
        if answer.added and plate_key(answer.values.get("plate")) in on_file - {""}:
            found.append(Finding(f"/vehicles/{index}/plate", "visit.plate_on_file"))
    found += _own_id_elsewhere(visit)
    errors = validate_payload(payload, today=day)
    for error in errors:
        code = error["code"]
        if code in ("name.format", "payload.type") and _value_at(payload, error["path"]) in (
            "",
            None,
        ):
            code = "payload.empty"  # not a bad value: nothing typed yet
        finding = Finding(error["path"], code)
        if finding not in found:
            found.append(finding)
    if not errors:
        found += [Finding(w["path"], w["code"]) for w in payload_warnings(payload, today=day)]
    return found


def rule_text(code: str, path: str = "") -> str:
    """A rule code (and where it points) in the operator's words."""
    if code == "visit.unanswered":
        return translate("Rules", "Choose the resident's answer for this record.")
    if code == "payload.answer_fields":
        if path.endswith("/id_number"):
            return translate(
                "Rules", "This is the resident's own ID number: type the other person's."
            )
        if path.endswith("/event_date"):
            return translate("Rules", "Choose the date when it happened.")
        if path.endswith("/counterparty"):
            return translate("Rules", "Type the name of the person it went to.")
        if path.endswith("/papers"):
            return translate("Rules", "Choose the papers seen, or 'No papers'.")
        return translate("Rules", "This answer needs more details.")
    words = {
        "id_number.format": translate("Rules", "An ID number has exactly 12 digits."),
        "id_number.province": translate(
            "Rules", "This ID number starts with an unknown province code."
        ),
        "id_number.birth_year_future": translate("Rules", "This ID number is not possible yet."),
        "id_number.birth_year_mismatch": translate(
            "Rules", "The ID number does not agree with the birth date."
        ),
        "id_number.sex_mismatch": translate("Rules", "The ID number does not agree with the sex."),
        "date.future": translate("Rules", "This date is in the future."),
        "date.before_birth": translate("Rules", "This date is before the resident was born."),
        "date.order": translate("Rules", "These dates are in the wrong order."),
        "date.format": translate("Rules", "This is not a real date."),
        "plate.format": translate("Rules", "This is not a Vietnamese number plate."),
        "plate.province": translate("Rules", "A plate's province code is 11 or more."),
        "plate.series": translate("Rules", "These series letters are not used on plates."),
        "plate.number": translate("Rules", "These plate digits are not possible."),
        "plate.kind_mismatch": translate("Rules", "This plate does not fit this kind of vehicle."),
        "vehicle.chassis_number": translate(
            "Rules", "The chassis number has characters not allowed."
        ),
        "vehicle.engine_number": translate(
            "Rules", "The engine number has characters not allowed."
        ),
        "licence.number": translate(
            "Rules", "A licence number has 12 digits (old paper ones differ)."
        ),
        "licence.province": translate(
            "Rules", "This licence number starts with an unknown province."
        ),
        "licence.class": translate("Rules", "This licence class does not exist."),
        "licence.class_scheme": translate("Rules", "This class does not exist in that scheme."),
        "licence.scheme_date": translate("Rules", "The class scheme does not fit the issue date."),
        "licence.expiry_before_issue": translate("Rules", "The expiry is before the issue date."),
        "phone.format": translate("Rules", "This is not a Vietnamese phone number."),
        "phone.prefix": translate("Rules", "No mobile number starts like this."),
        "name.format": translate("Rules", "Type a name with letters only."),
        "text.too_long": translate("Rules", "This text is too long."),
        "payload.empty": translate("Rules", "This cannot be left empty."),
        "payload.null": translate("Rules", "This cannot be left empty."),
        "visit.plate_on_file": translate(
            "Rules", "This vehicle is on file for the resident: answer that record instead."
        ),
        "payload.duplicate_record": translate("Rules", "This record is answered twice."),
        "payload.papers": translate("Rules", "'No papers' goes with no other paper."),
        "plate.province_unlisted": translate(
            "Rules", "Check the plate: its province code is unusual."
        ),
        "licence.number_unconfirmed": translate(
            "Rules", "Check the licence number: an old paper one?"
        ),
        "licence.expiry_unconfirmed": translate("Rules", "Check the expiry date on the licence."),
        "licence.expiry_unexpected": translate(
            "Rules", "The expiry date is unusual for this class."
        ),
        "licence.conversion_unconfirmed": translate("Rules", "Check the class on the licence."),
        "phone.landline": translate("Rules", "A landline: a mobile number can receive messages."),
        "vehicle.vin_unusual": translate(
            "Rules", "Check the chassis number: a car's has 17 characters."
        ),
        "resident.age_unusual": translate("Rules", "Check the birth date: the age is unusual."),
        "card.name_differs": translate("Rules", "The name on the card differs from the roster."),
    }
    return words.get(code) or translate("Rules", "This value is not accepted. Please check it.")


def plate_key(plate: object) -> str:
    """A plate folded to its letters and digits (``30A-123.45`` and ``30a12345`` agree)."""
    return "".join(c for c in str(plate or "").upper() if c.isalnum())


def _own_id_elsewhere(visit: Visit) -> list[Finding]:
    """The resident's own ID number given for another person (a buyer, the owner on the papers,
    a representative). The payload rules say so too, but only once the payload's structure is
    whole; this says it the moment it is typed."""
    own = visit.id_number
    people: list[tuple[str, object]] = [("/representative", visit.representative)]
    for index, answer in enumerate(visit.vehicles):
        people.append((f"/vehicles/{index}/counterparty", answer.counterparty))
        people.append((f"/vehicles/{index}/registered_owner", answer.registered_owner))
    return [
        Finding(f"{path}/id_number", "payload.answer_fields")
        for path, person in people
        if isinstance(person, dict) and own and person.get("id_number") == own
    ]


def _value_at(payload: object, path: str) -> object:
    """The value a JSON Pointer names in ``payload`` (None when there is none)."""
    value = payload
    for part in path.strip("/").split("/"):
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return value
