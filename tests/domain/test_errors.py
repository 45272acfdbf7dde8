"""The single list of rule codes and the error type that carries them."""

from __future__ import annotations

import re

import pytest

from kiosk.domain.errors import CODES, ERROR_CODES, WARNING_CODES, DomainError, is_warning
from kiosk.domain.masking import mask_id_number


def test_codes_are_listed_once_and_described() -> None:
    assert not set(ERROR_CODES) & set(WARNING_CODES)
    assert len(CODES) == len(ERROR_CODES) + len(WARNING_CODES)
    for code, description in CODES.items():
        assert re.fullmatch(r"[a-z0-9_]+\.[a-z0-9_]+", code), code
        assert description and description == description.strip()


def test_warning_codes_are_told_apart_from_errors() -> None:
    assert is_warning("phone.landline")
    assert not is_warning("phone.format")


def test_domain_error_carries_code_and_field_but_no_value() -> None:
    error = DomainError("id_number.format", field="id_number")
    assert isinstance(error, ValueError)
    assert (error.code, error.field, error.detail) == ("id_number.format", "id_number", None)
    assert "id_number.format" in str(error)


def test_a_warning_or_unknown_code_cannot_be_raised_as_an_error() -> None:
    with pytest.raises(KeyError):
        DomainError("phone.landline")
    with pytest.raises(KeyError):
        DomainError("no.such_code")


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("001090012345", "001•••••345"),
        ("012345678", "012•••••678"),
        ("12345", "•••••"),
        ("", ""),
        (None, ""),
    ],
)
def test_mask_id_number(value: str | None, masked: str) -> None:
    assert mask_id_number(value) == masked
