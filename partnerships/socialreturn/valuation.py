"""What a contract's social return is worth: obligation and realisation, in euros.

Pure functions over plain records, like figures/counting.py, so every figure can be checked by
hand. Money is Decimal; the sums are exact (fractions) and rounded once, half up, to cents.

People are persons, not placement rows: the supplier's pseudonymous reference links the
placements of one person (werkervaringsplaats -> employment, secondment -> employment), so
"counts for one year" runs from the person's first start and a chain is one person.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from ..figures.counting import add_months, round_half_up
from .schemes import Rate, Scheme

# The certifications that make a supplier a social enterprise (CDIO element 3) and the PSO
# steps that make an ordinary company count at a reduced share.
SOCIAL_ENTERPRISE_CERTIFICATES = frozenset(
    {"social_enterprise_nl", "buy_social", "code_sociale_ondernemingen", "pso_30"}
)
PSO_CERTIFICATES = frozenset({"pso_1", "pso_2", "pso_3"})
KINDS = ("placement", "trajectory", "purchase", "community")


def supplier_class(certificate: str) -> str | None:
    """social_enterprise, pso or None for a certificate code."""
    if certificate in SOCIAL_ENTERPRISE_CERTIFICATES:
        return "social_enterprise"
    if certificate in PSO_CERTIFICATES:
        return "pso"
    return None


def person_key(supplier_id: int, reference: str, placement_id: int) -> str:
    """One key per person: the supplier's own reference, or the row when there is none."""
    reference = (reference or "").strip().casefold()
    return f"{supplier_id}:{reference}" if reference else f"row:{placement_id}"


@dataclass(frozen=True)
class Stint:
    """One placement of a person, as far as valuation needs it."""

    person: str
    target_group: str
    kind: str
    hours_per_week: Decimal
    start: date
    end: date | None = None  # inclusive; None: still running
    lasting_support_need: bool = False
    employed_until: date | None = None  # None: still employed (see Placement.employed_until)


def persons(stints: Iterable[Stint]) -> dict[str, list[Stint]]:
    """The stints of each person, in order of start."""
    by_person: dict[str, list[Stint]] = defaultdict(list)
    for stint in stints:
        by_person[stint.person].append(stint)
    return {k: sorted(v, key=lambda s: s.start) for k, v in by_person.items()}


def _month_pieces(start: date, end: date):
    """(first day, last day, days in its month) of each calendar month within start..end."""
    current = start
    while current <= end:
        last_of_month = current.replace(day=calendar.monthrange(current.year, current.month)[1])
        piece_end = min(end, last_of_month)
        yield current, piece_end, last_of_month.day
        current = piece_end + timedelta(days=1)


def _hours_factor(rate: Rate, hours: Decimal) -> Fraction:
    if not rate.pro_rata_hours:
        return Fraction(1)
    return min(Fraction(1), Fraction(hours) / Fraction(rate.full_time_hours))


def person_value(stints: list[Stint], scheme: Scheme, start: date, end: date) -> Fraction:
    """Euros one person's placements earn between start and end (inclusive), unrounded.

    Per calendar month a placement covers, it earns the rate's amount per year / 12 times
    the share of the month's days it ran (a whole month earns a twelfth), times
    hours / full-time hours when the rate pro-rates by hours. A rate that counts one year
    stops a year after the person's first start, unless any of the person's placements
    records a lasting support need. A durable bonus is added once, in the period holding
    the month the person reaches the rate's durable_months.
    """
    if not stints or end < start:
        return Fraction(0)
    first_start = min(s.start for s in stints)
    first_year_end = add_months(first_start, 12) - timedelta(days=1)
    lasting = any(s.lasting_support_need for s in stints)
    total = Fraction(0)
    for stint in stints:
        span_start = max(stint.start, start)
        span_end = min(stint.end or end, end)
        for piece_start, piece_end, month_days in _month_pieces(span_start, span_end):
            rate = scheme.rate_for(
                "placement", piece_start, target_group=stint.target_group, kind=stint.kind
            )
            if rate is None:
                continue
            if rate.first_year_only and not lasting:
                if piece_start > first_year_end:
                    continue
                piece_end = min(piece_end, first_year_end)
            days = (piece_end - piece_start).days + 1
            total += (
                Fraction(rate.amount)
                / 12
                * Fraction(days, month_days)
                * _hours_factor(rate, stint.hours_per_week)
            )
    return total + _durable_bonus(stints, scheme, first_start, start, end)


