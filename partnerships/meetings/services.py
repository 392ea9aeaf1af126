"""Rules for meetings and the decision register."""

from __future__ import annotations

from datetime import date

from .. import audit
from ..extensions import db
from .models import Decision, DecisionSource, DecisionStatus


def record_decision(pilot, actor, *, kind: str, title: str, decided_by: str,
                    decided_on: date, text: str = "", rationale: str = "",
                    step_code: str | None = None, source: str = DecisionSource.MANUAL,
                    value: str | None = None, supersedes: Decision | None = None,
                    status: str = DecisionStatus.TAKEN) -> Decision:
    """Add a decision to the register. Other domains (stepper, brainstorms, policy) call this."""
    decision = Decision(
        pilot_id=pilot.id, kind=kind, title=title, text=text, rationale=rationale,
        decided_by=decided_by, decided_on=decided_on, step_code=step_code, source=source,
        value=value, status=status, supersedes_id=supersedes.id if supersedes else None,
        created_by_id=actor.id if actor is not None else None,
    )
    db.session.add(decision)
    db.session.flush()
    audit.record("decision.recorded", title, pilot=pilot, actor=actor)
    return decision
