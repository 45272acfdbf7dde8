"""Visit outcomes through the real window: a refusal of consent becomes the member's ``refused``
outcome, and the sync thread takes outcomes to the ward's server (issue 21, point 4)."""

from __future__ import annotations

from datetime import timedelta

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from intake.auth import issue_enrol_code
from intake.demo import populate
from intake.models import VisitOutcome as ServerOutcome
from kiosk.services.base import Actor
from kiosk.store.models import Operator
from kiosk.store.outcomes import pending_outcomes
from kiosk.ui.main_window import MainWindow
from tests.support.intake import (
    Server,
    one_test_server,  # noqa: F401  # the ``server`` fixture
)
from tests.sync.helpers import WARD
from tests.ui.conftest import OFFICER
from tests.ui.flows import WAIT_MS, complete_setup, tap
from tests.ui.scans import (
    HOUSEHOLD,
    RESIDENT,
    card_text,
    scan,
    serving_kiosk,  # noqa: F401  # the ``kiosk`` fixture
)

SYNC_WAIT_MS = 20_000


def _officer(window: MainWindow) -> Actor:
    with window.backend_or_fail().store.read() as session:
        operator = session.scalars(select(Operator).where(Operator.name == OFFICER[0])).one()
    return Actor(operator.id, operator.name, "officer")


def test_a_refusal_of_consent_records_the_members_outcome(qtbot: QtBot, kiosk: MainWindow) -> None:
    scan(card_text())
    qtbot.waitUntil(lambda: kiosk.navigator.current() == "resident", timeout=WAIT_MS)
    qtbot.waitUntil(lambda: len(kiosk.resident_screen.cards()) == 2, timeout=WAIT_MS)
    vehicle, licence = kiosk.resident_screen.cards()
    tap(qtbot, vehicle.choice.button_for("confirmed"))
    tap(qtbot, licence.choice.button_for("confirmed"))
    tap(qtbot, kiosk.resident_screen.continue_button)
    qtbot.waitUntil(lambda: kiosk.navigator.current() == "consent", timeout=WAIT_MS)
    tap(qtbot, kiosk.consent_screen.refuse_button)
    tap(qtbot, kiosk.consent_screen.refuse_button)  # asked once more, refused again
    qtbot.waitUntil(lambda: kiosk.navigator.current() == "home", timeout=WAIT_MS)
    outcomes = kiosk.backend_or_fail().outcomes
    qtbot.waitUntil(lambda: len(outcomes.history(HOUSEHOLD["id"])) == 1, timeout=WAIT_MS)
    [refusal] = outcomes.history(HOUSEHOLD["id"])
    assert (refusal.outcome, refusal.resident_id_number) == ("refused", RESIDENT["id_number"])
    assert (refusal.recorded_by, refusal.note, refusal.final) == (OFFICER[0], None, True)
    assert refusal.session_id is not None  # the session the draft belonged to
    assert outcomes.latest([HOUSEHOLD["id"]])[(HOUSEHOLD["id"], RESIDENT["id_number"])] == refusal


def test_the_sync_thread_sends_outcomes_and_keeps_their_order_of_arrival(
    qtbot: QtBot, window: MainWindow, server: Server
) -> None:
    ward = populate(server.engine, 30, seed=9, ward=WARD)
    code = issue_enrol_code(server.engine, WARD, "Tổ dân phố 1", timedelta(hours=1))
    complete_setup(qtbot, window, *OFFICER, server=(server.url, code))
    home = window.home_screen
    qtbot.waitUntil(lambda: "Đồng bộ lần cuối" in home.link_line(), timeout=SYNC_WAIT_MS)
    backend = window.backend_or_fail()
    household = ward.households[0]["id"]
    recorded = backend.outcomes.record(_officer(window), household, None, "absent", note="Vắng")
    tap(qtbot, home.sync_now_button)

    def sent() -> bool:
        with backend.store.reader() as conn:
            return not pending_outcomes(conn)

    qtbot.waitUntil(sent, timeout=SYNC_WAIT_MS)
    with server.engine.connect() as conn:
        there = conn.execute(select(ServerOutcome.id, ServerOutcome.arrival)).all()
    [mine] = backend.outcomes.history(household)
    assert [tuple(row) for row in there] == [(recorded.id, mine.arrival)]
    assert mine.sent_at is not None
