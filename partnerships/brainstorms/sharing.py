"""Sharing a brainstorm with supplier organisations and inviting their contacts."""

from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from .. import access, audit, mail
from ..accounts.models import Organisation, User
from ..extensions import db
from ..i18n import in_language_of
from ..pilots.models import Membership
from .models import Brainstorm, BrainstormParticipant, BrainstormShare
from .services import Refused, bump


def pilot_suppliers(pilot) -> list[Organisation]:
    """Supplier organisations taking part in the pilot (through a supplier contact)."""
    return list(
        db.session.scalars(
            select(Organisation)
            .where(
                Organisation.id.in_(
                    select(Membership.supplier_organisation_id).where(
                        Membership.pilot_id == pilot.id, Membership.role == access.SUPPLIER_ROLE
                    )
                )
            )
            .order_by(Organisation.name)
        )
    )


def invitable_contacts(brainstorm: Brainstorm) -> list[User]:
    """Active contacts of the suppliers the brainstorm is shared with, not invited yet."""
    invited = select(BrainstormParticipant.user_id).where(
        BrainstormParticipant.brainstorm_id == brainstorm.id
    )
    org_ids = sorted(brainstorm.shared_org_ids)
    return list(
        db.session.scalars(
            select(User)
            .where(
                User.organisation_id.in_(org_ids),
                User.is_active_account.is_(True),
                User.id.not_in(invited),
            )
            .order_by(User.name)
        )
    )


def participants(brainstorm: Brainstorm) -> list[BrainstormParticipant]:
    """Invited people, for the facilitator's list."""
    return list(
        db.session.scalars(
            select(BrainstormParticipant)
            .where(BrainstormParticipant.brainstorm_id == brainstorm.id)
            .order_by(BrainstormParticipant.invited_at)
        )
    )


def set_shares(brainstorm: Brainstorm, actor, org_ids) -> None:
    """Share the brainstorm with exactly these supplier organisations of the pilot."""
    allowed = {org.id for org in pilot_suppliers(brainstorm.pilot)}
    wanted = set(org_ids) & allowed
    for share in list(brainstorm.shares):
        if share.organisation_id not in wanted:
            brainstorm.shares.remove(share)
    for org_id in sorted(wanted - brainstorm.shared_org_ids):
        brainstorm.shares.append(BrainstormShare(organisation_id=org_id))
    bump(brainstorm)
    audit.record(
        "brainstorm.shared",
        brainstorm.title,
        details=", ".join(str(i) for i in sorted(wanted)),
        pilot=brainstorm.pilot,
        actor=actor,
    )


def invite_contact(brainstorm: Brainstorm, actor, user: User, *, notify: bool = True) -> None:
    """Invite a supplier contact: membership in the pilot, share with their organisation."""
    org = user.organisation
    if not org.is_supplier:
        raise Refused(_l("Only people of a supplier organisation can be invited here."))
    pilot = brainstorm.pilot
    has_membership = db.session.scalar(
        select(Membership.id).where(
            Membership.pilot_id == pilot.id,
            Membership.user_id == user.id,
            Membership.role == access.SUPPLIER_ROLE,
        )
    )
    if has_membership is None:
        db.session.add(
            Membership(
                pilot_id=pilot.id, user_id=user.id, role="supplier", supplier_organisation_id=org.id
            )
        )
        access.forget_standing()
    if org.id not in brainstorm.shared_org_ids:
        brainstorm.shares.append(BrainstormShare(organisation_id=org.id))
    already = db.session.scalar(
        select(BrainstormParticipant.id).where(
            BrainstormParticipant.brainstorm_id == brainstorm.id,
            BrainstormParticipant.user_id == user.id,
        )
    )
    if already is None:
        db.session.add(
            BrainstormParticipant(
                brainstorm_id=brainstorm.id,
                user_id=user.id,
                organisation_id=org.id,
                invited_by_id=actor.id,
            )
        )
    bump(brainstorm)
    audit.record(
        "brainstorm.invited", brainstorm.title, details=user.email, pilot=pilot, actor=actor
    )
    if notify and user.is_active_account:
        _mail_invitation(brainstorm, actor, user)


def invite_by_email(
    brainstorm: Brainstorm, actor, organisation: Organisation, email: str, name: str
) -> tuple[User, str | None, bool]:
    """Invite someone new of a supplier: an account in that organisation, then the brainstorm.

    Returns the user, the account link (None for an existing user) and whether it was mailed.
    """
    from ..accounts.services import InvitationRefused, invite

    if organisation.id not in {org.id for org in pilot_suppliers(brainstorm.pilot)}:
        raise Refused(_l("Choose a supplier of this pilot."))
    existing = User.by_email(email)
    if existing is not None and existing.organisation_id != organisation.id:
        raise Refused(_l("This address belongs to someone of another organisation."))
    if existing is not None and existing.is_active_account:
        invite_contact(brainstorm, actor, existing)
        return existing, None, True
    try:
        user, link, sent = invite(organisation, email, name, actor)
    except InvitationRefused as refused:
        raise Refused(refused.message) from None
    invite_contact(brainstorm, actor, user, notify=False)
    return user, link, sent


def _mail_invitation(brainstorm: Brainstorm, actor, user: User) -> bool:
    try:
        link = url_for(
            "brainstorms.board",
            pilot_id=brainstorm.pilot_id,
            brainstorm_id=brainstorm.id,
            _external=True,
        )
    except RuntimeError:  # outside a request
        return False
    with in_language_of(user):
        subject = _("Invitation to the brainstorm %(title)s", title=brainstorm.title)
        body = _(
            "Hello %(name)s,\n\n%(inviter)s invites you to the shared brainstorm "
            '"%(title)s". Open the board here:\n\n%(link)s\n',
            name=user.name,
            inviter=actor.name,
            title=brainstorm.title,
            link=link,
        )
    return mail.send(user.email, subject, body)
