"""Fixtures of the sync tests: the kiosk's store (as in the store tests) and a real intake server."""

from __future__ import annotations

from tests.store.fixtures import clock, config, kiosk_env, store, template_root
from tests.support.intake import one_test_server

__all__ = ["clock", "config", "kiosk_env", "one_test_server", "store", "template_root"]
