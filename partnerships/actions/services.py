"""Rules for actions: creating, assigning and changing status, with a history of changes."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from .. import access, audit, clock, workflows_registry
from ..concurrency import claim
from ..database import utcnow
from ..extensions import db
from ..i18n import lazy_gettext as _l
from ..pilots.models import Membership
from .models import OPEN_STATUSES, Action, ActionComment, ActionEvent, ActionStatus


class ActionError(ValueError):
    """An action that breaks the method's rules; `field` names the form field to blame."""

    def __init__(self, message, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


def valid_step_codes(pilot) -> set[str]:
    """Step and sub-step codes of the pilot's workflow."""
    workflow = workflows_registry.for_pilot(pilot)
    return {s.code for s in workflow.steps} | {s.code for s in workflow.substeps}


def action_roles(pilot) -> list:
    """Roles that can own an action: the assignable roles of the pilot's workflow."""
    return [r for r in workflows_registry.for_pilot(pilot).roles if r.assignable]


def is_supplier_contact(pilot, user) -> bool:
    """People outside the buyer organisation take part only as a supplier's contact."""
    return user.organisation_id != pilot.organisation_id


def _validate(pilot, *, title, role, step_code, assignee, is_internal) -> None:
    if not (title or "").strip():
        raise ActionError(_l("Give the action a title."), "title")
    if role not in {r.code for r in action_roles(pilot)}:
        raise ActionError(_l("This role does not exist in the pilot's method."), "role")
    if step_code and step_code not in valid_step_codes(pilot):
        raise ActionError(_l("This step does not exist in the pilot's method."), "step_code")
    if role == access.SUPPLIER_ROLE and is_internal:
        raise ActionError(
            _l(
                "An action for the supplier role cannot be internal: suppliers "
                "never see internal actions."
            ),
            "is_internal",
        )
    if assignee is not None:
        member = db.session.scalar(
            select(Membership.id)
            .where(Membership.pilot_id == pilot.id, Membership.user_id == assignee.id)
            .limit(1)
        )
        if member is None:
            raise ActionError(
                _l(
                    "%(name)s is not a member of this pilot. Add them to the working group first.",
                    name=assignee.name,
                ),
                "assignee_id",
            )
        if is_internal and is_supplier_contact(pilot, assignee):
            raise ActionError(
                _l(
                    "%(name)s is a supplier contact and cannot be given an "
                    "internal action. Make the action shared with the supplier "
                    "or choose someone else.",
                    name=assignee.name,
                ),
                "assignee_id",
            )


def _event(action, actor, field: str, old="", new="") -> None:
    db.session.add(
        ActionEvent(
            action_id=action.id,
            actor_id=actor.id if actor else None,
            field=field,
            old_value="" if old is None else str(old),
            new_value="" if new is None else str(new),
        )
    )


def create_action(
    pilot,
    actor,
    *,
    title: str,
    role: str,
    description: str = "",
    step_code: str | None = None,
    assignee=None,
    deadline: date | None = None,
    is_internal: bool = True,
    source: str = "manual",
    source_id: int | None = None,
) -> Action:
    """Add an action to the pilot's list. Other domains (meetings, brainstorms) call this.

    Raises ActionError for an unknown role or step, an assignee outside the pilot, or an
    internal action for a supplier. A deadline in the past is allowed (the list flags it).
    """
    _validate(
        pilot,
        title=title,
        role=role,
        step_code=step_code or None,
        assignee=assignee,
        is_internal=is_internal,
    )
    action = Action(
        pilot_id=pilot.id,
        title=title.strip(),
        role=role,
        description=description or "",
        step_code=step_code or None,
        assignee_id=assignee.id if assignee is not None else None,
        deadline=deadline,
        is_internal=is_internal,
        source=source,
        source_id=source_id,
        created_by_id=actor.id if actor is not None else None,
    )
    db.session.add(action)
    db.session.flush()
    _event(action, actor, "created", "", action.title)
    audit.record("action.created", title, pilot=pilot, actor=actor)
    return action


# Fields a coordinator may edit, with how a value is written in the history.
EDITABLE = ("title", "description", "step_code", "role", "assignee_id", "deadline", "is_internal")


def update_action(action, actor, version, **changes) -> list[str]:
    """Edit or reassign an action on its current version; returns the fields that changed."""
    pilot = action.pilot
    merged = {name: changes.get(name, getattr(action, name)) for name in EDITABLE}
    assignee = None
    if merged["assignee_id"] is not None:
        from ..accounts.models import User

        assignee = db.session.get(User, merged["assignee_id"])
        if assignee is None:
            raise ActionError(_l("This person is not a member of this pilot."), "assignee_id")
    _validate(
        pilot,
        title=merged["title"],
        role=merged["role"],
        step_code=merged["step_code"] or None,
        assignee=assignee,
        is_internal=merged["is_internal"],
    )
    claim(action, version)
    old_assignee = action.assignee.name if action.assignee is not None else ""
    changed = []
    for name in EDITABLE:
        old, new = getattr(action, name), merged[name]
        if name == "step_code":
            new = new or None
        if old != new:
            setattr(action, name, new)
            changed.append(name)
            if name == "assignee_id":
                # History shows names; "" means everyone in the role.
                _event(action, actor, name, old_assignee, assignee.name if assignee else "")
            elif name != "description":
                _event(action, actor, name, old, new)
    if changed:
        event = "action.assigned" if "assignee_id" in changed else "action.changed"
        audit.record(event, action.title, ", ".join(changed), pilot=pilot, actor=actor)
    return changed


def change_status(
    action, actor, status: str, version, reason: str = "", today: date | None = None
) -> None:
    """Move an action to open, busy, done or dropped; dropping needs a reason."""
    if status not in set(ActionStatus):
        raise ActionError(_l("Choose open, busy, done or dropped."), "status")
    reason = (reason or "").strip()
    if status == ActionStatus.DROPPED and not reason:
        raise ActionError(_l("Say why the action is dropped."), "reason")
    claim(action, version)
    if status == action.status:
        return
    old = action.status
    action.status = status
    action.done_on = (today or clock.today()) if status == ActionStatus.DONE else None
    action.drop_reason = reason if status == ActionStatus.DROPPED else ""
    _event(action, actor, "status", old, status + (f": {reason}" if reason else ""))
    audit.record(
        "action.status",
        action.title,
        f"{old} → {status}" + (f" ({reason})" if reason else ""),
        pilot=action.pilot,
        actor=actor,
    )


def add_comment(action, actor, body: str) -> ActionComment:
    """A remark by someone working on the action."""
    body = (body or "").strip()
    if not body:
        raise ActionError(_l("Write a comment first."), "body")
    comment = ActionComment(action_id=action.id, author_id=actor.id, body=body, created_at=utcnow())
    db.session.add(comment)
    audit.record("action.commented", action.title, pilot=action.pilot, actor=actor)
    return comment


def release_assignments(pilot, actor, user) -> int:
    """Someone left the pilot: their unfinished actions go back to everyone in the role."""
    actions = db.session.scalars(
        select(Action).where(
            Action.pilot_id == pilot.id,
            Action.assignee_id == user.id,
            Action.status.in_(OPEN_STATUSES),
        )
    )
    count = 0
    for action in actions:
        action.assignee_id = None
        action.version += 1
        _event(action, actor, "assignee_id", user.name, "")
        count += 1
    if count:
        audit.record("action.assigned", user.name, f"{count} → role", pilot=pilot, actor=actor)
    return count
