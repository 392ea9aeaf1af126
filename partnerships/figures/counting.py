"""How the banenafspraak counts jobs, people and durable placements.

Pure functions over plain records, so every figure the product shows can be checked by
hand and by tests without a database. The rules follow the Wet banenafspraak en quotum
arbeidsbeperkten: one job (baan) is 25.5 paid hours a week, smaller jobs count pro rata
and larger ones as more than one, and only people in UWV's doelgroepregister count.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import Literal

DOELGROEPREGISTER = "doelgroepregister"
HOURS_PER_JOB = Decimal("25.5")
COUNTED_GROUPS: frozenset[str] = frozenset({DOELGROEPREGISTER})

Frequency = Literal["month", "quarter", "half_year", "year"]
FREQUENCIES: tuple[Frequency, ...] = ("month", "quarter", "half_year", "year")


class WeeksBasis(StrEnum):
    """How many days make a week when reported paid hours are turned into weekly hours."""

    # A week is 7 calendar days: 1,326 paid hours over 365 days count as 0.997 job.
    CALENDAR = "calendar"
    # UWV's convention: a year of 365 days holds 52 weeks, so 25.5 x 52 = 1,326 paid hours
    # in a year count as exactly one job.
    UWV = "uwv"


_DAYS_PER_WEEK = {WeeksBasis.CALENDAR: Fraction(7), WeeksBasis.UWV: Fraction(365, 52)}


@dataclass(frozen=True)
class PaidHours:
    """Paid hours a supplier reported for one period; facts beat contracted hours."""

    period_start: date
    period_end: date  # inclusive
    hours: Decimal

    def __post_init__(self) -> None:
        if self.period_end < self.period_start:
            raise ValueError("paid hours period ends before it starts")
        if self.hours < 0:
            raise ValueError("paid hours cannot be negative")


@dataclass(frozen=True)
class PlacementFacts:
    """The anonymous facts about one placement that the counts need, and nothing more."""

    target_group: str
    hours_per_week: Decimal  # contracted hours
    start: date
    end: date | None = None  # inclusive; None means the placement is still running
    paid_hours: Sequence[PaidHours] = ()
    # Last day the person is known to be employed (with this or any employer we know of);
    # None means still employed. Separate from `end` because a placement may end in a job.
    employed_until: date | None = None
    # Who the person is to the counts: the supplier's pseudonymous reference links the
    # placements of one person (socialreturn.valuation.person_key); None is a person alone.
    person: str | None = None

    def __post_init__(self) -> None:
        # Frozen all the way down, so facts can be shared and hashed safely.
        object.__setattr__(
            self, "paid_hours", tuple(sorted(self.paid_hours, key=lambda p: p.period_start))
        )
        if self.hours_per_week < 0:
            raise ValueError("hours per week cannot be negative")
        if self.end is not None and self.end < self.start:
            raise ValueError("placement ends before it starts")
        for earlier, later in zip(self.paid_hours, self.paid_hours[1:], strict=False):
            if later.period_start <= earlier.period_end:
                # Overlapping reports would count the same days twice.
                raise ValueError("paid hours periods overlap")

    def active_on_any_day(self, period_start: date, period_end: date) -> bool:
        """Whether the placement ran on at least one day of the period."""
        return _overlap_days(self.start, self.end, period_start, period_end) > 0


def _span_end(end: date | None) -> date:
    """An open end as the last representable day, so ranges compare simply."""
    return date.max if end is None else end


def _intersection(
    a_start: date, a_end: date | None, b_start: date, b_end: date | None
) -> tuple[date, date] | None:
    """The inclusive range two ranges share, or None; None as an end means open."""
    start = max(a_start, b_start)
    end = min(_span_end(a_end), _span_end(b_end))
    return (start, end) if start <= end else None


def _overlap_days(a_start: date, a_end: date | None, b_start: date, b_end: date | None) -> int:
    """Days two inclusive ranges share."""
    shared = _intersection(a_start, a_end, b_start, b_end)
    return 0 if shared is None else (shared[1] - shared[0]).days + 1


def _check_period(period_start: date, period_end: date) -> None:
    """Refuse an empty or reversed period, which has no meaningful average."""
    if period_end < period_start:
        raise ValueError("period ends before it starts")


def _job_days(
    placement: PlacementFacts,
    period_start: date,
    period_end: date,
    hours_per_job: Fraction,
    days_per_week: Fraction,
) -> Fraction:
    """Jobs times days this placement contributes to the period (see banen_count)."""
    job_days = Fraction(0)
    contracted_days = _overlap_days(placement.start, placement.end, period_start, period_end)
    for report in placement.paid_hours:
        # Reported hours are spread over the report's days on which the placement ran, so
        # a placement starting mid-month keeps all its paid hours in that month. A report
        # wholly outside the placement's dates is still evidence of paid work: spread it
        # over all its days rather than drop it.
        active = _intersection(
            report.period_start, report.period_end, placement.start, placement.end
        )
        spread = active or (report.period_start, report.period_end)
        spread_days = (spread[1] - spread[0]).days + 1
        weekly_hours = Fraction(report.hours) * days_per_week / spread_days
        in_period = _overlap_days(spread[0], spread[1], period_start, period_end)
        job_days += in_period * weekly_hours / hours_per_job
        if active is not None:
            # Days a report covers no longer count at contracted hours.
            contracted_days -= _overlap_days(active[0], active[1], period_start, period_end)
    job_days += contracted_days * Fraction(placement.hours_per_week) / hours_per_job
    return job_days


def banen_exact(
    placements: Iterable[PlacementFacts],
    period_start: date,
    period_end: date,
    *,
    hours_per_job: Decimal = HOURS_PER_JOB,
    counted_groups: Collection[str] | None = COUNTED_GROUPS,
    weeks_basis: WeeksBasis = WeeksBasis.CALENDAR,
) -> Fraction:
    """The unrounded banen_count, for combining periods without rounding twice."""
    _check_period(period_start, period_end)
    if hours_per_job <= 0:
        raise ValueError("hours per job must be positive")
    per_job = Fraction(hours_per_job)
    days_per_week = _DAYS_PER_WEEK[WeeksBasis(weeks_basis)]
    total = sum(
        (
            _job_days(p, period_start, period_end, per_job, days_per_week)
            for p in placements
            if counted_groups is None or p.target_group in counted_groups
        ),
        Fraction(0),
    )
    return total / ((period_end - period_start).days + 1)


def banen_count(
    placements: Iterable[PlacementFacts],
    period_start: date,
    period_end: date,
    *,
    hours_per_job: Decimal = HOURS_PER_JOB,
    counted_groups: Collection[str] | None = COUNTED_GROUPS,
    weeks_basis: WeeksBasis = WeeksBasis.CALENDAR,
) -> Decimal:
    """Average number of banenafspraak jobs over the period, as the law counts them.

    The rule, per day of the period (both ends inclusive):

    - a placement is active from ``start`` to ``end`` inclusive (``end=None``: open);
    - on a day covered by a paid-hours report its weekly hours are the reported hours
      spread over the report's days on which the placement was active:
      ``hours / (days / 7)`` (``days`` = all report days if none were active), or with
      ``weeks_basis=WeeksBasis.UWV`` ``hours / (days * 52 / 365)``;
    - on any other active day its weekly hours are the contracted ``hours_per_week``;
    - that day contributes ``weekly hours / hours_per_job`` jobs.

    The result is the sum of those contributions divided by the days in the period, so a
    placement of 25.5 hours a week running the whole period counts 1.00. Placements whose
    target group is not in ``counted_groups`` count 0 (``None`` counts every group). The
    sum is computed exactly with fractions and rounded once, half up, to 2 decimals.
    """
    exact = banen_exact(
        placements,
        period_start,
        period_end,
        hours_per_job=hours_per_job,
        counted_groups=counted_groups,
        weeks_basis=weeks_basis,
    )
    return round_half_up(exact)


def round_half_up(value: Fraction, places: int = 2) -> Decimal:
    """Round an exact value the way reports round money and counts: 0.125 -> 0.13."""
    scale = 10**places
    scaled = value * scale
    # Round the magnitude so that -0.125 becomes -0.13, mirroring ROUND_HALF_UP.
    magnitude = math.floor(abs(scaled) + Fraction(1, 2))
    rounded = magnitude if scaled >= 0 else -magnitude
    return Decimal(rounded).scaleb(-places).quantize(Decimal(1).scaleb(-places))


def people_count(
    placements: Iterable[PlacementFacts],
    period_start: date,
    period_end: date,
    counted_groups: Collection[str] | None = None,
) -> int:
    """People with a placement active on any day of the period, whatever their hours."""
    _check_period(period_start, period_end)
    # Placements are anonymous; only the supplier's own reference says that two records
    # are one person (werkervaringsplaats -> employment), and then the person counts once.
    return len(
        {
            _person(i, p)
            for i, p in enumerate(placements)
            if (counted_groups is None or p.target_group in counted_groups)
            and p.active_on_any_day(period_start, period_end)
        }
    )


def _person(index: int, placement: PlacementFacts) -> object:
    """The person a placement belongs to; without a reference, the placement alone."""
    return placement.person if placement.person is not None else ("row", index)


def as_persons(placements: Iterable[PlacementFacts]) -> list[PlacementFacts]:
    """One record per person: from the first start, employed as the newest placement says.

    A chain werkervaringsplaats -> employment is one person who started on the first day;
    whether that person still works is told by the placement that started last.
    """
    chains: dict[object, list[PlacementFacts]] = {}
    for i, p in enumerate(placements):
        chains.setdefault(_person(i, p), []).append(p)
    merged = []
    for chain in chains.values():
        chain.sort(key=lambda p: p.start)
        merged.append(
            PlacementFacts(
                target_group=chain[-1].target_group,
                hours_per_week=chain[-1].hours_per_week,
                start=chain[0].start,
                end=chain[-1].end,
                employed_until=chain[-1].employed_until,
                person=chain[0].person,
            )
        )
    return merged


def add_months(d: date, months: int) -> date:
    """Calendar-month arithmetic that clamps to the month's last day (31 Jan + 1 = 28 Feb)."""
    years, month_index = divmod(d.month - 1 + months, 12)
    year = d.year + years
    month = month_index + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def durable_count(
    placements: Iterable[PlacementFacts],
    as_of: date,
    months: int = 12,
    *,
    counted_groups: Collection[str] | None = None,
) -> int:
    """People still in employment `months` calendar months after they first started.

    Placements of one person (see PlacementFacts.person) count once, from the first start,
    with the newest placement saying whether the person still works.

    A placement counts when its milestone ``add_months(start, months)`` is on or before
    ``as_of`` and ``employed_until`` is None (still employed) or on or after that
    milestone. Placements younger than ``months`` are not counted yet: we cannot know.
    """
    if months < 0:
        raise ValueError("months cannot be negative")
    count = 0
    for p in as_persons(placements):
        if counted_groups is not None and p.target_group not in counted_groups:
            continue
        milestone = add_months(p.start, months)
        if milestone <= as_of and (p.employed_until is None or p.employed_until >= milestone):
            count += 1
    return count


