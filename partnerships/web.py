"""Cross-cutting web behaviour: security headers, error pages, template helpers, sessions."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from flask import Flask, g, render_template, request
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf.csrf import CSRFError, generate_csrf
from werkzeug.exceptions import HTTPException, InternalServerError
from werkzeug.routing import IntegerConverter

from . import inputs
from .access import MAX_ID
from .extensions import db, login_manager
from .i18n import force_locale

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)

# Titles for the error page, in the user's language.
ERROR_TITLES = {
    400: _l("The request could not be processed"),
    403: _l("You do not have access to this page"),
    404: _l("Page not found"),
    405: _l("This action is not allowed here"),
    409: _l("Someone else changed this"),
    413: _l("What you sent is too large"),
    422: _l("Please check what you entered"),
    429: _l("Too many attempts"),
    500: _l("Something went wrong on our side"),
}
ERROR_TEXTS = {
    400: _l("Your browser sent something we could not read. Go back and try again."),
    403: _l(
        "Ask the coordinator of the pilot or your organisation's administrator if you "
        "think you should have access."
    ),
    404: _l("The page does not exist (any more). Check the address or go back to the overview."),
    405: _l("Use the buttons on the page instead of typing the address."),
    409: _l("Reload the page to see the latest version, then make your change again."),
    413: _l("Send less at a time; forms and uploads here are limited to 1 MB."),
    422: _l("Some of what you entered cannot be used. Go back and correct it."),
    429: _l("Wait a few minutes and try again."),
    500: _l("The error has been logged. Try again later; nothing you saved before is lost."),
}


SESSION_ENDED = {
    "ended": _l("Your session has ended. Log in again to continue."),
    "idle": _l(
        "You were logged out because you were inactive for a while. Log in again to continue."
    ),
    "expired": _l("Your session reached its maximum length. Log in again to continue."),
}


def _load_user(token: str):
    from .accounts import sessions

    return sessions.load(token)


def _unauthorized():
    """Not signed in: to the login page. A cookie of a session that has ended (logged out,
    signed out everywhere, idle, expired) gets 401 and says so, and the dead cookies go."""
    from flask import flash, redirect, session
    from flask_login.utils import login_url

    reason = g.get("session_ended")
    target = login_url(login_manager.login_view, next_url=request.url)
    if not reason:
        flash(login_manager.login_message, login_manager.login_message_category)
        return redirect(target)
    session.pop("_user_id", None)
    session["_remember"] = "clear"
    if request.headers.get("HX-Request"):
        return "", 401, {"HX-Redirect": target}
    from .accounts.forms import LoginForm

    form = LoginForm(formdata=None)
    message = SESSION_ENDED.get(reason, SESSION_ENDED["ended"])
    return render_template("accounts/login.html", form=form, ended=message, action=target), 401


def _json_error(code: int, description) -> tuple:
    """Errors of the JSON API as JSON, also those raised before its blueprint is reached
    (an unknown path, a refused parameter) or by a bug (a 500)."""
    from flask import jsonify
    from werkzeug.http import HTTP_STATUS_CODES

    name = HTTP_STATUS_CODES.get(code, "Unknown Error")
    body = {"error": name, "status": code, "message": str(description)}
    response = jsonify(body)
    if code == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="partnerships"'
    return response, code


def error_page(error: HTTPException):
    code = error.code or 500
    description = error.description
    if isinstance(error, CSRFError):
        code = 400
        description = _l(
            "This form has expired or was not sent from this site. Reload the page and try again."
        )
    # Werkzeug's own English descriptions are replaced by ours; ours are lazy strings.
    if not hasattr(description, "_args") and code in ERROR_TEXTS and not g.get("own_message"):
        description = ERROR_TEXTS[code]
    if request.path.startswith("/api/"):
        with force_locale("en"):
            return _json_error(code, description)
    if request.headers.get("HX-Request"):
        return render_template("errors/_message.html", code=code, description=description), code
    return (
        render_template(
            "errors/error.html",
            code=code,
            title=ERROR_TITLES.get(code, ERROR_TITLES[500]),
            description=description,
        ),
        code,
    )


class RowIdConverter(IntegerConverter):
    """`<int:...>` in URLs, limited to what fits a database id, so a huge number is a 404."""

    def __init__(self, url_map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(url_map, *args, **kwargs)


def init_app(app: Flask) -> None:
    """Register headers, error handlers, the user loader and template globals."""
    # Before any blueprint adds its rules: every integer in a URL is bounded.
    app.url_map.converters["int"] = RowIdConverter
    inputs.init_app(app)
    login_manager.user_loader(_load_user)
    login_manager.unauthorized_handler(_unauthorized)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = _l("Please log in to see this page.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "basic"

    from . import wellknown

    wellknown.init_app(app)

    proxies = int(app.config.get("TRUSTED_PROXIES") or 0)
    if proxies:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)

    development = bool(app.debug or app.config.get("DEVELOPMENT"))

    @app.after_request
    def _headers(response):
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Referrer-Policy"] = "same-origin"
        response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        if request.is_secure or not development:
            # Behind a TLS proxy the app sees plain HTTP unless TRUSTED_PROXIES lets it read
            # X-Forwarded-Proto; browsers ignore the header over HTTP (RFC 6797, 8.1), so
            # outside development it is always sent and a proxy never hides it.
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        response.vary.add("HX-Request")
        response.vary.add("Cookie")
        if current_user and current_user.is_authenticated:
            response.headers.setdefault("Cache-Control", "private, no-store")
        return response

    @app.errorhandler(HTTPException)
    def _http_error(error):
        return error_page(error)

    @app.errorhandler(Exception)
    def _unexpected(error):
        app.logger.exception("Unhandled error")
        db.session.rollback()
        return error_page(InternalServerError())

    @app.teardown_request
    def _rollback_on_error(exc):
        if exc is not None:
            db.session.rollback()

    app.jinja_env.globals.update(csrf_token=generate_csrf, favicon_uri=_favicon_uri(app))


def _favicon_uri(app: Flask) -> str:
    """The icon inline (259 bytes): no page costs a second request for it, and a browser
    that leaves a page while fetching it leaves no half-sent file behind on the server."""
    svg = (Path(app.static_folder) / "favicon.svg").read_text(encoding="utf-8")
    return "data:image/svg+xml," + quote(svg.strip())
