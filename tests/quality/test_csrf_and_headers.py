"""Every state-changing route refuses a request without a CSRF token before anything else
happens, and every response carries the security headers a government site needs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from partnerships import ROOT, create_app
from partnerships.extensions import csrf
from tests.quality.harness import STATE_CHANGING, act_as, app_rules, url_for_rule
from tests.quality.world import row_counts


def _exempt(app, rule) -> bool:
    """Routes that Flask-WTF skips; only a token-authenticated /api/ may be among them."""
    view = app.view_functions[rule.endpoint]
    name = f"{view.__module__}.{view.__name__}"
    blueprint = rule.endpoint.rpartition(".")[0]
    return name in csrf._exempt_views or blueprint in csrf._exempt_blueprints


def test_only_token_authenticated_api_routes_skip_csrf(app):
    skipped = [r.rule for r in app_rules(app, STATE_CHANGING) if _exempt(app, r)]
    assert [path for path in skipped if not path.startswith("/api/")] == []


def test_every_state_changing_route_refuses_a_request_without_csrf_token(app, world):
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client()
    accepted, changed, checked = [], [], 0
    for rule in app_rules(app, STATE_CHANGING):
        if _exempt(app, rule):
            continue
        url = url_for_rule(app, rule, world)
        for method in sorted(rule.methods & STATE_CHANGING):
            for actor in ("coordinator", "anonymous"):
                act_as(client, world.user(actor))
                before = row_counts()  # acting as someone starts a session (a row)
                response = client.open(
                    url, method=method, data={"title": "x", "version": "1"}, hand_built=True
                )
                checked += 1
                if response.status_code != 400:
                    accepted.append(
                        f"{method} {url} ({rule.endpoint}) as {actor}: {response.status_code}"
                    )
                after = row_counts()
                if after != before:
                    diff = {t: (before[t], after[t]) for t in after if after[t] != before[t]}
                    changed.append(f"{method} {url} as {actor} changed {diff}")
    assert checked > 0
    assert accepted == [], "requests without a CSRF token were not refused with 400"
    assert changed == [], "requests without a CSRF token changed data"


def test_htmx_header_without_token_is_refused_too(app, world):
    app.config["WTF_CSRF_ENABLED"] = True
    client = app.test_client()
    act_as(client, world.user("coordinator"))
    response = client.post("/logout", headers={"HX-Request": "true", "X-CSRFToken": "forged"})
    assert response.status_code == 400


# --- headers ---


def _csp(response) -> dict[str, str]:
    policy = response.headers.get("Content-Security-Policy", "")
    directives = {}
    for part in policy.split(";"):
        name, _, value = part.strip().partition(" ")
        if name:
            directives[name] = value
    return directives


def _assert_security_headers(response, what: str) -> None:
    csp = _csp(response)
    script = csp.get("script-src", csp.get("default-src", ""))
    assert script, f"{what}: no script-src or default-src in the CSP"
    assert "'unsafe-inline'" not in script and "'unsafe-eval'" not in script, what
    assert csp.get("frame-ancestors") == "'none'", what
    assert csp.get("object-src") == "'none'", what
    assert response.headers.get("X-Content-Type-Options") == "nosniff", what
    assert response.headers.get("Referrer-Policy") in (
        "same-origin",
        "strict-origin-when-cross-origin",
        "no-referrer",
        "strict-origin",
    ), what


def _download_url(app, world):
    """A CSV/XLSX export or other download of the world, if one exists yet."""
    for rule in app_rules(app, {"GET"}):
        name = rule.endpoint.lower()
        if any(word in name for word in ("csv", "xlsx", "export", "download", "ics", "docx")):
            return url_for_rule(app, rule, world)
    return None


def test_security_headers_on_pages_errors_fragments_and_downloads(app, world):
    client = app.test_client()
    act_as(client, world.user("coordinator"))
    pilot = f"/pilots/{world.pilot_id}"
    samples = {
        "HTML page": client.get(pilot),
        "404 page": client.get("/no/such/page"),
        "403 page": client.get(f"/pilots/{world.other_pilot_id}"),
        "htmx fragment": client.get(pilot, headers={"HX-Request": "true"}),
        "login page": app.test_client().get("/login"),
        "static file": client.get("/static/css/app.css"),
    }
    download = _download_url(app, world)
    if download:
        samples["download"] = client.get(download)
    assert samples["403 page"].status_code in (403, 404)
    for what, response in samples.items():
        _assert_security_headers(response, what)
        response.close()


@pytest.mark.parametrize("development, secure", [(False, True), (True, False)])
def test_session_cookie_is_httponly_lax_and_secure_outside_development(
    tmp_path, development, secure
):
    overrides = {
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'c.sqlite'}",
        "SECRET_KEY": "cookie-test",
    }
    if development:
        overrides["DEVELOPMENT"] = True
    fresh = create_app(overrides, instance_path=tmp_path)
    response = fresh.test_client().get("/login")
    cookies = [c for c in response.headers.getlist("Set-Cookie") if c.startswith("session=")]
    assert cookies, "the login page sets a session cookie (it holds the CSRF token)"
    attributes = [part.strip().lower() for part in cookies[0].split(";")]
    assert "httponly" in attributes
    assert "samesite=lax" in attributes
    assert ("secure" in attributes) is secure


def test_an_oversized_request_gets_our_413_page_not_a_500(app, world):
    client = app.test_client()
    act_as(client, world.user("coordinator"))
    body = {"title": "x" * (2 * 1024 * 1024)}
    for path in ("/login", "/pilots/new"):
        response = client.post(path, data=body, hand_built=True)
        assert response.status_code == 413, path
        assert "<html" in response.text and 'lang="nl"' in response.text
        assert "1 MB" in response.text
    raw = client.post(
        "/pilots/new", data=b"x" * (2 * 1024 * 1024), content_type="application/octet-stream"
    )
    assert raw.status_code == 413


def test_the_login_page_says_where_scripts_come_from_and_what_may_frame_it(client):
    response = client.get("/login")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "HX-Request" in response.headers["Vary"]


def test_logged_in_pages_are_not_cached(make, login_as):
    response = login_as(make.user()).get("/settings")
    assert "no-store" in response.headers["Cache-Control"]


def test_production_cookies_are_secure_by_default(app):
    from partnerships.config import Defaults

    assert Defaults.SESSION_COOKIE_SECURE and Defaults.REMEMBER_COOKIE_SECURE


def test_https_responses_get_strict_transport_security(client):
    response = client.get("/login", base_url="https://partnerships.example")
    assert "max-age=" in response.headers["Strict-Transport-Security"]


TEMPLATES = sorted((ROOT / "templates").rglob("*.html"))


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT / "templates")))
def test_templates_need_no_unsafe_inline(path: Path):
    """The CSP forbids inline script and style; a template that needs them breaks silently."""
    text = path.read_text()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), "inline <script>"
    assert not re.search(r"\sstyle=", text), "inline style attribute"
    assert not re.search(r"\son[a-z]+=", text), "inline event handler"
    assert "hx-on" not in text, "hx-on needs eval"
    assert "<style" not in text, "inline <style>"


def _app_with(tmp_path, **config):
    return create_app(
        {
            "SECRET_KEY": "x",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'h.sqlite'}",
            **config,
        },
        instance_path=tmp_path,
    )


def test_behind_a_tls_proxy_with_default_settings_hsts_is_sent(tmp_path):
    # The proxy speaks HTTPS to the browser and plain HTTP to the app (TRUSTED_PROXIES=0).
    response = (
        _app_with(tmp_path).test_client().get("/login", headers={"X-Forwarded-Proto": "https"})
    )
    assert "max-age=" in response.headers["Strict-Transport-Security"]


def test_with_trusted_proxies_the_forwarded_https_counts(tmp_path):
    from flask import request

    app = _app_with(tmp_path, TRUSTED_PROXIES=1)

    @app.route("/scheme")
    def scheme():
        return request.scheme

    response = app.test_client().get("/scheme", headers={"X-Forwarded-Proto": "https"})
    assert response.text == "https"
    assert "max-age=" in response.headers["Strict-Transport-Security"]


def test_the_development_server_sends_no_hsts_over_http(tmp_path):
    response = _app_with(tmp_path, DEVELOPMENT=True).test_client().get("/login")
    assert "Strict-Transport-Security" not in response.headers
