"""Who manages an organisation and its accounts, who must sign in with a second factor, and
who may turn it off."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app
from sqlalchemy import select

from .. import access
from ..extensions import db
from .signin_models import SignInMethod


@dataclass(frozen=True)
class PendingAccount:
    """An account an invitation was just issued for; `new` when this invitation made it."""

    user: object
    new: bool


def _admin_of(user, organisation_id) -> bool:
    return user.is_site_admin or (user.is_org_admin and user.organisation_id == organisation_id)


def _has_admin(organisation_id) -> bool:
    from .models import OrgRole, User

    return (
        db.session.scalar(
            select(User.id).where(
                User.organisation_id == organisation_id,
                User.org_role == OrgRole.ADMIN,
                User.is_active_account.is_(True),
            )
        )
        is not None
    )


def _may_pass_on_invitation(user, pending: PendingAccount) -> bool:
    """Whoever sees an invitation link can choose the password of that account, so only
    those who set the account up may: its own organisation, or the buyer who made a new
    account in a supplier organisation that has no admin of its own yet."""
    account = pending.user
    if user.is_site_admin or account.organisation_id == user.organisation_id:
        return True
    return pending.new and not _has_admin(account.organisation_id)


access.register(
    {
        "site.admin": lambda u, o, s: u.is_site_admin,
        "organisation.manage_users": lambda u, o, s: _admin_of(u, o.id),
        # obj: an organisation; its admin runs all of its pilots (and sees them listed).
        "organisation.all_pilots": lambda u, o, s: u.is_org_admin and u.organisation_id == o.id,
        # obj: a switched-off account; only its own organisation's admin switches it on again.
        "account.reactivate": lambda u, o, s: _admin_of(u, o.organisation_id),
        # obj: a PendingAccount; may this inviter see (and pass on) its invitation link?
        "account.pass_on_invitation": lambda u, o, s: _may_pass_on_invitation(u, o),
    }
)


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
