"""An organisation admin's page for how the organisation's people sign in."""

from __future__ import annotations

from flask import abort, render_template, url_for
from flask_babel import gettext as _
from flask_login import login_required
from sqlalchemy import select

from .. import access, audit
from ..extensions import db
from ..htmx import submit
from . import bp, crypto
from .models import Organisation
from .signin_models import IdentityProvider, SignInMode
from .sso_forms import SignInSettingsForm


@bp.route("/organisations/<int:org_id>/sign-in", methods=["GET", "POST"])
@login_required
def sign_in_settings(org_id):
    """How an organisation's people sign in: password, or its OpenID Connect provider."""
    org = db.session.get(Organisation, org_id)
    if org is None:
        abort(404)
    access.require("organisation.manage_sign_in", org)
    provider = db.session.scalar(
        select(IdentityProvider).where(IdentityProvider.organisation_id == org.id)
    )
    form = SignInSettingsForm(obj=provider)
    form.has_secret = provider is not None
    if not form.is_submitted():
        form.mode.data = provider.mode if provider else SignInMode.PASSWORD
        form.allowed_domains.data = provider.allowed_domains if provider else ""
        form.require_two_factor.data = org.require_two_factor
        form.session_idle_minutes.data = org.session_idle_minutes
        form.session_max_hours.data = org.session_max_hours
    return submit(
        form,
        lambda: _save(org, provider, form),
        again=lambda: _page(org, provider, form),
        done=url_for("accounts.sign_in_settings", org_id=org.id),
        said=_("Sign-in settings saved."),
    )


def _page(org: Organisation, provider: IdentityProvider | None, form: SignInSettingsForm):
    """The settings page; the client secret is never sent back to the browser."""
    form.client_secret.data = ""
    callback = url_for("accounts.sso_callback", org_id=org.id, _external=True)
    return render_template(
        "accounts/sign_in_settings.html", org=org, form=form, provider=provider, callback=callback
    )


def _save(org: Organisation, provider: IdentityProvider | None, form: SignInSettingsForm) -> None:
    """What the form says about the organisation's sessions and its provider, on the record."""
    org.require_two_factor = bool(form.require_two_factor.data)
    org.session_idle_minutes = form.session_idle_minutes.data or None
    org.session_max_hours = form.session_max_hours.data or None
    audit.record("organisation.sign_in_changed", org.name, organisation=org)
    if provider is None and not form.issuer.data:
        return  # password only, nothing about a provider to keep
    if provider is None:
        provider = IdentityProvider(organisation_id=org.id)
        db.session.add(provider)
    provider.mode = form.mode.data
    provider.issuer = form.issuer.data or provider.issuer or ""
    provider.client_id = form.client_id.data or provider.client_id or ""
    if form.client_secret.data:
        provider.client_secret_encrypted = crypto.encrypt(form.client_secret.data)
    elif provider.client_secret_encrypted is None:
        provider.client_secret_encrypted = crypto.encrypt("")
    provider.allowed_domains = "\n".join(form.domains())
    provider.create_accounts = bool(form.create_accounts.data)
