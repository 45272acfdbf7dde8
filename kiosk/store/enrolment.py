"""The station's enrolment: what the intake server gave it, and the keys it made, in the database.

The token, the server's public keys and the station's Ed25519 key pair live only in the encrypted
database (DESIGN.md §4, §6).  The server's signing key is pinned here: every audit head it signs is
checked against it (:mod:`kiosk.store.anchor`).  Enrolling replaces the local station id with the
server's: drafts and captures not yet frozen take the new id along, so they upload under the
station that sends them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, delete, select, text, update
from sqlalchemy.orm import Session

from kiosk.store.audit import append_event
from kiosk.store.lifecycle import connection
from kiosk.store.models import AuditAnchor, Station, table_of
from kiosk.store.station import ensure_station

__all__ = ["StationIdentity", "save_enrolment", "station_identity"]

_ST = table_of(Station)
# Drafts and captures not yet frozen carry the station id in their payload: move it along.
_MOVE_PAYLOADS = text(
    "UPDATE submission SET station_id = :new, "
    "payload = CASE WHEN payload IS NULL THEN NULL "
    "ELSE json_set(payload, '$.station_id', :new) END "
    "WHERE station_id = :old AND status IN ('draft', 'captured', 'returned')"
)


@dataclass(frozen=True)
class StationIdentity:
    """The station row as plain data (safe to hand to the sync worker)."""

    id: str
    name: str
    ward: str | None
    home_group: str | None
    server_url: str | None
    token: str | None
    server_public_key: str | None
    server_signing_key: str | None
    signing_private_key: bytes | None
    signing_public_key: bytes | None
    training: bool
    enrolled_at: datetime | None

    @property
    def enrolled(self) -> bool:
        """True once the station has a token and a server to use it with."""
        return bool(self.token and self.server_url)


def station_identity(session: Session | Connection) -> StationIdentity:
    """This kiosk's station as plain data (the row exists once the store is open)."""
    row = connection(session).execute(select(_ST).where(_ST.c.slot == 1)).mappings().first()
    if row is None:
        raise RuntimeError("the station row is missing; open the store first")
    return StationIdentity(
        id=row["id"],
        name=row["name"],
        ward=row["ward"],
        home_group=row["home_group"],
        server_url=row["server_url"],
        token=row["token"],
        server_public_key=row["server_public_key"],
        server_signing_key=row["server_signing_key"],
        signing_private_key=row["signing_private_key"],
        signing_public_key=row["signing_public_key"],
        training=bool(row["training"]),
        enrolled_at=row["enrolled_at"],
    )


def save_enrolment(
    session: Session,
    *,
    station_id: str,
    name: str,
    ward: str,
    group: str,
    token: str,
    server_url: str,
    server_public_key: str,
    server_signing_key: str,
    signing_private_key: bytes,
    signing_public_key: bytes,
    at: datetime,
    actor: str | None = None,
) -> None:
    """Keep what enrolment gave and made; the roster cache starts again for the (new) ward.

    A server signing with another key than the one pinned cannot vouch for the audit head the old
    key signed: that anchor goes, and the new server's first signed head replaces it.
    """
    station = ensure_station(session, at=at)
    old_id, old_signing_key = station.id, station.server_signing_key
    session.flush()
    conn = connection(session)
    if old_signing_key != server_signing_key:
        conn.execute(delete(table_of(AuditAnchor)))
    conn.execute(
        update(_ST)
        .where(_ST.c.slot == 1)
        .values(
            id=station_id,
            name=name,
            ward=ward,
            home_group=group,
            token=token,
            server_url=server_url,
            server_public_key=server_public_key,
            server_signing_key=server_signing_key,
            signing_private_key=signing_private_key,
            signing_public_key=signing_public_key,
            enrolled_at=at,
            roster_cursor=None,
            roster_pass_started_at=None,
        )
    )
    if old_id != station_id:
        conn.execute(_MOVE_PAYLOADS, {"new": station_id, "old": old_id})
    session.expire_all()
    details = {"from": old_id, "ward": ward, "group": group, "server": server_url}
    append_event(
        session, at=at, actor=actor, action="station.enrol", subject=station_id, details=details
    )
