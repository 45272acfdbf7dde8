"""The composition root hands the visit's parts to the screens: capture, retention, config texts."""

from __future__ import annotations

from kiosk.app import Wiring, build_backend
from kiosk.config import DEFAULT_IHANOI_URL, Config, replace
from kiosk.services import Actor
from tests.store.fixtures import FakeClock, add_operator
from tests.strategies.payloads import make_payload
from tests.ui.conftest import FAST_PINS


def test_the_backend_carries_the_visit_settings_and_expires_drafts(config: Config) -> None:
    config = replace(
        config, retention_days=3, consent_text="Tôi đồng ý.", ihanoi_url="https://x.vn/app"
    )
    clock = FakeClock()
    backend = build_backend(config, Wiring(clock=clock, pin_params=FAST_PINS))
    try:
        assert (backend.retention_days, backend.consent_text, backend.ihanoi_url) == (
            3, "Tôi đồng ý.", "https://x.vn/app",
        )  # fmt: skip
        volunteer = Actor(add_operator(backend.store, "Lan", "volunteer"), "Lan", "volunteer")
        old = backend.capture.new_draft(volunteer, payload=make_payload())
        clock.advance(days=2)
        recent = backend.capture.new_draft(volunteer, payload=make_payload())
        clock.advance(days=1, seconds=1)
        assert backend.expire_drafts() == 1
        assert backend.capture.get(volunteer, old.id).discard_reason == "expired"
        assert [d.id for d in backend.capture.my_drafts(volunteer)] == [recent.id]
    finally:
        backend.close()


def test_the_backend_defaults_to_the_built_in_texts(config: Config) -> None:
    backend = build_backend(config, Wiring(clock=FakeClock(), pin_params=FAST_PINS))
    try:
        assert (backend.retention_days, backend.consent_text) == (7, None)
        assert backend.ihanoi_url == DEFAULT_IHANOI_URL
    finally:
        backend.close()
