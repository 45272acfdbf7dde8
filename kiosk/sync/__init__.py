"""Sync with the ward's intake server: client, enrolment, upload engine, roster download, exports,
the roster from a USB stick.

DESIGN.md §5.  Plain Python (no Qt): a worker of the UI drives :class:`Uploader` and
:class:`RosterDownloader`; the composition root builds them from the station's enrolment.
Imports only ``kiosk.store``, ``kiosk.exchange`` and ``kiosk.domain``.
"""

from __future__ import annotations

from kiosk.sync.backoff import Backoff
from kiosk.sync.client import IntakeClient
from kiosk.sync.downloader import RosterDownloader, RosterResult
from kiosk.sync.enrol import Enrolled, client_for, enrol_station, load_identity
from kiosk.sync.errors import (
    BadResponse,
    InsecureAddress,
    NotEnrolled,
    PayloadTooLarge,
    Refused,
    ServerBusy,
    ServerError,
    SyncError,
    TimedOut,
    TransientError,
    Unauthorised,
    Unreachable,
)
from kiosk.sync.held import ServerCheck, check_held
from kiosk.sync.offline import QueueExport, export_queue
from kiosk.sync.reconcile import ReconcileResult, reconcile, reconcile_due
from kiosk.sync.roster_import import RosterImport, RosterImportProgress, import_roster_file
from kiosk.sync.uploader import Uploader, UploadProgress, UploadState

__all__ = [
    "Backoff",
    "BadResponse",
    "Enrolled",
    "InsecureAddress",
    "IntakeClient",
    "NotEnrolled",
    "PayloadTooLarge",
    "QueueExport",
    "ReconcileResult",
    "Refused",
    "RosterDownloader",
    "RosterImport",
    "RosterImportProgress",
    "RosterResult",
    "ServerBusy",
    "ServerCheck",
    "ServerError",
    "SyncError",
    "TimedOut",
    "TransientError",
    "Unauthorised",
    "Unreachable",
    "UploadProgress",
    "UploadState",
    "Uploader",
    "check_held",
    "client_for",
    "enrol_station",
    "export_queue",
    "import_roster_file",
    "load_identity",
    "reconcile",
    "reconcile_due",
]
