"""The figures of a set of placements as counts that add up, and how they are shown.

A Tally holds every figure unrounded and unsuppressed, so the tallies of several pilots sum
to the tally of all their placements together: people and durable placements are counts of
distinct placements, banenafspraak jobs are exact fractions (rounded once, after summing),
and the trend is kept per calendar period. That lets an organisation's figures be the sum
of its pilots' figures, each counted once and cached (figures_cache.py), instead of
recounting every placement of every pilot on each request. Pure: no database, no request.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from fractions import Fraction

from . import counting
from .counting import PlacementFacts


@dataclass(frozen=True)
class Point:
    """One period of the trend: average jobs (exact) and people active in it."""

    period_end: date
    banen: Fraction
    people: int


@dataclass(frozen=True)
class Tally:
    """Additive figures of some placements on a date, for one monitoring frequency."""

    as_of: date
    frequency: str
    people: int = 0  # persons with a placement started on or before as_of
    people_register: int = 0  # of which in the doelgroepregister
    banen: Fraction = Fraction(0)  # average jobs over the current period up to as_of
    durable: int = 0
    by_kind: Counter = field(default_factory=Counter)
    by_target_group: Counter = field(default_factory=Counter)
    by_supplier: Counter = field(default_factory=Counter)
    trend: dict[date, Point] = field(default_factory=dict)  # keyed by period start


def counting_in(facts, period_start: date, period_end: date) -> list[PlacementFacts]:
    """The facts that can add to banen_count over the period, cut down to what does.

    A paid-hours report that shares no day with the period adds nothing to it (neither its
    hours nor days taken off contracted hours), so it is dropped; a placement then left
    without such reports and without a day in the period adds nothing and is dropped too.
    Exact counting with fractions is the cost of the figures, and a placement with years of
    monthly reports would otherwise be worked through for every period.
    """
    result = []
    for f in facts:
        reports = [
            r for r in f.paid_hours if r.period_start <= period_end and r.period_end >= period_start
        ]
        runs = f.start <= period_end and (f.end is None or f.end >= period_start)
        if len(reports) == len(f.paid_hours) and runs:
            result.append(f)
        elif reports or runs:
            result.append(replace(f, paid_hours=reports))
    return result


def tally(pairs, *, as_of: date, frequency: str, settings, start: date) -> Tally:
    """Count (placement row, PlacementFacts) pairs; the trend runs from `start` or earlier."""
    facts = [f for _, f in pairs]
    counted = [f for f in facts if f.target_group in counting.COUNTED_GROUPS]
    started = [(row, f) for row, f in pairs if f.start <= as_of]
    period_start = counting.period_bounds(as_of, frequency)[0]
    hours_per_job = Decimal(settings.hours_per_job)
    first = min([start] + [f.start for f in facts])
    trend = {}
    # Looking back to before anything started gives an empty trend, not an error.
    spans = counting.periods(first, as_of, frequency) if first <= as_of else ()
    for p_start, p_end in spans:
        end = min(p_end, as_of)
        banen = counting.banen_exact(
            counting_in(counted, p_start, end), p_start, end, hours_per_job=hours_per_job
        )
        trend[p_start] = Point(end, banen, counting.people_count(facts, p_start, end))
    return Tally(
        as_of=as_of,
        frequency=frequency,
        # Persons, not rows: a chain of placements of one person (same reference) is one.
        people=len({_person(row, f) for row, f in started}),
        people_register=len(
            {_person(row, f) for row, f in started if f.target_group == counting.DOELGROEPREGISTER}
        ),
        banen=counting.banen_exact(
            counting_in(counted, period_start, as_of),
            period_start,
            as_of,
            hours_per_job=hours_per_job,
        ),
        durable=counting.durable_count(facts, as_of, settings.durable_months),
        by_kind=Counter(row.kind for row, _ in started),
        by_target_group=Counter(row.target_group for row, _ in started),
        by_supplier=Counter(row.supplier_organisation_id for row, _ in started),
        trend=trend,
    )


def _person(row, facts) -> object:
    return facts.person if facts.person is not None else ("row", id(row))


def combine(tallies, *, as_of: date, frequency: str) -> Tally:
    """The tally of all their placements together: tallies on the same date and frequency."""
    total = Tally(as_of=as_of, frequency=frequency)
    people = people_register = durable = 0
    banen = Fraction(0)
    trend: dict[date, Point] = {}
    for part in tallies:
        if (part.as_of, part.frequency) != (as_of, frequency):
            raise ValueError("only tallies of the same date and frequency add up")
        people += part.people
        people_register += part.people_register
        banen += part.banen
        durable += part.durable
        total.by_kind.update(part.by_kind)
        total.by_target_group.update(part.by_target_group)
        total.by_supplier.update(part.by_supplier)
        for p_start, point in part.trend.items():
            known = trend.get(p_start)
            trend[p_start] = (
                Point(point.period_end, known.banen + point.banen, known.people + point.people)
                if known
                else point
            )
    return replace(
        total,
        people=people,
        people_register=people_register,
        banen=banen,
        durable=durable,
        trend=dict(sorted(trend.items())),
    )


def present(
    counts: Tally, *, suppress: bool = False, threshold: int = 5, trend: bool = True
) -> dict:
    """The figures as pages, exports and the API show them; suppress for what leaves the group.

    Jobs are rounded half up to two decimals here, once; with `suppress`, counts of people
    below `threshold` become "<5". trend=False leaves the trend out, for lists of pilots.
    """

    def hide(n):
        return shown(n, suppress, threshold)

    return {
        "as_of": counts.as_of,
        "period": (counting.period_bounds(counts.as_of, counts.frequency)[0], counts.as_of),
        "frequency": counts.frequency,
        "people": hide(counts.people),
        "people_register": hide(counts.people_register),
        "banen_exact": counts.banen,
        "banen": counting.round_half_up(counts.banen),
        "durable": hide(counts.durable),
        "by_kind": _grouped(counts.by_kind, hide),
        "by_target_group": _grouped(counts.by_target_group, hide),
        "by_supplier": _grouped(counts.by_supplier, hide),
        "trend": [
            {
                "period_start": p_start,
                "period_end": point.period_end,
                "banen": counting.round_half_up(point.banen),
                "people": hide(point.people),
            }
            for p_start, point in (counts.trend.items() if trend else ())
        ],
        "suppressed": suppress,
    }


def shown(n: int, suppress: bool, threshold: int = 5) -> int | str:
    """A count of people as it may be shown: "<5" for a small group when suppressing."""
    return counting.suppress_small(n, threshold) if suppress else n


def _grouped(counts: Counter, hide) -> list[tuple]:
    """(key, count) largest first, ties by key, as the breakdown tables list them."""
    return [
        (key, hide(n)) for key, n in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
    ]
