"""Who must sign in with a second factor, and who may turn it off."""

from __future__ import annotations

from flask import current_app

from .. import access
from .signin_models import SignInMethod


def two_factor_required(user, method) -> bool:
    """Administrators signing in with a password (BIO: multi-factor for administrators), and
    everyone signing in with a password where the organisation asks for it. A sign-in
    through the organisation's identity provider leaves the second factor to that provider."""
    if method == SignInMethod.SSO:
        return False
    if current_app.config["TWO_FACTOR_FOR_ADMINS"] and (user.is_org_admin or user.is_site_admin):
        return True
    return bool(user.organisation.require_two_factor)


access.register(
    {
        # obj is the sign-in method of the current session.
        "two_factor.must_enrol": lambda u, o, s: not u.has_two_factor and two_factor_required(u, o),
        # Who decides how an organisation's people sign in: the same people who manage them.
        "organisation.manage_sign_in": lambda u, o, s: access.can(
            u, "organisation.manage_users", o
        ),
        # Who chooses the organisation's theme and logo: the same people who manage it.
        "organisation.manage_look": lambda u, o, s: access.can(u, "organisation.manage_users", o),
        "two_factor.turn_off": lambda u, o, s: not two_factor_required(u, SignInMethod.PASSWORD),
        # obj: another user. Someone who lost both phone and recovery codes asks the admin of
        # their organisation; their own two-factor an admin changes in their own settings.
        "account.reset_two_factor": lambda u, o, s: (
            o.id != u.id and access.can(u, "organisation.manage_users", o.organisation)
        ),
    }
)
