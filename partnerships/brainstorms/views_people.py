"""Who takes part: sharing a brainstorm with suppliers and inviting their contacts."""

from __future__ import annotations

from flask import flash, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import htmx
from ..accounts.models import Organisation, User
from ..extensions import db
from . import bp, sharing
from .forms import InviteEmailForm, InviteForm, ShareForm
from .loaders import load_brainstorm
from .services import Refused
from .views import BASE

PEOPLE = f"{BASE}/<int:brainstorm_id>/participants"


def _forms(brainstorm, share=None, invite=None, invite_email=None):
    suppliers = sharing.pilot_suppliers(brainstorm.pilot)
    share = share or ShareForm(formdata=None, suppliers=sorted(brainstorm.shared_org_ids))
    share.suppliers.choices = [(org.id, org.name) for org in suppliers]
    invite = invite or InviteForm(formdata=None)
    invite.user_id.choices = [
        (user.id, f"{user.name} ({user.organisation.name})")
        for user in sharing.invitable_contacts(brainstorm)
    ]
    invite_email = invite_email or InviteEmailForm(formdata=None)
    invite_email.organisation_id.choices = [(org.id, org.name) for org in suppliers]
    return dict(share_form=share, invite_form=invite, invite_email_form=invite_email)


def _page(pilot, brainstorm, status=200, link=None, **forms):
    return htmx.render(
        "brainstorms/participants.html",
        status=status,
        pilot=pilot,
        brainstorm=brainstorm,
        participants=sharing.participants(brainstorm),
        invite_link=link,
        **_forms(brainstorm, **forms),
    )


def _here(brainstorm):
    return url_for(
        "brainstorms.participants", pilot_id=brainstorm.pilot_id, brainstorm_id=brainstorm.id
    )


def _back(brainstorm):
    return htmx.redirect_to(_here(brainstorm))


@bp.route(PEOPLE)
@login_required
def participants(pilot_id, brainstorm_id):
    """Who takes part in the brainstorm, and the forms to invite more."""
    pilot, brainstorm = load_brainstorm(pilot_id, brainstorm_id, "brainstorm.facilitate")
    return _page(pilot, brainstorm)


@bp.route(f"{PEOPLE}/share", methods=["POST"])
@login_required
def share(pilot_id, brainstorm_id):
    """Share the brainstorm with supplier organisations."""
    pilot, brainstorm = load_brainstorm(pilot_id, brainstorm_id, "brainstorm.facilitate")
    form = ShareForm()
    form.suppliers.choices = [(o.id, o.name) for o in sharing.pilot_suppliers(pilot)]
    return htmx.submit(
        form,
        lambda: sharing.set_shares(brainstorm, current_user, form.suppliers.data or []),
        again=lambda: _page(pilot, brainstorm, share=form),
        done=_here(brainstorm),
        said=_("Sharing is saved."),
    )


@bp.route(f"{PEOPLE}/invite", methods=["POST"])
@login_required
def invite(pilot_id, brainstorm_id):
    """Invite a colleague who already has an account."""
    pilot, brainstorm = load_brainstorm(pilot_id, brainstorm_id, "brainstorm.facilitate")
    form = InviteForm()
    form.user_id.choices = [(u.id, u.name) for u in sharing.invitable_contacts(brainstorm)]
    return htmx.submit(
        form,
        lambda: _invited(brainstorm, db.session.get(User, form.user_id.data)),
        again=lambda: _page(pilot, brainstorm, invite=form),
        done=_here(brainstorm),
        said=lambda user: _("%(name)s is invited.", name=user.name),
        refused=Refused,
        blame="user_id",
    )


def _invited(brainstorm, user):
    """Invite the contact and say whom (the message names them)."""
    sharing.invite_contact(brainstorm, current_user, user)
    return user


@bp.route(f"{PEOPLE}/invite-email", methods=["POST"])
@login_required
def invite_email(pilot_id, brainstorm_id):
    """Invite someone by e-mail address for an account."""
    pilot, brainstorm = load_brainstorm(pilot_id, brainstorm_id, "brainstorm.facilitate")
    form = InviteEmailForm()
    form.organisation_id.choices = [(o.id, o.name) for o in sharing.pilot_suppliers(pilot)]
    if not form.validate_on_submit():
        return _page(pilot, brainstorm, status=422, invite_email=form)
    organisation = db.session.get(Organisation, form.organisation_id.data)
    try:
        user, link, sent = sharing.invite_by_email(
            brainstorm, current_user, organisation, form.email.data, form.name.data
        )
    except Refused as error:
        db.session.rollback()
        form.email.errors = [error.message]
        return _page(pilot, brainstorm, status=422, invite_email=form)
    if link and not sent:
        # No mail server (development): show the link so the facilitator can pass it on.
        flash(
            _("%(name)s is invited. No e-mail could be sent; pass on this link:", name=user.name),
            "warning",
        )
        return _page(pilot, brainstorm, link=link)
    if not sent and not user.password_hash:
        # Their link goes to them alone: whoever holds it chooses the password.
        flash(
            _(
                "%(name)s is invited, but no e-mail could be sent. Their invitation link is "
                "for them only; ask them to use the invitation they already received.",
                name=user.name,
            ),
            "warning",
        )
        return _back(brainstorm)
    flash(_("%(name)s is invited.", name=user.name), "success")
    return _back(brainstorm)
