"""Plates being typed: which beginnings can still become a plate, and how they are written so far."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.plates import VEHICLE_KINDS, InvalidPlate, parse_plate, plate_prefix
from tests.strategies.vehicles import plates

_PLATE_CHARS = "0123456789ABCDEGHIKLMNOQRTWĐ"


def _bare(display: str) -> str:
    return "".join(c for c in display if c not in " -.")


@pytest.mark.parametrize(
    ("text", "kind", "shown"),
    [
        ("", None, ""),
        ("3", None, "3"),
        ("30", "car", "30"),
        ("30A", None, "30A"),
        ("30A123", None, "30A-123"),
        ("30A12345", None, "30A-123.45"),
        ("30E12345", "car", "30E-123.45"),
        (
            "29B1",
            None,
            "29B-1",
        ),  # a car's 29B-1…. until the kind or a ninth character says otherwise
        ("29B1", "motorbike", "29-B1"),
        (
            "29B12345",
            "motorbike",
            "29-B1 2345",
        ),  # a whole (old 4-digit) plate: parse_plate's display
        ("29B123456", None, "29-B1 234.56"),
        ("29MĐ1", "electric_motorbike", "29-MĐ1"),
        ("29-mđ1 013", None, "29-MĐ1 013"),  # read like parse_plate reads: any case and punctuation
        ("29LD123", None, "29LD-123"),
        ("80011NG", None, "80-011-NG"),
        ("KA12", None, "KA-12"),
        ("30O", "car", "30O"),  # obsolete 4-digit car plates had O
        ("13A", None, "13A"),  # an unlisted province is only a warning
    ],
)
def test_a_begun_plate_is_written_as_far_as_it_goes(
    text: str, kind: str | None, shown: str
) -> None:
    assert plate_prefix(text, kind) == shown


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("0", None),  # no province code below 11
        ("10", None),
        ("10", "motorbike"),
        ("30I", "motorbike"),  # I is no series letter
        ("30O12345", "car"),  # O only on obsolete 4-digit car plates, never with five digits
        ("30I12345", None),
        ("29W", "electric_motorbike"),
        ("29B0", "motorbike"),  # the digit after the series letter is 1-9
        ("30A123456", "car"),  # a sixth digit: no car plate has one
        ("29B1234567", None),  # …and no plate at all
        ("29MĐ", "motorbike"),  # an MĐ plate is an electric motorbike's
        ("29MĐ", "car"),
        ("30Đ", "car"),  # Đ only in MĐ and TĐ
        ("ZA", None),  # not a military unit category
        ("30A00000", None),  # a serial of zeros
        ("3A", None),  # a letter where the province's second digit goes
        ("30A-1234.567", None),
        ("30A", "truck"),  # not a vehicle kind
        ("x" * 65, None),
    ],
)
def test_what_no_plate_starts_with_is_refused(text: str, kind: str | None) -> None:
    assert plate_prefix(text, kind) is None


def test_not_a_string_is_refused() -> None:
    assert plate_prefix(30, None) is None  # type: ignore[arg-type]


@given(st.sampled_from(VEHICLE_KINDS).flatmap(plates))
def test_every_beginning_of_a_plate_is_allowed(pair: tuple[str, str]) -> None:
    display, kind = pair
    bare = _bare(display)
    for end in range(len(bare) + 1):
        assert plate_prefix(bare[:end], kind) is not None, bare[:end]
        assert plate_prefix(bare[:end]) is not None, bare[:end]
    assert plate_prefix(bare, kind) == display


@given(plates())
def test_a_beginning_is_shown_with_its_own_characters(pair: tuple[str, str]) -> None:
    display, kind = pair
    bare = _bare(display)
    for end in range(len(bare) + 1):
        shown = plate_prefix(bare[:end], kind)
        assert shown is not None
        assert _bare(shown) == bare[:end]


@settings(max_examples=300)
@given(
    st.text(alphabet=_PLATE_CHARS, max_size=8),
    st.text(alphabet=_PLATE_CHARS, max_size=6),
    st.sampled_from([None, *VEHICLE_KINDS]),
)
def test_nothing_completes_a_refused_beginning(start: str, rest: str, kind: str | None) -> None:
    """A refused beginning is refused for good: no characters after it make a plate."""
    if plate_prefix(start, kind) is None:
        with pytest.raises(InvalidPlate):
            parse_plate(start + rest, kind)


@settings(max_examples=300)
@given(st.text(alphabet=_PLATE_CHARS, max_size=12), st.sampled_from([None, *VEHICLE_KINDS]))
def test_a_whole_plate_is_always_a_possible_beginning(text: str, kind: str | None) -> None:
    try:
        plate = parse_plate(text, kind)
    except InvalidPlate:
        return
    assert plate_prefix(text, kind) == plate.display
