"""What the shell's screens call on the database worker: the services, and the station's counts.

Everything here runs on the database worker (``TaskRunner.db``) and returns plain frozen data,
never ORM rows. This module is imported before the first paint, so it names the services only
for type checking: they (and SQLAlchemy under them) are imported on the database worker by
``kiosk.app.build_backend``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.config import DEFAULT_IHANOI_URL
from kiosk.services.base import Actor, Clock, PermissionDenied, require_role

if TYPE_CHECKING:
    from kiosk.services.audit import AuditService
    from kiosk.services.auth import AuthService
    from kiosk.services.capture import CaptureService
    from kiosk.services.lookup import LookupService
    from kiosk.services.outcomes import OutcomeService
    from kiosk.services.report import ReportService
    from kiosk.services.sessions import SessionService
    from kiosk.services.station import QueueSummary, StationService
    from kiosk.services.targets import TargetService
    from kiosk.services.verify import VerifyService
    from kiosk.store import Store
    from kiosk.sync.client import IntakeClient
    from kiosk.sync.enrol import Enrolled
    from kiosk.sync.offline import QueueExport
    from kiosk.sync.reconcile import ReconcileResult
    from kiosk.sync.roster_import import RosterImport, RosterImportProgress


class UnsentRecords(Exception):
    """Enrolling again would strand records still waiting: they carry this station's id."""

    def __init__(self, count: int) -> None:
        self.count = count
        super().__init__(f"{count} record(s) still waiting to be sent")


