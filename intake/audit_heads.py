"""Kiosks' audit heads, kept and signed (DESIGN.md §6): a station's history anchored at the server.

With every sync a kiosk reports its audit head (the chain's row count and the last row's hash).
The server keeps one hash per station and row, and answers with a statement signed by its
Ed25519 key (:func:`kiosk.exchange.signing.audit_head_bytes`), which the kiosk stores and
``kiosk check`` verifies offline.  A row reported again with another hash means the history the
server saw was rewritten: it is refused, and logged (station id and row number only).
"""

from __future__ import annotations

import base64
import logging

from sqlalchemy import Connection, Engine, select

from intake.auth import StationInfo
from intake.clock import VIETNAM, utcnow
from intake.db import insert_for, run_write
from intake.keys import server_signing_key, server_signing_private_key
from intake.models import StationAuditHead
from kiosk.exchange.protocol import SignedAuditHead
from kiosk.exchange.signing import AUDIT_HEAD, audit_head_bytes, sign

__all__ = ["record_head"]

log = logging.getLogger(__name__)


def record_head(
    engine: Engine, station: StationInfo, seq: int, head_hash: str
) -> SignedAuditHead | None:
    """Keep ``station``'s audit head (once per row) and sign it; None when that row was reported
    before with another hash (the history was rewritten)."""

    def work(conn: Connection) -> SignedAuditHead | None:
        now = utcnow().replace(microsecond=0)
        conn.execute(
            insert_for(conn, StationAuditHead)
            .values(station_id=station.id, seq=seq, hash=head_hash, received_at=now)
            .on_conflict_do_nothing()
        )
        kept = conn.execute(
            select(StationAuditHead.hash).where(
                StationAuditHead.station_id == station.id, StationAuditHead.seq == seq
            )
        ).scalar_one()
        if kept != head_hash:
            return None
        statement = audit_head_bytes(station.id, seq, head_hash, now)
        signature = sign(server_signing_private_key(conn), AUDIT_HEAD, statement)
        return SignedAuditHead(
            station_id=station.id,
            seq=seq,
            hash=head_hash,
            signed_at=now.astimezone(VIETNAM),
            signing_key=server_signing_key(conn),
            signature=base64.b64encode(signature).decode("ascii"),
        )

    signed = run_write(engine, work)
    if signed is None:
        log.warning(
            "station %s reported audit row %d with another hash than before: its audit history "
            "was rewritten; refused",
            station.id,
            seq,
        )
    return signed
