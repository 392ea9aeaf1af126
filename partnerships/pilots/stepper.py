"""Rules of the stepper: sub-step status, the route choice, pilot settings, and what a
sub-step page needs to show (checks, duties, history). Services flush; the view commits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from flask import has_request_context
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import selectinload

from .. import audit, clock
from ..accounts.models import Organisation, User
from ..audit import AuditEvent
from ..concurrency import StaleEdit, claim
from ..extensions import db
from ..i18n import locale_code
from ..workflow.checks import WHERE, describe, evaluate
from .checks import current_decisions
from .models import Membership, StepState, StepStatus
from .progress import route_steps

STEP_EVENTS = tuple(f"step.{s}" for s in StepStatus) + ("step.note",)


class NotOnRoute(Exception):
    """The sub-step lies on a route the pilot did not choose, so its status cannot change."""


@dataclass(frozen=True)
class CheckLine:
    """One completion check as the checklist shows it."""

    label: str
    status: str  # done | missing | unavailable
    message: str
    # Where the check is satisfied, opened for this pilot and sub-step; None when the check
    # holds, or the person may not use that place.
    url: str | None = None


@dataclass(frozen=True)
class StatusChange:
    """What a status save did, so the view can warn about unmet checks and, when the step
    before the route choice is finished, ask for the route."""

    state: StepState
    changed: bool
    unmet: tuple[CheckLine, ...] = ()
    asks_route: bool = False


@dataclass(frozen=True)
class DutyLine:
    """A RACI cell for this step with the people who hold the role in this pilot."""

    role: str
    role_name: str
    text: str
    uncertain: bool
    source: str
    holders: tuple[str, ...]


def current_locale() -> str:
    """The user's language in a request; Dutch (the default) in the CLI and demo."""
    return locale_code() if has_request_context() else "nl"


def step_state(pilot, code: str) -> StepState | None:
    """The stored state of a sub-step; None means it is still open and never touched."""
    return db.session.scalar(
        select(StepState).where(StepState.pilot_id == pilot.id, StepState.code == code)
    )


def on_route(workflow, pilot, code: str) -> bool:
    """Whether the sub-step's step lies on the pilot's chosen route (all do before a choice)."""
    step = workflow.step_of(code)
    return step is not None and step.code in route_steps(workflow, pilot.route)


def set_status(
    pilot, actor, workflow, code: str, *, status: str, version, reason: str = "", note: str = ""
) -> StatusChange:
    """Save a sub-step's status and note on the version the editor saw; record who and when.

    Marking done never blocks: the unmet checks come back so the view can warn.
    """
    if workflow.substep(code) is None:
        raise KeyError(code)
    if not on_route(workflow, pilot, code):
        raise NotOnRoute(code)
    status = StepStatus(status)
    reason = (reason or "").strip() if status == StepStatus.SKIPPED else ""
    if status == StepStatus.SKIPPED and not reason:
        raise ValueError("a skipped sub-step needs a reason")
    note = (note or "").strip()
    state = step_state(pilot, code)
    if state is None:
        # Never saved: the page offered version 0; the first save makes it version 1.
        state = StepState(pilot_id=pilot.id, code=code, status=StepStatus.OPEN, version=0)
        db.session.add(state)
    claim(state, version)
    status_changed = state.status != status or state.reason != reason
    changed = status_changed or state.note != note
    if changed:
        state.status, state.reason, state.note = status, reason, note
        state.updated_by_id = actor.id if actor is not None else None
        details = "\n\n".join(part for part in (reason, note) if part)
        event = f"step.{status}" if status_changed else "step.note"
        audit.record(event, code, details, pilot=pilot, actor=actor)
    try:
        db.session.flush()
    except IntegrityError:
        # Two first saves of the same sub-step at once: the other one won.
        raise StaleEdit() from None
    unmet = ()
    # Outside a request (demo, CLI) nobody reads the warning, and messages need a language.
    if status == StepStatus.DONE and has_request_context():
        unmet = tuple(
            line for line in checklist(pilot, workflow, code, None, actor) if line.status != "done"
        )
    return StatusChange(state, changed, unmet, asks_for_route(pilot, workflow, code, status))


def asks_for_route(pilot, workflow, code: str, status) -> bool:
    """True when `code` done finishes the step after which the route is chosen, and the
    pilot has no route yet: the method asks for the route now (handreiking, step 1)."""
    step = workflow.step_of(code)
    return (
        status == StepStatus.DONE
        and not pilot.route
        and step.code == workflow.route_choice_after
        and step.substeps[-1].code == code
    )


def _labels(workflow, locale) -> dict[str, str]:
    labels = {r.code: r.name.get(locale) for r in workflow.roles}
    labels.update({t.key: t.name.get(locale) for t in workflow.agenda_templates})
    return labels


def checklist(pilot, workflow, code: str, locale: str | None, user=None) -> list[CheckLine]:
    """The sub-step's completion checks with their live answer and, for a check that does
    not hold yet, a link to where it is satisfied when `user` may use that place."""
    locale = locale or current_locale()
    labels = _labels(workflow, locale)
    step = workflow.step_of(code)
    lines = []
    for check in workflow.substep(code).checks:
        result = evaluate(check, pilot)
        url = None
        if result.status != "done" and user is not None:
            url = check_url(check, pilot, code, step.code, user)
        lines.append(
            CheckLine(describe(check, locale, labels), result.status, result.render(locale), url)
        )
    return lines


