"""Structure of payload v1: the pydantic models, strict types, and the committed JSON Schema."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from kiosk.exchange.payload import (
    SCHEMA_PATH,
    SubmissionPayload,
    main,
    payload_json_schema,
    validate_payload,
)
from tests.strategies.payloads import make_payload, payloads

Path_ = tuple[str | int, ...]
REPRESENTATIVE = {"full_name": "Nguyễn Thị Mai", "id_number": "001190054321", "relation": "con"}

# DESIGN.md §5, "Nullable:" — per object of the schema.
NULLABLE: dict[str, set[str]] = {
    "SubmissionPayloadV1": {"session_id", "representative"},
    "Resident": {"old_id_number", "phone", "card_issue_date"},
    "Vehicle": {
        "registry_ref", "brand", "model", "colour", "chassis_number", "engine_number",
        "registered_owner", "counterparty", "event_date", "note",
    },
    "Licence": {"registry_ref", "expiry_date", "note"},
    "RegisteredOwner": {"id_number"},
    "Counterparty": {"id_number", "phone"},
    "Representative": {"id_number"},
}  # fmt: skip


def full_payload() -> dict[str, Any]:
    """make_payload() with every optional object present, so every key of every object is there."""
    return make_payload(representative=dict(REPRESENTATIVE))


def pointer(path: Path_) -> str:
    return "".join(f"/{part}" for part in path)


def key_paths(value: object, path: Path_ = ()) -> Iterator[Path_]:
    """The path of every object key in ``value``, depth first."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*path, key)
            yield from key_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from key_paths(item, (*path, index))


def object_paths(value: object, path: Path_ = ()) -> Iterator[Path_]:
    """The path of every object in ``value``, the root included."""
    if isinstance(value, dict):
        yield path
        for key, item in value.items():
            yield from object_paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from object_paths(item, (*path, index))


def get(payload: Any, path: Path_) -> Any:
    for part in path:
        payload = payload[part]
    return payload


def replaced(path: Path_, value: object) -> dict[str, Any]:
    payload = full_payload()
    get(payload, path[:-1])[path[-1]] = value
    return payload


def is_nullable(path: Path_) -> bool:
    """Whether DESIGN lists the key at ``path`` of :func:`full_payload` as nullable."""
    owner = {
        (): "SubmissionPayloadV1",
        ("resident",): "Resident",
        ("representative",): "Representative",
    }.get(path[:-1])
    if owner is None:
        tail = [part for part in path[:-1] if isinstance(part, str)]
        owner = {
            "vehicles": "Vehicle",
            "licences": "Licence",
            "registered_owner": "RegisteredOwner",
            "counterparty": "Counterparty",
        }[tail[-1]]
    return path[-1] in NULLABLE[owner]


ALL_KEYS = list(key_paths(full_payload()))
ALL_OBJECTS = list(object_paths(full_payload()))


def test_the_example_payload_is_structurally_valid() -> None:
    SubmissionPayload.model_validate(full_payload())
    assert validate_payload(full_payload()) == []


@given(payloads())
def test_models_give_back_exactly_what_they_read(payload: dict[str, Any]) -> None:
    model = SubmissionPayload.model_validate(payload)
    assert model.model_dump(by_alias=True) == payload
    assert model.model_dump(mode="json", by_alias=True) == payload


@pytest.mark.parametrize("path", ALL_KEYS, ids=pointer)
def test_every_key_is_required(path: Path_) -> None:
    payload = full_payload()
    del get(payload, path[:-1])[path[-1]]
    assert {"path": pointer(path), "code": "payload.missing"} in validate_payload(payload)


@pytest.mark.parametrize("path", ALL_KEYS, ids=pointer)
def test_only_the_listed_keys_are_nullable(path: Path_) -> None:
    payload = replaced(path, None)
    if is_nullable(path):
        SubmissionPayload.model_validate(payload)  # structure accepts null (rules may not)
    else:
        assert {"path": pointer(path), "code": "payload.null"} in validate_payload(payload)


def _other_type(value: object) -> object:
    if isinstance(value, bool):
        return "true"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return 1
    if isinstance(value, list):
        return {}
    return []


@pytest.mark.parametrize("path", ALL_KEYS, ids=pointer)
def test_no_type_is_coerced(path: Path_) -> None:
    value = get(full_payload(), path)
    payload = replaced(path, _other_type(value))
    assert {"path": pointer(path), "code": "payload.type"} in validate_payload(payload)


