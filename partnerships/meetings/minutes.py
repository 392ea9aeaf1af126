"""Minutes per agenda item: notes, the decisions taken and the actions agreed."""

from __future__ import annotations

from .. import audit
from ..actions.services import create_action
from ..concurrency import claim
from ..extensions import db
from .clock import local
from .models import AgendaItem, AgendaItemAction, DecisionSource
from .services import record_decision


def save_notes(item: AgendaItem, actor, *, notes: str, version) -> AgendaItem:
    """Write the minutes of one item; refused on a stale copy so a colleague's notes survive."""
    claim(item, version)
    item.notes = notes
    audit.record(
        "minutes.changed",
        f"{item.meeting.title}: {item.title}",
        pilot=item.meeting.pilot,
        actor=actor,
    )
    return item


def decide(
    item: AgendaItem,
    actor,
    *,
    kind: str,
    title: str,
    decided_by: str,
    text: str = "",
    rationale: str = "",
    status: str = "taken",
    step_code: str | None = None,
    value: str | None = None,
):
    """A decision taken on this item goes into the pilot's register, dated on the meeting."""
    meeting = item.meeting
    return record_decision(
        meeting.pilot,
        actor,
        kind=kind,
        title=title,
        decided_by=decided_by,
        decided_on=local(meeting.starts_at).date(),
        text=text,
        rationale=rationale,
        step_code=step_code,
        source=DecisionSource.MEETING,
        value=value,
        status=status,
        meeting=meeting,
        agenda_item=item,
    )


def agree_action(
    item: AgendaItem,
    actor,
    *,
    title: str,
    role: str,
    assignee=None,
    deadline=None,
    description: str = "",
    step_code: str | None = None,
):
    """An action agreed on this item goes straight into the pilot's action list.

    Actions agreed on a shared item are visible to the supplier; the others stay internal.
    """
    meeting = item.meeting
    action = create_action(
        meeting.pilot,
        actor,
        title=title,
        role=role,
        description=description,
        step_code=step_code,
        assignee=assignee,
        deadline=deadline,
        is_internal=not item.shared,
        source="meeting",
        source_id=meeting.id,
    )
    item.action_links.append(AgendaItemAction(action_id=action.id))
    db.session.flush()
    return action
