"""Computed hints on a contract or tender: a yes or no, the reason in words, and the source.

The hints are advice, not rules: the working group still judges what is "passend". Each
one names the condition that decided it, so a reader can check it by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from flask_babel import format_date, format_decimal, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ..figures.counting import add_months
from .choices import LABOUR_INTENSIVE, Nature

SOURCE_RIJK = _l(
    "Rijk, Jaarrapportage social return 2022: social return applies to works and services "
    "with a wage sum of at least EUR 250,000 excl. VAT and a term of at least six months."
)
SOURCE_2B = _l(
    "Handreiking Partnerships voor meer banen, p.20: in route 2B look first at larger "
    "(e.g. over EUR 200,000 a year), labour-intensive, multi-year contracts."
)
SOURCE_TERM = _l(
    "Handreiking Partnerships voor meer banen, p.20: map the remaining term; when a contract "
    "ends, discuss taking social return into the next tender."
)
NEXT_TENDER_MONTHS = 12
RIJK_THRESHOLD, RIJK_MIN_MONTHS = Decimal("250000"), 6


def _own_policy(settings) -> str:
    """How to cite the organisation's own policy: its name if saved, else its settings."""
    name = getattr(settings, "sr_policy_source", "") or ""
    return name or _("your organisation's settings")


def _threshold_source(settings) -> str:
    """The Rijk source while the Rijk figures hold; the organisation's own policy once it
    changed them, because the Rijk text would then cite a figure that does not apply."""
    if (
        Decimal(settings.sr_threshold) == RIJK_THRESHOLD
        and settings.sr_min_months == RIJK_MIN_MONTHS
    ):
        return str(SOURCE_RIJK)
    return _(
        "%(policy)s: social return applies to works and services with a wage sum of at least "
        "%(threshold)s and a term of at least %(minimum)s.",
        policy=_own_policy(settings),
        threshold=money(Decimal(settings.sr_threshold)),
        minimum=_months(settings.sr_min_months),
    )


def value_threshold_of(settings, nature: str) -> Decimal | None:
    """The organisation's threshold on the contract value for this kind, if it set one."""
    return getattr(settings, f"sr_value_threshold_{nature}", None)


@dataclass(frozen=True)
class Hint:
    """One computed hint; `applies` is None when the data to decide is missing."""

    key: str
    title: str
    applies: bool | None
    explanation: str
    source: str


def money(value: Decimal) -> str:
    return "EUR " + format_decimal(value, format="#,##0")


def term_months(start: date, end: date) -> int:
    """Whole calendar months from start through end (inclusive): 1 Jan-30 Jun is 6."""
    months = 0
    while add_months(start, months + 1) - timedelta(days=1) <= end:
        months += 1
    return months


def _months(n: int) -> str:
    return ngettext("%(num)d month", "%(num)d months", n)


def _no(code: str, title: str, failed: list[str], source: str) -> Hint:
    """A condition is not met: the answer is no, with every condition that failed."""
    return Hint(code, title, False, _("No: %(reasons)s.", reasons="; ".join(failed)), source)


def sr_threshold(contract, settings) -> Hint:
    """Within the Rijk SR threshold: work or service, wage sum >= threshold, term >= 6 months."""
    title = _("Within the Rijk social return threshold")
    threshold, min_months = Decimal(settings.sr_threshold), settings.sr_min_months
    source = _threshold_source(settings)
    if source != str(SOURCE_RIJK):
        title = _("Within your social return threshold on the wage sum")
    failed, unknown = [], []
    if contract.nature == Nature.SUPPLY:
        failed.append(_("it is a supply, and the threshold only covers works and services"))
    if contract.wage_sum is None:
        unknown.append(_("the wage sum (loonsom) is not known"))
    elif contract.wage_sum < threshold:
        failed.append(
            _(
                "the wage sum of %(sum)s is below %(threshold)s",
                sum=money(contract.wage_sum),
                threshold=money(threshold),
            )
        )
    if contract.start_date is None or contract.end_date is None:
        unknown.append(_("the term is not known (start and end date)"))
    else:
        months = term_months(contract.start_date, contract.end_date)
        if months < min_months:
            failed.append(
                _(
                    "the term of %(term)s is shorter than %(minimum)s",
                    term=_months(months),
                    minimum=_months(min_months),
                )
            )
    if failed:
        return _no("sr_threshold", title, failed, source)
    if unknown:
        return Hint(
            "sr_threshold",
            title,
            None,
            _(
                "Cannot tell yet: %(reasons)s. Ask the contract manager or supplier.",
                reasons="; ".join(unknown),
            ),
            source,
        )
    months = term_months(contract.start_date, contract.end_date)
    return Hint(
        "sr_threshold",
        title,
        True,
        _(
            "Yes: a work or service with a wage sum of %(sum)s (at least %(threshold)s) "
            "and a term of %(term)s (at least %(minimum)s).",
            sum=money(contract.wage_sum),
            threshold=money(threshold),
            term=_months(months),
            minimum=_months(min_months),
        ),
        source,
    )


