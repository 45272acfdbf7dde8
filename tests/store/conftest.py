"""Fixtures for the store tests (defined in :mod:`tests.store.fixtures`)."""

from __future__ import annotations

from tests.store.fixtures import clock, config, kiosk_env, store, template_root

__all__ = ["clock", "config", "kiosk_env", "store", "template_root"]
