"""Follow-up: the next meeting opens with the last minutes to approve and the open actions.

The items are written when the meeting is planned, so the agenda that is mailed, printed
and exported is the same one the group talks through.
"""

from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import select

from ..actions.models import OPEN_STATUSES, Action
from ..clock import local
from ..extensions import db
from ..i18n import force_locale
from .models import AgendaItem, Meeting, MeetingStatus, MinutesState


def previous_meeting(pilot, before: datetime) -> Meeting | None:
    """The pilot's last meeting that was not cancelled, before the given moment."""
    return db.session.scalar(
        select(Meeting)
        .where(
            Meeting.pilot_id == pilot.id,
            Meeting.starts_at < before,
            Meeting.status != MeetingStatus.CANCELLED,
        )
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
        .limit(1)
    )


def open_meeting_actions(pilot, before: datetime) -> list[Action]:
    """Open actions agreed in the pilot's earlier meetings, the oldest deadline first."""
    earlier = select(Meeting.id).where(Meeting.pilot_id == pilot.id, Meeting.starts_at < before)
    return list(
        db.session.scalars(
            select(Action)
            .where(
                Action.pilot_id == pilot.id,
                Action.source == "meeting",
                Action.source_id.in_(earlier),
                Action.status.in_(OPEN_STATUSES),
            )
            .order_by(Action.deadline.is_(None), Action.deadline, Action.id)
        )
    )


def follow_up_items(pilot, starts_at: datetime, locale: str) -> list[AgendaItem]:
    """The approval of the last minutes (first), then the open and overdue actions."""
    items = []
    previous = previous_meeting(pilot, starts_at)
    day = local(starts_at).date()
    with force_locale(locale):
        if previous is not None and previous.minutes_state != MinutesState.FIXED:
            held = f"{local(previous.starts_at):%d-%m-%Y}"
            items.append(
                AgendaItem(
                    title=_(
                        "Approve the minutes of %(title)s (%(date)s)",
                        title=previous.title,
                        date=held,
                    )[:200],
                    description=_("When this meeting is marked as held, those minutes are fixed."),
                    approves_meeting_id=previous.id,
                )
            )
        actions = open_meeting_actions(pilot, starts_at)
        if actions:
            lines = []
            for action in actions:
                line = f"- {action.title}"
                if action.deadline:
                    deadline = action.deadline.strftime("%d-%m-%Y")
                    line += " (" + _("deadline %(date)s", date=deadline)
                    if action.deadline < day:
                        line += ", **" + _("overdue") + "**"
                    line += ")"
                lines.append(line)
            items.append(
                AgendaItem(
                    title=_("Open actions from earlier meetings"),
                    description="\n".join(lines),
                )
            )
    return items
