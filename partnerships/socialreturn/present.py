"""The social return figures as pages, exports and the API show them.

What leaves the working group goes through suppression.py, the project's one rule: the
people per contract (and per supplier) are a table whose cells add up to the total shown,
so small counts and the cells that would give them away are hidden; the euros and jobs
that stem from those people (placement value, banenafspraak jobs, and the totals that
include them) are hidden with them. Purchases and community hours are not about people.
"""

from __future__ import annotations

from decimal import Decimal

from flask import current_app
from flask_babel import gettext as _

from .. import suppression
from ..i18n import locale_code
from ..jobs.exports import Table
from . import valuation
from .labels import EFFORT_LABELS
from .realisation import Summary, TenderShare
from .scheme_rows import effort_key, element_of


def _threshold() -> int:
    return current_app.config.get("SMALL_CELL_THRESHOLD", suppression.THRESHOLD)


def scheme_view(scheme) -> dict | None:
    if scheme is None:
        return None
    dutch = locale_code() == "nl"
    return {
        "ref": scheme.ref,
        "title": (dutch and scheme.title_nl) or scheme.title,
        "source": (dutch and scheme.source_nl) or scheme.source,
        "published": scheme.published,
    }


def values(item) -> dict:
    """The unsuppressed figures of a contract (people: a set of persons) or of a sum."""
    return {
        "obligation": item.obligation,
        "realised": dict(item.by_kind),
        "realised_total": item.realised,
        "percent_met": item.percent_met,
        "people": item.people if isinstance(item.people, int) else len(item.people),
        "people_in_trajectory": item.people_in_trajectory,
        "banen": item.banen,
    }


def figures(summary: Summary, *, suppress: bool, tender_share: TenderShare | None = None) -> dict:
    """A plain dict: totals, and per contract its scheme (with source and date) and values."""
    data = values(summary)
    data["suppressed"] = suppress
    contracts = [
        {
            "id": c.contract.id,
            "title": c.contract.title,
            "nature": c.contract.nature,
            "basis": c.contract.sr_basis,
            "percentage": c.contract.sr_percentage,
            "scheme": scheme_view(c.scheme),
            **values(c),
        }
        for c in summary.contracts
    ]
    if suppress:
        hide_small(data, contracts, key="id")
    data["contracts"] = contracts
    if tender_share is not None:
        data["tender_share"] = {
            "within_threshold": tender_share.within,
            "social_return_asked": tender_share.asked,
            "percent": tender_share.percent,
        }
    return data


def breakdown(total: Summary, parts: dict, names: dict, *, suppress: bool) -> list[dict]:
    """One row per supplier or pilot (its id, name and values), by name. Suppressed, the
    rows are checked against the total together, so no difference gives a small count away."""
    rows = [
        {"id": key, "name": names.get(key, ""), **values(part)}
        for key, part in sorted(parts.items(), key=lambda kv: names.get(kv[0], ""))
    ]
    if suppress:
        hide_small(values(total), rows, key="id")
    return rows


def _hide(item: dict, people_hidden: bool, trajectory_hidden: bool) -> None:
    """Hide what stems from hidden people, and the sums that would give it away."""
    hidden = suppression.HIDDEN
    if people_hidden:
        item["realised"]["placement"] = hidden
        item["banen"] = hidden
    if trajectory_hidden:
        item["realised"]["trajectory"] = hidden
    if people_hidden or trajectory_hidden:
        item["realised_total"] = hidden
        item["percent_met"] = hidden


def hide_small(total: dict, rows: list[dict], *, key: str) -> None:
    """Suppress the people of these rows (contracts or suppliers) against their total."""
    threshold = _threshold()
    people = suppression.suppress(
        {r[key]: r["people"] for r in rows}, total["people"], threshold=threshold
    )
    started = suppression.suppress(
        {r[key]: r["people_in_trajectory"] for r in rows},
        total["people_in_trajectory"],
        threshold=threshold,
    )
    for row in rows:
        _hide(row, row[key] in people.hidden, row[key] in started.hidden)
        row["people"] = people.cells[row[key]]
        row["people_in_trajectory"] = started.cells[row[key]]
    _hide(total, people.total_hidden, started.total_hidden)
    total["people"] = people.total
    total["people_in_trajectory"] = started.total
    if not rows:
        small = suppression.suppress({0: total["people"]}, threshold=threshold)
        _hide(total, bool(small.hidden), False)
        total["people"] = small.cells[0]


def kind_labels() -> dict[str, str]:
    return {
        "placement": _("Placements"),
        "trajectory": _("Trajectories"),
        "purchase": _("Purchases from social enterprises"),
        "community": _("Community projects"),
    }


def _money(value: Decimal | None):
    return value if value is not None else ""


def tables(data: dict) -> list[Table]:
    """The figures as export tables, one row per contract plus a total."""
    labels = kind_labels()
    header = [
        _("Contract"),
        _("Valuation scheme"),
        _("Source of the valuation"),
        _("Obligation (EUR)"),
        *[f"{labels[k]} (EUR)" for k in valuation.KINDS],
        _("Realised (EUR)"),
        _("Obligation met (%)"),
        _("People"),
        _("People in a trajectory"),
        _("Banenafspraak jobs"),
    ]

    def row(title, item, scheme):
        return [
            title,
            scheme["ref"] if scheme else "",
            f"{scheme['source']} ({scheme['published'].isoformat()})" if scheme else "",
            _money(item["obligation"]),
            *[item["realised"][k] for k in valuation.KINDS],
            item["realised_total"],
            _money(item["percent_met"]),
            item["people"],
            item["people_in_trajectory"],
            item["banen"],
        ]

    rows = [row(c["title"], c, c["scheme"]) for c in data["contracts"]]
    rows.append(row(_("Total"), data, None))
    result = [Table(_("Social return"), header, rows)]
    share = data.get("tender_share")
    if share:
        result.append(
            Table(
                _("Social return asked"),
                [_("Figure"), _("Value")],
                [
                    [_("Contracts and tenders within the threshold"), share["within_threshold"]],
                    [_("Of which social return was asked"), share["social_return_asked"]],
                    [_("Share (%)"), _money(share["percent"])],
                ],
            )
        )
    return result


def own_elements(scheme, *, groups: dict, kinds: dict) -> list[dict]:
    """An own scheme's elements in words, as the policy page lists them; `groups` and
    `kinds` label the organisation's target groups and kinds of work."""

    def names(codes, labels, every):
        return ", ".join(str(labels.get(c, c)) for c in codes) if codes else every

    rows = []
    for rate in scheme.rates:
        element = element_of(rate, scheme.published)
        rules = []
        if rate.first_year_only:
            rules.append(_("counts for the first year only"))
        if rate.pro_rata_hours:
            rules.append(_("part-time in proportion to %(h)s hours", h=rate.full_time_hours))
        if rate.durable_bonus and rate.durable_months:
            rules.append(
                _(
                    "bonus of EUR %(bonus)s when still at work after %(n)d months",
                    bonus=current_app.jinja_env.filters["number"](rate.durable_bonus),
                    n=rate.durable_months,
                )
            )
        rows.append(
            {
                "effort": EFFORT_LABELS[effort_key(rate)],
                "groups": names(sorted(rate.target_groups or ()), groups, _("every")),
                "kinds": names(sorted(rate.kinds or ()), kinds, _("every"))
                if rate.effort == "placement"
                else "–",
                "amount": element.amount,
                "percent": rate.effort == "purchase",
                "start": rate.start,
                "until": rate.until,
                "rules": rules,
            }
        )
    return rows
