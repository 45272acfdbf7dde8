"""The audit service: officers check the chain and read the log; anyone records app events."""

from __future__ import annotations

import pytest

from kiosk.services import Actor, PermissionDenied
from kiosk.services.audit import AuditService
from kiosk.store import Store
from tests.store.fixtures import FakeClock, add_operator


def test_officer_checks_and_reads(store: Store, clock: FakeClock) -> None:
    officer = Actor(add_operator(store, "Hoa", "officer"), "Hoa", "officer")
    volunteer = Actor(add_operator(store, "Lan", "volunteer"), "Lan", "volunteer")
    audit = AuditService(store, clock)
    audit.record(officer, "export.queue", details={"submissions": 3, "id": "001090012345"})
    audit.record(None, "settings.change", details={"field": "retention_days"})
    report = audit.verify_chain(officer)
    assert report.ok
    recent = audit.recent(officer, limit=3)
    assert [e.action for e in recent] == ["audit.verify", "settings.change", "export.queue"]
    assert recent[2].details["id"] != "001090012345"
    with pytest.raises(PermissionDenied):
        audit.verify_chain(volunteer)
    with pytest.raises(PermissionDenied):
        audit.recent(volunteer)