@pytest.mark.parametrize("path", ALL_OBJECTS, ids=lambda p: pointer(p) or "root")
def test_unknown_keys_are_refused_everywhere(path: Path_) -> None:
    payload = full_payload()
    get(payload, path)["extra/key~"] = 1
    expected = {"path": pointer(path) + "/extra~1key~0", "code": "payload.unknown_key"}
    assert validate_payload(payload) == [expected]


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (2, "payload.schema"),
        (0, "payload.schema"),
        ("1", "payload.type"),
        (True, "payload.type"),
        (1.0, "payload.type"),
        (None, "payload.null"),
    ],
)
def test_schema_must_be_the_integer_one(value: object, code: str) -> None:
    assert validate_payload(make_payload(schema=value)) == [{"path": "/schema", "code": code}]


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (False, "payload.consent"),
        (1, "payload.type"),
        ("true", "payload.type"),
        (None, "payload.null"),
    ],
)
def test_consent_must_be_true(value: object, code: str) -> None:
    assert validate_payload(make_payload(consent=value)) == [{"path": "/consent", "code": code}]


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("resident", "sex"), "Nam"),
        (("resident", "source"), "card"),
        (("vehicles", 0, "kind"), "Car"),
        (("vehicles", 0, "answer"), "sold_"),
        (("licences", 0, "scheme"), "2025"),
        (("licences", 0, "answer"), "transferred"),
        (("vehicles", 0, "papers", 0), "receipt"),
    ],
)
def test_enums(path: Path_, value: str) -> None:
    assert validate_payload(replaced(path, value)) == [
        {"path": pointer(path), "code": "payload.enum"}
    ]


@pytest.mark.parametrize(
    "value",
    [
        "2021-7-10",
        "20210710",
        "2021-02-30",
        "2021-13-01",
        "0000-01-01",
        "2021-07-10T00:00:00",
        "10/07/2021",
        "10072021",
        " 2021-07-10",
        "2021-07-10\n",
        "２０２１-07-10",
        "2021–07–10",
        "",
    ],
)
def test_dates_are_strict_yyyy_mm_dd(value: str) -> None:
    for path in [
        ("resident", "birth_date"),
        ("licences", 0, "expiry_date"),
        ("vehicles", 1, "event_date"),
    ]:
        expected = [{"path": pointer(path), "code": "date.format"}]
        assert validate_payload(replaced(path, value)) == expected


@pytest.mark.parametrize(
    "value",
    [
        "2025-11-22T19:05:11+07:00",
        "2025-11-22T12:05:11Z",
        "2025-11-22T19:05:11.5+07:00",
        "2025-11-22T06:35:11.123456-05:30",
    ],
)
def test_times_with_an_offset(value: str) -> None:
    assert validate_payload(make_payload(captured_at=value, verified_at=value)) == []


@pytest.mark.parametrize(
    "value",
    [
        "2025-11-22T19:05:11",
        "2025-11-22 19:05:11+07:00",
        "2025-11-22",
        "2025-11-22T19:05+07:00",
        "2025-11-22T24:00:00+07:00",
        "2025-11-22T19:05:11+0700",
        "2025-11-22T19:05:11+24:00",
        "2025-11-22t19:05:11z",
        "2025-11-22T19:05:11+07:00\n",
        "2025-11-22T19:05:11.1234567+07:00",
        "２０２5-11-22T19:05:11+07:00",
        "",
    ],
)
def test_times_without_an_offset_or_malformed(value: str) -> None:
    expected = [{"path": "/captured_at", "code": "payload.datetime"}]
    assert validate_payload(make_payload(captured_at=value)) == expected


@pytest.mark.parametrize(
    "value",
    [
        "6F1C1C0E-5A8B-4C8E-9A53-0D6F3E2A9B71",
        "6f1c1c0e5a8b4c8e9a530d6f3e2a9b71",
        "{6f1c1c0e-5a8b-4c8e-9a53-0d6f3e2a9b71}",
        "urn:uuid:6f1c1c0e-5a8b-4c8e-9a53-0d6f3e2a9b71",
        "6f1c1c0e-5a8b-4c8e-9a53-0d6f3e2a9b7",
        "6f1c1c0e-5a8b-4c8e-9a53-0d6f3e2a9b71\n",
        "",
    ],
)
def test_session_id_is_a_canonical_uuid(value: str) -> None:
    expected = [{"path": "/session_id", "code": "payload.uuid"}]
    assert validate_payload(make_payload(session_id=value)) == expected


@pytest.mark.parametrize("value", ["k7qm-4m2x", "K7QI-4M2X", "K7QM4M2X", "K7QM-4M2X\n", ""])
def test_reference_pattern(value: str) -> None:
    expected = [{"path": "/reference", "code": "payload.reference"}]
    assert validate_payload(make_payload(reference=value)) == expected


@pytest.mark.parametrize(
    ("path", "value", "code"),
    [
        (("station_id",), "", "payload.empty"),
        (("captured_by",), "  ", "payload.empty"),
        (("verified_by",), "x" * 101, "text.too_long"),
        (("resident", "address"), "\t", "payload.empty"),
        (("resident", "address"), " \x00 ", "text.control_character"),
        (("resident", "address"), "x" * 501, "text.too_long"),
        (("vehicles", 0, "brand"), "", "payload.empty"),
        (("vehicles", 0, "note"), "x" * 1001, "text.too_long"),
        (("licences", 0, "registry_ref"), "", "payload.empty"),
        (("representative", "relation"), " ", "payload.empty"),
    ],
)
def test_free_text_is_neither_blank_nor_huge(path: Path_, value: str, code: str) -> None:
    assert validate_payload(replaced(path, value)) == [{"path": pointer(path), "code": code}]


