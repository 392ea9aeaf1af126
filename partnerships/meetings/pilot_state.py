"""What a progress meeting's agenda lists live from the pilot, so nobody copies it by hand."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from .. import workflows_registry
from ..actions.models import Action, ActionStatus
from ..actions.queries import visible_to
from ..extensions import db
from ..pilots.models import StepState, StepStatus


@dataclass
class PilotState:
    """Open and overdue actions, sub-steps in progress and the latest monitoring figures."""

    overdue_actions: list = field(default_factory=list)
    open_actions: list = field(default_factory=list)
    busy_steps: list = field(default_factory=list)  # (code, title)
    figures: list = field(default_factory=list)  # (label, value)


def latest_figures(pilot) -> list:
    """The jobs domain's latest monitoring figures as (label, value) pairs; none until it exists.

    The hook is `partnerships.jobs.services.latest_figures(pilot)`, returning a mapping or a
    list of pairs. Anything else, or its absence, shows nothing.
    """
    try:
        services = importlib.import_module("partnerships.jobs.services")
    except ModuleNotFoundError:
        return []
    hook = getattr(services, "latest_figures", None)
    if hook is None:
        return []
    figures = hook(pilot)
    if isinstance(figures, dict):
        return list(figures.items())
    if isinstance(figures, list | tuple):
        return [
            tuple(pair) for pair in figures if isinstance(pair, list | tuple) and len(pair) == 2
        ]
    return []


def pilot_state(
    pilot, locale: str, *, internal: bool = True, today: date | None = None, user=None
) -> PilotState:
    """The live part of a progress agenda; suppliers (internal=False) see only the shared
    actions meant for their own organisation (`user`), never another supplier's."""
    today = today or date.today()
    query = (
        select(Action)
        .where(
            Action.pilot_id == pilot.id, Action.status.in_([ActionStatus.OPEN, ActionStatus.BUSY])
        )
        .options(selectinload(Action.assignee))
        .order_by(Action.deadline.is_(None), Action.deadline, Action.id)
    )
    if not internal:
        if user is not None:
            query = visible_to(query, user, pilot)
        else:  # nobody in particular: only what every supplier may see
            query = query.where(
                Action.is_internal.is_(False),
                Action.assignee_id.is_(None),
                Action.role == "supplier",
            )
    state = PilotState()
    for action in db.session.scalars(query):
        overdue = action.deadline is not None and action.deadline < today
        (state.overdue_actions if overdue else state.open_actions).append(action)
    if not internal:
        return state
    workflow = workflows_registry.for_pilot(pilot)
    codes = db.session.scalars(
        select(StepState.code).where(
            StepState.pilot_id == pilot.id, StepState.status == StepStatus.BUSY
        )
    )
    for code in sorted(codes):
        substep = workflow.substep(code)
        state.busy_steps.append((code, substep.title.get(locale) if substep else code))
    state.figures = latest_figures(pilot)
    return state
