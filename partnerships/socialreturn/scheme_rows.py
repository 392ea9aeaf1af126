"""An own valuation scheme as rows a coordinator fills in, and back to the stored TOML.

A municipal social return coordinator defines a scheme as elements (a value per kind of
effort and target group, per period, with its duration rules); the application writes the
same TOML text the shipped schemes use, so one reader (schemes.parse) values every scheme
and every saved version stays readable as it was tendered.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from .schemes import DEFAULT_FULL_TIME_HOURS, UNITS, Rate, Scheme

# What a row offers as "kind of effort": the effort, and for a purchase the kind of supplier
# (None: either). The unit follows from the effort (schemes.UNITS).
EFFORTS = {
    "placement": ("placement", None),
    "trajectory": ("trajectory", None),
    "purchase_social_enterprise": ("purchase", frozenset({"social_enterprise"})),
    "purchase_pso": ("purchase", frozenset({"pso"})),
    "purchase": ("purchase", None),
    "community": ("community", None),
}
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Element:
    """One row of the form, as plain values (amounts of purchases in % of the invoice)."""

    effort: str  # a key of EFFORTS
    amount: Decimal
    target_groups: tuple[str, ...] = ()  # empty: every group
    kinds: tuple[str, ...] = ()  # empty: every kind of placement
    start: date | None = None  # None: the scheme's valid-from date
    until: date | None = None
    first_year_only: bool = False
    pro_rata_hours: bool = False
    full_time_hours: Decimal = DEFAULT_FULL_TIME_HOURS
    durable_months: int | None = None
    durable_bonus: Decimal | None = None


def effort_key(rate: Rate) -> str:
    """The row's kind of effort for a rate of a scheme."""
    if rate.effort != "purchase" or not rate.suppliers or len(rate.suppliers) > 1:
        return rate.effort
    return "purchase_pso" if "pso" in rate.suppliers else "purchase_social_enterprise"


def element_of(rate: Rate, valid_from: date) -> Element:
    """A scheme's rate as a row; a rate starting with the scheme shows no own start."""
    placement = rate.effort == "placement"
    amount = rate.amount * HUNDRED if rate.effort == "purchase" else rate.amount
    return Element(
        effort=effort_key(rate),
        amount=amount.normalize() if amount == amount.to_integral() else amount,
        target_groups=tuple(sorted(rate.target_groups or ())),
        kinds=tuple(sorted(rate.kinds or ())) if placement else (),
        start=None if rate.start == valid_from else rate.start,
        until=rate.until,
        first_year_only=rate.first_year_only,
        pro_rata_hours=rate.pro_rata_hours,
        full_time_hours=rate.full_time_hours,
        durable_months=rate.durable_months if rate.durable_bonus else None,
        durable_bonus=rate.durable_bonus or None,
    )


def rate_of(element: Element, valid_from: date, position: int) -> Rate:
    """A row as a rate; fields that do not apply to its effort are left out."""
    effort, suppliers = EFFORTS[element.effort]
    placement = effort == "placement"
    grouped = effort in ("placement", "trajectory")
    return Rate(
        code=f"element{position + 1}",
        effort=effort,
        unit=UNITS[effort],
        amount=element.amount / HUNDRED if effort == "purchase" else element.amount,
        start=element.start or valid_from,
        until=element.until,
        target_groups=frozenset(element.target_groups)
        if grouped and element.target_groups
        else None,
        kinds=frozenset(element.kinds) if placement and element.kinds else None,
        suppliers=suppliers,
        first_year_only=placement and element.first_year_only,
        pro_rata_hours=placement and element.pro_rata_hours,
        full_time_hours=element.full_time_hours if placement else DEFAULT_FULL_TIME_HOURS,
        durable_months=element.durable_months if placement and element.durable_bonus else None,
        durable_bonus=(element.durable_bonus or Decimal(0)) if placement else Decimal(0),
    )


def overlapping(rates: list[Rate]) -> list[tuple[int, int]]:
    """(later, earlier) positions of rates that could value the same effort on one day:
    the reader refuses them, because which one counts would be a matter of order."""
    from .schemes import _overlap

    return [(i, j) for i, rate in enumerate(rates) for j in range(i) if _overlap(rate, rates[j])]


def same_content(a: Scheme, b: Scheme) -> bool:
    """Whether two versions say the same thing (the codes of their rates aside)."""

    def content(s: Scheme):
        return (s.title, s.source, s.published, tuple(replace(r, code="") for r in s.rates))

    return content(a) == content(b)


def _string(value: str) -> str:
    # A JSON string is a valid TOML basic string: the same quotes and escapes.
    return json.dumps(value, ensure_ascii=False)


def _number(value: Decimal) -> str:
    # TOML reads 30000 as an integer and 0.5 as a float; the reader takes both exactly.
    return format(value.normalize(), "f")


def _codes(values) -> str:
    return "[" + ", ".join(_string(v) for v in sorted(values)) + "]"


def to_toml(*, title: str, source: str, valid_from: date, version: int, rates: list[Rate]) -> str:
    """The TOML text of an own scheme, in the format of the files in valuation/."""
    lines = [
        "# Written by the scheme form of the organisation's social return policy.",
        'key = "own"',
        f"version = {version}",
        f"title = {_string(title)}",
        f"source = {_string(source)}",
        f"published = {valid_from.isoformat()}",
    ]
    for rate in rates:
        lines += [
            "",
            "[[rates]]",
            f"code = {_string(rate.code)}",
            f"effort = {_string(rate.effort)}",
            f"unit = {_string(rate.unit)}",
            f"amount = {_number(rate.amount)}",
            f"from = {rate.start.isoformat()}",
        ]
        if rate.until:
            lines.append(f"until = {rate.until.isoformat()}")
        if rate.target_groups:
            lines.append(f"target_groups = {_codes(rate.target_groups)}")
        if rate.kinds:
            lines.append(f"kinds = {_codes(rate.kinds)}")
        if rate.suppliers:
            lines.append(f"suppliers = {_codes(rate.suppliers)}")
        if rate.first_year_only:
            lines.append("first_year_only = true")
        if rate.pro_rata_hours:
            lines.append("pro_rata_hours = true")
            lines.append(f"full_time_hours = {_number(rate.full_time_hours)}")
        if rate.durable_months and rate.durable_bonus:
            lines.append(f"durable_months = {rate.durable_months}")
            lines.append(f"durable_bonus = {_number(rate.durable_bonus)}")
    return "\n".join(lines) + "\n"
