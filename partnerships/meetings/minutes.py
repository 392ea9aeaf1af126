"""Minutes per agenda item: notes, the decisions taken and the actions agreed.

Minutes are written as a concept, sent round for comment, then fixed. Fixed minutes are
locked; a correction is a new version with its reason. Decisions written in the minutes
enter the register when the minutes are fixed, or at once "onder voorbehoud" when the
pilot chose so.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import Conflict

from .. import audit
from ..actions.services import create_action
from ..clock import local
from ..concurrency import claim
from ..extensions import db
from .models import (
    AgendaItem,
    AgendaItemAction,
    DecisionSource,
    DraftDecision,
    Meeting,
    MeetingDecision,
    MeetingSettings,
    MinutesState,
)
from .services import record_decision


class MinutesLocked(Conflict):
    """Fixed minutes are not changed; a correction makes a new version."""

    description = _l(
        "These minutes are fixed and can no longer be changed. The coordinator can start a "
        "correction, which becomes a new version with its reason."
    )


class NotesConflict(Exception):
    """Someone saved the minutes of these items after the editor loaded them."""

    def __init__(self, items):
        super().__init__("stale minutes")
        self.items = items


def require_open(meeting: Meeting) -> None:
    if meeting.minutes_state == MinutesState.FIXED:
        raise MinutesLocked()


def save_notes(meeting: Meeting, actor, typed: dict[int, tuple[str, str]], items) -> int:
    """Write the minutes of the given items: item id -> (text, version it was typed on).

    Only items whose text changed are written. If a colleague saved one of those in the
    meantime nothing is written and NotesConflict names them, so no one's text is lost.
    Returns how many items changed.
    """
    require_open(meeting)
    changed = [item for item in items if item.id in typed and typed[item.id][0] != item.notes]
    stale = [item for item in changed if str(item.version) != str(typed[item.id][1])]
    if stale:
        raise NotesConflict(stale)
    for item in changed:
        text, version = typed[item.id]
        claim(item, version)
        item.notes = text
    if changed:
        audit.record("minutes.changed", meeting.title, pilot=meeting.pilot, actor=actor)
    return len(changed)


def decisions_at_once(pilot) -> bool:
    settings = db.session.get(MeetingSettings, pilot.id)
    return bool(settings and settings.decisions_at_once)


def set_decisions_at_once(pilot, actor, value: bool) -> None:
    settings = db.session.get(MeetingSettings, pilot.id)
    if settings is None:
        settings = MeetingSettings(pilot_id=pilot.id)
        db.session.add(settings)
    settings.decisions_at_once = value
    audit.record("minutes.settings_changed", pilot.title, pilot=pilot, actor=actor)


def decide(
    item: AgendaItem,
    actor,
    *,
    kind: str,
    title: str,
    decided_by: str,
    text: str = "",
    step_code: str | None = None,
) -> DraftDecision:
    """A decision written in the minutes of this item."""
    meeting = item.meeting
    require_open(meeting)
    draft = DraftDecision(
        title=title, kind=kind, text=text, decided_by=decided_by, step_code=step_code
    )
    item.draft_decisions.append(draft)
    db.session.flush()
    if decisions_at_once(meeting.pilot):
        _enter(draft, actor, provisional=True)
    return draft


def _enter(draft: DraftDecision, actor, *, provisional: bool) -> None:
    """Put a decision of the minutes in the pilot's register, dated on the meeting."""
    item = draft.agenda_item
    meeting = item.meeting
    decision = record_decision(
        meeting.pilot,
        actor,
        kind=draft.kind,
        title=draft.title,
        decided_by=draft.decided_by,
        decided_on=local(meeting.starts_at).date(),
        text=draft.text,
        step_code=draft.step_code,
        source=DecisionSource.MEETING,
        meeting=meeting,
        agenda_item=item,
    )
    draft.decision_id = decision.id
    if provisional:
        link = db.session.scalar(
            db.select(MeetingDecision).where(MeetingDecision.decision_id == decision.id)
        )
        link.provisional = True
    db.session.flush()
    db.session.expire(item, ["decisions"])


def enter_decisions(meeting: Meeting, actor) -> None:
    """On fixing: every decision of the minutes is in the register, none provisional."""
    for item in meeting.items:
        for draft in item.draft_decisions:
            if draft.decision_id is None:
                _enter(draft, actor, provisional=False)
    for link in db.session.scalars(
        db.select(MeetingDecision).where(
            MeetingDecision.meeting_id == meeting.id, MeetingDecision.provisional.is_(True)
        )
    ):
        link.provisional = False


def provisional_ids(meeting: Meeting) -> set[int]:
    """Decisions of this meeting in the register "onder voorbehoud" (minutes not yet fixed)."""
    return set(
        db.session.scalars(
            db.select(MeetingDecision.decision_id).where(
                MeetingDecision.meeting_id == meeting.id, MeetingDecision.provisional.is_(True)
            )
        )
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
    require_open(meeting)
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


def as_text(items) -> str:
    """The minutes as plain text for e-mail: each item with its notes and decisions."""
    parts = []
    for number, item in enumerate(items, start=1):
        lines = [f"{number}. {item.title}"]
        if item.notes:
            lines.append(item.notes)
        lines += [f"- {draft.title}" for draft in item.draft_decisions]
        parts.append("\n".join(lines))
    return "\n\n".join(parts)
