"""Login, passwords, invitations, personal settings and organisation administration."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user
from sqlalchemy import select

from .. import access, audit
from ..extensions import db
from ..forms import ButtonForm
from ..htmx import invalid, redirect_to
from . import bp, services
from .forms import (
    AcceptInvitationForm,
    ChangePasswordForm,
    InviteForm,
    LoginForm,
    NewPasswordForm,
    OrganisationForm,
    ResetRequestForm,
    SettingsForm,
)
from .models import Organisation, OrganisationKind, OrgRole, TokenPurpose, User


def safe_next(target: str | None) -> str | None:
    """Only a path on this site: no scheme, no host, no protocol-relative '//' trick."""
    if not target:
        return None
    target = target.replace("\\", "/")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


@bp.route("/")
def home():
    """Logged-in people start at their pilots; others at the login page."""
    if current_user.is_authenticated:
        return redirect(url_for("pilots.index"))
    return redirect(url_for("accounts.login"))


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if current_user.is_authenticated and request.method == "GET":
        return redirect(url_for("accounts.home"))
    if form.validate_on_submit():
        try:
            user = services.authenticate(form.email.data, form.password.data,
                                         request.remote_addr or "unknown")
        except services.Throttled:
            db.session.commit()
            flash(_("Too many failed attempts. Wait 15 minutes and try again, or set a new "
                    "password with the link below."), "error")
            return render_template("accounts/login.html", form=form), 429
        db.session.commit()
        if user is None:
            flash(_("The e-mail address or password is not correct."), "error")
            return render_template("accounts/login.html", form=form), 401
        login_user(user, remember=form.remember.data)
        session.pop("locale", None)
        return redirect(safe_next(request.args.get("next")) or url_for("accounts.home"))
    status = 422 if form.is_submitted() else 200
    return render_template("accounts/login.html", form=form), status


@bp.route("/logout", methods=["POST"])
def logout():
    form = ButtonForm()
    if not form.validate_on_submit():
        abort(400)
    locale = current_user.locale if current_user.is_authenticated else None
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
        db.session.commit()
    session["locale"] = locale
    return redirect(safe_next(request.form.get("next")) or url_for("accounts.home"), code=303)


@bp.route("/password/forgotten", methods=["GET", "POST"])
def forgot_password():
    form = ResetRequestForm()
    if form.validate_on_submit():
        services.send_reset(form.email.data)
        db.session.commit()
        flash(_("If an account exists for this address, we have sent it a link to set a new "
                "password. Check your e-mail."), "info")
        return redirect(url_for("accounts.login"), code=303)
    return render_template("accounts/forgot.html", form=form), 422 if form.is_submitted() else 200


def _token_or_gone(secret: str, purpose: TokenPurpose):
    token = services.find_token(secret, purpose)
    if token is None:
        return None, (render_template("accounts/token_invalid.html"), 410)
    return token, None


@bp.route("/password/reset/<token>", methods=["GET", "POST"])
def reset_password(token):
    row, gone = _token_or_gone(token, TokenPurpose.RESET)
    if gone:
        return gone
    form = NewPasswordForm()
    if form.validate_on_submit():
        user = services.use_token(row, form.password.data)
        db.session.commit()
        login_user(user)
        flash(_("Your new password is set."), "success")
        return redirect(url_for("accounts.home"), code=303)
    return render_template("accounts/reset.html", form=form), 422 if form.is_submitted() else 200


@bp.route("/invitation/<token>", methods=["GET", "POST"])
def accept_invitation(token):
    row, gone = _token_or_gone(token, TokenPurpose.INVITE)
    if gone:
        return gone
    form = AcceptInvitationForm()
    if request.method == "GET":
        form.name.data = row.user.name
    if form.validate_on_submit():
        user = services.use_token(row, form.password.data, name=form.name.data)
        db.session.commit()
        login_user(user)
        flash(_("Welcome! Your account is ready."), "success")
        return redirect(url_for("accounts.home"), code=303)
    return (render_template("accounts/accept.html", form=form, invited=row.user),
            422 if form.is_submitted() else 200)


@bp.route("/settings", methods=["GET", "POST"])
@login_required
def settings():
    form = SettingsForm(obj=current_user)
    password_form = ChangePasswordForm(prefix="pw")
    if form.validate_on_submit():
        current_user.name = form.name.data
        current_user.locale = form.locale.data
        current_user.reminders_enabled = form.reminders_enabled.data
        db.session.commit()
        flash(_("Your settings are saved."), "success")
        return redirect(url_for("accounts.settings"), code=303)
    return (render_template("accounts/settings.html", form=form, password_form=password_form),
            422 if form.is_submitted() else 200)


@bp.route("/settings/password", methods=["POST"])
@login_required
def change_password():
    form = SettingsForm(obj=current_user)
    password_form = ChangePasswordForm(prefix="pw")
    if password_form.validate_on_submit():
        if not current_user.check_password(password_form.current.data):
            password_form.current.errors.append(_("Your current password is not correct."))
        else:
            services.change_password(current_user, password_form.password.data)
            db.session.commit()
            login_user(current_user)  # the session carries the new epoch
            flash(_("Your password is changed. Other devices are logged out."), "success")
            return redirect(url_for("accounts.settings"), code=303)
    return invalid("accounts/settings.html", form=form, password_form=password_form)


# --- the organisation's own users (organisation admin) ---


def _organisation_for_admin(org_id: int) -> Organisation:
    org = db.session.get(Organisation, org_id)
    if org is None:
        abort(404)
    access.require("organisation.manage_users", org)
    return org


@bp.route("/organisations/<int:org_id>/users", methods=["GET", "POST"])
@login_required
def org_users(org_id):
    org = _organisation_for_admin(org_id)
    form = InviteForm()
    invite_link = None
    if form.validate_on_submit():
        existing = User.by_email(form.email.data)
        if existing is not None and existing.organisation_id != org.id:
            form.email.errors.append(
                _("This address belongs to an account of another organisation.")
            )
        elif existing is not None and existing.is_active:
            form.email.errors.append(_("This person already has an active account here."))
        else:
            user, link, sent = services.invite(org, form.email.data, form.name.data,
                                                current_user, form.org_role.data)
            db.session.commit()
            if sent:
                flash(_("Invitation sent to %(email)s.", email=user.email), "success")
                return redirect(url_for("accounts.org_users", org_id=org.id), code=303)
            flash(_("No mail server is set up, so no e-mail was sent. Give %(email)s this "
                    "link yourself:", email=user.email), "info")
            invite_link = link
    users = db.session.scalars(
        select(User).where(User.organisation_id == org.id).order_by(User.name)
    ).all()
    status = 422 if form.is_submitted() and form.errors else 200
    return render_template("accounts/org_users.html", org=org, users=users, form=form,
                           invite_link=invite_link, button=ButtonForm()), status


@bp.route("/organisations/<int:org_id>/users/<int:user_id>/active", methods=["POST"])
@login_required
def toggle_user(org_id, user_id):
    org = _organisation_for_admin(org_id)
    if not ButtonForm().validate_on_submit():
        abort(400)
    user = db.session.get(User, user_id)
    if user is None or user.organisation_id != org.id:
        abort(404)
    if user.id == current_user.id:
        flash(_("You cannot deactivate your own account."), "error")
        return redirect_to(url_for("accounts.org_users", org_id=org.id))
    user.is_active_account = not user.is_active_account
    user.session_epoch += 1
    audit.record("user.activated" if user.is_active_account else "user.deactivated",
                 user.email, organisation=org)
    db.session.commit()
    flash(_("%(name)s is now active.", name=user.name) if user.is_active_account
          else _("%(name)s is deactivated and can no longer log in.", name=user.name), "success")
    return redirect_to(url_for("accounts.org_users", org_id=org.id))


# --- all organisations (site admin) ---


@bp.route("/admin/organisations", methods=["GET", "POST"])
@login_required
def organisations():
    access.require("site.admin")
    form = OrganisationForm()
    if form.validate_on_submit():
        if db.session.scalar(select(Organisation).where(Organisation.name == form.name.data)):
            form.name.errors.append(_("An organisation with this name exists already."))
        else:
            org = Organisation()
            _fill_organisation(org, form)
            db.session.add(org)
            db.session.flush()
            audit.record("organisation.created", org.name, organisation=org)
            db.session.commit()
            flash(_("Organisation %(name)s created.", name=org.name), "success")
            return redirect(url_for("accounts.org_users", org_id=org.id), code=303)
    orgs = db.session.scalars(select(Organisation).order_by(Organisation.kind, Organisation.name))
    status = 422 if form.is_submitted() and form.errors else 200
    return render_template("accounts/organisations.html", orgs=orgs.all(), form=form), status


@bp.route("/admin/organisations/<int:org_id>", methods=["GET", "POST"])
@login_required
def edit_organisation(org_id):
    access.require("site.admin")
    org = db.session.get(Organisation, org_id)
    if org is None:
        abort(404)
    form = OrganisationForm(obj=org)
    if form.validate_on_submit():
        clash = db.session.scalar(
            select(Organisation).where(Organisation.name == form.name.data,
                                       Organisation.id != org.id)
        )
        if clash:
            form.name.errors.append(_("An organisation with this name exists already."))
        else:
            _fill_organisation(org, form)
            audit.record("organisation.changed", org.name, organisation=org)
            db.session.commit()
            flash(_("Saved."), "success")
            return redirect(url_for("accounts.organisations"), code=303)
    status = 422 if form.is_submitted() and form.errors else 200
    return render_template("accounts/organisation_edit.html", org=org, form=form), status


def _fill_organisation(org: Organisation, form: OrganisationForm) -> None:
    org.name = form.name.data
    org.kind = form.kind.data
    org.buyer_type = form.buyer_type.data if form.kind.data == OrganisationKind.BUYER else None
    org.is_social_enterprise = bool(form.is_social_enterprise.data)
    org.social_enterprise_basis = form.social_enterprise_basis.data or None


__all__ = ["OrgRole"]