def check_url(check, pilot, substep: str, step: str, user) -> str | None:
    """The address of the place that satisfies the check (see workflow.checks.WHERE), or
    None when there is none, it is not installed, or the person may not use it."""
    from flask import current_app, url_for

    from .. import access

    where = WHERE.get(check.name)
    if where is None or where.endpoint not in current_app.view_functions:
        return None
    if not access.can(user, where.rule, pilot):
        return None
    return url_for(where.endpoint, **where.values(pilot.id, check.param, substep, step))


def route_substep(workflow) -> str | None:
    """The sub-step whose page holds the route form: the one that checks the route choice,
    else the last sub-step of the step after which the route is chosen."""
    step = workflow.step(workflow.route_choice_after or "")
    if step is None:
        return None
    for sub in step.substeps:
        if any(check.name == "route:chosen" for check in sub.checks):
            return sub.code
    return step.substeps[-1].code if step.substeps else None


def neighbours(workflow, route: str | None, code: str) -> tuple[str | None, str | None]:
    """The sub-steps before and after this one on the pilot's route."""
    on_route = route_steps(workflow, route)
    codes = [sub.code for step in workflow.steps if step.code in on_route for sub in step.substeps]
    if code not in codes:
        return None, None
    at = codes.index(code)
    return (codes[at - 1] if at else None), (codes[at + 1] if at + 1 < len(codes) else None)


def current_route_decision(pilot):
    """The route decision that stands now, or None."""
    return db.session.scalars(current_decisions(pilot.id, "route").limit(1)).first()


def choose_route(
    pilot, actor, workflow, *, route: str, reason: str, version, decided_on: date | None = None
):
    """Record the route as a decision (superseding an earlier one) and set it on the pilot."""
    from ..meetings.services import record_decision

    chosen = workflow.route(route)
    if chosen is None:
        raise ValueError(f"unknown route {route!r}")
    if not (reason or "").strip():
        raise ValueError("a route choice needs a reason")
    claim(pilot, version)
    previous = current_route_decision(pilot)
    decision = record_decision(
        pilot,
        actor,
        kind="route",
        source="route_choice",
        value=route,
        decided_by="working_group",
        decided_on=decided_on or clock.today(),
        # "Route" reads the same in Dutch and English; the route's name is localised.
        title=f"Route: {chosen.name.get(current_locale())}",
        rationale=reason.strip(),
        step_code=workflow.route_choice_after,
        supersedes=previous,
    )
    old = pilot.route
    pilot.route = route
    audit.record(
        "pilot.route", route, f"{old or '-'} -> {route}: {reason.strip()}", pilot=pilot, actor=actor
    )
    db.session.flush()
    return decision


SETTINGS_FIELDS = (
    "title",
    "purchasing_category",
    "goal_jobs",
    "goal_people",
    "goals_text",
    "target_group_text",
    "ambassador",
    "monitoring_frequency",
    "status",
)


def update_settings(pilot, actor, *, version, **fields) -> list[str]:
    """Save the coordinator's settings on the version they saw; returns the changed fields."""
    unknown = fields.keys() - set(SETTINGS_FIELDS)
    if unknown:
        raise TypeError(f"not a pilot setting: {sorted(unknown)}")
    claim(pilot, version)
    for name in ("goals_text", "target_group_text", "ambassador"):
        if name in fields:
            fields[name] = fields[name] or ""  # a form sent without the field keeps text
    if "monitoring_frequency" in fields:
        fields["monitoring_frequency"] = fields["monitoring_frequency"] or None
    changed = [name for name, value in fields.items() if getattr(pilot, name) != value]
    for name in changed:
        setattr(pilot, name, fields[name])
    if changed:
        audit.record("pilot.settings", pilot.title, ", ".join(changed), pilot=pilot, actor=actor)
    db.session.flush()
    return changed


def duties(pilot, workflow, step_code: str, locale: str) -> list[DutyLine]:
    """Who does what in a step: the method's RACI cells with the pilot's people per role."""
    rows = db.session.execute(
        select(Membership.role, User.name, Organisation.name)
        .join(User, User.id == Membership.user_id)
        .outerjoin(Organisation, Organisation.id == Membership.supplier_organisation_id)
        .where(Membership.pilot_id == pilot.id)
        .order_by(User.name)
    ).all()
    holders: dict[str, list[str]] = {}
    for role, name, supplier in rows:
        holders.setdefault(role, []).append(f"{name} ({supplier})" if supplier else name)
    lines = []
    for role_code, duty in workflow.duties_for(step_code).items():
        role = workflow.role(role_code)
        lines.append(
            DutyLine(
                role=role_code,
                role_name=role.name.get(locale),
                text=duty.text.get(locale),
                uncertain=duty.uncertain,
                source=duty.source,
                holders=tuple(holders.get(role_code, ())),
            )
        )
    return lines


def history(pilot, code: str, limit: int = 30) -> list[AuditEvent]:
    """Status changes and notes of one sub-step, newest first, with who made them."""
    return db.session.scalars(
        select(AuditEvent)
        .options(selectinload(AuditEvent.actor))
        .where(
            AuditEvent.pilot_id == pilot.id,
            AuditEvent.subject == code,
            AuditEvent.event.in_(STEP_EVENTS),
        )
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(limit)
    ).all()
