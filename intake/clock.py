"""Time on the server: stored in UTC, shown with Vietnam's offset (UTC+7, no daylight saving)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

VIETNAM = timezone(timedelta(hours=7), "ICT")


def utcnow() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """A stored time back as aware UTC (SQLite returns naive datetimes; they were written as UTC)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def vietnam_iso(value: datetime) -> str:
    """ISO 8601 with the +07:00 offset, as every time in the protocol travels."""
    return as_utc(value).astimezone(VIETNAM).isoformat(timespec="seconds")


def vietnam_today(now: datetime | None = None) -> date:
    """Today's date in Vietnam: the day a capture counts for in the daily reports."""
    return as_utc(now or utcnow()).astimezone(VIETNAM).date()