def month_bounds(d: date) -> tuple[date, date]:
    """First and last day of the calendar month holding d."""
    return d.replace(day=1), d.replace(day=calendar.monthrange(d.year, d.month)[1])


def quarter_bounds(d: date) -> tuple[date, date]:
    """First and last day of the calendar quarter holding d."""
    first_month = 3 * ((d.month - 1) // 3) + 1
    start = date(d.year, first_month, 1)
    return start, month_bounds(date(d.year, first_month + 2, 1))[1]


def half_year_bounds(d: date) -> tuple[date, date]:
    """First and last day of the half year (Jan-Jun or Jul-Dec) holding d."""
    if d.month <= 6:
        return date(d.year, 1, 1), date(d.year, 6, 30)
    return date(d.year, 7, 1), date(d.year, 12, 31)


def year_bounds(d: date) -> tuple[date, date]:
    """First and last day of the calendar year holding d."""
    return date(d.year, 1, 1), date(d.year, 12, 31)


_BOUNDS = {
    "month": month_bounds,
    "quarter": quarter_bounds,
    "half_year": half_year_bounds,
    "year": year_bounds,
}


def period_bounds(d: date, frequency: Frequency) -> tuple[date, date]:
    """First and last day of the monitoring period of this frequency holding d."""
    try:
        bounds = _BOUNDS[frequency]
    except KeyError:
        raise ValueError(f"unknown frequency {frequency!r}; use one of {FREQUENCIES}") from None
    return bounds(d)


def periods(start: date, end: date, frequency: Frequency) -> Iterator[tuple[date, date]]:
    """Whole calendar periods touching start..end, in order, for schedules and trend charts.

    Periods are never clipped: the first begins on or before ``start`` and the last ends on
    or after ``end``, so every point of a trend chart covers a full month, quarter, half
    year or year.
    """
    _check_period(start, end)
    current = period_bounds(start, frequency)[0]
    while current <= end:
        period = period_bounds(current, frequency)
        yield period
        current = period[1] + timedelta(days=1)


def suppress_small(n: int, threshold: int = 5) -> int | str:
    """Hide counts from 1 to threshold-1 so small groups cannot be traced to a person.

    Zero is shown as 0: it reveals nobody, and hiding it would make "no jobs yet"
    indistinguishable from "a few jobs". Counts of ``threshold`` and up are shown as is.
    """
    if n < 0:
        raise ValueError("a count cannot be negative")
    if 0 < n < threshold:
        return f"<{threshold}"
    return n


__all__ = [
    "COUNTED_GROUPS",
    "DOELGROEPREGISTER",
    "FREQUENCIES",
    "HOURS_PER_JOB",
    "Frequency",
    "PaidHours",
    "PlacementFacts",
    "WeeksBasis",
    "add_months",
    "as_persons",
    "banen_count",
    "banen_exact",
    "durable_count",
    "half_year_bounds",
    "month_bounds",
    "people_count",
    "period_bounds",
    "periods",
    "quarter_bounds",
    "round_half_up",
    "suppress_small",
    "year_bounds",
]
