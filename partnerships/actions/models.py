"""SMART actions of a pilot's action plan, with comments, a history of changes, and the
parts of the action plan (1d) that are not derived from other data."""

from __future__ import annotations

import enum
from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import Timestamped, UTCDateTime, enum_check, utcnow, versioned
from ..extensions import db


class ActionStatus(enum.StrEnum):
    OPEN = "open"
    BUSY = "busy"
    DONE = "done"
    DROPPED = "dropped"


OPEN_STATUSES = (ActionStatus.OPEN, ActionStatus.BUSY)


class Action(Timestamped, db.Model):
    """One task: owned by a role, assigned to a person or to everyone in that role."""

    __tablename__ = "action"
    __table_args__ = (
        enum_check("status", ActionStatus),
        Index("ix_action_assignee_status", "assignee_id", "status"),
        Index("ix_action_pilot_status", "pilot_id", "status"),
        # My tasks: the unassigned open actions of the pilots a person takes part in.
        Index("ix_action_pilot_assignee_status", "pilot_id", "assignee_id", "status"),
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
    __mapper_args__ = versioned(version)

    pilot = relationship("Pilot")
    assignee = relationship("User", foreign_keys=[assignee_id])
    created_by = relationship("User", foreign_keys=[created_by_id])

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def is_overdue(self, today: date) -> bool:
        """Open or busy with a deadline before today."""
        return self.is_open and self.deadline is not None and self.deadline < today


class ActionComment(db.Model):
    """A remark on an action by someone working on it."""

    __tablename__ = "action_comment"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    author = relationship("User")


class ActionEvent(db.Model):
    """One change to an action (status, assignee, deadline, ...), for its history."""

    __tablename__ = "action_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    action_id: Mapped[int] = mapped_column(ForeignKey("action.id", ondelete="CASCADE"), index=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    # "created", "status", "assignee", "deadline", "role", "title", "step", "internal".
    field: Mapped[str] = mapped_column(String(30))
    old_value: Mapped[str] = mapped_column(Text, default="")
    new_value: Mapped[str] = mapped_column(Text, default="")

    actor = relationship("User")


class ActionPlanInfo(db.Model):
    """The parts of the action plan that are written, not derived: meeting agreements."""

    __tablename__ = "action_plan_info"

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), unique=True)
    # How often the working group meets, who prepares, where minutes go (Markdown).
    meeting_agreements: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    __mapper_args__ = versioned(version)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class ExternalOrganisation(db.Model):
    """An outside organisation involved in the pilot, such as UWV or Werkgeversservicepunt."""

    __tablename__ = "external_organisation"

    id: Mapped[int] = mapped_column(primary_key=True)
    pilot_id: Mapped[int] = mapped_column(ForeignKey("pilot.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    # What they contribute, e.g. "checks the doelgroepregister, wage cost subsidy".
    involvement: Mapped[str] = mapped_column(Text, default="")
    # A contact point at the organisation (a desk or department), not a placed person.
    contact: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
