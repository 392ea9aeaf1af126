"""Progress notes for the board, and what the board does with them: acknowledge, remark."""

from __future__ import annotations

import enum
import json
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ...database import Timestamped, UTCDateTime, enum_check, utcnow, versioned
from ...extensions import db


class NoteStatus(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"


class ProgressNote(Timestamped, db.Model):
    """The coordinator's report to the board over one period; frozen once published."""

    __tablename__ = "progress_note"
    __table_args__ = (
        enum_check("status", NoteStatus),
        # One published note per period: the board must never see two versions of history.
        Index(
            "uq_progress_note_published_period",
            "pilot_id",
            "period_start",
            "period_end",
            unique=True,
            sqlite_where=text("status = 'published'"),
            postgresql_where=text("status = 'published'"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), index=True)
    period_label: Mapped[str] = mapped_column(String(60))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    body: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default=NoteStatus.DRAFT)
    # Key figures as JSON, written once at publication so later changes never rewrite them.
    figures_json: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    published_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = versioned(version)

    pilot = relationship("Pilot")
    published_by = relationship("User", foreign_keys=[published_by_id])
    created_by = relationship("User", foreign_keys=[created_by_id])
    acknowledgements: Mapped[list[NoteAcknowledgement]] = relationship(
        back_populates="note", cascade="all, delete-orphan", order_by="NoteAcknowledgement.at"
    )
    remarks: Mapped[list[NoteRemark]] = relationship(
        back_populates="note", cascade="all, delete-orphan", order_by="NoteRemark.created_at"
    )

    @property
    def is_published(self) -> bool:
        return self.status == NoteStatus.PUBLISHED

    @property
    def figures(self) -> dict | None:
        return json.loads(self.figures_json) if self.figures_json else None


class NoteAcknowledgement(db.Model):
    """A board member saying "read and noted" about a published note."""

    __tablename__ = "note_acknowledgement"
    __table_args__ = (UniqueConstraint("note_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(ForeignKey("progress_note.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    note: Mapped[ProgressNote] = relationship(back_populates="acknowledgements")
    user = relationship("User")


class NoteRemark(db.Model):
    """A review remark by the board on a note, for the coordinator to read and answer."""

    __tablename__ = "note_remark"

    id: Mapped[int] = mapped_column(primary_key=True)
    note_id: Mapped[int] = mapped_column(
        ForeignKey("progress_note.id", ondelete="CASCADE"), index=True
    )
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Set when the coordinator has read it; unread remarks make the badge on the notes tab.
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The coordinator's (or backup's) answer, given once; the board finds it on Voor jou.
    answer: Mapped[str | None] = mapped_column(Text)
    answered_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    note: Mapped[ProgressNote] = relationship(back_populates="remarks")
    author = relationship("User", foreign_keys=[author_id])
    answered_by = relationship("User", foreign_keys=[answered_by_id])


class RemarkAnswerSeen(db.Model):
    """A board member has seen the answer to a remark: it leaves their Voor jou.

    One row per board member, not a column on the remark, because every board member of the
    pilot reads the remarks and each is told of an answer until they have seen it."""

    __tablename__ = "remark_answer_seen"
    __table_args__ = (UniqueConstraint("remark_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    remark_id: Mapped[int] = mapped_column(ForeignKey("note_remark.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
