"""The stepper: a sub-step's page, its status form and the route choice after step 1."""

from __future__ import annotations

from flask import abort, flash, make_response, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import access, workflows_registry
from ..htmx import invalid, is_htmx, render, submit
from ..i18n import locale_code
from . import bp, progress, stepper
from .forms import RouteForm, StepStatusForm
from .models import StepStatus
from .views import pilot_context, pilot_home, route_form_for

PAGE = "pilots/substep.html"


def _substep_or_404(pilot, workflow, code: str):
    """The sub-step named in the URL; an unknown code gets a page listing the real ones."""
    sub = workflow.substep(code)
    if sub is None:
        response = render_template(
            "pilots/substep_missing.html",
            pilot=pilot,
            workflow=workflow,
            code=code[:20],
            progress=progress.for_pilot(pilot, workflow, locale_code()),
        )
        abort(make_response(response, 404))
    return sub


def status_form_for(state, form: StepStatusForm | None = None) -> StepStatusForm:
    """The status form filled from the stored state (version 0 when never saved)."""
    if form is not None:
        return form
    return StepStatusForm(
        formdata=None,
        status=state.status if state else StepStatus.OPEN,
        reason=state.reason if state else "",
        note=state.note if state else "",
        version=state.version if state else 0,
    )


def substep_context(pilot, workflow, code: str, form=None, route_form=None, **extra) -> dict:
    """Everything a sub-step page and its fragments show."""
    locale = locale_code()
    sub = workflow.substep(code)
    step = workflow.step_of(code)
    state = stepper.step_state(pilot, code)
    internal = access.can(current_user, "step.view_internal", pilot)
    can_update = access.can(current_user, "step.update", pilot)
    route_code = stepper.route_substep(workflow)
    previous_code, next_code = stepper.neighbours(workflow, pilot.route, code)
    return dict(
        pilot=pilot,
        workflow=workflow,
        sub=sub,
        step=step,
        locale=locale,
        guidance=workflow.guidance(code, locale),
        progress=progress.for_pilot(pilot, workflow, locale),
        applicable=stepper.on_route(workflow, pilot, code),
        state=state,
        internal=internal,
        can_update=can_update,
        form=status_form_for(state, form) if can_update else None,
        checks=stepper.checklist(pilot, workflow, code, locale, current_user) if internal else [],
        previous_sub=workflow.substep(previous_code) if previous_code else None,
        next_sub=workflow.substep(next_code) if next_code else None,
        duties=stepper.duties(pilot, workflow, step.code, locale),
        history=stepper.history(pilot, code) if internal else [],
        closes_route_choice=code == route_code,
        route_substep=route_code,
        can_choose_route=access.can(current_user, "pilot.choose_route", pilot),
        # The sub-step that asks for actions is where the action plan is made (1d).
        shows_action_plan=any(check.name == "actions:min" for check in sub.checks)
        and access.can(current_user, "action_plan.view", pilot),
        route_form=route_form_for(pilot, workflow, route_form) if code == route_code else None,
        route_decision=stepper.current_route_decision(pilot),
        **extra,
    )


@bp.route("/pilots/<int:pilot_id>/steps/<code>")
@login_required
def substep(pilot_id, code):
    """A sub-step: outcome, guidance, who does what, checks, status and history."""
    pilot = access.load_pilot(pilot_id, "step.view")
    workflow = workflows_registry.for_pilot(pilot)
    _substep_or_404(pilot, workflow, code)
    return render_template(PAGE, **substep_context(pilot, workflow, code))