def _durable_bonus(stints, scheme, first_start, start, end) -> Fraction:
    """The bonus of the first rate whose durable milestone falls in start..end, if earned."""
    employed_until = stints[-1].employed_until
    for stint in stints:
        for rate in scheme.rates_of("placement", target_group=stint.target_group, kind=stint.kind):
            if not rate.durable_months or not rate.durable_bonus:
                continue
            milestone = add_months(first_start, rate.durable_months)
            covers = stint.start <= milestone <= (stint.end or date.max)
            still_employed = employed_until is None or employed_until >= milestone
            if covers and still_employed and start <= milestone <= end and rate.in_force(milestone):
                return Fraction(rate.durable_bonus)
    return Fraction(0)


@dataclass(frozen=True)
class Purchase:
    """An invoice from a social enterprise or a PSO-certified company."""

    invoice_date: date
    amount: Decimal
    certificate: str


@dataclass(frozen=True)
class Community:
    """Hours spent on a community project."""

    on: date
    hours: Decimal


@dataclass(frozen=True)
class Trajectory:
    """People of a target group who started a trajectory towards work."""

    on: date
    people: int
    target_group: str | None = None


def purchase_value(purchase: Purchase, scheme: Scheme) -> Fraction:
    """The invoice value times the share the scheme gives this kind of supplier."""
    rate = scheme.rate_for(
        "purchase", purchase.invoice_date, supplier=supplier_class(purchase.certificate)
    )
    return Fraction(0) if rate is None else Fraction(purchase.amount) * Fraction(rate.amount)


def community_value(entry: Community, scheme: Scheme) -> Fraction:
    rate = scheme.rate_for("community", entry.on)
    return Fraction(0) if rate is None else Fraction(entry.hours) * Fraction(rate.amount)


def trajectory_value(entry: Trajectory, scheme: Scheme) -> Fraction:
    rate = scheme.rate_for("trajectory", entry.on, target_group=entry.target_group)
    return Fraction(0) if rate is None else entry.people * Fraction(rate.amount)


@dataclass(frozen=True)
class Realisation:
    """Realised value per kind of effort (rounded to cents), with the people behind it."""

    by_kind: dict[str, Decimal]
    people: int  # persons placed (a chain of placements is one person)
    people_in_trajectory: int

    @property
    def total(self) -> Decimal:
        return sum(self.by_kind.values(), Decimal("0.00"))


def realisation(
    scheme: Scheme,
    start: date,
    end: date,
    *,
    stints: Iterable[Stint] = (),
    purchases: Iterable[Purchase] = (),
    community: Iterable[Community] = (),
    trajectories: Iterable[Trajectory] = (),
) -> Realisation:
    """Everything realised between start and end (inclusive), valued per the scheme."""
    people = persons(stints)
    in_range = [t for t in trajectories if start <= t.on <= end]
    exact = {
        "placement": sum(
            (person_value(s, scheme, start, end) for s in people.values()), Fraction(0)
        ),
        "trajectory": sum((trajectory_value(t, scheme) for t in in_range), Fraction(0)),
        "purchase": sum(
            (purchase_value(p, scheme) for p in purchases if start <= p.invoice_date <= end),
            Fraction(0),
        ),
        "community": sum(
            (community_value(c, scheme) for c in community if start <= c.on <= end),
            Fraction(0),
        ),
    }
    active = sum(
        1
        for chain in people.values()
        if any(s.start <= end and (s.end is None or s.end >= start) for s in chain)
    )
    return Realisation(
        by_kind={kind: round_half_up(value) for kind, value in exact.items()},
        people=active,
        people_in_trajectory=sum(t.people for t in in_range),
    )


def obligation(
    basis: str, percentage: Decimal | None, contract_value: Decimal | None, wage_sum
) -> Decimal | None:
    """The obligation in euros: the percentage of the contract value or of the wage sum.

    None when there is no percentage-based obligation or the amount it needs is unknown.
    """
    if percentage is None:
        return None
    base = {"project_value": contract_value, "wage_sum": wage_sum}.get(basis)
    if base is None:
        return None
    return (Decimal(base) * Decimal(percentage) / 100).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


def percent_met(realised: Decimal, owed: Decimal | None) -> Decimal | None:
    """Realised as a percentage of the obligation, one decimal: 70,000 of 60,000 is 116.7."""
    if not owed:
        return None
    return (Decimal(realised) * 100 / Decimal(owed)).quantize(
        Decimal("0.1"), rounding=ROUND_HALF_UP
    )
