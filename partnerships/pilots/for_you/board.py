"""The board's part: unread progress notes, answers to remarks, decisions proposed."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import exists, or_, select

from ... import access, clock
from ...extensions import db
from .. import rules
from .items import ITEMS_PER_SECTION, Item, item


def unread_notes(user, reach: rules.Reach) -> list[Item]:
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


# How long an answer to someone else's remark stays on a board member's page; their own
# remarks' answers stay until seen. A member who joins the board is not met by old answers.
OTHERS_ANSWERS_DAYS = 30


def answered_remarks(user, reach: rules.Reach, now: datetime) -> list[Item]:
    """Answers to remarks on the notes of this person's board pilots that they have not yet
    said they have seen: to their own remarks, and to other board members' of the last month
    (one statement)."""
    from flask_babel import gettext as _

    from ...accounts.models import User
    from ...reports.models.notes import NoteRemark, ProgressNote, RemarkAnswerSeen

    pilots = [
        pid for pid in reach.board if access.can(user, "remark.answers_news", reach.pilots[pid])
    ]
    if not pilots:
        return []
    seen = exists().where(
        RemarkAnswerSeen.remark_id == NoteRemark.id, RemarkAnswerSeen.user_id == user.id
    )
    rows = db.session.execute(
        select(
            NoteRemark.id,
            NoteRemark.pilot_id,
            NoteRemark.note_id,
            NoteRemark.author_id,
            NoteRemark.answered_at,
            ProgressNote.period_label,
            User.name,
        )
        .join(ProgressNote, ProgressNote.id == NoteRemark.note_id)
        .outerjoin(User, User.id == NoteRemark.author_id)
        .where(
            NoteRemark.pilot_id.in_(pilots),
            NoteRemark.answered_at.is_not(None),
            or_(
                NoteRemark.author_id == user.id,
                NoteRemark.answered_at >= now - timedelta(days=OTHERS_ANSWERS_DAYS),
            ),
            ~seen,
        )
        .order_by(NoteRemark.answered_at.desc(), NoteRemark.id.desc())
        .limit(ITEMS_PER_SECTION)
    ).all()
    return [
        item(
            reach,
            row.pilot_id,
            _("Answer to your remark on %(note)s", note=row.period_label)
            if row.author_id == user.id
            else _(
                "Answer to the remark by %(name)s on %(note)s",
                name=row.name or _("(removed user)"),
                note=row.period_label,
            ),
            "reports.note",
            note_id=row.note_id,
            _anchor=f"remark-{row.id}",
            # The day of the answer, in the Netherlands; the hour adds nothing here.
            when=clock.local(row.answered_at).date(),
        )
        for row in rows
    ]


def board_decisions(reach: rules.Reach) -> list[Item]:
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
