"""An action's history and comments as one reader may see them.

A shared action can pass from one supplier to another (the coordinator reassigns it, or it
is meant for every supplier in the role). A supplier contact then sees the buyer's people
and its own organisation's people by name, but never learns who another supplier's contacts
are nor reads what they wrote: their changes stay in the history without a name and
without their own words, their comments are left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import joinedload

from .. import access
from ..accounts.models import User
from ..extensions import db
from .models import ActionComment, ActionEvent

SYSTEM = _l("system")
OTHER_SUPPLIERS_PERSON = _l("someone from another supplier")


@dataclass(frozen=True)
class Entry:
    """One line of the history table: who is already a display name."""

    at: datetime
    who: str
    field: str
    old_value: str
    new_value: str


def for_reader(action, pilot, user) -> dict:
    """The history and comments of the action that this user may read."""
    events = list(
        db.session.scalars(
            select(ActionEvent)
            .options(joinedload(ActionEvent.actor))
            .where(ActionEvent.action_id == action.id)
            .order_by(ActionEvent.at, ActionEvent.id)
        )
    )
    comments = list(
        db.session.scalars(
            select(ActionComment)
            .options(joinedload(ActionComment.author))
            .where(ActionComment.action_id == action.id)
            .order_by(ActionComment.created_at, ActionComment.id)
        )
    )
    scope = access.visible_supplier_ids(user, pilot)
    if scope is None:
        return dict(history=[_entry(e) for e in events], comments=comments)
    allowed = {pilot.organisation_id} | set(scope)
    names = _known_names(events, allowed)
    return dict(
        history=[_entry_for_supplier(e, allowed, names) for e in events],
        # A comment without a known author may have been another supplier's: leave it out.
        comments=[c for c in comments if c.author and c.author.organisation_id in allowed],
    )


def _entry(event, who=None, old=None, new=None) -> Entry:
    return Entry(
        at=event.at,
        who=who or (event.actor.name if event.actor else str(SYSTEM)),
        field=event.field,
        old_value=event.old_value if old is None else old,
        new_value=event.new_value if new is None else new,
    )


def _known_names(events, allowed: set[int]) -> set[str]:
    """Assignee names in the history that belong to someone of an allowed organisation.

    The history keeps assignees by name (they outlive memberships), so a name is shown only
    when it is positively someone the reader may know; an unknown name stays hidden.
    """
    names = {
        value
        for e in events
        if e.field == "assignee_id"
        for value in (e.old_value, e.new_value)
        if value
    }
    if not names:
        return set()
    return set(
        db.session.scalars(
            select(User.name).where(User.organisation_id.in_(allowed), User.name.in_(names))
        )
    )


def _entry_for_supplier(event, allowed: set[int], names: set[str]) -> Entry:
    hidden_actor = event.actor is not None and event.actor.organisation_id not in allowed
    old, new = event.old_value, event.new_value
    if event.field == "assignee_id":
        old = old if not old or old in names else str(OTHER_SUPPLIERS_PERSON)
        new = new if not new or new in names else str(OTHER_SUPPLIERS_PERSON)
    elif event.field == "status" and hidden_actor:
        new = new.split(":", 1)[0]  # the reason is their words, the status is the action's
    return _entry(event, str(OTHER_SUPPLIERS_PERSON) if hidden_actor else None, old, new)
