"""Social return figures in the read-only API (routes in api/v1.py, which authenticates):
aggregates only, people counts suppressed, every value with the scheme it was valued with."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from . import present, realisation
from .valuation import KINDS


def _number(value):
    return float(value) if isinstance(value, Decimal) else value


def _values(item: dict) -> dict:
    return {
        "obligation": _number(item["obligation"]),
        "realised": {kind: _number(item["realised"][kind]) for kind in KINDS},
        "realised_total": _number(item["realised_total"]),
        "percent_met": _number(item["percent_met"]),
        "people": item["people"],
        "people_in_trajectory": item["people_in_trajectory"],
        "banen": _number(item["banen"]),
    }


def to_json(data: dict, as_of: date) -> dict:
    body = {"as_of": as_of.isoformat(), **_values(data), "small_counts_suppressed": True}
    body["contracts"] = [
        {
            "id": c["id"],
            "title": c["title"],
            "nature": c["nature"],
            "basis": c["basis"],
            "percentage": _number(c["percentage"]),
            "scheme": (
                {**c["scheme"], "published": c["scheme"]["published"].isoformat()}
                if c["scheme"]
                else None
            ),
            **_values(c),
        }
        for c in data["contracts"]
    ]
    if "tender_share" in data:
        share = data["tender_share"]
        body["tender_share"] = {**share, "percent": _number(share["percent"])}
    return body


def pilot_json(pilot, as_of: date) -> dict:
    data = present.figures(realisation.for_pilot(pilot, as_of=as_of), suppress=True)
    return to_json(data, as_of)


def organisation_json(organisation_id: int, as_of: date) -> dict:
    # Every contract of the organisation, also those no pilot uses yet.
    summary = realisation.for_organisation(organisation_id, as_of=as_of)
    pilots = realisation.pilots_of(organisation_id)
    data = present.figures(
        summary, suppress=True, tender_share=realisation.tender_share(organisation_id)
    )
    body = to_json(data, as_of)
    rows = present.breakdown(
        summary,
        realisation.per_pilot(pilots, as_of=as_of),
        {p.id: p.title for p in pilots},
        suppress=True,
    )
    body["pilots"] = [{"id": r["id"], "title": r["name"], **_values(r)} for r in rows]
    return body


HIDDEN = {"type": "string", "enum": ["x"]}
MONEY = {
    "oneOf": [{"type": ["number", "null"]}, HIDDEN],
    "description": 'Euros, excl. VAT; "x" when it stems from people too few to show.',
}
VALUES = {
    "obligation": {
        **MONEY,
        "description": "Percentage of the contract value or wage sum; null when not known.",
    },
    "realised": {
        "type": "object",
        "properties": {kind: MONEY for kind in KINDS},
        "description": "Realised value per kind of effort, valued per the contract's scheme.",
    },
    "realised_total": MONEY,
    "percent_met": {"oneOf": [{"type": ["number", "null"]}, HIDDEN]},
    "banen": {
        "oneOf": [{"type": "number"}, HIDDEN],
        "description": "Banenafspraak jobs beside it: a different measure, both kept.",
    },
}


def schema(count: dict, date_schema: dict) -> dict:
    """The OpenAPI schema of the social return figures."""
    values = {**VALUES, "people": count, "people_in_trajectory": count}
    return {
        "type": "object",
        "properties": {
            "as_of": date_schema,
            **values,
            "small_counts_suppressed": {"type": "boolean"},
            "contracts": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "integer"},
                        "title": {"type": "string"},
                        "nature": {"type": "string", "enum": ["work", "service", "supply"]},
                        "basis": {"type": "string"},
                        "percentage": {"type": ["number", "null"]},
                        "scheme": {
                            "type": ["object", "null"],
                            "description": "The valuation scheme version the contract keeps.",
                            "properties": {
                                "ref": {"type": "string"},
                                "title": {"type": "string"},
                                "source": {"type": "string"},
                                "published": date_schema,
                            },
                        },
                        **values,
                    },
                },
            },
            "pilots": {
                "type": "array",
                "description": "Organisation only: each pilot's own contracts; a contract two "
                "pilots share counts in both.",
                "items": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "integer"},
                        "title": {"type": "string"},
                        **values,
                    },
                },
            },
            "tender_share": {
                "type": "object",
                "description": "Organisation only: of the contracts and tenders within the "
                "threshold, how many asked for social return (the Rijk indicator).",
                "properties": {
                    "within_threshold": {"type": "integer"},
                    "social_return_asked": {"type": "integer"},
                    "percent": {"type": ["number", "null"]},
                },
            },
        },
    }
