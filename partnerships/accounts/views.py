"""Login, passwords, invitations, personal settings and organisation administration."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import (
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required, logout_user

from ..forms import ButtonForm
from ..htmx import render, submit
from . import bp, services, sessions, sso
from .forms import (
    AcceptInvitationForm,
    ChangePasswordForm,
    LoginForm,
    NewPasswordForm,
    ResetRequestForm,
    SettingsForm,
)
from .later import after_response
from .models import TokenPurpose
from .signin_models import SignInMethod
from .two_factor_views import finish_sign_in


def safe_next(target: str | None) -> str | None:
    """Only a path on this site: no scheme, no host, no protocol-relative '//' trick."""
    if not target or len(target) > 2000:
        return None
    # Browsers drop tabs and newlines and read a backslash as a slash: "/\t/evil" is "//evil".
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in target):
        return None
    target = target.replace("\\", "/")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


@bp.route("/")
def home():
    """Logged-in people start at what they must do now ("Voor jou"); others at the login page."""
    if current_user.is_authenticated:
        return redirect(url_for("pilots.for_you"))
    return redirect(url_for("accounts.login"))


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Sign in with e-mail address and password."""
    form = LoginForm()
    if current_user.is_authenticated and request.method == "GET":
        return redirect(url_for("accounts.home"))
    if form.validate_on_submit():
        try:
            user = services.authenticate(
                form.email.data, form.password.data, request.remote_addr or "unknown"
            )
        except services.Throttled:
            return _throttled("accounts/login.html", form=form)
        if user is None:
            flash(_("The e-mail address or password is not correct."), "error")
            return render_template("accounts/login.html", form=form), 401
        if not sso.password_allowed(user):
            flash(
                _(
                    "Your organisation logs in through its own sign-in service. Use "
                    "'Log in through your organisation' below."
                ),
                "error",
            )
            return render_template("accounts/login.html", form=form), 403
        # A language chosen before logging in becomes the account's, if it has none yet.
        chosen = session.get("locale")
        if user.locale is None and chosen in current_app.config["LANGUAGES"]:
            user.locale = chosen
        return finish_sign_in(
            user, SignInMethod.PASSWORD, bool(form.remember.data), request.args.get("next")
        )
    status = 422 if form.is_submitted() else 200
    return render_template("accounts/login.html", form=form), status


