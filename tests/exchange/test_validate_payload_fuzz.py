"""validate_payload and payload_warnings answer every input with a list and never raise."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.domain.errors import ERROR_CODES
from kiosk.exchange.payload import payload_warnings, validate_payload
from tests.exchange.pointers import DELETE, changed, e, resolve
from tests.strategies.payloads import make_payload, payloads

RES, V0 = "/resident", "/vehicles/0"


any_text = st.text(alphabet=st.characters(exclude_categories=()), max_size=30)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | any_text,
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(any_text, children, max_size=5)
    ),
    max_leaves=30,
)
small_json = st.recursive(
    st.none() | st.booleans() | st.integers() | any_text,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(any_text, children, max_size=3)
    ),
    max_leaves=8,
)


def check_answer(payload: object, found: list[dict[str, str]]) -> None:
    """Errors are well formed, with known codes, pointing at the value (if missing, its parent)."""
    assert isinstance(found, list)
    for error in found:
        assert set(error) == {"path", "code"}
        assert error["code"] in ERROR_CODES, error
        path = error["path"]
        assert path == "" or path.startswith("/")
        if error["code"] == "payload.missing":
            path = path.rpartition("/")[0]
        resolve(payload, path)


@given(json_values)
def test_any_json_value_gives_a_list(value: object) -> None:
    check_answer(value, validate_payload(value))
    payload_warnings(value)


@given(st.dictionaries(st.sampled_from(list(make_payload())) | any_text, small_json, max_size=6))
def test_any_object_with_payload_keys_gives_a_list(value: dict[str, object]) -> None:
    check_answer(value, validate_payload(value))
    payload_warnings(value)


def _paths(value: object, path: str = "") -> list[str]:
    found = [path] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, f"{path}/{key.replace('~', '~0').replace('/', '~1')}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, f"{path}/{index}")
    return found


@st.composite
def mutated_payloads(draw: st.DrawFn) -> dict[str, Any]:
    """A valid payload with one to three values deleted, replaced by any JSON, or keys added."""
    payload = draw(payloads()) if draw(st.booleans()) else make_payload()
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(payload)
        if not paths:
            break
        target = draw(st.sampled_from(paths))
        how = draw(st.sampled_from(("delete", "replace", "add_key", "stringify")))
        if how == "delete":
            payload = changed((target, DELETE), payload=payload)
        elif how == "replace":
            payload = changed((target, draw(json_values)), payload=payload)
        elif how == "add_key" and isinstance(resolve(payload, target), dict):
            payload = changed((f"{target}/{draw(any_text).replace('/', '')}", 1), payload=payload)
        else:
            payload = changed((target, str(resolve(payload, target))), payload=payload)
    return payload


@settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(mutated_payloads())
def test_mutated_payloads_give_a_list(payload: dict[str, Any]) -> None:
    check_answer(payload, validate_payload(payload))
    payload_warnings(payload)


STRING_POINTERS = [p for p in _paths(make_payload()) if isinstance(resolve(make_payload(), p), str)]


@given(st.sampled_from(STRING_POINTERS), any_text)
def test_any_text_in_any_string_field(pointer: str, text: str) -> None:
    payload = changed((pointer, text))
    check_answer(payload, validate_payload(payload))
    payload_warnings(payload)


def _nested(depth: int) -> object:
    value: object = "x"
    for _ in range(depth):
        value = [value, {"k": value}] if depth < 30 else [value]
    return value


@pytest.mark.parametrize(
    "pointer",
    [
        "/resident",
        "/vehicles",
        "/vehicles/0",
        "/vehicles/0/papers",
        "/warnings_acknowledged",
        "/resident/full_name",
        "/note_extra",
    ],
)
def test_deep_nesting_anywhere(pointer: str) -> None:
    payload = changed((pointer, _nested(50_000)))
    check_answer(payload, validate_payload(payload))
    assert validate_payload(_nested(50_000)) == [e("", "payload.not_object")]


@pytest.mark.parametrize(
    "text", ["x" * 2_000_000, "\x00\r\n\t\u200b" * 1000, "\ud800\udfff", "🏍️" * 10_000]
)
def test_odd_and_huge_strings_in_every_string_field(text: str) -> None:
    payload = make_payload()
    for pointer in _paths(payload):
        if isinstance(resolve(payload, pointer), str):
            single = changed((pointer, text))
            check_answer(single, validate_payload(single))
            payload_warnings(single)


def test_keys_that_are_not_unicode_text_are_unknown_keys() -> None:
    # JSON can carry lone surrogates ("\\ud800"); UTF-8, and so the canonical bytes, cannot.
    top = make_payload()
    top["\ud800"] = 1
    assert validate_payload(top) == [e("/\ud800", "payload.unknown_key")]
    nested = changed((f"{RES}/x\udfff", 1))
    assert validate_payload(nested) == [e(f"{RES}/x\udfff", "payload.unknown_key")]
    value = changed((f"{V0}/note", "\ud800"))
    assert validate_payload(value) == [e(f"{V0}/note", "payload.type")]


def test_non_string_keys_are_unknown_keys() -> None:
    payload: dict[Any, Any] = make_payload()
    payload[1] = "x"
    payload["resident"][(1, 2)] = "y"
    found = validate_payload(payload)
    assert e("/1", "payload.unknown_key") in found
    assert e("/resident/(1, 2)", "payload.unknown_key") in found
