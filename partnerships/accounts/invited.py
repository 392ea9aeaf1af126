"""Invitations made from outside an organisation: its admin hears of them and can withdraw.

A buyer may invite a supplier's contact into a pilot. When the supplier organisation has an
admin of its own, the buyer does not decide who works for that supplier: the admin is told
at once, sees who invited whom on the organisation's people page, and can withdraw the
invitation there, after which its link no longer works. The person accepts by choosing a
password through the link mailed to them; nobody else ever sees that link.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from .. import audit, mail
from ..database import utcnow
from ..extensions import db
from ..i18n import in_language_of
from .models import AuthToken, OrgRole, TokenPurpose, User


@dataclass(frozen=True)
class OpenInvitation:
    """Who invited one of the organisation's people, and when the link stops working."""

    inviter: str
    inviter_organisation: str
    expires_at: object


def _admins(organisation_id: int) -> list[User]:
    return list(
        db.session.scalars(
            select(User)
            .where(
                User.organisation_id == organisation_id,
                User.org_role == OrgRole.ADMIN,
                User.is_active_account.is_(True),
            )
            .order_by(User.id)
        )
    )


def _people_page(organisation_id: int) -> str:
    try:
        return url_for("accounts.org_users", org_id=organisation_id, _external=True)
    except RuntimeError:  # outside a request, e.g. from the CLI
        base = current_app.config["BASE_URL"].rstrip("/")
        return base + url_for("accounts.org_users", org_id=organisation_id)


def tell_admins(organisation, user: User, inviter: User) -> int:
    """Mail the organisation's admins that someone of another organisation invited one of its
    people; returns how many admins were told (none when the inviter is one of its own)."""
    if inviter is None or inviter.organisation_id == organisation.id:
        return 0
    admins = _admins(organisation.id)
    page = _people_page(organisation.id)
    for admin in admins:
        with in_language_of(admin):
            subject = _(
                "%(buyer)s invited someone of %(organisation)s",
                buyer=inviter.organisation.name,
                organisation=organisation.name,
            )
            body = _(
                "Hello %(name)s,\n\n%(inviter)s of %(buyer)s has invited %(person)s "
                "(%(email)s) to Partnerships as a contact of %(organisation)s. %(person)s "
                "gets a link to choose a password.\n\nIf %(person)s should not work in "
                "Partnerships for %(organisation)s, withdraw the invitation on the people "
                "page of your organisation; the link then stops working:\n\n%(page)s\n",
                name=admin.name,
                inviter=inviter.name,
                buyer=inviter.organisation.name,
                person=user.name,
                email=user.email,
                organisation=organisation.name,
                page=page,
            )
        mail.send(admin.email, subject, body)
    return len(admins)


def _open_tokens(user_ids):
    return select(AuthToken).where(
        AuthToken.user_id.in_(user_ids),
        AuthToken.purpose == TokenPurpose.INVITE,
        AuthToken.used_at.is_(None),
        AuthToken.expires_at > utcnow(),
    )


def open_invitations(users) -> dict[int, list[OpenInvitation]]:
    """{user id: the open invitations of that (not yet set up) person}, in one query."""
    waiting = [u.id for u in users if not u.password_hash]
    if not waiting:
        return {}
    found: dict[int, list[OpenInvitation]] = {}
    tokens = db.session.scalars(_open_tokens(waiting).order_by(AuthToken.id)).all()
    inviters = {
        u.id: u
        for u in db.session.scalars(
            select(User).where(User.id.in_({t.created_by_id for t in tokens if t.created_by_id}))
        )
    }
    for token in tokens:
        inviter = inviters.get(token.created_by_id)
        found.setdefault(token.user_id, []).append(
            OpenInvitation(
                inviter=inviter.name if inviter else "",
                inviter_organisation=inviter.organisation.name if inviter else "",
                expires_at=token.expires_at,
            )
        )
    return found


def withdraw(user: User, actor: User) -> int:
    """End every open invitation of a person who has not chosen a password yet; returns how
    many ended. Their links answer 'no longer valid' from now on."""
    if user.password_hash:
        return 0
    now = utcnow()
    tokens = db.session.scalars(_open_tokens([user.id])).all()
    for token in tokens:
        token.used_at = now
    audit.record(
        "user.invitation_withdrawn", user.email, organisation=user.organisation, actor=actor
    )
    return len(tokens)
