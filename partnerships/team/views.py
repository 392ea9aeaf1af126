"""Working group, RACI matrix and the audit trail of a pilot."""

from __future__ import annotations

from flask import abort, flash, g, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required
from sqlalchemy import select

from .. import access, htmx
from ..accounts.models import Organisation, User
from ..audit import AuditEvent
from ..extensions import db
from ..forms import ButtonForm, SelectChoice, choices
from ..i18n import locale_code
from ..paging import page_count, page_number
from ..pilots.models import Membership
from . import bp, services
from . import raci as matrix
from .audit_labels import event_label, readable_details
from .forms import AddMemberForm, DutyForm, InviteMemberForm, TaskForm

AUDIT_PAGE = 50


@bp.app_template_global("coordinator_warning")
def coordinator_warning(pilot):
    """For templates (the stepper includes team/_coordinator_warning.html)."""
    return services.coordinator_warning(pilot)


def _forms(pilot, add=None, invite=None):
    add = add or AddMemberForm(prefix="add")
    invite = invite or InviteMemberForm(prefix="invite")
    locale = locale_code()
    roles = choices((r.code, r.name.get(locale)) for r in services.assignable_roles(pilot))
    buyer, suppliers = services.candidates(pilot)
    people = [SelectChoice("", _("Choose a person"))]
    people += [SelectChoice(u.id, u.name, optgroup=pilot.organisation.name) for u in buyer]
    people += [SelectChoice(u.id, u.name, optgroup=u.organisation.name) for u in suppliers]
    add.user_id.choices = people
    add.role.choices = roles
    invite.role.choices = roles
    invite.supplier_organisation_id.choices = choices(
        [("", _("None (our own organisation)"))]
        + [(org.id, org.name) for org in services.supplier_organisations(pilot)]
    )
    return add, invite


def _page(pilot, add=None, invite=None, status=200, invite_link=None, sent=None):
    """The working group; `sent` is a refused task form (membership id, form), shown with
    what was typed instead of the saved text, so nothing typed is lost."""
    add, invite = _forms(pilot, add, invite)
    rows = services.memberships(pilot)
    locale = locale_code()
    return htmx.render(
        "team/working_group.html",
        None,
        status=status,
        pilot=pilot,
        memberships=rows,
        add_form=add,
        invite_form=invite,
        task_form=TaskForm(),
        sent=sent,
        button=ButtonForm(),
        role_name=lambda code: services.role_name(pilot, code, locale),
        can_manage=access.can(current_user, "team.manage", pilot),
        invite_link=invite_link,
        warning=services.coordinator_warning(pilot),
    )


@bp.route("/pilots/<int:pilot_id>/working-group")
@login_required
def working_group(pilot_id):
    """The working group; `?role=` (from a sub-step's checklist) chooses that role in the
    forms, and a role the method does not know is refused with a message."""
    pilot = access.load_pilot(pilot_id, "team.view")
    role = request.args.get("role")
    if role is None:
        return _page(pilot)
    if role not in {r.code for r in services.assignable_roles(pilot)}:
        g.own_message = True
        abort(400, _("There is no role “%(role)s” in this pilot's method.", role=role[:40]))
    add, invite = AddMemberForm(prefix="add"), InviteMemberForm(prefix="invite")
    add.role.data = invite.role.data = role
    return _page(pilot, add, invite)


@bp.route("/pilots/<int:pilot_id>/working-group/add", methods=["POST"])
@login_required
def add_member(pilot_id):
    """Add a colleague with an account to the working group."""
    pilot = access.load_pilot(pilot_id, "team.manage")
    form, _invite = _forms(pilot, AddMemberForm(prefix="add"))
    return htmx.submit(
        form,
        lambda: services.add_member(
            pilot,
            current_user,
            db.session.get(User, form.user_id.data),
            form.role.data,
            form.task_description.data,
        ),
        again=lambda: _page(pilot, add=form),
        done=url_for("team.working_group", pilot_id=pilot.id),
        said=lambda membership: _(
            "%(name)s now holds the role %(role)s.",
            name=membership.user.name,
            role=services.role_name(pilot, membership.role, locale_code()),
        ),
        refused=services.TeamError,
        blame="role",
    )


@bp.route("/pilots/<int:pilot_id>/working-group/invite", methods=["POST"])
@login_required
def invite_member(pilot_id):
    """Invite someone by e-mail into the working group."""
    pilot = access.load_pilot(pilot_id, "team.manage")
    _add, form = _forms(pilot, invite=InviteMemberForm(prefix="invite"))
    org_id = form.supplier_organisation_id.data
    return htmx.submit(
        form,
        lambda: services.invite_member(
            pilot,
            current_user,
            name=form.name.data,
            email=form.email.data,
            role=form.role.data,
            supplier_organisation=db.session.get(Organisation, org_id) if org_id else None,
            task_description=form.task_description.data,
        ),
        again=lambda: _page(pilot, invite=form),
        done=url_for("team.working_group", pilot_id=pilot.id),
        said=lambda invited: _invited(*invited),
        refused=services.TeamError,
        blame="role",
    )


