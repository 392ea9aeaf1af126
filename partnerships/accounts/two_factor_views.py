"""Two-factor pages: the code step of signing in, enrolling an app, recovery codes."""

from __future__ import annotations

import time

from flask import current_app, flash, g, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import access
from ..extensions import db
from ..forms import ButtonForm
from . import bp, services, sessions, two_factor
from .forms import CodeForm, ConfirmCodeForm
from .models import User
from .signin_models import SignInMethod

PENDING = "two_factor"
# The password step is good for this long; then the code step starts over at the login.
PENDING_SECONDS = 5 * 60
# Pages someone who still has to enrol may reach: enrolling itself and leaving.
ENROLMENT_OPEN = {"accounts.two_factor_setup", "accounts.logout", "accounts.set_language"}


def finish_sign_in(user: User, method: str, remember: bool = False, next_url=None):
    """Sign in, or first ask for the second factor when the account has one."""
    from .views import safe_next

    if user.has_two_factor:
        session[PENDING] = {
            "user": user.id,
            "method": str(method),
            "remember": bool(remember),
            "next": safe_next(next_url),
            "at": int(time.time()),
        }
        return redirect(url_for("accounts.two_factor_code"), code=303)
    sessions.sign_in(user, method, remember=remember)
    return redirect(safe_next(next_url) or url_for("accounts.home"))


def _pending():
    pending = session.get(PENDING)
    if not isinstance(pending, dict) or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None, None
    user = db.session.get(User, pending.get("user"))
    if user is None or not user.is_active or not user.has_two_factor:
        return None, None
    return pending, user


@bp.route("/login/code", methods=["GET", "POST"])
def two_factor_code():
    """The second step of signing in: a code from the app or a recovery code."""
    pending, user = _pending()
    if pending is None:
        session.pop(PENDING, None)
        flash(_("Log in again: the step with the code took too long."), "info")
        return redirect(url_for("accounts.login"), code=303)
    form = CodeForm()
    if form.validate_on_submit():
        address = request.remote_addr or "unknown"
        services.record_attempt(user.email, address)
        if services.too_many_failures(user.email, address):
            session.pop(PENDING, None)
            return _throttled(url_for("accounts.login")), 429
        if two_factor.verify(user, form.code.data):
            services.clear_failures(user.email, address)
            sessions.sign_in(user, pending["method"], remember=pending["remember"])
            return redirect(pending.get("next") or url_for("accounts.home"), code=303)
        db.session.rollback()
        form.code.errors.append(_("This code is not right, or it was used already."))
        return render_template("accounts/two_factor_code.html", form=form), 401
    status = 422 if form.is_submitted() else 200
    return render_template("accounts/two_factor_code.html", form=form), status


@bp.before_app_request
def _enrol_first():
    """Someone who must use two-factor and has not set it up reaches no other page."""
    if request.endpoint in ENROLMENT_OPEN or request.endpoint in (None, "static"):
        return None
    if not current_user.is_authenticated:
        return None
    record = g.get("user_session")
    method = record.method if record is not None else SignInMethod.PASSWORD
    if access.can(current_user, "two_factor.must_enrol", method):
        flash(_("Set up two-factor sign-in first; your account requires it."), "info")
        return redirect(url_for("accounts.two_factor_setup"), code=303)
    return None


@bp.route("/settings/two-factor", methods=["GET", "POST"])
@login_required
def two_factor_setup():
    """Turn on two-factor sign-in by scanning the secret and typing a first code."""
    user = current_user._get_current_object()
    if user.has_two_factor:
        return render_template(
            "accounts/two_factor_on.html",
            left=two_factor.recovery_codes_left(user),
            may_turn_off=access.can(user, "two_factor.turn_off"),
            form=ConfirmCodeForm(),
        )
    secret = two_factor.pending_secret(user)
    if secret is None:
        secret = two_factor.begin(user)
    form = ConfirmCodeForm()
    if form.validate_on_submit():
        codes = two_factor.confirm(user, form.code.data)
        if codes is not None:
            flash(_("Two-factor sign-in is on."), "success")
            return render_template("accounts/recovery_codes.html", codes=codes)
        form.code.errors.append(_("This code is not right. Check the time on your phone."))
    uri = two_factor.provisioning_uri(user, secret)
    return (
        render_template(
            "accounts/two_factor_setup.html",
            form=form,
            qr=two_factor.qr_svg(uri),
            secret=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        ),
        422 if form.is_submitted() else 200,
    )


def _throttled(back: str) -> str:
    """The answer once too many wrong codes (or passwords) came for this account; the page
    keeps no form to try again with."""
    minutes = max(1, current_app.config["LOGIN_WINDOW_SECONDS"] // 60)
    flash(
        _(
            "Too many failed attempts with this account. Wait %(minutes)s minutes and try again.",
            minutes=minutes,
        ),
        "error",
    )
    return render_template("accounts/two_factor_throttled.html", back=back)


class Throttled(Exception):
    """Too many wrong codes for this account: the code is not even checked."""


def _code_checked(form: ConfirmCodeForm, user: User) -> bool:
    """Changing two-factor needs a current code, so a left-open session cannot do it. Each
    try counts as a sign-in attempt, so guessing codes here is throttled like the login."""
    if not form.validate_on_submit():
        return False
    address = request.remote_addr or "unknown"
    services.record_attempt(user.email, address)
    if services.too_many_failures(user.email, address):
        raise Throttled
    if two_factor.verify(user, form.code.data):
        services.clear_failures(user.email, address)
        return True
    form.code.errors.append(_("This code is not right, or it was used already."))
    return False


@bp.route("/settings/two-factor/recovery-codes", methods=["POST"])
@login_required
def two_factor_new_codes():
    """Replace the recovery codes, after a code that proves the app is at hand."""
    user = current_user._get_current_object()
    return _with_code(user, ConfirmCodeForm(), lambda: _new_codes(user))


def _new_codes(user: User):
    codes = two_factor.new_recovery_codes(user)
    flash(_("New recovery codes made; the old ones no longer work."), "success")
    return render_template("accounts/recovery_codes.html", codes=codes)


@bp.route("/settings/two-factor/off", methods=["POST"])
@login_required
def two_factor_off():
    """Turn two-factor sign-in off, after a code, where the organisation allows it."""
    user = current_user._get_current_object()
    access.require("two_factor.turn_off")
    return _with_code(user, ConfirmCodeForm(), lambda: _turned_off(user))


def _turned_off(user: User):
    two_factor.disable(user)
    flash(_("Two-factor sign-in is off."), "success")
    return redirect(url_for("accounts.settings"), code=303)


def _with_code(user: User, form: ConfirmCodeForm, then):
    """Answer with `then()` once a current code is typed; otherwise the set-up page when
    two-factor is off, the throttled page after too many tries, or the form again (422).

    Not htmx.submit: a wrong code is counted as a sign-in attempt and can end in 429, and
    a new set of recovery codes is shown once rather than redirected to.
    """
    if not user.has_two_factor:
        return redirect(url_for("accounts.two_factor_setup"), code=303)
    try:
        checked = _code_checked(form, user)
    except Throttled:
        return _throttled(url_for("accounts.two_factor_setup")), 429
    if not checked:
        db.session.rollback()
        return _on_page(user, form), 422
    return then()


def _on_page(user: User, form: ConfirmCodeForm) -> str:
    return render_template(
        "accounts/two_factor_on.html",
        left=two_factor.recovery_codes_left(user),
        may_turn_off=access.can(user, "two_factor.turn_off"),
        form=form,
        button=ButtonForm(),
    )
