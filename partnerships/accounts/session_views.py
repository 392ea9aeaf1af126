"""The list of a user's signed-in browsers, and signing out everywhere."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required, logout_user

from ..forms import ButtonForm
from . import bp, sessions
from .signin_models import SignInMethod

METHOD_LABELS = {
    SignInMethod.PASSWORD: _l("with password"),
    SignInMethod.SSO: _l("through your organisation's sign-in"),
    SignInMethod.LINK: _l("through a link from an e-mail"),
}


@bp.route("/settings/sessions")
@login_required
def user_sessions():
    """The devices where the current user is signed in."""
    user = current_user._get_current_object()
    return render_template(
        "accounts/sessions.html",
        rows=sessions.active(user),
        this=sessions.current_hash(),
        idle=sessions.idle_limit(user.organisation),
        button=ButtonForm(),
        describe=sessions.describe_agent,
        method_labels=METHOD_LABELS,
    )


@bp.route("/settings/sessions/end-all", methods=["POST"])
@login_required
def end_all_sessions():
    """Sign the current user out everywhere, this device included."""
    if not ButtonForm().validate_on_submit():
        abort(400)
    locale = current_user.locale
    sessions.end_all(current_user._get_current_object())
    logout_user()
    if locale:
        from flask import session

        session["locale"] = locale
    flash(_("You are logged out on every device, this one included."), "info")
    return redirect(url_for("accounts.login"), code=303)
