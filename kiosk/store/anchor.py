"""The audit chain anchored at the intake server (DESIGN.md §6).

With every sync the kiosk reports its audit head; the server keeps it and answers with a signed
statement (:mod:`kiosk.exchange.signing`).  The latest one is kept here, and :func:`check_anchor`
(``kiosk check``, offline) verifies its signature with the pinned server key and that the local
chain still has exactly that hash at that row.  Someone holding the database key can re-hash the
whole chain after editing a row, and :func:`~kiosk.store.audit.verify_audit_chain` then passes;
the row the server signed no longer matches, and that shows.

Trust on first use: a kiosk enrolled before the server signed anything has no pinned key; the
first signed head, received over the authenticated (TLS, bearer token) channel, pins the key it
names.  A signed head that does not verify with the pinned key is never kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import Connection, inspect, select, update
from sqlalchemy.orm import Session

from kiosk.exchange.export import ExportError, b64decode_key
from kiosk.exchange.signing import AUDIT_HEAD, SignatureError, audit_head_bytes, verify
from kiosk.store.audit import GENESIS, current_head
from kiosk.store.enrolment import station_identity
from kiosk.store.lifecycle import connection
from kiosk.store.models import AuditAnchor, AuditEvent, Station, table_of

__all__ = ["AnchorCheck", "SignedHead", "check_anchor", "keep_signed_head", "signed_head"]

_ANCHOR = table_of(AuditAnchor)
_ST = table_of(Station)

KeepOutcome = Literal["kept", "unchanged", "rewritten", "refused"]
AnchorState = Literal["none", "holds", "rewritten", "unverified"]


@dataclass(frozen=True)
class SignedHead:
    """An audit head the server signed: this station's chain had ``hash`` at row ``seq``."""

    station_id: str
    seq: int
    hash: str
    signed_at: datetime
    signature: bytes

    def verifies(self, signing_key: str) -> bool:
        """Whether the signature is the server's with ``signing_key`` (standard base64)."""
        try:
            statement = audit_head_bytes(self.station_id, self.seq, self.hash, self.signed_at)
            verify(b64decode_key(signing_key), AUDIT_HEAD, statement, self.signature)
        except (SignatureError, ExportError):
            return False
        return True


@dataclass(frozen=True)
class AnchorCheck:
    """What :func:`check_anchor` found: ``none`` (nothing signed yet), ``holds``, ``rewritten``
    (the chain no longer has the signed hash at that row) or ``unverified`` (the kept signature
    does not verify with the pinned key)."""

    state: AnchorState
    seq: int = 0
    signed_at: datetime | None = None


def signed_head(session: Session | Connection) -> SignedHead | None:
    """The latest signed head kept, or None before the first one."""
    row = connection(session).execute(select(_ANCHOR)).mappings().first()
    if row is None:
        return None
    return SignedHead(
        station_id=row["station_id"],
        seq=row["seq"],
        hash=row["hash"],
        signed_at=row["signed_at"],
        signature=row["signature"],
    )


def keep_signed_head(session: Session, head: SignedHead, signing_key: str) -> KeepOutcome:
    """Keep ``head`` if it is this station's, verifies and is newer than the one kept.

    ``signing_key`` is the key the server named; it is used (and pinned) only when none is pinned
    yet.  ``refused``: not this station's, or not signed by the pinned key.  ``unchanged``: not
    newer than the head kept.  ``rewritten``: the local chain no longer matches the head kept,
    which stays as the evidence ``kiosk check`` reports (a later head the server signed over the
    rewritten chain must not replace it).
    """
    station = station_identity(session)
    pinned = station.server_signing_key
    if head.station_id != station.id or not head.verifies(pinned or signing_key):
        return "refused"
    conn = connection(session)
    if pinned is None:
        conn.execute(update(_ST).where(_ST.c.slot == 1).values(server_signing_key=signing_key))
    kept = signed_head(conn)
    if kept is not None and not _chain_has(conn, kept):
        return "rewritten"
    if kept is not None and kept.seq >= head.seq:
        return "unchanged"
    values = {
        "station_id": head.station_id,
        "seq": head.seq,
        "hash": head.hash,
        "signed_at": head.signed_at,
        "signature": head.signature,
    }
    if kept is None:
        conn.execute(_ANCHOR.insert().values(slot=1, **values))
    else:
        conn.execute(_ANCHOR.update().where(_ANCHOR.c.slot == 1).values(**values))
    return "kept"


def _chain_has(conn: Connection, head: SignedHead) -> bool:
    """Whether the local chain reaches row ``head.seq`` with exactly ``head.hash`` there."""
    if head.seq == 0:
        return head.hash == GENESIS
    count, _ = current_head(conn)
    found = conn.execute(select(AuditEvent.hash).where(AuditEvent.seq == head.seq))
    return count >= head.seq and found.scalar_one_or_none() == head.hash


def check_anchor(session: Session) -> AnchorCheck:
    """Check the local chain against the latest signed head (offline).

    A database not yet migrated to the anchor's schema (``kiosk check`` never migrates) has none.
    """
    conn = connection(session)
    if not inspect(conn).has_table(AuditAnchor.__tablename__):
        return AnchorCheck("none")
    head = signed_head(conn)
    if head is None:
        return AnchorCheck("none")
    pinned = station_identity(conn).server_signing_key
    if pinned is None or not head.verifies(pinned):
        return AnchorCheck("unverified", head.seq, head.signed_at)
    holds = _chain_has(conn, head)
    return AnchorCheck("holds" if holds else "rewritten", head.seq, head.signed_at)
