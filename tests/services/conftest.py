"""Fixtures for the service tests: the store and clock (:mod:`tests.store.fixtures`), operators of
both roles, and the capture service."""

from __future__ import annotations

import pytest

from kiosk.services import Actor
from kiosk.services.capture import CaptureService
from kiosk.store import Store
from tests.store.fixtures import (
    FakeClock,
    add_operator,
    clock,
    config,
    kiosk_env,
    store,
    template_root,
)

__all__ = [
    "capture",
    "clock",
    "config",
    "kiosk_env",
    "officer",
    "store",
    "template_root",
    "volunteer",
]


@pytest.fixture
def volunteer(store: Store) -> Actor:
    """A volunteer, Lan."""
    return Actor(add_operator(store, "Lan", "volunteer"), "Lan", "volunteer")


@pytest.fixture
def officer(store: Store) -> Actor:
    """An officer, Hoa."""
    return Actor(add_operator(store, "Hoa", "officer"), "Hoa", "officer")


@pytest.fixture
def capture(store: Store, clock: FakeClock) -> CaptureService:
    """The capture service on the store and the test's clock."""
    return CaptureService(store, clock)
