"""The Dutch calendar: moments are stored in UTC, dates and times are the Netherlands'.

Deadlines, reminders and "today" mean the date in the Netherlands, not the server's:
between midnight and one o'clock Dutch time a server on UTC is still on yesterday.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def today() -> date:
    """Today's date in the Netherlands."""
    return datetime.now(AMSTERDAM).date()


def to_utc(day: date, moment: time) -> datetime:
    """A date and wall-clock time in the Netherlands as an aware UTC moment."""
    return datetime.combine(day, moment, tzinfo=AMSTERDAM).astimezone(UTC)


def local(moment: datetime) -> datetime:
    """An aware moment as Dutch wall-clock time."""
    return moment.astimezone(AMSTERDAM)
