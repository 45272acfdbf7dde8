"""The station's name: the community house's, kept by officers, audited with the old and new name."""

from __future__ import annotations

import pytest

from kiosk.services import Actor, PermissionDenied
from kiosk.services.audit import AuditService
from kiosk.services.station import NAME_MAX, StationService, clean_station_name
from kiosk.store import Store
from tests.store.fixtures import FakeClock, add_operator


def _officer(store: Store) -> Actor:
    return Actor(add_operator(store, "Hoa", "officer"), "Hoa", "officer")


def test_an_officer_names_the_station_and_it_is_audited(store: Store, clock: FakeClock) -> None:
    officer = _officer(store)
    station = StationService(store, clock)
    before = station.name()
    assert station.info().name == before
    kept = station.set_name(officer, "  Nhà  văn hoá\tTổ dân phố 3 ")
    assert kept == "Nhà văn hoá Tổ dân phố 3"
    assert station.name() == kept
    assert station.info().name == kept
    station.set_name(officer, "Nhà văn hoá Tổ dân phố 3")  # the same name again: no event
    events = [e for e in AuditService(store, clock).recent(officer) if e.action == "station.name"]
    assert len(events) == 1
    (event,) = events
    assert event.actor == officer.operator_id
    assert event.subject == station.info().station_id
    assert event.details == {"old": before, "new": kept}


def test_the_name_is_in_nfc() -> None:
    decomposed = "Nha\u0300 va\u0306n hoa\u0301"
    assert clean_station_name(decomposed) == "Nhà văn hoá"


@pytest.mark.parametrize("name", ["", "   ", "\t\n", "x" * (NAME_MAX + 1), "Nhà\x00văn hoá"])
def test_a_blank_too_long_or_control_name_is_refused(
    store: Store, clock: FakeClock, name: str
) -> None:
    officer = _officer(store)
    station = StationService(store, clock)
    before = station.name()
    with pytest.raises(ValueError):
        station.set_name(officer, name)
    assert station.name() == before
    assert station.set_name(officer, "x" * NAME_MAX) == "x" * NAME_MAX  # the longest allowed


def test_only_officers_rename_the_station(store: Store, clock: FakeClock) -> None:
    volunteer = Actor(add_operator(store, "Lan", "volunteer"), "Lan", "volunteer")
    station = StationService(store, clock)
    before = station.name()
    with pytest.raises(PermissionDenied):
        station.set_name(volunteer, "Nhà văn hoá Tổ dân phố 3")
    assert station.name() == before
