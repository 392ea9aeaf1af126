"""Valuation schemes as data: what each kind of social return effort is worth in euros.

Schemes differ per region and change often, so they are TOML (files in `valuation/`, or an
organisation's own scheme stored as the same TOML text), never code. Each scheme has a key
and a version; a contract keeps the version it was tendered with. Every problem in a scheme
is reported with its file and line, like the workflow files.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from ..workflow.locate import TomlLocator
from ..workflow.reader import Problem

# Which unit belongs to which kind of effort: a placement is valued per person-year, a
# trajectory per person who started it, a purchase as a share of the invoice value and a
# community project per hour.
UNITS = {
    "placement": "person_year",
    "trajectory": "person",
    "purchase": "invoice_share",
    "community": "hour",
}
EFFORTS = tuple(UNITS)
SUPPLIER_CLASSES = frozenset({"social_enterprise", "pso"})
DEFAULT_FULL_TIME_HOURS = Decimal(36)


@dataclass(frozen=True)
class Rate:
    """One line of a scheme: what one unit of one kind of effort is worth, in a period."""

    code: str
    effort: str
    unit: str
    amount: Decimal
    start: date
    until: date | None = None  # inclusive; None runs on
    target_groups: frozenset[str] | None = None  # None: every group
    kinds: frozenset[str] | None = None  # None: every kind of placement
    suppliers: frozenset[str] | None = None  # purchases: social_enterprise and/or pso
    first_year_only: bool = False  # counts for a person's first year, unless lasting need
    pro_rata_hours: bool = False  # a part-time placement counts hours / full_time_hours
    full_time_hours: Decimal = DEFAULT_FULL_TIME_HOURS
    durable_months: int | None = None  # a bonus when the person still works after this
    durable_bonus: Decimal = Decimal(0)

    def in_force(self, on: date) -> bool:
        return self.start <= on and (self.until is None or on <= self.until)

    def matches(self, *, target_group=None, kind=None, supplier=None) -> bool:
        """Whether this rate covers the effort's target group, kind and supplier class."""
        return (
            (self.target_groups is None or target_group in self.target_groups)
            and (self.kinds is None or kind in self.kinds)
            and (self.suppliers is None or supplier in self.suppliers)
        )


@dataclass(frozen=True)
class Scheme:
    """A versioned valuation scheme with the source a reader can check."""

    key: str
    version: int
    title: str
    source: str
    published: date
    rates: tuple[Rate, ...]
    # Optional Dutch title and source; the application's default language is Dutch.
    title_nl: str = ""
    source_nl: str = ""

    @property
    def ref(self) -> str:
        """The key and version a contract stores, e.g. ``cdio-2025@1``."""
        return f"{self.key}@{self.version}"

    def rate_for(self, effort: str, on: date, **facts) -> Rate | None:
        """The rate in force on that day for this effort, or None (the effort counts 0)."""
        for rate in self.rates:
            if rate.effort == effort and rate.in_force(on) and rate.matches(**facts):
                return rate
        return None

    def rates_of(self, effort: str, **facts) -> list[Rate]:
        """Every rate of an effort that covers these facts, whatever its period."""
        return [r for r in self.rates if r.effort == effort and r.matches(**facts)]


def _date(value, problems, where) -> date | None:
    if isinstance(value, date):
        return value
    problems.append(where("must be a date such as 2025-10-14"))
    return None


def _amount(value, problems, where) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        problems.append(where("must be a number"))
        return None
    try:
        # str() first: a TOML float such as 0.5 becomes exactly Decimal("0.5").
        amount = Decimal(str(value))
    except InvalidOperation:
        problems.append(where("must be a number"))
        return None
    if amount < 0:
        problems.append(where(f"cannot be negative ({value})"))
        return None
    return amount


def _codes(value, known, problems, where, what) -> frozenset[str] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(where(f"must be a list of {what} codes"))
        return None
    for code in value:
        if known is not None and code not in known:
            problems.append(where(f"unknown {what} {code!r}", code))
    return frozenset(value)


def _overlap(a: Rate, b: Rate) -> bool:
    """Two rates of one effort that could both value the same thing on the same day."""

    def shared(x, y):
        return x is None or y is None or bool(x & y)

    same_scope = (
        a.effort == b.effort
        and shared(a.target_groups, b.target_groups)
        and shared(a.kinds, b.kinds)
        and shared(a.suppliers, b.suppliers)
    )
    a_end, b_end = a.until or date.max, b.until or date.max
    return same_scope and a.start <= b_end and b.start <= a_end