@bp.route("/pilots/<int:pilot_id>/steps/<code>/status", methods=["POST"])
@login_required
def substep_status(pilot_id, code):
    """Save a status and note; warn (never block) when the checks do not hold yet."""
    pilot = access.load_pilot(pilot_id, "step.update")
    workflow = workflows_registry.for_pilot(pilot)
    _substep_or_404(pilot, workflow, code)
    form = StepStatusForm()
    if not stepper.on_route(workflow, pilot, code):
        return invalid(
            PAGE,
            "pilots/_status.html",
            refused=True,
            **substep_context(pilot, workflow, code, form=form),
        )
    return submit(
        form,
        lambda: stepper.set_status(
            pilot,
            current_user,
            workflow,
            code,
            status=form.status.data,
            reason=form.reason.data,
            note=form.note.data,
            version=form.version.data,
        ),
        again=lambda: render(
            PAGE, "pilots/_status.html", **substep_context(pilot, workflow, code, form=form)
        ),
        done=lambda change: _after_status(pilot, workflow, code, change),
        said=_tell_status,
        swap=lambda change: render(
            PAGE,
            "pilots/_status_response.html",
            saved=_saved(change),
            unmet=change.unmet,
            ask_route=change.asks_route,
            **substep_context(pilot, workflow, code),
        ),
    )


def _saved(change) -> str:
    return _("Status saved.") if change.changed else _("Nothing changed.")


def _tell_status(change) -> None:
    """Saved, with a warning for checks that do not hold yet and, after step 1, the route."""
    flash(_saved(change), "success")
    if change.unmet:
        flash(
            _(
                "Marked as done, but these checks do not hold yet: %(missing)s",
                missing="; ".join(line.label for line in change.unmet),
            ),
            "warning",
        )
    if change.asks_route:
        flash(_("Step 1 is complete. Choose the route now."), "info")


def _after_status(pilot, workflow, code: str, change) -> str:
    """Back to the sub-step; once step 1 is complete, to the route choice on its sub-step,
    where the route form lives, rather than to a dead end."""
    if change.asks_route:
        route_code = stepper.route_substep(workflow) or code
        return url_for("pilots.substep", pilot_id=pilot.id, code=route_code, _anchor="route-choice")
    return url_for("pilots.substep", pilot_id=pilot.id, code=code)


@bp.route("/pilots/<int:pilot_id>/route", methods=["POST"])
@login_required
def choose_route(pilot_id):
    """Record the route after step 1 as a decision, superseding an earlier choice."""
    pilot = access.load_pilot(pilot_id, "pilot.choose_route")
    workflow = workflows_registry.for_pilot(pilot)
    form = route_form_for(pilot, workflow, RouteForm(prefix=RouteForm.PREFIX))
    back = form.back.data if workflow.substep(form.back.data or "") else None

    return submit(
        form,
        lambda: stepper.choose_route(
            pilot,
            current_user,
            workflow,
            route=form.route.data,
            reason=form.reason.data,
            version=form.version.data,
        ),
        again=lambda: _route_form_page(pilot, workflow, back, form),
        done=url_for("pilots.substep", pilot_id=pilot.id, code=back)
        if back
        else url_for("pilots.show", pilot_id=pilot.id),
        said=lambda _decision: _route_recorded(pilot, workflow),
        swap=lambda _decision: _route_in_place(pilot, workflow, back),
    )


def _route_form_page(pilot, workflow, back: str | None, form: RouteForm):
    """The route form sent back, on the sub-step it came from or else the pilot's page."""
    if back:
        ctx = substep_context(pilot, workflow, back, route_form=form)
        return render(PAGE, "pilots/_route.html", **ctx)
    if is_htmx():
        return render("pilots/_route.html", **pilot_context(pilot, route_form=form))
    return render("pilots/show.html", pilot=pilot, body=pilot_home(pilot, form))


def _route_recorded(pilot, workflow) -> str:
    route_name = workflow.route(pilot.route).name.get(locale_code())
    return _("Route recorded: %(route)s. It is in the decision register.", route=route_name)


def _route_in_place(pilot, workflow, back: str | None):
    """For htmx: the route part again with a fresh form and the confirmation."""
    fresh = route_form_for(pilot, workflow)
    ctx = (
        substep_context(pilot, workflow, back, route_form=fresh)
        if back
        else pilot_context(pilot, route_form=fresh)
    )
    saved = _route_recorded(pilot, workflow)
    return render(PAGE, "pilots/_route_response.html", route_saved=saved, **ctx)
