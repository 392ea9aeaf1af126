"""The policy framework (5a) with its versions and downloads, 5b and 5c."""

from __future__ import annotations

from flask import abort, flash, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import access, clock, htmx
from ..documents import page
from ..forms import ButtonForm
from ..i18n import _date
from . import bp, documents
from . import policy as services
from .forms import AdoptionForm, LinkDecisionForm, PolicyForm, SpecialistForm, options
from .models import POLICY_SECTIONS


def _members(pilot) -> list[tuple[int, str]]:
    people = {
        m.user.id: m.user.name
        for m in pilot.memberships
        if m.role in access.internal_roles(pilot)
        and m.user.organisation_id == pilot.organisation_id
    }
    return options([(0, _("(choose)"))] + sorted(people.items(), key=lambda item: item[1]))


def _forms(pilot, draft, **given):
    specialist = given.get("specialist") or SpecialistForm(
        formdata=None, user_id=draft.specialist_user_id or 0, name=draft.specialist_name
    )
    specialist.user_id.choices = _members(pilot)
    adoption = given.get("adoption") or AdoptionForm(
        formdata=None,
        title=_("Policy framework social return adopted"),
        decided_on=clock.today(),
    )
    link = given.get("link") or LinkDecisionForm(formdata=None, decision_id=draft.decision_id or 0)
    link.decision_id.choices = options(
        [(0, _("(none)"))]
        + [(d.id, f"{d.title} ({_date(d.decided_on)})") for d in services.pilot_decisions(pilot)]
    )
    return {"specialist_form": specialist, "adoption_form": adoption, "link_form": link}


@bp.route("/pilots/<int:pilot_id>/policy")
@login_required
def policy(pilot_id, status=200, **given):
    """The pilot's policy draft and its versions."""
    pilot = access.load_pilot(pilot_id, "policy.view")
    draft = services.draft_of(pilot)
    return htmx.render(
        "reports/policy.html",
        status=status,
        pilot=pilot,
        draft=draft,
        titles=services.section_titles(),
        button=ButtonForm(),
        can_edit=access.can(current_user, "policy.edit", pilot),
        can_record=access.can(current_user, "policy.record", pilot),
        can_share=access.can(current_user, "results.manage", pilot),
        **(_forms(pilot, draft, **given) if draft else {}),
    )


@bp.route("/pilots/<int:pilot_id>/policy/start", methods=["POST"])
@login_required
def policy_start(pilot_id):
    """Start the pilot's policy draft."""
    pilot = access.load_pilot(pilot_id, "policy.edit")
    if ButtonForm().validate_on_submit() and services.draft_of(pilot) is None:
        services.start_draft(pilot, current_user)
        flash(
            _(
                "Draft written from the pilot's data. Edit it freely; every save is kept "
                "as a version."
            ),
            "success",
        )
    return htmx.redirect_to(url_for("reports.policy", pilot_id=pilot.id))


@bp.route("/pilots/<int:pilot_id>/policy/edit", methods=["GET", "POST"])
@login_required
def policy_edit(pilot_id):
    """Edit the policy draft; saving makes a new version."""
    pilot = access.load_pilot(pilot_id, "policy.edit")
    draft = services.draft_of(pilot)
    if draft is None:
        abort(404)
    form = PolicyForm(obj=draft.current, version=draft.version)
    return htmx.submit(
        form,
        lambda: services.save_version(
            draft,
            current_user,
            version=form.version.data,
            sections={name: form[name].data or "" for name in POLICY_SECTIONS},
        ),
        again=lambda: htmx.render("reports/policy_form.html", pilot=pilot, draft=draft, form=form),
        done=url_for("reports.policy", pilot_id=pilot.id),
        said=lambda saved: _("Saved as version %(n)s.", n=saved.number),
    )


def _version(pilot, draft, number: int | None):
    if draft is None:
        abort(404)
    if number is None:
        return draft.current
    found = next((v for v in draft.versions if v.number == number), None)
    if found is None:
        abort(404)
    return found


@bp.route("/pilots/<int:pilot_id>/policy/versions/<int:number>")
@login_required
def policy_version(pilot_id, number):
    """One saved version of the policy draft."""
    return htmx.render("reports/policy_version.html", **_showing(pilot_id, number))


@bp.route("/pilots/<int:pilot_id>/policy/print")
@login_required
def policy_print(pilot_id):
    """A version of the policy draft as a page to print."""
    number = request.args.get("version", type=int)
    return render_template("reports/policy_print.html", **_showing(pilot_id, number))


def _showing(pilot_id: int, number: int | None) -> dict:
    """What a page showing one version of the draft needs (the current one for None)."""
    pilot = access.load_pilot(pilot_id, "policy.view")
    draft = services.draft_of(pilot)
    version = _version(pilot, draft, number)
    return {"pilot": pilot, "draft": draft, "version": version, "titles": services.section_titles()}


@bp.route("/pilots/<int:pilot_id>/policy.<doc_format>")
@login_required
def policy_document(pilot_id, doc_format):
    """The framework as PDF, Word or ODF: the current version, or ?version=N."""
    pilot = access.load_pilot(pilot_id, "policy.view")
    draft = services.draft_of(pilot)
    version = _version(pilot, draft, request.args.get("version", type=int))
    return page.respond(doc_format, lambda: documents.policy(pilot, draft, version))


def _draft_for_record(pilot_id):
    pilot = access.load_pilot(pilot_id, "policy.record")
    draft = services.draft_of(pilot)
    if draft is None:
        abort(404)
    return pilot, draft


@bp.route("/pilots/<int:pilot_id>/policy/specialist", methods=["POST"])
@login_required
def policy_specialist(pilot_id):
    """Name the policy specialist who reviews the draft."""
    pilot, draft = _draft_for_record(pilot_id)
    form = SpecialistForm()
    form.user_id.choices = _members(pilot)
    members = {m.user_id: m.user for m in pilot.memberships}
    return htmx.submit(
        form,
        lambda: services.set_specialist(
            draft, current_user, user=members.get(form.user_id.data), name=form.name.data or ""
        ),
        again=lambda: policy(pilot.id, specialist=form),
        done=url_for("reports.policy", pilot_id=pilot.id) + "#specialist",
        said=_("Social return specialist saved."),
    )


@bp.route("/pilots/<int:pilot_id>/policy/adoption", methods=["POST"])
@login_required
def policy_adoption(pilot_id):
    """Record that the policy was adopted."""
    pilot, draft = _draft_for_record(pilot_id)
    form = AdoptionForm()
    return htmx.submit(
        form,
        lambda: services.record_adoption(
            draft,
            current_user,
            title=form.title.data,
            status=form.status.data,
            decided_on=form.decided_on.data,
        ),
        again=lambda: policy(pilot.id, adoption=form),
        done=url_for("reports.policy", pilot_id=pilot.id) + "#board",
        said=_("Decision recorded in the decision register."),
    )


@bp.route("/pilots/<int:pilot_id>/policy/decision", methods=["POST"])
@login_required
def policy_link_decision(pilot_id):
    """Link the policy to a decision in the register."""
    pilot, draft = _draft_for_record(pilot_id)
    decisions = {d.id: d for d in services.pilot_decisions(pilot)}
    form = LinkDecisionForm()
    form.decision_id.choices = options([(0, "")] + [(i, "") for i in decisions])
    return htmx.submit(
        form,
        lambda: services.link_decision(draft, current_user, decisions.get(form.decision_id.data)),
        again=lambda: policy(pilot.id, link=form),
        done=url_for("reports.policy", pilot_id=pilot.id) + "#board",
        said=_("Board decision linked."),
    )
