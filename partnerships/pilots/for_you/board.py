"""The board's part: unread progress notes, remarks read, decisions proposed."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import exists, select

from ... import access
from ...extensions import db
from .items import ITEMS_PER_SECTION, Item, item


def unread_notes(user, reach: access.Reach) -> list[Item]:
    """Published progress notes this board member has not acknowledged (one statement)."""
    from ...reports.models.notes import NoteAcknowledgement, NoteStatus, ProgressNote

    seen = exists().where(
        NoteAcknowledgement.note_id == ProgressNote.id, NoteAcknowledgement.user_id == user.id
    )
    rows = db.session.execute(
        select(ProgressNote.id, ProgressNote.pilot_id, ProgressNote.period_label)
        .where(
            ProgressNote.pilot_id.in_(reach.board),
            ProgressNote.status == NoteStatus.PUBLISHED,
            ~seen,
        )
        .order_by(ProgressNote.period_end.desc(), ProgressNote.id.desc())
        .limit(ITEMS_PER_SECTION)
    ).all()
    return [
        item(reach, row.pilot_id, row.period_label, "reports.note", note_id=row.id) for row in rows
    ]


def remarks_read(user, reach: access.Reach, now: datetime) -> list[Item]:
    """This board member's remarks on progress notes that the coordinator has read, in the
    last month: the answer to look at (one statement)."""
    from flask_babel import gettext as _

    from ...reports.models.notes import NoteRemark, ProgressNote

    rows = db.session.execute(
        select(NoteRemark.pilot_id, NoteRemark.note_id, ProgressNote.period_label)
        .join(ProgressNote, ProgressNote.id == NoteRemark.note_id)
        .where(
            NoteRemark.pilot_id.in_(reach.board),
            NoteRemark.author_id == user.id,
            NoteRemark.read_at.is_not(None),
            NoteRemark.read_at >= now - timedelta(days=30),
        )
        .order_by(NoteRemark.read_at.desc())
        .limit(ITEMS_PER_SECTION)
    ).all()
    return [
        item(
            reach,
            row.pilot_id,
            _("Your remark on %(note)s was read", note=row.period_label),
            "reports.note",
            note_id=row.note_id,
        )
        for row in rows
    ]


def board_decisions(reach: access.Reach) -> list[Item]:
    """Proposed decisions that wait for the board (one statement)."""
    from ...meetings.models import Decision, DecisionStatus

    rows = db.session.execute(
        select(Decision.id, Decision.pilot_id, Decision.title)
        .where(
            Decision.pilot_id.in_(reach.board),
            Decision.status == DecisionStatus.PROPOSED,
            Decision.decided_by == "board",
        )
        .order_by(Decision.id)
        .limit(ITEMS_PER_SECTION)
    ).all()
    return [
        item(reach, row.pilot_id, row.title, "meetings.decisions", _anchor=f"decision-{row.id}")
        for row in rows
    ]
