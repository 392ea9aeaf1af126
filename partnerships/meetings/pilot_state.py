"""What a progress meeting's agenda lists live from the pilot, so nobody copies it by hand."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from .. import access, clock, workflows_registry
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
    figures: list = field(default_factory=list)  # Figure


@dataclass(frozen=True)
class Figure:
    """One monitoring figure; `kind` tells the template how to write it in the user's style."""

    label: object  # a lazy string for known figures, rendered in the reader's language
    value: object
    kind: str  # "count" (|number), "decimal" (|number(2)), "period" (two dates) or "text"


# The keys of `partnerships.figures.services.latest_figures`, in the order a progress meeting
# reads them: over which period, then the banen against their goal, then people and durability.
FIGURES = {
    "period": (_l("Period counted"), "period"),
    "banen": (_l("Banenafspraak jobs (average over the period counted)"), "decimal"),
    "goal": (_l("Goal (banenafspraak jobs)"), "decimal"),
    "people": (_l("People placed to date"), "count"),
    "goal_people": (_l("Goal (people)"), "count"),
    "durable": (_l("Durable jobs (still working after the set number of months)"), "count"),
}


def _kind_of(value) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return "text"
    return "count" if isinstance(value, int) else "decimal"


def latest_figures(pilot) -> list[Figure]:
    """The jobs domain's latest monitoring figures, labelled; keys FIGURES does not know keep
    their own label."""
    from ..figures.services import latest_figures as jobs_figures  # per call, as in reports

    pairs = list(jobs_figures(pilot).items())
    known = {key: value for key, value in pairs if key in FIGURES}
    result = [
        Figure(label, known[key], kind)
        for key, (label, kind) in FIGURES.items()
        if key in known and _valid(known[key], kind)
    ]
    result += [
        Figure(str(key), value, _kind_of(value)) for key, value in pairs if key not in FIGURES
    ]
    return result


def _valid(value, kind: str) -> bool:
    """A period needs two dates; a missing goal (None) is shown as not set, not hidden."""
    if kind == "period":
        return isinstance(value, list | tuple) and len(value) == 2
    return True


def pilot_state(
    pilot, locale: str, *, internal: bool = True, today: date | None = None, user=None
) -> PilotState:
    """The live part of a progress agenda; suppliers (internal=False) see only the shared
    actions meant for their own organisation (`user`), never another supplier's."""
    today = today or clock.today()
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
                Action.role == access.SUPPLIER_ROLE,
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
