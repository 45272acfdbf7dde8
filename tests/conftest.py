"""Root test configuration: Qt runs offscreen, and Qt tests are marked ``gui`` automatically."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that uses the ``qtbot`` fixture as ``gui`` so ``-m "not gui"`` runs the rest."""
    for item in items:
        if "qtbot" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.gui)