def sr_value_threshold(contract, settings) -> Hint | None:
    """Above the organisation's own threshold on the contract value for this kind of
    purchase; None when its policy sets no such threshold (the Rijk has none)."""
    threshold = value_threshold_of(settings, contract.nature)
    if threshold is None:
        return None
    title = _("Within your social return threshold on the contract value")
    source = _(
        "%(policy)s: social return applies from a contract value of %(threshold)s for "
        "this kind of purchase.",
        policy=_own_policy(settings),
        threshold=money(Decimal(threshold)),
    )
    if contract.contract_value is None:
        return Hint(
            "sr_value_threshold",
            title,
            None,
            _("Cannot tell yet: the contract value over the whole term is not known."),
            source,
        )
    applies = contract.contract_value >= threshold
    text = _(
        "%(answer)s: a contract value of %(value)s against a threshold of %(threshold)s.",
        answer=_("Yes") if applies else _("No"),
        value=money(contract.contract_value),
        threshold=money(Decimal(threshold)),
    )
    return Hint("sr_value_threshold", title, applies, text, source)


def route_2b(contract, settings) -> Hint:
    """Promising for route 2B: over the yearly value, labour-intensive and multi-year."""
    title = _("Promising for route 2B")
    threshold = Decimal(settings.route_2b_threshold)
    failed, unknown, met = [], [], []
    if contract.value_per_year is None:
        unknown.append(_("the contract value per year is not known"))
    elif contract.value_per_year > threshold:
        met.append(
            _(
                "%(value)s a year is over %(threshold)s",
                value=money(contract.value_per_year),
                threshold=money(threshold),
            )
        )
    else:
        failed.append(
            _(
                "%(value)s a year is not over %(threshold)s",
                value=money(contract.value_per_year),
                threshold=money(threshold),
            )
        )
    if contract.category in LABOUR_INTENSIVE:
        met.append(_("the category is labour-intensive"))
    else:
        failed.append(
            _(
                "the category is not one of the labour-intensive ones (cleaning, "
                "window cleaning, catering, security, maintenance, green spaces)"
            )
        )
    if contract.start_date is None or contract.end_date is None:
        unknown.append(_("the term is not known (start and end date)"))
    elif term_months(contract.start_date, contract.end_date) > 12:
        met.append(_("it runs for more than a year"))
    else:
        failed.append(_("it runs for a year or less"))
    if failed:
        return _no("route_2b", title, failed, str(SOURCE_2B))
    if unknown:
        return Hint(
            "route_2b",
            title,
            None,
            _("Cannot tell yet: %(reasons)s.", reasons="; ".join(unknown)),
            str(SOURCE_2B),
        )
    return Hint(
        "route_2b", title, True, _("Yes: %(reasons)s.", reasons="; ".join(met)), str(SOURCE_2B)
    )


def remaining_term(contract, today: date) -> Hint:
    """How long the contract still runs, and whether to prepare the next tender now."""
    title = _("Remaining term")
    if contract.end_date is None:
        return Hint(
            "remaining_term", title, None, _("The end date is not known."), str(SOURCE_TERM)
        )
    if contract.end_date < today:
        return Hint(
            "remaining_term",
            title,
            False,
            _("Ended on %(date)s.", date=format_date(contract.end_date, "d MMMM yyyy")),
            str(SOURCE_TERM),
        )
    months = term_months(today, contract.end_date)
    # Under a month, "0 months left" reads as "over": say the days instead.
    term = (
        _months(months)
        if months
        else ngettext("%(num)d day", "%(num)d days", (contract.end_date - today).days + 1)
    )
    text = _(
        "%(term)s left, until %(date)s.",
        term=term,
        date=format_date(contract.end_date, "d MMMM yyyy"),
    )
    if contract.end_date < add_months(today, NEXT_TENDER_MONTHS):
        text += " " + _(
            "Ends within 12 months: prepare the next tender and take social return into it."
        )
        if contract.extension_options:
            text += " " + _(
                "Or discuss the extension options (%(options)s) with the supplier.",
                options=contract.extension_options,
            )
    return Hint("remaining_term", title, True, text, str(SOURCE_TERM))


def ends_soon(contract, today: date) -> bool:
    """True when the contract ends within 12 months: time to prepare the next tender."""
    return contract.end_date is not None and today <= contract.end_date < add_months(
        today, NEXT_TENDER_MONTHS
    )


def hints_for(contract, settings, today: date) -> list[Hint]:
    """Every hint for one contract, in the order the page shows them."""
    own = sr_value_threshold(contract, settings)
    return [
        sr_threshold(contract, settings),
        *([own] if own else []),
        route_2b(contract, settings),
        remaining_term(contract, today),
    ]
