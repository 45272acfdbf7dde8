"""The client answers any enrolment answer, roster page or lookup answer with BadResponse or a
model, nothing else (issue 20)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from kiosk.exchange.protocol import EnrolResponse, LookupResponse, SubmissionLookupResponse
from kiosk.sync.client import _validate, parse_roster_page
from kiosk.sync.errors import BadResponse
from tests.strategies.hostile import FUZZ, json_values

hostile = st.sampled_from(
    [
        b"[" * 100_000,
        b"[" * 100_000 + b"]" * 100_000,
        b'{"households":' + b"[" * 100_000 + b"]" * 100_000 + b"}",
        b'{"households":[' + b"{" * 5000 + b"}",
        b'{"a":' * 50_000,
        b"9" * 5000,
        b'{"households":[],"next_cursor":' + b"9" * 5000 + b"}",
        b'{"households":[1e999, NaN, -Infinity]}',
        b"NaN",
        b"\xff\xfe\x00",
        b"",
    ]
)


@st.composite
def answers(draw: st.DrawFn) -> bytes:
    kind = draw(st.integers(0, 2))
    if kind == 0:
        return draw(hostile)
    if kind == 1:
        return draw(st.binary(max_size=200))
    value = draw(json_values | st.dictionaries(st.sampled_from(_KEYS), json_values, max_size=6))
    return json.dumps(value, allow_nan=True).encode("utf-8")


_KEYS = [
    "households",
    "next_cursor",
    "station_id",
    "token",
    "ward",
    "group",
    "server_public_key",
    "resident",
    "vehicles",
    "licences",
    "found",
    "id",
]

READERS: list[Callable[[bytes], object]] = [
    parse_roster_page,
    lambda body: _validate(body, EnrolResponse),
    lambda body: _validate(body, LookupResponse),
    lambda body: _validate(body, SubmissionLookupResponse),
]


@FUZZ
@given(body=answers())
def test_any_answer_raises_only_bad_response(body: bytes) -> None:
    for reader in READERS:
        with contextlib.suppress(BadResponse):
            reader(body)