def _invited(membership, link, sent):
    """What the coordinator is told: whether the invitation went out, and what to do if not."""
    name = membership.user.name
    if link and not sent:
        # Without a mail server (development) the coordinator passes the link on by hand.
        return (
            _(
                "%(name)s has been added. No e-mail could be sent; give them this link: %(link)s",
                name=name,
                link=link,
            ),
            "warning",
        )
    if link or (sent and not membership.user.password_hash):
        return _("%(name)s has been invited by e-mail and added to the working group.", name=name)
    if not membership.user.password_hash:
        # Their link goes to them alone: whoever holds it chooses the password.
        return (
            _(
                "%(name)s has been added, but no e-mail could be sent. Their invitation link "
                "is for them only; ask them to use the invitation they already received, or "
                "try again when e-mail works.",
                name=name,
            ),
            "warning",
        )
    return _("%(name)s already had an account and has been added.", name=name)


@bp.route("/pilots/<int:pilot_id>/working-group/<int:membership_id>/remove", methods=["POST"])
@login_required
def remove_member(pilot_id, membership_id):
    """Remove someone from the working group."""
    pilot = access.load_pilot(pilot_id, "team.manage")
    membership = access.load(Membership, membership_id, "team.manage", pilot=pilot)
    if not ButtonForm().validate_on_submit():
        abort(400)
    try:
        services.remove_member(pilot, current_user, membership)
    except services.TeamError as error:
        db.session.rollback()
        flash(str(error.message), "error")
        return _page(pilot, status=422)
    flash(_("The role has been taken away."), "success")
    return htmx.redirect_to(url_for("team.working_group", pilot_id=pilot.id))


@bp.route("/pilots/<int:pilot_id>/working-group/<int:membership_id>/task", methods=["POST"])
@login_required
def task_description(pilot_id, membership_id):
    """Change what a member does in the pilot."""
    pilot = access.load_pilot(pilot_id, "team.manage")
    membership = access.load(Membership, membership_id, "team.manage", pilot=pilot)
    form = TaskForm()
    return htmx.submit(
        form,
        lambda: services.set_task_description(
            pilot, current_user, membership, form.task_description.data, form.version.data
        ),
        again=lambda: _task_refused(pilot, membership, form),
        done=url_for("team.working_group", pilot_id=pilot.id),
        said=_("Task description saved."),
    )


def _task_refused(pilot, membership, form):
    """The working group with the refused text in its row; the reason is flashed, as the
    row's small form has no room for messages of its own."""
    flash(" ".join(str(e) for e in form.task_description.errors), "error")
    return _page(pilot, sent=(membership.id, form))


@bp.route("/pilots/<int:pilot_id>/raci")
@login_required
def raci(pilot_id):
    """Who is responsible, accountable, consulted and informed per step."""
    pilot = access.load_pilot(pilot_id, "team.view")
    steps, rows, current, gaps = matrix.matrix(pilot, locale_code())
    return render_template(
        "team/raci.html",
        pilot=pilot,
        steps=steps,
        rows=rows,
        current=current,
        gaps=gaps,
        locale=locale_code(),
        can_manage=access.can(current_user, "team.manage", pilot),
    )


@bp.route("/pilots/<int:pilot_id>/raci/<step_code>/<role>", methods=["GET", "POST"])
@login_required
def duty(pilot_id, step_code, role):
    """Change one role's duty on one step."""
    pilot = access.load_pilot(pilot_id, "team.manage")
    locale = locale_code()
    try:
        default, override = matrix.duty(pilot, step_code, role, locale)
    except services.TeamError:
        abort(404)
    form = DutyForm()
    if request.method == "GET":
        form.text.data = override.text if override else ""
        form.version.data = override.version if override else 0
    return htmx.submit(
        form,
        lambda: matrix.set_duty(
            pilot, current_user, step_code, role, form.text.data, form.version.data
        ),
        again=lambda: render_template(
            "team/duty.html",
            pilot=pilot,
            form=form,
            default=default,
            override=override,
            step=matrix.workflows_registry.for_pilot(pilot).step(step_code),
            role_name=services.role_name(pilot, role, locale),
            locale=locale,
        ),
        done=url_for("team.raci", pilot_id=pilot.id, _anchor=f"cell-{step_code}-{role}"),
        said=_("The duty text has been saved for this pilot."),
    )


@bp.route("/pilots/<int:pilot_id>/audit")
@login_required
def audit(pilot_id):
    """The pilot's audit trail, newest first."""
    pilot = access.load_pilot(pilot_id, "team.audit")
    paged = db.paginate(
        select(AuditEvent)
        .where(AuditEvent.pilot_id == pilot.id)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc()),
        page=page_number(request.args.get("page")),
        per_page=AUDIT_PAGE,
        error_out=False,  # a page past the end is an empty page, not a 404
    )
    events = paged.items
    users = {
        u.id: u
        for u in db.session.scalars(
            select(User).where(User.id.in_({e.actor_id for e in events if e.actor_id}))
        )
    }
    locale = locale_code()
    workflow = matrix.workflows_registry.for_pilot(pilot)
    route_names = {r.code: r.name.get(locale) for r in workflow.routes}
    return render_template(
        "team/audit.html",
        pilot=pilot,
        events=events,
        users=users,
        page=paged.page,
        pages=page_count(paged.total, AUDIT_PAGE),
        total=paged.total,
        event_label=event_label,
        details=lambda e: readable_details(e.event, e.details, route_names),
        route_names=route_names,
    )
