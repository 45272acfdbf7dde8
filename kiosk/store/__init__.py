"""Local data: encrypted SQLite, migrations, backups, the submission state machine and the audit log.

DESIGN.md §3/§4.  Imports only ``kiosk.exchange`` and ``kiosk.domain``; no Qt.  The composition
root calls :func:`open_store` once and passes the :class:`Store` to the services.
"""

from __future__ import annotations

from kiosk.store.audit import AuditReport, append_event, verify_audit_chain
from kiosk.store.database import Store, open_store
from kiosk.store.errors import (
    DatabaseKeyError,
    DiskFullError,
    IntegrityCheckError,
    InvalidTransition,
    KeyMissingError,
    NotFound,
    PayloadInvalid,
    StoreBusyError,
    StoreError,
    StoreIOError,
    StoreReadOnlyError,
    TrainingSubmissionError,
)
from kiosk.store.submissions import TRANSITIONS

__all__ = [
    "TRANSITIONS",
    "AuditReport",
    "DatabaseKeyError",
    "DiskFullError",
    "IntegrityCheckError",
    "InvalidTransition",
    "KeyMissingError",
    "NotFound",
    "PayloadInvalid",
    "Store",
    "StoreBusyError",
    "StoreError",
    "StoreIOError",
    "StoreReadOnlyError",
    "TrainingSubmissionError",
    "append_event",
    "open_store",
    "verify_audit_chain",
]
