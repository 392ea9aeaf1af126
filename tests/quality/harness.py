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


def url_for_rule(app, rule, world, **fixed) -> str:
    """The path of a rule with the world's ids filled in (and `fixed` values over them)."""
    adapter = app.url_map.bind("localhost")
    values = {**world.url_params_for(rule), **fixed}
    return adapter.build(rule.endpoint, values, append_unknown=False)


def versioned_forms(app, world, client):
    """(page, index among its forms, form) for every form on a GET page of the world that
    edits an existing row: it carries a version above 0 and a text field to type in."""
    from tests.quality.forms import forms_in

    for rule in app_rules(app, {"GET"}):
        page = url_for_rule(app, rule, world)
        response = client.get(page)
        if response.status_code != 200 or "text/html" not in response.content_type:
            continue
        for index, form in enumerate(forms_in(response.text, page)):
            version = next((f.value for f in form.fields if f.name == "version"), "")
            if version.strip() not in ("", "0") and form.text_fields:  # else a create form
                yield page, index, form


def outcome(response) -> str:
    """ok (2xx, 304), see (sent on elsewhere), 409 (conflict), 422 (let in, the empty form
    refused), deny, login, bad (400) or error (5xx)."""
    code = response.status_code
    if code >= 500:
        return "error"
    if code in (301, 302, 303, 307, 308):
        location = urlsplit(response.headers.get("Location", "")).path
        return "login" if location.rstrip("/").endswith("/login") else "see"
    if code in (401, 403, 404, 405, 410):
        return "deny"
    if code == 400:
        return "bad"
    if code in (409, 422):
        return str(code)
    return "ok"


def variants(rule) -> list[dict]:
    """Every value of a route's fixed-choice variables (the exports' `what` and `fmt`), so
    the matrix requests each; [{}] for a route without them."""
    choices = {"what": ("placements", "monitoring", "figures"), "fmt": ("csv", "xlsx")}
    found = [name for name in choices if name in rule.arguments]
    combos = [{}]
    for name in found:
        combos = [{**combo, name: value} for combo in combos for value in choices[name]]
    return combos


def variant_key(endpoint: str, values: dict) -> str:
    """The table's key for one variant: "figures.export[what=figures,fmt=xlsx]"."""
    if not values:
        return endpoint
    return endpoint + "[" + ",".join(f"{k}={v}" for k, v in values.items()) + "]"
