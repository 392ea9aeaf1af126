"""Organisation administration: an organisation admin's own users, the site admin's list."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from .. import access, audit
from ..extensions import db
from ..forms import ButtonForm
from ..htmx import redirect_to, submit
from . import bp, invited, services, two_factor
from . import organisations as organisations_service
from .forms import InviteForm, OrganisationForm
from .models import Organisation, User

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
    """An organisation's people, and inviting a colleague (its admins only)."""
    org = _organisation_for_admin(org_id)
    form = InviteForm()
    invite_link = user = None
    # Not htmx.submit: when no mail could go out, the answer is this page with the link to
    # pass on, not a redirect.
    if form.validate_on_submit():
        try:
            user, link, sent = services.invite_colleague(
                org, form.email.data, form.name.data, current_user, form.org_role.data
            )
        except services.InvitationRefused as refused:
            form.email.errors.append(str(refused.message))
        if user is not None:
            if sent:
                flash(_("Invitation sent to %(email)s.", email=user.email), "success")
                return redirect(url_for("accounts.org_users", org_id=org.id), code=303)
            flash(
                _(
                    "No e-mail could be sent (no mail server is set up, or it did not answer). "
                    "Give %(email)s this link yourself:",
                    email=user.email,
                ),
                "info",
            )
            invite_link = link
    users = db.session.scalars(
        select(User).where(User.organisation_id == org.id).order_by(User.name)
    ).all()
    status = 422 if form.is_submitted() and form.errors else 200
    return render_template(
        "accounts/org_users.html",
        org=org,
        users=users,
        invitations=invited.open_invitations(users),
        form=form,
        invite_link=invite_link,
        button=ButtonForm(),
    ), status


@bp.route("/organisations/<int:org_id>/users/<int:user_id>/active", methods=["POST"])
@login_required
def toggle_user(org_id, user_id):
    """Switch a colleague's account on or off."""
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
    audit.record(
        "user.activated" if user.is_active_account else "user.deactivated",
        user.email,
        organisation=org,
    )
    flash(
        _("%(name)s is now active.", name=user.name)
        if user.is_active_account
        else _("%(name)s is deactivated and can no longer log in.", name=user.name),
        "success",
    )
    return redirect_to(url_for("accounts.org_users", org_id=org.id))


@bp.route("/organisations/<int:org_id>/users/<int:user_id>/two-factor/reset", methods=["POST"])
@login_required
def reset_two_factor(org_id, user_id):
    """For someone who lost both the phone and the recovery codes: they log in with their
    password again and, where it is required, set up two-factor on their new phone."""
    user = db.session.get(User, user_id)
    if user is None or user.organisation_id != org_id:
        abort(404)
    access.require("account.reset_two_factor", user)
    if not ButtonForm().validate_on_submit():
        abort(400)
    two_factor.disable(user)
    user.session_epoch += 1  # whoever holds a session of theirs now signs in again
    audit.record("user.two_factor_reset", user.email, organisation=user.organisation)
    flash(
        _(
            "Two-factor sign-in of %(name)s is switched off. They log in with their password "
            "and set it up again on their new phone.",
            name=user.name,
        ),
        "success",
    )
    return redirect_to(url_for("accounts.org_users", org_id=org_id))


@bp.route("/organisations/<int:org_id>/users/<int:user_id>/withdraw", methods=["POST"])
@login_required
def withdraw_invitation(org_id, user_id):
    """The admin ends the open invitations of one of the organisation's people, such as one a
    buyer made for someone who does not work for them."""
    org = _organisation_for_admin(org_id)
    if not ButtonForm().validate_on_submit():
        abort(400)
    user = db.session.get(User, user_id)
    if user is None or user.organisation_id != org.id:
        abort(404)
    if user.password_hash:
        flash(_("%(name)s has already chosen a password.", name=user.name), "error")
    else:
        invited.withdraw(user, current_user)
        flash(
            _("The invitation of %(name)s is withdrawn; its link no longer works.", name=user.name),
            "success",
        )
    return redirect_to(url_for("accounts.org_users", org_id=org.id))


# --- all organisations (site admin) ---


@bp.route("/admin/organisations", methods=["GET", "POST"])
@login_required
def organisations():
    """All organisations, and adding one (site admins only)."""
    access.require("site.admin")
    form = OrganisationForm()
    return submit(
        form,
        lambda: organisations_service.save(None, **_organisation_fields(form)),
        again=lambda: render_template(
            "accounts/organisations.html", orgs=organisations_service.listed(), form=form
        ),
        done=lambda org: url_for("accounts.org_users", org_id=org.id),
        said=lambda org: _("Organisation %(name)s created.", name=org.name),
        refused=organisations_service.NameTaken,
    )


@bp.route("/admin/organisations/<int:org_id>", methods=["GET", "POST"])
@login_required
def edit_organisation(org_id):
    """Change an organisation's name, kind and details (site admins only)."""
    access.require("site.admin")
    org = db.session.get(Organisation, org_id)
    if org is None:
        abort(404)
    form = OrganisationForm(obj=org)
    return submit(
        form,
        lambda: organisations_service.save(org, **_organisation_fields(form)),
        again=lambda: render_template("accounts/organisation_edit.html", org=org, form=form),
        done=url_for("accounts.organisations"),
        said=_("Saved."),
        refused=organisations_service.NameTaken,
    )


def _organisation_fields(form: OrganisationForm) -> dict:
    """What the organisation form says, as organisations.save takes it."""
    return {
        "name": form.name.data,
        "kind": form.kind.data,
        "buyer_type": form.buyer_type.data,
        "is_social_enterprise": form.is_social_enterprise.data,
        "social_enterprise_basis": form.social_enterprise_basis.data,
    }
