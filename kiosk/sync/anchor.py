"""The audit head to the intake server, and its signed answer kept (DESIGN.md §6).

Once per upload cycle (:class:`kiosk.sync.uploader.Uploader`) whose audit head moved since the
last signed one, the kiosk reports it (row count and last hash); the server keeps it and signs it back, and the signed head is kept if
it verifies with the pinned server key (:func:`kiosk.store.anchor.keep_signed_head`).
"""

from __future__ import annotations

import base64
import logging

from kiosk.store import Store
from kiosk.store.anchor import KeepOutcome, SignedHead, keep_signed_head, signed_head
from kiosk.store.audit import current_head
from kiosk.sync.client import IntakeClient

__all__ = ["anchor_audit_head"]

log = logging.getLogger(__name__)


def anchor_audit_head(store: Store, client: IntakeClient) -> KeepOutcome:
    """Report the audit head and keep the server's signed answer; how that went.

    Raises what the call raises (:class:`~kiosk.sync.errors.SyncError`, a 409 as
    :class:`~kiosk.sync.errors.Refused`) and :class:`~kiosk.store.StoreError`.
    """
    with store.read() as session:
        seq, head_hash = current_head(session)
        kept = signed_head(session)
    if kept is not None and (kept.seq, kept.hash) == (seq, head_hash):
        return "unchanged"  # nothing new since the server signed: no call (idle kiosks poll)
    answer = client.audit_head(seq, head_hash)
    head = SignedHead(
        station_id=answer.station_id,
        seq=answer.seq,
        hash=answer.hash,
        signed_at=answer.signed_at,
        signature=base64.b64decode(answer.signature),
    )
    with store.write() as session:
        outcome = keep_signed_head(session, head, answer.signing_key)
    if outcome == "refused":
        log.warning(
            "the server's signed audit head (row %d) does not verify with the pinned server key "
            "or names another station: not kept",
            seq,
        )
    elif outcome == "rewritten":
        log.warning(
            "the local audit chain no longer matches the head the server signed before: that "
            "head is kept as the evidence (kiosk check)"
        )
    return outcome
