"""Every rule result code, listed once, and the error type that carries them.

Errors block saving (raised as :class:`DomainError` subclasses); warnings never block and are
returned as codes.  The UI translates codes into words; the descriptions here are for developers
and logs.
"""

from __future__ import annotations

from types import MappingProxyType

_ERRORS: dict[str, str] = {
    # --- 12-digit personal ID number --------------------------------------------------------
    "id_number.format": "ID number is not exactly 12 digits",
    "id_number.province": "ID number starts with an unknown province code",
    "id_number.birth_year_future": "ID number encodes a birth year in the future",
    "id_number.birth_year_mismatch": "birth year does not agree with the ID number",
    "id_number.sex_mismatch": "sex does not agree with the ID number's sex digit",
    "old_id_number.format": "old ID (CMND) number is not 9 or 12 digits",
    # --- chip ID card QR ---------------------------------------------------------------------
    "card.empty": "the scanned card payload is empty",
    "card.not_a_card": "the scan is not a chip ID card QR (wrong shape: URL, other card, text)",
    "card.field_count": "card QR has neither 7 nor 11 fields",
    "card.full_name": "full name on the card is missing or not a name",
    "card.birth_date": "birth date on the card is not a real ddmmyyyy date",
    "card.sex": "sex on the card is neither Nam nor Nữ",
    "card.address": "address on the card is missing",
    "card.issue_date": "issue date on the card is not a real ddmmyyyy date",
    "card.issue_before_birth": "card issue date is before the birth date",
    # --- scans (kiosk.domain.scan): what a scan was when it was not a chip ID card ---------------
    "scan.partial_card": "the scan starts like a chip ID card QR but is cut short or damaged",
    "scan.health_insurance": "the scan is a health-insurance (BHYT) card, not a chip ID card",
    "scan.url": "the scan is a web address (URL), not a chip ID card",
    "scan.product_barcode": "the scan is a product barcode (EAN/UPC), not a chip ID card",
    "scan.unknown": "the scan is not a chip ID card QR",
    # --- dates ---------------------------------------------------------------------------------
    "date.format": "not a real date (YYYY-MM-DD)",
    "date.future": "date is in the future",
    "date.before_birth": "date is before the resident's birth",
    "date.order": "dates are in the wrong order",
    # --- plates -------------------------------------------------------------------------------
    "plate.format": "not a Vietnamese plate format",
    "plate.province": "plate province code below 11",
    "plate.series": "plate series letters not allowed",
    "plate.number": "plate number digits not allowed",
    "plate.kind_mismatch": "plate format does not fit the vehicle kind",
    # --- vehicles ---------------------------------------------------------------------------
    "vehicle.chassis_number": "chassis/frame number has characters not allowed",
    "vehicle.engine_number": "engine number has characters not allowed",
    # --- driving licences -------------------------------------------------------------------
    "licence.number": "licence number is neither 12 digits nor an old paper licence number",
    "licence.province": "licence number starts with an unknown province prefix",
    "licence.class": "unknown licence class",
    "licence.class_scheme": "licence class does not exist in this scheme",
    "licence.scheme_date": "licence scheme does not match its issue date",
    "licence.expiry_before_issue": "licence expiry is before its issue date",
    # --- phone numbers ------------------------------------------------------------------------
    "phone.format": "not a Vietnamese phone number",
    "phone.prefix": "mobile prefix not in use",
    # --- names and free text ----------------------------------------------------------------
    "name.format": "name is empty or contains characters a name cannot have",
    "text.too_long": "text is longer than allowed",
    "text.control_character": "text holds a control character (C0, DEL or C1: NUL, tab, newline…)",
    # --- submission payload -----------------------------------------------------------------
    "payload.not_object": "payload is not a JSON object",
    "payload.missing": "required key is missing",
    "payload.unknown_key": "key is not part of the payload schema",
    "payload.null": "value may not be null",
    "payload.empty": "text may not be empty or blank (use null where absent is allowed)",
    "payload.type": "value has the wrong type",
    "payload.enum": "value is not one of the allowed values",
    "payload.schema": "payload schema number is not supported",
    "payload.reference": "reference code does not match XXXX-XXXX (Crockford base32)",
    "payload.uuid": "value is not a UUID",
    "payload.datetime": "not an ISO 8601 time with offset",
    "payload.consent": "consent must be true",
    "payload.answer_fields": "fields required or forbidden by this answer are wrong",
    "payload.duplicate_record": "the same record on file is answered twice",
    "payload.papers": "a document code is repeated, or 'none' is listed with other documents",
    "payload.warning_code": "acknowledged warning code is unknown",
    "payload.sha256": "sha256 does not match the canonical bytes of the payload",
    "payload.reference_taken": "this station already used the reference for another submission",
    "payload.station_id": "station_id is not the station uploading the submission",
    # --- reference codes typed by an operator -------------------------------------------------
    "reference.format": "a typed reference code is not 8 Crockford base32 characters (XXXX-XXXX)",
}

_WARNINGS: dict[str, str] = {
    "card.extra_fields": "card QR fields 7-10 are not empty (meaning unconfirmed)",
    "card.encoding_repaired": "scanner mangled UTF-8 (mojibake); the text was repaired",
    "card.name_differs": "the name on the card differs from the roster's (beyond lost diacritics)",
    "plate.province_unlisted": "plate province code 11-99 not in the published table",
    "licence.number_unconfirmed": "licence number is not the usual 12-digit card form (old paper licence?)",
    "licence.expiry_unconfirmed": "expiry rule for this class is unconfirmed",
    "licence.expiry_unexpected": "expiry date differs from the rule for this class",
    "licence.conversion_unconfirmed": "old-to-new class conversion is unconfirmed",
    "phone.landline": "landline number, not a mobile",
    "vehicle.vin_unusual": "car chassis number is not a 17-character VIN",
    "resident.age_unusual": "resident is under 16 or over 110",
}

ERROR_CODES: MappingProxyType[str, str] = MappingProxyType(_ERRORS)
"""Error codes (block saving) and their English descriptions."""

WARNING_CODES: MappingProxyType[str, str] = MappingProxyType(_WARNINGS)
"""Warning codes (never block; an officer acknowledges them) and their English descriptions."""

CODES: MappingProxyType[str, str] = MappingProxyType({**_ERRORS, **_WARNINGS})
"""Every code, errors and warnings together."""


def is_warning(code: str) -> bool:
    """Tell whether ``code`` is a warning (True) rather than an error."""
    return code in _WARNINGS


class DomainError(ValueError):
    """A value broke a rule; ``code`` is one of :data:`ERROR_CODES`, ``field`` names the part."""

    def __init__(self, code: str, field: str | None = None, detail: str | None = None) -> None:
        if code not in _ERRORS:
            raise KeyError(f"unknown error code {code!r}")
        self.code = code
        self.field = field
        self.detail = detail
        where = f" [{field}]" if field else ""
        extra = f": {detail}" if detail else ""
        super().__init__(f"{code}{where}: {_ERRORS[code]}{extra}")
