"""JSON Pointer helpers for the payload tests: resolve a pointer, change a payload at pointers."""

from __future__ import annotations

import copy
from typing import Any

from tests.strategies.payloads import make_payload

Change = tuple[str, object]  # (JSON Pointer, new value); value DELETE removes the key
DELETE = object()


def unescape(part: str) -> str:
    """A JSON Pointer reference token back to its key (RFC 6901: ~1 is /, ~0 is ~)."""
    return part.replace("~1", "/").replace("~0", "~")


def resolve(document: Any, pointer: str) -> Any:
    """The value at a JSON Pointer; KeyError/IndexError/TypeError when there is none."""
    for part in pointer.split("/")[1:]:
        document = document[int(part)] if isinstance(document, list) else document[unescape(part)]
    return document


def changed(*changes: Change, payload: dict[str, Any] | None = None) -> dict[str, Any]:
    """make_payload() (or ``payload``, copied) with values at pointers replaced or deleted."""
    result = copy.deepcopy(payload) if payload is not None else make_payload()
    for pointer, value in changes:
        parent_pointer, _, last = pointer.rpartition("/")
        parent = resolve(result, parent_pointer)
        key: Any = int(last) if isinstance(parent, list) else unescape(last)
        if value is DELETE:
            del parent[key]
        elif isinstance(parent, list) and key == len(parent):
            parent.append(value)
        else:
            parent[key] = value
    return result


def e(path: str, code: str) -> dict[str, str]:
    """One expected error or warning, as validate_payload reports it."""
    return {"path": path, "code": code}
