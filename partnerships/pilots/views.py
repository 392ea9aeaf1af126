"""Pilot overview, starting a pilot, the pilot's home page with its steps, and its settings."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from .. import access, changes, fragments, workflows_registry
from ..htmx import render, submit
from ..i18n import locale_code
from . import bp, progress, services, stepper
from . import for_you as for_you_page
from .forms import CATEGORY_LABELS, FREQUENCY_LABELS, PilotForm, PilotSettingsForm, RouteForm
from .models import PilotStatus

STATUS_FILTERS = {
    "": None,
    PilotStatus.ACTIVE: PilotStatus.ACTIVE,
    PilotStatus.COMPLETED: PilotStatus.COMPLETED,
    PilotStatus.STOPPED: PilotStatus.STOPPED,
}


@bp.route("/pilots")
@login_required
def index():
    """The user's pilots with where each stands, filterable by status."""
    chosen = request.args.get("status", "")
    if chosen not in STATUS_FILTERS:
        chosen = ""
    number = services.page_number(request.args.get("page"))
    kept = changes.key(access.only_own_organisation(current_user), "pilot list", chosen, number)
    body = fragments.rendered_once(kept, lambda: _index(chosen, number))
    return render_template("pilots/index.html", body=body)


def _index(chosen: str, number: int) -> str:
    page = services.overview(current_user, locale_code(), STATUS_FILTERS[chosen], number)
    return render_template(
        "pilots/_index.html",
        rows=page.rows,
        pilots=page,
        chosen=chosen,
        can_create=access.can(current_user, "pilot.create"),
    )


@bp.route("/pilots/new", methods=["GET", "POST"])
@login_required
def new():
    """Start a pilot on the newest method version; the starter becomes coordinator."""
    access.require("pilot.create")
    form = PilotForm()
    return submit(
        form,
        lambda: services.start_pilot(
            current_user.organisation,
            current_user,
            title=form.title.data,
            purchasing_category=form.purchasing_category.data,
            start_date=form.start_date.data,
            goal_jobs=form.goal_jobs.data,
            goal_people=form.goal_people.data,
        ),
        again=lambda: render_template("pilots/new.html", form=form),
        done=lambda pilot: url_for("pilots.show", pilot_id=pilot.id),
        said=_("Pilot started. You are its coordinator."),
    )


def route_form_for(
    pilot, workflow, form: RouteForm | None = None, decision=None
) -> RouteForm | None:
    """The route choice form, when the current user may choose the route; `decision` is the
    route decision that stands, when the caller has it."""
    if not access.can(current_user, "pilot.choose_route", pilot):
        return None
    if form is None:
        decision = decision or stepper.current_route_decision(pilot)
        form = RouteForm(
            formdata=None,
            prefix=RouteForm.PREFIX,
            route=pilot.route,
            version=pilot.version,
            reason=decision.rationale if decision else "",
        )
    return form.set_routes(workflow, locale_code())


def pilot_context(pilot, route_form: RouteForm | None = None, **extra) -> dict:
    """What the pilot page and its route fragment need."""
    workflow = workflows_registry.for_pilot(pilot)
    decision = stepper.current_route_decision(pilot)
    return dict(
        pilot=pilot,
        workflow=workflow,
        progress=progress.for_pilot(pilot, workflow, locale_code()),
        # The route is chosen on its sub-step; here only a form sent back with errors shows.
        route_form=route_form_for(pilot, workflow, route_form, decision) if route_form else None,
        route_decision=decision,
        route_substep=stepper.route_substep(workflow),
        can_choose_route=access.can(current_user, "pilot.choose_route", pilot),
        internal=access.can(current_user, "step.view_internal", pilot),
        can_update=access.can(current_user, "step.update", pilot),
        as_supplier=access.can(current_user, "jobs.supplier_view", pilot),
        as_board=access.can(current_user, "board.member", pilot),
        can_settings=access.can(current_user, "pilot.edit_settings", pilot),
        category_labels=CATEGORY_LABELS,
        frequency_labels=FREQUENCY_LABELS,
        **extra,
    )


@bp.route("/pilots/<int:pilot_id>")
@login_required
def show(pilot_id):
    """The pilot's home: its route-aware progress, goals and the route choice."""
    pilot = access.load_pilot(pilot_id, "step.view")
    return render_template("pilots/show.html", pilot=pilot, body=pilot_home(pilot))


def pilot_home(pilot, route_form: RouteForm | None = None) -> str:
    """The pilot page's content, kept per change stamp (changes.py) unless it shows a route
    form sent back with what was typed."""
    kept = None
    if route_form is None:
        kept = changes.key_with_forms(pilot.organisation_id, "pilot home", pilot.id)
    return fragments.rendered_once(
        kept, lambda: render_template("pilots/_show.html", **pilot_context(pilot, route_form))
    )


@bp.route("/pilots/<int:pilot_id>/settings", methods=["GET", "POST"])
@login_required
def settings(pilot_id):
    """The coordinator's settings, saved only on the version they saw."""
    pilot = access.load_pilot(pilot_id, "pilot.edit_settings")
    form = PilotSettingsForm(obj=pilot if request.method == "GET" else None)
    if request.method == "GET":
        form.monitoring_frequency.data = pilot.monitoring_frequency or ""
    return submit(
        form,
        lambda: stepper.update_settings(
            pilot,
            current_user,
            version=form.version.data,
            **{name: form[name].data for name in stepper.SETTINGS_FIELDS},
        ),
        again=lambda: render("pilots/settings.html", pilot=pilot, form=form),
        done=url_for("pilots.show", pilot_id=pilot.id),
        said=_("Pilot settings saved."),
    )


@bp.route("/for-you")
@login_required
def for_you():
    """The first page after login: what this person must do now, across their pilots.

    Kept per change stamp and per minute: meetings move from coming to past, and answers
    to remarks age out, with the time; the page shows them as at the minute's start."""
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    kept = changes.key(access.only_own_organisation(current_user), "for you", now)
    body = fragments.rendered_once(kept, lambda: _for_you(now))
    return render_template("pilots/for_you.html", body=body)


def _for_you(now: datetime) -> str:
    from ..actions.labels import STATUS_LABELS as ACTION_STATUS_LABELS

    return render_template(
        "pilots/_for_you.html",
        page=for_you_page.build(current_user, locale_code(), now=now),
        can_create=access.can(current_user, "pilot.create"),
        action_status_labels=ACTION_STATUS_LABELS,
    )