def parse(
    text: str, file: Path | str, *, target_groups=None, kinds=None
) -> tuple[Scheme | None, list[Problem]]:
    """A scheme from TOML text, or the problems that keep it from being one.

    ``target_groups`` and ``kinds`` are the codes a rate may name (None accepts any).
    """
    file = Path(file)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return None, [Problem(file, f"not valid TOML: {error}")]
    locator = TomlLocator(text)
    problems: list[Problem] = []

    def at(path, value=None):
        def where(message, found=None):
            return Problem(file, f"{path}: {message}", line=locator.line_for(path, found or value))

        return where

    for name in ("key", "title", "source"):
        if not isinstance(data.get(name), str) or not data.get(name, "").strip():
            problems.append(at(name)("is required (text)"))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        problems.append(at("version")("must be a whole number from 1"))
    published = _date(data.get("published"), problems, at("published"))
    rates: list[Rate] = []
    positions: list[int] = []  # the [[rates]] index of each valid rate, for line numbers
    raw_rates = data.get("rates")
    if not isinstance(raw_rates, list) or not raw_rates:
        problems.append(at("rates")("at least one [[rates]] table is needed"))
        raw_rates = []
    for i, raw in enumerate(raw_rates):
        path = f"rates[{i}]"
        before = len(problems)
        effort = raw.get("effort")
        if effort not in UNITS:
            problems.append(at(f"{path}.effort")(f"must be one of {', '.join(EFFORTS)}"))
            continue
        unit = raw.get("unit", UNITS[effort])
        if unit != UNITS[effort]:
            problems.append(at(f"{path}.unit")(f"a {effort} is valued per {UNITS[effort]}"))
        amount = _amount(raw.get("amount"), problems, at(f"{path}.amount"))
        start = _date(raw.get("from"), problems, at(f"{path}.from"))
        until = raw.get("until")
        if until is not None:
            until = _date(until, problems, at(f"{path}.until"))
            if until and start and until < start:
                problems.append(at(f"{path}.until")("ends before the rate starts"))
        groups = _codes(
            raw.get("target_groups"),
            target_groups,
            problems,
            at(f"{path}.target_groups"),
            "target group",
        )
        kind_codes = _codes(raw.get("kinds"), kinds, problems, at(f"{path}.kinds"), "kind")
        suppliers = _codes(
            raw.get("suppliers"), SUPPLIER_CLASSES, problems, at(f"{path}.suppliers"), "supplier"
        )
        full_time = _amount(
            raw.get("full_time_hours", DEFAULT_FULL_TIME_HOURS),
            problems,
            at(f"{path}.full_time_hours"),
        )
        if full_time == 0:
            problems.append(at(f"{path}.full_time_hours")("must be more than 0"))
        bonus = _amount(raw.get("durable_bonus", 0), problems, at(f"{path}.durable_bonus"))
        months = raw.get("durable_months")
        if months is not None and (not isinstance(months, int) or months < 1):
            problems.append(at(f"{path}.durable_months")("must be a whole number from 1"))
        if len(problems) > before:
            continue
        positions.append(i)
        rates.append(
            Rate(
                code=str(raw.get("code") or f"rate{i + 1}"),
                effort=effort,
                unit=unit,
                amount=amount,
                start=start,
                until=until,
                target_groups=groups,
                kinds=kind_codes,
                suppliers=suppliers,
                first_year_only=bool(raw.get("first_year_only", False)),
                pro_rata_hours=bool(raw.get("pro_rata_hours", False)),
                full_time_hours=full_time,
                durable_months=months,
                durable_bonus=bonus,
            )
        )
    for i, rate in enumerate(rates):
        for other in rates[:i]:
            if _overlap(rate, other):
                problems.append(
                    at(f"rates[{positions[i]}].from")(
                        f"rate {rate.code!r} overlaps rate {other.code!r}: the same "
                        "effort and target group in overlapping periods"
                    )
                )
    if problems:
        return None, problems
    scheme = Scheme(
        key=data["key"],
        version=version,
        title=data["title"],
        source=data["source"],
        published=published,
        rates=tuple(rates),
        title_nl=str(data.get("title_nl", "")),
        source_nl=str(data.get("source_nl", "")),
    )
    return scheme, []


def known_codes() -> tuple[frozenset[str], frozenset[str]]:
    """The target group and placement kind codes a shipped scheme may name."""
    from ..contracts.choices import DEFAULT_PLACEMENT_KINDS, DEFAULT_TARGET_GROUPS

    return frozenset(DEFAULT_TARGET_GROUPS), frozenset(DEFAULT_PLACEMENT_KINDS)


def collect(root: Path | str) -> tuple[list[Scheme], list[Problem]]:
    """Every scheme file in a folder, and every problem found in them."""
    root = Path(root)
    groups, kinds = known_codes()
    schemes, problems = [], []
    seen: dict[str, Path] = {}
    for file in sorted(root.glob("*.toml")):
        scheme, found = parse(file.read_text(), file, target_groups=groups, kinds=kinds)
        problems += found
        if scheme is None:
            continue
        if scheme.ref in seen:
            problems.append(Problem(file, f"{scheme.ref} is already defined in {seen[scheme.ref]}"))
            continue
        seen[scheme.ref] = file
        schemes.append(scheme)
    return schemes, problems
