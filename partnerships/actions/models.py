"""SMART actions of a pilot's action plan, with comments and a history of changes."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import Timestamped, UTCDateTime, enum_check
from ..extensions import db


class ActionStatus(enum.StrEnum):
    OPEN = "open"
    BUSY = "busy"
    DONE = "done"
    DROPPED = "dropped"


class Action(Timestamped, db.Model):
    """One task: owned by a role, assigned to a person or to everyone in that role."""

    __tablename__ = "action"
    __table_args__ = (
        enum_check("status", ActionStatus),
        Index("ix_action_assignee_status", "assignee_id", "status"),
        Index("ix_action_pilot_status", "pilot_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    # A step ("2B") or sub-step ("2Ba") code of the pilot's workflow.
    step_code: Mapped[str | None] = mapped_column(String(10))
    role: Mapped[str] = mapped_column(String(40))
    # None with role set means "everyone in this role".
    assignee_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    deadline: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default=ActionStatus.OPEN)
    drop_reason: Mapped[str] = mapped_column(Text, default="")
    # Internal actions are for the buyer's working group only; suppliers never see them.
    is_internal: Mapped[bool] = mapped_column(Boolean, default=True)
    done_on: Mapped[date | None] = mapped_column(Date)
    # Where the action came from, e.g. a meeting's minutes or a brainstorm card.
    source: Mapped[str] = mapped_column(String(30), default="manual")
    source_id: Mapped[int | None] = mapped_column(Integer)
    created_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    version: Mapped[int] = mapped_column(Integer, default=1)

    pilot = relationship("Pilot")
    assignee = relationship("User", foreign_keys=[assignee_id])
    created_by = relationship("User", foreign_keys=[created_by_id])


class ActionComment(db.Model):
    """A remark on an action by someone working on it."""

    __tablename__ = "action_comment"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(
        ForeignKey("action.id", ondelete="CASCADE"), index=True
    )
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())

    author = relationship("User")
