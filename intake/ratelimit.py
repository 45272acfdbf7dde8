"""Per-station token bucket for registry lookups, kept in the database (DESIGN.md §6, §9).

The bucket lives in a row, not in memory, so every replica behind a load balancer enforces the same
limit; one conditional UPDATE takes a token atomically on SQLite and PostgreSQL.  It costs a small
write per lookup, which a kiosk makes about once per resident.
"""

from __future__ import annotations

import math
import time

from sqlalchemy import Connection, Engine, case, select, update

from intake.db import insert_for, run_write
from intake.models import RateBucket


def take_token(engine: Engine, station_id: str, burst: int, per_minute: float) -> int | None:
    """Take one lookup token: None when allowed, else the whole seconds to wait (``Retry-After``)."""
    rate = per_minute / 60.0
    now = time.time()
    elapsed = case((RateBucket.updated < now, now - RateBucket.updated), else_=0.0)
    filled = RateBucket.tokens + elapsed * rate
    level = case((filled > burst, float(burst)), else_=filled)

    def work(conn: Connection) -> int | None:
        taken = conn.execute(
            update(RateBucket)
            .where(RateBucket.station_id == station_id, level >= 1.0)
            .values(tokens=level - 1.0, updated=now)
        )
        if taken.rowcount == 1:
            return None
        row = conn.execute(
            select(RateBucket.tokens, RateBucket.updated).where(RateBucket.station_id == station_id)
        ).one_or_none()
        if row is None:  # a station enrolled without a bucket: give it a full one
            conn.execute(
                insert_for(conn, RateBucket)
                .values(station_id=station_id, tokens=burst - 1.0, updated=now)
                .on_conflict_do_nothing()
            )
            return None
        current = min(float(burst), row.tokens + max(0.0, now - row.updated) * rate)
        return max(1, math.ceil((1.0 - current) / rate)) if rate > 0 else 3600

    return run_write(engine, work)
