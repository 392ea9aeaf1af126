"""The RACI matrix of a pilot: the workflow's duties per step and role, the pilot's own
wording where the coordinator adapted it, and who holds each role."""

from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from .. import audit, workflows_registry
from ..concurrency import claim
from ..extensions import db
from .models import DutyOverride
from .services import TeamError, people_by_role


@dataclass
class Cell:
    """One step x role cell: the default duty, the pilot's wording and whether it is a gap."""

    step: str
    role: str
    default: str = ""
    text: str = ""
    source: str = ""
    adapted: bool = False
    gap: bool = False


@dataclass
class Row:
    role: object  # workflow Role
    name: str
    people: list = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)


def current_step_code(pilot, workflow=None) -> str | None:
    """The first step on the pilot's route that is not finished, as the stepper sees it."""
    from ..pilots import progress

    workflow = workflow or workflows_registry.for_pilot(pilot)
    step = progress.for_pilot(pilot, workflow, "nl").current_step
    return step.code if step is not None else None


def overrides(pilot) -> dict[tuple[str, str], DutyOverride]:
    """The pilot's adapted duty texts by (step, role)."""
    rows = db.session.scalars(select(DutyOverride).where(DutyOverride.pilot_id == pilot.id))
    return {(row.step_code, row.role): row for row in rows}


def matrix(pilot, locale: str | None):
    """Steps (columns), rows per role with people and cells, and the current step's gaps."""
    workflow = workflows_registry.for_pilot(pilot)
    steps = workflow.steps_for_route(pilot.route) if pilot.route else workflow.steps
    current = current_step_code(pilot, workflow)
    adapted = overrides(pilot)
    people = people_by_role(pilot)
    rows, gaps = [], []
    for role in workflow.roles:
        holders = people.get(role.code, [])
        row = Row(role=role, name=role.name.get(locale), people=holders)
        for step in steps:
            duty = workflow.duties_for(step.code).get(role.code)
            cell = Cell(step=step.code, role=role.code)
            if duty is not None:
                cell.default = cell.text = duty.text.get(locale)
                cell.source = duty.source
            override = adapted.get((step.code, role.code))
            if override is not None and override.text:
                cell.text, cell.adapted = override.text, True
            # The working group as a whole is every member, so it can never be a gap.
            cell.gap = bool(step.code == current and cell.text and role.assignable and not holders)
            if cell.gap:
                gaps.append(row.name)
            row.cells.append(cell)
        rows.append(row)
    return steps, rows, current, gaps


def duty(pilot, step_code: str, role_code: str, locale: str | None):
    """The default duty (or None), the override row (or None); refuses unknown codes."""
    workflow = workflows_registry.for_pilot(pilot)
    if workflow.step(step_code) is None or workflow.role(role_code) is None:
        raise TeamError(_l("This step or role does not exist in the pilot's method."))
    default = workflow.duties_for(step_code).get(role_code)
    override = db.session.scalar(
        select(DutyOverride).where(
            DutyOverride.pilot_id == pilot.id,
            DutyOverride.step_code == step_code,
            DutyOverride.role == role_code,
        )
    )
    return default, override


def set_duty(
    pilot, actor, step_code: str, role_code: str, text: str, version: str | int | None
) -> DutyOverride | None:
    """Adapt a duty text for this pilot; an empty text goes back to the workflow's default."""
    _, override = duty(pilot, step_code, role_code, None)
    text = (text or "").strip()
    subject = f"{step_code} / {role_code}"
    if override is None:
        if not text:
            return None
        override = DutyOverride(
            pilot_id=pilot.id,
            step_code=step_code,
            role=role_code,
            text=text,
            updated_by_id=actor.id,
        )
        db.session.add(override)
        db.session.flush()
        audit.record("duty.changed", subject, f"→ {text}", pilot=pilot, actor=actor)
        return override
    claim(override, version)
    old = override.text
    override.text = text
    override.updated_by_id = actor.id
    audit.record(
        "duty.changed" if text else "duty.reset",
        subject,
        f"{old} → {text}",
        pilot=pilot,
        actor=actor,
    )
    return override