@dataclass(frozen=True)
class Backend:
    """The open store and the services on it, built by ``kiosk.app`` on the database worker."""

    store: Store
    auth: AuthService
    station: StationService
    audit: AuditService
    lookup: LookupService
    """Residents by ID (the ward's server within a budget, else the cache), name, plate, licence."""
    capture: CaptureService
    """A resident's visit: drafts, capture, discard with a reason, the operator's own drafts."""
    verify: VerifyService
    """The officer's side: pending, warnings, approve (never one's own capture), return."""
    sessions: SessionService
    """Evening sessions: open (officers), Home's running figures, the summary, close."""
    clock: Clock
    ca_bundle: str | None = None
    """The CA bundle that verifies the intake server (config); None: the system's CA store."""
    allow_insecure_http: bool = False
    """Plain ``http://`` to a server not on this computer is allowed (config): officers see it on
    Home; off, such an address is refused before any connection."""
    retention_days: int = 7
    """Drafts left this many days are discarded as expired, and the personal data of records sent
    this long ago goes once their session is reconciled (DESIGN.md §4)."""
    consent_text: str | None = None
    """The ward's own consent text (config); None: the kiosk's translated Decree 13/2023 text."""
    ihanoi_url: str = DEFAULT_IHANOI_URL
    """The iHanoi app's install page, shown as a QR code on the receipt (config)."""

    @cached_property
    def outcomes(self) -> OutcomeService:
        """Visit outcomes: record one (both roles; today's session, as a capture), a household's
        history, the deciding ones.  Built on first use from the store and clock above (its
        module is loaded by then: the capture service uses it)."""
        from kiosk.services.outcomes import OutcomeService

        return OutcomeService(self.store, self.clock)

    @cached_property
    def reports(self) -> ReportService:
        """The day's report: read it (officers), save it as XLSX or CSV (officers, audited)."""
        from kiosk.services.report import ReportService

        return ReportService(self.store, self.clock)

    @cached_property
    def targets(self) -> TargetService:
        """Daily targets per residential group: set them (officers, audited), read them."""
        from kiosk.services.targets import TargetService

        return TargetService(self.store, self.clock)

    def first_start_state(self) -> tuple[bool, bool]:
        """(no officer yet: run the first-start setup, training mode on)."""
        return self.auth.needs_first_officer(), self.station.training()

    def training(self) -> bool:
        """Whether the station is in training mode."""
        return self.station.training()

    def queue_summary(self) -> QueueSummary:
        """The status area's local half (the sync worker gives the link's state)."""
        return self.station.summary()

    def expire_drafts(self) -> int:
        """Discard the drafts older than the retention period (at start and daily); how many."""
        return self.capture.expire_drafts(self.retention_days)

    def purge_sent(self) -> int:
        """Erase the personal data of records sent more than the retention period ago whose
        session the server confirmed, after keeping the days' counts (at start and daily)."""
        return self.capture.purge_sent(self.retention_days)

    def server_client(self) -> IntakeClient | None:
        """A client for the ward's server this station enrolled with; None for a demo station."""
        from kiosk.sync.enrol import client_for, load_identity
        from kiosk.sync.errors import NotEnrolled

        try:
            return client_for(
                load_identity(self.store),
                ca_bundle=self.ca_bundle,
                allow_insecure_http=self.allow_insecure_http,
            )
        except NotEnrolled:
            return None

    def reconcile_session(self, actor: Actor, session_id: str) -> ReconcileResult | None:
        """Network worker: an officer closed the session; the server says what it lacks and that
        is sent again (``kiosk.sync.reconcile_soon``: a busy server is asked again a couple of
        times). None for a demo station (no server); a ``SyncError`` when the server does not
        answer: the sync thread finishes it later."""
        from kiosk.sync.reconcile import reconcile_soon

        require_role(actor, "close the evening session", "officer")
        client = self.server_client()
        if client is None:
            return None
        with client:
            return reconcile_soon(
                self.store, client, session_id, now=self.clock, actor=actor.operator_id
            )

    def export_queue(self, actor: Actor, directory: Path) -> QueueExport:
        """Worker: an officer writes the unsent queue, signed and encrypted to the ward's server,
        to ``directory`` (a USB stick) as ``kiosk-<time>.queue``; audited."""
        from kiosk.sync.offline import QUEUE_SUFFIX, export_queue

        require_role(actor, "export the queue", "officer")
        path = directory / f"kiosk-{self.clock():%Y%m%d-%H%M%S}{QUEUE_SUFFIX}"
        return export_queue(self.store, path, now=self.clock, actor=actor.operator_id)

    def record_preferences(self, actor: Actor, changes: dict[str, object]) -> None:
        """An officer changed display settings: an audit event (DESIGN §6), officers only."""
        require_role(actor, "change settings", "officer")
        self.audit.record(actor, "settings.preferences", details=changes)

    def enrol(
        self, server_url: str, code: str, actor: Actor | None, name: str | None = None
    ) -> Enrolled:
        """Enrol with the ward's server (network worker): at first start (nobody signed in yet,
        no officer exists) or by an officer in the settings. ``name`` is the station's name for
        the server and the receipts (the community house's); without one, the name it has, else
        the host name's."""
        from kiosk.sync.client import IntakeClient
        from kiosk.sync.enrol import default_station_name, enrol_station

        if actor is not None:
            require_role(actor, "enrol the station", "officer")
            waiting = self.station.summary()
            if waiting.enrolled and waiting.waiting_upload:
                raise UnsentRecords(waiting.waiting_upload)
        elif not self.auth.needs_first_officer():
            raise PermissionDenied("enrol the station", "nobody signed in")
        with IntakeClient(
            server_url, ca_bundle=self.ca_bundle, allow_insecure_http=self.allow_insecure_http
        ) as client:
            return enrol_station(
                self.store,
                client,
                code=code,
                name=(name or "").strip() or self.station.name() or default_station_name(),
                now=self.clock,
                actor=None if actor is None else actor.operator_id,
            )

    def import_roster_file(
        self,
        actor: Actor,
        path: Path,
        on_progress: Callable[[RosterImportProgress], None],
        cancel: threading.Event,
    ) -> RosterImport:
        """Officers only: the ward's roster from a signed file (a USB stick) into the cache, on a
        worker of its own (it writes a page a transaction, as the sync worker does)."""
        from kiosk.sync.roster_import import import_roster_file

        require_role(actor, "import the roster", "officer")
        return import_roster_file(
            self.store,
            path,
            now=self.clock,
            actor=actor.operator_id,
            on_progress=on_progress,
            cancel=cancel,
        )

    def close(self) -> None:
        """Close the ward server's connections, then the store cleanly (removes the crash marker)."""
        self.lookup.close()
        self.store.close()
