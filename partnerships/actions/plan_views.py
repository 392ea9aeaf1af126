"""The action plan page (printable), its documents (PDF, Word, ODF) and its written parts."""

from __future__ import annotations

from flask import abort, flash, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import access, changes, clock, fragments, htmx
from ..documents import page
from ..forms import ButtonForm
from ..i18n import locale_code
from . import bp
from . import plan as plan_data
from .forms import ExternalOrganisationForm, PlanInfoForm
from .labels import STATUS_LABELS
from .models import ExternalOrganisation
from .services import ActionError


def _page(pilot, info_form=None, org_form=None, status=200):
    """The plan page; kept per change stamp (changes.py) unless it shows a typed form."""
    typed = info_form is not None or org_form is not None
    kept = None if typed else changes.key_with_forms(pilot.organisation_id, "action plan", pilot.id)
    body = fragments.rendered_once(kept, lambda: _content(pilot, info_form, org_form))
    return htmx.render("actions/plan.html", None, status=status, pilot=pilot, body=body)


def _content(pilot, info_form, org_form) -> str:
    data = plan_data.assemble(pilot, locale_code())
    can_edit = access.can(current_user, "action_plan.edit", pilot)
    if info_form is None:
        info_form = PlanInfoForm(formdata=None)
        info_form.meeting_agreements.data = data.info.meeting_agreements if data.info else ""
        info_form.version.data = data.info.version if data.info else 0
    present = {o.name.casefold() for o in data.organisations}
    suggestions = [
        (name, text)
        for name, text in plan_data.SUGGESTED_ORGANISATIONS
        if name.casefold() not in present
    ]
    return render_template(
        "actions/_plan.html",
        pilot=pilot,
        plan=data,
        can_edit=can_edit,
        info_form=info_form,
        org_form=org_form or ExternalOrganisationForm(formdata=None),
        button=ButtonForm(),
        suggestions=suggestions,
        status_labels=STATUS_LABELS,
    )


@bp.route("/pilots/<int:pilot_id>/action-plan")
@login_required
def plan(pilot_id):
    """The pilot's action plan: agreements, organisations, actions per step."""
    pilot = access.load_pilot(pilot_id, "action_plan.view")
    return _page(pilot)


@bp.route("/pilots/<int:pilot_id>/action-plan.<doc_format>")
@login_required
def plan_document(pilot_id, doc_format):
    """The plan as PDF, Word or ODF, in the user's language or the one asked for (?lang=)."""
    pilot = access.load_pilot(pilot_id, "action_plan.view")

    def make():
        meta = page.Meta(
            title=_("Action plan: %(pilot)s", pilot=pilot.title),
            organisation=pilot.organisation.name,
            pilot_title=pilot.title,
            kind=_("action plan"),
            day=clock.today(),
            lang=locale_code(),
        )
        context = dict(
            pilot=pilot, plan=plan_data.assemble(pilot, meta.lang), status_labels=STATUS_LABELS
        )
        return "documents/action_plan.html", meta, context

    return page.respond(doc_format, make)


@bp.route("/pilots/<int:pilot_id>/action-plan/agreements", methods=["POST"])
@login_required
def plan_agreements(pilot_id):
    """Save the action plan's meeting agreements."""
    pilot = access.load_pilot(pilot_id, "action_plan.edit")
    form = PlanInfoForm()
    return htmx.submit(
        form,
        lambda: plan_data.save_meeting_agreements(
            pilot, current_user, form.meeting_agreements.data, form.version.data
        ),
        again=lambda: _page(pilot, info_form=form),
        done=url_for("actions.plan", pilot_id=pilot.id, _anchor="agreements"),
        said=_("Meeting agreements saved."),
    )


@bp.route("/pilots/<int:pilot_id>/action-plan/organisations", methods=["POST"])
@login_required
def plan_add_organisation(pilot_id):
    """Add an outside organisation to the action plan."""
    pilot = access.load_pilot(pilot_id, "action_plan.edit")
    form = ExternalOrganisationForm()
    return htmx.submit(
        form,
        lambda: plan_data.add_organisation(
            pilot,
            current_user,
            name=form.name.data,
            involvement=form.involvement.data,
            contact=form.contact.data,
        ),
        again=lambda: _page(pilot, org_form=form),
        done=url_for("actions.plan", pilot_id=pilot.id, _anchor="organisations"),
        said=_("%(name)s added to the action plan.", name=form.name.data),
        refused=ActionError,
        blame="name",
    )


@bp.route("/pilots/<int:pilot_id>/action-plan/organisations/<int:org_id>/remove", methods=["POST"])
@login_required
def plan_remove_organisation(pilot_id, org_id):
    """Remove an outside organisation from the action plan."""
    pilot = access.load_pilot(pilot_id, "action_plan.edit")
    row = access.load(ExternalOrganisation, org_id, "action_plan.edit", pilot=pilot)
    if not ButtonForm().validate_on_submit():
        abort(400)
    plan_data.remove_organisation(pilot, current_user, row)
    flash(_("%(name)s removed from the action plan.", name=row.name), "success")
    return htmx.redirect_to(url_for("actions.plan", pilot_id=pilot.id, _anchor="organisations"))
