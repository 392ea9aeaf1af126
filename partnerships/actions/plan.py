"""The 1d action plan, assembled from the pilot's data, and its own written parts."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from .. import audit, workflows_registry
from ..concurrency import claim
from ..extensions import db
from ..i18n import lazy_gettext as _l
from ..team import services as team
from .models import Action, ActionPlanInfo, ActionStatus, ExternalOrganisation

# Organisations the handreiking names for nearly every pilot (p.11).
SUGGESTED_ORGANISATIONS = (
    (
        "UWV",
        _l(
            "Checks whether someone is in the doelgroepregister and advises on "
            "wage cost subsidy and job coaching."
        ),
    ),
    (
        "Werkgeversservicepunt",
        _l(
            "The regional employer desk: finds candidates from the "
            "target group and supports their placement."
        ),
    ),
)


@dataclass
class StepGroup:
    code: str
    title: str
    actions: list = field(default_factory=list)


@dataclass
class Plan:
    pilot: object
    decision: object
    members: list
    groups: list[StepGroup]
    info: ActionPlanInfo | None
    organisations: list[ExternalOrganisation]
    people_by_role: dict
    role_names: dict


def info_of(pilot) -> ActionPlanInfo | None:
    return db.session.scalar(select(ActionPlanInfo).where(ActionPlanInfo.pilot_id == pilot.id))


def organisations_of(pilot) -> list[ExternalOrganisation]:
    return list(
        db.session.scalars(
            select(ExternalOrganisation)
            .where(ExternalOrganisation.pilot_id == pilot.id)
            .order_by(ExternalOrganisation.id)
        )
    )


def policy_decision(pilot):
    """The latest principebesluit, preferring one that was taken over one proposed."""
    from ..meetings.models import Decision

    rows = db.session.scalars(
        select(Decision)
        .where(Decision.pilot_id == pilot.id, Decision.kind == "principebesluit")
        .order_by(Decision.decided_on.desc(), Decision.id.desc())
    ).all()
    taken = [d for d in rows if d.status == "taken"]
    return (taken or rows or [None])[0]


def assemble(pilot, locale: str | None) -> Plan:
    """Everything the plan shows, in a handful of queries; dropped actions are left out."""
    workflow = workflows_registry.for_pilot(pilot)
    actions = db.session.scalars(
        select(Action)
        .options(joinedload(Action.assignee))
        .where(Action.pilot_id == pilot.id, Action.status != ActionStatus.DROPPED)
    ).all()
    groups: dict[str | None, StepGroup] = {}
    for step in workflow.steps:
        groups[step.code] = StepGroup(step.code, step.title.get(locale))
    other = StepGroup("", str(_l("Not tied to a step")))
    for action in actions:
        step = workflow.step_of(action.step_code) if action.step_code else None
        if step is None and action.step_code:
            step = workflow.step(action.step_code)
        (groups[step.code] if step else other).actions.append(action)
    ordered = [g for g in groups.values() if g.actions] + ([other] if other.actions else [])
    for group in ordered:
        group.actions.sort(key=lambda a: (a.deadline is None, a.deadline, a.id))
    role_names = {r.code: r.name.get(locale) for r in workflow.roles}
    members = team.memberships(pilot)
    by_role: dict = {}
    for m in members:
        by_role.setdefault(m.role, []).append(m.user)
    return Plan(
        pilot=pilot,
        decision=policy_decision(pilot),
        members=members,
        groups=ordered,
        info=info_of(pilot),
        organisations=organisations_of(pilot),
        people_by_role=by_role,
        role_names=role_names,
    )


def save_meeting_agreements(pilot, actor, text: str, version) -> ActionPlanInfo:
    """Write the meeting agreements; a stale copy is refused instead of overwriting."""
    info = info_of(pilot)
    if info is None:
        info = ActionPlanInfo(pilot_id=pilot.id, meeting_agreements=text or "")
        db.session.add(info)
        db.session.flush()
    else:
        claim(info, version)
        info.meeting_agreements = text or ""
    audit.record("action_plan.changed", str(_l("Meeting agreements")), pilot=pilot, actor=actor)
    return info


def add_organisation(
    pilot, actor, *, name: str, involvement: str = "", contact: str = ""
) -> ExternalOrganisation:
    """Add an outside organisation to the plan; the same name twice is refused."""
    from .services import ActionError

    name = (name or "").strip()
    if not name:
        raise ActionError(_l("Give the organisation's name."), "name")
    existing = {o.name.casefold() for o in organisations_of(pilot)}
    if name.casefold() in existing:
        raise ActionError(_l("%(name)s is already in the plan.", name=name), "name")
    row = ExternalOrganisation(
        pilot_id=pilot.id, name=name, involvement=involvement or "", contact=contact or ""
    )
    db.session.add(row)
    db.session.flush()
    audit.record(
        "action_plan.changed", name, str(_l("Organisation added")), pilot=pilot, actor=actor
    )
    return row


def remove_organisation(pilot, actor, row: ExternalOrganisation) -> None:
    db.session.delete(row)
    audit.record(
        "action_plan.changed", row.name, str(_l("Organisation removed")), pilot=pilot, actor=actor
    )
