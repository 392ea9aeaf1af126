"""Rules for actions: creating, assigning and changing status, with history."""

from __future__ import annotations

from datetime import date

from .. import audit
from ..extensions import db
from .models import Action


def create_action(pilot, actor, *, title: str, role: str, description: str = "",
                  step_code: str | None = None, assignee=None, deadline: date | None = None,
                  is_internal: bool = True, source: str = "manual",
                  source_id: int | None = None) -> Action:
    """Add an action to the pilot's list. Other domains (meetings, brainstorms) call this."""
    action = Action(
        pilot_id=pilot.id, title=title, role=role, description=description,
        step_code=step_code, assignee_id=assignee.id if assignee is not None else None,
        deadline=deadline, is_internal=is_internal, source=source, source_id=source_id,
        created_by_id=actor.id if actor is not None else None,
    )
    db.session.add(action)
    db.session.flush()
    audit.record("action.created", title, pilot=pilot, actor=actor)
    return action
