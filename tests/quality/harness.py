"""Helpers shared by the quality tests: the routes of the app, acting as an actor, outcomes."""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.conftest import start_session

EXCLUDED_ENDPOINTS = {"static"}
STATE_CHANGING = {"POST", "PUT", "PATCH", "DELETE"}


def app_rules(app, methods=None):
    """Every URL rule of the app except static files, sorted for stable reports."""
    rules = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint in EXCLUDED_ENDPOINTS or rule.endpoint.endswith(".static"):
            continue
        if methods and not (rule.methods & set(methods)):
            continue
        rules.append(rule)
    return sorted(rules, key=lambda r: (r.endpoint, r.rule))


def act_as(client, user) -> None:
    """Make the next requests of the client come from this user (None: anonymous)."""
    with client.session_transaction() as session:
        session.clear()
        if user is not None:
            session["_user_id"] = start_session(user)
            session["_fresh"] = True


def url_for_rule(app, rule, world) -> str:
    """The path of a rule with the world's ids filled in."""
    adapter = app.url_map.bind("localhost")
    return adapter.build(rule.endpoint, world.url_params_for(rule), append_unknown=False)


def outcome(response) -> str:
    """ok (allowed, possibly invalid), deny, login, bad (400) or error (5xx)."""
    code = response.status_code
    if code >= 500:
        return "error"
    if code in (301, 302, 303, 307, 308):
        location = urlsplit(response.headers.get("Location", "")).path
        return "login" if location.rstrip("/").endswith("/login") else "ok"
    if code in (401, 403, 404, 405, 410):
        return "deny"
    if code == 400:
        return "bad"
    return "ok"  # 2xx, 304, 409 and 422: allowed, even if the empty form was refused
