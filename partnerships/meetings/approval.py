"""The life of minutes: concept -> ter inzage (comments until a date) -> vastgesteld.

Fixing keeps the text of every item as it was fixed, enters the minutes' decisions in
the register and locks the minutes; a correction reopens them as the next version, with
its reason, while the register keeps pointing at the version that holds.
"""

from __future__ import annotations

import json
from datetime import date

from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from .. import audit, clock
from ..extensions import db
from . import invitations, minutes
from .models import Meeting, MinutesComment, MinutesState, MinutesVersion


class ApprovalError(ValueError):
    """A step in the approval that does not fit the minutes' state; the message says why."""


def send_for_comment(meeting: Meeting, actor, until: date) -> None:
    """Open the concept round; participants may comment until the end of `until`.

    The minutes are mailed by `mail_for_comment` once this is committed."""
    if meeting.minutes_state != MinutesState.CONCEPT:
        raise ApprovalError(_l("Only concept minutes can be sent round for comment."))
    if until < clock.today():
        raise ApprovalError(_l("The date for comments cannot lie in the past."))
    meeting.minutes_state = MinutesState.REVIEW
    meeting.comments_until = until
    audit.record("minutes.sent", meeting.title, pilot=meeting.pilot, actor=actor)


def mail_for_comment(meeting: Meeting) -> list:
    """Mail the minutes to everyone at the table; returns who could not be reached."""
    return invitations.send_minutes(meeting, minutes.as_text)


def comment(item, actor, text: str) -> MinutesComment:
    """A participant's remark on one item while the minutes are out for comment."""
    meeting = item.meeting
    if meeting.minutes_state != MinutesState.REVIEW:
        raise ApprovalError(_l("These minutes are not open for comments."))
    if meeting.comments_until is not None and clock.today() > meeting.comments_until:
        raise ApprovalError(_l("The period for comments on these minutes has ended."))
    row = MinutesComment(user_id=actor.id, text=text, minutes_version=meeting.minutes_version)
    item.comments.append(row)
    db.session.flush()
    audit.record(
        "minutes.commented", f"{meeting.title}: {item.title}", pilot=meeting.pilot, actor=actor
    )
    return row


def fix(meeting: Meeting, actor) -> MinutesVersion:
    """Fix the minutes: keep their text as this version, enter the decisions, lock them."""
    if meeting.minutes_state == MinutesState.FIXED:
        raise ApprovalError(_l("These minutes are already fixed."))
    version = current_version(meeting) or MinutesVersion(
        meeting_id=meeting.id, number=meeting.minutes_version
    )
    version.fixed_on = clock.today()
    version.fixed_by_id = actor.id if actor is not None else None
    version.snapshot = json.dumps(
        [{"title": item.title, "notes": item.notes} for item in meeting.items],
        ensure_ascii=False,
    )
    db.session.add(version)
    minutes.enter_decisions(meeting, actor)
    meeting.minutes_state = MinutesState.FIXED
    audit.record(
        "minutes.fixed", meeting.title, f"v{version.number}", pilot=meeting.pilot, actor=actor
    )
    db.session.flush()
    return version


def correct(meeting: Meeting, actor, reason: str) -> MinutesVersion:
    """Open fixed minutes again as the next version; the reason is kept with it."""
    if meeting.minutes_state != MinutesState.FIXED:
        raise ApprovalError(_l("Only fixed minutes are corrected; these can still be edited."))
    if not reason.strip():
        raise ApprovalError(_l("Say why the minutes are corrected."))
    meeting.minutes_version += 1
    meeting.minutes_state = MinutesState.CONCEPT
    meeting.comments_until = None
    version = MinutesVersion(
        meeting_id=meeting.id, number=meeting.minutes_version, reason=reason.strip()
    )
    db.session.add(version)
    audit.record(
        "minutes.corrected", meeting.title, reason.strip(), pilot=meeting.pilot, actor=actor
    )
    db.session.flush()
    return version


def fix_approved_by(meeting: Meeting, actor) -> list[Meeting]:
    """A meeting held with an approval item fixes the minutes that item named."""
    fixed = []
    for item in meeting.items:
        earlier = (
            db.session.get(Meeting, item.approves_meeting_id) if item.approves_meeting_id else None
        )
        if earlier is not None and earlier.minutes_state != MinutesState.FIXED:
            fix(earlier, actor)
            fixed.append(earlier)
    return fixed


def versions(meeting: Meeting) -> list[MinutesVersion]:
    return list(
        db.session.scalars(
            select(MinutesVersion)
            .where(MinutesVersion.meeting_id == meeting.id)
            .order_by(MinutesVersion.number)
        )
    )


def current_version(meeting: Meeting) -> MinutesVersion | None:
    return db.session.scalar(
        select(MinutesVersion).where(
            MinutesVersion.meeting_id == meeting.id,
            MinutesVersion.number == meeting.minutes_version,
        )
    )


def holding_versions(meeting_ids) -> dict[int, MinutesVersion]:
    """Meeting id -> the latest fixed version of its minutes (the one that holds)."""
    ids = list(meeting_ids)
    if not ids:
        return {}
    rows = db.session.scalars(
        select(MinutesVersion)
        .where(MinutesVersion.meeting_id.in_(ids), MinutesVersion.fixed_on.is_not(None))
        .order_by(MinutesVersion.number)
    )
    return {row.meeting_id: row for row in rows}
