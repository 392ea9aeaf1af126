"""The social return figures as pages, exports and the API show them.

Counts of people go through the project's suppression for anything that leaves the working
group: today jobs.tally.shown (counts from 1 to 4 become "<5").
SUPPRESSION: when the boundaries work lands on main, swap `_shown` below for its single
suppression function (people and job units, with secondary suppression).
"""

from __future__ import annotations

from decimal import Decimal

from flask import current_app
from flask_babel import gettext as _

from ..i18n import locale_code
from ..jobs.exports import Table
from ..jobs.tally import shown
from . import valuation
from .realisation import Summary, TenderShare


def _shown(n: int, suppress: bool):
    return shown(n, suppress, current_app.config.get("SMALL_CELL_THRESHOLD", 5))


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


def _value_fields(item, suppress: bool) -> dict:
    return {
        "obligation": item.obligation,
        "realised": dict(item.by_kind),
        "realised_total": item.realised,
        "percent_met": item.percent_met,
        "people": _shown(
            item.people if isinstance(item.people, int) else len(item.people), suppress
        ),
        "people_in_trajectory": _shown(item.people_in_trajectory, suppress),
        "banen": item.banen,
    }


def figures(summary: Summary, *, suppress: bool, tender_share: TenderShare | None = None) -> dict:
    """A plain dict: totals, and per contract its scheme (with source and date) and values."""
    data = _value_fields(summary, suppress)
    data["suppressed"] = suppress
    data["contracts"] = [
        {
            "id": c.contract.id,
            "title": c.contract.title,
            "nature": c.contract.nature,
            "basis": c.contract.sr_basis,
            "percentage": c.contract.sr_percentage,
            "scheme": scheme_view(c.scheme),
            **_value_fields(c, suppress),
        }
        for c in summary.contracts
    ]
    if tender_share is not None:
        data["tender_share"] = {
            "within_threshold": tender_share.within,
            "social_return_asked": tender_share.asked,
            "percent": tender_share.percent,
        }
    return data


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
