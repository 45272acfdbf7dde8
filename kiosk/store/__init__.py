"""Local data: encrypted SQLite, migrations, backups, the submission state machine and the audit log.

DESIGN.md §3/§4.  Imports only ``kiosk.exchange`` and ``kiosk.domain``; no Qt.  The composition
root calls :func:`open_store` once and passes the :class:`Store` to the services.

The names below are loaded on first use (PEP 562): importing a light part of the package
(``kiosk.store.keys``, ``kiosk.store.first_look``) must not import SQLAlchemy, which costs a
third of a second that the kiosk's first screen does not wait for.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

_HOMES = {
    "AuditReport": "audit",
    "append_event": "audit",
    "verify_audit_chain": "audit",
    "Store": "database",
    "open_store": "database",
    "TRANSITIONS": "submissions",
}


def __getattr__(name: str) -> Any:
    """Import the module that defines ``name`` on first use (errors come from the light one)."""
    if name in __all__:
        module = importlib.import_module(f"kiosk.store.{_HOMES.get(name, 'errors')}")
        value = getattr(module, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'kiosk.store' has no attribute {name!r}")
