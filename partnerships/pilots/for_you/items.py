"""One line of the page: what to do, in which pilot, and the link to the place it is done."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .. import rules

ITEMS_PER_SECTION = 10
WEEK = timedelta(days=7)


@dataclass(frozen=True)
class Item:
    """One thing to do: what, in which pilot, where it is done, and whether it is late."""

    text: str
    pilot_title: str
    endpoint: str
    values: dict
    late: bool = False
    when: date | datetime | None = None
    hint: str = ""


def item(
    reach: rules.Reach,
    pilot_id: int,
    text: str,
    endpoint: str,
    *,
    late: bool = False,
    when: date | datetime | None = None,
    hint: str = "",
    **values,
) -> Item:
    """An item in one of the person's pilots: its link opens the place for that pilot."""
    return Item(
        text,
        reach.pilots[pilot_id].title,
        endpoint,
        {"pilot_id": pilot_id, **values},
        late=late,
        when=when,
        hint=hint,
    )


def day(value: date) -> str:
    from flask_babel import format_date

    return format_date(value, "d MMM yyyy")