def _throttled(template: str, **context):
    minutes = max(1, current_app.config["LOGIN_WINDOW_SECONDS"] // 60)
    flash(
        _(
            "Too many failed attempts. Wait %(minutes)s minutes and try again, or set "
            "a new password with the link below.",
            minutes=minutes,
        ),
        "error",
    )
    return render_template(template, **context), 429


@bp.route("/logout", methods=["POST"])
def logout():
    """Sign out of this device."""
    form = ButtonForm()
    if not form.validate_on_submit():
        abort(400)
    locale = current_user.locale if current_user.is_authenticated else None
    if current_user.is_authenticated:
        sessions.end_current()
    logout_user()
    if locale:
        session["locale"] = locale
    flash(_("You are logged out."), "info")
    return redirect(url_for("accounts.login"), code=303)


@bp.route("/language", methods=["POST"])
def set_language():
    """Switch language; remembered on the account, or in the session before login."""
    form = ButtonForm()
    locale = request.form.get("locale")
    if not form.validate_on_submit() or locale not in ("nl", "en"):
        abort(400)
    if current_user.is_authenticated:
        current_user.locale = locale
    session["locale"] = locale
    return redirect(safe_next(request.form.get("next")) or url_for("accounts.home"), code=303)


@bp.route("/password/forgotten", methods=["GET", "POST"])
def forgot_password():
    """Ask for a link to set a new password."""
    form = ResetRequestForm()
    if form.validate_on_submit():
        if not services.request_reset(form.email.data, request.remote_addr or "unknown"):
            flash(_("You asked for too many links. Wait a while and try again."), "error")
            return render_template("accounts/forgot.html", form=form), 429
        # Whether the account exists is looked at only after the answer has gone out.
        after_response(services.send_reset, form.email.data)
        flash(
            _(
                "If an account exists for this address, we have sent it a link to set a new "
                "password. Check your e-mail."
            ),
            "info",
        )
        return redirect(url_for("accounts.login"), code=303)
    return render_template("accounts/forgot.html", form=form), 422 if form.is_submitted() else 200


def _token_or_gone(secret: str, purpose: TokenPurpose):
    token = services.find_token(secret, purpose)
    if token is None:
        return None, (render_template("accounts/token_invalid.html"), 410)
    return token, None


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
def reset_password(token):
    """Set a new password through the link from the e-mail."""
    row, gone = _token_or_gone(token, TokenPurpose.RESET)
    if gone:
        return gone
    if not sso.password_allowed(row.user):
        # A link asked for before the organisation chose to sign in only through its
        # provider must not set a password (and a session) that gets round that choice.
        message = _(
            "Your organisation logs in only through its own sign-in service, so no password "
            "is set here. Log in through your organisation."
        )
        page = render_template("accounts/sso_refused.html", message=message, only_sso=True)
        return page, 403
    form = NewPasswordForm()
    if form.validate_on_submit():
        user = services.use_token(row, form.password.data)
        flash(_("Your new password is set."), "success")
        # A reset link proves the mailbox only: an account with two-factor still asks for it.
        response = finish_sign_in(user, SignInMethod.LINK)
        response.status_code = 303
        return response
    return render_template("accounts/reset.html", form=form), 422 if form.is_submitted() else 200


@bp.route("/invitation/<token>", methods=["GET", "POST"])
def accept_invitation(token):
    """Accept an invitation: choose a password and join the organisation."""
    row, gone = _token_or_gone(token, TokenPurpose.INVITE)
    if gone:
        return gone
    form = AcceptInvitationForm()
    if request.method == "GET":
        form.name.data = row.user.name
    return submit(
        form,
        lambda: _join(row, form),
        again=lambda: render_template("accounts/accept.html", form=form, invited=row.user),
        done=url_for("accounts.home"),
        said=_("Welcome! Your account is ready."),
    )


def _join(row, form: AcceptInvitationForm) -> None:
    """Use the invitation and sign the newcomer in on this device."""
    user = services.use_token(row, form.password.data, name=form.name.data)
    sessions.sign_in(user, SignInMethod.LINK)


@bp.route("/settings", methods=["GET", "POST"])
@login_required
def settings():
    """The current user's name, language and reminder settings."""
    form = SettingsForm(obj=current_user)
    return submit(
        form,
        lambda: services.save_settings(
            current_user._get_current_object(),
            name=form.name.data,
            locale=form.locale.data,
            reminders_enabled=form.reminders_enabled.data,
        ),
        again=lambda: _settings_page(form, ChangePasswordForm(prefix="pw")),
        done=url_for("accounts.settings"),
        said=_("Your settings are saved."),
    )


def _settings_page(form: SettingsForm, password_form: ChangePasswordForm):
    """The settings page with both of its forms."""
    return render("accounts/settings.html", form=form, password_form=password_form)


@bp.route("/settings/password", methods=["POST"])
@login_required
def change_password():
    """Change the current user's password."""
    password_form = ChangePasswordForm(prefix="pw")
    return submit(
        password_form,
        lambda: _new_password(password_form),
        again=lambda: _settings_page(SettingsForm(obj=current_user), password_form),
        done=url_for("accounts.settings"),
        said=_("Your password is changed. Other devices are logged out."),
        refused=services.WrongPassword,
    )


def _new_password(form: ChangePasswordForm) -> None:
    """Set the new password; every session ended with the new epoch, so this device gets a
    new one (signed in the way the old one was)."""
    user = current_user._get_current_object()
    services.change_own_password(user, form.current.data, form.password.data)
    record = g.user_session
    sessions.sign_in(user, record.method, remember=record.remember)