# --- JSON Schema ----------------------------------------------------------------------------------


def _nullable(prop: dict[str, Any]) -> bool:
    return {"type": "null"} in prop.get("anyOf", [])


def test_json_schema_requires_every_key_forbids_others_and_nulls_only_the_listed() -> None:
    schema = payload_json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    objects = {schema["title"]: schema, **schema["$defs"]}
    assert set(objects) == set(NULLABLE)
    for name, definition in objects.items():
        assert definition["additionalProperties"] is False, name
        assert set(definition["required"]) == set(definition["properties"]), name
        nullable = {key for key, prop in definition["properties"].items() if _nullable(prop)}
        assert nullable == NULLABLE[name], name


def test_json_schema_carries_the_fixed_values_and_formats() -> None:
    schema = payload_json_schema()
    props = schema["properties"]
    assert (props["schema"]["type"], props["schema"]["const"]) == ("integer", 1)
    assert (props["consent"]["type"], props["consent"]["const"]) == ("boolean", True)
    assert props["reference"]["pattern"] == "^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$"
    assert props["captured_at"]["format"] == "date-time"
    assert schema["$defs"]["Resident"]["properties"]["birth_date"]["format"] == "date"
    assert "class" in schema["$defs"]["Licence"]["properties"]


def test_the_committed_schema_file_is_current() -> None:
    expected = json.dumps(payload_json_schema(), indent=2, ensure_ascii=False) + "\n"
    assert SCHEMA_PATH.read_text(encoding="utf-8") == expected, (
        "run: python -m kiosk.exchange.payload --write-schema"
    )


def test_write_then_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "schema.json"
    assert main(["--check", "--path", str(target)]) == 1  # missing
    assert main(["--write-schema", "--path", str(target)]) == 0
    assert json.loads(target.read_text(encoding="utf-8")) == payload_json_schema()
    assert main(["--check", "--path", str(target)]) == 0
    target.write_text("{}\n", encoding="utf-8")
    assert main(["--check", "--path", str(target)]) == 1
    assert "stale" in capsys.readouterr().err


def test_the_module_runs_as_a_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kiosk.exchange.payload", "--check"],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0, done.stderr


# --- control characters and bounds (DESIGN.md §6) ----------------------------------------------

# Keys whose format or enum check speaks first: a control character there is that format's error.
_FORMATTED = {
    "reference": "payload.reference",
    "session_id": "payload.uuid",
    "captured_at": "payload.datetime",
    "verified_at": "payload.datetime",
    "birth_date": "date.format",
    "card_issue_date": "date.format",
    "event_date": "date.format",
    "issue_date": "date.format",
    "expiry_date": "date.format",
    "sex": "payload.enum",
    "source": "payload.enum",
    "answer": "payload.enum",
    "kind": "payload.enum",
    "scheme": "payload.enum",
}
TEXT_KEYS = [p for p in ALL_KEYS if isinstance(get(full_payload(), p), str)]


@pytest.mark.parametrize("control", ["\x00", "\t", "\n", "\x1f", "\x7f", "\x85", "\x9f"])
@pytest.mark.parametrize("path", TEXT_KEYS, ids=pointer)
def test_a_control_character_is_refused_in_every_text(path: Path_, control: str) -> None:
    text = get(full_payload(), path)
    code = _FORMATTED.get(str(path[-1]), "text.control_character")
    expected = [{"path": pointer(path), "code": code}]
    assert validate_payload(replaced(path, text[:1] + control + text[1:])) == expected


def test_a_control_character_in_an_acknowledged_warning_code() -> None:
    payload = make_payload(warnings_acknowledged=["licence.expiry_unconfirmed\x00"])
    expected = [{"path": "/warnings_acknowledged/0", "code": "text.control_character"}]
    assert validate_payload(payload) == expected


@pytest.mark.parametrize("path", TEXT_KEYS, ids=pointer)
def test_every_text_is_bounded(path: Path_) -> None:
    errors = validate_payload(replaced(path, "X" * 200_000))
    assert len(errors) == 1 and errors[0]["path"] == pointer(path)
    assert errors[0]["code"] in {"text.too_long", *_FORMATTED.values()}


def test_every_string_of_the_json_schema_has_a_bound() -> None:
    schema = payload_json_schema()
    strings: list[dict[str, Any]] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if node.get("type") == "string":
                strings.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    assert strings
    for node in strings:
        bounded = "maxLength" in node or "enum" in node or "const" in node
        fixed = str(node.get("pattern", "")).endswith("$")
        assert bounded or fixed, node


def test_a_huge_unknown_key_is_reported_at_its_object() -> None:
    payload = make_payload()
    payload["resident"]["X" * 200_000] = 1
    assert validate_payload(payload) == [{"path": "/resident", "code": "payload.unknown_key"}]
    payload = make_payload()
    payload["extra"] = 1
    assert validate_payload(payload) == [{"path": "/extra", "code": "payload.unknown_key"}]
