"""Dates are the Netherlands' dates, whatever time zone the server runs in."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from pathlib import Path

from partnerships import clock

PACKAGE = Path(__file__).parent.parent / "partnerships"


def test_no_module_asks_the_server_for_its_own_date():
    # date.today() is the server's date: on a server on UTC it is still yesterday between
    # midnight and one o'clock in the Netherlands, so a task due today would not be late yet
    # and a reminder would be dated the day before.
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{number}"
        for path in sorted(PACKAGE.rglob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if re.search(r"\bdate\.today\(\)|datetime\.now\(\)|datetime\.today\(\)", line)
    ]
    assert offenders == []


def test_half_past_midnight_in_amsterdam_is_already_the_next_day():
    # 6 December 23:30 UTC is 7 December 00:30 in Amsterdam (winter time, UTC+1).
    moment = datetime(2026, 12, 6, 23, 30, tzinfo=UTC)
    assert clock.local(moment).date() == date(2026, 12, 7)
    # 7 June 22:30 UTC is 8 June 00:30 in Amsterdam (summer time, UTC+2).
    assert clock.local(datetime(2026, 6, 7, 22, 30, tzinfo=UTC)).date() == date(2026, 6, 8)


def test_today_is_the_date_on_a_dutch_wall_calendar():
    before = datetime.now(clock.AMSTERDAM).date()
    today = clock.today()
    after = datetime.now(clock.AMSTERDAM).date()
    assert today in (before, after)
