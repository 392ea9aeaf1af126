"""The decision register: every decision of the pilot, manual entries and superseding.

There is deliberately no route that deletes a decision: a decision that no longer holds
is replaced by a later one that refers to it.
"""

from __future__ import annotations

from flask import flash, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import access, htmx, workflows_registry
from ..i18n import locale_code
from ..pilots.prefill import refuse, substep_arg
from . import approval, bp, services
from .decision_forms import (
    KIND_LABELS,
    STATUS_LABELS,
    VALUE_LABELS,
    ConfirmDecisionForm,
    DecisionForm,
)
from .forms import options
from .models import Decision
from .web import decider_choices, role_names, step_choices


def _decision_form(pilot, **defaults) -> DecisionForm:
    form = DecisionForm(**defaults)
    form.decided_by.choices = options(decider_choices(pilot))
    form.step_code.choices = options(step_choices(pilot))
    return form


def _decision_fields(form: DecisionForm) -> dict:
    """What the decision form says, as services.record_decision takes it."""
    return {
        "kind": form.kind.data,
        "title": form.title.data,
        "decided_by": form.decided_by.data,
        "decided_on": form.decided_on.data,
        "text": form.text.data or "",
        "rationale": form.rationale.data or "",
        "step_code": form.step_code.data or None,
        "value": form.value.data or None,
        "status": form.status.data,
    }


# Decisions the board takes by nature, so a link for one opens with the board as decider.
BOARD_KINDS = ("principebesluit", "budget", "policy_adoption")


def _prefill(pilot, form) -> None:
    """`?kind=` and `?step=` from a sub-step's checklist choose the kind and the step."""
    kind = request.args.get("kind")
    step = substep_arg(pilot)
    if kind is None and step is None:
        return
    access.require("decision.record", pilot)
    if kind is not None:
        if kind not in KIND_LABELS:
            refuse(_("There is no kind of decision “%(kind)s”.", kind=kind[:30]))
        form.kind.data = kind
        if kind in BOARD_KINDS and access.BOARD_ROLE in dict(decider_choices(pilot)):
            form.decided_by.data = "board"
    if step is not None:
        form.step_code.data = step


def _register_page(pilot, form, status=200):
    decisions = services.register(pilot)
    replaced_by = {d.supersedes_id: d for d in decisions if d.supersedes_id}
    meetings = services.meetings_of(decisions)
    holding = approval.holding_versions({m.id for m in meetings.values()})
    provisional = services.provisional_decisions(decisions)
    workflow = workflows_registry.for_pilot(pilot)
    steps = {s.code: s.title.get(locale_code()) for s in workflow.substeps}
    steps.update({s.code: s.title.get(locale_code()) for s in workflow.steps})
    can_record = access.can(current_user, "decision.record", pilot)
    return render_template(
        "meetings/decisions.html",
        pilot=pilot,
        decisions=decisions,
        holding=holding,
        provisional=provisional,
        replaced_by=replaced_by,
        by_id={d.id: d for d in decisions},
        meetings=meetings,
        steps=steps,
        deciders=role_names(pilot),
        kinds=KIND_LABELS,
        value_labels=VALUE_LABELS,
        statuses=STATUS_LABELS,
        form=form if can_record else None,
        can_record=can_record,
        confirm_form=ConfirmDecisionForm(formdata=None),
    ), status


@bp.route("/pilots/<int:pilot_id>/decisions", methods=["GET", "POST"])
@login_required
def decisions(pilot_id):
    """The pilot's decision register, and recording a decision."""
    pilot = access.load_pilot(pilot_id, "decision.view")
    form = _decision_form(pilot)
    if form.is_submitted():
        access.require("decision.record", pilot)
    else:
        _prefill(pilot, form)
    return htmx.submit(
        form,
        lambda: services.record_decision(pilot, current_user, **_decision_fields(form)),
        again=lambda: _register_page(pilot, form),
        done=url_for("meetings.decisions", pilot_id=pilot.id),
        said=_("Decision added to the register."),
        refused=services.DecisionError,
    )


@bp.route("/pilots/<int:pilot_id>/decisions/<int:decision_id>/supersede", methods=["GET", "POST"])
@login_required
def supersede_decision(pilot_id, decision_id):
    """Record a decision that replaces an earlier one."""
    pilot = access.load_pilot(pilot_id, "decision.record")
    old = access.load(Decision, decision_id, "decision.record", pilot=pilot)
    later = services.superseded_by(old)
    form = _decision_form(pilot, obj=old)

    def page():
        return render_template(
            "meetings/supersede.html",
            pilot=pilot,
            old=old,
            later=later,
            form=form,
            kinds=KIND_LABELS,
        )

    if later is not None and form.is_submitted():
        # Replaced meanwhile (another tab, a colleague): a conflict; the page, without the
        # form, names the decision to replace instead.
        return page(), 409
    return htmx.submit(
        form,
        lambda: services.record_decision(
            pilot, current_user, **_decision_fields(form), supersedes=old
        ),
        again=page,
        done=url_for("meetings.decisions", pilot_id=pilot.id),
        said=_("The new decision replaces the earlier one; both stay in the register."),
        refused=services.DecisionError,
    )


@bp.route("/pilots/<int:pilot_id>/decisions/<int:decision_id>/take", methods=["POST"])
@login_required
def take_decision(pilot_id, decision_id):
    """Record that a proposed decision was taken (the board decided, say)."""
    pilot = access.load_pilot(pilot_id, "decision.record")
    decision = access.load(Decision, decision_id, "decision.record", pilot=pilot)
    form = ConfirmDecisionForm()
    if not form.validate_on_submit():
        flash(_("Enter the date the decision was taken."), "error")
        return _register_page(pilot, _decision_form(pilot, formdata=None), 422)
    try:
        services.confirm_decision(
            decision, current_user, decided_on=form.decided_on.data, version=form.version.data
        )
    except services.DecisionError as error:
        flash(str(error), "error")
    else:
        flash(_("Decision marked as taken."), "success")
    return htmx.redirect_to(url_for("meetings.decisions", pilot_id=pilot.id))
