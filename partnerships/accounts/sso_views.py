"""Signing in through the organisation's identity provider: start, and the way back."""

from __future__ import annotations

from authlib.common.errors import AuthlibBaseError
from flask import (
    abort,
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from joserfc.errors import JoseError
from requests import RequestException

from ..extensions import db
from ..web import CSP
from . import bp, sessions, sso
from .forms import SsoStartForm
from .signin_models import IdentityProvider, SignInMethod, SignInMode

# What the person sees; the log line says more, without secrets.
REFUSALS = {
    "provider": _l(
        "Your organisation's sign-in service did not answer as expected. Try again later, "
        "or log in with your password if your organisation allows it."
    ),
    "misconfigured": _l(
        "Signing in through your organisation is not set up correctly. Ask your "
        "organisation's administrator to check the settings."
    ),
    "token": _l(
        "Your organisation's sign-in service sent an answer we cannot trust, so you were not "
        "logged in. Try again; if it keeps happening, tell your administrator."
    ),
    "state": _l(
        "This sign-in was not started here, or it was already used or took too long. Start "
        "again from the login page."
    ),
    "domain": _l(
        "Your e-mail address is not in a domain your organisation allows for signing in here."
    ),
    "no_email": _l(
        "Your organisation's sign-in service did not give us a verified e-mail address."
    ),
    "unknown": _l(
        "There is no account for your e-mail address yet. Ask your organisation's "
        "administrator to invite you."
    ),
    "inactive": _l("Your account is deactivated. Ask your organisation's administrator."),
    "other_organisation": _l(
        "Your account belongs to another organisation. Log in with your password, or ask "
        "an administrator."
    ),
    "other_account": _l(
        "Your account is linked to another account at your organisation's sign-in service. "
        "Ask an administrator."
    ),
    "denied": _l("Signing in was cancelled at your organisation's sign-in service."),
}


def _refused(reason: str, organisation_id: int | None, detail: str, status: int = 400):
    current_app.logger.warning(
        "Sign-in through the provider of organisation %s refused (%s): %s",
        organisation_id,
        reason,
        detail,
    )
    db.session.rollback()
    return render_template("accounts/sso_refused.html", message=REFUSALS[reason]), status


def _provider(org_id: int) -> IdentityProvider:
    provider = db.session.scalar(
        db.select(IdentityProvider).where(IdentityProvider.organisation_id == org_id)
    )
    if provider is None or provider.mode == SignInMode.PASSWORD:
        abort(404)
    return provider


@bp.route("/login/organisation", methods=["GET", "POST"])
def sso_start():
    """Ask for the work e-mail address and go to that organisation's provider."""
    form = SsoStartForm()
    if form.validate_on_submit():
        provider = sso.provider_for_email(form.email.data)
        if provider is None:
            form.email.errors.append(
                _("No organisation signs in this way for this address. Log in with your password.")
            )
        else:
            return _go_to(provider)
    status = 422 if form.is_submitted() else 200
    response = make_response(render_template("accounts/sso_start.html", form=form), status)
    # Browsers apply the page's form-action to where the form's answer redirects: the
    # provider's sign-in page must be allowed, or the browser stops at our page.
    response.headers["Content-Security-Policy"] = CSP.replace(
        "form-action 'self'", " ".join(["form-action 'self'", *sso.provider_origins()])
    )
    return response


def _go_to(provider: IdentityProvider):
    callback = url_for("accounts.sso_callback", org_id=provider.organisation_id, _external=True)
    try:
        return sso.client(provider).authorize_redirect(callback)
    except sso.Refused as refused:
        return _refused(refused.reason, provider.organisation_id, refused.detail, 502)
    except (RequestException, AuthlibBaseError, ValueError, KeyError) as error:
        return _refused("provider", provider.organisation_id, _describe(error), 502)


@bp.route("/login/organisation/<int:org_id>/callback")
def sso_callback(org_id):
    """Back from the organisation's provider: check its answer and sign the person in."""
    provider = _provider(org_id)
    if request.args.get("error"):
        return _refused("denied", org_id, request.args.get("error", "")[:100])
    try:
        token = sso.client(provider).authorize_access_token()
    except sso.Refused as refused:
        return _refused(refused.reason, org_id, refused.detail, 502)
    except RequestException as error:
        return _refused("provider", org_id, _describe(error), 502)
    except AuthlibBaseError as error:
        reason = "state" if error.error == "mismatching_state" else "token"
        if error.error in ("invalid_client", "unauthorized_client"):
            reason = "misconfigured"
        return _refused(reason, org_id, _describe(error))
    except (JoseError, ValueError, KeyError) as error:
        return _refused("token", org_id, _describe(error))
    claims = token.get("userinfo")
    if not claims:
        return _refused("token", org_id, "no ID token in the answer")
    try:
        user = sso.account_for(provider, dict(claims))
    except sso.Refused as refused:
        return _refused(refused.reason, org_id, refused.detail, 403)
    sessions.sign_in(user, SignInMethod.SSO)
    flash(_("You are logged in through %(org)s.", org=provider.organisation.name), "success")
    return redirect(url_for("accounts.home"), code=303)


def _describe(error: Exception) -> str:
    """The error's kind and short description for the log, never a token or secret."""
    text = getattr(error, "error", None) or type(error).__name__
    description = getattr(error, "description", None)
    return f"{text}: {description}"[:300] if description else str(text)[:300]
