"""The read-only JSON API for BI tools: pilots, progress and aggregate figures.

Authentication is a bearer token per organisation (no cookies), so CSRF does not apply.
Only aggregates leave through here, with small counts suppressed: never placement rows.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from flask import Blueprint, abort, g, jsonify, request
from sqlalchemy import func, select
from werkzeug.exceptions import HTTPException

from .. import clock
from ..database import utcnow
from ..extensions import csrf, db
from ..figures import services as figures
from ..inputs import parse_date
from ..pilots.models import Pilot, StepState
from . import limits as api_limits
from .models import ApiToken
from .openapi import document

api = Blueprint("v1", __name__, url_prefix="/api/v1")
csrf.exempt(api)


def _json_error(error: HTTPException):
    response = jsonify(
        {
            "error": error.name,
            "status": error.code,
            "message": error.description if g.get("api_message") else error.name,
        }
    )
    response.status_code = error.code or 500
    if error.code == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="partnerships"'
    if error.code == 429 and g.get("retry_after"):
        response.headers["Retry-After"] = str(g.retry_after)
    return response


api.register_error_handler(HTTPException, _json_error)


def _fail(code: int, message: str):
    g.api_message = True
    abort(code, description=message)


@api.before_request
def _authenticate():
    if request.endpoint == "api.v1.openapi":
        return
    header = request.headers.get("Authorization", "")
    scheme, _, secret = header.partition(" ")
    if scheme.lower() != "bearer" or not secret.strip():
        _fail(401, "Send an API token as 'Authorization: Bearer <token>'.")
    token = db.session.scalar(
        select(ApiToken).where(ApiToken.token_hash == ApiToken.hash(secret.strip()))
    )
    if token is None or token.revoked_at is not None:
        _fail(401, "This token is unknown or revoked.")
    if token.expired(utcnow()):
        _fail(401, "This token has expired. Ask your organisation's administrator for a new one.")
    wait = api_limits.count_request(token)
    if token.last_used_on != clock.today():
        token.last_used_on = clock.today()
    # An explicit commit, unlike everywhere else: the request count must be stored even
    # when this answer (a 429, or a 404 later) is an error, which rolls the request back.
    db.session.commit()
    if wait is not None:
        g.retry_after = wait
        _fail(429, f"Too many requests with this token. Try again in {wait} seconds.")
    g.api_organisation_id = token.organisation_id


@api.after_request
def _no_store(response):
    response.headers["Cache-Control"] = "no-store"
    return response


def _pilot(pilot_id: int) -> Pilot:
    pilot = db.session.get(Pilot, pilot_id)
    if pilot is None or pilot.organisation_id != g.api_organisation_id:
        _fail(404, "No pilot with this id in your organisation.")
    return pilot


def _number(value):
    if isinstance(value, Decimal):
        return float(value)
    return value


def _pilot_json(pilot: Pilot) -> dict:
    return {
        "id": pilot.id,
        "title": pilot.title,
        "status": pilot.status,
        "start_date": pilot.start_date.isoformat(),
        "route": pilot.route,
        "purchasing_category": pilot.purchasing_category,
        "monitoring_frequency": pilot.monitoring_frequency,
        "goal_jobs": _number(pilot.goal_jobs),
        "goal_people": pilot.goal_people,
    }


def _figures_json(data: dict) -> dict:
    names = data.get("supplier_names", {})
    return {
        "as_of": data["as_of"].isoformat(),
        "period": {"start": data["period"][0].isoformat(), "end": data["period"][1].isoformat()},
        "people": data["people"],
        "people_doelgroepregister": data["people_register"],
        "banen": _number(data["banen"]),
        "durable": data["durable"],
        "goal_jobs": _number(data["goal_jobs"]),
        "goal_people": data["goal_people"] or None,
        "by_kind": [{"kind": k, "count": n} for k, n in data["by_kind"]],
        "by_target_group": [{"target_group": k, "count": n} for k, n in data["by_target_group"]],
        "by_supplier": [{"supplier": names.get(k, ""), "count": n} for k, n in data["by_supplier"]],
        "trend": [
            {
                "start": t["period_start"].isoformat(),
                "end": t["period_end"].isoformat(),
                "banen": _number(t["banen"]),
                "people": t["people"],
            }
            for t in data["trend"]
        ],
        "potential_jobs": data["potential_jobs"],
        "small_counts_suppressed": True,
    }


def _as_of() -> date:
    raw = request.args.get("as_of")
    if not raw:
        return clock.today()
    chosen = parse_date(raw)
    if chosen is None:
        _fail(400, "as_of must be a date as YYYY-MM-DD between 2000-01-01 and 2100-12-31.")
    return chosen


@api.get("/pilots")
def pilots():
    """The organisation's pilots (API)."""
    rows = db.session.scalars(
        select(Pilot).where(Pilot.organisation_id == g.api_organisation_id).order_by(Pilot.id)
    ).all()
    return jsonify({"pilots": [_pilot_json(p) for p in rows]})


@api.get("/pilots/<int:pilot_id>")
def pilot(pilot_id):
    """One pilot with its counts of contracts and placements (API)."""
    row = _pilot(pilot_id)
    counts = dict(
        db.session.execute(
            select(StepState.status, func.count())
            .where(StepState.pilot_id == row.id)
            .group_by(StepState.status)
        ).all()
    )
    steps = db.session.execute(
        select(StepState.code, StepState.status)
        .where(StepState.pilot_id == row.id)
        .order_by(StepState.code)
    ).all()
    return jsonify(
        {
            **_pilot_json(row),
            "progress": {
                "steps": [{"code": code, "status": status} for code, status in steps],
                "done": counts.get("done", 0),
                "busy": counts.get("busy", 0),
                "skipped": counts.get("skipped", 0),
            },
        }
    )


@api.get("/pilots/<int:pilot_id>/figures")
def pilot_figures(pilot_id):
    """A pilot's job figures on a day, small numbers suppressed (API)."""
    data = figures.pilot_figures(_pilot(pilot_id), as_of=_as_of(), suppress=True)
    return jsonify(_figures_json(data))


@api.get("/figures")
def organisation_figures():
    """The organisation's job figures over all its pilots (API)."""
    data = figures.organisation_figures(g.api_organisation_id, as_of=_as_of(), suppress=True)
    body = _figures_json(data)
    body["pilots"] = [
        {
            "id": r["pilot"].id,
            "title": r["pilot"].title,
            "people": r["people"],
            "banen": _number(r["banen"]),
            "durable": r["durable"],
            "goal_jobs": _number(r["goal_jobs"]),
        }
        for r in data["pilots"]
    ]
    return jsonify(body)


@api.get("/pilots/<int:pilot_id>/social-return")
def pilot_social_return(pilot_id):
    """A pilot's social return figures (API)."""
    from ..socialreturn.api import pilot_json

    return jsonify(pilot_json(_pilot(pilot_id), _as_of()))


@api.get("/social-return")
def organisation_social_return():
    """The organisation's social return figures (API)."""
    from ..socialreturn.api import organisation_json

    return jsonify(organisation_json(g.api_organisation_id, _as_of()))


@api.get("/openapi.json")
def openapi():
    """The API's OpenAPI description."""
    return jsonify(document(request.host_url.rstrip("/") + "/api/v1"))
