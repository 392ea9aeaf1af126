"""Loading a meeting or agenda item named in the URL, with the access check, in one call."""

from __future__ import annotations

from flask import abort, g
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.orm import selectinload

from .. import access
from ..extensions import db
from .models import AgendaItem, AgendaItemAction, Meeting, MeetingParticipant

# Everything a meeting page shows, loaded in a fixed number of queries.
MEETING_PAGE = (
    selectinload(Meeting.participants).joinedload(MeetingParticipant.user),
    selectinload(Meeting.items).selectinload(AgendaItem.decisions),
    selectinload(Meeting.items)
    .selectinload(AgendaItem.action_links)
    .joinedload(AgendaItemAction.action),
)


def load_meeting(pilot, meeting_id: int, action: str = "meeting.view") -> Meeting:
    """The meeting named in the URL: 404 if missing or of another pilot, 403 if not allowed."""
    if not 0 < meeting_id <= access.MAX_ID:  # larger ids overflow the database driver
        abort(404)
    meeting = db.session.get(Meeting, meeting_id, options=MEETING_PAGE)
    if meeting is None or meeting.pilot_id != pilot.id:
        abort(404)
    access.require("meeting.view", meeting)
    if action != "meeting.view":
        require_edit(meeting) if action == "meeting.edit" else access.require(action, meeting)
    return meeting


def require_edit(meeting: Meeting) -> None:
    """403 with a message that says why, when the meeting is closed for this user."""
    if access.can(current_user, "meeting.edit", meeting):
        return
    if access.can(current_user, "meeting.create", meeting.pilot) and not meeting.is_open:
        g.own_message = True
        abort(
            403,
            description=_l(
                "This meeting is closed because it was held or cancelled. "
                "Only the coordinator or the backup can still change it."
            ),
        )
    abort(403)


def load_item(meeting: Meeting, item_id: int) -> AgendaItem:
    """An item of this meeting; one of another meeting is treated as missing."""
    item = next((i for i in meeting.items if i.id == item_id), None)
    if item is None:
        g.own_message = True
        abort(
            404,
            description=_l("This agenda item is not part of this meeting. Nothing was changed."),
        )
    return item
