"""Answers to the board's remarks: the coordinator answers once, and each board member of the
pilot is told of the answer on Voor jou until they say they have seen it."""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from .. import audit
from ..database import utcnow
from ..extensions import db
from .models import NoteRemark, ProgressNote, RemarkAnswerSeen


class AlreadyAnswered(Exception):
    """Someone else answered the remark first; the remark keeps that answer."""


def answer_remark(remark: NoteRemark, actor, text: str) -> None:
    """The coordinator's answer to a board remark; answering is reading it.

    Given once: the UPDATE only takes an unanswered remark, so of two people answering at
    the same moment the second is told, not silently overwritten."""
    now = utcnow()
    done = db.session.execute(
        update(NoteRemark)
        .where(NoteRemark.id == remark.id, NoteRemark.answered_at.is_(None))
        .values(
            answer=text.strip(),
            answered_by_id=actor.id,
            answered_at=now,
            read_at=func.coalesce(NoteRemark.read_at, now),
        )
        .execution_options(synchronize_session=False)
    )
    db.session.refresh(remark)
    if done.rowcount != 1:
        raise AlreadyAnswered
    audit.record("remark.answered", remark.note.period_label, pilot=remark.note.pilot, actor=actor)


def see_answer(remark: NoteRemark, user) -> bool:
    """A board member has seen the answer; it leaves their Voor jou. Twice changes nothing."""
    seen = db.session.scalar(
        select(RemarkAnswerSeen.id).where(
            RemarkAnswerSeen.remark_id == remark.id, RemarkAnswerSeen.user_id == user.id
        )
    )
    if seen is not None:
        return False
    try:
        # The unique constraint settles two clicks that arrive at the same moment.
        with db.session.begin_nested():
            db.session.add(RemarkAnswerSeen(remark_id=remark.id, user_id=user.id))
            db.session.flush()
    except IntegrityError:
        return False
    return True


def answers_seen_by(user, note: ProgressNote) -> set[int]:
    """Ids of the note's remarks whose answer this user has seen (one statement)."""
    ids = [remark.id for remark in note.remarks if remark.answered_at is not None]
    if not ids:
        return set()
    return set(
        db.session.scalars(
            select(RemarkAnswerSeen.remark_id).where(
                RemarkAnswerSeen.remark_id.in_(ids), RemarkAnswerSeen.user_id == user.id
            )
        )
    )
