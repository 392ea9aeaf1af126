"""The OpenAPI 3.1 description of the read-only API, kept beside the routes it describes."""

from __future__ import annotations

from ..socialreturn.api import schema as social_return_schema

COUNT = {
    "oneOf": [{"type": "integer", "minimum": 0}, {"type": "string", "enum": ["<5", "x"]}],
    "description": 'A count; 1 to 4 are shown as "<5" so nobody can be traced, and "x" '
    "marks a count left out because it would give such a count away.",
}
JOBS = {
    "oneOf": [{"type": "number"}, {"type": "string", "enum": ["x"]}],
    "description": "Average banenafspraak jobs (25.5 paid hours a week each, doelgroepregister "
    'only) over the period; "x" when they stem from fewer than 5 people.',
}
DATE = {"type": "string", "format": "date"}

PILOT = {
    "type": "object",
    "required": ["id", "title", "status", "start_date"],
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "status": {"type": "string", "enum": ["active", "completed", "stopped"]},
        "start_date": DATE,
        "route": {"type": ["string", "null"], "enum": ["2A", "2B", "both", None]},
        "purchasing_category": {"type": "string"},
        "monitoring_frequency": {"type": ["string", "null"]},
        "goal_jobs": {"type": "number"},
        "goal_people": {"type": ["integer", "null"]},
    },
}
FIGURES = {
    "type": "object",
    "properties": {
        "as_of": DATE,
        "period": {"type": "object", "properties": {"start": DATE, "end": DATE}},
        "people": COUNT,
        "people_doelgroepregister": COUNT,
        "banen": JOBS,
        "durable": COUNT,
        "goal_jobs": {"type": "number"},
        "goal_people": {"type": ["integer", "null"]},
        "by_kind": {
            "type": "array",
            "items": {"type": "object", "properties": {"kind": {"type": "string"}, "count": COUNT}},
        },
        "by_target_group": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"target_group": {"type": "string"}, "count": COUNT},
            },
        },
        "by_supplier": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"supplier": {"type": "string"}, "count": COUNT},
            },
        },
        "trend": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "start": DATE,
                    "end": DATE,
                    "banen": JOBS,
                    "people": COUNT,
                },
            },
        },
        "potential_jobs": {"type": "object", "additionalProperties": {"type": "integer"}},
        "small_counts_suppressed": {"type": "boolean"},
    },
}
AS_OF = {
    "name": "as_of",
    "in": "query",
    "required": False,
    "schema": DATE,
    "description": "Count on this date instead of today.",
}
PILOT_ID = {"name": "pilot_id", "in": "path", "required": True, "schema": {"type": "integer"}}
ERRORS = {
    "401": {"description": "No token, or an unknown or revoked one."},
    "404": {"description": "No such pilot in the token's organisation."},
}


def _get(summary: str, schema: dict, parameters=()) -> dict:
    return {
        "get": {
            "summary": summary,
            "parameters": list(parameters),
            "responses": {
                "200": {"description": "OK", "content": {"application/json": {"schema": schema}}},
                **ERRORS,
            },
        }
    }


def document(server_url: str) -> dict:
    """The OpenAPI document, with this server's address."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Partnerships API",
            "version": "1.0.0",
            "description": (
                "Read-only figures of your organisation's pilots for BI tools. Aggregates only; "
                'counts from 1 to 4 are suppressed as "<5", and "x" marks a figure that '
                "would give such a count away or stems from fewer than 5 people."
            ),
        },
        "servers": [{"url": server_url}],
        "security": [{"bearer": []}],
        "components": {
            "securitySchemes": {
                "bearer": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "A token created by your organisation's admin.",
                }
            },
            "schemas": {
                "Pilot": PILOT,
                "Figures": FIGURES,
                "SocialReturn": social_return_schema(COUNT, DATE),
            },
        },
        "paths": {
            "/pilots": _get(
                "Pilots of your organisation",
                {
                    "type": "object",
                    "properties": {
                        "pilots": {"type": "array", "items": {"$ref": "#/components/schemas/Pilot"}}
                    },
                },
            ),
            "/pilots/{pilot_id}": _get(
                "One pilot with its progress through the steps",
                {
                    "allOf": [
                        {"$ref": "#/components/schemas/Pilot"},
                        {"type": "object", "properties": {"progress": {"type": "object"}}},
                    ]
                },
                [PILOT_ID],
            ),
            "/pilots/{pilot_id}/figures": _get(
                "Aggregate figures of one pilot",
                {"$ref": "#/components/schemas/Figures"},
                [PILOT_ID, AS_OF],
            ),
            "/figures": _get(
                "Aggregate figures of all pilots of your organisation",
                {
                    "allOf": [
                        {"$ref": "#/components/schemas/Figures"},
                        {"type": "object", "properties": {"pilots": {"type": "array"}}},
                    ]
                },
                [AS_OF],
            ),
            "/pilots/{pilot_id}/social-return": _get(
                "Social return of one pilot: obligation, realised value, jobs beside it",
                {"$ref": "#/components/schemas/SocialReturn"},
                [PILOT_ID, AS_OF],
            ),
            "/social-return": _get(
                "Social return of all contracts of your organisation, with the Rijk indicator",
                {"$ref": "#/components/schemas/SocialReturn"},
                [AS_OF],
            ),
            "/openapi.json": {
                "get": {
                    "summary": "This document",
                    "security": [],
                    "responses": {"200": {"description": "OK"}},
                }
            },
        },
    }
