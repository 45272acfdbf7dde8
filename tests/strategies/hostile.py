"""Hostile input for the readers' fuzz tests: any JSON value, huge numbers, NaN and infinities."""

from __future__ import annotations

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
"""A reader's fuzz test: 200 examples, no deadline (deep nesting takes its time)."""

any_text = st.text(max_size=30)
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | any_text
    | st.just(10**4000)
    | st.just(float("inf"))
    | st.just(float("nan")),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(any_text, children, max_size=4)
    ),
    max_leaves=20,
)
"""Any JSON value, with a 4000-digit integer, infinity and NaN among the leaves."""
