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

from .. import suppression
from . import counting
from .counting import PlacementFacts


@dataclass(frozen=True)
class Point:
    """One period of the trend: average jobs (exact) and people active in it."""

    period_end: date
    banen: Fraction
    people: int
    banen_people: int = 0  # placements the jobs of the period stem from


@dataclass(frozen=True)
class Tally:
    """Additive figures of some placements on a date, for one monitoring frequency."""

    as_of: date
    frequency: str
    people: int = 0  # persons with a placement started on or before as_of
    people_register: int = 0  # of which in the doelgroepregister
    banen: Fraction = Fraction(0)  # average jobs over the current period up to as_of
    banen_people: int = 0  # placements those jobs stem from: few of them tell their hours
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
        adding = counting_in(counted, p_start, end)
        banen = counting.banen_exact(adding, p_start, end, hours_per_job=hours_per_job)
        trend[p_start] = Point(end, banen, counting.people_count(facts, p_start, end), len(adding))
    adding_now = counting_in(counted, period_start, as_of)
    return Tally(
        as_of=as_of,
        frequency=frequency,
        # Persons, not rows: a chain of placements of one person (same reference) is one.
        people=len({_person(row, f) for row, f in started}),
        people_register=len(
            {_person(row, f) for row, f in started if f.target_group == counting.DOELGROEPREGISTER}
        ),
        banen=counting.banen_exact(adding_now, period_start, as_of, hours_per_job=hours_per_job),
        banen_people=len(adding_now),
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
    people = people_register = durable = banen_people = 0
    banen = Fraction(0)
    trend: dict[date, Point] = {}
    for part in tallies:
        if (part.as_of, part.frequency) != (as_of, frequency):
            raise ValueError("only tallies of the same date and frequency add up")
        people += part.people
        people_register += part.people_register
        banen += part.banen
        banen_people += part.banen_people
        durable += part.durable
        total.by_kind.update(part.by_kind)
        total.by_target_group.update(part.by_target_group)
        total.by_supplier.update(part.by_supplier)
        for p_start, point in part.trend.items():
            known = trend.get(p_start)
            trend[p_start] = (
                Point(
                    point.period_end,
                    known.banen + point.banen,
                    known.people + point.people,
                    known.banen_people + point.banen_people,
                )
                if known
                else point
            )
    return replace(
        total,
        people=people,
        people_register=people_register,
        banen=banen,
        banen_people=banen_people,
        durable=durable,
        trend=dict(sorted(trend.items())),
    )


def present(
    counts: Tally, *, suppress: bool = False, threshold: int = 5, trend: bool = True
) -> dict:
    """The figures as pages, exports and the API show them; suppress for what leaves the group.

    Jobs are rounded half up to two decimals here, once. With `suppress` every figure goes
    through suppression.py (small counts, the cells that would give them away, and jobs of
    fewer than `threshold` people). trend=False leaves the trend out, for lists of pilots.
    """
    if suppress:
        return _present_suppressed(counts, threshold, trend)
    return {
        "as_of": counts.as_of,
        "period": (counting.period_bounds(counts.as_of, counts.frequency)[0], counts.as_of),
        "frequency": counts.frequency,
        "people": counts.people,
        "people_register": counts.people_register,
        "banen_exact": counts.banen,
        "banen": counting.round_half_up(counts.banen),
        "banen_people": counts.banen_people,
        "durable": counts.durable,
        "by_kind": _grouped(counts.by_kind),
        "by_target_group": _grouped(counts.by_target_group),
        "by_supplier": _grouped(counts.by_supplier),
        "trend": [
            {
                "period_start": p_start,
                "period_end": point.period_end,
                "banen": counting.round_half_up(point.banen),
                "people": point.people,
            }
            for p_start, point in (counts.trend.items() if trend else ())
        ],
        "suppressed": False,
    }


def _present_suppressed(counts: Tally, threshold: int, trend: bool) -> dict:
    """present() for what leaves the working group: every table through suppression.py."""
    people = counts.people
    tables = {
        "by_kind": suppression.suppress(counts.by_kind, people, threshold=threshold),
        "by_target_group": suppression.suppress(
            counts.by_target_group, people, threshold=threshold
        ),
        "by_supplier": suppression.suppress(counts.by_supplier, people, threshold=threshold),
        # Durable and not (yet) durable split the people placed: neither may tell the other.
        "durable": suppression.suppress(
            {"durable": counts.durable, "not_durable": people - counts.durable},
            people,
            threshold=threshold,
        ),
    }

    def cell(table, key):
        return tables[table].cells.get(key, 0)

    def grouped(name):
        return [(key, cell(name, key)) for key, _ in _grouped(getattr(counts, name))]

    figures = {
        "as_of": counts.as_of,
        "period": (counting.period_bounds(counts.as_of, counts.frequency)[0], counts.as_of),
        "frequency": counts.frequency,
        "people": suppression.count(people, threshold=threshold),
        "people_register": cell("by_target_group", counting.DOELGROEPREGISTER),
        "banen_exact": None,
        "banen": suppression.hidden_with(
            counting.round_half_up(counts.banen), counts.banen_people, threshold=threshold
        ),
        "durable": cell("durable", "durable"),
        "by_kind": grouped("by_kind"),
        "by_target_group": grouped("by_target_group"),
        "by_supplier": grouped("by_supplier"),
        "trend": [
            {
                "period_start": p_start,
                "period_end": point.period_end,
                "banen": suppression.hidden_with(
                    counting.round_half_up(point.banen), point.banen_people, threshold=threshold
                ),
                "people": suppression.count(point.people, threshold=threshold),
            }
            for p_start, point in (counts.trend.items() if trend else ())
        ],
        "suppressed": True,
    }
    if any(t.total_hidden for t in tables.values()) and people >= threshold:
        hide_counts(figures)
    return figures


def hide_counts(figures: dict) -> None:
    """Hide every count of presented figures that is not 0, when their total must go."""

    def hide(value):
        # A "<5" stays: it is true and tells no more than before.
        return suppression.HIDDEN if isinstance(value, int) and value != 0 else value

    for key in ("people", "people_register", "durable"):
        figures[key] = hide(figures[key])
    for key in ("by_kind", "by_target_group", "by_supplier"):
        figures[key] = [(k, hide(n)) for k, n in figures[key]]


def shown(n: int, suppress: bool, threshold: int = 5) -> int | str:
    """A count of people as it may be shown on its own: "<5" for a small group when suppressing."""
    return suppression.count(n, threshold=threshold) if suppress else n


def _grouped(counts: Counter) -> list[tuple]:
    """(key, count) largest first, ties by key, as the breakdown tables list them."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
