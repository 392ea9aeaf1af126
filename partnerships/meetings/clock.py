"""Meeting times: stored in UTC, entered and shown in Dutch local time."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def to_utc(day: date, moment: time) -> datetime:
    """A date and wall-clock time in the Netherlands as an aware UTC moment."""
    return datetime.combine(day, moment, tzinfo=AMSTERDAM).astimezone(UTC)


def local(moment: datetime) -> datetime:
    """An aware moment as Dutch wall-clock time."""
    return moment.astimezone(AMSTERDAM)
