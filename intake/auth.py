"""Stations: enrolment codes, enrolment, tokens, revocation (DESIGN.md §5, §6).

An officer issues a one-time code for a ward and residential group (``kiosk-intake enrol-code``);
the kiosk trades it, once and before it expires, for a station id and a bearer token.  Only hashes
of codes and tokens are stored.  A revoked or unknown token gets 401 on every call.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Connection, Engine, insert, select, update

from intake.clock import utcnow
from intake.db import run_write
from intake.keys import (
    digest,
    new_enrol_code,
    new_station_id,
    new_token,
    normalise_code,
    server_public_key,
    server_signing_key,
)
from intake.models import EnrolCode, Station
from intake.wards import normalise_group, normalise_ward
from kiosk.exchange.protocol import EnrolRequest, EnrolResponse


@dataclass(frozen=True)
class StationInfo:
    """The calling station, as the routes need it: who, and which ward it may see."""

    id: str
    ward: str
    group: str


def issue_enrol_code(engine: Engine, ward: str, group: str, ttl: timedelta) -> str:
    """A new one-time code for ``ward``/``group``, valid for ``ttl``; only its hash is stored."""
    code = new_enrol_code()
    now = utcnow()
    values = {
        "code_hash": digest(code),
        "ward": normalise_ward(ward),
        "group_name": normalise_group(group),
        "created_at": now,
        "expires_at": now + ttl,
    }
    run_write(engine, lambda conn: conn.execute(insert(EnrolCode).values(**values)))
    return code


def enrol(engine: Engine, request: EnrolRequest) -> EnrolResponse | None:
    """Trade a valid, unused, unexpired code for a new station; None when the code is no good.

    The code is claimed by one conditional UPDATE, so two kiosks racing with the same code cannot
    both enrol.
    """
    code_hash = digest(normalise_code(request.code))
    station_id = new_station_id()
    token = new_token()

    def work(conn: Connection) -> EnrolResponse | None:
        now = utcnow()
        claimed = conn.execute(
            update(EnrolCode)
            .where(
                EnrolCode.code_hash == code_hash,
                EnrolCode.used_at.is_(None),
                EnrolCode.expires_at > now,
            )
            .values(used_at=now, station_id=station_id)
        )
        if claimed.rowcount != 1:
            return None
        ward, group = conn.execute(
            select(EnrolCode.ward, EnrolCode.group_name).where(EnrolCode.code_hash == code_hash)
        ).one()
        conn.execute(
            insert(Station).values(
                id=station_id,
                name=request.name.strip(),
                ward=ward,
                group_name=group,
                signing_key=request.signing_key,
                token_hash=digest(token),
                created_at=now,
            )
        )
        return EnrolResponse(
            station_id=station_id,
            token=token,
            server_public_key=server_public_key(conn),
            server_signing_key=server_signing_key(conn),
            ward=ward,
            group=group,
        )

    return run_write(engine, work)


def revoke(engine: Engine, station_id: str) -> bool:
    """Revoke a station's token at once; False when there is no such (unrevoked) station."""

    def work(conn: Connection) -> bool:
        done = conn.execute(
            update(Station)
            .where(Station.id == station_id, Station.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )
        return bool(done.rowcount == 1)

    return run_write(engine, work)


def station_for_token(source: Engine | Connection, token: str) -> StationInfo | None:
    """The unrevoked station holding ``token``, or None (``source``: the engine, or a connection
    the caller holds for more reads)."""
    if isinstance(source, Engine):
        with source.connect() as conn:
            return station_for_token(conn, token)
    row = source.execute(
        select(Station.id, Station.ward, Station.group_name).where(
            Station.token_hash == digest(token), Station.revoked_at.is_(None)
        )
    ).one_or_none()
    return None if row is None else StationInfo(id=row.id, ward=row.ward, group=row.group_name)
