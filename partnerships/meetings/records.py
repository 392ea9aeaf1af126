"""Tables around a meeting: external guests, invitations sent, and the minutes' life cycle."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..database import UTCDateTime, utcnow
from ..extensions import db


class MeetingGuest(db.Model):
    """Someone at the table without an account, named by organisation and function.

    A name and an e-mail address are kept only for a professional contact who agreed to it,
    so an exploratory talk can be recorded before anyone of the supplier has an account.
    """

    __tablename__ = "meeting_guest"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    organisation: Mapped[str] = mapped_column(String(200))
    function: Mapped[str] = mapped_column(String(200), default="")
    name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(254), default="")
    consent: Mapped[bool] = mapped_column(Boolean, default=False)

    meeting = relationship("Meeting", back_populates="guests")

    @property
    def label(self) -> str:
        who = self.name or self.function
        return f"{who} ({self.organisation})" if who else self.organisation


class InvitationDelivery(db.Model):
    """Whether the last message of a kind reached an address; failed ones can be resent."""

    __tablename__ = "invitation_delivery"
    __table_args__ = (UniqueConstraint("meeting_id", "email", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    email: Mapped[str] = mapped_column(String(254))
    name: Mapped[str] = mapped_column(String(200), default="")
    # "invitation" (REQUEST or CANCEL, whichever the meeting needs now) or "minutes".
    kind: Mapped[str] = mapped_column(String(20))
    ok: Mapped[bool] = mapped_column(Boolean, default=False)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class DraftDecision(db.Model):
    """A decision as written in the minutes; it enters the register when they are fixed."""

    __tablename__ = "draft_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(30))
    text: Mapped[str] = mapped_column(Text, default="")
    decided_by: Mapped[str] = mapped_column(String(40))
    step_code: Mapped[str | None] = mapped_column(String(10))
    # Set once the decision is in the register.
    decision_id: Mapped[int | None] = mapped_column(ForeignKey("decision.id", ondelete="SET NULL"))

    agenda_item = relationship("AgendaItem", back_populates="draft_decisions")
    decision = relationship("Decision")


class MinutesComment(db.Model):
    """A participant's remark on one item of minutes sent round for comment."""

    __tablename__ = "minutes_comment"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_item.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user_account.id", ondelete="SET NULL"))
    minutes_version: Mapped[int] = mapped_column(Integer, default=1)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    agenda_item = relationship("AgendaItem", back_populates="comments")
    user = relationship("User")


class MinutesVersion(db.Model):
    """One version of a meeting's minutes: the first, or a correction with its reason.

    The text of each item is kept as it was fixed, so a correction never rewrites history.
    """

    __tablename__ = "minutes_version"
    __table_args__ = (UniqueConstraint("meeting_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    fixed_on: Mapped[date | None] = mapped_column(Date)
    fixed_by_id: Mapped[int | None] = mapped_column(
        ForeignKey("user_account.id", ondelete="SET NULL")
    )
    # The minutes as fixed: JSON list of {"title": ..., "notes": ...} per item.
    snapshot: Mapped[str] = mapped_column(Text, default="")

    fixed_by = relationship("User")


class MeetingSettings(db.Model):
    """How a pilot's working group handles its minutes."""

    __tablename__ = "meeting_settings"

    pilot_id: Mapped[int] = mapped_column(
        ForeignKey("pilot.id", ondelete="CASCADE"), primary_key=True
    )
    # Decisions enter the register at once, marked "onder voorbehoud", instead of on fixing.
    decisions_at_once: Mapped[bool] = mapped_column(Boolean, default=False)
